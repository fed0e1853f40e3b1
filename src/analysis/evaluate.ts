// Running a model over many input points: the seam between analysis methods and whatever runs the model
// (in-process, or a worker pool). Failed runs are recorded, not hidden; progress can cancel the batch.
import { InputError } from '../errors.js';

/** Model inputs by name (ADM1 parameter names or scenario input paths). */
export type Point = Record<string, number>;
/** Model outputs: scalars (annual figures, final values) and series (one value per output time). */
export type Outputs = Record<string, number | ArrayLike<number>>;
/** Evaluates the model at one point. May be async (a worker) and may throw (a solver failure). */
export type Evaluate = (point: Point) => Outputs | Promise<Outputs>;

/** Progress hook: called after each finished run (or batch of runs); return false to cancel. */
export type Progress = (done: number, total: number) => boolean | void;

export interface BatchOptions {
  /** Runs in flight at once (for async evaluators such as a worker pool). Default 1. */
  concurrency?: number;
  onProgress?: Progress;
  /**
   * Scalar outputs the caller will read. Checked against the first successful run: an unknown name stops the batch
   * with an InputError naming it and listing the outputs there are, rather than a table of NaN.
   */
  outputs?: readonly string[];
}

/** Throws an InputError (field `outputs`) naming each requested output the run did not produce. */
export function checkOutputNames(requested: readonly string[], outputs: Outputs): void {
  const scalars = Object.keys(outputs).filter((k) => typeof outputs[k] === 'number');
  const missing = requested.filter((o) => typeof outputs[o] !== 'number');
  if (missing.length === 0) return;
  throw new InputError('outputs', `unknown output${missing.length > 1 ? 's' : ''} ${missing.map((m) => JSON.stringify(m)).join(', ')}; valid outputs: ${scalars.join(', ')}`);
}

/** One run's result: its outputs, or the error that stopped it. */
export type RunResult = { ok: true; outputs: Outputs } | { ok: false; error: string };

/** Raised when a progress hook asks to stop. */
export class AnalysisCancelled extends Error {
  constructor(readonly done: number, readonly total: number) {
    super(`cancelled after ${done} of ${total} runs`);
    this.name = 'AnalysisCancelled';
  }
}

/**
 * Evaluates several points in one call (one worker job, so a message and a start per batch rather than per run): one
 * result per point, in order, a failed point as a failed result. Each point must not depend on the others, so the
 * answer does not depend on how the points are split into batches.
 */
export interface BatchEvaluate {
  batch(points: readonly Point[]): Promise<RunResult[]>;
  /** Points per call: a fixed number, or 'auto' (default): sized from the measured time per point to about
   *  BATCH_TARGET_MS a call, and never more than an even share of what is left, so the last calls end together. */
  batchSize?: number | 'auto';
}

/** What evaluateAll runs: a point at a time, or batches of points. */
export type Evaluator = Evaluate | BatchEvaluate;

export function isBatchEvaluate(e: Evaluator): e is BatchEvaluate {
  return typeof e === 'object' && e !== null && typeof (e as BatchEvaluate).batch === 'function';
}

/** Wall time one automatic batch aims at: long beside a worker message (~0.1-1 ms), short beside a whole study. */
export const BATCH_TARGET_MS = 150;
/** Most points in one automatic batch. */
export const MAX_AUTO_BATCH = 64;

/** Evaluates every point, keeping order; at most `concurrency` runs (or batches) in flight. */
export async function evaluateAll(points: readonly Point[], evaluate: Evaluator, opts: BatchOptions = {}): Promise<RunResult[]> {
  const total = points.length;
  const results: RunResult[] = new Array(total);
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
  const batched = isBatchEvaluate(evaluate);
  const fixedSize = batched && typeof evaluate.batchSize === 'number' ? Math.max(1, Math.floor(evaluate.batchSize)) : 0;
  let msPerPoint = NaN;
  let next = 0;
  let done = 0;
  let cancelled = false;
  let checked = !opts.outputs;
  let badOutputs: unknown = null;
  /** Points in the next batch: fixed, or from the time per point measured so far (2 until there is a measurement). */
  const size = (): number => {
    if (!batched) return 1;
    if (fixedSize) return fixedSize;
    const share = Math.ceil((total - next) / concurrency);
    const wanted = Number.isFinite(msPerPoint) ? Math.round(BATCH_TARGET_MS / Math.max(msPerPoint, 1e-3)) : 2;
    return Math.max(1, Math.min(MAX_AUTO_BATCH, share, wanted));
  };
  const record = (i: number, r: RunResult): void => {
    results[i] = r;
    if (!checked && r.ok) {
      checked = true;
      try { checkOutputNames(opts.outputs!, r.outputs); } catch (e) { badOutputs = e; cancelled = true; }
    }
  };
  const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
  const worker = async (): Promise<void> => {
    while (!cancelled && next < total) {
      const from = next, to = Math.min(total, from + size());
      next = to;
      if (batched) {
        const t0 = Date.now();
        let rs: RunResult[];
        try {
          rs = await evaluate.batch(points.slice(from, to));
          if (rs.length !== to - from) throw new Error(`a batch of ${to - from} runs returned ${rs.length} results`);
        } catch (e) {
          // The whole call failed (a worker crash, a cancel): each of its points is a failed run, none is dropped.
          rs = Array.from({ length: to - from }, () => ({ ok: false as const, error: message(e) }));
        }
        const per = (Date.now() - t0) / (to - from);
        msPerPoint = Number.isFinite(msPerPoint) ? 0.5 * (msPerPoint + per) : per;
        rs.forEach((r, k) => record(from + k, r));
      } else {
        try {
          record(from, { ok: true, outputs: await evaluate(points[from]!) });
        } catch (e) {
          record(from, { ok: false, error: message(e) });
        }
      }
      done += to - from;
      // Progress steps by batch; returning false stops the batches not yet started.
      if (opts.onProgress && opts.onProgress(done, total) === false) cancelled = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  if (badOutputs) throw badOutputs;
  if (cancelled && done < total) throw new AnalysisCancelled(done, total);
  return results;
}

/** A scalar output of a run, or NaN if the run failed or the output is missing / not finite. */
export function scalarOf(r: RunResult, name: string): number {
  if (!r.ok) return NaN;
  const v = r.outputs[name];
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  return NaN;
}

/** Names of scalar outputs in a result set (from the first successful run). */
export function scalarNames(results: readonly RunResult[]): string[] {
  const first = results.find((r) => r.ok) as { ok: true; outputs: Outputs } | undefined;
  return first ? Object.keys(first.outputs).filter((k) => typeof first.outputs[k] === 'number') : [];
}

/** Names of series outputs in a result set (from the first successful run). */
export function seriesNames(results: readonly RunResult[]): string[] {
  const first = results.find((r) => r.ok) as { ok: true; outputs: Outputs } | undefined;
  return first ? Object.keys(first.outputs).filter((k) => typeof first.outputs[k] !== 'number') : [];
}
