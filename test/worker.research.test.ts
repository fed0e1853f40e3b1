// The worker's research jobs in-process: sampled feedstock values travel in the scenario's own `feedstocks` overrides
// (the built-in library is never touched), analysis outputs come back as typed arrays.
import { describe, expect, it } from 'vitest';
import { api } from '../src/worker/api.js';
import { FEEDSTOCKS } from '../models/feedstocks/index.js';
import { smallScenario } from './worker.fixtures.js';

const withDogBmp = async (fields: Record<string, unknown>) => ({ ...(await smallScenario() as object), feedstocks: { 'dog-faeces': fields } });

describe('research jobs', () => {
  it('a higher dog-faeces BMP in the scenario gives more methane, and the library keeps its own value', async () => {
    const before = FEEDSTOCKS.find((f) => f.id === 'dog-faeces')!.BMP.value;
    const lo = api.scenarioOutputs(await withDogBmp({ BMP: 150 }), false);
    const hi = api.scenarioOutputs(await withDogBmp({ BMP: 350 }), true);
    if (!lo.ok || !hi.ok) throw new Error('run failed');
    expect(hi.value.methane_Nm3 as number).toBeGreaterThan(1.3 * (lo.value.methane_Nm3 as number));
    expect(hi.value['series.methane_Nm3']).toBeInstanceOf(Float64Array);
    expect(FEEDSTOCKS.find((f) => f.id === 'dog-faeces')!.BMP.value).toBe(before);
  });

  it('refuses a feedstock field the record does not have, naming it, instead of ignoring it', async () => {
    const env = api.scenarioOutputs(await withDogBmp({ BMP: 300, bmp_typo: 1 }), false);
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.issues?.map((i) => i.field)).toEqual(['feedstocks.dog-faeces.bmp_typo']);
    const top = api.scenarioOutputs(await withDogBmp({ lipid: 0.2 }), false);
    expect(top.ok).toBe(false);
    if (!top.ok) expect(top.error.message).toMatch(/feedstocks\.dog-faeces\.lipid: unknown feedstock field/);
  });
});
