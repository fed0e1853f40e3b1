// Derived outputs of an ADM1 state: ions, pH, gas pressures and flows, and operating indicators, by name.
import { N_STATES, STATE_NAMES, IDX, type StateName } from './components.js';
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

const iVa = IDX.S_va!, iBu = IDX.S_bu!, iPro = IDX.S_pro!, iAc = IDX.S_ac!, iIC = IDX.S_IC!, iIN = IDX.S_IN!;
const iGh2 = IDX.S_gas_h2!, iGch4 = IDX.S_gas_ch4!, iGco2 = IDX.S_gas_co2!;

/** Fills `out` (length DERIVED_OUTPUT_NAMES.length) with the derived outputs at state y. Allocates nothing: it runs
 *  at every output time of every run. The ions are those of `speciate`. */
export function deriveOutputs(model: Adm1Model, y: ArrayLike<number>, out: Float64Array): void {
  const pc = model.pc;
  const S_H = model.solveSH(y);
  const S_va = y[iVa]!, S_bu = y[iBu]!, S_pro = y[iPro]!, S_ac = y[iAc]!, S_IC = y[iIC]!, S_IN = y[iIN]!;
  const S_hco3_ion = pc.K_a_co2 * S_IC / (pc.K_a_co2 + S_H);
  const S_nh3 = pc.K_a_IN * S_IN / (pc.K_a_IN + S_H);
  const p_h2 = y[iGh2]! * pc.RT / 16, p_ch4 = y[iGch4]! * pc.RT / 64, p_co2 = y[iGco2]! * pc.RT;
  const P_gas = p_h2 + p_ch4 + p_co2 + pc.p_gas_h2o_bar;
  const q_gas = P_gas > pc.P_atm_bar ? pc.k_p * (P_gas - pc.P_atm_bar) : 0;
  const q_gas_norm = q_gas * P_gas / pc.P_atm_bar;
  // Dry normal volume: the outflow at P_gas and T_op, minus its water vapour, brought to 0 C and 1.01325 bar.
  const toNormalDry = (T_NORMAL_K / pc.T_op_K) / P_NORMAL_BAR;
  const ch4co2 = p_ch4 + p_co2;
  let k = 0;
  out[k++] = pc.K_a_va * S_va / (pc.K_a_va + S_H);
  out[k++] = pc.K_a_bu * S_bu / (pc.K_a_bu + S_H);
  out[k++] = pc.K_a_pro * S_pro / (pc.K_a_pro + S_H);
  out[k++] = pc.K_a_ac * S_ac / (pc.K_a_ac + S_H);
  out[k++] = S_hco3_ion; out[k++] = S_IC - S_hco3_ion; out[k++] = S_nh3; out[k++] = S_IN - S_nh3;
  out[k++] = S_H; out[k++] = -Math.log10(S_H);
  out[k++] = p_h2; out[k++] = p_ch4; out[k++] = p_co2; out[k++] = pc.p_gas_h2o_bar; out[k++] = P_gas;
  out[k++] = q_gas; out[k++] = q_gas_norm; out[k++] = q_gas * p_ch4 / P_gas; out[k++] = q_gas_norm * p_ch4 / P_gas;
  out[k++] = S_va + S_bu + S_pro + S_ac; out[k++] = S_nh3 * 14 * 1000; out[k++] = p_ch4 / P_gas;
  out[k++] = 1 / (1 + S_nh3 / model.params.K_I_nh3!); out[k++] = hill(model.ph.ac, S_H);
  out[k++] = q_gas * (P_gas - pc.p_gas_h2o_bar) * toNormalDry; out[k++] = q_gas * p_ch4 * toNormalDry; out[k++] = ch4co2 > 0 ? p_ch4 / ch4co2 : 0;
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
