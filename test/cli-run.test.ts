// `adsim run`: the JSON contract, CSV output, feed tables, and one-line errors (exit 2) for bad input.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const root = new URL('..', import.meta.url).pathname;
const bsm2 = JSON.parse(readFileSync(join(root, 'scenarios/bsm2-steady-state.json'), 'utf8'));

async function cli(argv: string[], cwd = root) {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

function tmpRun(patch: Record<string, unknown>, extraFiles: Record<string, string> = {}): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'adsim-run-'));
  const file = join(dir, 'run.json');
  writeFileSync(file, JSON.stringify({ ...bsm2, ...patch }));
  for (const [name, text] of Object.entries(extraFiles)) writeFileSync(join(dir, name), text);
  return { dir, file };
}

describe('adsim run', () => {
  it('--json prints final, series, stats and warnings', async () => {
    const { file } = tmpRun({ days: 20, output: { every_d: 5 } });
    const r = await cli(['run', file, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.final.t_d).toBe(20);
    for (const k of ['pH', 'S_va_ion', 'S_hco3_ion', 'S_nh3', 'S_co2', 'S_nh4_ion', 'S_H_ion', 'p_gas_h2_bar', 'p_gas_ch4_bar',
      'p_gas_co2_bar', 'P_gas_bar', 'q_gas_m3_d', 'q_gas_norm_m3_d', 'q_ch4_m3_d', 'q_ch4_norm_m3_d', 'VFA_kgCOD_m3', 'free_nh3_mgN_L', 'ch4_fraction']) {
      expect(Number.isFinite(j.final[k]), k).toBe(true);
    }
    expect(j.series.t_d).toEqual([0, 5, 10, 15, 20]);
    expect(j.series.S_ac).toHaveLength(5);
    expect(j.stats.steps).toBeGreaterThan(0);
    expect(j.stats.model).toBe('adm1-bsm2');
    expect(Array.isArray(j.warnings)).toBe(true);
  });

  it('prints a readable summary and writes a CSV', async () => {
    const { dir, file } = tmpRun({ days: 10 });
    const r = await cli(['run', file, '--csv', join(dir, 'out.csv')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/biogas\s+2,4\d\d Nm3\/d dry/);
    const csv = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n');
    expect(csv[0]!.split(',').slice(0, 3)).toEqual(['t_d', 'S_su', 'S_aa']);
    expect(csv).toHaveLength(12);
  });

  it('reads a piecewise-constant feed table relative to the run file; each row holds until the next', async () => {
    const table = 'time_d,q_m3_d,X_ch,X_pr,X_li,X_I,S_IN,S_IC,S_cation,S_anion\n0,170,5,20,5,25,0.01,0.04,0.08,0.02\n10,0,5,20,5,25,0.01,0.04,0.08,0.02\n';
    const { file } = tmpRun({ influent: { table: 'feed.csv' }, days: 20, output: { every_d: 10 } }, { 'feed.csv': table });
    const j = JSON.parse((await cli(['run', file, '--json'])).out);
    // cations change only by exchange with the feed: they rise towards 0.08 while fed, then stay put
    const cat = j.series.S_cation as number[];
    expect(cat[1] - cat[0]).toBeCloseTo(0.04 * (1 - Math.exp(-10 * 170 / 3400)), 6);
    expect(Math.abs(cat[2] - cat[1])).toBeLessThan(1e-12);
  });

  it.each([
    [{ digester: { V_liq_m3: -1, V_gas_m3: 300, T_op_K: 308.15 } }, /digester\.V_liq_m3: expected a volume > 0 m3, got -1/],
    [{ digester: { V_liq_m3: 3400, V_gas_m3: 300, T_op_K: 35 } }, /digester\.T_op_K: expected a liquid-water temperature in kelvin/],
    [{ parameters: { k_hyd: 1 } }, /parameters\.k_hyd: unknown ADM1 parameter; did you mean k_hyd_/],
    [{ initial: { S_acetate: 1 } }, /initial\.S_acetate: unknown state; did you mean S_ac/],
    [{ influent: { q_m3_d: -5, state: {} } }, /influent\.q_m3_d: expected a flow >= 0 m3\/d, got -5/],
    [{ days: 0 }, /days: expected a simulated time > 0 d, got 0/],
    [{ kind: 'scenario' }, /kind: expected "digester-run", got "scenario"/],
    [{ output: { every: 1 } }, /output\.every: unknown field; expected one of every_d/],
    [{ solver: { atol: '1e-8' } }, /solver\.atol: expected a finite number, got "1e-8"/],
    [{ solver: { maxSteps: 'many' } }, /solver\.maxSteps: expected a whole number of steps > 0, got "many"/],
    [{ parameters: { Y_su: 1.5 } }, /parameters\.Y_su: expected a fraction in \[0, 1\)/],
    [{ parameters: { f_ch_xc: 0.9 } }, /composite disintegration fractions must sum to 1 \(they split one kg COD\), got 1\.70000/],
    [{ parameters: { pH_UL_ac: 5 } }, /parameters\.pH_LL_ac: expected the lower pH limit below the upper one \(pH_UL_ac = 5\), got 6/],
  ])('rejects bad input with one line naming the field (%#)', async (patch, message) => {
    const { file } = tmpRun(patch as Record<string, unknown>);
    const r = await cli(['run', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('rejects a feed table with times out of order, naming the row', async () => {
    const table = 'time_d,q_m3_d,X_ch\n0,170,5\n10,170,5\n5,170,5\n';
    const { file } = tmpRun({ influent: { table: 'feed.csv' } }, { 'feed.csv': table });
    const r = await cli(['run', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/influent\.table row 4, column time_d: times must increase row by row; got 5 after 10/);
  });

  it('reports malformed JSON and missing files without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adsim-run-'));
    writeFileSync(join(dir, 'bad.json'), '{"kind": "digester-run",\n  "days": }');
    const bad = await cli(['run', join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/bad\.json is not valid JSON/);
    const missing = await cli(['run', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/file not found/);
  });
});

describe('adsim run warnings', () => {
  it('names influent states a feed table leaves out, and a headspace below atmospheric pressure', async () => {
    const table = 'time_d,q_m3_d,X_ch\n0,170,5\n';
    const { file } = tmpRun({ influent: { table: 'feed.csv' }, days: 5 }, { 'feed.csv': table });
    const r = await cli(['run', file, '--json']);
    const j = JSON.parse(r.out);
    expect(j.warnings.join('\n')).toMatch(/influent: no value for S_su, .*S_IC.*taken as 0 \(S_IC, S_IN, S_cation, S_anion set the feed's alkalinity and pH/);
    expect(r.err).toMatch(/influent: no value for/);
    // a flushed digester (HRT of minutes) makes almost no gas: its headspace falls below P_atm
    const flushed = tmpRun({ influent: { q_m3_d: 1e6, state: bsm2.influent.state }, days: 2 });
    const f = JSON.parse((await cli(['run', flushed.file, '--json'])).out);
    expect(f.final.P_gas_bar).toBeLessThan(1.013);
    expect(f.warnings.join('\n')).toMatch(/headspace pressure falls to 0\.\d+ bar, below atmospheric/);
    // the benchmark itself gives every state and keeps its pressure: neither warning
    const ok = JSON.parse((await cli(['run', tmpRun({ days: 5 }).file, '--json'])).out);
    expect(ok.warnings.join('\n')).not.toMatch(/influent: no value|below atmospheric|pressure rises/);
    // a nearly closed outlet: the pressure climbs and the run says so
    const closed = JSON.parse((await cli(['run', tmpRun({ days: 5, parameters: { k_p: 50 } }).file, '--json'])).out);
    expect(closed.final.P_gas_bar).toBeGreaterThan(1.5);
    expect(closed.warnings.join('\n')).toMatch(/headspace pressure rises to \d+\.\d\d bar: the gas outlet \(k_p = 50/);
  });

  it('free ammonia on the BSM2 benchmark reads as the model at its K_I_nh3, not as a fault of the run', async () => {
    const j = JSON.parse((await cli(['run', tmpRun({ days: 5 }).file, '--json'])).out);
    const w = (j.warnings as string[]).find((x) => x.startsWith('free ammonia'))!;
    expect(w).toMatch(/K_I_nh3 = 0\.0018 kmol N\/m3 \(25 mg N\/L\)/);
    expect(w).toMatch(/the model's inhibition at the given K_I_nh3, not an error of the run/);
    expect(w).toMatch(/published BSM2 steady state has the same/);
    // Another K_I_nh3 (an acclimatised digester) is no BSM2 case: no benchmark sentence.
    const other = JSON.parse((await cli(['run', tmpRun({ days: 5, parameters: { K_I_nh3: 0.0025 } }).file, '--json'])).out);
    const w2 = (other.warnings as string[]).find((x) => x.startsWith('free ammonia'))!;
    expect(w2).toMatch(/K_I_nh3 = 0\.0025 kmol N\/m3/);
    expect(w2).not.toMatch(/BSM2/);
  });
});
