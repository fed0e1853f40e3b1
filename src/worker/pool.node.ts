// Node factory for the pool (worker_threads on dist-node/worker.node.mjs) and helpers the CLI uses to run in parallel.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerApi } from './api.js';
import { SimPool, type WorkerHandle } from './pool.js';
import type { JobProgress } from './types.js';

/**
 * Where the built worker lives. The CLI bundle sits in dist-node/ (or dist-node/chunks/); from sources (tests, tsx)
 * fall back to the repository's dist-node. A variable name keeps Vite from rewriting the URL at build time.
 */
export function findNodeWorker(): URL {
  const file = 'worker.node.mjs';
  const candidates = [file, `../${file}`, `../../dist-node/${file}`].map((p) => new URL(p, import.meta.url));
  const hit = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (!hit) throw new Error(`the simulation worker is not built (looked for ${candidates.map((u) => fileURLToPath(u)).join(', ')}); run \`npm run build:node\``);
  return hit;
}

export function spawnNodeWorker(url: URL = findNodeWorker()): WorkerHandle {
  // Flags such as --input-type (from `node -e`) make a worker fail at start; the worker needs none of the parent's.
  const worker = new Worker(url, { execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) });
  let onCrash: (e: Error) => void = () => undefined;
  let terminated = false;
  worker.on('error', (e) => onCrash(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', (code) => { if (!terminated) onCrash(new Error(`worker exited with code ${code}`)); });
  return {
    remote: wrap<WorkerApi>(nodeEndpoint(worker)),
    terminate: () => { terminated = true; void worker.terminate(); },
    onCrash: (l) => { onCrash = l; },
  };
}

export function createNodePool(size = availableParallelism(), workerUrl?: URL): SimPool {
  const url = workerUrl ?? findNodeWorker();
  return new SimPool(() => spawnNodeWorker(url), size);
}

export interface PoolRunOptions {
  size?: number;
  workerUrl?: URL;
  /** Per-scenario progress (index into the input list). */
  onProgress?: (index: number, p: JobProgress) => void;
}

/** One settled outcome per input, in input order: a failed scenario does not stop the others. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: Error };

async function inPool<T>(n: number, opts: PoolRunOptions, submit: (pool: SimPool, i: number, onProgress?: (p: JobProgress) => void) => Promise<T>): Promise<Settled<T>[]> {
  const pool = createNodePool(Math.max(1, Math.min(opts.size ?? availableParallelism(), n)), opts.workerUrl);
  try {
    return await Promise.all(Array.from({ length: n }, (_, i) =>
      submit(pool, i, opts.onProgress ? (p) => opts.onProgress!(i, p) : undefined)
        .then((value): Settled<T> => ({ ok: true, value }), (error: Error): Settled<T> => ({ ok: false, error }))));
  } finally {
    pool.close();   // terminates the workers: nothing left to keep the process alive
  }
}

/** Runs scenarios (raw JSON objects) in parallel worker threads; results in input order. */
export function runScenariosInPool(scenarios: unknown[], opts: PoolRunOptions = {}) {
  return inPool(scenarios.length, opts, (pool, i, onProgress) => pool.run('runScenario', [scenarios[i]], { onProgress }));
}

/** Projects scenarios over `years` in parallel worker threads; results in input order. */
export function projectScenariosInPool(scenarios: unknown[], years: number, opts: PoolRunOptions = {}) {
  return inPool(scenarios.length, opts, (pool, i, onProgress) => pool.run('projectScenario', [scenarios[i], years], { onProgress }));
}
