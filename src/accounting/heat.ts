// Seasonal heat balance of a digester, month by month: feed and dilution-water warming, pasteuriser (net of heat
// recovery), wall/roof losses to the month's air and floor losses to the annual mean air temperature, against the
// CHP's heat; the deficit a backup boiler covers, its gas and its cost.
//
// Method: heating power = feed warming (flow x c_p x rise) + losses through walls, roof and floor (U x A x dT)
// ([Wellinger2013], after Eder & Schulz 2006); a floor on the ground loses heat towards the annual mean air
// temperature ([BSEN12831]). Each accounting year starts on 1 January; heat is balanced within each month (a month's
// surplus does not cover another month's deficit).
import { dv } from '../scenario/defaults.js';
import type { Scenario } from '../scenario/types.js';
import { MONTHS, MONTH_DAYS, monthOfDay } from './climate.js';

export interface DigesterGeometry {
  /** Liquid + headspace volume as one vertical cylinder. */
  volume_m3: number;
  height_to_diameter: number;
  diameter_m: number;
  height_m: number;
  wall_m2: number;
  roof_m2: number;
  floor_m2: number;
}

/** A vertical cylinder holding V_liq + V_gas at the stated height-to-diameter ratio. */
export function geometryOf(s: Scenario): DigesterGeometry {
  const V = s.digester.V_liq_m3 + s.digester.V_gas_m3;
  const r = s.digester.heat.H_D;
  const D = Math.cbrt((4 * V) / (Math.PI * r));
  const H = r * D;
  const disc = (Math.PI * D * D) / 4;
  return { volume_m3: V, height_to_diameter: r, diameter_m: D, height_m: H, wall_m2: Math.PI * D * H, roof_m2: disc, floor_m2: disc };
}

/** Twelve monthly values (kWh unless the name says otherwise), January first. */
export interface HeatYear {
  year: number;
  months: readonly string[];
  days: number[];
  ambient_C: number[];
  feed_in_C: number[];
  feed_warming_kWh: number[];
  pasteuriser_kWh: number[];
  wall_roof_loss_kWh: number[];
  floor_loss_kWh: number[];
  demand_kWh: number[];
  chp_heat_kWh: number[];
  covered_kWh: number[];
  surplus_kWh: number[];
  deficit_kWh: number[];
  backup_gas_kWh: number[];
  backup_heat_cost_gbp: number[];
  geometry: DigesterGeometry;
  /** What the balance assumed (U-values, boiler, gas price), for the assumptions list and the docs. */
  basis: { U_wall_W_m2K: number; U_roof_W_m2K: number; U_floor_W_m2K: number; boiler_efficiency: number; gas_price_gbp_kWh: number; loss_method: 'U-values' | 'fraction of feed warming' };
}

export interface HeatInput {
  scenario: Scenario;
  /** Daily feed volume and its dilution water (m3/d), over the whole run. */
  q_m3?: Float64Array;
  water_m3?: Float64Array;
  /** Daily methane (Nm3/d) over the whole run. */
  methane_Nm3?: Float64Array;
  year: number;
  from_d: number;
  to_d: number;
}

const zeros = () => new Array<number>(12).fill(0);

/** kWh of CHP heat per Nm3 of methane produced (after slip, availability and thermal efficiency; 0 when flared). */
export function chpHeat_kWh_per_Nm3(s: Scenario): number {
  const g = s.gas_use;
  return g.kind === 'chp' ? (1 - g.methane_slip) * dv('ch4_LHV_kWh_Nm3') * g.availability * g.eta_th : 0;
}

export function heatYear(h: HeatInput): HeatYear {
  const s = h.scenario, d = s.digester, hs = d.heat;
  const geo = geometryOf(s);
  const c = dv('water_heat_kWh_m3_K');
  const T_op = d.T_op_K - 273.15;
  const annualAir = hs.ambient_monthly_C.reduce((a, b) => a + b, 0) / 12;
  const out: HeatYear = {
    year: h.year, months: MONTHS, days: zeros(), ambient_C: [...hs.ambient_monthly_C], feed_in_C: zeros(),
    feed_warming_kWh: zeros(), pasteuriser_kWh: zeros(), wall_roof_loss_kWh: zeros(), floor_loss_kWh: zeros(),
    demand_kWh: zeros(), chp_heat_kWh: zeros(), covered_kWh: zeros(), surplus_kWh: zeros(), deficit_kWh: zeros(),
    backup_gas_kWh: zeros(), backup_heat_cost_gbp: zeros(), geometry: geo,
    basis: {
      U_wall_W_m2K: hs.U_wall_W_m2K, U_roof_W_m2K: hs.U_roof_W_m2K, U_floor_W_m2K: hs.U_floor_W_m2K,
      boiler_efficiency: hs.boiler_efficiency, gas_price_gbp_kWh: hs.gas_price_gbp_kWh,
      loss_method: hs.loss_fraction === null ? 'U-values' : 'fraction of feed warming',
    },
  };
  const digesting = s.destination === 'digester' && h.q_m3 !== undefined;
  const inVolume = zeros();
  const heatPerNm3 = chpHeat_kWh_per_Nm3(s);
  for (let day = h.from_d; day < h.to_d; day++) {
    const m = monthOfDay(day - h.from_d);
    out.days[m]!++;
    if (!digesting) continue;
    const q = h.q_m3![day] ?? 0, w = Math.min(q, h.water_m3?.[day] ?? 0);
    const T_in = q > 0 ? ((q - w) * hs.feed_T_monthly_C[m]! + w * hs.water_T_monthly_C[m]!) / q : hs.feed_T_monthly_C[m]!;
    out.feed_in_C[m]! += q * T_in; inVolume[m]! += q;
    let T_dig_in = T_in;
    if (d.pasteurisation.enabled) {
      // Feed heated to T_past; the hot product warms the incoming feed by `heat_recovery` of the difference.
      const rec = d.pasteurisation.heat_recovery;
      out.pasteuriser_kWh[m]! += q * c * Math.max(0, d.pasteurisation.T_C - T_in) * (1 - rec);
      T_dig_in = d.pasteurisation.T_C - rec * (d.pasteurisation.T_C - T_in);
    }
    out.feed_warming_kWh[m]! += q * c * Math.max(0, T_op - T_dig_in);
    if (hs.loss_fraction !== null) {
      out.wall_roof_loss_kWh[m]! += q * c * Math.max(0, T_op - T_in) * hs.loss_fraction;
    } else {
      const kWh_per_K = 24 / 1000;   // W/K over a day -> kWh/K
      out.wall_roof_loss_kWh[m]! += (hs.U_wall_W_m2K * geo.wall_m2 + hs.U_roof_W_m2K * geo.roof_m2) * Math.max(0, T_op - hs.ambient_monthly_C[m]!) * kWh_per_K;
      out.floor_loss_kWh[m]! += hs.U_floor_W_m2K * geo.floor_m2 * Math.max(0, T_op - annualAir) * kWh_per_K;
    }
    out.chp_heat_kWh[m]! += (h.methane_Nm3?.[day] ?? 0) * heatPerNm3;
  }
  for (let m = 0; m < 12; m++) {
    out.feed_in_C[m] = inVolume[m]! > 0 ? out.feed_in_C[m]! / inVolume[m]! : hs.feed_T_monthly_C[m]!;
    const demand = out.feed_warming_kWh[m]! + out.pasteuriser_kWh[m]! + out.wall_roof_loss_kWh[m]! + out.floor_loss_kWh[m]!;
    out.demand_kWh[m] = demand;
    out.covered_kWh[m] = Math.min(demand, out.chp_heat_kWh[m]!);
    out.surplus_kWh[m] = out.chp_heat_kWh[m]! - out.covered_kWh[m]!;
    out.deficit_kWh[m] = demand - out.covered_kWh[m]!;
    out.backup_gas_kWh[m] = out.deficit_kWh[m]! / hs.boiler_efficiency;
    out.backup_heat_cost_gbp[m] = out.backup_gas_kWh[m]! * hs.gas_price_gbp_kWh;
  }
  return out;
}

export const sum12 = (x: readonly number[]): number => x.reduce((a, b) => a + b, 0);
