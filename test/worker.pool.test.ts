// The pool on real worker_threads (the built dist worker): parallel runs, cancellation, crash recovery, no hang.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, JobError, WorkerCrashError, type SimPool } from '../src/worker/pool.js';
import { createNodePool } from '../src/worker/pool.node.js';
import { InputError } from '../src/errors.js';
import { longScenario, smallScenario } from './worker.fixtures.js';
import { buildTestWorker, workerBuildDir } from './worker.build.js';

// Built into a private directory so this test never races another one over dist-node/.
const { outDir, workerUrl } = workerBuildDir('adsim-worker-test-');
let pool: SimPool;

beforeAll(async () => {
  await buildTestWorker(outDir, { 'pool.node': 'src/worker/pool.node.ts' });
  pool = createNodePool(2, workerUrl);
});

afterAll(() => {
  pool?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('SimPool on worker_threads', () => {
  it('runs several scenarios in parallel and returns typed arrays', async () => {
    const s = await smallScenario();
    const results = await Promise.all([1, 2, 3].map(() => pool.run('runScenario', [s])));
    expect(results).toHaveLength(3);
    for (const r of results) {
      const series = Object.values(r.daily).find((v) => v instanceof Float64Array);
      expect(series).toBeInstanceOf(Float64Array);
    }
    expect(pool.stats.workers).toBeLessThanOrEqual(2);
  });

  it('cancels a running job, rejects it with CancelledError, and keeps working', async () => {
    let progressed = false;
    let firstProgress!: () => void;
    const started = new Promise<void>((r) => { firstProgress = r; });
    const job = pool.submit('runScenario', [await longScenario()], { onProgress: () => { progressed = true; firstProgress(); } });
    // Wait for the job to report progress rather than a fixed time: on a loaded machine a worker can take seconds to start.
    await started;
    expect(pool.stats.running).toBeGreaterThanOrEqual(1);
    job.cancel();
    await expect(job.promise).rejects.toBeInstanceOf(CancelledError);
    expect(progressed).toBe(true);
    const after = await pool.run('runScenario', [await smallScenario()]);
    expect(after.name).toBeTypeOf('string');
  });

  it('cancels a queued job through an AbortSignal', async () => {
    const long = await longScenario();
    const busy = [pool.submit('runScenario', [long]), pool.submit('runScenario', [long])];
    const ac = new AbortController();
    const queued = pool.submit('runScenario', [long], { signal: ac.signal });
    expect(pool.stats.queued).toBe(1);
    ac.abort();
    await expect(queued.promise).rejects.toBeInstanceOf(CancelledError);
    for (const b of busy) b.cancel();
    await Promise.allSettled(busy.map((b) => b.promise));
    expect(pool.stats).toEqual({ queued: 0, running: 0, workers: 0 });
  });

  it('passes a user-input error through with its field', async () => {
    const err = await pool.run('runScenario', [{ not: 'a scenario' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field.length).toBeGreaterThan(0);
  });

  it('recovers when a job throws or the worker dies', async () => {
    const remoteOf = (p: SimPool) => p as unknown as { run(m: string, a: unknown[]): Promise<unknown> };
    await expect(remoteOf(pool).run('crashForTest', ['throw'])).rejects.toBeInstanceOf(JobError);
    await expect(remoteOf(pool).run('crashForTest', ['uncaught'])).rejects.toBeInstanceOf(WorkerCrashError);
    const ok = await pool.run('runScenario', [await smallScenario()]);
    expect(ok.name).toBeTypeOf('string');
  });

  it('lets a Node process that used runScenariosInPool exit by itself', async () => {
    const script = `
      const { runScenariosInPool } = await import(${JSON.stringify(pathToFileURL(join(outDir, 'pool.node.mjs')).href)});
      const out = await runScenariosInPool(${JSON.stringify([await smallScenario(), { bad: 1 }])}, { onProgress() {} });
      console.log(JSON.stringify(out.map((o) => o.ok)));`;
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 60_000 }, (err, out) => err ? reject(err) : resolve(out));
      void child;
    });
    expect(JSON.parse(stdout.trim())).toEqual([true, false]);
  });
});
