// Representative formulas of the VS fractions and the conversion factors computed from them (docs/sources.md, "Derived in this project").
import { type Formula, parseFormula, codPerMass, carbonPerMass, nitrogenPerMass } from './formula.js';

export type Fraction = 'carbohydrate' | 'protein' | 'lipid' | 'lignin';
export const FRACTIONS: readonly Fraction[] = ['carbohydrate', 'protein', 'lipid', 'lignin'];

/** Why these formulas: the factors they give (1.185, 1.414, 2.891 g COD/g) follow from these formulas with N as NH3; SIMBA#
 *  uses 1.067 (glucose basis) and 1.293 for protein, so a COD/VS computed elsewhere can differ by up to ~10 %. */
export const FORMULAS: Readonly<Record<Fraction, { formula: string; note: string }>> = {
  carbohydrate: { formula: 'C6H10O5', note: 'polysaccharide (cellulose/starch) monomer' },
  protein: { formula: 'C5H7O2N', note: 'generic protein / biomass' },
  lipid: { formula: 'C57H104O6', note: 'triolein' },
  lignin: { formula: 'C10H12O3', note: 'coniferyl-type lignin unit; inert anaerobically' },
};

export interface FractionFactors { formula: Formula; COD_g_g: number; C_g_g: number; N_g_g: number }

export const FACTORS: Readonly<Record<Fraction, FractionFactors>> = Object.fromEntries(
  FRACTIONS.map((k) => {
    const f = parseFormula(FORMULAS[k].formula);
    return [k, { formula: f, COD_g_g: codPerMass(f), C_g_g: carbonPerMass(f), N_g_g: nitrogenPerMass(f) }];
  }),
) as Record<Fraction, FractionFactors>;
