// projectScenario: year-by-year projection with a rollout (areas joining in their `joins_year`, bins growing each year).
//
// Each projection year is simulated as its own steady year (start-up, then one year) with that year's areas and bins;
// the digester's carry-over from one year to the next is not modelled. Years with the same areas and bin numbers share
// one simulation.
import type { AnnualAccount } from '../accounting/annual.js';
import { parseScenario } from '../scenario/parse.js';
import { SCENARIO_SCHEMA, type Scenario } from '../scenario/types.js';
import { runScenario, type RunOptions, type ScenarioResult } from './run.js';
import { appraise, applyLines } from '../appraisal/appraise.js';
import type { Digestate, Economics } from '../appraisal/types.js';
import { verdictOf } from '../appraisal/verdict.js';

export interface ProjectionYear extends AnnualAccount {
  areas_joined: string[];
  bins: number;
  stability_days_with_warning: number;
  /** The same bins sent to today's route that year (no simulation needed): the counterfactual. */
  today_cost_net_gbp: number;
  today_co2e_net_t: number;
  /** Today's route minus this scenario: positive = this scenario saves money / carbon. */
  saving_vs_today_gbp: number;
  co2e_saving_vs_today_t: number;
  /** Whole-life cash flow against today's route in this year of the plant life, GBP (year 0, the build, is in economics). */
  cashflow_gbp: number;
  discounted_cashflow_gbp: number;
  /** Cumulative discounted cash flow from the build (year 0) to the end of this year, GBP. */
  cumulative_discounted_gbp: number;
}

export interface Projection {
  schema: 'adsim-project/1';
  name: string;
  comment: string;
  years: ProjectionYear[];
  /** Sums over the projection of every additive figure. */
  totals: Partial<Record<keyof ProjectionYear, number>>;
  warnings: string[];
  assumptions: ScenarioResult['assumptions'];
  /** Whole-life economics of the plant built for the full rollout: years after the projection repeat its last year. */
  economics: Economics;
  digestate: Digestate;
  verdict: string;
}

/** Fields summed over the years in `totals` (the others are rates or per-year characteristics). */
const NOT_ADDITIVE = new Set(['year', 'days', 'HRT_d', 'OLR_kgVS_m3_d', 'bins', 'cumulative_discounted_gbp']);

export function projectScenario(input: unknown, years?: number, opt: RunOptions = {}): Projection {
  const s: Scenario = isScenario(input) ? input : parseScenario(input);
  const n = years ?? s.rollout.years;
  // Each year is one steady year after start-up, whatever horizon.years the file asks for.
  const base: Scenario = { ...s, horizon: { ...s.horizon, years: 1 } };
  const todayBase: Scenario = { ...base, destination: 'today', co_substrates: [] };
  const cache = new Map<string, ScenarioResult>();
  const out: ProjectionYear[] = [];
  const raw: AnnualAccount[] = [], todays: AnnualAccount[] = [];
  const warnings: [number, string][] = [];
  let assumptions: ScenarioResult['assumptions'] = [];
  for (let y = 1; y <= n; y++) {
    const joined = s.areas.filter((a) => a.joins_year <= y);
    const grow = Math.pow(1 + s.rollout.bins_growth_per_yr, y - 1);
    const bins = joined.reduce((acc, a) => acc + Math.round(a.bins * grow), 0);
    const key = joined.map((a) => `${a.name}:${Math.round(a.bins * grow)}`).join('|');
    let r = cache.get(key);
    if (!r) {
      r = runScenario(base, {
        year: y,
        onProgress: opt.onProgress ? (t, d) => opt.onProgress!((y - 1) * d + t, n * d) : undefined,
      });
      cache.set(key, r);
      for (const w of r.warnings) warnings.push([y, w.replace(/^year 1: /, '')]);
      assumptions = r.assumptions;
    }
    const today = s.destination === 'today' ? r.annual : runScenario(todayBase, { year: y }).annual;
    raw.push({ ...r.annual, year: y });
    todays.push(today);
    out.push({
      ...r.annual, year: y, areas_joined: joined.map((a) => a.name), bins, stability_days_with_warning: r.stability.days_with_warning,
      today_cost_net_gbp: today.cost_net_gbp, today_co2e_net_t: today.co2e_net_t,
      saving_vs_today_gbp: today.cost_net_gbp - r.annual.cost_net_gbp, co2e_saving_vs_today_t: today.co2e_net_t - r.annual.co2e_net_t,
      cashflow_gbp: 0, discounted_cashflow_gbp: 0, cumulative_discounted_gbp: 0,
    });
  }
  // One plant built for the full rollout, appraised over its life: each year's money lines are re-costed for it.
  const ap = appraise({ scenario: s, accounts: raw, baseline: todays });
  const e = ap.economics;
  let cum = e.cashflows_gbp[0]! * e.discount_factors[0]!;
  out.forEach((row, i) => {
    applyLines(row, ap.lines[i]!);
    row.saving_vs_today_gbp = todays[i]!.cost_net_gbp - row.cost_net_gbp;
    row.cashflow_gbp = e.cashflows_gbp[i + 1] ?? 0;
    row.discounted_cashflow_gbp = row.cashflow_gbp * (e.discount_factors[i + 1] ?? 0);
    cum += row.discounted_cashflow_gbp;
    row.cumulative_discounted_gbp = cum;
  });
  const totals: Partial<Record<keyof ProjectionYear, number>> = {};
  for (const row of out) {
    for (const [k, v] of Object.entries(row)) {
      if (typeof v !== 'number' || NOT_ADDITIVE.has(k)) continue;
      const key = k as keyof ProjectionYear;
      totals[key] = (totals[key] ?? 0) + v;
    }
  }
  return {
    schema: 'adsim-project/1', name: s.name, comment: s.comment, years: out, totals, warnings: byText(warnings), assumptions,
    economics: e, digestate: ap.digestate, verdict: verdictOf(s, e, out[out.length - 1] ?? raw[0]!),
  };
}

/**
 * The configuration a single run of a rollout scenario shows: the year all areas have joined (bins grown to that
 * year), the same as that year of `projectScenario`, with a label saying so. Scenarios without a rollout are unchanged.
 */
export function fullRollout(s: Scenario): { scenario: Scenario; configuration?: string } {
  const year = Math.max(1, ...s.areas.map((a) => a.joins_year));
  if (year === 1 && s.rollout.bins_growth_per_yr === 0) return { scenario: s };
  const grow = Math.pow(1 + s.rollout.bins_growth_per_yr, year - 1);
  const areas = s.areas.map((a) => ({ ...a, bins: Math.round(a.bins * grow), joins_year: 1 }));
  const bins = areas.reduce((acc, a) => acc + a.bins, 0);
  return {
    scenario: { ...s, areas, rollout: { ...s.rollout, bins_growth_per_yr: 0 } },
    configuration: `full rollout: projection year ${year}, ${areas.length} areas, ${bins.toLocaleString('en-GB')} bins`,
  };
}

function isScenario(x: unknown): x is Scenario {
  return typeof x === 'object' && x !== null && (x as Scenario).schema === SCENARIO_SCHEMA && typeof (x as Scenario).defaulted === 'object';
}

/** The same warning in several years is listed once with its years. */
function byText(xs: [number, string][]): string[] {
  const years = new Map<string, number[]>();
  for (const [y, w] of xs) years.set(w, [...(years.get(w) ?? []), y]);
  return [...years].map(([w, ys]) => `projection year${ys.length > 1 ? 's' : ''} ${ys.join(', ')}: ${w}`);
}
