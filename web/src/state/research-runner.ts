// The research tools' link to the simulation service: each model run or fit is a worker-pool job, cancelled by a signal.
import type { Outputs } from '../../../src/analysis/evaluate.js';
import type { DigesterFitOptions, DigesterFitResult } from '../../../src/analysis/digester-fit.js';
import type { BmpFitResult, BmpModel } from '../../../src/analysis/bmp-curve.js';
import type { MeasuredData } from '../../../src/analysis/measured.js';
import type { FeedstockBmpFitOptions, FeedstockBmpFitResult } from '../../../src/analysis/bmp-adm1.js';
import type { Feedstock } from '../../../models/feedstocks/types.js';
import type { DigesterRun } from '../../../src/simulate/types.js';
import type { SimPool } from '../../../src/worker/pool.js';

export interface ResearchRunner {
  /** Runs (or batches of runs) allowed in flight at once. */
  concurrency: number;
  /** The worker pool, when there is one: studies then go to it in batches (src/worker/batch.ts). */
  pool?: SimPool;
  /** One scenario point; sampled feedstock values travel in the JSON's own `feedstocks` overrides. */
  scenarioOutputs(json: unknown, series: boolean, signal?: AbortSignal): Promise<Outputs>;
  digesterOutputs(run: DigesterRun, series: boolean, signal?: AbortSignal): Promise<Outputs>;
  fitDigester(run: DigesterRun, data: MeasuredData, names: string[], opts: Omit<DigesterFitOptions, 'onProgress'>,
    onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<DigesterFitResult>;
  fitBmp(t_d: number[], B: number[], model: BmpModel, unit: string | undefined, signal?: AbortSignal): Promise<BmpFitResult>;
  /** A feedstock record's BMP (and k_hyd) through the simulated ADM1 assay; the yield in NL CH4/kg VS. */
  fitFeedstockBmp(f: Feedstock, t_d: number[], B_NL_kgVS: number[], opts: Omit<FeedstockBmpFitOptions, 'onProgress'>,
    onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<FeedstockBmpFitResult>;
}

export function poolResearchRunner(pool: SimPool): ResearchRunner {
  return {
    // Two batches in flight a worker: one running, one queued, so a worker never waits on the page for its next one.
    concurrency: 2 * pool.size,
    pool,
    scenarioOutputs: (json, series, signal) => pool.run('scenarioOutputs', [json, series], { signal }),
    digesterOutputs: (run, series, signal) => pool.run('digesterOutputs', [run, series], { signal }),
    fitDigester: (run, data, names, opts, onProgress, signal) =>
      pool.run('fitDigester', [run, data, names, opts], { signal, onProgress: (p) => onProgress(p.fraction) }),
    fitBmp: (t_d, B, model, unit, signal) => pool.run('fitBmp', [t_d, B, model, unit], { signal }),
    fitFeedstockBmp: (f, t_d, B, opts, onProgress, signal) =>
      pool.run('fitFeedstockBmp', [f, t_d, B, opts], { signal, onProgress: (p) => onProgress(p.fraction) }),
  };
}
