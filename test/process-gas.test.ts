// Gas on the basis labs and meters use: dry normal biogas and CH4/(CH4+CO2) beside BSM2's own wet figures, and fits
// that compare measured gas on the basis its header states (dry unless marked wet).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseRunFile } from '../src/simulate/runfile.js';
import { simulateDigester } from '../src/simulate/digester.js';
import { applyPoint, digesterOutputs, DIGESTER_SCALARS } from '../src/analysis/digester-model.js';
import { fitDigester } from '../src/analysis/digester-fit.js';
import { parseMeasuredCsv, splitBasis } from '../src/analysis/measured.js';
import { main } from '../src/cli/main.js';
import type { DigesterRun } from '../src/simulate/types.js';

const root = new URL('..', import.meta.url).pathname;
const bsm2 = parseRunFile(JSON.parse(readFileSync(`${root}scenarios/bsm2-steady-state.json`, 'utf8')));

describe('dry normal gas', () => {
  it('BSM2 steady state: 2481 Nm3/d dry biogas and 0.6422 dry CH4 fraction beside the published wet q_gas_norm', async () => {
    let out = '';
    const code = await main(['run', 'scenarios/bsm2-steady-state.json', '--json'], { out: (s) => { out += s; }, err: () => {}, cwd: root });
    expect(code).toBe(0);
    const f = JSON.parse(out).final;
    expect(Math.abs(f.q_biogas_dry_Nm3_d / 2481 - 1)).toBeLessThan(0.003);
    expect(Math.abs(f.ch4_fraction_dry - 0.6422)).toBeLessThan(0.001);
    // The benchmark's own figure stays: 2955.70 m3/d wet at P_atm and T_op (Rosen & Jeppsson 2006).
    expect(Math.abs(f.q_gas_norm_m3_d / 2955.70 - 1)).toBeLessThan(1e-5);
    // Dry = wet minus water vapour, at 0 C: the ratio is (1 - p_h2o/P_gas) x 273.15/T_op x P_atm/1.01325.
    const ratio = (1 - f.p_gas_h2o_bar / f.P_gas_bar) * (273.15 / 308.15) * (1.013 / 1.01325);
    expect(f.q_biogas_dry_Nm3_d / f.q_gas_norm_m3_d).toBeCloseTo(ratio, 10);
    // The wet figure in Nm3 is about 5.6 % above the dry one at 35 C.
    expect(f.q_gas_norm_m3_d * (273.15 / 308.15) * (1.013 / 1.01325) / f.q_biogas_dry_Nm3_d).toBeCloseTo(1.0550, 3);
    expect(f.q_ch4_Nm3_d / f.q_biogas_dry_Nm3_d).toBeCloseTo(f.ch4_fraction_dry, 3);
  });

  it('the readable summary leads with dry normal gas and labels the BSM2 wet basis', async () => {
    let out = '';
    await main(['run', 'scenarios/bsm2-steady-state.json'], { out: (s) => { out += s; }, err: () => {}, cwd: root });
    expect(out).toMatch(/biogas\s+2,48\d Nm3\/d dry/);
    expect(out).toMatch(/64\.2\d % of dry gas/);
    expect(out).toMatch(/BSM2 basis\s+q_gas_norm 2,95\d m3\/d wet/);
  });

  it('sensitivity outputs default to the dry basis; the wet names still work when asked for', () => {
    expect(DIGESTER_SCALARS).toContain('q_biogas_dry_Nm3_d');
    expect(DIGESTER_SCALARS).toContain('ch4_fraction_dry');
    expect(DIGESTER_SCALARS).not.toContain('ch4_fraction');
    const o = digesterOutputs(bsm2, simulateDigester(bsm2), false) as Record<string, number>;
    expect(o.q_gas_Nm3_d! / o.q_biogas_dry_Nm3_d!).toBeGreaterThan(1.05);
    expect(o.ch4_fraction!).toBeLessThan(o.ch4_fraction_dry!);
  });
});

describe('measured gas basis', () => {
  it('reads "wet"/"dry" from the unit or a name suffix; dry by default', () => {
    expect(splitBasis('q_gas', 'Nm3/d wet')).toEqual({ name: 'q_gas', unit: 'Nm3/d', basis: 'wet', stated: true });
    expect(splitBasis('ch4', '% (dry)')).toEqual({ name: 'ch4', unit: '%', basis: 'dry', stated: true });
    expect(splitBasis('q_gas_wet', 'm3/d')).toMatchObject({ name: 'q_gas', basis: 'wet' });
    expect(splitBasis('q_gas', 'Nm3/d')).toMatchObject({ basis: 'dry', stated: false });
    const d = parseMeasuredCsv('time [d],q_gas [Nm3/d (wet)],ch4 [%]\n1,100,60\n2,110,61\n');
    expect(d.series.map((s) => s.basis)).toEqual(['wet', 'dry']);
    expect(d.series[0]!.values[0]).toBe(100);
    expect(() => parseMeasuredCsv('time [d],pH [wet]\n1,7\n')).toThrow(/applies to biogas volumes and methane fractions only/);
  });

  it('a fit of dry normal biogas data recovers k_dis; read as wet the same data pull it away', () => {
    const run: DigesterRun = {
      ...bsm2, days: 10, output_every_d: 1,
      feed: [{ ...bsm2.feed[0]!, state: { ...bsm2.feed[0]!.state, X_ch: 15, X_pr: 30, X_xc: 6 } }],
    };
    const truth = { k_dis: 0.25 };
    const sim = simulateDigester(applyPoint(run, truth));
    const rows = (unit: string) => ['time [d],q_gas [' + unit + ']', ...Array.from(sim.t_d).slice(1).map((t, i) => `${t},${sim.series.q_biogas_dry_Nm3_d![i + 1]!.toFixed(2)}`)].join('\n');
    const dry = fitDigester(run, parseMeasuredCsv(rows('Nm3/d')), ['k_dis'], { sigma: { q_gas: 5 } });
    expect(dry.converged).toBe(true);
    expect(dry.parameters[0]!.value).toBeCloseTo(0.25, 2);
    const wet = fitDigester(run, parseMeasuredCsv(rows('Nm3/d wet')), ['k_dis'], { sigma: { q_gas: 5 } });
    // The same numbers taken as wet gas need 5 % less biogas: the fit lowers k_dis well away from the truth.
    expect(wet.parameters[0]!.value).toBeLessThan(0.22);
  });
});
