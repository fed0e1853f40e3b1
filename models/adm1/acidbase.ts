// Acid-base equilibrium of ADM1 in DAE form: S_H+ from the charge balance, solved by safeguarded Newton in ln(S_H+),
// and its sensitivity dS_H+/dy by implicit differentiation, both from one table of charged species.
//
// Charge balance (kmol/m3): S_cat + S_nh4 + S_H - S_hco3 - S_ac/64 - S_pro/112 - S_bu/160 - S_va/208 - K_w/S_H - S_an = 0,
// with every ion an equilibrium fraction of its total. It is strictly increasing in S_H, so the root is unique;
// Newton from the previous solution (warm start) converges in 1-3 iterations, and bisection keeps it safe when not.
import { IDX } from './components.js';
import type { PhysChem } from './physchem.js';

/**
 * The charged species of the balance: a state, its charge per kmol, kmol per state unit (VFAs are in kg COD), and,
 * for a weak acid/base pair, the K_a (a PhysChem key) and which form carries the charge ('protonated' NH4+:
 * fraction S_H/(K_a+S_H); 'deprotonated' HCO3- and VFA ions: fraction K_a/(K_a+S_H)). Strong ions have no K_a.
 * H+ and OH- (K_w/S_H) complete the balance.
 */
export const CHARGE_BALANCE: readonly { state: string; charge: number; kmol_per_unit: number; K_a?: keyof PhysChem; form?: 'protonated' | 'deprotonated' }[] = [
  { state: 'S_cation', charge: 1, kmol_per_unit: 1 },
  { state: 'S_anion', charge: -1, kmol_per_unit: 1 },
  { state: 'S_IN', charge: 1, kmol_per_unit: 1, K_a: 'K_a_IN', form: 'protonated' },
  { state: 'S_IC', charge: -1, kmol_per_unit: 1, K_a: 'K_a_co2', form: 'deprotonated' },
  { state: 'S_ac', charge: -1, kmol_per_unit: 1 / 64, K_a: 'K_a_ac', form: 'deprotonated' },
  { state: 'S_pro', charge: -1, kmol_per_unit: 1 / 112, K_a: 'K_a_pro', form: 'deprotonated' },
  { state: 'S_bu', charge: -1, kmol_per_unit: 1 / 160, K_a: 'K_a_bu', form: 'deprotonated' },
  { state: 'S_va', charge: -1, kmol_per_unit: 1 / 208, K_a: 'K_a_va', form: 'deprotonated' },
];

const H_LO = 1e-14, H_HI = 1;  // pH 14 .. 0
const STRONG = 0, PROTONATED = 1, DEPROTONATED = 2;

export interface ChargeBalance {
  /** State indices of the species (the only states S_H+ depends on). */
  readonly states: Int32Array;
  /** S_H+ (kmol/m3) at state y; `guess` warm-starts Newton. NaN only if an input is NaN. */
  solve(y: ArrayLike<number>, guess: number, count?: { iterations: number }): number;
  /**
   * dS_H+/dy at the root S_H: writes dS_H/dy[states[m]] into dh[m] (implicit function theorem: -dphi/dy / dphi/dS_H).
   */
  sensitivity(y: ArrayLike<number>, S_H: number, dh: Float64Array): void;
}

/** Compiles the charge-balance table for one temperature. */
export function createChargeBalance(pc: PhysChem): ChargeBalance {
  const m = CHARGE_BALANCE.length;
  const idx = Int32Array.from(CHARGE_BALANCE, (s) => IDX[s.state]!);
  const q = Float64Array.from(CHARGE_BALANCE, (s) => s.charge * s.kmol_per_unit);
  const K = Float64Array.from(CHARGE_BALANCE, (s) => (s.K_a ? (pc[s.K_a] as number) : 0));
  const form = Int8Array.from(CHARGE_BALANCE, (s) => (s.form === 'protonated' ? PROTONATED : s.form === 'deprotonated' ? DEPROTONATED : STRONG));
  const Kw = pc.K_w;

  /** d phi / d S_H at h (phi is the charge balance). */
  function dphi(y: ArrayLike<number>, h: number): number {
    let d = 1 + Kw / (h * h);
    for (let i = 0; i < m; i++) {
      if (form[i] === STRONG) continue;
      const Ki = K[i]!, den = Ki + h, g = q[i]! * y[idx[i]!]! * Ki / (den * den);
      d += form[i] === PROTONATED ? g : -g;
    }
    return d;
  }

  return {
    states: idx,
    solve(y, guess, count) {
      // Newton in z = ln h, kept in h itself: the bracket [lo, hi] of the root in h, and each step h e^dz taken as
      // its Taylor series while dz is small (an iterate needs no more; the log and exp of every call were a third of
      // its cost). The first iterate is the warm start itself: a converged guess returns at once.
      let lo = H_LO, hi = H_HI;
      let h = guess >= H_LO && guess <= H_HI ? guess : 1e-7;
      for (let it = 0; it < 100; it++) {
        if (count) count.iterations++;
        let phi = h - Kw / h, dphi_dh = 1 + Kw / (h * h);
        for (let i = 0; i < m; i++) {
          const c = q[i]! * y[idx[i]!]!, f = form[i]!;
          if (f === STRONG) { phi += c; continue; }
          const Ki = K[i]!, den = Ki + h;
          if (f === PROTONATED) { phi += c * h / den; dphi_dh += c * Ki / (den * den); }
          else { phi += c * Ki / den; dphi_dh -= c * Ki / (den * den); }
        }
        const dz = -phi / (dphi_dh * h);   // Newton step in z = ln h
        // Converged on a Newton step below 1e-8: Newton's error after it is of order dz^2 (1e-16, rounding). (A stop
        // on a small bisection step would leave an error as large as that step, noise a finite-difference Jacobian
        // amplifies.) Tested before the bracket: at the root itself h e^dz == h sits on the bracket end, and a
        // bracket test first would throw a converged warm start into bisection. The last step is h (1 + dz), which
        // is h e^dz to O(dz^2).
        if (Math.abs(dz) < 1e-8) return h * (1 + dz);
        if (phi > 0) hi = h; else lo = h;
        let hNew = Math.abs(dz) < 0.05 ? h * (1 + dz * (1 + dz * (0.5 + dz * (1 / 6 + dz / 24)))) : h * Math.exp(dz);
        if (!(hNew > lo && hNew < hi)) hNew = Math.sqrt(lo * hi);   // safeguard: bisect in ln h
        if (hi < lo * (1 + 1e-13)) return hNew;   // bracket at the resolution of ln h
        h = hNew;
      }
      return h;
    },
    sensitivity(y, h, dh) {
      const inv = -1 / dphi(y, h);
      for (let i = 0; i < m; i++) {
        const f = form[i]!;
        const frac = f === STRONG ? 1 : f === PROTONATED ? h / (K[i]! + h) : K[i]! / (K[i]! + h);
        dh[i] = q[i]! * frac * inv;
      }
    },
  };
}

export interface AcidBaseInput {
  S_va: number; S_bu: number; S_pro: number; S_ac: number;
  S_IC: number; S_IN: number; S_cation: number; S_anion: number;
}

const cbCache = new WeakMap<PhysChem, ChargeBalance>();
const yScratch = new Float64Array(Object.keys(IDX).length);

/**
 * Solves the charge balance for S_H+ (kmol/m3) from the species totals. `guess` warm-starts Newton. Returns NaN only
 * if an input is NaN. `count`, when given, accumulates the iterations taken (for tests and benchmarks).
 */
export function solveSH(x: AcidBaseInput, pc: PhysChem, guess: number, count?: { iterations: number }): number {
  let cb = cbCache.get(pc);
  if (!cb) { cb = createChargeBalance(pc); cbCache.set(pc, cb); }
  for (const k of Object.keys(x) as (keyof AcidBaseInput)[]) yScratch[IDX[k]!] = x[k];
  return cb.solve(yScratch, guess, count);
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
