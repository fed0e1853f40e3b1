// Adapter to the feedstock characterisation: feedstock + mass rate -> ADM1 influent {q_m3_d, state}.
//
// TEMPORARY local mapping until src/feed's characterise() lands; it follows domain.md §5.1/§5.3 (route 2: biochemical
// fractions fed directly as X_ch/X_pr/X_li, degradability from BMP at 350 NL CH4/kg COD, lignin and the rest to X_I).
import type { Feedstock } from '../../models/feedstocks/index.js';
import type { InfluentState } from '../simulate/types.js';

// g COD per g (domain.md §5.1 [D], from the formulae): carbohydrate polymer, protein C5H7NO2, lipid triolein, lignin.
const COD_CH = 1.185, COD_PR = 1.414, COD_LI = 2.891, COD_LIG = 2.0;
const NL_CH4_PER_KG_COD = 350;

/** Influent for `kg_d` kg fresh mass per day of feedstock `f`, undiluted. */
export function characteriseFeedstock(f: Feedstock, kg_d: number): { q_m3_d: number; state: InfluentState } {
  const rho = f.density.value;                        // kg FM/m3
  const vs = f.TS.value * f.VS_TS.value * rho;        // kg VS/m3
  const c = f.composition;
  const ch = vs * c.carbohydrate.value * COD_CH, pr = vs * c.protein.value * COD_PR;
  const li = vs * c.lipid.value * COD_LI, lig = vs * c.lignin.value * COD_LIG;
  const vfa = ((f.VFA?.value ?? 0) * rho) / 1000;      // kg COD/m3
  const total = ch + pr + li + lig + vfa;
  const sI = total * (f.S_I_fraction?.value ?? 0.02);
  // Degradable COD from the BMP; the same degradable fraction applies to each biochemical pool.
  const degradable = Math.min((f.BMP.value * vs) / NL_CH4_PER_KG_COD, total - sI - lig);
  const pool = ch + pr + li;
  const fDeg = pool > 0 ? Math.max(0, (degradable - vfa) / pool) : 0;
  const NH4_kmol = ((f.NH4_N.value * rho) / 1000) / 14;
  const hco3_kmol = (f.alkalinity.value * rho) / 1000 / 50.04;
  const state: InfluentState = {
    S_ac: vfa,
    S_I: sI,
    X_ch: ch * fDeg, X_pr: pr * fDeg, X_li: li * fDeg,
    X_I: total - sI - vfa - (ch + pr + li) * fDeg,
    S_IN: Math.max(NH4_kmol, 0),
    S_IC: hco3_kmol + 0.005,
    S_cation: Math.max(0, hco3_kmol - NH4_kmol),
    S_anion: Math.max(0, NH4_kmol - hco3_kmol),
  };
  return { q_m3_d: kg_d / rho, state };
}
