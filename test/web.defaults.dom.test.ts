// The store's own defaults, as the app uses them (main.ts passes neither option): an edit reruns its scenario after
// RERUN_DEBOUNCE_MS (at most 250 ms), and the projection's likely ranges use DEFAULT_RANGE_SAMPLES (at least 200).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RERUN_DEBOUNCE_MS, ScenarioStore } from '../web/src/state/store.js';
import { DEFAULT_RANGE_SAMPLES } from '../src/analysis/projection-ranges.js';
import { bundled, fakeResult, fakeRunner, flush } from './web.fakes.js';

beforeEach(() => localStorage.clear());
afterEach(() => vi.useRealTimers());

describe('store defaults', () => {
  it('reruns an edited scenario RERUN_DEBOUNCE_MS (<= 250 ms) after the edit, not before', async () => {
    expect(RERUN_DEBOUNCE_MS).toBeLessThanOrEqual(250);
    vi.useFakeTimers();
    const runner = fakeRunner();
    const store = new ScenarioStore({ storage: localStorage, runner, bundled });
    const id = store.scenarios.find((s) => s.origin === 'weekly-small-digester.json')!.id;
    store.run(id);
    runner.jobs[0]!.resolve(fakeResult(runner.jobs[0]!.json));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.runs[id]!.status).toBe('done');
    store.setField(id, 'areas[0].bins', 1234);
    await vi.advanceTimersByTimeAsync(RERUN_DEBOUNCE_MS - 1);
    expect(runner.jobs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runner.jobs).toHaveLength(2);
    expect((runner.jobs[1]!.json.areas as { bins: number }[])[0]!.bins).toBe(1234);
  });

  it('works the likely ranges out from DEFAULT_RANGE_SAMPLES (>= 200) samples', async () => {
    expect(DEFAULT_RANGE_SAMPLES).toBeGreaterThanOrEqual(200);
    let calls = 0;
    const runner = Object.assign(fakeRunner(), {
      // Each sample's projection: one year whose methane moves with the sample, no economics.
      projector: () => async () => ({ years: [{ year: 1, methane_Nm3: 100 + (calls++ % 17) }], totals: {}, economics: null }) as never,
    });
    const store = new ScenarioStore({ storage: localStorage, runner, bundled });
    const id = store.scenarios.find((s) => s.origin === 'weekly-small-digester.json')!.id;
    store.project(id, 1);
    runner.jobs[0]!.resolve({ years: [], totals: {}, economics: null });
    for (let i = 0; i < 50 && store.ranges[id]?.status !== 'done'; i++) await flush();
    expect(store.ranges[id]!.status).toBe('done');
    expect(calls).toBe(DEFAULT_RANGE_SAMPLES);
    expect((store.ranges[id] as { result: { samples: number } }).result.samples).toBe(DEFAULT_RANGE_SAMPLES);
  });
});
