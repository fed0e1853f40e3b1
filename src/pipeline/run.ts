// runScenario: the scenario pipeline, one stage after another (parse, collect, feed, digest, account), from bins to
// kWh, carbon and pounds. A pure function of its input (no I/O), for the CLI, the workers and the analysis tools.
import { accountHeat, annualAccount, type AnnualAccount, type DailyGas } from '../accounting/annual.js';
import type { HeatYear } from '../accounting/heat.js';
import { dailyGasOf } from '../accounting/gas.js';
import { healthOver, type Health } from '../accounting/health.js';
import { digesterHealth, healthStatusWarning, type DigesterHealth } from '../accounting/digester-health.js';
import { ACCLIMATION } from '../accounting/health-thresholds.js';
import { mixtureHydrolysis } from '../collection/characterise.js';
import { dailyFeed, feedStreams, type DailyFeed, type FeedStreams } from '../collection/feed.js';
import { deliverySchedule, type DeliverySchedule } from '../collection/schedule.js';
import { DEFAULT_INITIAL_SOURCE } from '../../models/adm1/initial.js';
import { DEFAULTS, type DefaultName } from '../scenario/defaults.js';
import { accountWarnings, checkFinite, designChecks } from './checks.js';
import { appraise, applyLines, type Appraisal } from '../appraisal/appraise.js';
import type { Digestate, Economics } from '../appraisal/types.js';
import { verdictOf } from '../appraisal/verdict.js';
import { NOT_COSTED, parseScenario } from '../scenario/parse.js';
import { SCENARIO_SCHEMA, type Scenario } from '../scenario/types.js';
import { simulateDigester } from '../simulate/digester.js';
import type { DigesterResult } from '../simulate/types.js';
import type { OutputName } from '../../models/adm1/outputs.js';

export interface Assumption {
  field: string;
  value: number | string;
  unit: string;
  source: string;
  estimate: boolean;
}

export interface ScenarioResult {
  name: string;
  comment: string;
  destination: Scenario['destination'];
  /** First accounting year (the one compared); all years in `years`. cost_net_gbp includes OPEX and annualised CAPEX. */
  annual: AnnualAccount;
  /** Whole-life economics against today's route for the same bins (docs/economics.md). */
  economics: Economics;
  /** Digestate of the first accounting year. */
  digestate: Digestate;
  /** One plain sentence: is it worth it against today's route. */
  verdict: string;
  years: AnnualAccount[];
  /** Daily series over the whole run (start-up included): t_d is the start of each day. */
  daily: DailySeries;
  stability: Health & { year: number };
  /**
   * Digester health of the first accounting year: status (stable / at risk / failing; "no digester" or "not fed"
   * when nothing is simulated), reason, first_change_day, indicators (docs/scenarios.md). One per year in health_by_year.
   */
  health: ScenarioHealth;
  health_by_year: ScenarioHealth[];
  /**
   * Seasonal heat balance of the first year, month by month (demand and its parts, CHP heat, deficit, backup gas
   * and its cost; docs/scenarios.md), for the whole plant; null without a digester. One per year in heat_by_year.
   */
  heat: HeatYear | null;
  heat_by_year: HeatYear[];
  warnings: string[];
  assumptions: Assumption[];
  run: {
    days: number; startup_d: number; model: string; model_version: string; solver_steps: number; initial_state: string; parameters: Record<string, number>;
    /** Solver work of the scenario's digester run (steps, rejected, f and Jacobian evaluations, LU); zeros without one. */
    solver_stats: { steps: number; rejected: number; fEvals: number; jacEvals: number; luDecomps: number };
  };
}

export interface RunOptions {
  /** Progress: simulated day reached and the run's total days; return false to stop (the run then fails). */
  onProgress?: (t_d: number, days: number) => boolean | void;
  /** Projection: only areas joined by this year, bins grown for (year - 1) years. */
  year?: number;
  /** Digester solver tolerances; default SCENARIO_SOLVER (what annual figures need, see its comment). */
  solver?: { rtol?: number; atol?: number; jacobian?: 'analytic' | 'fd'; linear?: 'sparse' | 'dense' };
  /** Digester series kept during the run: 'needed' (SCENARIO_SERIES, the default) or 'all' (tests compare the two). */
  series?: 'needed' | 'all';
}

/**
 * Solver tolerances of scenario runs. A scenario reports annual sums (methane, electricity, money, carbon) and
 * health indicators over daily samples, not a trajectory to 6 digits: test/scenario-tolerance.test.ts shows these
 * within 1e-4 relative of an rtol 1e-9 run on every bundled scenario (worst 4.5e-5, a VFA mean), at a third of the
 * steps of rtol 1e-6. atol 3e-6 is in each state's unit: 3 mg COD/m3 = 0.003 mg COD/L for the substrates, far below what
 * any analysis resolves (3e-9 kg COD/m3 for the hydrogen states, scaled as in every run); it spares the steps that
 * resolving sugars and amino acids to 1e-8 kg COD/m3 after every delivery took (weekly-small-digester: 1,526 steps
 * at atol 1e-8, 1,056 at 3e-6, annual figures within 3e-5 either way). Digester run files (BSM2, research) keep the
 * solver defaults rtol 1e-6, atol 1e-8 unless they set their own.
 */
export const SCENARIO_SOLVER = { rtol: 1e-4, atol: 3e-6 } as const;

/** Health of a scenario-year; the status is "no digester" or "not fed" when there is no simulation to judge. */
export type ScenarioHealth = DigesterHealth | (Omit<DigesterHealth, 'status'> & { status: 'no digester' | 'not fed' });

/** True for an already-validated Scenario (so callers may pass either raw JSON or parseScenario's output). */
function isParsed(x: unknown): x is Scenario {
  return typeof x === 'object' && x !== null && (x as Scenario).schema === SCENARIO_SCHEMA && typeof (x as Scenario).defaulted === 'object'
    && Array.isArray((x as Scenario).areas) && (x as Scenario).areas.every((a) => typeof a.fill === 'object');
}

export function runScenario(input: unknown, opt: RunOptions = {}): ScenarioResult {
  const s = parse(input);
  const c = collect(s, opt);
  const f = feed(s, c);
  const d = digest(s, c, f, opt);
  const a = account(s, c, f, d);
  const e = appraiseStage(s, c, a, opt);
  return result(s, c, f, d, a, e);
}

/** Stage 0: raw JSON (or an already-parsed scenario) to a validated Scenario. */
function parse(input: unknown): Scenario {
  return isParsed(input) ? input : parseScenario(input);
}

/** Stage 1 output: what is collected from the bins, day by day, and where it goes. */
interface Collected {
  days: number;
  startup: number;
  toAD: boolean;
  streams: FeedStreams | null;
  schedule: DeliverySchedule;
  warnings: string[];
}

/** Stage 1: the bins' delivery schedule over the whole run (start-up included). */
function collect(s: Scenario, opt: RunOptions): Collected {
  const startup = s.horizon.startup_d;
  const days = startup + 365 * s.horizon.years;
  const toAD = s.destination === 'digester';
  const streams: FeedStreams | null = toAD ? feedStreams(s) : null;
  const schedule = deliverySchedule(s, days, {
    faeces_VS_FM: streams?.dog.VS_FM ?? DOG_VS_FM,
    ...(opt.year !== undefined ? { year: opt.year, growth_years: opt.year - 1 } : {}),
  });
  const warnings: string[] = [];
  const collected_kg = schedule.collected_kg.reduce((a, b) => a + b, 0);
  if (collected_kg === 0) warnings.push(`no dog waste is collected: ${s.areas.length ? 'every area has no bins or an empty fill' : 'no areas'}${opt.year !== undefined ? ` in projection year ${opt.year}` : ''}, so the scenario has no dog waste to ${toAD ? 'digest' : 'dispose of'}`);
  return { days, startup, toAD, streams, schedule, warnings };
}

/** Stage 2 output: the digester's daily feed (null without a digester), and whether anything is fed at all. */
interface Fed { feed: DailyFeed | null; fed: boolean }

/** Stage 2: dog waste + co-substrates + dilution water, day by day. */
function feed(s: Scenario, c: Collected): Fed {
  const feed = c.toAD && c.streams ? dailyFeed(s, c.schedule, c.streams, 'all') : null;
  // An unfed digester is not simulated: its inoculum alone would show gas and process warnings that mean nothing.
  return { feed, fed: feed !== null && feed.q_m3.some((q) => q > 0) };
}

/** Stage 3 output: the ADM1 run and its daily gas, plus the plant's own-feed reference run where there is one. */
interface Digested {
  sim: DigesterResult | null;
  gas: DailyGas | null;
  refFeed: DailyFeed | null;
  refGas: DailyGas | null;
  params: Record<string, number>;
  warnings: string[];
}

/** Stage 3: design checks, then the ADM1 simulation (and the reference run without the dog waste). */
function digest(s: Scenario, c: Collected, f: Fed, opt: RunOptions): Digested {
  const out: Digested = { sim: null, gas: null, refFeed: null, refGas: null, params: {}, warnings: [] };
  const { streams, schedule, days, startup } = c;
  if (!(c.toAD && streams && f.feed && f.fed)) return out;
  out.warnings.push(...designChecks(s, f.feed, startup, days));
  // Hydrolysis rates of the mixture at its mean rates (src/feed), unless the file sets them.
  const meanDog_kg_d = schedule.fed_kg.reduce((a, b) => a + b, 0) / days;
  out.params = { ...mixtureHydrolysis([{ feedstock: streams.dog.record, kg_d: meanDog_kg_d }, ...streams.co.map((co) => ({ feedstock: co.influent.record, kg_d: co.spec.rate_kg_d }))]), K_I_nh3: acclimatedKI(s), ...s.digester.parameters };
  out.sim = simulate(s, f.feed, days, out.params, opt);
  out.gas = dailyGasOf(out.sim, days, s.digester.T_op_K);
  out.warnings.push(...out.sim.warnings.filter((w) => !w.startsWith('HRT ')).map((w) => `digester: ${w}`));
  if (s.co_substrates.some((co) => co.existing)) {
    out.refFeed = dailyFeed(s, schedule, streams, 'existing');
    const refParams = { ...mixtureHydrolysis(streams.co.filter((co) => co.spec.existing).map((co) => ({ feedstock: co.influent.record, kg_d: co.spec.rate_kg_d }))), K_I_nh3: acclimatedKI(s), ...s.digester.parameters };
    const ref = simulate(s, out.refFeed, days, refParams, { solver: opt.solver, series: opt.series });
    out.refGas = dailyGasOf(ref, days, s.digester.T_op_K);
  }
  if (streams.dog.caveat) out.warnings.push(`dog faeces: ${streams.dog.caveat}`);
  return out;
}

/** K_I_nh3 of the scenario's acclimation (digester.parameters.K_I_nh3, when given, wins). */
function acclimatedKI(s: Scenario): number {
  return ACCLIMATION[s.digester.acclimation].K_I_nh3_kmolN_m3;
}

/** Stage 4 output: one account and one health summary per accounting year. */
interface Accounted { accounts: AnnualAccount[]; health: (Health & { year: number })[]; status: ScenarioHealth[]; heat: HeatYear[]; warnings: string[] }

/** Stage 4: the annual accounts (tonnes, kWh, t CO2e, GBP) and digester health, year by year after start-up. */
function account(s: Scenario, c: Collected, f: Fed, d: Digested): Accounted {
  const out: Accounted = { accounts: [], health: [], status: [], heat: [], warnings: [] };
  for (let y = 1; y <= s.horizon.years; y++) {
    const from_d = c.startup + 365 * (y - 1), to_d = c.startup + 365 * y;
    const input = { scenario: s, schedule: c.schedule, feed: f.feed, gas: d.gas, referenceGas: d.refGas, referenceFeed: d.refFeed, year: y, from_d, to_d,
      ammonium_fraction: d.sim && f.feed ? ammoniumFraction(d.sim, f.feed, from_d, to_d) : 0 };
    const acc = annualAccount(input);
    out.accounts.push(acc);
    if (c.toAD) out.heat.push(accountHeat(input).all);
    if (d.sim) {
      out.health.push({ ...healthOver(d.sim, from_d, to_d), year: y });
      // Operators' indicators against sourced thresholds: a warning only when the year is at risk or failing.
      const h = digesterHealth(d.sim, from_d, to_d, y, s.digester.acclimation, d.params.K_I_nh3);
      out.status.push(h);
      out.warnings.push(...healthStatusWarning(h));
    } else {
      out.status.push(noHealth(s, y, c.toAD ? 'not fed' : 'no digester'));
    }
    out.warnings.push(...accountWarnings(s, acc));
  }
  checkFinite(out.accounts);
  return out;
}

/** Ammonium N (simulated S_IN) as a share of the total N fed over [from, to): the readily available share of digestate N. */
function ammoniumFraction(sim: DigesterResult, feed: DailyFeed, from: number, to: number): number {
  const sIN = sim.series['S_IN'];
  if (!sIN) return 0;
  let n = 0, sum = 0;
  for (let i = 0; i < sim.t_d.length; i++) if (sim.t_d[i]! >= from && sim.t_d[i]! < to) { sum += sIN[i]!; n++; }
  let N = 0, q = 0;
  for (let d = from; d < to; d++) { N += feed.N_kg[d]!; q += feed.q_m3[d]!; }
  return n > 0 && N > 0 ? Math.min(1, ((sum / n) * 14 * q) / N) : 0;
}

/** Today's route for the same bins, year by year: the baseline the economics are measured against (no simulation). */
export function todayAccounts(s: Scenario, c: { days: number; startup: number }, opt: RunOptions): AnnualAccount[] {
  const today: Scenario = { ...s, destination: 'today', co_substrates: [] };
  const schedule = deliverySchedule(today, c.days, { faeces_VS_FM: DOG_VS_FM, ...(opt.year !== undefined ? { year: opt.year, growth_years: opt.year - 1 } : {}) });
  const out: AnnualAccount[] = [];
  for (let y = 1; y <= s.horizon.years; y++) {
    out.push(annualAccount({ scenario: today, schedule, feed: null, gas: null, year: y, from_d: c.startup + 365 * (y - 1), to_d: c.startup + 365 * y }));
  }
  return out;
}

/** Stage 5: whole-life economics against today's route; the accounts' money lines then include OPEX and annualised CAPEX. */
function appraiseStage(s: Scenario, c: Collected, a: Accounted, opt: RunOptions): Appraisal {
  const e = appraise({ scenario: s, accounts: a.accounts, baseline: todayAccounts(s, c, opt) });
  a.accounts.forEach((acc, i) => applyLines(acc, e.lines[i]!));
  checkFinite(a.accounts);
  return e;
}

/** The result every caller sees (CLI, workers, analysis), assembled from the stages. */
function result(s: Scenario, c: Collected, f: Fed, d: Digested, a: Accounted, e: Appraisal): ScenarioResult {
  return {
    name: s.name, comment: s.comment, destination: s.destination,
    annual: a.accounts[0]!, years: a.accounts,
    economics: e.economics, digestate: e.digestate, verdict: verdictOf(s, e.economics, a.accounts[0]!),
    daily: dailySeries(c.schedule, f.feed, d.gas, d.sim, c.days),
    stability: a.health[0] ?? { ...emptyHealth(), year: 1 },
    health: a.status[0] ?? noHealth(s, 1, c.toAD ? 'not fed' : 'no digester'),
    health_by_year: a.status,
    heat: a.heat[0] ?? null,
    heat_by_year: a.heat,
    warnings: [...c.warnings, ...d.warnings, ...a.warnings],
    assumptions: assumptionsOf(s),
    run: {
      days: c.days, startup_d: c.startup,
      model: d.sim?.stats.model ?? 'none (no digester)', model_version: d.sim?.stats.model_version ?? '',
      solver_steps: d.sim?.stats.steps ?? 0, initial_state: c.toAD ? DEFAULT_INITIAL_SOURCE : '', parameters: d.params,
      solver_stats: {
        steps: d.sim?.stats.steps ?? 0, rejected: d.sim?.stats.rejected ?? 0, fEvals: d.sim?.stats.fEvals ?? 0,
        jacEvals: d.sim?.stats.jacEvals ?? 0, luDecomps: d.sim?.stats.luDecomps ?? 0,
      },
    },
  };
}

/** Dog faeces VS per fresh mass when no digester is involved (only used for optional bin VS losses): 0.30 x 0.72. */
const DOG_VS_FM = 0.216;
/** Engine output samples per day: gas is integrated over them, so pulses from weekly deliveries are resolved. */
const SAMPLES_PER_DAY = 4;

/**
 * The digester series the pipeline reads (gas for the accounts, indicators for health, the daily series it returns);
 * the engine keeps only these, not all 56 outputs 4 times a day (test/scenario-series.test.ts: same results as 'all').
 */
export const SCENARIO_SERIES = [
  'q_ch4_Nm3_d', 'q_biogas_dry_Nm3_d', 'q_gas_norm_m3_d',
  'S_va', 'S_bu', 'S_pro', 'S_ac', 'S_hco3_ion', 'S_IN', 'free_nh3_mgN_L', 'VFA_kgCOD_m3', 'pH', 'I_nh3', 'I_pH_ac',
  'ch4_fraction', 'ch4_fraction_dry',
] as const satisfies readonly OutputName[];

function simulate(s: Scenario, feed: DailyFeed, days: number, parameters: Record<string, number>, opt: RunOptions): DigesterResult {
  const r = simulateDigester({
    digester: { V_liq_m3: s.digester.V_liq_m3, V_gas_m3: s.digester.V_gas_m3, T_op_K: s.digester.T_op_K },
    feed: feed.segments,
    parameters,
    // The file's own digester.parameters are taken at T_op; library hydrolysis rates and BSM2 values are 35 C values.
    kinetics: { mode: s.digester.kinetics, given: Object.keys(s.digester.parameters) },
    days,
    output_every_d: 1 / SAMPLES_PER_DAY,
    ...(opt.series === 'all' ? {} : { series: SCENARIO_SERIES }),
    solver: { ...SCENARIO_SOLVER, ...opt.solver },
    onProgress: opt.onProgress ? (t) => opt.onProgress!(t, days) : undefined,
  });
  if (r.outcome !== 'done') throw new Error(`simulation of "${s.name}" stopped at day ${r.t_d[r.t_d.length - 1] ?? 0} of ${days}`);
  return r;
}

/** A scenario's daily series by name (a type alias, not an interface, so it still passes as a Record to CSV writers). */
export type DailySeries = {
  t_d: Float64Array; collected_t: Float64Array; dog_fed_t: Float64Array;
  /** Present when the scenario digests (not for a landfill or EfW baseline). */
  /** Biogas is dry normal gas; biogas_dry_Nm3 is the same series under a name that states the basis. */
  feed_t?: Float64Array; feed_m3?: Float64Array; methane_Nm3?: Float64Array; biogas_Nm3?: Float64Array; biogas_dry_Nm3?: Float64Array;
} & Partial<Record<'pH' | 'VFA_kgCOD_m3' | 'free_nh3_mgN_L' | 'I_nh3' | 'ch4_fraction' | 'S_IN' | 'ch4_fraction_dry', Float64Array>>;

function dailySeries(sc: DeliverySchedule, feed: DailyFeed | null, gas: DailyGas | null, sim: DigesterResult | null, days: number): DailySeries {
  const t = Float64Array.from({ length: days }, (_, i) => i);
  const kgToT = (x: Float64Array) => x.map((v) => v / 1000);
  const out: DailySeries = {
    t_d: t,
    collected_t: kgToT(sc.collected_kg),
    dog_fed_t: kgToT(sc.fed_kg),
  };
  if (feed) { out.feed_t = feed.feed_t; out.feed_m3 = feed.q_m3; }
  // Biogas is dry (biogas_Nm3 is the contract name, biogas_dry_Nm3 says the basis); ch4_fraction stays the wet-gas share.
  if (gas) { out.methane_Nm3 = gas.methane_Nm3; out.biogas_Nm3 = gas.biogas_Nm3; out.biogas_dry_Nm3 = gas.biogas_Nm3; }
  if (sim) {
    // One sample per day (the engine samples SAMPLES_PER_DAY times a day): the value at the start of each day.
    for (const name of ['pH', 'VFA_kgCOD_m3', 'free_nh3_mgN_L', 'I_nh3', 'ch4_fraction', 'S_IN', 'ch4_fraction_dry'] as const) {
      const src = sim.series[name];
      if (!src) continue;
      out[name] = Float64Array.from({ length: days }, (_, i) => src[Math.min(i * SAMPLES_PER_DAY, src.length - 1)]!);
    }
  }
  return out;
}

function noHealth(s: Scenario, year: number, status: 'no digester' | 'not fed'): ScenarioHealth {
  return {
    year, status, reason: status === 'not fed' ? 'no feed reaches the digester, so it is not simulated' : 'the waste goes to today\'s route',
    first_change_day: null, first_change_run_day: null, days_at_risk: 0, days_failing: 0,
    acclimation: s.digester.acclimation, K_I_nh3_kmolN_m3: s.digester.parameters.K_I_nh3 ?? acclimatedKI(s), indicators: {}, thresholds: [],
  };
}

function emptyHealth(): Health {
  return {
    pH_min: null, pH_max: null, VFA_max_kgCOD_m3: 0, VFA_mean_kgCOD_m3: 0, free_nh3_max_mgN_L: 0, free_nh3_mean_mgN_L: 0,
    inhibition_min: 1, days_low_pH: 0, days_high_VFA: 0, days_high_free_nh3: 0, days_inhibited: 0, days_with_warning: 0,
  };
}

/** The defaults the scenario fell back on, each with unit and source. */
export function assumptionsOf(s: Scenario): Assumption[] {
  return Object.entries(s.defaulted).map(([field, name]) => {
    if (name === NOT_COSTED) return { field, value: 0, unit: 'GBP/yr', source: NOT_COSTED, estimate: false };
    const d = (DEFAULTS as Record<string, (typeof DEFAULTS)[DefaultName] | undefined>)[name];
    return d
      ? { field, value: d.value, unit: d.unit, source: d.source, estimate: d.estimate ?? false }
      : { field, value: name, unit: '', source: 'adsim default', estimate: false };
  });
}
