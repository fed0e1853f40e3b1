// Monte Carlo uncertainty propagation: Latin hypercube sample of the uncertain inputs (McKay et al. 1979), one model
// run per sample, P10/P50/P90 for scalar outputs and percentile bands over time for series. Same seed, same answer.
import { InputError, RunsFailedError } from '../errors.js';
import { checkDistribution, quantile, type UncertainInput } from './distributions.js';
import { evaluateAll, scalarNames, scalarOf, seriesNames, type BatchOptions, type Evaluator, type Point, type RunResult } from './evaluate.js';
import { createRng, latinHypercube, uniformSample } from './random.js';
import { percentileSorted, summarise, type Summary } from './stats.js';

export interface MonteCarloOptions extends BatchOptions {
  samples?: number;          // default 200
  seed?: number;             // default 1
  sampling?: 'lhs' | 'random';
  /** Values for inputs that are not uncertain (passed through to every point). */
  fixed?: Point;
  /** Keep every sample's inputs and scalar outputs in the result (for scatter plots). Default false. */
  keepSamples?: boolean;
}

/** One failed sample: its number (1-based, as in the sample table), the uncertain inputs' values and why it failed. */
export interface FailedSample {
  sample: number;
  inputs: Point;
  reason: string;
}

/**
 * Share of failed samples above which P10-P90 are not reliable. Failures cluster in one corner of the input space
 * (the loads or rates that overwhelm the digester), and P10 or P90 each rest on a tenth of the samples: with more
 * than a tenth missing, a whole tail may be gone and the ranges are biased towards the samples that solved.
 */
export const UNRELIABLE_FAILED_SHARE = 0.1;
/**
 * Fewest finished samples for P10/P50/P90 to be more than a rough guide: with 50, P10 and P90 each rest on at least
 * 5 samples in their tail (docs/limits.md). Fewer still give percentiles, with a caution beside them.
 */
export const MIN_PERCENTILE_SAMPLES = 50;

/** The caution shown beside P10/P50/P90 from fewer than MIN_PERCENTILE_SAMPLES finished samples; undefined otherwise. */
export function fewSamplesCaution(finished: number): string | undefined {
  if (finished >= MIN_PERCENTILE_SAMPLES) return undefined;
  return `Caution: only ${finished} sample${finished === 1 ? '' : 's'} finished, fewer than the ${MIN_PERCENTILE_SAMPLES} that put at least 5 samples beyond each of P10 and P90: the ranges are a rough guide only; use at least ${MIN_PERCENTILE_SAMPLES} samples.`;
}

/** Failed samples listed one by one in a result (the count is always exact). */
export const MAX_FAILED_LISTED = 50;

/** Reason text kept per failed sample. */
const REASON_CHARS = 300;

/** The failed samples of a batch, listed with their uncertain input values (at most MAX_FAILED_LISTED). */
export function failedSamples(points: readonly Point[], results: readonly RunResult[], names: readonly string[]): FailedSample[] {
  const out: FailedSample[] = [];
  results.forEach((r, i) => {
    if (r.ok || out.length >= MAX_FAILED_LISTED) return;
    const p = points[i]!;
    out.push({ sample: i + 1, inputs: Object.fromEntries(names.map((n) => [n, p[n]!])), reason: r.error.slice(0, REASON_CHARS) });
  });
  return out;
}

/** Whether a study with `failed` of `samples` failed runs still gives ranges to rely on. */
export function reliableWith(failed: number, samples: number): boolean {
  return failed <= UNRELIABLE_FAILED_SHARE * samples;
}

/**
 * One sentence about failed samples for reports ("" when none failed): how many of how many, and when too many
 * failed, that the ranges are not reliable.
 */
export function failureSummary(failed: number, samples: number, what = 'samples'): string {
  if (!failed) return '';
  const pct = (100 * failed / samples).toFixed(failed / samples < 0.1 ? 1 : 0);
  const head = `${failed} of ${samples} ${what} failed (${pct} %) and are left out of the percentiles`;
  return reliableWith(failed, samples) ? `${head}.`
    : `${head}: more than ${100 * UNRELIABLE_FAILED_SHARE} % failed, so the ranges are NOT reliable (the failed samples may be a whole tail of the distribution).`;
}

/** "sample 17 (k_dis = 0.53, K_I_nh3 = 0.0041): reason": one failed sample for reports ("run 17" for Morris, Sobol). */
export function describeFailedSample(f: FailedSample, label = 'sample'): string {
  const values = Object.entries(f.inputs).map(([k, v]) => `${k} = ${Number.isFinite(v) ? Number(v.toPrecision(6)) : v}`).join(', ');
  return `${label} ${f.sample} (${values.length > 300 ? values.slice(0, 297) + '...' : values}): ${f.reason}`;
}

/** The report lines of a study's failed samples: the summary, then up to `max` samples. Empty when none failed. */
export function failedSampleLines(failed: number, samples: number, list: readonly FailedSample[], max = 10, what = 'samples'): string[] {
  if (!failed) return [];
  const more = failed - Math.min(max, list.length);
  return [failureSummary(failed, samples, what), ...list.slice(0, max).map((f) => `  ${describeFailedSample(f)}`),
    ...(more > 0 ? [`  ... and ${more} more (${list.length} listed in --json)`] : [])];
}

/** Percentile bands of a series output, one value per output time. */
export interface Band {
  p10: number[];
  p50: number[];
  p90: number[];
}

export interface MonteCarloResult {
  method: 'monte-carlo';
  sampling: 'lhs' | 'random';
  seed: number;
  samples: number;
  failedRuns: number;
  /** First few failure messages (failed runs are excluded from the percentiles). */
  failures: string[];
  /** Each failed sample with its input values and reason (the first MAX_FAILED_LISTED; failedRuns counts them all). */
  failedSamples: FailedSample[];
  /** False when more than UNRELIABLE_FAILED_SHARE of the samples failed: the percentiles are then not reliable. */
  reliable: boolean;
  /** Present when fewer than MIN_PERCENTILE_SAMPLES samples finished: one sentence saying the percentiles are a rough guide. */
  caution?: string;
  inputs: { name: string; dist: UncertainInput['dist']; unit?: string; source?: string }[];
  scalars: Record<string, Summary>;
  /** Bands over time keyed by output name ("pH", "q_ch4_Nm3_d"; the evaluator's "series." prefix dropped). */
  series: Record<string, Band>;
  /** Output times of the series (d), from the first successful run; absent when the runs gave no series. */
  t_d?: number[];
  /** Present when keepSamples is set. */
  table?: { inputs: Point[]; outputs: Record<string, number>[] };
}

/** Draws n points from the input distributions (LHS by default). */
export function sampleInputs(inputs: readonly UncertainInput[], n: number, seed = 1, sampling: 'lhs' | 'random' = 'lhs', fixed: Point = {}): Point[] {
  inputs.forEach((x) => checkDistribution(`inputs.${x.name}`, x.dist));
  const rng = createRng(seed);
  const u = sampling === 'lhs' ? latinHypercube(n, inputs.length, rng) : uniformSample(n, inputs.length, rng);
  return u.map((row) => {
    const p: Point = { ...fixed };
    inputs.forEach((x, i) => { p[x.name] = quantile(x.dist, row[i]!); });
    return p;
  });
}

/** Percentile bands across runs of equal-length series (runs of another length are ignored). */
export function bands(series: readonly ArrayLike<number>[]): Band {
  const len = series.length ? series[0]!.length : 0;
  const out: Band = { p10: [], p50: [], p90: [] };
  const col: number[] = [];
  for (let t = 0; t < len; t++) {
    col.length = 0;
    for (const s of series) if (s.length === len && Number.isFinite(s[t]!)) col.push(s[t]!);
    col.sort((a, b) => a - b);
    out.p10.push(percentileSorted(col, 0.1));
    out.p50.push(percentileSorted(col, 0.5));
    out.p90.push(percentileSorted(col, 0.9));
  }
  return out;
}

/** Propagates input uncertainty through `evaluate`. */
export async function monteCarlo(inputs: readonly UncertainInput[], evaluate: Evaluator, opts: MonteCarloOptions = {}): Promise<MonteCarloResult> {
  const n = opts.samples ?? 200;
  if (!(Number.isInteger(n) && n >= 2)) throw new InputError('samples', `expected an integer >= 2, got ${n}`);
  if (inputs.length === 0) throw new InputError('inputs', 'expected at least one uncertain input');
  const seed = opts.seed ?? 1;
  const sampling = opts.sampling ?? 'lhs';
  const points = sampleInputs(inputs, n, seed, sampling, opts.fixed);
  const results = await evaluateAll(points, evaluate, opts);
  const ok = results.filter((r) => r.ok);
  const names = inputs.map((x) => x.name);
  if (ok.length < 2) {
    const first = failedSamples(points, results, names)[0];
    const at = first ? describeFailedSample(first) : 'unknown';
    throw new RunsFailedError(`${n - ok.length} of ${n} Monte Carlo runs failed, leaving ${ok.length}: too few to give percentiles or a spread; first failed ${at}`);
  }
  // With `outputs`, only those outputs (and their series) are summarised; evaluateAll has checked they exist.
  const wanted = opts.outputs ? new Set(opts.outputs) : null;
  const scalars: Record<string, Summary> = {};
  for (const name of scalarNames(results)) if (!wanted || wanted.has(name)) scalars[name] = summarise(results.map((r) => scalarOf(r, name)));
  const series: Record<string, Band> = {};
  const okOutputs = ok.map((r) => (r as { outputs: Record<string, ArrayLike<number>> }).outputs);
  let t_d: number[] | undefined;
  for (const name of seriesNames(results)) {
    // The time axis is the same for every run (fixed output times): one plain array, not a band.
    if (name === 't_d') { t_d = Array.from(okOutputs[0]![name]!); continue; }
    const key = name.startsWith('series.') ? name.slice(7) : name;
    if (!wanted || wanted.has(key)) series[key] = bands(okOutputs.map((o) => o[name]!));
  }
  const failures = results.filter((r) => !r.ok).map((r) => (r as { error: string }).error);
  const result: MonteCarloResult = {
    method: 'monte-carlo', sampling, seed, samples: n, failedRuns: failures.length, failures: failures.slice(0, 5),
    failedSamples: failedSamples(points, results, names), reliable: reliableWith(failures.length, n),
    inputs: inputs.map((x) => ({ name: x.name, dist: x.dist, unit: x.unit, source: x.source })), scalars, series,
  };
  const caution = fewSamplesCaution(ok.length);
  if (caution) result.caution = caution;
  if (t_d) result.t_d = t_d;
  if (opts.keepSamples) {
    const names = Object.keys(scalars);
    result.table = { inputs: points, outputs: results.map((r) => Object.fromEntries(names.map((k) => [k, scalarOf(r, k)]))) };
  }
  return result;
}
