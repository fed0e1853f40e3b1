// Every default a scenario uses, each with its unit, source, range and estimate flag.
//
// Sources cite keys in docs/sources.md ([Key]); an estimate names its method and the docs section that derives it
// (docs/scenarios.md, "Derived defaults").
// A scenario file may override any of these; the run's `assumptions` lists the ones it fell back on.

import { ECONOMICS_DEFAULTS } from '../appraisal/defaults.js';
import { sourcedDefault as d, type Default } from './default-value.js';

export type { Default };

export const DEFAULTS = {
  // --- where the waste comes from ---
  faeces_kg_dog_d: d(0.2, 'kg FM/dog/d', 'published 0.11-0.37 kg/dog/d: 0.34 [Lovering2018], UK >1,000 t/d for 8-9 M dogs [DogsTrust]; 0.20 from feed intake x faecal fraction (docs/scenarios.md, Derived defaults)', [0.12, 0.37], true),
  pickup_fraction: d(0.8, 'fraction', '70-90 % of owners pick up: 92 % say they never leave it [DogsTrust2025], polls where ~25 % admit not picking up are lower (docs/scenarios.md, Derived defaults)', [0.7, 0.9], true),
  binning_fraction: d(0.3, 'fraction', '10-50 % of picked-up waste reaches dedicated dog bins, site-dependent; councils promote "any bin will do" (docs/scenarios.md, Derived defaults)', [0.1, 0.5], true),
  fill_kg_bin_week: d(2.5, 'kg/bin/week', '[RCT2015], [RCTND]: Rhondda Cynon Taf 71-114 t/yr from 1,000 bins, about 1.4-2.2 kg/bin/week if emptied weekly; [BlaenauGwent2023]: about 14 kg/bin/week at the Covid peak (1 t/day, 491 bins)', [1, 14], true),
  bin_volume_L: d(35, 'L', '[DacorumBC]: "dog waste bins hold 35 litres"', [25, 60]),
  bin_bulk_density_kg_L: d(0.4, 'kg/L', 'bulk density of bagged faeces in a full bin 0.3-0.5 kg/L, no measurement found (docs/scenarios.md, Derived defaults)', [0.3, 0.5], true),

  // --- collection ---
  round_km: d(30, 'km per round', 'estimate: a van round of a few dozen bins; no UK data', [10, 80], true),
  distance_to_site_km: d(15, 'km one way', 'estimate: depot/bins to the treatment site', [5, 50], true),
  fuel_L_100km: d(10, 'L/100 km', 'small diesel vans 8-12 L/100 km: literature ballpark, no primary source traced', [8, 12], true),
  diesel_kgCO2e_L: d(2.51, 'kg CO2e/L', '[DESNZ2024] Fuels: diesel (average biofuel blend) 2.51; 100 % mineral diesel 2.66', [2.51, 2.66]),
  cost_per_emptying_gbp: d(3.75, 'GBP per bin emptying', '[CaldicotTC2017]: £3.39 per empty, £3.75 from April 2018; other councils £1.44 (Stroud parish, £75/yr weekly) to about £5 (Somerset West & Taunton, twice weekly), as reported in local news, not re-checked', [1.44, 5]),

  // --- bags and depackaging ---
  bag_mass_fraction: d(0.04, 'fraction of bin mass', 'bag 3-8 g against a deposit of 100-200 g gives 2-6 % (docs/scenarios.md, Derived defaults)', [0.02, 0.06], true),
  reject_faeces_carryover: d(0.075, 'fraction of faeces', 'screening reject assumed to carry 5-10 % of the faeces; no dog-specific data (docs/scenarios.md, Derived defaults)', [0.05, 0.1], true),

  // --- storage ---
  bin_vs_loss_per_d: d(0, 'fraction of VS per day', 'not modelled by default: VS loss in bins is unmeasured (estimate)', [0, 0.01], true),
  tank_vs_loss_per_d: d(0, 'fraction of VS per day', 'not modelled by default: no data (estimate)', [0, 0.01], true),

  // --- digester ---
  T_op_C: d(37, 'degC', 'mesophilic 35-40 C: Tremorfa 38 C [DwrCymru2021], pilot 36.5 C [Banks2008]', [35, 40]),
  feed_TS_target: d(0.1, 'fraction of feed mass', 'wet CSTR diluted to ~10 % TS (6-8 % for N-rich feeds, to keep free ammonia low) (docs/scenarios.md, Derived defaults)', [0.06, 0.12], true),
  T_ambient_C: d(10, 'degC', 'estimate: UK mean feed/water temperature', [5, 15], true),
  pasteurisation_T_C: d(70, 'degC', '[EU142of2011] Annex V: 70 C for 60 min, <= 12 mm; UK national catering-waste route 57 C for 5 h [ABPRWales2006]', [57, 70]),
  pasteurisation_recovery: d(0.5, 'fraction of pasteuriser heat recovered', 'estimate: feed/product heat exchanger', [0.3, 0.7], true),
  digester_heat_loss_fraction: d(0.2, 'fraction of feed-heating demand', 'estimate: wall/roof losses of a small insulated tank', [0.1, 0.5], true),
  digester_H_D: d(1, 'height/diameter', 'estimate: a squat vertical cylinder (D = H), as small farm digesters are built', [0.5, 2], true),
  U_wall_W_m2K: d(0.3, 'W/m2/K', '[Wellinger2013] (after Eder & Schulz 2006): about 0.3 W/m2K for a mesophilic digester with 10-18 cm insulation, 0.2 or less thermophilic', [0.2, 0.4]),
  U_roof_W_m2K: d(0.3, 'W/m2/K', '[Wellinger2013] (after Eder & Schulz 2006): as the walls', [0.2, 0.4]),
  U_floor_W_m2K: d(0.3, 'W/m2/K', 'estimate: as the walls; the floor loses heat towards the annual mean air temperature [BSEN12831]', [0.2, 0.5], true),
  boiler_efficiency: d(0.9, 'fraction (heat per gas LHV)', 'estimate: a modern gas boiler (the same 0.9 as heat_kgCO2e_kWh)', [0.8, 0.95], true),
  gas_price_gbp_kWh: d(0.06, 'GBP/kWh', 'estimate, per kWh of gas burned in the backup boiler (at boiler_efficiency): the GB domestic price-cap unit rate for gas was 6.0 p/kWh in April-June 2024 and 5.5 p/kWh from July 2024 [CommonsLibrary2024]; no non-domestic small-site tariff retrieved, give your contract price', [0.04, 0.1], true),
  water_heat_kWh_m3_K: d(1.163, 'kWh/m3/K', 'physics: c_p of water 4.186 kJ/kg/K x 1000 kg/m3 / 3600'),
  washout_hrt_d: d(10, 'd', 'methanogen washout below ~10 d HRT (mesophilic): literature ballpark, no primary source traced', [8, 12], true),
  hrt_warn_d: d(15, 'd', 'food waste 28-32 d at Tremorfa [DwrCymru2021]; WAS 20-40 d [Bolzonella2005]; manure 15-30 d (literature ballpark); dog faeces >= 30 d is an estimate', [15, 40]),
  olr_warn_kgVS_m3_d: d(4, 'kg VS/m3/d', 'food waste: 4 kg VS/m3/d highest beneficial mesophilic load [Banks2008]; manure + straw stable to 4.2 [Patinvoh2017]; WAS about 1 [Bolzonella2005]', [2, 4.2]),
  startup_d: d(90, 'd', 'estimate: about three HRTs from the inoculum to a settled state', [30, 150], true),

  // --- gas use ---
  ch4_LHV_kWh_Nm3: d(9.94, 'kWh/Nm3', 'computed: lower heat of combustion 802.3 kJ/mol / 22.414 L/mol = 35.8 MJ/Nm3 (docs/scenarios.md, Derived defaults)'),
  ch4_density_kg_Nm3: d(0.717, 'kg/Nm3', 'computed: 16.04 g/mol / 22.36 L/mol (real molar volume at 0 C, 1 atm) (docs/scenarios.md, Derived defaults)'),
  eta_el: d(0.38, 'fraction', 'gas-engine CHP 35-42 % (0.5-2 MWe), 25-35 % below 100 kWe: literature ballpark, no primary source traced', [0.25, 0.42], true),
  eta_th: d(0.45, 'fraction', 'gas-engine CHP 40-50 %: literature ballpark, no primary source traced; Tremorfa 2 MWe : 2 MWth [DwrCymru2021]', [0.4, 0.5], true),
  parasitic_fraction: d(0.08, 'fraction of gross electricity', 'wet AD 5-10 %, up to 12 % with depackaging and pasteurisation: literature ballpark, no primary source traced', [0.05, 0.12], true),
  availability: d(0.9, 'fraction of time', 'estimate: CHP downtime flared', [0.85, 0.95], true),
  methane_slip: d(0.02, 'fraction of methane produced', 'CHP exhaust slip 0.5-3 % (literature ballpark) plus leaks; whole-chain losses higher at some plants [Bakkaloglu2022]; 2 % (1-5 %) chosen here', [0.01, 0.05], true),
  ch4_gwp100: d(27, 'kg CO2e/kg CH4', '[IPCC2021] AR6 WG1 ch. 7, Table 7.15: non-fossil CH4 GWP100 27.0 (fossil 29.8)', [27, 29.8]),

  // --- today's route and prices ---
  efw_gate_fee_gbp_t: d(115, 'GBP/t', 'EfW ballpark £100-130/t: no primary source traced ([WRAP2025] medians rose but the EfW value was not read; 2016 median £83/t)', [100, 130], true),
  landfill_gate_fee_gbp_t: d(26, 'GBP/t excl. tax', '[WRAP2025]: 2024/25 median non-hazardous landfill, excluding tax', [20, 40]),
  landfill_tax_gbp_t: d(126.15, 'GBP/t', '[LandfillTax2025]: Wales LDT and UK landfill tax 2025/26 standard rate (130.75 in 2026/27)', [126.15, 130.75]),
  efw_kgCO2e_t: d(6.4, 'kg CO2e/t', '[DESNZ2024] Waste disposal, combustion 6.4 (transport only); dog faeces carbon is biogenic', [6.4, 50]),
  landfill_kgCO2e_t: d(497, 'kg CO2e/t', '[DESNZ2024] Waste disposal, landfill of household residual 497; dog faeces has no category: ~450-550 by degradable carbon (estimate)', [450, 550]),
  export_price_gbp_kWh: d(0.065, 'GBP/kWh', 'GB day-ahead baseload £64.6/MWh, Q1 2024 [MontelEnAppSys2024]; small-AD export PPAs £50-90/MWh (literature ballpark)', [0.05, 0.09]),
  heat_price_gbp_kWh: d(0.04, 'GBP/kWh', 'estimate: heat sold to a neighbour below gas retail; only applies to heat sold', [0.02, 0.06], true),
  heat_sold_fraction: d(0, 'fraction of surplus heat', 'estimate: small digesters rarely have a heat customer', [0, 0.5], true),
  heat_kgCO2e_kWh: d(0.203, 'kg CO2e/kWh heat', 'estimate: natural gas ~0.183 kg CO2e/kWh ([DESNZ2024] Fuels, natural gas, value not re-checked) / boiler efficiency 0.9', [0.18, 0.22], true),
  grid_kgCO2e_kWh: d(0.177, 'kg CO2e/kWh', '[DESNZ2025] UK electricity 0.177 (0.207 in [DESNZ2024])', [0.177, 0.207]),
  home_kWh_yr: d(2700, 'kWh/yr', '[OfgemTDCV]: medium household electricity (low 1,800, high 4,100)', [1800, 4100]),

  // --- process-health thresholds (for days with an inhibition warning) ---
  inhibition_factor_warn: d(0.5, 'fraction (I_nh3 x I_pH_ac)', 'estimate: acetoclast uptake more than halved (as the engine warns); the BSM2 K_I_nh3 [RosenJeppsson2006] is conservative for acclimated digesters', [0.3, 0.8], true),
  vfa_warn_kgCOD_m3: d(2, 'kg COD/m3', 'estimate: VFA ~2 g/L is a common operator alarm level', [1.5, 3], true),
  pH_warn_low: d(6.8, 'pH', 'estimate: acetoclast pH inhibition between 6 and 7 in BSM2 (pH_LL_ac, pH_UL_ac [RosenJeppsson2006]); 6.8 is inside it', [6.5, 7]),
  free_nh3_warn_mgN_L: d(150, 'mg N/L', '~80-150 mg N/L inhibits unacclimated digesters (review: [YenigunDemirel2013], range not re-checked)', [80, 150], true),

  // --- costs, appraisal and digestate (src/appraisal/defaults.ts) ---
  ...ECONOMICS_DEFAULTS,
} as const satisfies Record<string, Default>;

export type DefaultName = keyof typeof DEFAULTS;

/** The default's value (a plain number). */
export function dv(name: DefaultName): number {
  return DEFAULTS[name].value;
}
