// The default BMP inoculum: digested sludge from a healthy mesophilic digester, and its volatile solids.
import { DEFAULT_INITIAL_STATE } from '../../models/adm1/initial.js';

/** BSM2 ADM1 steady-state digester contents (Rosen & Jeppsson 2006) used as the inoculum: about 30 kg COD/m3 of
 *  particulate matter, 3.5 kg COD/m3 of active biomass, pH 7.47, alkalinity ~0.15 kmol HCO3/m3. Labs use digestate
 *  from a working digester at 10-25 g VS/L after a few days of degassing (Holliger et al. 2016, Water Sci Technol 74:2515). */
export const DEFAULT_INOCULUM: Readonly<Record<string, number>> = DEFAULT_INITIAL_STATE;
export const DEFAULT_INOCULUM_SOURCE = 'BSM2 ADM1 steady state at 35 C (Rosen & Jeppsson 2006, [RosenJeppsson2006]), as digested-sludge inoculum';

/** kg COD per kg VS of digested sludge solids (biomass-like organic matter, C5H7O2N gives 1.42). Estimate. */
export const INOCULUM_COD_PER_VS = 1.42;

const PARTICULATES = ['X_xc', 'X_ch', 'X_pr', 'X_li', 'X_su', 'X_aa', 'X_fa', 'X_c4', 'X_pro', 'X_ac', 'X_h2', 'X_I'];

/** Volatile solids of an inoculum state (kg VS/m3): its particulate COD / 1.42. */
export function inoculumVs_kg_m3(state: Readonly<Record<string, number>>): number {
  return PARTICULATES.reduce((s, k) => s + (state[k] ?? 0), 0) / INOCULUM_COD_PER_VS;
}
