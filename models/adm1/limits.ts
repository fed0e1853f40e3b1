// Physical limits of every ADM1 parameter: a value outside them is not a weak or strong process but a broken model
// (a zero half-saturation constant, a pressure of 0 bar, a carbon content no molecule has), and is refused. The
// literature range (ParameterDef.range) is narrower: outside it a run goes ahead with a warning.
import { PARAMETERS } from './parameters.js';

export interface Limit {
  /** Lowest allowed value; `minExclusive` makes it strict (the value must be above it). */
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** Why, for the message. */
  why: string;
}

const L = (min: number, max: number, why: string, opts: { minExclusive?: boolean; maxExclusive?: boolean } = {}): Limit => ({ min, max, why, ...opts });

/** Limits by name pattern, first match wins. Bounds are physical (what a molecule, an organism or water can do),
 *  deliberately wide: they catch typos and units off by 1e3-1e6, not unusual plants. */
const RULES: Array<[RegExp, Limit]> = [
  [/^f_/, L(0, 1, 'a fraction of one kg COD')],
  [/^Y_/, L(0, 1, 'a biomass yield (kg COD biomass per kg COD substrate, below 1)', { maxExclusive: true })],
  [/^C_/, L(0, 0.1, 'a carbon content per kg COD (formic acid, the richest, holds 0.0625 kmol C/kg COD)')],
  [/^N_/, L(0, 0.1, 'a nitrogen content per kg COD (amino acids hold about 0.007-0.01 kmol N/kg COD)')],
  [/^k_dis$|^k_hyd_/, L(0, 1e4, 'a first-order rate (0 stops the process)')],
  [/^k_m_/, L(0, 1e4, 'a maximum specific uptake rate')],
  [/^k_dec_/, L(0, 100, 'a first-order decay rate')],
  [/^K_S_/, L(0, 1e3, 'a half-saturation constant (0 makes the Monod term a step)', { minExclusive: true })],
  [/^K_I_/, L(0, 1e3, 'an inhibition constant (0 inhibits completely)', { minExclusive: true })],
  [/^c4_uptake_eps$/, L(0, 1e-2, 'a small regularisation number', { minExclusive: true })],
  [/^pH_(UL|LL)_/, L(0, 14, 'a pH')],
  [/^R$/, L(0.0831, 0.0832, 'the gas constant in bar m3/(kmol K)')],
  [/^T_base$/, L(273.15, 373.15, 'a reference temperature of liquid water (K)')],
  [/^P_atm$/, L(0.5, 1.2, 'an atmospheric pressure on Earth (bar; about 0.65 at 3,600 m, 1.07 at the Dead Sea)')],
  [/^pK_w_base$/, L(12, 16, 'the water ion product (pK)')],
  [/^pK_a_/, L(0, 14, 'an acid dissociation constant (pK)')],
  [/^dH_/, L(-2e5, 2e5, 'a reaction enthalpy (J/mol)')],
  [/^K_H_/, L(0, 10, 'a Henry constant (M/bar)', { minExclusive: true })],
  [/^p_gas_h2o_base$/, L(0, 1, 'a water vapour pressure below boiling (bar)', { minExclusive: true })],
  [/^p_gas_h2o_exp$/, L(1000, 10000, 'the Clausius-Clapeyron coefficient of water (about 5,290 K)')],
  [/^k_L_a$/, L(0, 1e5, 'a gas-liquid transfer coefficient (1/d)')],
  [/^k_p$/, L(0, 1e9, 'a gas outlet coefficient (m3/(d bar); 0 closes the headspace)')],
];

/** Wide fallback for a parameter no rule names (one added later): finite and not absurd. */
const FALLBACK: Limit = L(-1e9, 1e9, 'no physical limit is recorded for it; a value beyond ±1e9 is taken as a mistake');

/** The physical limit of a parameter. */
export function physicalLimit(name: string): Limit {
  for (const [re, lim] of RULES) if (re.test(name)) return lim;
  return FALLBACK;
}

/** Every parameter with its limit (for docs and `adsim parameters --json`). */
export function parameterLimits(): Array<{ name: string; limit: Limit }> {
  return PARAMETERS.map((p) => ({ name: p.name, limit: physicalLimit(p.name) }));
}

/** Is `x` inside the limit? */
export function withinLimit(x: number, l: Limit): boolean {
  if (!Number.isFinite(x)) return false;
  if (l.minExclusive ? !(x > l.min) : !(x >= l.min)) return false;
  if (l.maxExclusive ? !(x < l.max) : !(x <= l.max)) return false;
  return true;
}

/** "> 0 and <= 1000" */
export function describeLimit(l: Limit): string {
  return `${l.minExclusive ? '>' : '>='} ${l.min} and ${l.maxExclusive ? '<' : '<='} ${l.max}`;
}
