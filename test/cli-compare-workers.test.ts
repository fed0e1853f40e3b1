// `adsim compare` runs several scenarios in parallel worker threads; the figures equal an in-process run.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = ['scenarios/baseline-efw.json', 'scenarios/weekly-small-digester.json', 'scenarios/dog-garden-codigestion.json'];

async function compareJson(env: string | undefined) {
  if (env === undefined) delete process.env.ADSIM_WORKERS; else process.env.ADSIM_WORKERS = env;
  let out = '', err = '';
  const code = await main(['compare', ...files, '--json'], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: root });
  expect(code, err).toBe(0);
  return JSON.parse(out);
}

describe('adsim compare in worker threads', () => {
  afterEach(() => { delete process.env.ADSIM_WORKERS; });
  it('gives the same annual figures as the in-process run', async () => {
    // npm install builds dist-node (the prepare script); the worker must be there for the parallel path to run
    expect(existsSync(`${root}dist-node/worker.node.mjs`), 'run `npm run build:node` first').toBe(true);
    const pooled = await compareJson(undefined);
    const serial = await compareJson('0');
    expect(pooled.scenarios.map((s: { name: string }) => s.name)).toEqual(serial.scenarios.map((s: { name: string }) => s.name));
    for (let i = 0; i < files.length; i++) {
      for (const k of ['dog_waste_collected_t', 'feed_t', 'biogas_Nm3', 'methane_Nm3', 'electricity_gross_kWh', 'electricity_net_kWh', 'heat_kWh', 'homes_equivalent', 'co2e_net_t', 'cost_net_gbp']) {
        expect(pooled.scenarios[i].annual[k], `${files[i]} ${k}`).toBe(serial.scenarios[i].annual[k]);
      }
    }
    expect(pooled.scenarios[1].annual.methane_Nm3).toBeGreaterThan(0);
  });
});
