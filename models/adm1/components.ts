// ADM1 components (the columns of the Petersen matrix): name, unit, phase and composition in COD, carbon and nitrogen.
//
// Composition is what lets the model close its balances: the carbon and nitrogen coefficients of every process are
// computed from these contents (see processes.ts), not typed in. Contents are parameters (C_su, N_aa, ...), so the
// table stores the parameter name that holds each content; `compositionOf(params)` resolves them to numbers.

export type Phase = 'liquid' | 'gas';

export interface Component {
  name: string;
  unit: string;
  phase: Phase;
  description: string;
  /** kg COD per unit of the state (1 for COD-based states, 0 otherwise). */
  cod: number;
  /** Carbon content: a parameter name (kmol C per kg COD), a fixed number, or 0. */
  carbon: string | number;
  /** Nitrogen content: a parameter name (kmol N per kg COD), a fixed number, or 0. */
  nitrogen: string | number;
}

// Generic in the name so COMPONENTS keeps each state's name as a literal type (StateName, for typed results).
const c = <N extends string>(name: N, unit: string, phase: Phase, cod: number, carbon: string | number, nitrogen: string | number, description: string): Component & { name: N } =>
  ({ name, unit, phase, cod, carbon, nitrogen, description });

const KG_COD = 'kg COD/m3';

/** The 29 dynamic states of ADM1 (BSM2 DAE form: ions and S_H+ are algebraic and not listed here). Order matters. */
export const COMPONENTS = [
  c('S_su', KG_COD, 'liquid', 1, 'C_su', 0, 'monosaccharides'),
  c('S_aa', KG_COD, 'liquid', 1, 'C_aa', 'N_aa', 'amino acids'),
  c('S_fa', KG_COD, 'liquid', 1, 'C_fa', 0, 'long-chain fatty acids (LCFA)'),
  c('S_va', KG_COD, 'liquid', 1, 'C_va', 0, 'total valerate'),
  c('S_bu', KG_COD, 'liquid', 1, 'C_bu', 0, 'total butyrate'),
  c('S_pro', KG_COD, 'liquid', 1, 'C_pro', 0, 'total propionate'),
  c('S_ac', KG_COD, 'liquid', 1, 'C_ac', 0, 'total acetate'),
  c('S_h2', KG_COD, 'liquid', 1, 0, 0, 'dissolved hydrogen'),
  c('S_ch4', KG_COD, 'liquid', 1, 'C_ch4', 0, 'dissolved methane'),
  c('S_IC', 'kmol C/m3', 'liquid', 0, 1, 0, 'inorganic carbon (CO2 + HCO3-)'),
  c('S_IN', 'kmol N/m3', 'liquid', 0, 0, 1, 'inorganic nitrogen (NH4+ + NH3)'),
  c('S_I', KG_COD, 'liquid', 1, 'C_sI', 'N_I', 'soluble inerts'),
  c('X_xc', KG_COD, 'liquid', 1, 'C_xc', 'N_xc', 'composites'),
  c('X_ch', KG_COD, 'liquid', 1, 'C_ch', 0, 'carbohydrates'),
  c('X_pr', KG_COD, 'liquid', 1, 'C_pr', 'N_aa', 'proteins'),
  c('X_li', KG_COD, 'liquid', 1, 'C_li', 0, 'lipids'),
  c('X_su', KG_COD, 'liquid', 1, 'C_bac', 'N_bac', 'sugar degraders'),
  c('X_aa', KG_COD, 'liquid', 1, 'C_bac', 'N_bac', 'amino-acid degraders'),
  c('X_fa', KG_COD, 'liquid', 1, 'C_bac', 'N_bac', 'LCFA degraders'),
  c('X_c4', KG_COD, 'liquid', 1, 'C_bac', 'N_bac', 'valerate and butyrate degraders'),
  c('X_pro', KG_COD, 'liquid', 1, 'C_bac', 'N_bac', 'propionate degraders'),
  c('X_ac', KG_COD, 'liquid', 1, 'C_bac', 'N_bac', 'acetoclastic methanogens'),
  c('X_h2', KG_COD, 'liquid', 1, 'C_bac', 'N_bac', 'hydrogenotrophic methanogens'),
  c('X_I', KG_COD, 'liquid', 1, 'C_xI', 'N_I', 'particulate inerts'),
  c('S_cation', 'kmol/m3', 'liquid', 0, 0, 0, 'strong cations (as monovalent equivalents)'),
  c('S_anion', 'kmol/m3', 'liquid', 0, 0, 0, 'strong anions (as monovalent equivalents)'),
  c('S_gas_h2', KG_COD, 'gas', 1, 0, 0, 'hydrogen in the headspace'),
  c('S_gas_ch4', KG_COD, 'gas', 1, 'C_ch4', 0, 'methane in the headspace'),
  c('S_gas_co2', 'kmol C/m3', 'gas', 0, 1, 0, 'carbon dioxide in the headspace'),
] as const;

/** Name of one of the 29 states ('S_su' ... 'S_gas_co2'): a misspelt state is a compile error for a typed caller. */
export type StateName = (typeof COMPONENTS)[number]['name'];
export const STATE_NAMES: readonly StateName[] = COMPONENTS.map((x) => x.name);
export const N_STATES = COMPONENTS.length;
/** Number of liquid-phase states (the first 26); the last 3 are the headspace. */
export const N_LIQUID = COMPONENTS.filter((x) => x.phase === 'liquid').length;

/** Index of every state by name, e.g. IDX.S_ac === 6. */
export const IDX: Readonly<Record<string, number>> = Object.fromEntries(STATE_NAMES.map((n, i) => [n, i]));

export interface Composition { cod: Float64Array; carbon: Float64Array; nitrogen: Float64Array }

/** Resolves the composition table against a parameter set (contents such as C_su, N_aa are parameters). */
export function compositionOf(params: Readonly<Record<string, number>>): Composition {
  const resolve = (v: string | number): number => {
    if (typeof v === 'number') return v;
    const x = params[v];
    if (x === undefined) throw new Error(`composition parameter ${v} is missing`);
    return x;
  };
  return {
    cod: Float64Array.from(COMPONENTS, (x) => x.cod),
    carbon: Float64Array.from(COMPONENTS, (x) => resolve(x.carbon)),
    nitrogen: Float64Array.from(COMPONENTS, (x) => resolve(x.nitrogen)),
  };
}
