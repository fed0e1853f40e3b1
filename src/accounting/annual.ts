// One year's account of a scenario: tonnes, gas, kWh, homes, t CO2e and GBP, from the schedule, feed and gas series.
//
// Convention (documented in docs/scenarios.md): each scenario counts its own flows. Waste still sent to today's
// route (all of it in the baseline; the depackaging reject otherwise) carries today's gate fee, tax and emission
// factor. "Avoided" lines are memo items: what the waste diverted from today's route would have cost and emitted
// there; they are already reflected in the lower disposal lines and are not subtracted again in the net.
import { dv } from '../scenario/defaults.js';
import type { Scenario } from '../scenario/types.js';
import type { DailyFeed } from '../collection/feed.js';
import { sumRange, type DeliverySchedule } from '../collection/schedule.js';
import { energyBlock, subtractBlocks, type EnergyBlock } from './energy.js';
import { digestateOf, subtractDigestate } from './digestate.js';
import { heatYear, sum12, type HeatYear } from './heat.js';

/** Daily gas volumes at normal conditions (0 C, 1.01325 bar), one value per simulated day; biogas is DRY. */
export interface DailyGas {
  methane_Nm3: Float64Array;
  biogas_Nm3: Float64Array;
  /** The same biogas with its water vapour (wet basis), for comparison with figures published wet. */
  biogas_wet_Nm3?: Float64Array;
}

export interface AnnualAccount {
  year: number;
  days: number;
  // waste and feed
  dog_waste_collected_t: number;
  bags_t: number;
  reject_t: number;
  to_today_route_t: number;
  dog_waste_fed_t: number;
  co_substrates_t: number;
  feed_t: number;
  dilution_water_m3: number;
  feed_m3: number;
  feed_VS_t: number;
  feed_COD_t: number;
  feed_N_t: number;
  HRT_d: number;
  OLR_kgVS_m3_d: number;
  // digestate (attributed like the gas: what the dog waste adds at an existing plant)
  digestate_wet_t: number;
  digestate_dry_t: number;
  digestate_N_t: number;
  digestate_N_available_t: number;
  // gas and energy (attributed to this scenario: marginal over an existing plant's own feed when there is one)
  /** Dry biogas at 0 C, 1.01325 bar (the lab and gas-meter basis; the contract key, dry since issue 12). */
  biogas_Nm3: number;
  /** The same figure under a name that states its basis. */
  biogas_dry_Nm3: number;
  /** Wet biogas (water vapour included) at 0 C, 1.01325 bar: what biogas_Nm3 meant before (memo). */
  biogas_wet_Nm3: number;
  methane_Nm3: number;
  methane_plant_total_Nm3: number;
  ch4_energy_kWh: number;
  electricity_gross_kWh: number;
  parasitic_kWh: number;
  electricity_net_kWh: number;
  heat_kWh: number;
  heat_demand_kWh: number;
  heat_used_kWh: number;
  heat_sold_kWh: number;
  heat_deficit_kWh: number;
  /** Parts of the heat demand (seasonal balance, src/accounting/heat.ts). */
  heat_feed_warming_kWh: number;
  heat_pasteuriser_kWh: number;
  heat_losses_kWh: number;
  /** Gas a backup boiler burns for the months the CHP's heat falls short, and what it costs (not in cost_net_gbp). */
  backup_gas_kWh: number;
  backup_heat_cost_gbp: number;
  homes_equivalent: number;
  // carbon, t CO2e (positive = emitted)
  co2e_transport_t: number;
  co2e_disposal_t: number;
  co2e_methane_slip_t: number;
  co2e_avoided_grid_t: number;
  co2e_avoided_heat_t: number;
  co2e_avoided_disposal_t: number;
  co2e_net_t: number;
  // money, GBP (positive = cost)
  collection_cost_gbp: number;
  disposal_cost_gbp: number;
  ad_gate_fee_gbp: number;
  /** The digester's operating cost (OPEX estimate, or digester.annual_cost when given); set by the appraisal stage. */
  digester_cost_gbp: number;
  /** CAPEX (with optimism bias and engine overhauls) annualised over the plant life; set by the appraisal stage. */
  capex_annualised_gbp: number;
  /** Digestate disposal cost (positive) or fertiliser value (negative); set by the appraisal stage. */
  digestate_cost_gbp: number;
  co_substrate_cost_gbp: number;
  electricity_revenue_gbp: number;
  heat_revenue_gbp: number;
  avoided_gate_fees_gbp: number;
  avoided_tax_gbp: number;
  cost_net_gbp: number;
  // collection effort
  emptyings: number;
  rounds: number;
  vehicle_km: number;
}

export interface AccountInput {
  scenario: Scenario;
  schedule: DeliverySchedule;
  feed: DailyFeed | null;
  gas: DailyGas | null;
  /** Gas of the reference run (existing feed only), when the scenario adds dog waste to an existing plant. */
  referenceGas?: DailyGas | null;
  referenceFeed?: DailyFeed | null;
  year: number;
  from_d: number;
  to_d: number;
  /** Ammonium N as a share of total N leaving the digester (from the simulation), for the readily available N. */
  ammonium_fraction?: number;
}

export function annualAccount(a: AccountInput): AnnualAccount {
  const { scenario: s, schedule: sc, feed, gas, from_d, to_d } = a;
  const days = to_d - from_d;
  const sum = (x: Float64Array | undefined) => (x ? sumRange(x, from_d, to_d) : 0);
  const t = (kg: number) => kg / 1000;
  const collected = t(sum(sc.collected_kg));
  const bags = t(sum(sc.bags_kg));
  const rejectFaeces = t(sum(sc.reject_faeces_kg));
  const toToday = t(sum(sc.to_today_kg));
  const fedDog = t(sum(sc.fed_kg));
  const feedT = sum(feed?.feed_t);
  const feed_m3 = sum(feed?.q_m3);
  const VS = sum(feed?.VS_t);

  const toAD = s.destination === 'digester';
  const coT = toAD ? s.co_substrates.reduce((acc, c) => acc + (c.rate_kg_d / 1000) * days, 0) : 0;
  const methaneTotal = sum(gas?.methane_Nm3);
  // Heat lines come from the month-by-month balance (a month's surplus does not cover another month's deficit).
  const heat = accountHeat(a);
  let energy: EnergyBlock = withHeat(s, energyBlock(s, toAD ? methaneTotal : 0, toAD ? feed_m3 : 0), toAD ? heat.all : null);
  let biogas = sum(gas?.biogas_Nm3);
  let biogasWet = sum(gas?.biogas_wet_Nm3);
  if (toAD && a.referenceGas) {
    const refFeed_m3 = sum(a.referenceFeed?.q_m3);
    energy = subtractBlocks(energy, withHeat(s, energyBlock(s, sum(a.referenceGas.methane_Nm3), refFeed_m3), heat.ref));
    biogas -= sum(a.referenceGas.biogas_Nm3);
    biogasWet -= sum(a.referenceGas.biogas_wet_Nm3);
  }
  const heatPart = (k: 'feed_warming_kWh' | 'pasteuriser_kWh' | 'backup_gas_kWh' | 'backup_heat_cost_gbp') =>
    toAD ? sum12(heat.all[k]) - (heat.ref ? sum12(heat.ref[k]) : 0) : 0;
  const losses = (h: HeatYear | null) => (h ? sum12(h.wall_roof_loss_kWh) + sum12(h.floor_loss_kWh) : 0);

  const EF_t = s.today.kgCO2e_t / 1000;
  const diverted = collected - toToday;
  const co2e_transport_t = t(sum(sc.vehicle_kgCO2e));
  const co2e_disposal_t = toToday * EF_t;
  const co2e_methane_slip_t = t(energy.methane_slip_Nm3 * dv('ch4_density_kg_Nm3') * dv('ch4_gwp100'));
  const co2e_avoided_grid_t = t(energy.electricity_net_kWh * s.grid_kgCO2e_kWh);
  const co2e_avoided_heat_t = t(energy.heat_sold_kWh * s.heat_kgCO2e_kWh);

  const collection_cost_gbp = sum(sc.collection_cost_gbp);
  const disposal_cost_gbp = toToday * (s.today.gate_fee_gbp_t + s.today.landfill_tax_gbp_t);
  const ad_gate_fee_gbp = toAD ? collected * s.digester.gate_fee_gbp_t : 0;
  const digester_cost_gbp = toAD ? (s.digester.annual_cost_gbp * days) / 365 : 0;
  const co_substrate_cost_gbp = toAD
    ? s.co_substrates.filter((c) => !c.existing).reduce((acc, c) => acc + (c.rate_kg_d / 1000) * days * c.cost_gbp_t, 0)
    : 0;
  const electricity_revenue_gbp = energy.electricity_net_kWh * s.prices.export_gbp_kWh;
  const heat_revenue_gbp = energy.heat_sold_kWh * s.prices.heat_gbp_kWh;
  const meanQ = feed_m3 / days;
  let dig = digestateOf(toAD ? feed : null, toAD ? gas : null, from_d, to_d);
  if (toAD && a.referenceFeed) dig = subtractDigestate(dig, digestateOf(a.referenceFeed, a.referenceGas, from_d, to_d));

  return {
    year: a.year, days,
    dog_waste_collected_t: collected, bags_t: bags, reject_t: toAD ? bags + rejectFaeces : 0, to_today_route_t: toToday,
    dog_waste_fed_t: fedDog, co_substrates_t: coT, feed_t: feedT, dilution_water_m3: sum(feed?.water_m3),
    feed_m3, feed_VS_t: VS, feed_COD_t: t(sum(feed?.COD_kg)), feed_N_t: t(sum(feed?.N_kg)),
    HRT_d: toAD && meanQ > 0 ? s.digester.V_liq_m3 / meanQ : 0,
    OLR_kgVS_m3_d: toAD ? (VS * 1000) / days / s.digester.V_liq_m3 : 0,
    digestate_wet_t: dig.wet_t, digestate_dry_t: dig.dry_t, digestate_N_t: dig.N_t,
    digestate_N_available_t: dig.N_t * Math.min(1, Math.max(0, a.ammonium_fraction ?? 0)),
    biogas_Nm3: toAD ? biogas : 0,
    biogas_dry_Nm3: toAD ? biogas : 0,
    biogas_wet_Nm3: toAD ? biogasWet : 0,
    methane_Nm3: energy.methane_Nm3,
    methane_plant_total_Nm3: toAD ? methaneTotal : 0,
    ch4_energy_kWh: energy.ch4_energy_kWh,
    electricity_gross_kWh: energy.electricity_gross_kWh,
    parasitic_kWh: energy.parasitic_kWh,
    electricity_net_kWh: energy.electricity_net_kWh,
    heat_kWh: energy.heat_kWh,
    heat_demand_kWh: energy.heat_demand_kWh,
    heat_used_kWh: energy.heat_used_kWh,
    heat_sold_kWh: energy.heat_sold_kWh,
    heat_deficit_kWh: energy.heat_deficit_kWh,
    heat_feed_warming_kWh: heatPart('feed_warming_kWh'),
    heat_pasteuriser_kWh: heatPart('pasteuriser_kWh'),
    heat_losses_kWh: toAD ? losses(heat.all) - losses(heat.ref) : 0,
    backup_gas_kWh: heatPart('backup_gas_kWh'),
    backup_heat_cost_gbp: heatPart('backup_heat_cost_gbp'),
    homes_equivalent: (energy.electricity_net_kWh * 365) / days / s.home_kWh_yr,
    co2e_transport_t, co2e_disposal_t, co2e_methane_slip_t, co2e_avoided_grid_t, co2e_avoided_heat_t,
    co2e_avoided_disposal_t: diverted * EF_t,
    co2e_net_t: co2e_transport_t + co2e_disposal_t + co2e_methane_slip_t - co2e_avoided_grid_t - co2e_avoided_heat_t,
    collection_cost_gbp, disposal_cost_gbp, ad_gate_fee_gbp, digester_cost_gbp, capex_annualised_gbp: 0, digestate_cost_gbp: 0, co_substrate_cost_gbp,
    electricity_revenue_gbp, heat_revenue_gbp,
    avoided_gate_fees_gbp: diverted * s.today.gate_fee_gbp_t,
    avoided_tax_gbp: diverted * s.today.landfill_tax_gbp_t,
    cost_net_gbp: collection_cost_gbp + disposal_cost_gbp + ad_gate_fee_gbp + digester_cost_gbp + co_substrate_cost_gbp
      - electricity_revenue_gbp - heat_revenue_gbp,
    emptyings: sum(sc.emptyings), rounds: sum(sc.rounds), vehicle_km: sum(sc.vehicle_km),
  };
}

/** The year's heat balance for the whole feed and, at a plant that already runs, for its own feed alone. */
export function accountHeat(a: AccountInput): { all: HeatYear; ref: HeatYear | null } {
  const base = { scenario: a.scenario, year: a.year, from_d: a.from_d, to_d: a.to_d };
  const all = heatYear({ ...base, q_m3: a.feed?.q_m3, water_m3: a.feed?.water_m3, methane_Nm3: a.gas?.methane_Nm3 });
  const ref = a.referenceGas && a.referenceFeed
    ? heatYear({ ...base, q_m3: a.referenceFeed.q_m3, water_m3: a.referenceFeed.water_m3, methane_Nm3: a.referenceGas.methane_Nm3 })
    : null;
  return { all, ref };
}

/** An energy block whose heat lines are the monthly balance's sums (surplus sold at the scenario's fraction). */
function withHeat(s: Scenario, e: EnergyBlock, h: HeatYear | null): EnergyBlock {
  if (!h) return e;
  const demand = sum12(h.demand_kWh), covered = sum12(h.covered_kWh), sold = sum12(h.surplus_kWh) * s.gas_use.heat_sold_fraction;
  return { ...e, heat_demand_kWh: demand, heat_used_kWh: covered + sold, heat_sold_kWh: sold, heat_deficit_kWh: demand - covered };
}
