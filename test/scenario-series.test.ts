// The scenario pipeline keeps only the digester series it reads (SCENARIO_SERIES): every result must equal a run that
// keeps them all, on every bundled scenario, so a series the pipeline starts reading cannot silently go missing.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SERIES, runScenario } from '../src/pipeline/run.js';
import { simulateDigester } from '../src/simulate/digester.js';
import { parseRunFile } from '../src/simulate/runfile.js';

const dir = new URL('../scenarios/', import.meta.url);
const bundled = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8'))] as const)
  .filter(([, j]) => String(j.schema ?? '').startsWith('adsim-scenario'));

/** JSON with typed arrays as plain arrays, so two results compare value by value. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));

describe('scenario series', () => {
  it.each(bundled)('%s: the same result keeping SCENARIO_SERIES as keeping every series', (_f, json) => {
    const needed = runScenario(json), all = runScenario(json, { series: 'all' });
    expect(plain(needed)).toEqual(plain(all));
  });
  it('a digester run that names its series keeps those and the warnings\' own, with every output in final', () => {
    const run = parseRunFile(JSON.parse(readFileSync(new URL('bsm2-steady-state.json', dir), 'utf8')));
    const some = simulateDigester({ ...run, days: 20, series: ['S_ac', 'q_ch4_Nm3_d'] });
    const every = simulateDigester({ ...run, days: 20 });
    expect(Object.keys(some.series).sort()).toEqual(['I_nh3', 'P_gas_bar', 'S_ac', 'VFA_kgCOD_m3', 'free_nh3_mgN_L', 'pH', 'q_ch4_Nm3_d']);
    expect(Array.from(some.series.S_ac!)).toEqual(Array.from(every.series.S_ac!));
    expect(some.final).toEqual(every.final);
    expect(some.warnings).toEqual(every.warnings);
    expect(SCENARIO_SERIES.length).toBeLessThan(Object.keys(every.series).length / 2);
  });
});
