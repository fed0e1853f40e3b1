// P10/P50/P90 of a multi-year projection: a small Latin-hypercube Monte Carlo over the scenario's uncertain inputs
// (feedstock ranges, estimated collection inputs, ranged defaults), one projection per sample. Same seed, same ranges.
import type { Projection } from '../pipeline/project.js';
import { PER_YEAR_FIGURES } from '../pipeline/totals.js';
import { describe as describeDist, type Distribution } from './distributions.js';
import type { Evaluator, Point, RunResult } from './evaluate.js';
import { monteCarlo, type FailedSample } from './montecarlo.js';
import { percentileNearestRank } from './stats.js';
import { applyScenarioPoint, scenarioUncertainInputs } from './scenario-model.js';

/** Figures given a range, per year and over the whole projection (per-year figures, homes, as their mean over the years). */
export const PROJECTION_RANGE_FIGURES = [
  'dog_waste_collected_t', 'methane_Nm3', 'electricity_net_kWh', 'homes_equivalent', 'co2e_net_t', 'cost_net_gbp',
  'saving_vs_today_gbp', 'co2e_saving_vs_today_t',
] as const;
export type RangedFigure = (typeof PROJECTION_RANGE_FIGURES)[number];

export interface FigureRange { p10: number; p50: number; p90: number }

export interface ProjectionRanges {
  samples: number;
  /** Samples whose projection finished (failed ones are left out of the percentiles). */
  ok: number;
  seed: number;
  /** One sentence saying what the ranges cover and what they do not. */
  covers: string;
  /** How many of the inputs are feedstock properties (feedstocks.<id>.<field>) and how many scenario defaults. */
  feedstockInputs: number;
  defaultInputs: number;
  inputs: { name: string; dist: Distribution; unit?: string; source?: string }[];
  years: ({ year: number } & Record<RangedFigure, FigureRange>)[];
  /** Sums over the years, except homes_equivalent: the mean over the years, also under `homes_equivalent_mean` (homes
   *  powered is a per-year figure; the key `homes_equivalent` held a meaningless sum over years before 2 Dec 2026). */
  totals: Record<RangedFigure, FigureRange> & Record<`${(typeof PER_YEAR_FIGURES)[number]}_mean`, FigureRange>;
  /** Whole-life economics of the projection's plant: NPV, NPV with carbon, cost per t diverted, payback (null = never). */
  economics: { npv_gbp: FigureRange; npv_with_carbon_gbp: FigureRange; cost_per_t_diverted_gbp: FigureRange; payback_yr: { p10: number | null; p50: number | null; p90: number | null } };
  failures: string[];
  /** Each failed sample: its number, its input values and why (the first MAX_FAILED_LISTED; `samples - ok` counts all). */
  failedSamples: FailedSample[];
  /** False when more than UNRELIABLE_FAILED_SHARE (10 %) of the samples failed: the ranges are then not reliable. */
  reliable: boolean;
  /** Present when fewer than MIN_PERCENTILE_SAMPLES (50) samples finished: the ranges are a rough guide (montecarlo.ts). */
  caution?: string;
}

/** Economics figures sampled; a payback of "never" is recorded as life + 1 and read back as null. */
const ECON_FIGURES = ['npv_gbp', 'npv_with_carbon_gbp', 'cost_per_t_diverted_gbp'] as const;

/** Runs one projection of a (modified) scenario JSON: in process, or as a worker job. */
export type Projector = (json: unknown, years: number) => Promise<Projection> | Projection;

/** Runs the projections of several sampled scenario JSONs at once: each one's figures or its error, in order. */
export type ProjectionBatch = (jsons: unknown[], years: number) => Promise<RunResult[]>;

export interface ProjectionRangeOptions {
  samples?: number;       // default DEFAULT_RANGE_SAMPLES (200)
  seed?: number;          // default DEFAULT_RANGE_SEED
  concurrency?: number;
  onProgress?: (done: number, total: number) => boolean | void;
  /** Stops the batch: no sample starts after it is aborted, and the promise rejects (AnalysisCancelled). */
  signal?: AbortSignal;
  /** Runs several samples in one call (a worker job; see src/worker/batch.ts), each sample's figures
   *  (projectionFigures) or its error, in order; used instead of `project` when given. */
  batch?: ProjectionBatch;
  /** Samples per batch call; default automatic (evaluate.ts). Results do not depend on it. */
  batchSize?: number | 'auto';
}

/**
 * 200 samples: enough for stable P10/P90 (each from ~20 samples in its tail); with the analytic Jacobian and the
 * scenario tolerance a region projection costs tens of milliseconds a sample, so this still takes seconds. A fixed
 * seed so a rerun (or a page reload) shows the same ranges.
 */
export const DEFAULT_RANGE_SAMPLES = 200;
export const DEFAULT_RANGE_SEED = 1;

/** The figures of one projection that the ranges summarise (per year, totals, economics): all a worker sends back. */
export function projectionFigures(p: Projection): Record<string, number> {
  const out: Record<string, number> = {};
  // Only numbers: a figure missing from a projection is left out (its range shows NaN), never read as a series.
  for (const y of p.years) for (const k of PROJECTION_RANGE_FIGURES) if (typeof y[k] === 'number') out[`y${y.year}.${k}`] = y[k];
  for (const k of PROJECTION_RANGE_FIGURES) out[`total.${k}`] = p.totals[k] ?? 0;
  // Homes do not add up over years: their total is the mean (project.ts), under its own name too.
  for (const k of PER_YEAR_FIGURES) out[`total.${k}_mean`] = p.totals[`${k}_mean`] ?? p.totals[k] ?? 0;
  if (p.economics) {
    for (const k of ECON_FIGURES) out[`econ.${k}`] = p.economics[k] ?? NaN; // null (nothing diverted): left out
    out['econ.payback_yr'] = p.economics.payback_yr ?? p.economics.lifetime_yr + 1;
    out['econ.lifetime_yr'] = p.economics.lifetime_yr;
  }
  return out;
}

export async function projectionRanges(json: unknown, years: number, project: Projector, o: ProjectionRangeOptions = {}): Promise<ProjectionRanges> {
  const { inputs, writers } = scenarioUncertainInputs(json);
  const samples = o.samples ?? DEFAULT_RANGE_SAMPLES, seed = o.seed ?? DEFAULT_RANGE_SEED;
  const one = async (point: Point) => projectionFigures(await project(applyScenarioPoint(json, point, writers), years));
  // A batch runner (worker jobs of several samples) when given: the same samples, the same figures, fewer messages.
  const evaluate: Evaluator = o.batch
    ? { batch: (points) => o.batch!(points.map((point) => applyScenarioPoint(json, point, writers)), years), batchSize: o.batchSize }
    : one;
  const mc = await monteCarlo(inputs, evaluate, {
    samples, seed, concurrency: o.concurrency ?? 1, keepSamples: true,
    onProgress: (done, total) => o.onProgress?.(done, total) !== false && !o.signal?.aborted,
  });
  const pick = (key: string): FigureRange => {
    const s = mc.scalars[key];
    return s ? { p10: s.p10, p50: s.p50, p90: s.p90 } : { p10: NaN, p50: NaN, p90: NaN };
  };
  const fig = (prefix: string) => Object.fromEntries(PROJECTION_RANGE_FIGURES.map((k) => [k, pick(`${prefix}.${k}`)])) as Record<RangedFigure, FigureRange>;
  const feed = inputs.filter((i) => i.name.startsWith('feedstocks.')).map((i) => i.name.slice('feedstocks.'.length));
  const fills = inputs.filter((i) => /^areas\[(\d+|\*)\]\.(fill_per_bin|faeces_per_dog|pickup_rate|binning_rate)$/.test(i.name)).length;
  const rest = inputs.length - feed.length - fills;
  const covers = `P10-P90 of ${samples} Latin hypercube samples (seed ${seed}) over ${inputs.length} uncertain inputs: `
    + `${feed.length ? `feedstock ${feed.join(', ')}` : 'no feedstock ranges'}`
    + `${fills ? `; ${fills} estimated bin-fill input${fills > 1 ? 's' : ''} (one value for all areas)` : ''}; ${rest} ranged plant, price and carbon defaults. `
    + 'Figures the file sets are held fixed; the model structure itself is not varied.';
  // A payback year is a whole number in every sample: nearest-rank percentiles keep it one (interpolating 5 samples
  // gave "year 4.4"), always a year some sample actually paid back in.
  const paid = (mc.table?.outputs ?? []).map((x) => x['econ.payback_yr']!).filter(Number.isFinite).sort((a, b) => a - b);
  const pay = { p10: percentileNearestRank(paid, 0.1), p50: percentileNearestRank(paid, 0.5), p90: percentileNearestRank(paid, 0.9) };
  const life = mc.scalars['econ.lifetime_yr']?.p10 ?? Infinity;
  // Sampled lives differ: a payback beyond the shortest life sampled is shown as never.
  const never = (x: number): number | null => (Number.isFinite(x) && x <= life ? x : null);
  const economics = {
    npv_gbp: pick('econ.npv_gbp'), npv_with_carbon_gbp: pick('econ.npv_with_carbon_gbp'), cost_per_t_diverted_gbp: pick('econ.cost_per_t_diverted_gbp'),
    payback_yr: { p10: never(pay.p10), p50: never(pay.p50), p90: never(pay.p90) },
  };
  return {
    samples, ok: samples - mc.failedRuns, seed, covers, economics, feedstockInputs: feed.length, defaultInputs: inputs.length - feed.length,
    inputs: mc.inputs,
    years: Array.from({ length: years }, (_, i) => ({ year: i + 1, ...fig(`y${i + 1}`) })),
    totals: { ...fig('total'), ...Object.fromEntries(PER_YEAR_FIGURES.map((k) => [`${k}_mean`, pick(`total.${k}_mean`)])) } as ProjectionRanges['totals'],
    failures: mc.failures,
    failedSamples: mc.failedSamples,
    reliable: mc.reliable,
    ...(mc.caution ? { caution: mc.caution } : {}),
  };
}

/** "triangular(150, 250, 350) NL CH4/kg VS": an input line for reports. */
export function describeInput(i: ProjectionRanges['inputs'][number]): string {
  return `${i.name}: ${describeDist(i.dist)}${i.unit ? ` ${i.unit}` : ''}`;
}

/** Share of the P10-P90 width within which a central figure counts as "near" one end of its range. */
const NEAR_END = 0.15;

/**
 * A sentence when the NPV from the default inputs lies outside its P10-P90 range or near one end (undefined
 * otherwise): the inputs' ranges are skewed about their defaults (bin fill 1-14 kg a week about 2.5), so the default
 * run is not the middle of the samples. Names the P50 and the most skewed input as the example.
 */
export function centralNote(central: number, r: FigureRange, inputs: ProjectionRanges['inputs'], money: (x: number) => string): string | undefined {
  const lo = Math.min(r.p10, r.p90), hi = Math.max(r.p10, r.p90);
  if (![central, lo, hi, r.p50].every(Number.isFinite) || hi <= lo) return undefined;
  const at = (central - lo) / (hi - lo);
  const where = at < 0 ? 'below the likely range' : at > 1 ? 'above the likely range'
    : at <= NEAR_END ? 'near the low end of the likely range' : at >= 1 - NEAR_END ? 'near the high end of the likely range' : undefined;
  if (!where) return undefined;
  const skew = (i: ProjectionRanges['inputs'][number]) => {
    const d = i.dist as { low?: number; mode?: number; high?: number };
    if (d.low === undefined || d.mode === undefined || d.high === undefined || d.mode <= d.low || d.high <= d.mode) return 1;
    return Math.max((d.high - d.mode) / (d.mode - d.low), (d.mode - d.low) / (d.high - d.mode));
  };
  const most = [...inputs].sort((a, b) => skew(b) - skew(a))[0];
  const eg = most && skew(most) > 2 ? `, e.g. ${describeInput(most)}` : '';
  const mid = `${money(r.p50)} ${r.p50 < 0 ? 'more' : 'saved'}`;
  return `The NPV from the default inputs lies ${where} (the middle of the samples, P50, is ${mid}): the inputs' ranges are skewed about their defaults${eg}.`;
}
