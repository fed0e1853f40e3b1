// Every default a scenario uses, each with its unit, source, evidence tag and range (from shared/reference/domain.md).
//
// Tags as in domain.md: [S] seen in a cited source, [L] literature value to verify, [D] derived/estimate.
// A scenario file may override any of these; the run's `assumptions` lists the ones it fell back on.

export interface Default {
  value: number;
  unit: string;
  source: string;
  /** Low-high where sources differ. */
  range?: [number, number];
  /** True when the figure is an estimate ([D]) rather than a measured or literature value. */
  estimate?: boolean;
}

const d = (value: number, unit: string, source: string, range?: [number, number], estimate = false): Default =>
  ({ value, unit, source, ...(range ? { range } : {}), ...(estimate ? { estimate } : {}) });

export const DEFAULTS = {
  // --- where the waste comes from (domain.md §3) ---
  faeces_kg_dog_d: d(0.2, 'kg FM/dog/d', 'domain.md §3.2 [S]+[D]: literature 0.11-0.37, default 0.20', [0.12, 0.37], true),
  pickup_fraction: d(0.8, 'fraction', 'domain.md §3.3 [S]+[D]: 70-90 % of owners pick up', [0.7, 0.9], true),
  binning_fraction: d(0.3, 'fraction', 'domain.md §3.3 [D]: 10-50 % of picked-up waste reaches dedicated dog bins', [0.1, 0.5], true),
  fill_kg_bin_week: d(10, 'kg/bin/week', 'domain.md §3.4 [D]: no UK data; 5-15 kg per weekly empty of a 35 L bin', [5, 15], true),
  bin_volume_L: d(35, 'L', 'domain.md §3.4 [S]: Dacorum BC, "dog waste bins hold 35 litres"', [25, 60]),
  bin_bulk_density_kg_L: d(0.4, 'kg/L', 'domain.md §3.4 [D]: bulk density of a full bin 0.3-0.5 kg/L', [0.3, 0.5], true),

  // --- collection (domain.md §3.4, §4.5) ---
  round_km: d(30, 'km per round', 'estimate [D]: a van round of a few dozen bins; no UK data', [10, 80], true),
  distance_to_site_km: d(15, 'km one way', 'estimate [D]: depot/bins to the treatment site', [5, 50], true),
  fuel_L_100km: d(10, 'L/100 km', 'domain.md §4.5 [L]: small vans 8-12 L/100 km', [8, 12]),
  diesel_kgCO2e_L: d(2.51, 'kg CO2e/L', 'domain.md §4.5 [S]: DESNZ 2023/24 diesel, average biofuel blend', [2.51, 2.66]),
  cost_per_emptying_gbp: d(3.75, 'GBP per bin emptying', 'domain.md §3.4 [S]: Caldicot TC £3.75 (2018); range £1.44-5', [1.44, 5]),

  // --- bags and depackaging (domain.md §1.4) ---
  bag_mass_fraction: d(0.04, 'fraction of bin mass', 'domain.md §1.4 [D]: bag 3-8 g vs deposit 100-200 g -> 2-6 %', [0.02, 0.06], true),
  reject_faeces_carryover: d(0.075, 'fraction of faeces', 'domain.md §1.4 [D]: screening reject carries 5-10 % of faeces, no dog-specific data', [0.05, 0.1], true),

  // --- storage ---
  bin_vs_loss_per_d: d(0, 'fraction of VS per day', 'not modelled by default [D]: VS loss in bins unmeasured (domain.md §7)', [0, 0.01], true),
  tank_vs_loss_per_d: d(0, 'fraction of VS per day', 'not modelled by default [D]', [0, 0.01], true),

  // --- digester ---
  T_op_C: d(37, 'degC', 'domain.md §6 [S]: mesophilic 35-40 C (Tremorfa 38 C)', [35, 40]),
  feed_TS_target: d(0.1, 'fraction of feed mass', 'domain.md §1.4, §6 [D]: wet CSTR diluted to ~10 % TS (≤6-8 % for N-rich feeds)', [0.06, 0.12], true),
  T_ambient_C: d(10, 'degC', 'estimate [D]: UK mean feed/water temperature', [5, 15], true),
  pasteurisation_T_C: d(70, 'degC', 'domain.md §1.4 [S]: ABPR 70 C for >=60 min', [57, 70]),
  pasteurisation_recovery: d(0.5, 'fraction of pasteuriser heat recovered', 'estimate [D]: feed/product heat exchanger', [0.3, 0.7], true),
  digester_heat_loss_fraction: d(0.2, 'fraction of feed-heating demand', 'estimate [D]: wall/roof losses of a small insulated tank', [0.1, 0.5], true),
  water_heat_kWh_m3_K: d(1.163, 'kWh/m3/K', 'physics: c_p of water 4.186 kJ/kg/K x 1000 kg/m3 / 3600'),
  washout_hrt_d: d(10, 'd', 'domain.md §6 [L]: methanogen washout below ~10 d HRT (mesophilic)', [8, 12]),
  hrt_warn_d: d(15, 'd', 'domain.md §6 [L]: manure 15-30 d, food waste 28-32 d; dog faeces >=30 d [D]', [15, 40]),
  olr_warn_kgVS_m3_d: d(4, 'kg VS/m3/d', 'domain.md §6 [L]: food waste max beneficial 4.0 mesophilic', [2, 4.2]),
  startup_d: d(90, 'd', 'estimate [D]: about three HRTs from the inoculum to a settled state', [30, 150], true),

  // --- gas use (domain.md §4.1-4.2) ---
  ch4_LHV_kWh_Nm3: d(9.94, 'kWh/Nm3', 'domain.md §4.1 [D]: LHV 35.8 MJ/Nm3'),
  ch4_density_kg_Nm3: d(0.717, 'kg/Nm3', 'domain.md §4.1 [L]'),
  eta_el: d(0.38, 'fraction', 'domain.md §0/§4.2 [L]: 35-42 % (0.5-2 MWe), 25-35 % below 100 kWe', [0.25, 0.42]),
  eta_th: d(0.45, 'fraction', 'domain.md §4.2 [L]: 40-50 %', [0.4, 0.5]),
  parasitic_fraction: d(0.08, 'fraction of gross electricity', 'domain.md §4.2 [L]: 5-10 %, up to 12 % with depackaging+pasteurisation', [0.05, 0.12]),
  availability: d(0.9, 'fraction of time', 'estimate [D]: CHP downtime flared', [0.85, 0.95], true),
  methane_slip: d(0.02, 'fraction of methane produced', 'domain.md §4.2 [D]: default 2 % (1-5 %)', [0.01, 0.05], true),
  ch4_gwp100: d(27, 'kg CO2e/kg CH4', 'IPCC AR6 WG1 Table 7.15 [L]: non-fossil CH4 GWP100 27.0 (fossil 29.8)', [27, 29.8]),

  // --- today's route and prices (domain.md §3.5, §4.5-4.6) ---
  efw_gate_fee_gbp_t: d(115, 'GBP/t', 'domain.md §3.5 [L]: EfW ballpark £100-130/t', [100, 130]),
  landfill_gate_fee_gbp_t: d(26, 'GBP/t excl. tax', 'domain.md §3.5 [S]: WRAP 2024/25 median non-hazardous landfill', [20, 40]),
  landfill_tax_gbp_t: d(126.15, 'GBP/t', 'domain.md §3.5 [S]: Wales LDT / UK landfill tax 2025/26 standard rate', [126.15, 130.75]),
  efw_kgCO2e_t: d(6.4, 'kg CO2e/t', 'domain.md §4.5 [S]: DESNZ 2024 combustion (transport only); dog faeces carbon is biogenic', [6.4, 50]),
  landfill_kgCO2e_t: d(497, 'kg CO2e/t', 'domain.md §4.5 [S]+[D]: DESNZ 2024 household residual 497; dog faeces ~450-550', [450, 550]),
  export_price_gbp_kWh: d(0.065, 'GBP/kWh', 'domain.md §4.6 [S]: £65/MWh (50-90)', [0.05, 0.09]),
  heat_price_gbp_kWh: d(0.04, 'GBP/kWh', 'estimate [D]: heat sold to a neighbour below gas retail; only applies to heat sold', [0.02, 0.06], true),
  heat_sold_fraction: d(0, 'fraction of surplus heat', 'estimate [D]: small digesters rarely have a heat customer', [0, 0.5], true),
  heat_kgCO2e_kWh: d(0.203, 'kg CO2e/kWh heat', 'estimate [L]: natural gas ~0.183 kg/kWh / boiler efficiency 0.9 (DESNZ gas factor, to verify)', [0.18, 0.22], true),
  grid_kgCO2e_kWh: d(0.177, 'kg CO2e/kWh', 'domain.md §4.5 [S]: DESNZ 2025 UK grid (0.207 in 2024)', [0.177, 0.207]),
  home_kWh_yr: d(2700, 'kWh/yr', 'domain.md §4.4 [S]: Ofgem TDCV medium household electricity', [1800, 4100]),

  // --- process-health thresholds (for days with an inhibition warning) ---
  inhibition_factor_warn: d(0.5, 'fraction (I_nh3 x I_pH_ac)', 'estimate [D]: acetoclast uptake more than halved (as the engine warns); BSM2 K_I_nh3 is conservative (domain.md §5.6)', [0.3, 0.8], true),
  vfa_warn_kgCOD_m3: d(2, 'kg COD/m3', 'estimate [D]: VFA ~2 g/L is a common operator alarm level', [1.5, 3], true),
  pH_warn_low: d(6.8, 'pH', 'estimate [D]: below 6.8 acetoclasts are pH-inhibited (domain.md §5.6: 6-7)', [6.5, 7]),
  free_nh3_warn_mgN_L: d(150, 'mg N/L', 'domain.md §6 [L]: ~80-150 mg/L inhibits unacclimated digesters', [80, 150]),
} as const satisfies Record<string, Default>;

export type DefaultName = keyof typeof DEFAULTS;

/** The default's value (a plain number). */
export function dv(name: DefaultName): number {
  return DEFAULTS[name].value;
}
