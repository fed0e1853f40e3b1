// Theoretical methane from elemental composition (Buswell & Mueller 1952, extended by Boyle 1976) and from COD.
import { type Formula, parseFormula, molarMass_g_mol, codPerMass, MOLAR_VOLUME_NL_mol, O2_g_mol } from './formula.js';

/** NL CH4 per kg COD at 0 C, 1 atm: 22.414 L/mol / 64 g COD/mol CH4 (2 O2) = 350.2 (computed; docs/scenarios.md, Derived defaults). */
export const CH4_NL_PER_KG_COD = (MOLAR_VOLUME_NL_mol / (2 * O2_g_mol)) * 1000;

export interface BuswellResult {
  formula: Formula;
  molarMass_g_mol: number;
  /** mol per mol of substrate, from CcHhOoNnSs + water -> CH4 + CO2 + NH3 + H2S. */
  mol: { H2O_consumed: number; CH4: number; CO2: number; NH3: number; H2S: number };
  /** Gas volumes per kg of substrate (taken as VS) at 0 C, 1 atm. */
  CH4_NL_kg: number;
  CO2_NL_kg: number;
  NH3_NL_kg: number;
  H2S_NL_kg: number;
  /** CH4 / (CH4 + CO2): NH3 and H2S are left out because they mostly stay dissolved (NH4+, HS-). */
  ch4_fraction: number;
  COD_g_g: number;
  /** The same methane from the COD route (350 NL/kg COD x COD/VS); equals CH4_NL_kg by construction, shown as a check. */
  CH4_from_COD_NL_kg: number;
}

/** Boyle's stoichiometry for CcHhOoNnSs ([BuswellMueller1952], extended to N and S by [Boyle1976]). */
export function buswell(input: string | Formula): BuswellResult {
  const f = typeof input === 'string' ? parseFormula(input) : input;
  const { C: c, H: h, O: o, N: n, S: s } = f;
  const CH4 = c / 2 + h / 8 - o / 4 - (3 * n) / 8 - s / 4;
  const CO2 = c / 2 - h / 8 + o / 4 + (3 * n) / 8 + s / 4;
  const H2O = c - h / 4 - o / 2 + (3 * n) / 4 + s / 2;
  const M = molarMass_g_mol(f);
  const perKg = (mol: number) => (mol / M) * 1000 * MOLAR_VOLUME_NL_mol;
  const COD = codPerMass(f);
  return {
    formula: f,
    molarMass_g_mol: M,
    mol: { H2O_consumed: H2O, CH4, CO2, NH3: n, H2S: s },
    CH4_NL_kg: perKg(CH4),
    CO2_NL_kg: perKg(CO2),
    NH3_NL_kg: perKg(n),
    H2S_NL_kg: perKg(s),
    ch4_fraction: CH4 / (CH4 + CO2),
    COD_g_g: COD,
    CH4_from_COD_NL_kg: COD * CH4_NL_PER_KG_COD,
  };
}

/** Theoretical BMP from COD: NL CH4/kg VS = 350 x (kg COD/kg VS). */
export function theoreticalBmpFromCod(cod_per_vs: number): number {
  return cod_per_vs * CH4_NL_PER_KG_COD;
}
