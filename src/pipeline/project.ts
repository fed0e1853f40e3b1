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
import { RunsFailedError } from '../errors.js';
import { SolverError } from '../solvers/types.js';
import { formatGB } from '../units/format.js';
import { sumYears, type ProjectionTotals } from './totals.js';

export { PER_YEAR_FIGURES, type ProjectionTotals } from './totals.js';

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
  /** Sums over the projection of every additive figure; per-year figures (homes) as their mean and peak (ProjectionTotals). */
  totals: ProjectionTotals<ProjectionYear>;
  warnings: string[];
  assumptions: ScenarioResult['assumptions'];
  /** Whole-life economics of the plant built for the full rollout: years after the projection repeat its last year. */
  economics: Economics;
  digestate: Digestate;
  verdict: string;
}

/** A projection year whose simulation failed: which year, its areas and bins (what differs between years), why. */
export interface ProjectionYearFailure {
  year: number;
  areas_joined: string[];
  bins: number;
  reason: string;
}

/** A projection year's figures when the whole-life appraisal could not run (no cash-flow columns). */
export type PartialProjectionYear = Omit<ProjectionYear, 'cashflow_gbp' | 'discounted_cashflow_gbp' | 'cumulative_discounted_gbp'>;

/**
 * A projection in which some years failed to solve: the years that ran, each failed year with its reason, and totals
 * over the years that ran. The whole-life economics and the verdict need every year, so there are none; money
 * figures are each year's own costing, not re-costed for one plant built for the full rollout.
 */
export interface PartialProjection {
  schema: 'adsim-project/1';
  name: string;
  comment: string;
  years: PartialProjectionYear[];
  failed_years: ProjectionYearFailure[];
  /** Sums over the years that ran (`totals_years` lists them); homes as their mean and peak over those years. */
  totals: ProjectionTotals<PartialProjectionYear>;
  totals_years: number[];
  warnings: string[];
  assumptions: ScenarioResult['assumptions'];
  note: string;
}

/** Raised by projectScenario when a year fails to solve: names every failed year (exit 3 in the CLI). */
export class ProjectionFailedError extends RunsFailedError {
  constructor(readonly failed: ProjectionYearFailure[], years: number) {
    super(`${failed.length} of ${years} projection years failed; ${failed.slice(0, 3).map(describeYearFailure).join('; ')}${failed.length > 3 ? '; ...' : ''}`);
  }
}

/** "projection year 3 (2 areas, 1,200 bins): reason". */
export function describeYearFailure(f: ProjectionYearFailure): string {
  return `projection year ${f.year} (${f.areas_joined.length} area${f.areas_joined.length === 1 ? '' : 's'}, ${f.bins.toLocaleString('en-GB')} bins): ${f.reason}`;
}

/** A model run that could not be solved (reported per year), as opposed to bad input or a bug (which stop the run). */
function isRunFailure(e: unknown): e is Error {
  return e instanceof SolverError || e instanceof RunsFailedError || ['SolverError', 'RunsFailedError'].includes((e as Error)?.name);
}

/** The projection; throws ProjectionFailedError naming each year that failed to solve. */
export function projectScenario(input: unknown, years?: number, opt: RunOptions = {}): Projection {
  const r = projectYears(input, years, opt);
  if ('partial' in r) throw new ProjectionFailedError(r.partial.failed_years, r.partial.years.length + r.partial.failed_years.length);
  return r.projection;
}

/**
 * The projection year by year. A year that fails to solve does not stop the others: the result is then partial
 * (the years that ran and each failed year with its reason). Bad input and bugs still throw.
 */
export function projectYears(input: unknown, years?: number, opt: RunOptions = {}): { projection: Projection } | { partial: PartialProjection } {
  const s: Scenario = isScenario(input) ? input : parseScenario(input);
  const n = years ?? s.rollout.years;
  // Each year is one steady year after start-up, whatever horizon.years the file asks for.
  const base: Scenario = { ...s, horizon: { ...s.horizon, years: 1 } };
  const todayBase: Scenario = { ...base, destination: 'today', co_substrates: [] };
  const cache = new Map<string, ScenarioResult | string>();
  const failed: ProjectionYearFailure[] = [];
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
    let today: AnnualAccount;
    // Years with the same areas and bins fail the same way: reported for each, solved once.
    if (typeof r === 'string') { failed.push({ year: y, areas_joined: joined.map((a) => a.name), bins, reason: r }); continue; }
    try {
      if (!r) {
        r = runScenario(base, {
          year: y,
          onProgress: opt.onProgress ? (t, d) => opt.onProgress!((y - 1) * d + t, n * d) : undefined,
        });
        cache.set(key, r);
        for (const w of r.warnings) warnings.push([y, w.replace(/^year 1: /, '')]);
        assumptions = r.assumptions;
      }
      today = s.destination === 'today' ? r.annual : runScenario(todayBase, { year: y }).annual;
    } catch (e) {
      if (!isRunFailure(e)) throw e;
      const reason = `${e.name === 'RunsFailedError' ? '' : 'solver failed: '}${e.message}`.slice(0, 400);
      cache.set(key, reason);
      failed.push({ year: y, areas_joined: joined.map((a) => a.name), bins, reason });
      continue;
    }
    raw.push({ ...r.annual, year: y });
    todays.push(today);
    out.push({
      ...r.annual, year: y, areas_joined: joined.map((a) => a.name), bins, stability_days_with_warning: r.stability.days_with_warning,
      today_cost_net_gbp: today.cost_net_gbp, today_co2e_net_t: today.co2e_net_t,
      saving_vs_today_gbp: today.cost_net_gbp - r.annual.cost_net_gbp, co2e_saving_vs_today_t: today.co2e_net_t - r.annual.co2e_net_t,
      cashflow_gbp: 0, discounted_cashflow_gbp: 0, cumulative_discounted_gbp: 0,
    });
  }
  if (failed.length) return { partial: partialOf(s, out, failed, byText(warnings), assumptions) };
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
  return {
    projection: {
      schema: 'adsim-project/1', name: s.name, comment: s.comment, years: out, totals: sumYears(out), warnings: byText(warnings), assumptions,
      economics: e, digestate: ap.digestate, verdict: verdictOf(s, e, out[out.length - 1] ?? raw[0]!),
    },
  };
}

function partialOf(s: Scenario, ran: ProjectionYear[], failed: ProjectionYearFailure[], warnings: string[], assumptions: ScenarioResult['assumptions']): PartialProjection {
  const years: PartialProjectionYear[] = ran.map(({ cashflow_gbp: _c, discounted_cashflow_gbp: _d, cumulative_discounted_gbp: _k, ...y }) => y);
  return {
    schema: 'adsim-project/1', name: s.name, comment: s.comment, years, failed_years: failed,
    totals: sumYears(years), totals_years: years.map((y) => y.year), warnings, assumptions,
    note: `${failed.length} of ${years.length + failed.length} projection years failed to solve; the totals cover only the years that ran, `
      + 'and there are no whole-life economics or verdict (they need every year); money figures are each year\'s own costing.',
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
    configuration: `full rollout: projection year ${year}, ${areas.length} areas, ${formatGB(bins)} bins`,
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
