// The ADM1 (BSM2) parameter table: every parameter with its unit, default, source, description and, where sources
// disagree, a range. Kinetic parameters are the 35 C values of the benchmark and are NOT temperature-corrected;
// only the physico-chemical constants follow van 't Hoff (see physchem.ts and docs/model.md).

export type ParameterGroup = 'stoichiometric' | 'biochemical' | 'inhibition' | 'physicochemical' | 'composition';

export interface ParameterDef {
  name: string;
  value: number;
  unit: string;
  group: ParameterGroup;
  description: string;
  source: string;
  /** Plausible range where sources or substrates differ (used by sensitivity and uncertainty tools). */
  range?: readonly [number, number];
  /** Where the range comes from, or that it is an estimate: the BSM2 report [RosenJeppsson2006] gives values, not ranges. */
  range_source?: string;
}

const RJ = 'Rosen & Jeppsson (2006) BSM2 ADM1 report, Lund University [RosenJeppsson2006]';
const BATSTONE = 'Batstone et al. (2002) IWA STR 13 [Batstone2002]';
const p = (name: string, value: number, unit: string, group: ParameterGroup, description: string, source = RJ, range?: readonly [number, number], range_source?: string): ParameterDef =>
  range ? { name, value, unit, group, description, source, range, range_source: range_source ?? 'estimate' } : { name, value, unit, group, description, source };

/** The uptake-rate and k_L_a ranges: no source read for this project gives one. */
const SPREAD = 'estimate: about 25-50 % either side of the BSM2 value (the BSM2 report gives values only); for sensitivity and uncertainty runs';
/** Hydrolysis: BSM2 makes it fast (10 /d) and lets disintegration limit; a substrate measured alone hydrolyses far slower. */
const HYD = 'from 0.05 /d, the slowest first-order hydrolysis of manures in [Vavilin2008], to 10 /d, the BSM2 value itself; the bounds are an estimate';

const CN = 'kmol C/kg COD';
const NN = 'kmol N/kg COD';
const FR = 'kg COD/kg COD';
const PD = '1/d';
const KS = 'kg COD/m3';

export const PARAMETERS: readonly ParameterDef[] = [
  // Disintegration fractions of composites X_xc
  p('f_sI_xc', 0.1, FR, 'stoichiometric', 'soluble inerts from composites'),
  p('f_xI_xc', 0.2, FR, 'stoichiometric', 'particulate inerts from composites'),
  p('f_ch_xc', 0.2, FR, 'stoichiometric', 'carbohydrates from composites'),
  p('f_pr_xc', 0.2, FR, 'stoichiometric', 'proteins from composites'),
  p('f_li_xc', 0.3, FR, 'stoichiometric', 'lipids from composites'),
  p('f_fa_li', 0.95, FR, 'stoichiometric', 'LCFA from lipids (the rest is sugars, i.e. glycerol)'),
  // Product yields of acidogenesis
  p('f_h2_su', 0.19, FR, 'stoichiometric', 'hydrogen from sugars'),
  p('f_bu_su', 0.13, FR, 'stoichiometric', 'butyrate from sugars'),
  p('f_pro_su', 0.27, FR, 'stoichiometric', 'propionate from sugars'),
  p('f_ac_su', 0.41, FR, 'stoichiometric', 'acetate from sugars'),
  p('f_h2_aa', 0.06, FR, 'stoichiometric', 'hydrogen from amino acids'),
  p('f_va_aa', 0.23, FR, 'stoichiometric', 'valerate from amino acids'),
  p('f_bu_aa', 0.26, FR, 'stoichiometric', 'butyrate from amino acids'),
  p('f_pro_aa', 0.05, FR, 'stoichiometric', 'propionate from amino acids'),
  p('f_ac_aa', 0.40, FR, 'stoichiometric', 'acetate from amino acids'),
  // Biomass yields
  p('Y_su', 0.1, FR, 'stoichiometric', 'yield of sugar degraders'),
  p('Y_aa', 0.08, FR, 'stoichiometric', 'yield of amino-acid degraders'),
  p('Y_fa', 0.06, FR, 'stoichiometric', 'yield of LCFA degraders'),
  p('Y_c4', 0.06, FR, 'stoichiometric', 'yield of valerate/butyrate degraders'),
  p('Y_pro', 0.04, FR, 'stoichiometric', 'yield of propionate degraders'),
  p('Y_ac', 0.05, FR, 'stoichiometric', 'yield of acetoclastic methanogens'),
  p('Y_h2', 0.06, FR, 'stoichiometric', 'yield of hydrogenotrophic methanogens'),
  // Composition (carbon and nitrogen contents)
  p('C_xc', 0.02786, CN, 'composition', 'carbon content of composites'),
  p('C_sI', 0.03, CN, 'composition', 'carbon content of soluble inerts'),
  p('C_ch', 0.0313, CN, 'composition', 'carbon content of carbohydrates'),
  p('C_pr', 0.03, CN, 'composition', 'carbon content of proteins'),
  p('C_li', 0.022, CN, 'composition', 'carbon content of lipids'),
  p('C_xI', 0.03, CN, 'composition', 'carbon content of particulate inerts'),
  p('C_su', 0.0313, CN, 'composition', 'carbon content of sugars'),
  p('C_aa', 0.03, CN, 'composition', 'carbon content of amino acids'),
  p('C_fa', 0.0217, CN, 'composition', 'carbon content of LCFA'),
  p('C_va', 0.024, CN, 'composition', 'carbon content of valerate'),
  p('C_bu', 0.025, CN, 'composition', 'carbon content of butyrate'),
  p('C_pro', 0.0268, CN, 'composition', 'carbon content of propionate'),
  p('C_ac', 0.0313, CN, 'composition', 'carbon content of acetate'),
  p('C_ch4', 0.0156, CN, 'composition', 'carbon content of methane'),
  p('C_bac', 0.0313, CN, 'composition', 'carbon content of biomass'),
  p('N_xc', 0.0376 / 14, NN, 'composition', 'nitrogen content of composites (0.0376/14, chosen by BSM2 to close the N balance)'),
  p('N_I', 0.06 / 14, NN, 'composition', 'nitrogen content of inerts (0.06/14)'),
  p('N_aa', 0.007, NN, 'composition', 'nitrogen content of amino acids and proteins'),
  p('N_bac', 0.08 / 14, NN, 'composition', 'nitrogen content of biomass (0.08/14)'),
  // Kinetics (35 C values; not temperature-corrected)
  p('k_dis', 0.5, PD, 'biochemical', 'disintegration rate of composites', RJ, [0.05, 1.0], 'from about 0.05 /d (grass silage, [GaidaPyADM1ODE]) to about 1.0 /d (thermophilic solids, [Batstone2002]); the bounds are an estimate'),
  p('k_hyd_ch', 10, PD, 'biochemical', 'hydrolysis rate of carbohydrates', RJ, [0.05, 10], HYD),
  p('k_hyd_pr', 10, PD, 'biochemical', 'hydrolysis rate of proteins', RJ, [0.05, 10], HYD),
  p('k_hyd_li', 10, PD, 'biochemical', 'hydrolysis rate of lipids', RJ, [0.05, 10], HYD),
  p('k_m_su', 30, PD, 'biochemical', 'maximum uptake rate, sugars', RJ, [20, 40], SPREAD),
  p('K_S_su', 0.5, KS, 'biochemical', 'half-saturation, sugars'),
  p('k_m_aa', 50, PD, 'biochemical', 'maximum uptake rate, amino acids', RJ, [30, 70], SPREAD),
  p('K_S_aa', 0.3, KS, 'biochemical', 'half-saturation, amino acids'),
  p('k_m_fa', 6, PD, 'biochemical', 'maximum uptake rate, LCFA', RJ, [4, 8], SPREAD),
  p('K_S_fa', 0.4, KS, 'biochemical', 'half-saturation, LCFA'),
  p('k_m_c4', 20, PD, 'biochemical', 'maximum uptake rate, valerate and butyrate', RJ, [10, 30], SPREAD),
  p('K_S_c4', 0.2, KS, 'biochemical', 'half-saturation, valerate and butyrate'),
  p('k_m_pro', 13, PD, 'biochemical', 'maximum uptake rate, propionate', RJ, [8, 16], SPREAD),
  p('K_S_pro', 0.1, KS, 'biochemical', 'half-saturation, propionate'),
  p('k_m_ac', 8, PD, 'biochemical', 'maximum uptake rate, acetate', RJ, [5, 12], SPREAD),
  p('K_S_ac', 0.15, KS, 'biochemical', 'half-saturation, acetate'),
  p('k_m_h2', 35, PD, 'biochemical', 'maximum uptake rate, hydrogen', RJ, [25, 45], SPREAD),
  p('K_S_h2', 7e-6, KS, 'biochemical', 'half-saturation, hydrogen'),
  p('k_dec_X_su', 0.02, PD, 'biochemical', 'decay rate, sugar degraders'),
  p('k_dec_X_aa', 0.02, PD, 'biochemical', 'decay rate, amino-acid degraders'),
  p('k_dec_X_fa', 0.02, PD, 'biochemical', 'decay rate, LCFA degraders'),
  p('k_dec_X_c4', 0.02, PD, 'biochemical', 'decay rate, valerate/butyrate degraders'),
  p('k_dec_X_pro', 0.02, PD, 'biochemical', 'decay rate, propionate degraders'),
  p('k_dec_X_ac', 0.02, PD, 'biochemical', 'decay rate, acetoclastic methanogens'),
  p('k_dec_X_h2', 0.02, PD, 'biochemical', 'decay rate, hydrogenotrophic methanogens'),
  p('c4_uptake_eps', 1e-6, KS, 'biochemical', 'small number in the valerate/butyrate competition term, avoids 0/0'),
  // Inhibition
  p('K_S_IN', 1e-4, 'kmol N/m3', 'inhibition', 'inorganic-nitrogen limitation constant'),
  p('K_I_h2_fa', 5e-6, KS, 'inhibition', 'hydrogen inhibition of LCFA uptake'),
  p('K_I_h2_c4', 1e-5, KS, 'inhibition', 'hydrogen inhibition of valerate/butyrate uptake'),
  p('K_I_h2_pro', 3.5e-6, KS, 'inhibition', 'hydrogen inhibition of propionate uptake'),
  p('K_I_nh3', 0.0018, 'kmol N/m3', 'inhibition', 'free-ammonia inhibition of acetoclastic methanogens (about 25 mg NH3-N/L, unacclimated; scenarios default to an acclimated 0.043 = 600 mg N/L, see docs/scenarios.md)', RJ, [0.0018, 0.0786], 'from the ADM1 value (unacclimated) to 0.079 (1.1 g N/L): acclimated digesters tolerate 600-1,100 mg free NH3-N/L ([YenigunDemirel2013]) and were inhibited from 1.1 g N/L ([Hansen1998]); the upper bound is an estimate'),
  p('pH_UL_aa', 5.5, 'pH', 'inhibition', 'upper pH limit, acidogens and acetogens'),
  p('pH_LL_aa', 4, 'pH', 'inhibition', 'lower pH limit, acidogens and acetogens'),
  p('pH_UL_ac', 7, 'pH', 'inhibition', 'upper pH limit, acetoclastic methanogens'),
  p('pH_LL_ac', 6, 'pH', 'inhibition', 'lower pH limit, acetoclastic methanogens'),
  p('pH_UL_h2', 6, 'pH', 'inhibition', 'upper pH limit, hydrogenotrophic methanogens'),
  p('pH_LL_h2', 5, 'pH', 'inhibition', 'lower pH limit, hydrogenotrophic methanogens'),
  // Physico-chemical (base values at T_base; temperature-corrected by van 't Hoff)
  p('R', 0.083145, 'bar/(M K)', 'physicochemical', 'gas constant'),
  p('T_base', 298.15, 'K', 'physicochemical', 'reference temperature of the equilibrium constants'),
  p('P_atm', 1.013, 'bar', 'physicochemical', 'atmospheric pressure'),
  p('pK_w_base', 14, '-', 'physicochemical', 'water ion product at T_base'),
  p('dH_K_w', 55900, 'J/mol', 'physicochemical', 'reaction enthalpy of water dissociation'),
  p('pK_a_va', 4.86, '-', 'physicochemical', 'valeric acid'),
  p('pK_a_bu', 4.82, '-', 'physicochemical', 'butyric acid'),
  p('pK_a_pro', 4.88, '-', 'physicochemical', 'propionic acid'),
  p('pK_a_ac', 4.76, '-', 'physicochemical', 'acetic acid'),
  p('pK_a_co2_base', 6.35, '-', 'physicochemical', 'CO2/HCO3- at T_base'),
  p('dH_K_a_co2', 7646, 'J/mol', 'physicochemical', 'reaction enthalpy, CO2/HCO3-'),
  p('pK_a_IN_base', 9.25, '-', 'physicochemical', 'NH4+/NH3 at T_base'),
  p('dH_K_a_IN', 51965, 'J/mol', 'physicochemical', 'reaction enthalpy, NH4+/NH3'),
  p('K_H_co2_base', 0.035, 'M/bar', 'physicochemical', 'Henry constant of CO2 at T_base'),
  p('dH_K_H_co2', -19410, 'J/mol', 'physicochemical', 'enthalpy for the CO2 Henry constant'),
  p('K_H_ch4_base', 0.0014, 'M/bar', 'physicochemical', 'Henry constant of CH4 at T_base'),
  p('dH_K_H_ch4', -14240, 'J/mol', 'physicochemical', 'enthalpy for the CH4 Henry constant'),
  p('K_H_h2_base', 7.8e-4, 'M/bar', 'physicochemical', 'Henry constant of H2 at T_base'),
  p('dH_K_H_h2', -4180, 'J/mol', 'physicochemical', 'enthalpy for the H2 Henry constant'),
  p('p_gas_h2o_base', 0.0313, 'bar', 'physicochemical', 'water vapour pressure at T_base'),
  p('p_gas_h2o_exp', 5290, 'K', 'physicochemical', 'temperature coefficient of water vapour pressure'),
  p('k_L_a', 200, PD, 'physicochemical', 'gas-liquid transfer coefficient', RJ, [100, 300], SPREAD),
  p('k_p', 5e4, 'm3/(d bar)', 'physicochemical', 'gas outlet friction (pressure-driven outflow)'),
];

export const PARAMETER_NAMES: readonly string[] = PARAMETERS.map((x) => x.name);
const BY_NAME = new Map(PARAMETERS.map((x) => [x.name, x]));

export function parameterDef(name: string): ParameterDef | undefined { return BY_NAME.get(name); }

/** The default parameter set as a plain record. */
export function defaultParameters(): Record<string, number> {
  return Object.fromEntries(PARAMETERS.map((x) => [x.name, x.value]));
}

export const MODEL_NAME = 'adm1-bsm2';
export const MODEL_VERSION = '1.0.0';
export const MODEL_SOURCES = [RJ, BATSTONE];
