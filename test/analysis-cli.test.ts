// Tests for the analysis CLI commands (sensitivity, uncertainty, fit, fit-bmp) through the CLI entry point.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'adsim-analysis-'));
const bsm2 = JSON.parse(readFileSync(new URL('../scenarios/bsm2-steady-state.json', import.meta.url), 'utf8'));
writeFileSync(join(dir, 'short.json'), JSON.stringify({ ...bsm2, days: 40 }));
const B = (t: number) => 320 * (1 - Math.exp(-0.2 * t));
writeFileSync(join(dir, 'bmp.csv'), ['time [d],B [NmL/gVS]', ...[0, 1, 2, 3, 5, 7, 10, 14, 21, 28].map((t, i) => `${t},${(B(t) + (i % 2 ? 2 : -2) * (t > 0 ? 1 : 0)).toFixed(2)}`)].join('\n'));

describe('analysis CLI', () => {
  it('fit-bmp prints fitted B0 and k with intervals', async () => {
    const r = await cli(['fit-bmp', 'bmp.csv'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/B0\s+3[12]\d/);
    expect(r.out).toMatch(/k_1_d\s+0\.[12]\d/);
    const j = await cli(['fit-bmp', 'bmp.csv', '--model', 'two-pool', '--json'], dir);
    const parsed = JSON.parse(j.out);
    expect(parsed.model).toBe('two-pool');
    expect(parsed.parameters).toHaveLength(4);
  });
  it('fit-bmp errors name the problem and exit 2', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'time [d],B [NmL/gVS]\n0,0\n1,abc\n');
    const r = await cli(['fit-bmp', 'bad.csv'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.csv row 3, column "B \[NmL\/gVS\]": expected a number/);
    expect((await cli(['fit-bmp', 'bmp.csv', '--model', 'cubic'], dir)).err).toMatch(/--model: expected one of/);
  });
  it('sensitivity (local) ranks parameters of a digester run', async () => {
    const r = await cli(['sensitivity', 'short.json', '--method', 'local', '--params', 'k_m_ac,K_S_ac,k_dis', '--outputs', 'VFA_kgCOD_m3', '--workers', '1', '--json'], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const ranked = j.ranked.VFA_kgCOD_m3.map((c: { parameter: string }) => c.parameter);
    expect(ranked).toHaveLength(3);
    // Acetate dominates VFA at steady state: its uptake rate and half-saturation constant outrank disintegration.
    expect(ranked[2]).toBe('k_dis');
    const vfa = j.ranked.VFA_kgCOD_m3;
    expect(vfa.find((c: { parameter: string }) => c.parameter === 'k_m_ac').S).toBeLessThan(0);
    expect(vfa.find((c: { parameter: string }) => c.parameter === 'K_S_ac').S).toBeGreaterThan(0);
  });
  it('sensitivity names an unknown parameter and inverted ranges', async () => {
    const r = await cli(['sensitivity', 'short.json', '--params', 'k_hyd_xx', '--workers', '1'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/k_hyd_xx.*did you mean/);
    const r2 = await cli(['sensitivity', 'short.json', '--params', 'k_dis', '--ranges', 'k_dis=1:0.1', '--workers', '1'], dir);
    expect(r2.err).toMatch(/--ranges k_dis: bounds inverted/);
  });
  it('uncertainty gives the same percentiles for the same seed', async () => {
    const args = ['uncertainty', 'short.json', '--samples', '6', '--params', 'k_m_ac', '--seed', '3', '--workers', '1', '--json'];
    const a = JSON.parse((await cli(args, dir)).out), b = JSON.parse((await cli(args, dir)).out);
    expect(a.scalars.q_ch4_Nm3_d.p50).toBe(b.scalars.q_ch4_Nm3_d.p50);
    expect(a.scalars.q_ch4_Nm3_d.p10).toBeLessThanOrEqual(a.scalars.q_ch4_Nm3_d.p90);
    expect(a.series.t_d).toHaveLength(41);
    expect(a.series.t_d[40]).toBe(40);
    expect(a.series.pH.p50).toHaveLength(41);
    expect(a.series['series.pH']).toBeUndefined();
    expect(a.samples).toBe(6);
    // Fewer than 50 samples: a caution key in JSON and the same line in the text report, before the table.
    expect(a.caution).toMatch(/^Caution: only 6 samples finished, fewer than the 50/);
    const t = (await cli(args.filter((x) => x !== '--json'), dir)).out;
    expect(t.indexOf(a.caution)).toBeGreaterThan(0);
    expect(t.indexOf(a.caution)).toBeLessThan(t.indexOf('P10'));
  });
  it('an unknown output is a one-line error naming it and the valid outputs (exit 2), for both commands', async () => {
    for (const cmd of ['sensitivity', 'uncertainty']) {
      const r = await cli([cmd, 'short.json', '--outputs', 'pH,zzz', '--params', 'k_m_ac', ...(cmd === 'uncertainty' ? ['--samples', '4'] : []), '--workers', '1', '--quiet'], dir);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/--outputs: unknown output "zzz"; valid outputs: .*q_ch4_Nm3_d.*free_nh3_mgN_L/);
    }
  });
  it('uncertainty --outputs keeps only the named outputs and their bands', async () => {
    const r = await cli(['uncertainty', 'short.json', '--outputs', 'pH', '--params', 'k_m_ac', '--samples', '4', '--workers', '1', '--json'], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j.scalars)).toEqual(['pH']);
    expect(Object.keys(j.series).sort()).toEqual(['pH', 't_d']);
  });
  it('bad counts are rejected naming the option, whatever the method; unused ones are named in a warning', async () => {
    const r = await cli(['sensitivity', 'short.json', '--samples', '-3', '--workers', '1'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--samples: expected a whole number >= 8 \(at most 20000\), got "-3"/);
    expect((await cli(['sensitivity', 'short.json', '--method', 'sobol', '--trajectories', '1.5', '--workers', '1'], dir)).err).toMatch(/--trajectories: expected a whole number/);
    const w = await cli(['sensitivity', 'short.json', '--params', 'k_m_ac', '--trajectories', '2', '--samples', '64', '--outputs', 'pH', '--workers', '1', '--quiet'], dir);
    expect(w.code).toBe(0);
    expect(w.err).toMatch(/--samples applies to --method sobol only/);
  });
  it('a Sobol run below the minimum N warns that its indices are not resolved', async () => {
    const r = await cli(['sensitivity', 'short.json', '--method', 'sobol', '--samples', '16', '--params', 'k_hyd_ch,k_m_ac', '--outputs', 'q_ch4_Nm3_d', '--workers', '1', '--quiet'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/--samples 16 is below 128/);
  });
});
