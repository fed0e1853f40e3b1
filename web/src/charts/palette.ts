// Series colours: Okabe-Ito first, then Paul Tol's muted scheme; past eight series a second cue (dash or hatch) as well.
// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies (Okabe & Ito 2008).
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** Past eight series: Paul Tol's muted scheme (also colour-blind safe), then the dashes below tell repeats apart. */
export const TOL_MUTED = ['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255'] as const;
export const PALETTE: readonly string[] = [...OKABE_ITO, ...TOL_MUTED];

export const colour = (i: number): string => PALETTE[i % PALETTE.length]!;

/** Line dash patterns so series differ by more than colour. */
export const DASHES: number[][] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [1, 3]];
export const dash = (i: number): number[] => DASHES[i % DASHES.length]!;

/**
 * Fill of a bar series: plain for the first eight; the next eight (Tol's colours, some near an Okabe-Ito one: sky blue
 * and pale cyan, yellow and sand) are hatched with diagonal stripes, the eight after that cross-hatched, so no two of
 * the first 48 bar series look the same even to a reader who cannot tell the near colours apart.
 */
export type Hatch = 'none' | 'diagonal' | 'cross';
const HATCHES: Hatch[] = ['none', 'diagonal', 'cross'];
export const hatch = (i: number): Hatch => HATCHES[Math.floor(i / 8) % HATCHES.length]!;

/** What tells series i apart in a bar chart: its colour and its hatch (a key unique for i < 48). */
export const barStyle = (i: number): { colour: string; hatch: Hatch } => ({ colour: colour(i), hatch: hatch(i) });

/**
 * Lines of one scenario in a chart with two quantities (biogas and methane): the scenario's colour, solid for the first
 * quantity and dashed for the second; scenarios past eight use the other two dashes, so each (scenario, quantity) pair
 * has its own colour-and-dash for the first sixteen scenarios.
 */
export function pairedLine(scenario: number, quantity: 0 | 1): { colour: string; dash: number[] } {
  const late = Math.floor(scenario / 8) % 2 === 1;
  return { colour: colour(scenario), dash: late ? (quantity === 0 ? DASHES[2]! : DASHES[3]!) : (quantity === 0 ? DASHES[0]! : DASHES[1]!) };
}

/** The canvas fill for a hatch: the colour with white stripes (diagonal) or a white grid (cross). */
export function hatchPattern(ctx: CanvasRenderingContext2D, c: string, h: Hatch, px = 8): CanvasPattern | string {
  if (h === 'none') return c;
  const tile = document.createElement('canvas');
  tile.width = px; tile.height = px;
  const t = tile.getContext('2d');
  if (!t) return c;
  t.fillStyle = c;
  t.fillRect(0, 0, px, px);
  t.strokeStyle = '#ffffff';
  t.lineWidth = px / 4;
  t.beginPath();
  t.moveTo(0, px); t.lineTo(px, 0);
  t.moveTo(-px / 2, px / 2); t.lineTo(px / 2, -px / 2);
  t.moveTo(px / 2, px * 1.5); t.lineTo(px * 1.5, px / 2);
  if (h === 'cross') { t.moveTo(0, 0); t.lineTo(px, px); t.moveTo(px / 2, -px / 2); t.lineTo(px * 1.5, px / 2); t.moveTo(-px / 2, px / 2); t.lineTo(px / 2, px * 1.5); }
  t.stroke();
  return ctx.createPattern(tile, 'repeat') ?? c;
}

/** The same hatch as a CSS background, for the page's own legend swatches. */
export function hatchCss(c: string, h: Hatch): string {
  if (h === 'none') return c;
  const stripes = `repeating-linear-gradient(45deg, ${c} 0 4px, #fff 4px 6px)`;
  return h === 'cross' ? `repeating-linear-gradient(-45deg, transparent 0 4px, #fff 4px 6px), ${stripes}` : stripes;
}
