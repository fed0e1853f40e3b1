// Typed, validated scenario (what parseScenario returns): every value in the unit its name says, defaults filled in.
import type { Feedstock } from '../../models/feedstocks/types.js';

export const SCENARIO_SCHEMA = 'adsim-scenario/1';

/** How often bins are emptied. Twice weekly empties on days 0 and 3 of each week. */
export type Frequency = { kind: 'twice-weekly' } | { kind: 'weekly' } | { kind: 'fortnightly' } | { kind: 'every'; every_d: number };

export interface CollectionSpec {
  frequency: Frequency;
  /** Day of the first collection (0 = first simulated day after start-up; 0-6 shifts rounds within the week). */
  first_day: number;
  round_km: number;
  distance_to_site_km: number;
  /** Vehicle emission per km, from fuel use x diesel factor or given directly. */
  vehicle_kgCO2e_km: number;
  cost_per_emptying_gbp: number;
}

/** Bin fill: a measured mass per emptying, or a steady rate per bin (so the mass per emptying follows the frequency). */
export type BinFill = { kind: 'per_emptying'; kg: number } | { kind: 'rate'; kg_d: number };

export interface AreaSpec {
  name: string;
  bins: number;
  /** Source of the fill estimate. */
  fill: BinFill;
  fill_source: 'measured' | 'estimated from dogs' | 'weighbridge';
  collection: CollectionSpec;
  /** Projection: the year (1 = first) in which this area joins. */
  joins_year: number;
}

export interface BagSpec {
  mass_fraction: number;
  type: 'plastic' | 'compostable';
}

export interface CoSubstrateSpec {
  feedstock: string;
  rate_kg_d: number;
  /** Already digested at the plant today: energy from it is not credited to this scenario (a reference run without the dog waste is subtracted). */
  existing: boolean;
  /** What the scenario pays per tonne for it (negative: a gate fee received). */
  cost_gbp_t: number;
}

export interface DigesterSpecScenario {
  V_liq_m3: number;
  V_gas_m3: number;
  T_op_K: number;
  /** Dilution water so the feed reaches this TS (fraction of fresh mass); 0 = no dilution. */
  feed_TS_target: number;
  pasteurisation: { enabled: boolean; T_C: number; hold_h: number; heat_recovery: number };
  /** Annual mean of the monthly ambient air temperatures (kept for scripts; the heat balance uses `heat`). */
  T_ambient_C: number;
  heat_loss_fraction: number;
  /** Seasonal heat balance inputs (src/accounting/heat.ts). */
  heat: HeatSpec;
  /** Gate fee paid to the plant operator per tonne of dog waste delivered (e.g. an existing plant). */
  gate_fee_gbp_t: number;
  /** Other yearly costs of the digester (capital repayment, operation); 0 = not included. */
  annual_cost_gbp: number;
  /** ADM1 parameter overrides. */
  parameters: Record<string, number>;
  /** Ammonia acclimation of the biomass: sets K_I_nh3 (unless `parameters` does) and the ammonia health thresholds. */
  acclimation: 'acclimated' | 'unacclimated';
  /** Kinetic rates at their 35 C (BSM2) values, or temperature-corrected to T_op (src/simulate/temperature.ts). */
  kinetics: '35C' | 'temperature-corrected';
}

export interface HeatSpec {
  /** Height-to-diameter ratio of the (cylindrical) digester. */
  H_D: number;
  U_wall_W_m2K: number;
  U_roof_W_m2K: number;
  U_floor_W_m2K: number;
  /** Twelve monthly means, January first (degC). */
  ambient_monthly_C: number[];
  feed_T_monthly_C: number[];
  water_T_monthly_C: number[];
  boiler_efficiency: number;
  gas_price_gbp_kWh: number;
  /** Set when the file gives digester.heat_loss: losses as that fraction of feed warming (the former method). */
  loss_fraction: number | null;
}

export interface GasUseSpec {
  kind: 'chp' | 'flare';
  eta_el: number;
  eta_th: number;
  parasitic_fraction: number;
  availability: number;
  methane_slip: number;
  heat_sold_fraction: number;
}

export interface TodayRouteSpec {
  kind: 'efw' | 'landfill';
  gate_fee_gbp_t: number;
  landfill_tax_gbp_t: number;
  kgCO2e_t: number;
}

export interface PricesSpec {
  export_gbp_kWh: number;
  heat_gbp_kWh: number;
}

/** CAPEX items a scenario may quote (GBP), in the order they are shown. */
export const CAPEX_ITEMS = ['digester', 'chp', 'pasteuriser', 'depackaging', 'reception', 'site_grid', 'development'] as const;
export type CapexItemName = (typeof CAPEX_ITEMS)[number];

/** Cost and appraisal inputs (all optional in the file; defaults in src/appraisal/defaults.ts). */
export interface EconomicsSpec {
  /** A quoted total CAPEX, GBP (overrides every item; not allowed with capex_items or the rates). */
  capex_lump_gbp: number | null;
  /** Quoted items, GBP (the others keep their scaled defaults). */
  capex_items_gbp: Partial<Record<CapexItemName, number>>;
  /** Whole-plant CAPEX rate per installed kWe, or per t/yr of capacity (replaces the item defaults). */
  capex_gbp_kWe: number | null;
  capex_gbp_t_yr: number | null;
  /** Capacity the per-tonne rate applies to, t/yr (default: the tonnes fed). */
  capacity_t_yr: number | null;
  /** Whether the waste goes to a plant that exists already (no CAPEX or OPEX: its gate fee covers them). */
  existing_plant: boolean;
  capex_digester_ref_gbp: number;
  capex_scale_exponent: number;
  capex_chp_ref_gbp: number;
  capex_pasteuriser_ref_gbp: number;
  capex_depackaging_ref_gbp: number;
  capex_reception_fraction: number;
  capex_site_grid_fraction: number;
  capex_development_fraction: number;
  optimism_bias_fraction: number;
  om_fraction: number;
  chp_maintenance_gbp_kWh: number;
  overhaul_fraction: number;
  overhaul_every_yr: number;
  labour_gbp_yr: number;
  /** economics.backup_heat_price as given (GBP per kWh of gas), or null; the figure used is digester.heat.gas_price_gbp_kWh. */
  backup_heat_price_gbp_kWh: number | null;
  lifetime_yr: number;
  /** null: the Green Book schedule (3.5 % to year 30, then 3.0 %); a number: that flat real rate. */
  discount_rate: number | null;
  carbon_value_2025_gbp_t: number;
  start_year: number;
  digestate: { use: 'fertiliser' | 'disposal'; value_gbp_t: number; disposal_gbp_t: number; storage_months: number };
}

export interface Scenario {
  schema: typeof SCENARIO_SCHEMA;
  name: string;
  comment: string;
  /** Where the collected dog waste goes in this scenario. */
  destination: 'digester' | 'today';
  areas: AreaSpec[];
  bags: BagSpec;
  reject_faeces_carryover: number;
  storage: { bin_vs_loss_per_d: number; reception_tank_d: number; tank_vs_loss_per_d: number };
  co_substrates: CoSubstrateSpec[];
  digester: DigesterSpecScenario;
  gas_use: GasUseSpec;
  today: TodayRouteSpec;
  prices: PricesSpec;
  grid_kgCO2e_kWh: number;
  heat_kgCO2e_kWh: number;
  home_kWh_yr: number;
  horizon: { startup_d: number; years: number };
  rollout: { years: number; bins_growth_per_yr: number };
  economics: EconomicsSpec;
  /** The feedstock library with the file's `feedstocks` overrides applied (absent: the built-in library). */
  feedstocks?: Feedstock[];
  /** Defaults used because the file did not set them (field path -> default name), for the assumptions list. */
  defaulted: Record<string, string>;
}
