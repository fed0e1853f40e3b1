// A pool of simulation workers: queue, per-job progress, prompt cancellation, recovery from crashes. Environment-neutral.
import { proxy } from 'comlink';
import { InputError } from '../errors.js';
import type { JobMethod, WorkerApi } from './api.js';
import type { Envelope, ProgressFn, WireError } from './types.js';

/** One live worker as the pool sees it; spawn.browser.ts and pool.node.ts make these. */
export interface WorkerHandle {
  /** comlink's `wrap<WorkerApi>()`; typed here as async methods so the published types need no comlink. */
  remote: { [M in JobMethod]: (...args: never[]) => Promise<unknown> };
  /** Hard stop; the pool never reuses the handle afterwards. */
  terminate(): void;
  /** Registers the single listener for "this worker died" (uncaught error, exit). */
  onCrash(listener: (error: Error) => void): void;
}

export type Spawn = () => WorkerHandle;

/** The job was cancelled by the caller (or the pool was closed) before it finished. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** The worker running the job died; other jobs are not affected. */
export class WorkerCrashError extends Error {
  override name = 'WorkerCrashError';
}

/** The job itself failed inside the worker (engine error other than a user-input error). */
export class JobError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** A user-input error rebuilt from a worker's answer: the field, and every issue when the engine listed several. */
export type RebuiltInputError = InputError & { issues?: Array<{ field: string; message: string }> };

/** Rebuilds an error sent back by a worker; a user's InputError keeps its field (and issues) so the UI can place it. */
export function fromWire(e: WireError): Error {
  if (e.field !== undefined || e.name === 'InputError') {
    const err: RebuiltInputError = new InputError(e.field ?? '', '');
    err.message = e.message;
    err.name = e.name;
    if (e.issues) err.issues = e.issues;
    return err;
  }
  return new JobError(e.name, e.message);
}

type Args<M extends JobMethod> = Parameters<WorkerApi[M]> extends [...infer A, unknown?] ? A : never;
type Value<M extends JobMethod> = ReturnType<WorkerApi[M]> extends Envelope<infer T> ? T : never;

export interface JobOptions {
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  /** A job of a long study (a batch of samples): queued behind every job someone is waiting on, such as the rerun
   *  of an edited scenario, so an edit never waits for a whole study, only for the batch running now. */
  background?: boolean;
}

export interface JobHandle<T> {
  id: number;
  promise: Promise<T>;
  cancel(): void;
}

interface Job {
  id: number;
  method: JobMethod;
  args: unknown[];
  onProgress?: ProgressFn;
  background: boolean;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  settled: boolean;
  slot?: Slot;
}

interface Slot {
  handle: WorkerHandle;
  job?: Job;
}

export class SimPool {
  readonly size: number;
  private readonly spawn: Spawn;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(spawn: Spawn, size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a positive integer, got ${size}`);
    this.spawn = spawn;
    this.size = size;
  }

  /** Jobs waiting for a worker and jobs running now. */
  get stats(): { queued: number; running: number; workers: number } {
    return { queued: this.queue.length, running: this.slots.filter((s) => s.job).length, workers: this.slots.length };
  }

  submit<M extends JobMethod>(method: M, args: Args<M>, options: JobOptions = {}): JobHandle<Value<M>> {
    const id = this.nextId++;
    let job!: Job;
    const promise = new Promise<Value<M>>((resolve, reject) => {
      job = { id, method, args, onProgress: options.onProgress, background: options.background ?? false, resolve: resolve as (v: unknown) => void, reject, settled: false };
    });
    if (this.closed) this.settle(job, new CancelledError('the simulation pool is closed'));
    else {
      // Foreground jobs go ahead of queued background ones (in their own order); background jobs queue at the end.
      const at = job.background ? -1 : this.queue.findIndex((j) => j.background);
      if (at < 0) this.queue.push(job); else this.queue.splice(at, 0, job);
      options.signal?.addEventListener('abort', () => this.cancel(id), { once: true });
      if (options.signal?.aborted) this.cancel(id);
      this.pump();
    }
    return { id, promise, cancel: () => this.cancel(id) };
  }

  /**
   * Starts every worker now (they load and compile the engine while the caller prepares its jobs) rather than on the
   * first jobs; workers then stay up, reused by every later job, until close().
   */
  warm(): this {
    while (!this.closed && this.slots.length < this.size) this.addSlot();
    return this;
  }

  /** Convenience: submit and await. */
  run<M extends JobMethod>(method: M, args: Args<M>, options?: JobOptions): Promise<Value<M>> {
    return this.submit(method, args, options).promise;
  }

  /**
   * Cancels a job. A queued job is dropped; a running one has its worker terminated at once (a worker inside a
   * synchronous solve never reads messages) and replaced on demand. The job's promise rejects with CancelledError.
   */
  cancel(id: number): boolean {
    const qi = this.queue.findIndex((j) => j.id === id);
    if (qi >= 0) {
      const [job] = this.queue.splice(qi, 1);
      this.settle(job!, new CancelledError(`job ${id} cancelled`));
      return true;
    }
    const slot = this.slots.find((s) => s.job?.id === id);
    if (!slot) return false;
    const job = slot.job!;
    this.retire(slot);
    this.settle(job, new CancelledError(`job ${id} cancelled`));
    this.pump();
    return true;
  }

  /** Terminates every worker and rejects whatever is queued or running; nothing keeps a Node process alive after. */
  close(): void {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, new CancelledError('the simulation pool is closed'));
    for (const slot of [...this.slots]) {
      const job = slot.job;
      this.retire(slot);
      if (job) this.settle(job, new CancelledError('the simulation pool is closed'));
    }
  }

  private settle(job: Job, outcome: Error | { value: unknown }): void {
    if (job.settled) return;
    job.settled = true;
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome.value);
  }

  private retire(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.job = undefined;
    try { slot.handle.terminate(); } catch { /* already gone */ }
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.addSlot();
      }
      this.start(slot, this.queue.shift()!);
    }
  }

  private addSlot(): Slot {
    const slot: Slot = { handle: this.spawn() };
    this.slots.push(slot);
    slot.handle.onCrash((error) => {
      const job = slot.job;
      if (!this.slots.includes(slot)) return;   // already retired (cancel/close terminate it)
      this.retire(slot);
      if (job) this.settle(job, new WorkerCrashError(`the simulation worker stopped: ${error.message}`));
      this.pump();
    });
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    job.slot = slot;
    // The worker releases this proxy when the job ends; a terminated worker takes its end of the channel with it.
    const cb = job.onProgress ? proxy(job.onProgress) : undefined;
    const call = (slot.handle.remote[job.method] as (...a: unknown[]) => Promise<Envelope<unknown>>)(...job.args, cb);
    call.then(
      (env) => this.finish(slot, job, env.ok ? { value: env.value } : fromWire(env.error)),
      (e: unknown) => this.finish(slot, job, e instanceof Error ? new JobError(e.name, e.message) : new JobError('Error', String(e))),
    );
  }

  private finish(slot: Slot, job: Job, outcome: Error | { value: unknown }): void {
    if (slot.job === job) slot.job = undefined;
    this.settle(job, outcome);
    this.pump();
  }
}
