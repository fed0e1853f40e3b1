// The simulation service API, exposed with Comlink by worker.ts (browser) and worker.node.ts (Node). No DOM, no node:.
import { releaseProxy, transfer } from 'comlink';
import * as engine from './engine.js';
import type { DigesterRun } from '../simulate/types.js';
import type { DigesterFitOptions } from '../analysis/digester-fit.js';
import type { BmpModel } from '../analysis/bmp-curve.js';
import type { MeasuredData } from '../analysis/measured.js';
import type { FeedstockBmpFitOptions } from '../analysis/bmp-adm1.js';
import type { Feedstock } from '../../models/feedstocks/types.js';
import type { Envelope, JobProgress, ProgressFn, WireError } from './types.js';

/**
 * A progress callback as the worker sees it: a plain function in-process, a Comlink remote (async) across threads.
 * Written without comlink's `Remote` so the published declarations never make a consumer install comlink's types.
 */
type ProgressArg = ProgressFn | ((p: JobProgress) => Promise<void>) | undefined;

/** Calls the caller back at most every `every_ms`, plus once at the end: one message per chunk, not per step. */
function throttled(cb: ProgressArg, every_ms = 80): { tick: (t_d: number, days: number) => void; done: () => void } {
  let last = 0;
  const send = (p: JobProgress) => { if (cb) void Promise.resolve(cb(p)).catch(() => undefined); };
  return {
    tick(t_d, days) {
      const now = Date.now();
      if (now - last < every_ms) return;
      last = now;
      send({ fraction: Math.min(1, t_d / days), t_d });
    },
    done() {
      send({ fraction: 1 });
      // Release the caller's proxy port; an unreleased one keeps a Node process alive for ever.
      const release = (cb as { [releaseProxy]?: () => void } | undefined)?.[releaseProxy];
      if (typeof release === 'function') release.call(cb);
    },
  };
}

function toWire(e: unknown): WireError {
  if (e instanceof Error) {
    const { field, issues } = e as { field?: unknown; issues?: unknown };
    return {
      name: e.name, message: e.message,
      ...(typeof field === 'string' ? { field } : {}),
      ...(Array.isArray(issues) ? { issues: issues.map((i: { field: string; message: string }) => ({ field: String(i.field), message: String(i.message) })) } : {}),
    };
  }
  return { name: 'Error', message: String(e) };
}

/** Every ArrayBuffer under `value`, each once (a duplicate in a transfer list throws DataCloneError). */
export function buffersOf(value: unknown, found = new Set<ArrayBuffer>(), seen = new Set<object>()): ArrayBuffer[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [...found];
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (value instanceof ArrayBuffer) {
    found.add(value);
  } else {
    for (const v of Object.values(value)) buffersOf(v, found, seen);
  }
  return [...found];
}

/** Runs `work`, wraps the outcome in an envelope, marks typed-array buffers for transfer, releases the progress proxy. */
function job<T>(cb: ProgressArg, work: (tick: (t_d: number, days: number) => void) => T): Envelope<T> {
  const p = throttled(cb);
  try {
    const value = work(p.tick);
    const out: Envelope<T> = { ok: true, value };
    return transfer(out, buffersOf(value));
  } catch (e) {
    return { ok: false, error: toWire(e) };
  } finally {
    p.done();
  }
}

export const api = {
  ping(): string {
    return 'pong';
  },
  /** One scenario (raw JSON, parsed and validated in the worker): annual figures and daily series. */
  runScenario(json: unknown, progress?: ProgressArg) {
    return job(progress, (tick) => engine.runScenario(json, tick));
  },
  /** The multi-year projection of one scenario. */
  projectScenario(json: unknown, years: number, progress?: ProgressArg) {
    return job(progress, (tick) => engine.projectScenario(json, years, tick));
  },
  /** The projection with the years that ran when some fail (`{ ok: false, partial: true, failed_years }`), as the CLI's. */
  projectYears(json: unknown, years: number, progress?: ProgressArg) {
    return job(progress, (tick) => engine.projectYears(json, years, tick));
  },
  /** A bare digester run (the researcher's path). */
  simulateDigester(run: DigesterRun, progress?: ProgressArg) {
    return job(progress, (tick) => engine.simulateDigester({ ...run, onProgress: (t_d) => tick(t_d, run.days) }));
  },
  /** One analysis point of a scenario: annual figures, and daily series as transferable typed arrays when asked. */
  scenarioOutputs(json: unknown, series: boolean, progress?: ProgressArg) {
    return job(progress, (tick) => engine.scenarioOutputs(json, series, tick));
  },
  /** One analysis point of a digester run: end values, and series as typed arrays when asked. */
  digesterOutputs(run: DigesterRun, series: boolean, progress?: ProgressArg) {
    return job(progress, (tick) => engine.digesterOutputs({ ...run, onProgress: (t_d) => tick(t_d, run.days) }, series));
  },
  /** Several analysis points in one job (Monte Carlo, Morris, Sobol, projection ranges): only the outputs the analysis
   *  keeps come back, series as transferred typed arrays; progress is points done of the batch. */
  evaluateBatch(spec: engine.BatchSpec, progress?: ProgressArg) {
    return job(progress, (tick) => engine.evaluateBatch(spec, tick));
  },
  /** A whole calibration in one job (its runs depend on each other); progress is model runs used of the budget. */
  fitDigester(run: DigesterRun, data: MeasuredData, names: string[], opts: Omit<DigesterFitOptions, 'onProgress'>, progress?: ProgressArg) {
    const budget = opts.maxEvaluations ?? 400;
    return job(progress, (tick) => engine.fitDigester(run, data, names, { ...opts, onProgress: (evals) => { tick(evals, budget); } }));
  },
  /** A BMP kinetic curve fit (cheap, but kept off the page's thread like everything numerical). */
  fitBmp(t_d: number[], B: number[], model: BmpModel, unit?: string, progress?: ProgressArg) {
    return job(progress, () => engine.fitBmp(t_d, B, model, unit));
  },
  /** A feedstock record fitted to a BMP curve through the simulated assay (one job: its runs depend on each other);
   *  progress is assay simulations used of the budget. */
  fitFeedstockBmp(f: Feedstock, t_d: number[], B_NL_kgVS: number[], opts: Omit<FeedstockBmpFitOptions, 'onProgress'>, progress?: ProgressArg) {
    const budget = opts.maxEvaluations ?? 2000;
    return job(progress, (tick) => engine.fitFeedstockBmp(f, t_d, B_NL_kgVS, { ...opts, onProgress: (evals) => { tick(evals, budget); } }));
  },
  /** For tests of crash recovery: 'throw' fails outside the envelope; 'uncaught' kills the worker from its event loop. */
  crashForTest(how: 'throw' | 'uncaught'): Promise<never> {
    if (how === 'throw') return Promise.reject(new Error('deliberate failure'));
    setTimeout(() => { throw new Error('deliberate worker crash'); }, 0);
    return new Promise<never>(() => undefined);
  },
};

export type WorkerApi = typeof api;
export type JobMethod = 'runScenario' | 'projectScenario' | 'projectYears' | 'simulateDigester' | 'scenarioOutputs' | 'digesterOutputs'
  | 'evaluateBatch' | 'fitDigester' | 'fitBmp' | 'fitFeedstockBmp';
