// Process health over a window: pH range, VFA, free ammonia, and days with an inhibition warning (thresholds in defaults.ts).
import { dv } from '../scenario/defaults.js';

export interface Health {
  /** pH range; null when there is no digester or no sample (not applicable, rather than a NaN a script could miss). */
  pH_min: number | null;
  pH_max: number | null;
  VFA_max_kgCOD_m3: number;
  VFA_mean_kgCOD_m3: number;
  free_nh3_max_mgN_L: number;
  free_nh3_mean_mgN_L: number;
  /** Lowest acetoclast inhibition factor I_nh3 x I_pH_ac (1 = no inhibition). */
  inhibition_min: number;
  days_low_pH: number;
  days_high_VFA: number;
  days_high_free_nh3: number;
  days_inhibited: number;
  /** Days with any of the above. */
  days_with_warning: number;
}

/** Sampled outputs by name with their times (a DigesterResult has this shape). */
export interface Series {
  t_d: Float64Array;
  series: Record<string, Float64Array>;
}

/** Health over output samples with from_d <= t < to_d; a day counts once if any sample in it raises a warning. */
export function healthOver(r: Series, from_d: number, to_d: number): Health {
  const get = (n: string) => r.series[n];
  const pH = get('pH'), vfa = get('VFA_kgCOD_m3'), fan = get('free_nh3_mgN_L'), inh = get('I_nh3'), iph = get('I_pH_ac');
  const h: Health = {
    pH_min: null, pH_max: null, VFA_max_kgCOD_m3: 0, VFA_mean_kgCOD_m3: 0, free_nh3_max_mgN_L: 0,
    free_nh3_mean_mgN_L: 0, inhibition_min: 1, days_low_pH: 0, days_high_VFA: 0, days_high_free_nh3: 0,
    days_inhibited: 0, days_with_warning: 0,
  };
  const flags = new Map<number, number>();   // day -> bitmask of warnings
  let n = 0, pHmin = Infinity, pHmax = -Infinity;
  for (let i = 0; i < r.t_d.length; i++) {
    const t = r.t_d[i]!;
    if (t < from_d || t >= to_d) continue;
    n++;
    const p = pH?.[i] ?? NaN, v = vfa?.[i] ?? 0, f = fan?.[i] ?? 0, inhib = (inh?.[i] ?? 1) * (iph?.[i] ?? 1);
    pHmin = Math.min(pHmin, p); pHmax = Math.max(pHmax, p);
    h.VFA_max_kgCOD_m3 = Math.max(h.VFA_max_kgCOD_m3, v); h.VFA_mean_kgCOD_m3 += v;
    h.free_nh3_max_mgN_L = Math.max(h.free_nh3_max_mgN_L, f); h.free_nh3_mean_mgN_L += f;
    h.inhibition_min = Math.min(h.inhibition_min, inhib);
    let m = 0;
    if (p < dv('pH_warn_low')) m |= 1;
    if (v > dv('vfa_warn_kgCOD_m3')) m |= 2;
    if (f > dv('free_nh3_warn_mgN_L')) m |= 4;
    if (inhib < dv('inhibition_factor_warn')) m |= 8;
    const day = Math.floor(t);
    flags.set(day, (flags.get(day) ?? 0) | m);
  }
  if (n > 0) { h.VFA_mean_kgCOD_m3 /= n; h.free_nh3_mean_mgN_L /= n; }
  for (const m of flags.values()) {
    if (m & 1) h.days_low_pH++;
    if (m & 2) h.days_high_VFA++;
    if (m & 4) h.days_high_free_nh3++;
    if (m & 8) h.days_inhibited++;
    if (m) h.days_with_warning++;
  }
  if (n > 0 && Number.isFinite(pHmin)) { h.pH_min = pHmin; h.pH_max = pHmax; }
  return h;
}

/** Plain-language warnings for a year's health (empty when healthy). */
export function healthWarnings(h: Health, year: number): string[] {
  const w: string[] = [];
  const y = `year ${year}`;
  if (h.days_inhibited > 0) w.push(`${y}: methanogens inhibited (acetoclast rate cut by more than ${Math.round((1 - dv('inhibition_factor_warn')) * 100)} %, mostly by free ammonia) on ${h.days_inhibited} days; lowest factor ${h.inhibition_min.toFixed(2)}`);
  if (h.days_high_free_nh3 > 0) w.push(`${y}: free ammonia above ${dv('free_nh3_warn_mgN_L')} mg N/L on ${h.days_high_free_nh3} days (max ${Math.round(h.free_nh3_max_mgN_L)}): dilute or co-digest with carbon-rich waste`);
  if (h.days_high_VFA > 0) w.push(`${y}: volatile fatty acids above ${dv('vfa_warn_kgCOD_m3')} kg COD/m3 on ${h.days_high_VFA} days (max ${h.VFA_max_kgCOD_m3.toFixed(1)}): the digester is overloaded`);
  if (h.days_low_pH > 0) w.push(`${y}: pH below ${dv('pH_warn_low')} on ${h.days_low_pH} days (min ${h.pH_min?.toFixed(2)}): risk of souring`);
  return w;
}
