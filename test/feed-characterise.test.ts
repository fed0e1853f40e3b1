// Characterisation into ADM1 influent: COD, N and C conserved (with explicit adjustments), feed pH reproduced by the
// charge balance, mixtures add up, dilution only dilutes, and loading figures follow from the definitions.
import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { FEEDSTOCKS } from '../models/feedstocks/index.js';
import { characterise, characteriseMixture, findFeedstock, C_CONTENT, N_CONTENT, PKA_25C, buswell } from '../src/feed/index.js';
import type { Feedstock } from '../models/feedstocks/types.js';

const M_N = 14.007, M_C = 12.011;
const COD_STATES = ['S_su', 'S_aa', 'S_fa', 'S_va', 'S_bu', 'S_pro', 'S_ac', 'S_h2', 'S_ch4', 'S_I', 'X_xc', 'X_ch', 'X_pr', 'X_li',
  'X_su', 'X_aa', 'X_fa', 'X_c4', 'X_pro', 'X_ac', 'X_h2', 'X_I'];

/** Independent COD of the VS by Buswell's COD on each fraction's formula (kg COD/kg VS). */
function codPerVs(f: Feedstock): number {
  const c = f.composition;
  return c.carbohydrate.value * buswell('C6H10O5').COD_g_g + c.protein.value * buswell('C5H7O2N').COD_g_g
    + c.lipid.value * buswell('C57H104O6').COD_g_g + c.lignin.value * buswell('C10H12O3').COD_g_g;
}
/** Independent organic C of the VS (kg C/kg VS) from the formulas. */
function cPerVs(f: Feedstock): number {
  const c = f.composition;
  return c.carbohydrate.value * (6 * M_C) / 162.141 + c.protein.value * (5 * M_C) / 113.116
    + c.lipid.value * (57 * M_C) / 885.449 + c.lignin.value * (10 * M_C) / 180.203;
}
const sumFractions = (f: Feedstock) => f.composition.carbohydrate.value + f.composition.protein.value + f.composition.lipid.value + f.composition.lignin.value;

describe.each(FEEDSTOCKS.map((f) => [f.id, f] as const))('%s at 1 t/d', (_id, f) => {
  const ch = characterise(f, '1 t/d');
  const { q_m3_d: q, state } = ch.influent;
  const VS = 1000 * f.TS.value * f.VS_TS.value;

  test('X_xc is not used; every state finite and non-negative', () => {
    expect(state.X_xc).toBe(0);
    for (const [k, v] of Object.entries(state)) {
      expect(Number.isFinite(v), k).toBe(true);
      expect(v, k).toBeGreaterThanOrEqual(0);
    }
  });
  test('COD is conserved', () => {
    const codAdm1 = COD_STATES.reduce((s, k) => s + (state[k] ?? 0), 0) * q;
    expect(codAdm1).toBeCloseTo((VS * codPerVs(f)) / sumFractions(f), 6);
  });
  test('N is conserved: total N = ADM1 N - reported nominal excess, and S_IN >= measured NH4-N', () => {
    const TN = 1000 * f.TS.value * f.N_total.value;
    const adm1 = (state.X_pr! * N_CONTENT.X_pr + (state.X_I! + state.S_I!) * N_CONTENT.X_I + state.S_IN!) * M_N * q;
    expect(adm1 - ch.report.balance.N_nominal_excess_kg_d).toBeCloseTo(TN, 9);
    expect(state.S_IN! * q * M_N).toBeGreaterThanOrEqual(f.NH4_N.value * 1000 / 1000 - 1e-9);
  });
  test('C is conserved: feed C = ADM1 C - reported nominal excess', () => {
    const Corg = (VS * cPerVs(f)) / sumFractions(f);
    const Cin = Corg + ch.report.C_inorganic_kg_d;
    const adm1 = (state.X_ch! * C_CONTENT.X_ch + state.X_pr! * C_CONTENT.X_pr + state.X_li! * C_CONTENT.X_li + state.X_I! * C_CONTENT.X_I
      + state.S_I! * C_CONTENT.S_I + state.S_ac! * C_CONTENT.S_ac + state.S_IC!) * M_C * q;
    // Relative 1e-5: the test's molar masses are typed to 6 digits; a real gap is of order 1e-2.
    expect(Math.abs(adm1 - ch.report.balance.C_nominal_excess_kg_d - Cin) / Cin).toBeLessThan(1e-5);
    expect(ch.report.C_organic_kg_d).toBeCloseTo(Corg, 3);
  });
  test("the charge balance gives back the feed's pH", () => {
    // Solve ADM1's charge balance (25 C constants) for pH by bisection, independently of the mapping's algebra.
    const Ka = (pk: number) => 10 ** -pk;
    const bal = (pH: number) => {
      const H = 10 ** -pH;
      return state.S_cation! + state.S_IN! * H / (Ka(PKA_25C.IN) + H) + H
        - state.S_IC! * Ka(PKA_25C.co2) / (Ka(PKA_25C.co2) + H) - (state.S_ac! / 64) * Ka(PKA_25C.ac) / (Ka(PKA_25C.ac) + H)
        - 1e-14 / H - state.S_anion!;
    };
    let lo = 2, hi = 12;
    for (let i = 0; i < 100; i++) { const mid = (lo + hi) / 2; if (bal(mid) > 0) lo = mid; else hi = mid; }
    expect((lo + hi) / 2).toBeCloseTo(f.pH.value, 3);
  });
  test('degradable COD reproduces the BMP through the documented efficiency', () => {
    const p = ch.report.feedstocks[0]!;
    const degr = (state.X_ch! + state.X_pr! + state.X_li! + state.S_ac!) * q;
    expect((degr * 350.24 * p.methane_efficiency) / VS).toBeCloseTo(f.BMP.value, 0);
    expect(p.f_degradable).toBeGreaterThan(0);
    expect(p.f_degradable).toBeLessThanOrEqual(1);
  });
});

describe('rates, water and loading', () => {
  const dog = findFeedstock('dog-faeces');
  test('a volume rate uses the density', () => {
    const a = characterise(dog, '1 m3/d');
    expect(a.report.FM_kg_d).toBeCloseTo(dog.density.value, 9);
    expect(a.influent.q_m3_d).toBeCloseTo(1, 12);
  });
  test('dilution water adds flow and dilutes, amounts stay', () => {
    const a = characterise(dog, '2.5 t/week');
    const b = characterise(dog, '2.5 t/week', { water_m3_d: '1 m3/d' });
    expect(b.influent.q_m3_d).toBeCloseTo(a.influent.q_m3_d + 1, 12);
    for (const k of ['X_ch', 'X_pr', 'X_I', 'S_IN', 'S_IC', 'S_cation', 'S_anion']) {
      expect(b.influent.state[k]! * b.influent.q_m3_d).toBeCloseTo(a.influent.state[k]! * a.influent.q_m3_d, 9);
    }
    expect(b.report.TS_percent).toBeLessThan(a.report.TS_percent);
    expect(a.report.TS_percent).toBeCloseTo(dog.TS.value * 100, 9);
  });
  test('OLR and HRT from the digester volume', () => {
    const a = characterise(dog, '500 kg/d', { V_liq_m3: 150 });
    expect(a.report.OLR_kgVS_m3_d).toBeCloseTo((500 * 0.3 * 0.72) / 150, 9);
    expect(a.report.HRT_d).toBeCloseTo(150 / a.influent.q_m3_d, 9);
  });
  test('the dog-faeces caveat travels with the result', () => {
    expect(characterise(dog, '1 t/d').caveats.join(' ')).toMatch(/no peer-reviewed standard BMP/);
    expect(characterise(findFeedstock('grass'), '1 t/d').caveats).toEqual([]);
  });
  test('C/N of dog faeces is about 8 (derivation: 6-12)', () => {
    const cn = characterise(dog, '1 t/d').report.C_to_N;
    expect(cn).toBeGreaterThan(6);
    expect(cn).toBeLessThan(12);
  });
});

describe('mixtures', () => {
  const dog = findFeedstock('dog-faeces');
  const garden = findFeedstock('garden-waste');
  const food = findFeedstock('food-waste');
  test('amounts add up and concentrations are per total flow', () => {
    const a = characterise(dog, '1 t/week');
    const b = characterise(garden, '3 t/week');
    const m = characteriseMixture([{ feedstock: dog, rate: '1 t/week' }, { feedstock: garden, rate: '3 t/week' }], { water_m3_d: 0.2 });
    expect(m.influent.q_m3_d).toBeCloseTo(a.influent.q_m3_d + b.influent.q_m3_d + 0.2, 12);
    for (const k of ['X_ch', 'X_pr', 'X_li', 'X_I', 'S_I', 'S_ac', 'S_IN', 'S_IC']) {
      expect(m.influent.state[k]! * m.influent.q_m3_d).toBeCloseTo(a.influent.state[k]! * a.influent.q_m3_d + b.influent.state[k]! * b.influent.q_m3_d, 9);
    }
    const netCharge = (c: typeof a) => (c.influent.state.S_cation! - c.influent.state.S_anion!) * c.influent.q_m3_d;
    expect(netCharge(m)).toBeCloseTo(netCharge(a) + netCharge(b), 12);
    expect(m.report.C_to_N).toBeCloseTo((a.report.C_organic_kg_d + b.report.C_organic_kg_d) / (a.report.N_kg_d + b.report.N_kg_d), 9);
    expect(m.report.VS_kg_d).toBeCloseTo(a.report.VS_kg_d + b.report.VS_kg_d, 9);
    expect(m.report.TS_percent).toBeCloseTo(((a.report.TS_kg_d + b.report.TS_kg_d) / (a.report.FM_kg_d + b.report.FM_kg_d + 200)) * 100, 9);
    const share = m.report.feedstocks.map((x) => x.VS_share);
    expect(share[0]! + share[1]!).toBeCloseTo(1, 12);
  });
  test('garden waste raises the C/N of dog faeces; food waste barely does (C/N of the records)', () => {
    const alone = characterise(dog, '1 t/d').report.C_to_N;
    const withGarden = characteriseMixture([{ feedstock: dog, rate: '1 t/d' }, { feedstock: garden, rate: '1 t/d' }]).report.C_to_N;
    const withFood = characteriseMixture([{ feedstock: dog, rate: '1 t/d' }, { feedstock: food, rate: '1 t/d' }]).report.C_to_N;
    expect(withGarden).toBeGreaterThan(alone * 1.8);
    expect(withFood).toBeLessThan(withGarden);
  });
  test('hydrolysis rate is weighted by degradable COD', () => {
    const m = characteriseMixture([{ feedstock: dog, rate: '1 t/d' }, { feedstock: garden, rate: '1 t/d' }]);
    const k = m.parameters.k_hyd_ch;
    expect(k).toBeGreaterThan(Math.min(dog.k_hyd.value, garden.k_hyd.value));
    expect(k).toBeLessThan(Math.max(dog.k_hyd.value, garden.k_hyd.value));
  });
  test('empty mixture and zero flow are errors', () => {
    expect(() => characteriseMixture([])).toThrow(/feed: expected at least one/);
    expect(() => characterise(dog, '0 t/d')).toThrow(/no flow/);
  });
});

// The constants in src/feed/adm1-composition.ts mirror the engine's table; when the table exists, they must agree.
const ENGINE_PARAMS = new URL('../models/adm1/parameters.ts', import.meta.url);
describe.runIf(existsSync(ENGINE_PARAMS))('agreement with the engine', () => {
  test('C and N contents equal the engine defaults', async () => {
    const m = await import('../models/adm1/parameters.js') as { defaultParameters: () => Record<string, number> };
    const p = m.defaultParameters();
    expect(C_CONTENT.X_ch).toBe(p.C_ch);
    expect(C_CONTENT.X_pr).toBe(p.C_pr);
    expect(C_CONTENT.X_li).toBe(p.C_li);
    expect(C_CONTENT.X_I).toBe(p.C_xI);
    expect(C_CONTENT.S_I).toBe(p.C_sI);
    expect(C_CONTENT.S_ac).toBe(p.C_ac);
    expect(N_CONTENT.X_pr).toBe(p.N_aa);
    expect(N_CONTENT.X_I).toBeCloseTo(p.N_I!, 15);
  });
});
