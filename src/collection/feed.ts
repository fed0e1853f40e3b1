// Daily dog-waste feed + co-substrates + dilution water -> the piecewise-constant ADM1 feed table (one row per change).
import type { Scenario } from '../scenario/types.js';
import type { FeedSegment, InfluentState } from '../simulate/types.js';
import type { StateName } from '../../models/adm1/components.js';
import { feedstockInfluent, type FeedstockInfluent } from './influent.js';
import type { DeliverySchedule } from './schedule.js';

export const DOG_FEEDSTOCK = 'dog-faeces';

export interface FeedStreams {
  dog: FeedstockInfluent;
  co: { spec: Scenario['co_substrates'][number]; influent: FeedstockInfluent }[];
}

export interface DailyFeed {
  /** Fresh mass fed (dog waste + co-substrates, without water), t/d. */
  feed_t: Float64Array;
  dog_t: Float64Array;
  water_m3: Float64Array;
  q_m3: Float64Array;
  VS_t: Float64Array;
  /** Total solids fed (dog waste + co-substrates), t/d. */
  TS_t: Float64Array;
  COD_kg: Float64Array;
  N_kg: Float64Array;
  segments: FeedSegment[];
}

/** Looks up the influents once per scenario (unknown feedstocks fail here, naming the field). */
export function feedStreams(s: Scenario): FeedStreams {
  return {
    dog: feedstockInfluent(DOG_FEEDSTOCK, 'areas', s.feedstocks),
    co: s.co_substrates.map((spec, i) => ({ spec, influent: feedstockInfluent(spec.feedstock, `co_substrates[${i}].feedstock`, s.feedstocks) })),
  };
}

/** One day's mixture: masses (t), dilution water and flow (m3), loads, and the influent state. */
interface Mix { mass: number; ts: number; vs: number; cod: number; nKg: number; water: number; q: number; state: InfluentState; key: string }

function mix(s: Scenario, streams: FeedStreams, co: FeedStreams['co'], which: 'all' | 'existing', dog_t: number): Mix {
  const parts: { t: number; inf: FeedstockInfluent }[] = [];
  if (which === 'all') parts.push({ t: dog_t, inf: streams.dog });
  for (const c of co) parts.push({ t: c.spec.rate_kg_d / 1000, inf: c.influent });
  let mass = 0, ts = 0, q = 0, vs = 0, cod = 0, nKg = 0;
  const load: Record<string, number> = {};   // kg (or kmol) per day of each state
  for (const { t, inf } of parts) {
    if (t <= 0) continue;
    mass += t; ts += t * inf.TS; vs += t * inf.VS_FM; cod += t * inf.COD_kg_t; nKg += t * 1000 * inf.N_FM;
    const v = t * inf.m3_per_t;
    q += v;
    for (const [k, c] of Object.entries(inf.state)) load[k] = (load[k] ?? 0) + v * (c ?? 0);
  }
  // Dilution water brings the mixture down to the target TS (density of water: 1 t/m3); none if already wetter.
  const target = s.digester.feed_TS_target;
  const water = target > 0 && mass > 0 ? Math.max(0, ts / target - mass) : 0;
  q += water;
  const state: InfluentState = {};
  if (q > 0) for (const [k, l] of Object.entries(load)) state[k as StateName] = l / q;
  return { mass, ts, vs, cod, nKg, water, q, state, key: q.toPrecision(12) + JSON.stringify(state) };
}

/**
 * Builds the daily feed. `which` selects the streams: 'all', or 'existing' (only co-substrates the plant takes today,
 * for the reference run that isolates what the dog waste adds).
 */
export function dailyFeed(s: Scenario, schedule: DeliverySchedule, streams: FeedStreams, which: 'all' | 'existing' = 'all'): DailyFeed {
  const n = schedule.days;
  const z = () => new Float64Array(n);
  const out: DailyFeed = { feed_t: z(), dog_t: z(), water_m3: z(), q_m3: z(), VS_t: z(), TS_t: z(), COD_kg: z(), N_kg: z(), segments: [] };
  const co = streams.co.filter((c) => which === 'all' || c.spec.existing);
  // Co-substrates come at fixed rates, so a day's mixture depends only on the dog waste fed that day: each distinct
  // amount is mixed once (a year of weekly deliveries has a handful), not once per day.
  const mixes = new Map<number, Mix>();
  let prevKey = '';
  for (let day = 0; day < n; day++) {
    const dog_t = which === 'all' ? schedule.fed_kg[day]! / 1000 : 0;
    let m = mixes.get(dog_t);
    if (!m) { m = mix(s, streams, co, which, dog_t); mixes.set(dog_t, m); }
    out.feed_t[day] = m.mass;
    out.dog_t[day] = dog_t;
    out.water_m3[day] = m.water;
    out.q_m3[day] = m.q;
    out.VS_t[day] = m.vs;
    out.TS_t[day] = m.ts;
    out.COD_kg[day] = m.cod;
    out.N_kg[day] = m.nKg;
    // Consecutive identical days share one segment: fewer restarts for the solver.
    if (m.key !== prevKey) out.segments.push({ time_d: day, q_m3_d: m.q, state: { ...m.state } });
    prevKey = m.key;
  }
  return out;
}
