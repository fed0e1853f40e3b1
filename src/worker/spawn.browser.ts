// Browser factory for the pool: module web workers, sized to navigator.hardwareConcurrency.
import { wrap } from 'comlink';
import type { WorkerApi } from './api.js';
import { SimPool, type WorkerHandle } from './pool.js';

export function spawnBrowserWorker(): WorkerHandle {
  // Written literally inline so Vite sees and bundles the worker entry.
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'adsim-sim' });
  let onCrash: (e: Error) => void = () => undefined;
  worker.addEventListener('error', (ev) => { ev.preventDefault(); onCrash(new Error(ev.message || 'worker error')); });
  worker.addEventListener('messageerror', () => onCrash(new Error('a message from the worker could not be read')));
  return {
    remote: wrap<WorkerApi>(worker),
    terminate: () => worker.terminate(),
    onCrash: (l) => { onCrash = l; },
  };
}

/** A pool with one worker per logical core (at most 8; the OS still schedules the page thread). */
export function createBrowserPool(size = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2))): SimPool {
  return new SimPool(spawnBrowserWorker, size);
}
