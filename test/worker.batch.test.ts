// Studies through the worker pool in batches (src/worker/batch.ts): the same seed gives the same samples and the same
// percentiles in-process, on 1 or 2 workers and with any batch size; failed samples are reported, cancel and progress
// work per batch, and an interactive job goes ahead of a study's queued batches.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimPool, type WorkerHandle } from '../src/worker/pool.js';
import { createNodePool } from '../src/worker/pool.node.js';
import { digesterBatches, packPoints, projectionBatches, scenarioBatches } from '../src/worker/batch.js';
import { monteCarlo } from '../src/analysis/montecarlo.js';
import { morris } from '../src/analysis/morris.js';
import { AnalysisCancelled, evaluateAll, type Point } from '../src/analysis/evaluate.js';
import { defaultInput, digesterEvaluator } from '../src/analysis/digester-model.js';
import { scenarioEvaluator, scenarioUncertainInputs } from '../src/analysis/scenario-model.js';
import { projectionRanges } from '../src/analysis/projection-ranges.js';
import { projectScenario } from '../src/pipeline/project.js';
import { parseRunFile } from '../src/simulate/runfile.js';
import type { DigesterRun } from '../src/simulate/types.js';
import { smallScenario } from './worker.fixtures.js';
import { buildTestWorker, workerBuildDir } from './worker.build.js';

const { outDir, workerUrl } = workerBuildDir('adsim-batch-test-');
let one: SimPool, two: SimPool;
let run: DigesterRun;

beforeAll(async () => {
  await buildTestWorker(outDir);
  one = createNodePool(1, workerUrl).warm();
  two = createNodePool(2, workerUrl).warm();
  // BSM2, shortened: the same equations and inputs, 40 days so a test sample costs a few milliseconds.
  const bsm2 = parseRunFile(JSON.parse(readFileSync('scenarios/bsm2-steady-state.json', 'utf8')), {});
  run = { ...bsm2, days: 40 };
});

afterAll(() => {
  one?.close();
  two?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('analysis batches on the worker pool', () => {
  it('gives identical Monte Carlo percentiles in-process, on 1 and 2 workers and for every batch size', async () => {
    const inputs = ['k_hyd_ch', 'k_m_ac', 'K_I_nh3'].map((n) => defaultInput(run, n));
    const opts = { samples: 30, seed: 7 };
    const ref = await monteCarlo(inputs, digesterEvaluator(run), opts);
    const variants = [
      await monteCarlo(inputs, digesterBatches(one, run, false, { batchSize: 1 }), { ...opts, concurrency: 2 }),
      await monteCarlo(inputs, digesterBatches(one, run, false, { batchSize: 30 }), { ...opts, concurrency: 1 }),
      await monteCarlo(inputs, digesterBatches(two, run, false, { batchSize: 4 }), { ...opts, concurrency: 4 }),
      await monteCarlo(inputs, digesterBatches(two, run, false, { batchSize: 7 }), { ...opts, concurrency: 3 }),
      await monteCarlo(inputs, digesterBatches(two, run, false), { ...opts, concurrency: 4 }),   // automatic sizes
    ];
    expect(Object.keys(ref.scalars)).toContain('q_ch4_Nm3_d');
    expect(ref.scalars.q_ch4_Nm3_d!.p90).toBeGreaterThan(ref.scalars.q_ch4_Nm3_d!.p10);   // the inputs do move it
    for (const v of variants) {
      expect(v.failedRuns).toBe(0);
      expect(v.scalars).toEqual(ref.scalars);
    }
  });

  it('gives identical series bands and Morris indices through batches', async () => {
    const inputs = ['k_hyd_ch', 'K_I_nh3'].map((n) => defaultInput(run, n));
    const ref = await monteCarlo(inputs, digesterEvaluator(run, { series: true }), { samples: 8, seed: 3 });
    const got = await monteCarlo(inputs, digesterBatches(two, run, true, { batchSize: 3 }), { samples: 8, seed: 3, concurrency: 4 });
    expect(got.series.pH!.p50.length).toBeGreaterThan(10);
    expect(got.series).toEqual(ref.series);
    expect(got.t_d).toEqual(ref.t_d);
    const factors = inputs.map((i) => ({ name: i.name, dist: i.dist }));
    const m0 = await morris(factors, digesterEvaluator(run), { trajectories: 3, seed: 2 });
    const m2 = await morris(factors, digesterBatches(two, run, false, { batchSize: 2 }), { trajectories: 3, seed: 2, concurrency: 4 });
    expect(m2.ranked).toEqual(m0.ranked);
  });

  it('gives identical scenario percentiles in-process and in batches on 2 workers', async () => {
    const json = await smallScenario();
    const { inputs, writers } = scenarioUncertainInputs(json);
    expect(inputs.length).toBeGreaterThan(0);
    const ref = await monteCarlo(inputs, scenarioEvaluator(json, writers), { samples: 6, seed: 5 });
    const got = await monteCarlo(inputs, scenarioBatches(two, json, writers, false, { batchSize: 4 }), { samples: 6, seed: 5, concurrency: 4 });
    expect(ref.scalars.methane_Nm3!.p90).toBeGreaterThan(ref.scalars.methane_Nm3!.p10);
    expect(got.scalars).toEqual(ref.scalars);
  });

  it('gives identical projection ranges from single projections and from batches of figures', async () => {
    const json = { ...(await smallScenario() as object), name: 'rollout', areas: [{ name: 'A', bins: 60 }, { name: 'B', bins: 40, joins_year: 2 }], rollout: { years: 2, bins_growth: '5 %/yr' } };
    const ref = await projectionRanges(json, 2, (j, y) => projectScenario(j, y), { samples: 5, seed: 4 });
    const got = await projectionRanges(json, 2, () => { throw new Error('not used with a batch runner'); }, { samples: 5, seed: 4, batch: projectionBatches(two), batchSize: 2, concurrency: 4 });
    expect(ref.ok).toBe(5);
    expect(got.totals).toEqual(ref.totals);
    expect(got.years).toEqual(ref.years);
    expect(got.economics).toEqual(ref.economics);
  });

  it('reports a failed sample inside a batch as that sample\'s failure, and keeps the others', async () => {
    const points: Point[] = [{ k_hyd_ch: 10 }, { k_hyd_ch: -1 }, { k_hyd_ch: 5 }];
    const ref = await evaluateAll(points, digesterEvaluator(run));
    const got = await evaluateAll(points, digesterBatches(two, run, false, { batchSize: 3 }));
    expect(got.map((r) => r.ok)).toEqual([true, false, true]);
    expect(got.map((r) => r.ok)).toEqual(ref.map((r) => r.ok));
    expect((got[1] as { error: string }).error).toBe((ref[1] as { error: string }).error);
    expect((got[1] as { error: string }).error).toMatch(/k_hyd_ch/);
    expect(got[0]).toEqual(ref[0]);
  });

  it('steps progress by batch and stops a study when progress says so', async () => {
    const points: Point[] = Array.from({ length: 10 }, (_, i) => ({ k_hyd_ch: 5 + i }));
    const seen: number[] = [];
    await evaluateAll(points, digesterBatches(two, run, false, { batchSize: 4 }), { concurrency: 1, onProgress: (d) => { seen.push(d); } });
    expect(seen).toEqual([4, 8, 10]);
    await expect(evaluateAll(points, digesterBatches(two, run, false, { batchSize: 2 }), { concurrency: 1, onProgress: (d) => d < 4 }))
      .rejects.toBeInstanceOf(AnalysisCancelled);
  });

  it('cancels batches in flight through an AbortSignal, and the pool keeps working', async () => {
    const long: DigesterRun = { ...run, days: 2000 };
    const ac = new AbortController();
    const points: Point[] = Array.from({ length: 8 }, (_, i) => ({ k_hyd_ch: 5 + i }));
    let started = 0;
    // Aborted as soon as the first two batches are on their way (a timer, not a guess at how long a run takes).
    const study = evaluateAll(points, {
      batch: (p) => {
        started++;
        const r = digesterBatches(two, long, false, { signal: ac.signal }).batch(p);
        if (started === 1) setTimeout(() => ac.abort(), 0);
        return r;
      },
      batchSize: 2,
    }, { concurrency: 2, onProgress: () => !ac.signal.aborted });
    await expect(study).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(started).toBeLessThan(4);   // no batch started after the abort
    const after = await evaluateAll([{ k_hyd_ch: 10 }], digesterBatches(two, run, false));
    expect(after[0]!.ok).toBe(true);
  });

  it('starts an interactive job before a study\'s queued batches (a fake worker records the start order)', async () => {
    const started: string[] = [];
    const release: (() => void)[] = [];
    const fake: WorkerHandle = {
      remote: new Proxy({}, { get: (_t, method: string) => (arg: unknown) => {
        started.push(method === 'evaluateBatch' ? `batch${(arg as { run: { days: number } }).run.days}` : 'edit');
        return new Promise((r) => release.push(() => r({ ok: true, value: [] })));
      } }) as WorkerHandle['remote'],
      terminate: () => undefined,
      onCrash: () => undefined,
    };
    const pool = new SimPool(() => fake, 1);
    const spec = (days: number) => ({ kind: 'digester' as const, run: { ...run, days }, names: [], values: new Float64Array(0), series: false });
    const jobs = [1, 2, 3].map((d) => pool.run('evaluateBatch', [spec(d)], { background: true }));
    const edit = pool.run('digesterOutputs', [run, false]);
    const more = pool.run('evaluateBatch', [spec(4)], { background: true });
    for (let i = 0; i < 5; i++) { await new Promise((r) => setTimeout(r, 0)); release.shift()?.(); }
    await Promise.all([...jobs, edit, more]);
    expect(started).toEqual(['batch1', 'edit', 'batch2', 'batch3', 'batch4']);
    pool.close();
  });

  it('refuses points that do not all set the same inputs instead of half-applying them', () => {
    expect(() => packPoints([{ a: 1, b: 2 }, { a: 1 }])).toThrow(/point 1/);
    expect(packPoints([{ a: 1, b: 2 }, { a: 3, b: 4 }]).values).toEqual(Float64Array.from([1, 2, 3, 4]));
  });
});
