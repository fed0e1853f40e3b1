// Derived outputs of an ADM1 state: ions, pH, gas pressures and flows, and operating indicators, by name.
import { N_STATES, STATE_NAMES, IDX, type StateName } from './components.js';
import { speciate } from './acidbase.js';
import { hill, type Adm1Model } from './rhs.js';

/** Names of the derived outputs, in the order `deriveOutputs` fills them (after the 29 states). */
export const DERIVED_OUTPUT_NAMES = [
  'S_va_ion', 'S_bu_ion', 'S_pro_ion', 'S_ac_ion', 'S_hco3_ion', 'S_co2', 'S_nh3', 'S_nh4_ion', 'S_H_ion', 'pH',
  'p_gas_h2_bar', 'p_gas_ch4_bar', 'p_gas_co2_bar', 'p_gas_h2o_bar', 'P_gas_bar',
  'q_gas_m3_d', 'q_gas_norm_m3_d', 'q_ch4_m3_d', 'q_ch4_norm_m3_d',
  'VFA_kgCOD_m3', 'free_nh3_mgN_L', 'ch4_fraction', 'I_nh3', 'I_pH_ac',
  // Lab and gas-meter basis: dry gas at 0 C and 1.01325 kPa (water vapour removed), CH4/(CH4 + CO2).
  'q_biogas_dry_Nm3_d', 'q_ch4_Nm3_d', 'ch4_fraction_dry',
] as const;

/** Normal conditions of the dry-gas outputs: 0 C and 1.01325 bar (Holliger et al. 2016 BMP guideline). */
export const T_NORMAL_K = 273.15;
export const P_NORMAL_BAR = 1.01325;

export type DerivedOutputName = (typeof DERIVED_OUTPUT_NAMES)[number];
/** Every output a run reports by name: the 29 states and the derived outputs. */
export type OutputName = StateName | DerivedOutputName;
export const OUTPUT_NAMES: readonly OutputName[] = [...STATE_NAMES, ...DERIVED_OUTPUT_NAMES];

/** Units of every output (states and derived), for CSV headers and the UI. */
export const OUTPUT_UNITS: Readonly<Record<string, string>> = {
  S_va_ion: 'kg COD/m3', S_bu_ion: 'kg COD/m3', S_pro_ion: 'kg COD/m3', S_ac_ion: 'kg COD/m3',
  S_hco3_ion: 'kmol C/m3', S_co2: 'kmol C/m3', S_nh3: 'kmol N/m3', S_nh4_ion: 'kmol N/m3', S_H_ion: 'kmol/m3', pH: '-',
  p_gas_h2_bar: 'bar', p_gas_ch4_bar: 'bar', p_gas_co2_bar: 'bar', p_gas_h2o_bar: 'bar', P_gas_bar: 'bar',
  q_gas_m3_d: 'm3/d at P_gas, T_op', q_gas_norm_m3_d: 'm3/d at P_atm, T_op', q_ch4_m3_d: 'm3/d at P_gas, T_op', q_ch4_norm_m3_d: 'm3/d at P_atm, T_op',
  VFA_kgCOD_m3: 'kg COD/m3', free_nh3_mgN_L: 'mg N/L', ch4_fraction: 'mol/mol (wet gas)', I_nh3: '-', I_pH_ac: '-',
  q_biogas_dry_Nm3_d: 'Nm3/d dry (0 C, 1.01325 bar)', q_ch4_Nm3_d: 'Nm3/d (0 C, 1.01325 bar)', ch4_fraction_dry: 'mol/mol CH4/(CH4+CO2), dry gas',
};

/** Fills `out` (length DERIVED_OUTPUT_NAMES.length) with the derived outputs at state y. */
export function deriveOutputs(model: Adm1Model, y: ArrayLike<number>, out: Float64Array): void {
  const pc = model.pc;
  const S_H = model.solveSH(y);
  const x = {
    S_va: y[IDX.S_va!]!, S_bu: y[IDX.S_bu!]!, S_pro: y[IDX.S_pro!]!, S_ac: y[IDX.S_ac!]!,
    S_IC: y[IDX.S_IC!]!, S_IN: y[IDX.S_IN!]!, S_cation: y[IDX.S_cation!]!, S_anion: y[IDX.S_anion!]!,
  };
  const ion = speciate(x, pc, S_H);
  const p_h2 = y[IDX.S_gas_h2!]! * pc.RT / 16, p_ch4 = y[IDX.S_gas_ch4!]! * pc.RT / 64, p_co2 = y[IDX.S_gas_co2!]! * pc.RT;
  const P_gas = p_h2 + p_ch4 + p_co2 + pc.p_gas_h2o_bar;
  const q_gas = P_gas > pc.P_atm_bar ? pc.k_p * (P_gas - pc.P_atm_bar) : 0;
  const q_gas_norm = q_gas * P_gas / pc.P_atm_bar;
  const vfa = x.S_va + x.S_bu + x.S_pro + x.S_ac;
  // Dry normal volume: the outflow at P_gas and T_op, minus its water vapour, brought to 0 C and 1.01325 bar.
  const toNormalDry = (T_NORMAL_K / pc.T_op_K) / P_NORMAL_BAR;
  const ch4co2 = p_ch4 + p_co2;
  const values = [
    ion.S_va_ion, ion.S_bu_ion, ion.S_pro_ion, ion.S_ac_ion, ion.S_hco3_ion, ion.S_co2, ion.S_nh3, ion.S_nh4_ion, S_H, -Math.log10(S_H),
    p_h2, p_ch4, p_co2, pc.p_gas_h2o_bar, P_gas,
    q_gas, q_gas_norm, q_gas * p_ch4 / P_gas, q_gas_norm * p_ch4 / P_gas,
    vfa, ion.S_nh3 * 14 * 1000, p_ch4 / P_gas, 1 / (1 + ion.S_nh3 / model.params.K_I_nh3!), hill(model.ph.ac, S_H),
    q_gas * (P_gas - pc.p_gas_h2o_bar) * toNormalDry, q_gas * p_ch4 * toNormalDry, ch4co2 > 0 ? p_ch4 / ch4co2 : 0,
  ];
  for (let k = 0; k < values.length; k++) out[k] = values[k]!;
}

/** All outputs (29 states + derived) at y, as a record. */
export function outputsAt(model: Adm1Model, y: ArrayLike<number>): Record<string, number> {
  const d = new Float64Array(DERIVED_OUTPUT_NAMES.length);
  deriveOutputs(model, y, d);
  const rec: Record<string, number> = {};
  for (let j = 0; j < N_STATES; j++) rec[STATE_NAMES[j]!] = y[j]!;
  DERIVED_OUTPUT_NAMES.forEach((n, k) => { rec[n] = d[k]!; });
  return rec;
}
