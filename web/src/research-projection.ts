// The councillors' ranges: a small Latin-hypercube Monte Carlo of a projection over the scenario's ranged defaults and
// the feedstock library's ranges, each sample a worker job; P10-P90 of the last year's headline figures.
import { monteCarlo } from '../../src/analysis/montecarlo.js';
import type { Evaluate } from '../../src/analysis/evaluate.js';
import type { FeedstockValues } from '../../src/worker/engine.js';
import { applyScenarioPoint } from '../../src/analysis/scenario-model.js';
import { candidateInputs, isFeedstockInput, scenarioWriters, splitPoint } from './research-inputs.js';

/** Samples and seed of the councillors' ranges: few enough to finish in seconds, fixed so a reload shows the same range. */
export const RANGE_SAMPLES = 24;
export const RANGE_SEED = 1;

export type Headline = 'el' | 'homes' | 'co2Saved' | 'moneySaved';
export interface FigureRange { p10: number; p50: number; p90: number }

export interface ProjectionRanges {
  samples: number;
  /** Samples whose run finished (failed runs are left out of the percentiles). */
  ok: number;
  seed: number;
  /** How many inputs were varied: feedstock figures and scenario defaults. */
  feedstockInputs: number;
  defaultInputs: number;
  figures: Record<Headline, FigureRange>;
}

export type FiguresFn = (json: unknown, years: number, feedstocks: FeedstockValues, signal?: AbortSignal) => Promise<Record<string, number>>;

/** A year's headline figures: net electricity, homes, and CO2e and money saved against today's route. */
export function headline(y: Record<string, number | undefined>): Record<Headline, number> {
  return {
    el: y.electricity_net_kWh ?? 0,
    homes: y.homes_equivalent ?? 0,
    co2Saved: y.co2e_saving_vs_today_t ?? -(y.co2e_net_t ?? 0),
    moneySaved: y.saving_vs_today_gbp ?? -(y.cost_net_gbp ?? 0),
  };
}

export interface RangeOptions {
  samples?: number;
  seed?: number;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** P10/P50/P90 of the last projection year's headline figures. */
export async function projectionRanges(json: Record<string, unknown>, years: number, figures: FiguresFn, o: RangeOptions = {}): Promise<ProjectionRanges> {
  const inputs = candidateInputs({ kind: 'scenario', key: '', name: '', json });
  const writers = scenarioWriters(json);
  const evaluate: Evaluate = async (point) => {
    const { paths, feedstocks } = splitPoint(point);
    return headline(await figures(applyScenarioPoint(json, paths, writers), years, feedstocks, o.signal));
  };
  const samples = o.samples ?? RANGE_SAMPLES, seed = o.seed ?? RANGE_SEED;
  const mc = await monteCarlo(inputs, evaluate, {
    samples, seed, concurrency: o.concurrency ?? 4,
    onProgress: (done, total) => { o.onProgress?.(done, total); return !o.signal?.aborted; },
  });
  const pick = (k: Headline): FigureRange => {
    const s = mc.scalars[k];
    return s ? { p10: s.p10, p50: s.p50, p90: s.p90 } : { p10: NaN, p50: NaN, p90: NaN };
  };
  const nFeed = inputs.filter((i) => isFeedstockInput(i.name)).length;
  return {
    samples, ok: samples - mc.failedRuns, seed, feedstockInputs: nFeed, defaultInputs: inputs.length - nFeed,
    figures: { el: pick('el'), homes: pick('homes'), co2Saved: pick('co2Saved'), moneySaved: pick('moneySaved') },
  };
}
