// Elemental formulas CcHhOoNnSs: parsing, molar mass and chemical oxygen demand (N to NH3, S to H2S).
import { InputError, show } from '../errors.js';

export interface Formula { C: number; H: number; O: number; N: number; S: number }

/** Standard atomic weights (g/mol), IUPAC abridged values. */
export const ATOMIC_MASS_g_mol: Readonly<Formula> = { C: 12.011, H: 1.008, O: 15.999, N: 14.007, S: 32.06 };

/** Molar volume of an ideal gas at 0 C and 1 atm (L/mol); NL figures in adsim use it. */
export const MOLAR_VOLUME_NL_mol = 22.414;

/** g per mol O2. */
export const O2_g_mol = 2 * 15.999;

/** Parses "C6H12O6", "C5H7O2N", "CH1.8O0.5N0.2" (elements in any order, fractional counts allowed, each once). */
export function parseFormula(text: string, field = 'formula'): Formula {
  const s = String(text).replace(/\s+/g, '');
  if (!/^([CHONS](\d+(\.\d+)?|\.\d+)?)+$/.test(s)) {
    throw new InputError(field, `expected an elemental formula of C, H, O, N, S such as "C6H12O6" or "C5H7O2N", got ${show(text)}`);
  }
  const f: Formula = { C: 0, H: 0, O: 0, N: 0, S: 0 };
  const seen = new Set<string>();
  for (const m of s.matchAll(/([CHONS])(\d*\.?\d*)/g)) {
    const el = m[1] as keyof Formula;
    if (seen.has(el)) throw new InputError(field, `element ${el} appears twice in ${show(text)}; write each element once`);
    seen.add(el);
    f[el] = m[2] === '' ? 1 : Number(m[2]);
  }
  if (f.C <= 0) throw new InputError(field, `expected an organic formula with carbon, got ${show(text)}`);
  return f;
}

export function molarMass_g_mol(f: Formula): number {
  return f.C * ATOMIC_MASS_g_mol.C + f.H * ATOMIC_MASS_g_mol.H + f.O * ATOMIC_MASS_g_mol.O + f.N * ATOMIC_MASS_g_mol.N + f.S * ATOMIC_MASS_g_mol.S;
}

/** Oxygen demand (mol O2 per mol) for full oxidation to CO2 and H2O, with N staying as NH3 and S as H2S (the anaerobic COD). */
export function o2Demand_mol(f: Formula): number {
  return f.C + f.H / 4 - f.O / 2 - (3 * f.N) / 4 - f.S / 2;
}

/** g COD per g of the compound. */
export function codPerMass(f: Formula): number {
  return (o2Demand_mol(f) * O2_g_mol) / molarMass_g_mol(f);
}

/** g C per g and g N per g of the compound. */
export function carbonPerMass(f: Formula): number { return (f.C * ATOMIC_MASS_g_mol.C) / molarMass_g_mol(f); }
export function nitrogenPerMass(f: Formula): number { return (f.N * ATOMIC_MASS_g_mol.N) / molarMass_g_mol(f); }
