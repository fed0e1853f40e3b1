// Buswell/Boyle theoretical methane on known formulas, formula parsing, and the COD route.
import { describe, expect, test } from 'vitest';
import { buswell, parseFormula, codPerMass, CH4_NL_PER_KG_COD, FACTORS } from '../src/feed/index.js';
import { InputError } from '../src/errors.js';

describe('buswell', () => {
  test('glucose C6H12O6: 3 CH4 + 3 CO2, 50 % methane, ~373 NL/kg', () => {
    const r = buswell('C6H12O6');
    expect(r.mol.CH4).toBeCloseTo(3, 12);
    expect(r.mol.CO2).toBeCloseTo(3, 12);
    expect(r.ch4_fraction).toBeCloseTo(0.5, 12);
    expect(r.CH4_NL_kg).toBeGreaterThan(372);
    expect(r.CH4_NL_kg).toBeLessThan(374);
  });
  test('acetic acid C2H4O2: 1 CH4 + 1 CO2, ~373 NL/kg', () => {
    const r = buswell('C2H4O2');
    expect(r.mol.CH4).toBeCloseTo(1, 12);
    expect(r.mol.CO2).toBeCloseTo(1, 12);
    expect(r.CH4_NL_kg).toBeCloseTo(22.414 / 60.052 * 1000, 6);
  });
  test('protein C5H7O2N: 2.5 CH4, 2.5 CO2, 1 NH3; ~496 NL/kg', () => {
    const r = buswell('C5H7O2N');
    expect(r.mol.CH4).toBeCloseTo(2.5, 12);
    expect(r.mol.CO2).toBeCloseTo(2.5, 12);
    expect(r.mol.NH3).toBe(1);
    expect(r.CH4_NL_kg).toBeGreaterThan(490);
    expect(r.CH4_NL_kg).toBeLessThan(500);
  });
  test('triolein: about 1 NL CH4/g and ~70 % methane', () => {
    const r = buswell('C57H104O6');
    expect(r.CH4_NL_kg).toBeGreaterThan(1000);
    expect(r.CH4_NL_kg).toBeLessThan(1025);
    expect(r.ch4_fraction).toBeGreaterThan(0.69);
    expect(r.ch4_fraction).toBeLessThan(0.72);
  });
  test('methane from elements equals methane from COD (350 NL/kg COD) for any formula', () => {
    for (const f of ['C6H12O6', 'C5H7O2N', 'C57H104O6', 'CH1.8O0.5N0.2', 'C10H12O3', 'C3H7O2NS']) {
      const r = buswell(f);
      expect(r.CH4_NL_kg).toBeCloseTo(r.CH4_from_COD_NL_kg, 6);
    }
    expect(CH4_NL_PER_KG_COD).toBeCloseTo(350.2, 1);
  });
  test('sulphur goes to H2S', () => {
    const r = buswell('C3H7O2NS');   // cysteine
    expect(r.mol.H2S).toBe(1);
    expect(r.mol.NH3).toBe(1);
  });
});

describe('formulas and factors', () => {
  test('COD factors match the formulas (1.185 / 1.414 / 2.891 g COD/g)', () => {
    expect(FACTORS.carbohydrate.COD_g_g).toBeCloseTo(1.185, 2);
    expect(FACTORS.protein.COD_g_g).toBeCloseTo(1.414, 3);
    expect(FACTORS.lipid.COD_g_g).toBeCloseTo(2.891, 3);
    expect(codPerMass(parseFormula('C6H12O6'))).toBeCloseTo(1.066, 3);
  });
  test('fractional and reordered formulas parse', () => {
    expect(parseFormula('CH1.8O0.5N0.2')).toEqual({ C: 1, H: 1.8, O: 0.5, N: 0.2, S: 0 });
    expect(parseFormula('C5H7NO2')).toEqual(parseFormula('C5H7O2N'));
  });
  test('bad formulas are InputErrors', () => {
    expect(() => parseFormula('C6H12X6')).toThrow(InputError);
    expect(() => parseFormula('H2O')).toThrow(/carbon/);
    expect(() => parseFormula('C6C2')).toThrow(/twice/);
  });
});
