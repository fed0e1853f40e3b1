// What the research view analyses: a scenario or the BSM2 digester run, its candidate inputs with default ranges,
// the user's ranges checked field by field, and how one analysis point becomes one worker job.
import { InputError } from '../../src/errors.js';
import { centre, checkDistribution, support, type Distribution, type UncertainInput } from '../../src/analysis/distributions.js';
import {
  DIGESTER_SCALARS, checkDigesterInput, defaultInput, kineticParameterNames, nominalValue, rangedParameterNames, applyPoint,
} from '../../src/analysis/digester-model.js';
import { SCENARIO_HEADLINES, applyScenarioPoint, defaultScenarioInputs, type InputWriters } from '../../src/analysis/scenario-model.js';
import type { Evaluate, Point } from '../../src/analysis/evaluate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { findFeedstock } from '../../src/feed/library.js';
import type { DigesterRun } from '../../src/simulate/types.js';
import type { FeedstockValues } from '../../src/worker/engine.js';
import type { ResearchRunner } from './research-runner.js';

export type ResearchModel =
  | { kind: 'digester-run'; key: string; name: string; run: DigesterRun }
  | { kind: 'scenario'; key: string; name: string; json: Record<string, unknown> };

/** One input the user may vary: its default distribution, central value, unit and where the range comes from. */
export interface CandidateInput extends UncertainInput {
  nominal: number;
}

/** Feedstock fields varied by the uncertainty tools: the methane potential and the hydrolysis rate (both estimates for dog faeces). */
const FEEDSTOCK_FIELDS = ['BMP', 'k_hyd'] as const;
const FEEDSTOCK_PREFIX = 'feedstock.';

/** The feedstocks a scenario sends to a digester (dog faeces plus its co-substrates); none for today's route. */
function feedstocksOf(json: unknown): string[] {
  const sc = parseScenario(json);
  if (sc.destination !== 'digester') return [];
  return [...new Set(['dog-faeces', ...sc.co_substrates.map((c) => findFeedstock(c.feedstock).id)])];
}

/** Library ranges of the varied feedstock fields, as triangular(low, value, high). */
export function feedstockInputs(json: unknown): CandidateInput[] {
  const out: CandidateInput[] = [];
  for (const id of feedstocksOf(json)) {
    const rec = findFeedstock(id) as unknown as Record<string, { value: number; low: number; high: number; unit: string; evidence?: string; source?: string }>;
    for (const f of FEEDSTOCK_FIELDS) {
      const s = rec[f];
      if (!s || !(s.low < s.high)) continue;
      out.push({
        name: `${FEEDSTOCK_PREFIX}${id}.${f}`, nominal: s.value, unit: s.unit,
        dist: { kind: 'triangular', low: s.low, mode: Math.min(s.high, Math.max(s.low, s.value)), high: s.high },
        source: `feedstock library${s.evidence === 'estimate' ? ' (estimate)' : ''}`,
      });
    }
  }
  return out;
}

/** Every input the view offers for a model, with its default range. */
export function candidateInputs(m: ResearchModel): CandidateInput[] {
  if (m.kind === 'digester-run') {
    const names = [...new Set([...kineticParameterNames(), ...rangedParameterNames(), 'T_op_K', 'q_m3_d'])];
    return names.map((n) => ({ ...defaultInput(m.run, n), nominal: nominalValue(m.run, n) }));
  }
  const { inputs } = defaultScenarioInputs(m.json);
  return [...feedstockInputs(m.json), ...inputs.map((i) => ({ ...i, nominal: centre(i.dist) }))];
}

/** A small default choice: the inputs most often asked about. */
export function defaultChoice(m: ResearchModel, all: readonly CandidateInput[]): string[] {
  if (m.kind === 'digester-run') return ['k_dis', 'k_hyd_ch', 'k_m_ac', 'K_I_nh3'].filter((n) => all.some((c) => c.name === n));
  const firsts = all.filter((c) => c.name.startsWith(FEEDSTOCK_PREFIX)).map((c) => c.name);
  const rest = all.filter((c) => !c.name.startsWith(FEEDSTOCK_PREFIX)).map((c) => c.name);
  return [...firsts, ...rest].slice(0, 5);
}

/** Scalar outputs the view reports (headlines first). */
export function headlineOutputs(m: ResearchModel): readonly string[] {
  return m.kind === 'digester-run' ? DIGESTER_SCALARS : SCENARIO_HEADLINES;
}

/** The daily methane series name in an analysis result (for the fan chart). */
export function methaneSeries(m: ResearchModel): string {
  return m.kind === 'digester-run' ? 'series.q_ch4_Nm3_d' : 'series.methane_Nm3';
}

export const methaneUnit = (m: ResearchModel): string => (m.kind === 'digester-run' ? 'Nm3 CH4/d' : 'Nm3 CH4/d');

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

/** Splits a point into scenario JSON paths and feedstock values. */
export function splitPoint(point: Point): { paths: Point; feedstocks: FeedstockValues } {
  const paths: Point = {};
  const feedstocks: FeedstockValues = {};
  for (const [k, v] of Object.entries(point)) {
    if (k.startsWith(FEEDSTOCK_PREFIX)) {
      const rest = k.slice(FEEDSTOCK_PREFIX.length);
      const dot = rest.lastIndexOf('.');
      (feedstocks[rest.slice(0, dot)] ??= {})[rest.slice(dot + 1)] = v;
    } else paths[k] = v;
  }
  return { paths, feedstocks };
}

/** Writers for a scenario's defaulted inputs (how a number is written back into the JSON). */
export function scenarioWriters(json: unknown): InputWriters {
  return defaultScenarioInputs(json).writers;
}

/** An evaluator that sends every point to the worker pool as its own job; the signal cancels jobs in flight. */
export function evaluatorFor(m: ResearchModel, runner: ResearchRunner, series: boolean, signal: AbortSignal): Evaluate {
  if (m.kind === 'digester-run') return (point) => runner.digesterOutputs(applyPoint(m.run, point), series, signal);
  const writers = scenarioWriters(m.json);
  return (point) => {
    const { paths, feedstocks } = splitPoint(point);
    return runner.scenarioOutputs(applyScenarioPoint(m.json, paths, writers), series, feedstocks, signal);
  };
}
