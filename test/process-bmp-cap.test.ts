// A measured BMP that ADM1 cannot reach after biomass growth (cellulose at 376-381 NmL/g VS, inside the BMP
// guideline's 85-100 % of the 415 theoretical [Holliger2016]) is accepted, the shortfall is stated unrounded, and
// fit-bmp --feedstock ends converged with BMP held at the ADM1 limit rather than failing on it.
import { describe, expect, it } from 'vitest';
import { findFeedstock, validateFeedstock, adm1BmpLimit, codPerVs, CH4_NL_PER_KG_COD } from '../src/feed/index.js';
import { feedAmounts } from '../src/feed/characterise.js';
import { simulateBmp } from '../src/bmp/bmp.js';
import { fitFeedstockBmp } from '../src/analysis/bmp-adm1.js';
import { methaneEfficiency } from '../src/feed/adm1-composition.js';

/** Microcrystalline cellulose as a user record: all carbohydrate (C6H10O5), a measured BMP of `bmp`. */
function cellulose(bmp: number): Record<string, any> {
  const d = JSON.parse(JSON.stringify(findFeedstock('dog-faeces')));
  const c = d.composition;
  c.carbohydrate = { ...c.carbohydrate, value: 1, low: 0.95, high: 1 };
  for (const k of ['protein', 'lipid', 'lignin']) c[k] = { ...c[k], value: 0, low: 0, high: 0.05 };
  delete d.fibre; delete d.VFA; delete d.caveat;
  d.id = 'cellulose';
  d.N_total = { ...d.N_total, value: 0.001, low: 0, high: 0.002 };
  d.NH4_N = { ...d.NH4_N, value: 0, low: 0, high: 0 };
  d.BMP = { ...d.BMP, value: bmp, low: Math.min(bmp, 250), high: Math.max(bmp, 400), evidence: 'measured' };
  return d;
}

describe('BMP records above what ADM1 can make', () => {
  // Independent figures: theoretical = COD/VS of C6H10O5 x 350 NL/kg COD; ADM1's limit = that x its methane efficiency.
  const codVs = codPerVs({ carbohydrate: 1, protein: 0, lipid: 0, lignin: 0 }).total;
  const theory = codVs * CH4_NL_PER_KG_COD;
  const limit = theory * methaneEfficiency({ ch: codVs, pr: 0, li: 0 });

  it('accepts 376-381 NmL/g VS for cellulose (85-100 % of the theoretical) and refuses only above the theoretical', () => {
    expect(theory).toBeGreaterThan(410); expect(theory).toBeLessThan(420);
    expect(limit).toBeLessThan(376);
    for (const b of [376, 381]) expect(() => validateFeedstock(cellulose(b))).not.toThrow();
    expect(() => validateFeedstock(cellulose(Math.ceil(theory) + 1))).toThrow(/cellulose\.BMP|BMP: .* exceeds the theoretical maximum/);
    expect(adm1BmpLimit(validateFeedstock(cellulose(378))).max_NL_kgVS).toBeCloseTo(limit, 9);
  });

  it('says, unrounded, what ADM1 reaches and by how much the simulated assay falls short', () => {
    const f = validateFeedstock(cellulose(378));
    const a = feedAmounts(f, '1 kg/d');
    const w = a.warnings.find((x) => /at most/.test(x))!;
    expect(w).toBeDefined();
    const shown = Number(/at most ([0-9.]+)/.exec(w)![1]);
    expect(Math.abs(shown - limit)).toBeLessThan(1e-3);
    expect(shown).not.toBe(Math.round(limit));
    expect(Number(/short by ([0-9.]+)/.exec(w)![1])).toBeCloseTo(378 - limit, 2);
    // The assay makes no more than the limit, and says so.
    const r = simulateBmp(f, { days: 60 });
    expect(r.ultimate_NL_kgVS).toBeLessThanOrEqual(limit * 1.001);
    expect(r.warnings.join(' ')).toMatch(/at most/);
    // A BMP ADM1 can reach gives no such warning.
    expect(feedAmounts(validateFeedstock(cellulose(360)), '1 kg/d').warnings.join(' ')).not.toMatch(/at most/);
  });

  it('fit-bmp --feedstock on a 378 NmL/g VS curve converges with BMP held at the ADM1 limit and k_hyd fitted', () => {
    const f = validateFeedstock(cellulose(300));
    const t = [1, 2, 3, 5, 7, 10, 14, 21, 28];
    const B = t.map((x) => 378 * (1 - Math.exp(-0.25 * x)));
    const fit = fitFeedstockBmp(f, t, B, { source: 'synthetic cellulose curve' });
    const bmp = fit.parameters.find((p) => p.name === 'BMP')!;
    expect(fit.converged).toBe(true);
    expect(bmp.atBound).toBe(true);
    expect(bmp.value).toBeCloseTo(limit, 6);
    expect(fit.warnings.join(' ')).toMatch(/held at the most ADM1/);
    expect(fit.warnings.join(' ')).not.toMatch(/did not converge/);
    const k = fit.parameters.find((p) => p.name === 'k_hyd')!;
    expect(k.atBound).toBe(false);
  });
});
