// Documented default initial state: a healthy mesophilic sludge digester (the BSM2 ADM1 steady state of Rosen &
// Jeppsson 2006, rounded to 4 significant digits). Runs may override any subset of states.
import { STATE_NAMES } from './components.js';

export const DEFAULT_INITIAL_SOURCE = 'BSM2 ADM1 steady state at 35 C, Rosen & Jeppsson (2006) [RosenJeppsson2006], 4 significant digits';

export const DEFAULT_INITIAL_STATE: Readonly<Record<string, number>> = {
  S_su: 0.01195, S_aa: 0.005315, S_fa: 0.09862, S_va: 0.01163, S_bu: 0.01325, S_pro: 0.01578, S_ac: 0.1976,
  S_h2: 2.359e-7, S_ch4: 0.05509, S_IC: 0.1527, S_IN: 0.1302, S_I: 0.3287,
  X_xc: 0.3087, X_ch: 0.02795, X_pr: 0.1026, X_li: 0.02948, X_su: 0.4202, X_aa: 1.179, X_fa: 0.2430, X_c4: 0.4319,
  X_pro: 0.1373, X_ac: 0.7606, X_h2: 0.3170, X_I: 25.62, S_cation: 0.04, S_anion: 0.02,
  S_gas_h2: 1.024e-5, S_gas_ch4: 1.626, S_gas_co2: 0.01415,
};

export function defaultInitialVector(): Float64Array {
  return Float64Array.from(STATE_NAMES, (n) => DEFAULT_INITIAL_STATE[n]!);
}
