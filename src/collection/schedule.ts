// Bins -> rounds -> depackaging -> reception tank -> daily dog-waste feed: the delivery schedule, day by day, in kg fresh mass.
//
// Mass balance (tested): collected = bags + faeces; faeces = faeces in reject + faeces delivered + VS lost in bins;
// delivered = fed + VS lost in the tank + left in the tank at the end. Reject (bags + carried-over faeces) goes to
// today's route. With destination "today" everything collected goes there and nothing is fed.
import type { Scenario } from '../scenario/types.js';
import { collectionDays } from './days.js';

export interface DeliverySchedule {
  days: number;
  /** Bin contents emptied (faeces + bags), kg/d. */
  collected_kg: Float64Array;
  bags_kg: Float64Array;
  /** Faeces carried out with the bags at depackaging, kg/d. */
  reject_faeces_kg: Float64Array;
  /** Everything sent to today's route (landfill/EfW), kg/d: the reject, or all of it when nothing goes to AD. */
  to_today_kg: Float64Array;
  /** Depackaged faeces arriving at the digester's reception, kg/d. */
  delivered_kg: Float64Array;
  /** Dog waste entering the digester, kg/d (after the reception tank). */
  fed_kg: Float64Array;
  /** Fresh mass lost as VS (to gas) while in the bins and the tank, kg/d. */
  lost_bin_kg: Float64Array;
  lost_tank_kg: Float64Array;
  /** Left in the reception tank after the last day, kg. */
  in_tank_end_kg: number;
  emptyings: Float64Array;
  rounds: Float64Array;
  vehicle_km: Float64Array;
  vehicle_kgCO2e: Float64Array;
  collection_cost_gbp: Float64Array;
}

export interface ScheduleOptions {
  /** Volatile solids per fresh mass of dog faeces (TS x VS/TS), to turn VS losses into fresh-mass losses. */
  faeces_VS_FM: number;
  /** Year index for bin growth in projections (0 = as given). */
  growth_years?: number;
  /** Only areas that have joined by this projection year (default: all). */
  year?: number;
}

/** Builds the day-by-day schedule for `days` simulated days (start-up included). Pure function of its inputs. */
export function deliverySchedule(s: Scenario, days: number, opt: ScheduleOptions): DeliverySchedule {
  const z = () => new Float64Array(days);
  const out: DeliverySchedule = {
    days, collected_kg: z(), bags_kg: z(), reject_faeces_kg: z(), to_today_kg: z(), delivered_kg: z(), fed_kg: z(),
    lost_bin_kg: z(), lost_tank_kg: z(), in_tank_end_kg: 0, emptyings: z(), rounds: z(), vehicle_km: z(),
    vehicle_kgCO2e: z(), collection_cost_gbp: z(),
  };
  const growth = Math.pow(1 + s.rollout.bins_growth_per_yr, opt.growth_years ?? 0);
  const toAD = s.destination === 'digester';
  for (const area of s.areas) {
    if (opt.year !== undefined && area.joins_year > opt.year) continue;
    const bins = Math.round(area.bins * growth);
    if (bins === 0) continue;
    const c = area.collection;
    for (const { day, filling_d } of collectionDays(c.frequency, c.first_day, days)) {
      const perBin = area.fill.kind === 'per_emptying' ? area.fill.kg : area.fill.kg_d * filling_d;
      const collected = perBin * bins;
      const bags = collected * s.bags.mass_fraction;
      // VS decays in the bin for, on average, half the filling interval (first order, default rate 0: not modelled).
      const faecesIn = collected - bags;
      const lostBin = faecesIn * opt.faeces_VS_FM * (1 - Math.exp(-s.storage.bin_vs_loss_per_d * filling_d / 2));
      const faeces = faecesIn - lostBin;
      out.collected_kg[day]! += collected;
      out.bags_kg[day]! += bags;
      out.lost_bin_kg[day]! += lostBin;
      if (toAD) {
        const rejectFaeces = faeces * s.reject_faeces_carryover;
        out.reject_faeces_kg[day]! += rejectFaeces;
        out.to_today_kg[day]! += bags + rejectFaeces;
        out.delivered_kg[day]! += faeces - rejectFaeces;
      } else {
        out.to_today_kg[day]! += bags + faeces;
      }
      const km = c.round_km + 2 * c.distance_to_site_km;
      out.emptyings[day]! += bins;
      out.rounds[day]! += 1;
      out.vehicle_km[day]! += km;
      out.vehicle_kgCO2e[day]! += km * c.vehicle_kgCO2e_km;
      out.collection_cost_gbp[day]! += bins * c.cost_per_emptying_gbp;
    }
  }
  if (toAD) smoothThroughTank(s, out, opt.faeces_VS_FM);
  return out;
}

/** Each delivery is fed out evenly over the tank's residence days (0 or 1: fed the day it arrives). */
function smoothThroughTank(s: Scenario, out: DeliverySchedule, vsFm: number): void {
  const spread = Math.max(1, Math.round(s.storage.reception_tank_d));
  const k = s.storage.tank_vs_loss_per_d;
  for (let day = 0; day < out.days; day++) {
    const m = out.delivered_kg[day]!;
    if (m === 0) continue;
    for (let j = 0; j < spread; j++) {
      const share = m / spread;
      // A share fed j days after arrival has lost VS for j days.
      const lost = share * vsFm * (1 - Math.exp(-k * j));
      if (day + j < out.days) {
        out.fed_kg[day + j]! += share - lost;
        out.lost_tank_kg[day + j]! += lost;
      } else {
        out.in_tank_end_kg += share;
      }
    }
  }
}

/** Sums a daily series over [from, to). */
export function sumRange(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i < Math.min(to, x.length); i++) s += x[i]!;
  return s;
}
