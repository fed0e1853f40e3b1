// Temperature correction of ADM1 kinetic rates, applied to the parameter set BEFORE a run (the model stays data):
// the BSM2 rates are 35 C values; "temperature-corrected" scales each rate group from 35 C to the digester's T_op.
//
// Hydrolysis and disintegration follow Arrhenius with the activation energy measured for cellulose hydrolysis at
// 38-70 C ([Ge2011]); uptake and decay follow Siegrist et al.'s exponential law k(T) = k(35 C) exp(theta (T - 35))
// ([Siegrist2002], coefficients as tabulated in [GaidaPyADM1ODE]; the paper's table was not re-checked, so they are
// marked estimates). Values the user gives explicitly are taken as valid at T_op and are never corrected.

export type KineticsMode = '35C' | 'temperature-corrected';
export const KINETICS_MODES: readonly KineticsMode[] = ['35C', 'temperature-corrected'];

/** Temperature of the BSM2 kinetic values [RosenJeppsson2006]. */
export const T_KINETIC_REF_K = 308.15;
const R_J_MOL_K = 8.314462618;

export interface KineticGroup {
  name: string;
  parameters: readonly string[];
  law: 'arrhenius' | 'exponential';
  /** Arrhenius: activation energy (J/mol). Exponential: theta (1/K). */
  value: number;
  unit: 'J/mol' | '1/K';
  /** Low-high where sources disagree. */
  range: readonly [number, number];
  source: string;
  estimate: boolean;
}

export const KINETIC_GROUPS: readonly KineticGroup[] = [
  {
    name: 'disintegration and hydrolysis', parameters: ['k_dis', 'k_hyd_ch', 'k_hyd_pr', 'k_hyd_li'],
    law: 'arrhenius', value: 31000, unit: 'J/mol', range: [27000, 35000],
    source: '[Ge2011] abstract p. 848: cellulose hydrolysis 0.4 /d at 38 C, 0.7 /d at 55 C, E_A = 31 ± 4 kJ/mol',
    estimate: false,
  },
  {
    name: 'sugar and amino-acid degraders, hydrogenotrophic methanogens (uptake and decay)',
    parameters: ['k_m_su', 'k_m_aa', 'k_m_h2', 'k_dec_X_su', 'k_dec_X_aa', 'k_dec_X_h2'],
    law: 'exponential', value: 0.069, unit: '1/K', range: [0, 0.069],
    source: '[Siegrist2002] theta 0.069 /K as tabulated in [GaidaPyADM1ODE] (not re-checked); 0 = no temperature effect',
    estimate: true,
  },
  {
    name: 'LCFA, valerate/butyrate and propionate degraders, acetoclastic methanogens (uptake and decay)',
    parameters: ['k_m_fa', 'k_m_c4', 'k_m_pro', 'k_m_ac', 'k_dec_X_fa', 'k_dec_X_c4', 'k_dec_X_pro', 'k_dec_X_ac'],
    law: 'exponential', value: 0.055, unit: '1/K', range: [0, 0.055],
    source: '[Siegrist2002] theta 0.055 /K as tabulated in [GaidaPyADM1ODE] (not re-checked); [Ge2011] found propionate and acetate uptake not influenced by temperature (range low end 0)',
    estimate: true,
  },
];

/** Every rate constant a temperature correction applies to (the ones that otherwise stay at their 35 C values). */
export const KINETIC_RATE_NAMES: readonly string[] = KINETIC_GROUPS.flatMap((g) => g.parameters);
const GROUP_OF = new Map(KINETIC_GROUPS.flatMap((g) => g.parameters.map((p) => [p, g] as const)));

/** The factor k(T)/k(35 C) of a group at T_K. */
export function groupFactor(g: KineticGroup, T_K: number, value = g.value): number {
  if (g.law === 'arrhenius') return Math.exp((value / R_J_MOL_K) * (1 / T_KINETIC_REF_K - 1 / T_K));
  return Math.exp(value * (T_K - T_KINETIC_REF_K));
}

/** The correction group of a parameter, or undefined when it is not temperature-corrected. */
export function kineticGroupOf(name: string): KineticGroup | undefined { return GROUP_OF.get(name); }

export interface KineticsApplied {
  parameters: Record<string, number>;
  /** Parameter -> factor applied (only corrected ones). */
  factors: Record<string, number>;
  /** Rate constants still at their 35 C values (neither corrected nor given by the user). */
  at35C: string[];
}

/**
 * Applies the kinetics mode to a full parameter set. `given` names parameters the user set (taken as valid at T_op,
 * never corrected). With "35C" nothing changes; every rate constant not given stays a 35 C value.
 */
export function applyKinetics(params: Readonly<Record<string, number>>, T_op_K: number, mode: KineticsMode = '35C', given: Iterable<string> = []): KineticsApplied {
  const keep = new Set(given);
  const out = { ...params };
  const factors: Record<string, number> = {};
  const at35C: string[] = [];
  for (const name of KINETIC_RATE_NAMES) {
    if (keep.has(name)) continue;
    if (mode === 'temperature-corrected') {
      const f = groupFactor(GROUP_OF.get(name)!, T_op_K);
      out[name] = params[name]! * f;
      factors[name] = f;
    } else {
      at35C.push(name);
    }
  }
  return { parameters: out, factors, at35C };
}
