// Acid-base equilibrium of ADM1 in DAE form: S_H+ from the charge balance, solved by safeguarded Newton in ln(S_H+).
//
// Charge balance (kmol/m3): S_cat + S_nh4 + S_H - S_hco3 - S_ac/64 - S_pro/112 - S_bu/160 - S_va/208 - K_w/S_H - S_an = 0,
// with every ion an equilibrium fraction of its total. It is strictly increasing in S_H, so the root is unique;
// Newton from the previous solution (warm start) converges in 1-3 iterations, and bisection keeps it safe when not.
import type { PhysChem } from './physchem.js';

export interface AcidBaseInput {
  S_va: number; S_bu: number; S_pro: number; S_ac: number;
  S_IC: number; S_IN: number; S_cation: number; S_anion: number;
}

const LN_LO = Math.log(1e-14), LN_HI = Math.log(1);  // pH 14 .. 0

/**
 * Solves the charge balance for S_H+ (kmol/m3). `guess` warm-starts Newton. Returns NaN only if an input is NaN.
 * `count`, when given, accumulates the iterations taken (for tests and benchmarks).
 */
export function solveSH(x: AcidBaseInput, pc: PhysChem, guess: number, count?: { iterations: number }): number {
  const { K_a_va, K_a_bu, K_a_pro, K_a_ac, K_a_co2, K_a_IN, K_w } = pc;
  const va = x.S_va / 208, bu = x.S_bu / 160, pro = x.S_pro / 112, ac = x.S_ac / 64;
  const base = x.S_cation - x.S_anion;
  let lo = LN_LO, hi = LN_HI;
  let z = guess > 0 && Number.isFinite(guess) ? Math.log(guess) : Math.log(1e-7);
  if (z < lo || z > hi) z = Math.log(1e-7);
  for (let it = 0; it < 100; it++) {
    if (count) count.iterations++;
    const h = Math.exp(z);
    // Each fraction K/(K+h) and its derivative with respect to h.
    const dva = K_a_va + h, dbu = K_a_bu + h, dpro = K_a_pro + h, dac = K_a_ac + h, dco2 = K_a_co2 + h, dIN = K_a_IN + h;
    const phi = base + x.S_IN * h / dIN + h
      - x.S_IC * K_a_co2 / dco2 - ac * K_a_ac / dac - pro * K_a_pro / dpro - bu * K_a_bu / dbu - va * K_a_va / dva - K_w / h;
    const dphi_dh = x.S_IN * K_a_IN / (dIN * dIN) + 1
      + x.S_IC * K_a_co2 / (dco2 * dco2) + ac * K_a_ac / (dac * dac) + pro * K_a_pro / (dpro * dpro)
      + bu * K_a_bu / (dbu * dbu) + va * K_a_va / (dva * dva) + K_w / (h * h);
    if (phi > 0) hi = z; else lo = z;
    const dz = -phi / (dphi_dh * h);   // Newton step in z = ln h
    // Converged only on a Newton step: after a step below 1e-12 the remaining error in ln h is ~1e-24. (A stop
    // on a small bisection step would leave an error as large as that step, i.e. noise in f that a
    // finite-difference Jacobian amplifies.) Tested before the bracket: at the root itself z + dz == z, which sits
    // on the bracket end just set, and a bracket test first would throw a converged warm start into bisection.
    if (Math.abs(dz) < 1e-12) return Math.exp(z + dz);
    const zNew = z + dz;
    if (zNew > lo && zNew < hi) {
      z = zNew;
    } else {
      z = 0.5 * (lo + hi);   // safeguard: bisect in ln h
    }
    if (hi - lo < 1e-13) return Math.exp(z);   // bracket at the resolution of ln h
  }
  return Math.exp(z);
}

export interface Ions {
  S_va_ion: number; S_bu_ion: number; S_pro_ion: number; S_ac_ion: number;
  S_hco3_ion: number; S_co2: number; S_nh3: number; S_nh4_ion: number;
}

/** Ion speciation at a given S_H+. VFA ions in kg COD/m3, carbon and nitrogen species in kmol/m3. */
export function speciate(x: AcidBaseInput, pc: PhysChem, S_H: number): Ions {
  const S_hco3_ion = pc.K_a_co2 * x.S_IC / (pc.K_a_co2 + S_H);
  const S_nh3 = pc.K_a_IN * x.S_IN / (pc.K_a_IN + S_H);
  return {
    S_va_ion: pc.K_a_va * x.S_va / (pc.K_a_va + S_H),
    S_bu_ion: pc.K_a_bu * x.S_bu / (pc.K_a_bu + S_H),
    S_pro_ion: pc.K_a_pro * x.S_pro / (pc.K_a_pro + S_H),
    S_ac_ion: pc.K_a_ac * x.S_ac / (pc.K_a_ac + S_H),
    S_hco3_ion, S_co2: x.S_IC - S_hco3_ion, S_nh3, S_nh4_ion: x.S_IN - S_nh3,
  };
}
