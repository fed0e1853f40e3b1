// What the scenario commands say: single-scenario tables, unfed digesters, uncosted digesters, rollout columns,
// file errors, and the analysis commands' unit and option messages (QA findings).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { runScenario } from '../src/pipeline/run.js';
import { fullRollout, projectScenario } from '../src/pipeline/project.js';
import { parseScenario } from '../src/scenario/parse.js';
import { fitBmp } from '../src/analysis/bmp-curve.js';

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  let code: number;
  try {
    code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd });
  } catch (e) { err += String(e); code = -1; }
  return { code, out, err };
}

const scenario = (over: Record<string, unknown> = {}) => ({
  schema: 'adsim-scenario/1', name: 'small', comment: 'test',
  areas: [{ name: 'A', bins: 200, fill_per_bin: '10 kg/week' }],
  collection: { frequency: 'weekly', cost_per_emptying: 4 },
  digester: { V_liq: '40 m3', V_gas: '4 m3', feed_TS: '8 %' },
  horizon: { startup: '20 d' },
  ...over,
});

const dir = mkdtempSync(join(tmpdir(), 'adsim-msg-'));
beforeAll(() => {
  process.env.ADSIM_WORKERS = '0';
  writeFileSync(join(dir, 'one.json'), JSON.stringify(scenario()));
  writeFileSync(join(dir, 'zero.json'), JSON.stringify(scenario({ areas: [{ name: 'A', bins: 0 }] })));
  writeFileSync(join(dir, 'tiny.json'), JSON.stringify(scenario({ digester: { V_liq: '1 m3' } })));
  writeFileSync(join(dir, 'run.json'), JSON.stringify({ kind: 'digester-run', name: 'r', digester: {}, influent: {}, days: 1, extra: 1 }));
  writeFileSync(join(dir, 'q.csv'), 'time [d],q_ch4 [m3/d]\n1,1000\n2,1000\n');
  writeFileSync(join(dir, 'bk.csv'), 'time [d],B [kWh]\n0,0\n1,50\n2,90\n4,140\n8,190\n16,220\n');
});

describe('adsim scenario', () => {
  it('a single scenario is not called a baseline, and its digester is costed (never £0 unsaid), verdict first', async () => {
    const r = await cli(['scenario', join(dir, 'one.json')], dir);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/\[baseline\]|Figures in brackets/);
    expect(r.out).not.toMatch(/not costed/);
    expect(r.out).toMatch(/Building the plant \(annualised\)\s+[1-9]/);
    expect(r.out).toMatch(/Digester fees and running costs\s+[1-9]/);
    expect(r.out).toMatch(/ECONOMICS/);
    // The verdict sits above the tables.
    const verdict = r.out.search(/Over 20 years this (costs|saves) £/);
    expect(verdict).toBeGreaterThan(-1);
    expect(verdict).toBeLessThan(r.out.indexOf('WASTE'));
    const given = runScenario(scenario({ digester: { V_liq: '40 m3', annual_cost: '£5000' } }));
    expect(given.assumptions.map((a) => a.field)).not.toContain('digester.annual_cost');
    expect(given.annual.digester_cost_gbp).toBe(5000);
  });

  it('no bins: says no dog waste is collected and claims no process warnings', async () => {
    const r = await cli(['scenario', join(dir, 'zero.json')], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/no dog waste is collected/);
    expect(r.out).toMatch(/pH range\s+not fed/);
    expect(r.out).not.toMatch(/\d+ days/);
    expect(r.out).not.toMatch(/inhibited/);
  });

  it('no bins: no cost per tonne diverted exists (n/a in text, null with a reason in JSON); backup heat at 3 figures', async () => {
    const weekly = JSON.parse(readFileSync(new URL('../scenarios/weekly-small-digester.json', import.meta.url), 'utf8'));
    weekly.areas[0].bins = 0;
    writeFileSync(join(dir, 'weekly-zero.json'), JSON.stringify(weekly));
    const r = await cli(['scenario', join(dir, 'weekly-zero.json')], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Extra cost per tonne diverted\s+n\/a \(nothing diverted\)/);
    expect(r.out).not.toMatch(/per tonne diverted\s+£0\b/);
    const heat = r.out.match(/([\d,.]+) kWh must come from elsewhere/);
    expect(heat).not.toBeNull();
    expect(heat![1]!.replace(/[,.]/g, '').replace(/0+$/, '').length).toBeLessThanOrEqual(3);
    const j = JSON.parse((await cli(['scenario', join(dir, 'weekly-zero.json'), '--json'], dir)).out);
    const e = (j.scenarios?.[0] ?? j).economics;
    expect(e.cost_per_t_diverted_gbp).toBeNull();
    expect(e.cost_per_t_diverted_reason).toBe('nothing diverted');
  });

  it('errors name the file once and the field once', async () => {
    const j = await cli(['scenario', join(dir, 'tiny.json'), '--json'], dir);
    expect(j.code).toBe(2);
    const e = JSON.parse(j.out).errors[0];
    expect(e.field).toBe(`${join(dir, 'tiny.json')}: digester.V_liq`);
    expect(e.message).toMatch(/^1 m3 gives a hydraulic retention time/);
    const nf = await cli(['compare', join(dir, 'nonexist.json')], dir);
    expect(nf.err).toMatch(/nonexist\.json: file not found/);
    expect(nf.err).not.toMatch(/FILE/);
    const run = await cli(['compare', join(dir, 'run.json')], dir);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).toMatch(/digester-run file.*adsim run/);
  });
});

describe('rollout columns', () => {
  it('a rollout scenario runs as its full-rollout year and matches that year of the projection', () => {
    const s = parseScenario(scenario({
      areas: [{ name: 'A', bins: 100, fill_per_bin: '10 kg/week' }, { name: 'B', bins: 60, fill_per_bin: '10 kg/week', joins_year: 2 }],
      rollout: { years: 3, bins_growth: '10 %/yr' },
    }));
    const full = fullRollout(s);
    expect(full.configuration).toMatch(/projection year 2, 2 areas, 176 bins/);
    const r = runScenario(full.scenario);
    const p = projectScenario(s, 2);
    expect(r.annual.dog_waste_collected_t).toBeCloseTo(p.years[1]!.dog_waste_collected_t, 9);
    expect(r.annual.methane_Nm3).toBeCloseTo(p.years[1]!.methane_Nm3, 6);
    expect(fullRollout(parseScenario(scenario())).configuration).toBeUndefined();
  });
});

describe('analysis messages', () => {
  it('fit-bmp rejects a yield unit that is not methane per VS, naming the column', async () => {
    const r = await cli(['fit-bmp', 'bk.csv'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/column "B \[kWh\]": unit "kWh".*specific methane yield/);
  });

  it('a two-pool bound warning names the bound the reported value sits on', () => {
    const t = [0, 1, 2, 3, 5, 7, 10, 14, 21, 28];
    const f = fitBmp(t, t.map((x) => 300 * (1 - Math.exp(-0.05 * x))), 'two-pool');
    const w = f.warnings.find((x) => /^alpha ended at a bound/.test(x));
    expect(w).toBeDefined();
    const alpha = f.parameters.find((p) => p.name === 'alpha')!.value;
    expect(Number(/\(([^)]*)\)/.exec(w!)![1])).toBeCloseTo(alpha, 12);
  });

  it('fit --bounds errors name --bounds', async () => {
    const r = await cli(['fit', new URL('../scenarios/bsm2-steady-state.json', import.meta.url).pathname, '--data', 'q.csv', '--params', 'k_dis', '--bounds', 'k_dis=1:0.1'], dir);
    expect(r.err).toMatch(/--bounds k_dis: bounds inverted/);
    expect(r.err).not.toMatch(/--ranges/);
  });
});
