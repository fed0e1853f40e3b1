// The economics contract (JSON of `adsim scenario --json` / `compare --json`, per scenario beside `annual`): types the
// CLI, the workers and the web views share. Keys named in issue #10 are relied on by outside scripts; keep them.

/** One line of the capital cost. `source` is a key into docs/sources.md, or "scenario file" for a quoted figure. */
export interface CapexItem {
  item: string;
  gbp: number;
  source: string;
  /** True when the figure is a project estimate (scaled or assumed), not a quote or a sourced price. */
  estimate?: boolean;
  /** How the figure was reached, e.g. "£75,000 x (150 m3 / 200 m3)^0.65". */
  basis?: string;
}

/** The value of one input at which the NPV against the baseline crosses zero (null value: no value in range). */
export interface SwitchingValue {
  input: string;
  /** Null when no value within `range` makes the NPV zero ("no value in range"). */
  value: number | null;
  unit: string;
  /** The value the scenario uses now. */
  current: number;
  /** The range searched. */
  range: [number, number];
  /** Plain words, e.g. "it breaks even if each bin holds 6.1 kg a week". */
  text: string;
}

/** P10/P50/P90 of an economics figure (null where a figure is absent, e.g. payback never reached in a sample). */
export interface EconomicsRange { p10: number; p50: number; p90: number }

export interface Economics {
  /** Capital cost before optimism bias, GBP (0 for an existing plant or today's route). */
  capex_gbp: number;
  capex_items: CapexItem[];
  /** Green Book optimism-bias uplift on the CAPEX, GBP (included in the cash flows and the NPV, shown separately). */
  optimism_bias_gbp: number;
  /** The uplift as a fraction of capex_gbp, and its range. */
  optimism_bias_fraction: number;
  optimism_bias_range: [number, number];
  /** Routine operating cost a year (O&M, CHP maintenance, labour, backup heat), GBP/yr. */
  opex_gbp_yr: number;
  opex_items: { item: string; gbp_yr: number; source: string; estimate?: boolean }[];
  /** Engine overhaul or replacement: year of the plant life and cost, GBP. */
  overhauls: { year: number; gbp: number }[];
  lifetime_yr: number;
  /** The rate of years 0-30 (Green Book 3.5 % real); `discount_schedule` says whether it declines after year 30. */
  discount_rate: number;
  discount_schedule: 'green-book' | 'flat';
  /** Net benefit against the baseline in each year, GBP (index 0 = build year; positive = better than the baseline). */
  cashflows_gbp: number[];
  /** Discount factors of those years. */
  discount_factors: number[];
  npv_gbp: number;
  /** NPV plus the CO2e saved valued at DESNZ appraisal carbon values (central; low and high beside it). */
  npv_with_carbon_gbp: number;
  npv_with_carbon_low_gbp: number;
  npv_with_carbon_high_gbp: number;
  /** First year from which the cumulative discounted cash flow stays at or above zero; null = never within the plant life. */
  payback_yr: number | null;
  /** Equivalent annual net cost against the baseline, GBP/yr (-NPV / annuity factor; negative = a saving). */
  annualised_cost_gbp_yr: number;
  /** Levelised net cost per tonne of dog waste diverted from today's route, GBP/t (negative = a saving per tonne);
   *  null when nothing is diverted (no tonne to divide by), with cost_per_t_diverted_reason saying so. */
  cost_per_t_diverted_gbp: number | null;
  /** Present only when cost_per_t_diverted_gbp is null: "nothing diverted". */
  cost_per_t_diverted_reason?: string;
  /** CAPEX (with optimism bias and overhauls) spread over the life at the discount rate, GBP/yr: in annual.cost_net_gbp. */
  capex_annualised_gbp_yr: number;
  /** CO2e saved against the baseline over the plant life, t (positive = saved). */
  co2e_saved_life_t: number;
  switching_values: SwitchingValue[];
  /** Likely ranges (P10-P90) where they were computed. */
  ranges?: { npv_gbp: EconomicsRange; npv_with_carbon_gbp: EconomicsRange; cost_per_t_diverted_gbp: EconomicsRange; payback_yr: { p10: number | null; p50: number | null; p90: number | null }; samples: number; covers: string; caution?: string; note?: string };
  /** The basis of the comparison, e.g. "today's route for the same bins". */
  baseline: string;
  /** Installed CHP capacity the costs are scaled by, kWe, and the digester volume, m3. */
  kWe_installed: number;
  /** Prices: the year they were quoted in (not inflated), and the appraisal's first year. */
  price_basis: string;
  /** Plain lines for everything left out or estimated. */
  notes: string[];
}

export interface Digestate {
  /** Whole digestate leaving the digester, t/yr (feed + dilution water - biogas). */
  wet_t: number;
  /** Dry matter in it, t/yr (total solids fed - biogas mass). */
  dry_t: number;
  /** Total nitrogen, t N/yr (all feed N stays in the digestate). */
  N_t: number;
  /** Readily available (ammonium) N, t N/yr, from the simulated digester's ammonium share. */
  N_available_t: number;
  /** Value as fertiliser (positive) or cost of disposal (negative), GBP/yr. */
  value_gbp: number;
  use: 'fertiliser' | 'disposal' | 'plant operator';
  /** Storage needed for `storage_months` of digestate, m3. */
  storage_m3: number;
  storage_months: number;
}
