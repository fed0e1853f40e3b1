// Running a model over many input points: the seam between analysis methods and whatever runs the model
// (in-process, or a worker pool). Failed runs are recorded, not hidden; progress can cancel the batch.
import { InputError } from '../errors.js';

/** Model inputs by name (ADM1 parameter names or scenario input paths). */
export type Point = Record<string, number>;
/** Model outputs: scalars (annual figures, final values) and series (one value per output time). */
export type Outputs = Record<string, number | ArrayLike<number>>;
/** Evaluates the model at one point. May be async (a worker) and may throw (a solver failure). */
export type Evaluate = (point: Point) => Outputs | Promise<Outputs>;

/** Progress hook: called after each finished run; return false to cancel. */
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

/** Evaluates every point, keeping order; at most `concurrency` runs in flight. */
export async function evaluateAll(points: readonly Point[], evaluate: Evaluate, opts: BatchOptions = {}): Promise<RunResult[]> {
  const total = points.length;
  const results: RunResult[] = new Array(total);
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
  let next = 0;
  let done = 0;
  let cancelled = false;
  let checked = !opts.outputs;
  let badOutputs: unknown = null;
  const worker = async (): Promise<void> => {
    while (!cancelled && next < total) {
      const i = next++;
      try {
        results[i] = { ok: true, outputs: await evaluate(points[i]!) };
      } catch (e) {
        results[i] = { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      done++;
      const r = results[i]!;
      if (!checked && r.ok) {
        checked = true;
        try { checkOutputNames(opts.outputs!, r.outputs); } catch (e) { badOutputs = e; cancelled = true; }
      }
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
