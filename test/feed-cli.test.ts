// CLI: feedstocks, characterise (output accepted by `adsim run`), buswell, bmp, and their one-line input errors.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../src/cli/main.js';
import { parseRunFile } from '../src/simulate/runfile.js';

async function cli(...argv: string[]) {
  let out = '', err = '';
  const cwd = mkdtempSync(join(tmpdir(), 'adsim-feed-'));
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd });
  return { code, out, err, cwd };
}

describe('adsim feedstocks', () => {
  test('lists every record with evidence and the dog caveat', async () => {
    const r = await cli('feedstocks');
    expect(r.code).toBe(0);
    for (const id of ['dog-faeces', 'food-waste', 'garden-waste', 'grass', 'cattle-slurry', 'pig-slurry', 'sewage-sludge']) expect(r.out).toContain(id);
    expect(r.out).toMatch(/CAVEAT: ESTIMATE/);
  });
  test('--json gives the records', async () => {
    const r = await cli('feedstocks', '--json');
    const j = JSON.parse(r.out) as { feedstocks: Array<{ id: string; BMP: { value: number; evidence: string } }> };
    expect(j.feedstocks.find((f) => f.id === 'dog-faeces')!.BMP.evidence).toBe('estimate');
  });
});

describe('adsim characterise', () => {
  test('--json prints an influent that adsim run accepts', async () => {
    const r = await cli('characterise', 'dog-faeces', '--rate', '10 t/week', '--water', '2 m3/d', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/caveat: ESTIMATE/);
    const inf = JSON.parse(r.out) as { q_m3_d: number; state: Record<string, number>; parameters: Record<string, number>; caveats: string[] };
    expect(Object.keys(inf).sort()).toEqual(['caveats', 'parameters', 'q_m3_d', 'state']);
    expect(inf.q_m3_d).toBeCloseTo(10000 / 7 / 1050 + 2, 9);
    const digester = { V_liq_m3: 150, V_gas_m3: 15, T_op_K: 308.15 };
    const run = parseRunFile({ kind: 'digester-run', digester, influent: inf, days: 1 });
    expect(run.feed[0]!.state.X_pr).toBeCloseTo(inf.state.X_pr!, 12);
    // the same run as the feed list: same hydrolysis rates, same caveat
    const fromList = parseRunFile({ kind: 'digester-run', digester, days: 1,
      influent: { feed: [{ feedstock: 'dog-faeces', rate: '10 t/week' }, { water: '2 m3/d' }] } });
    expect(run.parameters).toEqual(fromList.parameters);
    expect(run.notes!.join(' ')).toMatch(/ESTIMATE/);
    // the --full report is not an influent: say which part to use
    const full = JSON.parse((await cli('characterise', 'dog-faeces', '--rate', '10 t/week', '--json', '--full')).out);
    expect(() => parseRunFile({ kind: 'digester-run', digester, influent: full, days: 1 })).toThrow(/use its "influent" object/);
    expect(parseRunFile({ kind: 'digester-run', digester, influent: full.influent, days: 1 }).feed[0]!.q_m3_d).toBeCloseTo(inf.q_m3_d - 2, 9);
  });
  test('mixtures with ID=RATE and a human-readable report', async () => {
    const r = await cli('characterise', 'dog-faeces=1 t/week', 'garden-waste=3 t/week', '--volume', '50');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/C\/N/);
    expect(r.out).toMatch(/OLR/);
    expect(r.out).toMatch(/CAVEAT/);
  });
  test('bad input: unknown feedstock suggests names; rates without units or with the wrong dimension', async () => {
    let r = await cli('characterise', 'dog-feces', '--rate', '1 t/d');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/did you mean dog-faeces/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    r = await cli('characterise', 'dog-faeces', '--rate', '5');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--rate|rate: missing unit/);
    r = await cli('characterise', 'dog-faeces', '--rate', '5 kWh/week');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/wrong kind of quantity/);
  });
  test('a user feedstock file overrides the library', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adsim-user-'));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ feedstocks: [{ id: 'dog-faeces', BMP: 300 }] }));
    const base = JSON.parse((await cli('characterise', 'dog-faeces', '--rate', '1 t/d', '--json', '--full')).out);
    const r = await cli('characterise', 'dog-faeces', '--rate', '1 t/d', '--json', '--full', '--feedstocks', join(dir, 'mine.json'));
    const mine = JSON.parse(r.out);
    expect(mine.report.methane_potential_Nm3_d / base.report.methane_potential_Nm3_d).toBeCloseTo(300 / 250, 9);
  });
});

describe('adsim run with influent.feed', () => {
  test('a feed list in a run file is characterised by the built-in library, with its caveats and hydrolysis rates', () => {
    const run = parseRunFile({
      kind: 'digester-run', digester: { V_liq_m3: 150, V_gas_m3: 15, T_op_K: 308.15 },
      influent: { feed: [{ feedstock: 'dog-faeces', rate: '1.5 t/week' }, { feedstock: 'garden-waste', rate: '2 t/week' }, { water: '1 m3/d' }] }, days: 1,
    });
    expect(run.feed[0]!.q_m3_d).toBeGreaterThan(1);
    expect(run.feed[0]!.state.X_I).toBeGreaterThan(0);
    expect(run.notes!.join(' ')).toMatch(/estimate/i);
    expect(run.parameters!.k_hyd_ch).toBeLessThan(10);   // the feedstocks' hydrolysis, not the BSM2 sludge default
    expect(() => parseRunFile({ kind: 'digester-run', digester: { V_liq_m3: 1, V_gas_m3: 1, T_op_K: 308.15 }, influent: { feed: [{ feedstock: 'dog', rate: '1 t/d' }] }, days: 1 }))
      .toThrow(/influent\.feed\[0\]\.feedstock: unknown feedstock "dog"; did you mean dog-faeces/);
  });
});

describe('adsim buswell and bmp', () => {
  test('buswell glucose', async () => {
    const r = await cli('buswell', 'C6H12O6', '--json');
    const j = JSON.parse(r.out);
    expect(j.ch4_fraction).toBeCloseTo(0.5, 9);
    const t = await cli('buswell', 'C5H7O2N');
    expect(t.out).toMatch(/NH3/);
    expect((await cli('buswell', 'XYZ')).code).toBe(2);
  });
  test('bmp prints the curve and the ultimate yield', async () => {
    const r = await cli('bmp', 'grass', '--days', '30', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.t_d.length).toBe(j.net_NL_kgVS.length);
    expect(j.ultimate_NL_kgVS).toBeGreaterThan(0.8 * 270);
    const h = await cli('bmp', 'dog-faeces', '--days', '20');
    expect(h.out).toMatch(/ultimate/);
    expect(h.out).toMatch(/CAVEAT/);
    expect((await cli('bmp', 'grass', '--isr', '-1')).err).toMatch(/--isr/);
  });
});
