// Thermophilic kinetics: rates corrected from their 35 C values to T_op before the run, by cited factors; 35 C runs
// unchanged; the "kinetic parameters stay at their 35 C values" warning only when some really do.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseRunFile } from '../src/simulate/runfile.js';
import { simulateDigester } from '../src/simulate/digester.js';
import { applyKinetics, groupFactor, KINETIC_GROUPS, KINETIC_RATE_NAMES } from '../src/simulate/temperature.js';
import { defaultParameters } from '../models/adm1/index.js';
import { createAdm1Model } from '../models/adm1/rhs.js';
import { IDX } from '../models/adm1/components.js';

const root = new URL('..', import.meta.url).pathname;
const bsm2Json = JSON.parse(readFileSync(`${root}scenarios/bsm2-steady-state.json`, 'utf8'));
const bsm2 = parseRunFile(bsm2Json);
const R = 8.314462618;

describe('temperature-corrected kinetics', () => {
  it('factors from 35 to 55 C: hydrolysis by Arrhenius with E_A 31 kJ/mol, uptake by exp(theta (T - 35))', () => {
    const T = 328.15;
    const [hyd, fast, slow] = KINETIC_GROUPS;
    expect(groupFactor(hyd!, T)).toBeCloseTo(Math.exp((31000 / R) * (1 / 308.15 - 1 / 328.15)), 12);
    expect(groupFactor(hyd!, T)).toBeCloseTo(2.09, 2);
    expect(groupFactor(fast!, T)).toBeCloseTo(Math.exp(0.069 * 20), 12);
    expect(groupFactor(slow!, T)).toBeCloseTo(Math.exp(0.055 * 20), 12);
    for (const g of KINETIC_GROUPS) expect(groupFactor(g, 308.15)).toBe(1);
    const p = applyKinetics(defaultParameters(), T, 'temperature-corrected', ['k_m_ac']);
    expect(p.parameters.k_hyd_ch).toBeCloseTo(10 * groupFactor(hyd!, T), 12);
    expect(p.parameters.k_m_su).toBeCloseTo(30 * Math.exp(1.38), 10);
    expect(p.parameters.k_m_ac).toBe(8);                 // given by the user: taken at T_op
    expect(p.at35C).toEqual([]);
    expect(applyKinetics(defaultParameters(), T).at35C).toEqual(KINETIC_RATE_NAMES);
  });

  it('a 55 C sludge digester hydrolyses and takes up substrate faster by exactly the cited factors; 35 C unchanged', () => {
    const hot = { ...bsm2Json, digester: { ...bsm2Json.digester, T_op_K: 328.15 }, days: 30 };
    const at55 = simulateDigester(parseRunFile({ ...hot, kinetics: 'temperature-corrected' }));
    // The process rates at one and the same state: rho_hyd,ch = k_hyd_ch X_ch, and Monod uptake is k_m x the rest.
    const y = Float64Array.from(Object.keys(IDX).slice(0, 29).map((k) => (at55.final as Record<string, number>)[k]!));
    const rho = (params: Record<string, number>) => { const m = createAdm1Model(hot.digester, params); const r = new Float64Array(19); m.rates(y, r); return r; };
    const base = rho(defaultParameters());
    const corr = rho(applyKinetics(defaultParameters(), 328.15, 'temperature-corrected').parameters);
    const fHyd = groupFactor(KINETIC_GROUPS[0]!, 328.15), fSu = groupFactor(KINETIC_GROUPS[1]!, 328.15), fAc = groupFactor(KINETIC_GROUPS[2]!, 328.15);
    expect(corr[0]! / base[0]!).toBeCloseTo(fHyd, 10);   // disintegration
    expect(corr[1]! / base[1]!).toBeCloseTo(fHyd, 10);   // hydrolysis of carbohydrates
    expect(corr[4]! / base[4]!).toBeCloseTo(fSu, 10);    // sugar uptake
    expect(corr[10]! / base[10]!).toBeCloseTo(fAc, 10);  // acetate uptake
    // 35 C: the same run with and without the correction is identical (factor 1), and equal to the BSM2 run.
    const a = simulateDigester(bsm2), b = simulateDigester(parseRunFile({ ...bsm2Json, kinetics: 'temperature-corrected' }));
    for (const k of ['q_gas_norm_m3_d', 'S_ac', 'X_ac', 'pH'] as const) expect(b.final[k]).toBe(a.final[k]);
  });

  it('warns about 35 C kinetics only when some rates really stay at 35 C values', () => {
    const hot = { ...bsm2Json, digester: { ...bsm2Json.digester, T_op_K: 328.15 }, days: 5 };
    const warn = (r: { warnings: string[] }) => r.warnings.filter((w) => /35 C values/.test(w));
    expect(warn(simulateDigester(parseRunFile(hot)))[0]).toMatch(/the kinetic parameters stay at their 35 C values.*temperature-corrected/);
    expect(warn(simulateDigester(parseRunFile({ ...hot, kinetics: 'temperature-corrected' })))).toEqual([]);
    const all = Object.fromEntries(KINETIC_RATE_NAMES.map((n) => [n, defaultParameters()[n]!]));
    expect(warn(simulateDigester(parseRunFile({ ...hot, parameters: all })))).toEqual([]);
    const some = simulateDigester(parseRunFile({ ...hot, parameters: { k_dis: 1 } }));
    expect(warn(some)[0]).toMatch(/17 kinetic rate\(s\) \(k_hyd_ch.*\) stay/);
    expect(() => parseRunFile({ ...hot, kinetics: 'thermo' })).toThrow(/kinetics.*"35C" or "temperature-corrected"/);
  });
});

describe('temperature-corrected kinetics in scenarios', () => {
  it('a 55 C scenario selects the correction; its own rates are kept; the 35 C warning goes', async () => {
    const { runScenario } = await import('../src/pipeline/run.js');
    const base = { schema: 'adsim-scenario/1', name: 't', comment: 'thermophilic', areas: [{ name: 'A', bins: 200 }], digester: { V_liq: 150, T: '55 degC' }, horizon: { startup: '30 d', years: 1 } };
    const plain = runScenario(base);
    expect(plain.warnings.some((w) => /stay at their 35 C values/.test(w))).toBe(true);
    const hot = runScenario({ ...base, digester: { ...base.digester, kinetics: 'temperature-corrected', parameters: { k_m_ac: 8 } } });
    expect(hot.warnings.some((w) => /35 C values/.test(w))).toBe(false);
    expect(hot.annual.methane_Nm3).not.toBe(plain.annual.methane_Nm3);
  });
});
