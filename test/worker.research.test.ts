// The worker's research jobs in-process: feedstock values swapped for one job and restored, analysis outputs as typed arrays.
import { describe, expect, it } from 'vitest';
import { api } from '../src/worker/api.js';
import { FEEDSTOCKS } from '../models/feedstocks/index.js';
import { smallScenario } from './worker.fixtures.js';

describe('research jobs', () => {
  it('a higher dog-faeces BMP gives more methane, and the library is restored after the job', async () => {
    const json = await smallScenario();
    const before = FEEDSTOCKS.find((f) => f.id === 'dog-faeces')!.BMP.value;
    const lo = api.scenarioOutputs(json, false, { 'dog-faeces': { BMP: 150 } });
    const hi = api.scenarioOutputs(json, true, { 'dog-faeces': { BMP: 350 } });
    if (!lo.ok || !hi.ok) throw new Error('run failed');
    expect(hi.value.methane_Nm3 as number).toBeGreaterThan(1.3 * (lo.value.methane_Nm3 as number));
    expect(hi.value['series.methane_Nm3']).toBeInstanceOf(Float64Array);
    expect(FEEDSTOCKS.find((f) => f.id === 'dog-faeces')!.BMP.value).toBe(before);
  });

  it('refuses a field it cannot vary, naming it, and leaves the library as it was', async () => {
    const json = await smallScenario();
    const before = FEEDSTOCKS.find((f) => f.id === 'dog-faeces')!.BMP.value;
    const env = api.scenarioOutputs(json, false, { 'dog-faeces': { BMP: 300, colour: 1 } });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.field).toBe('feedstock.dog-faeces.colour');
    expect(FEEDSTOCKS.find((f) => f.id === 'dog-faeces')!.BMP.value).toBe(before);
  });
});
