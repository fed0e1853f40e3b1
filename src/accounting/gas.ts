// Sampled gas flows of a digester run -> daily gas volumes at normal conditions (0 C, 1.01325 bar), biogas DRY
// (water vapour removed), the basis of BMP guidelines and of gas meters after a condensate trap.
import type { Series } from './health.js';

/** BSM2's atmospheric pressure (bar), the reference of the engine's *_norm flows. */
export const P_ATM_BAR = 1.013;

/** Factor from the engine's q_*_norm_m3_d (gas temperature, P_atm) to Nm3 (0 C, 1.01325 bar). */
export function toNormal(T_op_K: number, P_atm_bar = P_ATM_BAR): number {
  return (273.15 / T_op_K) * (P_atm_bar / 1.01325);
}

/**
 * Integrates a sampled flow (m3/d) over each whole day [i, i+1): trapezoid rule on the samples, linear in between,
 * constant beyond the first and last sample. Returns `days` values, multiplied by `factor`.
 */
export function dailyVolumes(t_d: Float64Array, q: Float64Array, days: number, factor = 1): Float64Array {
  const out = new Float64Array(days);
  const n = t_d.length;
  if (n === 0) return out;
  const cum = new Float64Array(n);   // integral from t_d[0] to t_d[i]
  for (let i = 1; i < n; i++) cum[i] = cum[i - 1]! + ((q[i - 1]! + q[i]!) / 2) * (t_d[i]! - t_d[i - 1]!);
  let k = 0;
  // F(x): integral from t_d[0] to x; calls come with increasing x so the segment index only moves forward.
  const F = (x: number): number => {
    if (x <= t_d[0]!) return q[0]! * (x - t_d[0]!);
    if (x >= t_d[n - 1]!) return cum[n - 1]! + q[n - 1]! * (x - t_d[n - 1]!);
    while (k < n - 2 && t_d[k + 1]! < x) k++;
    const t0 = t_d[k]!, t1 = t_d[k + 1]!;
    const qx = q[k]! + ((q[k + 1]! - q[k]!) * (x - t0)) / (t1 - t0);
    return cum[k]! + ((q[k]! + qx) / 2) * (x - t0);
  };
  let prev = F(0);
  for (let day = 0; day < days; day++) {
    const next = F(day + 1);
    out[day] = Math.max(0, next - prev) * factor;
    prev = next;
  }
  return out;
}

/**
 * Daily methane and DRY biogas (Nm3/d) from a run's q_ch4_Nm3_d and q_biogas_dry_Nm3_d outputs; `biogas_wet_Nm3` is the
 * same gas with its water vapour (the engine's q_gas_norm_m3_d brought to 0 C, 1.01325 bar).
 */
export function dailyGasOf(r: Series, days: number, T_op_K: number): { methane_Nm3: Float64Array; biogas_Nm3: Float64Array; biogas_wet_Nm3: Float64Array } {
  const ch4 = r.series['q_ch4_Nm3_d'];
  const dry = r.series['q_biogas_dry_Nm3_d'];
  const wet = r.series['q_gas_norm_m3_d'];
  if (!ch4 || !dry || !wet) throw new Error('digester result lacks q_ch4_Nm3_d / q_biogas_dry_Nm3_d / q_gas_norm_m3_d');
  return {
    methane_Nm3: dailyVolumes(r.t_d, ch4, days), biogas_Nm3: dailyVolumes(r.t_d, dry, days),
    biogas_wet_Nm3: dailyVolumes(r.t_d, wet, days, toNormal(T_op_K)),
  };
}
