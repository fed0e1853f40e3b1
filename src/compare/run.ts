// runScenario: one scenario from bins to kWh, carbon and pounds. A pure function of its input (no I/O), for CLI and workers.
import { annualAccount, type AnnualAccount, type DailyGas } from '../accounting/annual.js';
import { dailyGasOf } from '../accounting/gas.js';
import { healthOver, healthWarnings, type Health } from '../accounting/health.js';
import { mixtureHydrolysis } from '../collection/characterise.js';
import { dailyFeed, feedStreams, type DailyFeed, type FeedStreams } from '../collection/feed.js';
import { deliverySchedule, type DeliverySchedule } from '../collection/schedule.js';
import { InputError } from '../errors.js';
import { DEFAULT_INITIAL_SOURCE } from '../../models/adm1/initial.js';
import { DEFAULTS, dv, type DefaultName } from '../scenario/defaults.js';
import { NOT_COSTED, parseScenario } from '../scenario/parse.js';
import { SCENARIO_SCHEMA, type Scenario } from '../scenario/types.js';
import { simulateDigester } from '../simulate/digester.js';
import type { DigesterResult } from '../simulate/types.js';

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
  /** First accounting year (the one compared); all years in `years`. */
  annual: AnnualAccount;
  years: AnnualAccount[];
  /** Daily series over the whole run (start-up included): t_d is the start of each day. */
  daily: Record<string, Float64Array>;
  stability: Health & { year: number };
  warnings: string[];
  assumptions: Assumption[];
  run: { days: number; startup_d: number; model: string; model_version: string; solver_steps: number; initial_state: string; parameters: Record<string, number> };
}

export interface RunOptions {
  /** Progress: simulated day reached and the run's total days; return false to stop (the run then fails). */
  onProgress?: (t_d: number, days: number) => boolean | void;
  /** Projection: only areas joined by this year, bins grown for (year - 1) years. */
  year?: number;
}

/** True for an already-validated Scenario (so callers may pass either raw JSON or parseScenario's output). */
function isParsed(x: unknown): x is Scenario {
  return typeof x === 'object' && x !== null && (x as Scenario).schema === SCENARIO_SCHEMA && typeof (x as Scenario).defaulted === 'object'
    && Array.isArray((x as Scenario).areas) && (x as Scenario).areas.every((a) => typeof a.fill === 'object');
}

export function runScenario(input: unknown, opt: RunOptions = {}): ScenarioResult {
  const s = isParsed(input) ? input : parseScenario(input);
  const years = s.horizon.years;
  const startup = s.horizon.startup_d;
  const days = startup + 365 * years;
  const toAD = s.destination === 'digester';
  const streams: FeedStreams | null = toAD ? feedStreams(s) : null;
  const schedule = deliverySchedule(s, days, {
    faeces_VS_FM: streams?.dog.VS_FM ?? DOG_VS_FM,
    ...(opt.year !== undefined ? { year: opt.year, growth_years: opt.year - 1 } : {}),
  });
  const warnings: string[] = [];
  let feed: DailyFeed | null = null, refFeed: DailyFeed | null = null;
  let gas: DailyGas | null = null, refGas: DailyGas | null = null;
  let sim: DigesterResult | null = null;
  let params: Record<string, number> = {};
  const collected_kg = schedule.collected_kg.reduce((a, b) => a + b, 0);
  if (collected_kg === 0) warnings.push(`no dog waste is collected: ${s.areas.length ? 'every area has no bins or an empty fill' : 'no areas'}${opt.year !== undefined ? ` in projection year ${opt.year}` : ''}, so the scenario has no dog waste to ${toAD ? 'digest' : 'dispose of'}`);
  if (toAD && streams) feed = dailyFeed(s, schedule, streams, 'all');
  // An unfed digester is not simulated: its inoculum alone would show gas and process warnings that mean nothing.
  const fed = feed !== null && feed.q_m3.some((q) => q > 0);
  if (toAD && streams && feed && fed) {
    warnings.push(...designChecks(s, feed, startup, days));
    // Hydrolysis rates of the mixture at its mean rates (src/feed), unless the file sets them.
    const meanDog_kg_d = schedule.fed_kg.reduce((a, b) => a + b, 0) / days;
    params = { ...mixtureHydrolysis([{ feedstock: streams.dog.record, kg_d: meanDog_kg_d }, ...streams.co.map((c) => ({ feedstock: c.influent.record, kg_d: c.spec.rate_kg_d }))]), ...s.digester.parameters };
    sim = simulate(s, feed, days, params, opt);
    gas = dailyGasOf(sim, days, s.digester.T_op_K);
    warnings.push(...sim.warnings.filter((w) => !w.startsWith('HRT ')).map((w) => `digester: ${w}`));
    if (s.co_substrates.some((c) => c.existing)) {
      refFeed = dailyFeed(s, schedule, streams, 'existing');
      const refParams = { ...mixtureHydrolysis(streams.co.filter((c) => c.spec.existing).map((c) => ({ feedstock: c.influent.record, kg_d: c.spec.rate_kg_d }))), ...s.digester.parameters };
      const ref = simulate(s, refFeed, days, refParams, {});
      refGas = dailyGasOf(ref, days, s.digester.T_op_K);
    }
    if (streams.dog.caveat) warnings.push(`dog faeces: ${streams.dog.caveat}`);
  }
  const accounts: AnnualAccount[] = [];
  const health: (Health & { year: number })[] = [];
  for (let y = 1; y <= years; y++) {
    const from_d = startup + 365 * (y - 1), to_d = startup + 365 * y;
    const acc = annualAccount({ scenario: s, schedule, feed, gas, referenceGas: refGas, referenceFeed: refFeed, year: y, from_d, to_d });
    accounts.push(acc);
    if (sim) {
      const h = healthOver(sim, from_d, to_d);
      health.push({ ...h, year: y });
      warnings.push(...healthWarnings(h, y));
    }
    warnings.push(...accountWarnings(s, acc));
  }
  checkFinite(accounts);
  return {
    name: s.name, comment: s.comment, destination: s.destination,
    annual: accounts[0]!, years: accounts,
    daily: dailySeries(schedule, feed, gas, sim, days),
    stability: health[0] ?? { ...emptyHealth(), year: 1 },
    warnings,
    assumptions: assumptionsOf(s),
    run: {
      days, startup_d: startup,
      model: sim?.stats.model ?? 'none (no digester)', model_version: sim?.stats.model_version ?? '',
      solver_steps: sim?.stats.steps ?? 0, initial_state: toAD ? DEFAULT_INITIAL_SOURCE : '', parameters: params,
    },
  };
}

/** Dog faeces VS per fresh mass when no digester is involved (only used for optional bin VS losses): 0.30 x 0.72. */
const DOG_VS_FM = 0.216;
/** Engine output samples per day: gas is integrated over them, so pulses from weekly deliveries are resolved. */
const SAMPLES_PER_DAY = 4;

function simulate(s: Scenario, feed: DailyFeed, days: number, parameters: Record<string, number>, opt: RunOptions): DigesterResult {
  const r = simulateDigester({
    digester: { V_liq_m3: s.digester.V_liq_m3, V_gas_m3: s.digester.V_gas_m3, T_op_K: s.digester.T_op_K },
    feed: feed.segments,
    parameters,
    days,
    output_every_d: 1 / SAMPLES_PER_DAY,
    onProgress: opt.onProgress ? (t) => opt.onProgress!(t, days) : undefined,
  });
  if (r.outcome !== 'done') throw new Error(`simulation of "${s.name}" stopped at day ${r.t_d[r.t_d.length - 1] ?? 0} of ${days}`);
  return r;
}

/** Sizing checks on the mean feed: a digester whose HRT is below methanogen washout is an error naming digester.V_liq. */
function designChecks(s: Scenario, feed: DailyFeed, from: number, to: number): string[] {
  const w: string[] = [];
  let q = 0, vs = 0;
  for (let i = from; i < to; i++) { q += feed.q_m3[i]!; vs += feed.VS_t[i]!; }
  const n = to - from;
  const meanQ = q / n;
  const V = s.digester.V_liq_m3;
  if (meanQ > 0) {
    const hrt = V / meanQ;
    if (hrt < dv('washout_hrt_d')) {
      throw new InputError('digester.V_liq', `${V} m3 gives a hydraulic retention time of ${hrt.toFixed(1)} d for the mean feed of ${meanQ.toFixed(2)} m3/d, shorter than methanogen washout (~${dv('washout_hrt_d')} d); expected at least ${Math.ceil(meanQ * dv('hrt_warn_d'))} m3`);
    }
    if (hrt < dv('hrt_warn_d')) w.push(`digester.V_liq: HRT ${hrt.toFixed(1)} d is short (below ${dv('hrt_warn_d')} d); a larger digester would be more stable`);
  } else {
    w.push('digester: no feed reaches the digester (no bins, or everything rejected)');
  }
  const olr = (vs * 1000) / n / V;
  if (olr > dv('olr_warn_kgVS_m3_d')) w.push(`digester.V_liq: organic loading ${olr.toFixed(1)} kg VS/m3/d is above ${dv('olr_warn_kgVS_m3_d')} (domain.md §6): risk of overload`);
  s.areas.forEach((a, i) => {
    const capacity = dv('bin_volume_L') * dv('bin_bulk_density_kg_L');
    const worst = a.fill.kind === 'per_emptying' ? a.fill.kg : a.fill.kg_d * (a.collection.frequency.kind === 'twice-weekly' ? 4 : intervalOf(a));
    if (worst > capacity) w.push(`areas[${i}].fill_per_bin: ${worst.toFixed(1)} kg per emptying is more than a ${dv('bin_volume_L')} L bin holds (~${capacity} kg): bins would overflow; collect more often`);
  });
  return w;
}

function intervalOf(a: Scenario['areas'][number]): number {
  const f = a.collection.frequency;
  return f.kind === 'weekly' ? 7 : f.kind === 'fortnightly' ? 14 : f.kind === 'every' ? f.every_d : 3.5;
}

function accountWarnings(s: Scenario, a: AnnualAccount): string[] {
  const w: string[] = [];
  if (s.destination === 'digester' && a.heat_deficit_kWh > 1) {
    w.push(`year ${a.year}: the CHP's heat covers ${Math.round((100 * (a.heat_demand_kWh - a.heat_deficit_kWh)) / Math.max(a.heat_demand_kWh, 1e-9))} % of the heat demand (digester${s.digester.pasteurisation.enabled ? ' + pasteuriser' : ''}); ${Math.round(a.heat_deficit_kWh).toLocaleString('en-GB')} kWh must come from elsewhere (not costed)`);
  }
  if (s.destination === 'digester' && a.electricity_net_kWh < 0) w.push(`year ${a.year}: parasitic load exceeds generation; the plant imports electricity`);
  return w;
}

/** No NaN or infinity may reach a user silently. */
function checkFinite(accounts: AnnualAccount[]): void {
  for (const a of accounts) {
    for (const [k, v] of Object.entries(a)) {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`internal error: year ${a.year} ${k} is ${v}`);
    }
  }
}

function dailySeries(sc: DeliverySchedule, feed: DailyFeed | null, gas: DailyGas | null, sim: DigesterResult | null, days: number): Record<string, Float64Array> {
  const t = Float64Array.from({ length: days }, (_, i) => i);
  const kgToT = (x: Float64Array) => x.map((v) => v / 1000);
  const out: Record<string, Float64Array> = {
    t_d: t,
    collected_t: kgToT(sc.collected_kg),
    dog_fed_t: kgToT(sc.fed_kg),
  };
  if (feed) { out.feed_t = feed.feed_t; out.feed_m3 = feed.q_m3; }
  if (gas) { out.methane_Nm3 = gas.methane_Nm3; out.biogas_Nm3 = gas.biogas_Nm3; }
  if (sim) {
    // One sample per day (the engine samples SAMPLES_PER_DAY times a day): the value at the start of each day.
    for (const name of ['pH', 'VFA_kgCOD_m3', 'free_nh3_mgN_L', 'I_nh3', 'ch4_fraction', 'S_IN']) {
      const src = sim.series[name];
      if (!src) continue;
      out[name] = Float64Array.from({ length: days }, (_, i) => src[Math.min(i * SAMPLES_PER_DAY, src.length - 1)]!);
    }
  }
  return out;
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
