// Failed Monte Carlo samples and projection years are reported, never dropped: which sample or year, its input
// values, the reason, the count, a "not reliable" verdict past 10 %, and exit 4. Solver failures are injected (the
// simulator is wrapped to fail on chosen inputs); everything else is the real model and CLI.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SolverError } from '../src/solvers/types.js';

/** k_dis above this fails to "solve" (a stand-in for a real solver failure in one corner of the input space). */
const FAIL_ABOVE = { k_dis: Infinity };
/** Projection years (of the scenario, not of today's route) that fail; and every `nth` scenario run once armed. */
const SCENARIO_FAIL = { years: new Set<number>(), nth: 0, calls: 0 };

vi.mock('../src/simulate/digester.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../src/simulate/digester.js')>();
  return {
    ...m,
    simulateDigester: (run: { parameters?: Record<string, number> }, ...rest: unknown[]) => {
      const k = run.parameters?.k_dis;
      if (k !== undefined && k > FAIL_ABOVE.k_dis) throw new SolverError('nan', 41.5, `S_ac became NaN at t = 41.5 d (k_dis ${k})`);
      return (m.simulateDigester as (...a: unknown[]) => unknown)(run, ...rest);
    },
  };
});
vi.mock('../src/pipeline/run.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../src/pipeline/run.js')>();
  return {
    ...m,
    runScenario: (s: { destination: string }, o?: { year?: number }) => {
      if (s.destination !== 'today') {
        if (SCENARIO_FAIL.years.has(o?.year ?? 0)) throw new SolverError('step-underflow', 100, `step size too small at t = 100 d (year ${o?.year})`);
        if (SCENARIO_FAIL.nth && ++SCENARIO_FAIL.calls % SCENARIO_FAIL.nth === 0) throw new SolverError('step-underflow', 7, 'step size too small at t = 7 d');
      }
      return (m.runScenario as (s: unknown, o?: unknown) => unknown)(s, o);
    },
  };
});

const { main } = await import('../src/cli/main.js');
const { failureSummary, reliableWith, UNRELIABLE_FAILED_SHARE } = await import('../src/analysis/montecarlo.js');

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: process.cwd(), tty: false });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'adsim-failed-'));
const bsm2 = JSON.parse(readFileSync(join(__dirname, '..', 'scenarios', 'bsm2-steady-state.json'), 'utf8')) as Record<string, unknown>;
const runFile = join(dir, 'run.json');
writeFileSync(runFile, JSON.stringify({ ...bsm2, days: 5, output: { every_d: 1 } }));
const env = process.env.ADSIM_WORKERS;
process.env.ADSIM_WORKERS = '0';
afterAll(() => { rmSync(dir, { recursive: true, force: true }); if (env === undefined) delete process.env.ADSIM_WORKERS; else process.env.ADSIM_WORKERS = env; });
beforeEach(() => { FAIL_ABOVE.k_dis = Infinity; SCENARIO_FAIL.years.clear(); SCENARIO_FAIL.nth = 0; SCENARIO_FAIL.calls = 0; });

interface Failed { sample: number; inputs: Record<string, number>; reason: string }
const uncertainty = (extra: string[] = []) => ['uncertainty', runFile, '--params', 'k_dis', '--ranges', 'k_dis=0.2:0.8', '--samples', '30', '--workers', '1', '--quiet', ...extra];

describe('uncertainty: failed samples', () => {
  it('lists each failed sample with its input values and reason in JSON, counts them, and exits 4', async () => {
    FAIL_ABOVE.k_dis = 0.74;   // about a tenth of uniform(0.2, 0.8)
    const r = await cli(uncertainty(['--json']));
    expect(r.code).toBe(4);
    const j = JSON.parse(r.out) as { samples: number; failedRuns: number; failedSamples: Failed[]; reliable: boolean; table?: unknown };
    expect(j.samples).toBe(30);
    expect(j.failedRuns).toBeGreaterThan(0);
    expect(j.failedSamples).toHaveLength(j.failedRuns);
    for (const f of j.failedSamples) {
      expect(Object.keys(f.inputs)).toEqual(['k_dis']);
      expect(f.inputs.k_dis).toBeGreaterThan(0.74);
      expect(f.sample).toBeGreaterThanOrEqual(1);
      expect(f.reason).toMatch(/S_ac became NaN at t = 41\.5 d/);
    }
    expect(new Set(j.failedSamples.map((f) => f.sample)).size).toBe(j.failedRuns);
    expect(j.reliable).toBe(reliableWith(j.failedRuns, 30));
    expect(r.err).toMatch(new RegExp(`${j.failedRuns} of 30 samples failed`));
  });

  it('says in the text report how many failed and which, and past 10 % that the ranges are NOT reliable', async () => {
    FAIL_ABOVE.k_dis = 0.5;   // about half fail
    const r = await cli(uncertainty());
    expect(r.code).toBe(4);
    const n = Number(/(\d+) of 30 samples failed/.exec(r.out)?.[1]);
    expect(n).toBeGreaterThan(30 * UNRELIABLE_FAILED_SHARE);
    expect(r.out).toMatch(/NOT reliable/);
    expect(r.out).toMatch(/^ {4}sample \d+ \(k_dis = 0\.[5-7]\d*\): S_ac became NaN at t = 41\.5 d/m);
    expect(r.out).toMatch(/\.\.\. and \d+ more/);   // more than ten failed: the rest counted, not dropped
  });

  it('no failed sample: exit 0, reliable, an empty list', async () => {
    const r = await cli(uncertainty(['--json']));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ failedRuns: 0, failedSamples: [], reliable: true });
  });

  it('the summary sentence states the threshold', () => {
    expect(failureSummary(0, 10)).toBe('');
    expect(failureSummary(1, 10)).not.toMatch(/NOT reliable/);
    expect(failureSummary(2, 10)).toMatch(/more than 10 % failed, so the ranges are NOT reliable/);
  });
});

describe('uncertainty --json: top-level ok, like the other commands', () => {
  it('ok true with exit 0 when every sample solved; ok false with exit 4 when some failed', async () => {
    const good = await cli(uncertainty(['--json']));
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out).ok).toBe(true);
    FAIL_ABOVE.k_dis = 0.74;
    const part = await cli(uncertainty(['--json']));
    expect(part.code).toBe(4);
    expect(JSON.parse(part.out).ok).toBe(false);
  });
});

describe('sensitivity (Morris, Sobol): failed runs listed like Monte Carlo samples', () => {
  const sens = (method: string, extra: readonly string[]) => ['sensitivity', runFile, '--method', method, '--params', 'k_dis,k_m_ac', '--ranges', 'k_dis=0.2:0.8,k_m_ac=5:12', '--workers', '1', '--quiet', ...extra];
  it.each([['morris', ['--trajectories', '6']], ['sobol', ['--samples', '8']]] as const)('%s: failedSamples with run number, inputs and reason; ok false, exit 4', async (method, extra) => {
    FAIL_ABOVE.k_dis = 0.6;
    const r = await cli(sens(method, [...extra, '--json']));
    expect(r.code).toBe(4);
    const j = JSON.parse(r.out) as { ok: boolean; runs: number; failedRuns: number; failedSamples: Failed[] };
    expect(j.ok).toBe(false);
    expect(j.failedRuns).toBeGreaterThan(0);
    expect(j.failedSamples).toHaveLength(Math.min(50, j.failedRuns));
    for (const f of j.failedSamples) {
      expect(Object.keys(f.inputs).sort()).toEqual(['k_dis', 'k_m_ac']);
      expect(f.inputs.k_dis).toBeGreaterThan(0.6);
      expect(f.sample).toBeGreaterThanOrEqual(1);
      expect(f.sample).toBeLessThanOrEqual(j.runs);
      expect(f.reason).toMatch(/S_ac became NaN at t = 41\.5 d/);
    }
    const t = await cli(sens(method, extra));
    expect(t.code).toBe(4);
    expect(t.out).toMatch(new RegExp(`failed runs: ${j.failedRuns} of ${j.runs} failed`));
    expect(t.out).toMatch(/^ {2}run \d+ \(k_dis = 0\.[6-7]\d*, k_m_ac = [\d.]+\): S_ac became NaN/m);
  });
  it('no failed run: ok true, exit 0, an empty list', async () => {
    const r = await cli(sens('morris', ['--trajectories', '4', '--json']));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, failedRuns: 0, failedSamples: [] });
  });
  it('every run failing is a solver failure (exit 3) naming the first run and its inputs', async () => {
    FAIL_ABOVE.k_dis = 0;
    const r = await cli(sens('morris', ['--trajectories', '4']));
    expect(r.code, r.out + r.err).toBe(3);
    expect(r.err).toMatch(/every one of the \d+ Morris runs failed; first failed run 1 \(k_dis = /);
  });
});

describe('project: failed years and failed range samples', () => {
  const region = join(__dirname, '..', 'scenarios', 'region-rollout.json');

  it('a year that fails is named with its areas, bins and reason; the other years are reported; exit 4', async () => {
    SCENARIO_FAIL.years.add(3);
    const r = await cli(['project', region, '--ranges', '0', '--json']);
    expect(r.code).toBe(4);
    const j = JSON.parse(r.out) as { ok: boolean; years: { year: number }[]; failed_years: { year: number; areas_joined: string[]; bins: number; reason: string }[]; totals_years: number[]; economics?: unknown };
    expect(j.ok).toBe(false);
    expect(j.years.map((y) => y.year)).toEqual([1, 2, 4, 5]);
    expect(j.totals_years).toEqual([1, 2, 4, 5]);
    expect(j.failed_years).toHaveLength(1);
    expect(j.failed_years[0]).toMatchObject({ year: 3, areas_joined: expect.arrayContaining(['Caerphilly']), reason: expect.stringMatching(/solver failed: step size too small at t = 100 d \(year 3\)/) });
    expect(j.failed_years[0]!.bins).toBeGreaterThan(0);
    expect(j.economics).toBeUndefined();   // needs every year: not made up from the years that ran
    expect(r.err).toMatch(/projection year 3 \(6 areas, [\d,]+ bins\): solver failed/);
    const t = await cli(['project', region, '--ranges', '0']);
    expect(t.code).toBe(4);
    expect(t.out).toMatch(/1 of 5 years FAILED/);
    expect(t.out).toMatch(/^FAILED {2}projection year 3 /m);
  });

  it('every year failing is a solver failure (exit 3) naming the years', async () => {
    for (let y = 1; y <= 5; y++) SCENARIO_FAIL.years.add(y);
    const r = await cli(['project', region, '--ranges', '0']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/5 of 5 projection years failed; projection year 1 /);
  });

  it('range samples that fail are counted and listed with their inputs, exit 4', async () => {
    const scen = join(__dirname, '..', 'scenarios', 'weekly-small-digester.json');
    SCENARIO_FAIL.nth = 4;   // the central projection's run succeeds; then every fourth run fails
    const r = await cli(['project', scen, '--ranges', '8', '--json']);
    expect(r.code).toBe(4);
    const j = JSON.parse(r.out) as { ok: boolean; ranges: { samples: number; ok: number; failedSamples: Failed[]; reliable: boolean; inputs: { name: string }[] } };
    expect(j.ok).toBe(false);   // as every command: ok exactly when the exit code is 0
    expect(j.ranges.samples).toBe(8);
    expect(j.ranges.ok).toBeLessThan(8);
    expect(j.ranges.failedSamples).toHaveLength(8 - j.ranges.ok);
    expect(j.ranges.reliable).toBe(false);
    for (const f of j.ranges.failedSamples) {
      expect(Object.keys(f.inputs)).toEqual(j.ranges.inputs.map((i) => i.name));
      expect(f.reason).toMatch(/step size too small at t = 7 d/);
    }
    expect(r.err).toMatch(/ranges: \d of 8 samples failed .*NOT reliable/);
  });
});
