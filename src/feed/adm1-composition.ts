// ADM1 (BSM2) composition constants and yields the feed mapping needs, kept in one place.
//
// These mirror the BSM2 defaults of Rosen & Jeppsson (2006) ([RosenJeppsson2006] in docs/sources.md). The engine's
// own table (models/adm1/parameters.ts, components.ts) is the authority at run time; this copy exists so the feed
// mapping does not depend on the engine's internals. If the engine's defaults change, change them here too (a test in
// test/feed-characterise.test.ts compares the two when the engine's table is present).

/** Carbon contents, kmol C per kg COD. */
export const C_CONTENT = {
  X_ch: 0.0313, X_pr: 0.03, X_li: 0.022, X_I: 0.03, S_I: 0.03, S_ac: 0.0313, X_bac: 0.0313,
} as const;

/** Nitrogen contents, kmol N per kg COD: N_aa for proteins, N_I for inerts, N_bac for biomass. */
export const N_CONTENT = { X_pr: 0.007, X_I: 0.06 / 14, S_I: 0.06 / 14, X_bac: 0.08 / 14 } as const;

/** Yields (kg COD biomass/kg COD substrate) and fixed product fractions of the BSM2 parameter set. */
export const YIELD = { su: 0.1, aa: 0.08, fa: 0.06, c4: 0.06, pro: 0.04, ac: 0.05, h2: 0.06 } as const;
export const PRODUCTS = {
  su: { h2: 0.19, bu: 0.13, pro: 0.27, ac: 0.41 },
  aa: { h2: 0.06, va: 0.23, bu: 0.26, pro: 0.05, ac: 0.40 },
  fa: { ac: 0.7, h2: 0.3 },
  va: { pro: 0.54, ac: 0.31, h2: 0.15 },
  bu: { ac: 0.8, h2: 0.2 },
  pro: { ac: 0.57, h2: 0.43 },
  f_fa_li: 0.95,
} as const;

/** BSM2 acid-base constants at 25 C (the feed's pH is measured at ambient): pKa of CO2/HCO3-, NH4+/NH3, acetic acid; water. */
export const PKA_25C = { co2: 6.35, IN: 9.25, ac: 4.76, w: 14 } as const;

/** Fraction of each substrate's degraded COD that ends as methane directly (not counting biomass decay), following
 *  the BSM2 yields and product fractions: every uptake step keeps (1 - Y) of the COD in its products. */
export function directMethaneFractions(): { ch: number; pr: number; li: number; ac: number } {
  const Y = YIELD, P = PRODUCTS;
  const ac = 1 - Y.ac;
  const h2 = 1 - Y.h2;
  const pro = (1 - Y.pro) * (P.pro.ac * ac + P.pro.h2 * h2);
  const bu = (1 - Y.c4) * (P.bu.ac * ac + P.bu.h2 * h2);
  const va = (1 - Y.c4) * (P.va.pro * pro + P.va.ac * ac + P.va.h2 * h2);
  const su = (1 - Y.su) * (P.su.h2 * h2 + P.su.bu * bu + P.su.pro * pro + P.su.ac * ac);
  const aa = (1 - Y.aa) * (P.aa.h2 * h2 + P.aa.va * va + P.aa.bu * bu + P.aa.pro * pro + P.aa.ac * ac);
  const fa = (1 - Y.fa) * (P.fa.ac * ac + P.fa.h2 * h2);
  const li = P.f_fa_li * fa + (1 - P.f_fa_li) * su;
  return { ch: su, pr: aa, li, ac };
}

/** Share of the COD that went into new biomass which comes back as methane within a BMP assay, through decay
 *  (k_dec 0.02/d) and re-degradation of the decay products. Calibrated against the simulated BMP assay
 *  (src/bmp, 60 d, ISR 2, BSM2 inoculum): with 0.4 every library record comes back within -1.7 % .. +0.2 % of its BMP
 *  (estimate: roughly 2/3 of new biomass decays within 60 d at k_dec 0.02/d, 70 % of that is degradable, ~85 % of it
 *  becomes methane). See docs/feedstocks.md. */
export const BIOMASS_RECOVERY_IN_ASSAY = 0.4;

/** Methane COD per degraded COD for a degradable mix given as COD amounts (any scale) in a BMP assay. */
export function methaneEfficiency(cod: { ch: number; pr: number; li: number; ac?: number }): number {
  const d = directMethaneFractions();
  const ac = cod.ac ?? 0;
  const total = cod.ch + cod.pr + cod.li + ac;
  if (!(total > 0)) return (d.ch + d.pr + d.li) / 3;
  const direct = (cod.ch * d.ch + cod.pr * d.pr + cod.li * d.li + ac * d.ac) / total;
  return direct + BIOMASS_RECOVERY_IN_ASSAY * (1 - direct);
}
