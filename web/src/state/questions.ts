// The start view's ready questions (bundled comparisons) and the guided path that builds a council's own scenario.
import type { ScenarioJson } from '../io/storage.js';
import { clone } from './paths.js';

/** A ready question: bundled scenario files to compare, the first one the baseline. */
export interface Question { id: string; text: string; files: string[]; lede: string }

export const QUESTIONS: Question[] = [
  { id: 'small-digester', text: 'Should our dog bins go to a small digester?', files: ['baseline-efw.json', 'weekly-small-digester.json', 'fortnightly-small-digester.json'],
    lede: '1,000 dog bins sent to energy-from-waste today, against a small dedicated digester emptied weekly or fortnightly.' },
  { id: 'shared-plant', text: 'What if it shares a plant with food or garden waste?', files: ['baseline-efw.json', 'existing-food-waste-plant.json', 'dog-garden-codigestion.json'],
    lede: 'The same 1,000 bins tipped into an existing food-waste digester, or digested together with garden waste.' },
  // The region's own "today" is made from the rollout file (same areas, same tonnage), so the comparison is like for like.
  { id: 'region', text: 'What would a region-wide scheme give?', files: ['region-rollout.json#today', 'region-rollout.json'],
    lede: 'Ten councils sending their dog bins to one regional digester, against the same bins going to energy-from-waste.' },
];

/** A bundled file, or "file#today": the same areas and collection sent where the waste goes today. */
export function questionScenario(bundled: Record<string, ScenarioJson>, ref: string): ScenarioJson | undefined {
  const [file, variant] = ref.split('#');
  const json = bundled[file!];
  if (!json) return undefined;
  if (variant !== 'today') return clone(json);
  return todayOf(json, `${String(json.name)}: today's route`,
    `Reference for "${String(json.name)}": the same bins and collection, with the bags going where they go today.`);
}

/** The same areas and collection with the waste going where it goes today (no digester fields). */
export function todayOf(json: ScenarioJson, name: string, comment: string): ScenarioJson {
  const keep = ['schema', 'areas', 'collection', 'bags', 'today', 'horizon', 'rollout'];
  const out: ScenarioJson = { schema: json.schema, name, comment, destination: 'today' };
  for (const k of keep) if (k !== 'schema' && json[k] !== undefined) out[k] = clone(json[k]);
  if (out.horizon && typeof out.horizon === 'object') out.horizon = { years: (out.horizon as Record<string, unknown>).years ?? 1 };
  return out;
}

export type Frequency = 'twice-weekly' | 'weekly' | 'fortnightly';
export type Destination = 'small-digester' | 'food-waste-plant' | 'garden-codigestion';

/** The guided path's answers. */
export interface GuidedAnswers {
  name: string;
  bins: number;
  frequency: Frequency;
  /** Measured dog-bin waste, t/yr (weighbridge records), when the council has it. */
  tonnage_t_yr?: number;
  today: 'efw' | 'landfill';
  /** Gate fee paid today, £/t (blank: the sourced default for the route). */
  gate_fee_gbp_t?: number;
  to: Destination;
}

export const DESTINATIONS: Record<Destination, { label: string; file: string }> = {
  'small-digester': { label: 'A small digester of our own', file: 'weekly-small-digester.json' },
  'food-waste-plant': { label: 'An existing food-waste digester nearby', file: 'existing-food-waste-plant.json' },
  'garden-codigestion': { label: 'A digester shared with garden waste', file: 'dog-garden-codigestion.json' },
};

/** What the guided path cannot accept, by question; empty when every answer is usable. */
export function checkAnswers(a: Partial<GuidedAnswers>): Array<{ field: keyof GuidedAnswers; message: string }> {
  const out: Array<{ field: keyof GuidedAnswers; message: string }> = [];
  if (!a.name || !a.name.trim()) out.push({ field: 'name', message: 'Give the scenario a name (for example your council or area).' });
  if (a.bins === undefined || !Number.isInteger(a.bins) || a.bins < 1 || a.bins > 100000) out.push({ field: 'bins', message: `Dog bins: a whole number from 1 to 100,000; got ${a.bins === undefined || Number.isNaN(a.bins) ? 'nothing' : a.bins}.` });
  if (a.tonnage_t_yr !== undefined && (!Number.isFinite(a.tonnage_t_yr) || a.tonnage_t_yr <= 0 || a.tonnage_t_yr > 100000)) out.push({ field: 'tonnage_t_yr', message: `Measured tonnage: a number of tonnes a year above 0 (at most 100,000), or leave it blank; got ${a.tonnage_t_yr}.` });
  if (a.gate_fee_gbp_t !== undefined && (!Number.isFinite(a.gate_fee_gbp_t) || a.gate_fee_gbp_t < 0 || a.gate_fee_gbp_t > 1000)) out.push({ field: 'gate_fee_gbp_t', message: `Gate fee today: pounds per tonne from 0 to 1,000, or leave it blank; got ${a.gate_fee_gbp_t}.` });
  return out;
}

const EMPTYINGS_YR: Record<Frequency, number> = { 'twice-weekly': 104, weekly: 52, fortnightly: 26 };
/** The bundled small digester's design load: 150 m3 for 1,000 bins at the default fill (520 t/yr). */
const DESIGN = { V_liq_m3: 150, V_gas_m3: 15, t_yr: 520 };

/**
 * Two scenarios from the answers: where the waste goes today (the baseline) and the plan, both from the bundled files
 * with the council's bins, frequency and measured tonnage written in; everything else keeps its sourced default.
 */
export function guidedScenarios(a: GuidedAnswers, bundled: Record<string, ScenarioJson>, expectedTonnage_t_yr?: number): { today: ScenarioJson; plan: ScenarioJson } {
  const template = bundled[DESTINATIONS[a.to].file];
  if (!template) throw new Error(`the bundled scenario ${DESTINATIONS[a.to].file} is missing`);
  const plan = clone(template);
  const area: Record<string, unknown> = { name: a.name.trim(), bins: a.bins };
  // A measured tonnage becomes a fill per emptying (what every dog-waste figure scales from).
  if (a.tonnage_t_yr !== undefined) area.fill_per_bin = `${round3((a.tonnage_t_yr * 1000) / (a.bins * EMPTYINGS_YR[a.frequency]))} kg`;
  plan.areas = [area];
  plan.collection = { ...(plan.collection as Record<string, unknown> ?? {}), frequency: a.frequency };
  plan.today = { route: a.today, ...(a.gate_fee_gbp_t !== undefined ? { gate_fee_per_t: `£${a.gate_fee_gbp_t}/t` } : {}) };
  delete plan.rollout;
  const dest = DESTINATIONS[a.to].label.toLowerCase();
  plan.name = `${a.name.trim()}: ${dest}`;
  let sized = '';
  if (a.to === 'small-digester' && expectedTonnage_t_yr !== undefined && expectedTonnage_t_yr > 0) {
    // A dedicated digester sized with the waste, so it keeps the bundled design's retention time and loading.
    const f = expectedTonnage_t_yr / DESIGN.t_yr;
    const d = plan.digester as Record<string, unknown>;
    d.V_liq = `${Math.max(10, Math.round(DESIGN.V_liq_m3 * f))} m3`;
    d.V_gas = `${Math.max(1, Math.round(DESIGN.V_gas_m3 * f))} m3`;
    sized = ` The digester is sized in proportion to the bundled 1,000-bin design (150 m3 for 520 t a year): ${String(d.V_liq)}.`;
  }
  plan.comment = `Built by the guided path: ${a.bins} dog bins emptied ${a.frequency}${a.tonnage_t_yr !== undefined ? `, ${a.tonnage_t_yr} t a year measured` : ''}, sent to ${dest} instead of ${a.today === 'efw' ? 'energy-from-waste' : 'landfill'}. Other inputs are the sourced defaults of "${String(template.name)}".${sized}`;
  const today = todayOf(plan, `${a.name.trim()}: today (${a.today === 'efw' ? 'energy-from-waste' : 'landfill'})`,
    `Built by the guided path: where the waste of ${a.bins} dog bins goes today; the baseline for "${String(plan.name)}".`);
  return { today, plan };
}

const round3 = (x: number) => Number(x.toPrecision(3));

/** Dog waste a year the answers imply at the default fill, for sizing (null when a tonnage was given it is that). */
export function expectedTonnage(a: GuidedAnswers, fill_kg_bin_week: number): number {
  if (a.tonnage_t_yr !== undefined) return a.tonnage_t_yr;
  return (a.bins * fill_kg_bin_week * 52) / 1000;
}
