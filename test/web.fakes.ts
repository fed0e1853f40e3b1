// Test doubles for the web store: a runner whose jobs the test settles by hand, and bundled scenarios from scenarios/.
import baseline from '../scenarios/baseline-efw.json';
import weekly from '../scenarios/weekly-small-digester.json';
import type { Runner, Started } from '../web/src/state/store.js';
import type { JobProgress } from '../src/worker/types.js';

export const bundled = { 'baseline-efw.json': baseline, 'weekly-small-digester.json': weekly } as Record<string, Record<string, unknown>>;

export interface FakeJob {
  kind: 'run' | 'project';
  json: Record<string, unknown>;
  progress: (p: JobProgress) => void;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  cancelled: boolean;
}

export function fakeRunner(): Runner & { jobs: FakeJob[] } {
  const jobs: FakeJob[] = [];
  const start = <T>(kind: FakeJob['kind'], json: Record<string, unknown>, progress: (p: JobProgress) => void): Started<T> => {
    let job!: FakeJob;
    const promise = new Promise<T>((resolve, reject) => {
      job = { kind, json, progress, resolve: resolve as (v: unknown) => void, reject, cancelled: false };
    });
    jobs.push(job);
    return {
      promise,
      cancel: () => {
        job.cancelled = true;
        const e = new Error('cancelled');
        e.name = 'CancelledError';
        job.reject(e);
      },
    };
  };
  return {
    jobs,
    run: (json, onProgress) => start('run', json, onProgress),
    project: (json, _years, onProgress) => start('project', json, onProgress),
  };
}

/** A scenario result shaped like the engine's, with numbers derived from the input so tests can tell them apart. */
export function fakeResult(json: Record<string, unknown>) {
  const bins = ((json.areas as Array<{ bins: number }>) ?? []).reduce((a, x) => a + x.bins, 0);
  return {
    name: String(json.name), annual: { dog_waste_collected_t: bins / 2, electricity_net_kWh: bins * 50 },
    daily: { t_d: new Float64Array([0, 1, 2]), biogas_Nm3: new Float64Array([1, 2, 3]) }, warnings: [], assumptions: [],
    run: { startup_d: 0 },
  };
}

export const flush = () => new Promise((r) => setTimeout(r, 0));
