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

/** The indicators at sample i of a digester result (S in kg COD/m3, S_IN and S_hco3_ion in kmol/m3). */
export function indicatorsAt(r: Series, i: number): Record<string, number> {
  const s = (n: string, d = 0) => r.series[n]?.[i] ?? d;
  const vfaMol = s('S_va') / COD_PER_MOL.S_va + s('S_bu') / COD_PER_MOL.S_bu + s('S_pro') / COD_PER_MOL.S_pro + s('S_ac') / COD_PER_MOL.S_ac;
  const vfa_mgHAc_L = vfaMol * M_HAC * 1000;
  const alk = s('S_hco3_ion') * CACO3_PER_EQ_MG * 1000;
  return {
    free_nh3_mgN_L: s('free_nh3_mgN_L'),
    tan_mgN_L: s('S_IN') * 14000,
    vfa_mgHAc_L,
    vfa_kgCOD_m3: s('VFA_kgCOD_m3'),
    bicarbonate_alkalinity_mgCaCO3_L: alk,
    // No buffer at all is as bad as it gets: report a large ratio rather than Infinity.
    fos_tac: alk > 1e-9 ? vfa_mgHAc_L / alk : (vfa_mgHAc_L > 0 ? 99 : 0),
    pH: s('pH', 7),
    methanogen_activity: s('I_nh3', 1) * s('I_pH_ac', 1),
  };
}

function levelOf(t: Threshold, v: number): HealthStatus {
  const worse = (lim: number) => (t.direction === 'above' ? v > lim : v < lim);
  return worse(t.failing) ? 'failing' : worse(t.at_risk) ? 'at risk' : 'stable';
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
  const sums: Record<string, { min: number; max: number; sum: number }> = {};
  let n = 0;
  const dayLevel = new Map<number, { level: HealthStatus; reason: string }>();
  for (let i = 0; i < r.t_d.length; i++) {
    const t = r.t_d[i]!;
    if (t < from_d || t >= to_d) continue;
    n++;
    const ind = indicatorsAt(r, i);
    // for-in, not Object.entries: no pair arrays per sample (a year has ~1,500 samples, a projection sample 5 years).
    for (const k in ind) {
      const v = ind[k]!;
      const a = (sums[k] ??= { min: Infinity, max: -Infinity, sum: 0 });
      a.min = Math.min(a.min, v); a.max = Math.max(a.max, v); a.sum += v;
    }
    const day = Math.floor(t);
    // The sample's level is its worst indicator; every indicator at that level is named in the reason.
    let level: HealthStatus = 'stable';
    const why: string[] = [];
    for (const x of th) {
      const v = ind[x.indicator]!;
      const lv = levelOf(x, v);
      if (lv === 'stable' || RANK[lv] < RANK[level]) continue;
      if (RANK[lv] > RANK[level]) { level = lv; why.length = 0; }
      const lim = lv === 'failing' ? x.failing : x.at_risk;
      why.push(`${LABEL[x.indicator] ?? x.indicator} ${fmtVal(v)} ${x.unit === 'pH' ? '' : x.unit} ${x.direction === 'above' ? 'above' : 'below'} ${fmtVal(lim)} (${acclimationNote(x, acclimation)}${x.source})`.replace(/\s+/g, ' '));
    }
    const cur = dayLevel.get(day);
    if (!cur || RANK[level] > RANK[cur.level]) dayLevel.set(day, { level, reason: why.join('; ') });
  }
  const indicators: Record<string, IndicatorSummary> = {};
  for (const [k, a] of Object.entries(sums)) indicators[k] = { min: a.min, max: a.max, mean: a.sum / n, unit: UNITS[k] ?? '' };
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
