// The store's runner in the browser: every simulation goes to the worker pool, never the page's thread.
import { createBrowserPool } from '../../../src/worker/spawn.browser.js';
import type { SimPool } from '../../../src/worker/pool.js';
import type { Runner } from './store.js';

/** The pool's workers start with the page and stay up (the engine compiled once each), so the first run and every
 *  rerun after an edit find a warm worker. */
export function poolRunner(pool: SimPool = createBrowserPool().warm()): Runner & { pool: SimPool } {
  return {
    pool,
    run(json, onProgress) {
      const job = pool.submit('runScenario', [json], { onProgress });
      return { promise: job.promise, cancel: job.cancel };
    },
    project(json, years, onProgress) {
      // As `adsim project`: a year that fails to solve comes back as a partial projection, not one error for all.
      const job = pool.submit('projectYears', [json, years], { onProgress });
      return { promise: job.promise, cancel: job.cancel };
    },
  };
}
