// Digester health per scenario-year from the indicators operators use (free and total ammonia, VFA, FOS/TAC, pH,
// methanogen activity): stable / at risk / failing, the reason, and the day it first changes.
import type { Series } from './health.js';
import { ACCLIMATION, thresholdsFor, type Acclimation, type Threshold } from './health-thresholds.js';
import { formatGB } from '../units/format.js';

export type HealthStatus = 'stable' | 'at risk' | 'failing';
const RANK: Record<HealthStatus, number> = { stable: 0, 'at risk': 1, failing: 2 };

/** Summary of one indicator over the year (max for 'above' indicators, min for 'below'; plus the mean). */
export interface IndicatorSummary { min: number; max: number; mean: number; unit: string }

export interface DigesterHealth {
  year: number;
  status: HealthStatus;
  /** Why the status is what it is (the indicator, its value and the threshold with source); "" when stable. */
  reason: string;
  /** Day of the year (1 = first accounted day) on which the status first left "stable"; null if it never did. */
  first_change_day: number | null;
  /** The same day counted from the start of the simulation (start-up included). */
  first_change_run_day: number | null;
  days_at_risk: number;
  days_failing: number;
  acclimation: Acclimation;
  K_I_nh3_kmolN_m3: number;
  indicators: Record<string, IndicatorSummary>;
  thresholds: Threshold[];
}

/** COD per mole of each VFA (g COD/mol) and the molar mass of acetic acid, for VFA as acetic-acid equivalents. */
const COD_PER_MOL = { S_va: 208, S_bu: 160, S_pro: 112, S_ac: 64 } as const;
const M_HAC = 60.05;
/** mg CaCO3 per mmol of bicarbonate (one equivalent, 50.04 mg). */
const CACO3_PER_EQ_MG = 50.04;

const UNITS: Record<string, string> = {
  free_nh3_mgN_L: 'mg N/L', tan_mgN_L: 'mg N/L', vfa_mgHAc_L: 'mg HAc/L', vfa_kgCOD_m3: 'kg COD/m3',
  bicarbonate_alkalinity_mgCaCO3_L: 'mg CaCO3/L', fos_tac: 'mg HAc / mg CaCO3', pH: 'pH', methanogen_activity: '-',
};

/** The indicators, in the order they are reported (and written by indicatorsInto). */
const INDICATORS = [
  'free_nh3_mgN_L', 'tan_mgN_L', 'vfa_mgHAc_L', 'vfa_kgCOD_m3', 'bicarbonate_alkalinity_mgCaCO3_L', 'fos_tac', 'pH', 'methanogen_activity',
] as const;

/** The series the indicators read, looked up once per result (a missing one reads as its default). */
function indicatorSeries(r: Series) {
  const g = (n: string) => r.series[n];
  return {
    va: g('S_va'), bu: g('S_bu'), pro: g('S_pro'), ac: g('S_ac'), hco3: g('S_hco3_ion'), nh3: g('free_nh3_mgN_L'),
    IN: g('S_IN'), vfa: g('VFA_kgCOD_m3'), pH: g('pH'), Inh3: g('I_nh3'), IpH: g('I_pH_ac'),
  };
}

/** The indicators at sample i into out, in INDICATORS order (S in kg COD/m3, S_IN and S_hco3_ion in kmol/m3). */
function indicatorsInto(s: ReturnType<typeof indicatorSeries>, i: number, out: Float64Array): void {
  const vfaMol = at(s.va, i, 0) / COD_PER_MOL.S_va + at(s.bu, i, 0) / COD_PER_MOL.S_bu + at(s.pro, i, 0) / COD_PER_MOL.S_pro + at(s.ac, i, 0) / COD_PER_MOL.S_ac;
  const vfa_mgHAc_L = vfaMol * M_HAC * 1000;
  const alk = at(s.hco3, i, 0) * CACO3_PER_EQ_MG * 1000;
  out[0] = at(s.nh3, i, 0);
  out[1] = at(s.IN, i, 0) * 14000;
  out[2] = vfa_mgHAc_L;
  out[3] = at(s.vfa, i, 0);
  out[4] = alk;
  // No buffer at all is as bad as it gets: report a large ratio rather than Infinity.
  out[5] = alk > 1e-9 ? vfa_mgHAc_L / alk : (vfa_mgHAc_L > 0 ? 99 : 0);
  out[6] = at(s.pH, i, 7);
  out[7] = at(s.Inh3, i, 1) * at(s.IpH, i, 1);
}

/** Sample i of a series, or d when the series is missing. */
function at(a: Float64Array | undefined, i: number, d: number): number {
  return (a ? a[i] : undefined) ?? d;
}

/** The indicators at sample i of a digester result, by name. */
export function indicatorsAt(r: Series, i: number): Record<string, number> {
  const out = new Float64Array(INDICATORS.length);
  indicatorsInto(indicatorSeries(r), i, out);
  return Object.fromEntries(INDICATORS.map((k, j) => [k, out[j]!]));
}

function levelOf(t: Threshold, v: number): HealthStatus {
  const above = t.direction === 'above';
  if (above ? v > t.failing : v < t.failing) return 'failing';
  return (above ? v > t.at_risk : v < t.at_risk) ? 'at risk' : 'stable';
}

const fmtVal = (v: number): string => (Math.abs(v) >= 100 ? formatGB(Math.round(v)) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
const LABEL: Record<string, string> = {
  free_nh3_mgN_L: 'free ammonia', tan_mgN_L: 'total ammonium', vfa_mgHAc_L: 'volatile fatty acids', fos_tac: 'FOS/TAC',
  pH: 'pH', methanogen_activity: 'simulated acetoclast activity',
};

/**
 * Health over the samples with from_d <= t < to_d. A day takes the worst level any indicator reaches in any of its
 * samples; the year takes the worst day. `K_I_nh3` is the constant the run used (reported with the acclimation).
 */
export function digesterHealth(r: Series, from_d: number, to_d: number, year: number, acclimation: Acclimation, K_I_nh3_kmolN_m3 = ACCLIMATION[acclimation].K_I_nh3_kmolN_m3): DigesterHealth {
  const th = thresholdsFor(acclimation);
  // Per sample into one typed array (no object per sample: a year has ~1,500 samples, a projection sample 5 years).
  const series = indicatorSeries(r), v = new Float64Array(INDICATORS.length);
  const mins = new Float64Array(INDICATORS.length).fill(Infinity), maxs = new Float64Array(INDICATORS.length).fill(-Infinity);
  const sums = new Float64Array(INDICATORS.length);
  const thIdx = th.map((x) => (INDICATORS as readonly string[]).indexOf(x.indicator));
  let n = 0;
  const dayLevel = new Map<number, { level: HealthStatus; reason: string }>();
  const why: string[] = [];
  for (let i = 0; i < r.t_d.length; i++) {
    const t = r.t_d[i]!;
    if (t < from_d || t >= to_d) continue;
    n++;
    indicatorsInto(series, i, v);
    for (let k = 0; k < v.length; k++) {
      const x = v[k]!;
      mins[k] = Math.min(mins[k]!, x); maxs[k] = Math.max(maxs[k]!, x); sums[k] += x;
    }
    const day = Math.floor(t);
    // The sample's level is its worst indicator; every indicator at that level is named in the reason.
    let level: HealthStatus = 'stable';
    why.length = 0;
    for (let m = 0; m < th.length; m++) {
      const x = th[m]!, val = v[thIdx[m]!]!;
      const lv = levelOf(x, val);
      if (lv === 'stable' || RANK[lv] < RANK[level]) continue;
      if (RANK[lv] > RANK[level]) { level = lv; why.length = 0; }
      const lim = lv === 'failing' ? x.failing : x.at_risk;
      why.push(`${LABEL[x.indicator] ?? x.indicator} ${fmtVal(val)} ${x.unit === 'pH' ? '' : x.unit} ${x.direction === 'above' ? 'above' : 'below'} ${fmtVal(lim)} (${acclimationNote(x, acclimation)}${x.source})`.replace(/\s+/g, ' '));
    }
    const cur = dayLevel.get(day);
    if (!cur || RANK[level] > RANK[cur.level]) dayLevel.set(day, { level, reason: why.join('; ') });
  }
  const indicators: Record<string, IndicatorSummary> = {};
  if (n > 0) INDICATORS.forEach((k, j) => { indicators[k] = { min: mins[j]!, max: maxs[j]!, mean: sums[j]! / n, unit: UNITS[k] ?? '' }; });
  let status: HealthStatus = 'stable', reason = '', first: number | null = null, atRisk = 0, failing = 0;
  for (const [day, d] of [...dayLevel.entries()].sort((a, b) => a[0] - b[0])) {
    if (d.level === 'at risk') atRisk++;
    if (d.level === 'failing') failing++;
    if (d.level !== 'stable' && first === null) first = day;
    if (RANK[d.level] > RANK[status]) { status = d.level; reason = d.reason; }
  }
  return {
    year, status, reason,
    first_change_day: first === null ? null : first - Math.floor(from_d) + 1,
    first_change_run_day: first,
    days_at_risk: atRisk, days_failing: failing,
    acclimation, K_I_nh3_kmolN_m3,
    indicators, thresholds: th,
  };
}

function acclimationNote(t: Threshold, a: Acclimation): string {
  return t.indicator === 'free_nh3_mgN_L' || t.indicator === 'tan_mgN_L' ? `${a} digester; ` : '';
}

/** One line for the warnings list, or none when the year is stable. */
export function healthStatusWarning(h: DigesterHealth): string[] {
  if (h.status === 'stable') return [];
  const days = h.status === 'failing' ? `${h.days_failing} days failing, ${h.days_at_risk} at risk` : `${h.days_at_risk} days at risk`;
  return [`year ${h.year}: digester ${h.status} from day ${h.first_change_day} (${days}): ${h.reason}`];
}
