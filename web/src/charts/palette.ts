// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies (Okabe & Ito 2008).
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** Past eight series: Paul Tol's muted scheme (also colour-blind safe), then the dashes below tell repeats apart. */
export const TOL_MUTED = ['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255'] as const;
export const PALETTE: readonly string[] = [...OKABE_ITO, ...TOL_MUTED];

export const colour = (i: number): string => PALETTE[i % PALETTE.length]!;

/** Line dash patterns so series differ by more than colour. */
export const DASHES: number[][] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [1, 3]];
export const dash = (i: number): number[] => DASHES[i % DASHES.length]!;
