// Process and model-validity warnings for a digester run: washout, ammonia and pH inhibition, souring, temperature.
import type { DigesterRun } from './types.js';
import { KINETIC_RATE_NAMES } from './temperature.js';

type Params = Readonly<Record<string, number>>;

/** The series runWarnings reads (a run that keeps only some series keeps these too). */
export const WARNING_SERIES = ['pH', 'I_nh3', 'free_nh3_mgN_L', 'VFA_kgCOD_m3', 'P_gas_bar'] as const;

/** K_I_nh3 of ADM1 and BSM2, kmol N/m3 (about 25 mg N/L, unacclimated) [RosenJeppsson2006]. */
const BSM2_K_I_NH3 = 0.0018;

const max = (a: Float64Array) => a.reduce((m, x) => (x > m ? x : m), -Infinity);
const min = (a: Float64Array) => a.reduce((m, x) => (x < m ? x : m), Infinity);

/** `at35C`: kinetic rate constants that stay at their 35 C values (not corrected, not given); default all of them. */
export function runWarnings(run: DigesterRun, p: Params, series: Record<string, Float64Array>, at35C: readonly string[] = KINETIC_RATE_NAMES): string[] {
  const w: string[] = [];
  const V = run.digester.V_liq_m3;
  // Time-weighted mean flow over the run: weekly collection pulses are short and do not wash biomass out.
  let qDays = 0;
  run.feed.forEach((r, i) => {
    const from = Math.max(0, r.time_d), to = Math.min(run.days, run.feed[i + 1]?.time_d ?? run.days);
    if (to > from) qDays += r.q_m3_d * (to - from);
  });
  const qMean = qDays / run.days;
  // Washout: the slowest methanogens (acetoclasts) need an SRT above 1/(mu_max - b); a CSTR's SRT is its HRT.
  const muAc = p.k_m_ac! * p.Y_ac! - p.k_dec_X_ac!;
  const hrtMin_d = muAc > 0 ? 1 / muAc : Infinity;
  if (qMean > 0 && V / qMean < 2 * hrtMin_d) {
    w.push(`mean HRT ${(V / qMean).toFixed(1)} d is shorter than twice the acetoclast washout limit (${hrtMin_d.toFixed(1)} d): methanogens may wash out`);
  }
  const T_C = run.digester.T_op_K - 273.15;
  if (Math.abs(T_C - 35) > 5 && at35C.length > 0) {
    const which = at35C.length === KINETIC_RATE_NAMES.length ? 'the kinetic parameters stay' : `${at35C.length} kinetic rate(s) (${at35C.join(', ')}) stay`;
    w.push(`T_op ${T_C.toFixed(1)} C: the physico-chemical constants follow van 't Hoff, but ${which} at their 35 C values (BSM2); set "kinetics": "temperature-corrected" or give them for this temperature`);
  }
  const n = series.pH?.length ?? 0;
  if (n === 0) return w;
  const pH = series.pH!, I_nh3 = series.I_nh3!, nh3 = series.free_nh3_mgN_L!, vfa = series.VFA_kgCOD_m3!;
  const KI_mg = p.K_I_nh3! * 14000;
  if (min(I_nh3) < 0.5) {
    // Worded as what the model does at the K_I_nh3 given, not as a fault: BSM2's own published steady state sits here.
    const bsm2 = Math.abs(p.K_I_nh3! - BSM2_K_I_NH3) < 1e-9
      ? ` The published BSM2 steady state has the same (about 57 mg N/L free ammonia at this K_I_nh3, [RosenJeppsson2006]).` : '';
    w.push(`free ammonia up to ${max(nh3).toFixed(0)} mg N/L, above the inhibition constant K_I_nh3 = ${Number(p.K_I_nh3!.toPrecision(3))} kmol N/m3 (${KI_mg.toFixed(0)} mg N/L): in the model, acetoclastic methanogens run at ${(100 * min(I_nh3)).toFixed(0)} % of their uninhibited rate (I_nh3 = ${min(I_nh3).toFixed(2)}). This is the model's inhibition at the given K_I_nh3, not an error of the run.${bsm2} A digester acclimatised to ammonia tolerates more: give a higher K_I_nh3 if it is known.`);
  }
  if (min(pH) < 6.5) w.push(`pH falls to ${min(pH).toFixed(2)} (below 6.5): risk of souring`);
  if (max(pH) > 8.3) w.push(`pH rises to ${max(pH).toFixed(2)} (above 8.3): free ammonia rises steeply`);
  const P_gas = series.P_gas_bar!;
  if (min(P_gas) < p.P_atm!) {
    w.push(`headspace pressure falls to ${min(P_gas).toFixed(3)} bar, below atmospheric (${p.P_atm} bar): no biogas leaves then; gas production is too small for the digester (washout, no feed, or a batch start)`);
  }
  if (max(P_gas) > 1.5) {
    w.push(`headspace pressure rises to ${max(P_gas).toFixed(2)} bar: the gas outlet (k_p = ${p.k_p} m3/(d bar)) cannot pass the gas made; a real digester would vent through its pressure relief`);
  }
  if (max(vfa) > 2) w.push(`total VFA up to ${max(vfa).toFixed(2)} kg COD/m3 (above 2): the digester is overloaded or inhibited`);
  return w;
}
