// The worker API in-process over a MessageChannel: envelopes, transfer of typed arrays, progress per chunk, errors.
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { expose, proxy, wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { api, buffersOf, type WorkerApi } from '../src/worker/api.js';
import { fromWire, type RebuiltInputError } from '../src/worker/pool.js';
import { InputError } from '../src/errors.js';
import type { JobProgress } from '../src/worker/types.js';
import { mediumScenario, smallScenario } from './worker.fixtures.js';

let ports: Array<{ close(): void }> = [];
function connect(): Remote<WorkerApi> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  expose(api, nodeEndpoint(port1));
  return wrap<WorkerApi>(nodeEndpoint(port2));
}
afterEach(() => { for (const p of ports) p.close(); ports = []; });

describe('worker api over a MessageChannel', () => {
  it('answers ping', async () => {
    expect(await connect().ping()).toBe('pong');
  });

  it('returns a scenario result with typed-array daily series', async () => {
    const env = await connect().runScenario(await smallScenario());
    if (!env.ok) throw new Error(env.error.message);
    const daily = env.value.daily as Record<string, unknown>;
    const series = Object.values(daily).filter((v) => v instanceof Float64Array) as Float64Array[];
    expect(series.length).toBeGreaterThan(1);
    expect(series[0]!.length).toBeGreaterThan(10);
    for (const v of Object.values(env.value.annual)) expect(Number.isFinite(v as number)).toBe(true);
  });

  it('sends a user-input error back as data with its field and every issue', async () => {
    const bad = { ...(await smallScenario() as object), areas: [{ name: 'A', bins: -3 }], digester: { V_liq: 'lots' } };
    const env = await connect().runScenario(bad);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.field).toBe('areas[0].bins');
    expect(env.error.issues?.map((i) => i.field)).toEqual(['areas[0].bins', 'digester.V_liq']);
    const rebuilt = fromWire(env.error) as RebuiltInputError;
    expect(rebuilt).toBeInstanceOf(InputError);
    expect(rebuilt.field).toBe('areas[0].bins');
    expect(rebuilt.issues).toHaveLength(2);
  });

  it('reports progress per chunk, not per step, ending at 1', async () => {
    const seen: JobProgress[] = [];
    const env = await connect().runScenario(await mediumScenario(), proxy((p: JobProgress) => { seen.push(p); }));
    expect(env.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 50));   // progress messages are one-way; let the last ones arrive
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.at(-1)!.fraction).toBe(1);
    const days = env.ok ? (Object.values(env.value.daily).find((v) => v instanceof Float64Array) as Float64Array).length : 0;
    expect(seen.length).toBeLessThan(days);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.fraction).toBeGreaterThanOrEqual(seen[i - 1]!.fraction);
  });
});

describe('buffersOf', () => {
  it('lists each buffer once, including views that share one', () => {
    const a = new Float64Array(8);
    const b = a.subarray(2, 4);
    const c = new Float64Array(3);
    const found = buffersOf({ a, nested: { b, list: [c, a] } });
    expect(found).toHaveLength(2);
    expect(found).toContain(a.buffer);
    expect(found).toContain(c.buffer);
  });
});
