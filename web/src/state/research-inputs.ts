// What the research view analyses: a scenario or the BSM2 digester run, its candidate inputs with default ranges,
// the user's ranges checked field by field, and how one analysis point becomes one worker job.
import { InputError } from '../../../src/errors.js';
import { centre, checkDistribution, support, type Distribution, type UncertainInput } from '../../../src/analysis/distributions.js';
import {
  DIGESTER_SCALARS, checkDigesterInput, defaultInput, kineticParameterNames, nominalValue, rangedParameterNames, applyPoint,
} from '../../../src/analysis/digester-model.js';
import { SCENARIO_HEADLINES, applyScenarioPoint, scenarioUncertainInputs } from '../../../src/analysis/scenario-model.js';
import type { Evaluator } from '../../../src/analysis/evaluate.js';
import { digesterBatches, scenarioBatches } from '../../../src/worker/batch.js';
import type { DigesterRun } from '../../../src/simulate/types.js';
import type { ResearchRunner } from './research-runner.js';
import { metricDef, unitText } from '../fields/metrics.js';
import { gasBasis } from '../fields/basis.js';

export type ResearchModel =
  | { kind: 'digester-run'; key: string; name: string; run: DigesterRun }
  | { kind: 'scenario'; key: string; name: string; json: Record<string, unknown> };

/** One input the user may vary: its default distribution, central value, unit and where the range comes from. */
export interface CandidateInput extends UncertainInput {
  nominal: number;
}

/** Feedstock inputs ("feedstocks.<id>.<field>") are written into the scenario's own feedstock overrides, like any path. */
const isFeedstockInput = (name: string) => name.startsWith('feedstocks.');

/** Every input the view offers for a model, with its default range: for a scenario, what `adsim uncertainty` samples. */
export function candidateInputs(m: ResearchModel): CandidateInput[] {
  if (m.kind === 'digester-run') {
    const names = [...new Set([...kineticParameterNames(), ...rangedParameterNames(), 'T_op_K', 'q_m3_d'])];
    return names.map((n) => ({ ...defaultInput(m.run, n), nominal: nominalValue(m.run, n) }));
  }
  return scenarioUncertainInputs(m.json).inputs.map((i) => ({ ...i, nominal: centre(i.dist) }));
}

/** A small default choice: the inputs most often asked about. */
export function defaultChoice(m: ResearchModel, all: readonly CandidateInput[]): string[] {
  if (m.kind === 'digester-run') return ['k_dis', 'k_hyd_ch', 'k_m_ac', 'K_I_nh3'].filter((n) => all.some((c) => c.name === n));
  const firsts = all.filter((c) => isFeedstockInput(c.name)).map((c) => c.name);
  const rest = all.filter((c) => !isFeedstockInput(c.name)).map((c) => c.name);
  return [...firsts, ...rest].slice(0, 5);
}

/** Scalar outputs the view reports (headlines first). */
export function headlineOutputs(m: ResearchModel): readonly string[] {
  return m.kind === 'digester-run' ? DIGESTER_SCALARS : SCENARIO_HEADLINES;
}

/** The daily methane series name in an analysis result (for the fan chart). */
export function methaneSeries(m: Pick<ResearchModel, 'kind'>): string {
  return m.kind === 'digester-run' ? 'q_ch4_Nm3_d' : 'methane_Nm3';
}

export const methaneUnit = (_m: Pick<ResearchModel, 'kind'>): string => 'Nm3 CH4/d';

/** Units of every output a digester run reports (DIGESTER_OUTPUT_NAMES, DIGESTER_SERIES): the dry ones it reports
 *  by default and the older wet ones (q_gas_Nm3_d, ch4_fraction) scripts still ask for. Basis: gasBasis. */
export const DIGESTER_UNITS: Record<string, string> = {
  q_ch4_Nm3_d: 'Nm3/d', q_biogas_dry_Nm3_d: 'Nm3/d', ch4_fraction_dry: 'mol/mol', pH: 'pH', VFA_kgCOD_m3: 'kg COD/m3',
  free_nh3_mgN_L: 'mg N/L', S_IN: 'kmol N/m3', q_gas_Nm3_d: 'Nm3/d', ch4_fraction: 'mol/mol',
};

/**
 * An analysis output's unit with its basis, as the tables and charts show it: "Nm3/d, dry, 0 C, 101.325 kPa" for
 * q_ch4_Nm3_d, "mol/mol, dry" for ch4_fraction_dry, "Nm3/yr, dry, 0 C, 101.325 kPa" for a scenario's biogas_Nm3.
 */
export function outputUnit(m: Pick<ResearchModel, 'kind'>, key: string): string {
  if (m.kind !== 'digester-run') return unitText(metricDef(key));
  const unit = DIGESTER_UNITS[key.replace(/^series\./, '')] ?? '';
  const b = gasBasis(key);
  return b ? `${unit}, ${b}` : unit;
}

/** Reads a number typed into a field; throws an InputError naming the field. */
export function numberField(field: string, text: string, what = 'a number'): number {
  const t = text.trim();
  const x = t === '' ? NaN : Number(t);
  if (!Number.isFinite(x)) throw new InputError(field, `expected ${what}, got ${JSON.stringify(text)}`);
  return x;
}

/**
 * A candidate with the user's bounds: the same kind of distribution over the new range (a triangular keeps its mode
 * inside, a normal becomes uniform over the bounds). Inverted bounds or a non-positive log range throw, naming the input.
 */
export function withBounds(c: CandidateInput, lowText: string, highText: string): UncertainInput {
  const low = numberField(`low-${c.name}`, lowText, 'a lower bound (number)');
  const high = numberField(`high-${c.name}`, highText, 'an upper bound (number)');
  if (!(low < high)) throw new InputError(`high-${c.name}`, `bounds inverted or empty for ${c.name}: low ${low} must be below high ${high}`);
  let dist: Distribution;
  switch (c.dist.kind) {
    case 'triangular': dist = { kind: 'triangular', low, high, mode: Math.min(high, Math.max(low, c.dist.mode)) }; break;
    case 'loguniform': dist = low > 0 ? { kind: 'loguniform', low, high } : { kind: 'uniform', low, high }; break;
    default: dist = { kind: 'uniform', low, high };
  }
  return { name: c.name, dist: checkDistribution(`high-${c.name}`, dist), unit: c.unit, source: c.source };
}

/** Names a user typed as inputs that the model does not know: InputError listing the nearest known names. */
export function checkInputName(m: ResearchModel, name: string, known: readonly CandidateInput[], field: string): void {
  if (known.some((c) => c.name === name)) return;
  if (m.kind === 'digester-run') checkDigesterInput(name, field);
  throw new InputError(field, `unknown input ${JSON.stringify(name)} for this model`);
}

/** Default bounds shown in the table for a candidate. */
export function defaultBounds(c: CandidateInput): [number, number] {
  return support(c.dist);
}

/**
 * An evaluator that sends the points to the worker pool in batches (several runs a job, src/worker/batch.ts), or,
 * for a runner without a pool (tests), every point as its own call; the signal cancels jobs in flight.
 */
export function evaluatorFor(m: ResearchModel, runner: ResearchRunner, series: boolean, signal: AbortSignal): Evaluator {
  const pool = runner.pool;
  if (m.kind === 'digester-run') {
    return pool ? digesterBatches(pool, m.run, series, { signal }) : (point) => runner.digesterOutputs(applyPoint(m.run, point), series, signal);
  }
  const { writers } = scenarioUncertainInputs(m.json);
  return pool ? scenarioBatches(pool, m.json, writers, series, { signal }) : (point) => runner.scenarioOutputs(applyScenarioPoint(m.json, point, writers), series, signal);
}

/** CLI wording in messages from the shared analysis code, as the page says it. */
const CLI_WORDS: [RegExp, string][] = [
  [/,? or map it with --map/g, ', or rename the column in the CSV header'],
  [/^--params: /, 'Parameters to fit: '], [/^--model: /, 'Kinetic model: '], [/^--fit: /, 'Fields to fit: '],
  [/^--map: /, 'Column names: '], [/^--feedstocks?: /, 'Feedstock: '], [/^--isr: /, 'Inoculum-to-substrate ratio: '],
];

/**
 * An error's message for the page. With `label`, an InputError's leading field (an internal id such as "fit-params")
 * becomes the control's label ('' drops it: the message sits next to its control). CLI flags become page words.
 */
export function pageMessage(e: unknown, label?: string): string {
  let m = e instanceof Error ? e.message : String(e);
  const field = (e as { field?: unknown } | null)?.field;
  if (label !== undefined && typeof field === 'string' && field && m.startsWith(`${field}: `)) {
    m = (label ? `${label}: ` : '') + m.slice(field.length + 2);
  }
  for (const [re, to] of CLI_WORDS) m = m.replace(re, to);
  return m;
}
