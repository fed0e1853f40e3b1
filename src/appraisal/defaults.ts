// Cost and appraisal defaults (CAPEX by item, OPEX, life, discounting, optimism bias, carbon values, digestate), each
// with unit, source key (docs/sources.md) and range. Spread into the scenario DEFAULTS table, so ranged ones are sampled.
//
// Prices are in the year each source quotes (2015-2022) and are not inflated; see docs/economics.md.

import { sourcedDefault as d, type Default } from '../scenario/default-value.js';

/** An economics default has the same shape as every other scenario default. */
export type EconDefault = Default;

export const ECONOMICS_DEFAULTS = {
  // --- CAPEX, scaled from a reference plant by a power law (cost ~ size^n) ---
  capex_digester_ref_gbp: d(75000, 'GBP for a 200 m3 digester with gas handling', '[ADcoUk2020]: a 200 m3 (~20 kWe) micro digester about £100,000 with its CHP; less the CHP item (estimate)', [60000, 150000], true),
  capex_digester_ref_m3: d(200, 'm3 (reference digester volume)', '[ADcoUk2020]'),
  capex_scale_exponent: d(0.65, 'exponent n (cost ~ size^n)', 'estimate: the usual 0.6-0.7 power law of process plant ([ADcoUk2020], [SavillsND] and [ADBAND] per-kW costs sit on it)', [0.6, 0.7], true),
  capex_chp_ref_gbp: d(25000, 'GBP for a 20 kWe biogas CHP', 'estimate from [LGAND] (£750-1,000/kWe natural-gas CHP) and [BuildingND] (£890/kW at 110 kW), with a small-engine premium', [15000, 35000], true),
  capex_chp_min_kWe: d(5, 'kWe (smallest CHP costed)', 'estimate: biogas engines smaller than ~5 kWe are not a stock product', [3, 10], true),
  capex_flare_gbp: d(10000, 'GBP for a flare or boiler (no CHP)', 'estimate: no sourced price', [5000, 20000], true),
  capex_pasteuriser_ref_gbp: d(450000, 'GBP for an 80,000 t/yr pasteuriser', '[HRS2015]: three-tank pasteuriser for 80-85 kt/yr about £450,000; scaled by feed tonnes (estimate below ~10 kt/yr)', [300000, 600000]),
  capex_pasteuriser_ref_t_yr: d(80000, 't/yr (reference pasteuriser throughput)', '[HRS2015]'),
  capex_depackaging_ref_gbp: d(25000, 'GBP for depackaging 1,000 t/yr of bagged waste', 'estimate: no price found for a small depackager or screen', [10000, 60000], true),
  capex_reception_fraction: d(0.1, 'fraction of the digester item', 'estimate: reception hopper or tank', [0.05, 0.2], true),
  capex_site_grid_fraction: d(0.2, 'fraction of the plant items', 'estimate: groundworks, fencing, G98/G99 grid connection', [0.1, 0.3], true),
  capex_development_fraction: d(0.125, 'fraction of the other items', '[ADcoUk2020]: feasibility, planning and licences add 12.5 %', [0.1, 0.2]),
  optimism_bias_fraction: d(0.66, 'fraction of CAPEX', '[MottMacDonald2002]: non-standard civil engineering, upper bound 66 % (lower 6 %); equipment/development up to 200 %', [0.06, 0.66]),

  // --- OPEX ---
  om_fraction: d(0.025, 'fraction of CAPEX a year', '[BywaterKuschBrandt2022]: digester O&M 2.5 % of capital a year (2-3 %)', [0.02, 0.03]),
  chp_maintenance_gbp_kWh: d(0.017, 'GBP/kWh generated', '[BywaterKuschBrandt2022]: CHP O&M £0.017/kWh (0.0075-0.03)', [0.0075, 0.03]),
  overhaul_fraction: d(0.5, 'fraction of the CHP item', 'estimate: engine overhaul or replacement every 10 years ([BuildingND]: engine life 10-20 years)', [0.3, 1], true),
  overhaul_every_yr: d(10, 'years', '[BuildingND]: gas-engine life 10-20 years', [10, 20]),
  // The backup-boiler gas price is one figure for the heat balance and the appraisal: gas_price_gbp_kWh in
  // src/scenario/defaults.ts (economics.backup_heat_price is read as an alias of digester.heating.gas_price).

  // --- appraisal ---
  lifetime_yr: d(20, 'years', 'estimate: no sourced AD plant life; CHP engines 10-20 years [BuildingND], tariffs run 20 years', [15, 25], true),
  discount_rate: d(0.035, 'fraction a year (real)', '[HMT2022]: Green Book social time preference rate 3.5 % for years 0-30, 3.0 % for 31-75'),
  carbon_value_2025_gbp_t: d(273.06, 'GBP(2022)/t CO2e', '[DESNZ2023]: central appraisal carbon value 2025 (low 136.53, high 409.60); 294.50 in 2030', [136.53, 409.6]),
  start_year: d(2026, 'calendar year of year 0 (build)', 'estimate: the next financial year'),

  // --- digestate ---
  digestate_value_gbp_t: d(2, 'GBP per t of whole digestate', '[FarmingConnectND]: farmer paid £2/t including spreading (nutrients worth about £5/t)', [0, 5]),
  digestate_disposal_gbp_t: d(20, 'GBP per t of whole digestate', 'estimate: tankered to a treatment works; no sourced disposal price', [10, 40], true),
  digestate_storage_months: d(6, 'months', 'estimate: closed-period storage for spreading on land (5-6 months)', [5, 6], true),
} as const satisfies Record<string, EconDefault>;

export type EconDefaultName = keyof typeof ECONOMICS_DEFAULTS;

export const ev = (name: EconDefaultName): number => ECONOMICS_DEFAULTS[name].value;
