// appraise: whole-life economics of a scenario against its baseline (today's route for the same bins), a pure function
// of the annual accounts and the cost inputs. Green Book method: yearly cash flows (year 0 = build), NPV, payback,
// annualised cost, levelised cost per tonne diverted, NPV with carbon valued at DESNZ values, analytic switching values.
import type { AnnualAccount } from '../accounting/annual.js';
import type { Scenario } from '../scenario/types.js';
import { capexItems, type PlantSize } from './capex.js';
import { ECONOMICS_DEFAULTS, ev } from './defaults.js';
import { CARBON_HIGH_RATIO, CARBON_LOW_RATIO, carbonValue, discountFactor, GREEN_BOOK } from './discount.js';
import type { Digestate, Economics, SwitchingValue } from './types.js';
import { formatGB } from '../units/format.js';


/** The reason beside a null cost per tonne diverted. */
export const NOTHING_DIVERTED = 'nothing diverted';
export interface AppraisalInput {
  scenario: Scenario;
  /** The scenario's accounting years (year 1 = first year of operation); later years of the life repeat the last. */
  accounts: readonly AnnualAccount[];
  /** The baseline's accounts for the same years. */
  baseline: readonly AnnualAccount[];
  baselineName?: string;
}

export interface Appraisal {
  economics: Economics;
  digestate: Digestate;
  /** Money lines per accounting year for the annual account (what cost_net_gbp now includes). */
  lines: { digester_cost_gbp: number; capex_annualised_gbp: number; digestate_cost_gbp: number }[];
}

/** Old cost lines of an account that do not depend on the appraisal (collection, disposal, fees, energy income). */
export function operatingCost(a: AnnualAccount): number {
  return a.collection_cost_gbp + a.disposal_cost_gbp + a.ad_gate_fee_gbp + a.co_substrate_cost_gbp - a.electricity_revenue_gbp - a.heat_revenue_gbp;
}

/** Writes the appraisal's money lines into an account; cost_net_gbp then includes OPEX, annualised CAPEX and digestate. */
export function applyLines(a: AnnualAccount, l: Appraisal['lines'][number]): void {
  a.digester_cost_gbp = l.digester_cost_gbp;
  a.capex_annualised_gbp = l.capex_annualised_gbp;
  a.digestate_cost_gbp = l.digestate_cost_gbp;
  a.cost_net_gbp = operatingCost(a) + l.digester_cost_gbp + l.capex_annualised_gbp + l.digestate_cost_gbp;
}

/** Installed size from the largest year (the plant is built for the full rollout). */
export function plantSize(s: Scenario, accounts: readonly AnnualAccount[]): PlantSize {
  const max = (f: (a: AnnualAccount) => number) => Math.max(0, ...accounts.map((a) => (f(a) * 365) / Math.max(a.days, 1)));
  const hoursAvailable = 8760 * Math.max(s.gas_use.availability, 1e-6);
  const kWe_mean = max((a) => a.electricity_gross_kWh) / 8760;
  return {
    kWe: Math.max(ev('capex_chp_min_kWe'), max((a) => a.electricity_gross_kWh) / hoursAvailable),
    kWe_mean,
    V_liq_m3: s.digester.V_liq_m3,
    feed_in_t_yr: max((a) => a.feed_t + a.dilution_water_m3),
    feed_t_yr: max((a) => a.feed_t),
    dog_t_yr: max((a) => a.dog_waste_fed_t + a.reject_t),
  };
}

export function appraise(inp: AppraisalInput): Appraisal {
  const s = inp.scenario;
  const e = s.economics;
  const newPlant = s.destination === 'digester' && !e.existing_plant;
  const L = Math.max(1, Math.round(e.lifetime_yr));
  const rate = e.discount_rate;
  const acc = (t: number) => inp.accounts[Math.min(t, inp.accounts.length) - 1]!;
  const base = (t: number) => inp.baseline[Math.min(t, inp.baseline.length) - 1]!;
  const size = plantSize(s, inp.accounts);
  const items = capexItems(s, size);
  const capex = items.reduce((x, i) => x + i.gbp, 0);
  const ob = newPlant ? capex * e.optimism_bias_fraction : 0;
  // Engine overhaul: a share of the CHP's cost (the scaled default when CAPEX is a lump sum or a rate).
  const chp = newPlant && s.gas_use.kind === 'chp'
    ? (e.capex_items_gbp.chp ?? e.capex_chp_ref_gbp * Math.pow(size.kWe / 20, e.capex_scale_exponent)) : 0;
  const quotedOpex = s.digester.annual_cost_gbp > 0;
  const overhaulYears: number[] = [];
  if (chp > 0 && !quotedOpex) for (let y = e.overhaul_every_yr; y < L; y += e.overhaul_every_yr) overhaulYears.push(Math.round(y));

  /** Routine OPEX of year t, by item (the quoted digester.annual_cost replaces the estimate). */
  const opexOf = (a: AnnualAccount) => {
    const k = a.days / 365;
    if (s.destination !== 'digester') return [];
    if (quotedOpex) return [{ item: 'digester.annual_cost (quoted)', gbp_yr: s.digester.annual_cost_gbp * k, source: 'scenario file' }];
    if (!newPlant) return [];
    // The heat balance prices the deficit's gas at digester.heating.gas_price (alias economics.backup_heat_price).
    const backup = a.backup_heat_cost_gbp;
    return [
      { item: 'operation and maintenance', gbp_yr: e.om_fraction * capex * k, source: '[BywaterKuschBrandt2022]' },
      { item: 'CHP maintenance', gbp_yr: e.chp_maintenance_gbp_kWh * a.electricity_gross_kWh, source: '[BywaterKuschBrandt2022]' },
      ...(e.labour_gbp_yr > 0 ? [{ item: 'labour', gbp_yr: e.labour_gbp_yr * k, source: 'scenario file' }] : []),
      { item: 'backup heat (winter heat deficit)', gbp_yr: backup, source: 'estimate', estimate: true },
    ];
  };
  const digestateValue = (a: AnnualAccount) => {
    if (!newPlant) return 0;   // at an existing plant the operator's gate fee covers its digestate
    return e.digestate.use === 'fertiliser' ? a.digestate_wet_t * e.digestate.value_gbp_t : -a.digestate_wet_t * e.digestate.disposal_gbp_t;
  };

  // Year-by-year flows, split so the analytic switching values can scale one part.
  const DF: number[] = [], capexFlow: number[] = [], capexLinked: number[] = [], other: number[] = [], diverted: number[] = [], kWh: number[] = [], co2: number[] = [];
  for (let t = 0; t <= L; t++) {
    DF.push(discountFactor(t, rate));
    if (t === 0) { capexFlow.push(-(capex + ob)); capexLinked.push(0); other.push(0); diverted.push(0); kWh.push(0); co2.push(0); continue; }
    const a = acc(t), b = base(t);
    const opex = opexOf(a);
    const om = opex.find((o) => o.item === 'operation and maintenance')?.gbp_yr ?? 0;
    const rest = opex.reduce((x, o) => x + o.gbp_yr, 0) - om;
    capexFlow.push(overhaulYears.includes(t) ? -chp * e.overhaul_fraction : 0);
    capexLinked.push(-om);
    other.push(operatingCost(b) - operatingCost(a) - rest + digestateValue(a));
    diverted.push(a.dog_waste_collected_t - a.to_today_route_t);
    kWh.push(a.electricity_net_kWh);
    co2.push(b.co2e_net_t - a.co2e_net_t);
  }
  const pv = (x: number[]) => x.reduce((acc2, v, t) => acc2 + v * DF[t]!, 0);
  const cash = DF.map((_, t) => capexFlow[t]! + capexLinked[t]! + other[t]!);
  const npv = pv(cash);
  const AF = DF.slice(1).reduce((x, v) => x + v, 0);
  const carbonPv = (ratio: number) => co2.reduce((x, c, t) => x + (t === 0 ? 0 : c * carbonValue(e.start_year + t, e.carbon_value_2025_gbp_t) * ratio * DF[t]!), 0);
  const divertedPv = pv(diverted);

  // Payback: the first year from which the cumulative discounted cash flow stays >= 0 (null: never within the life).
  let cum = 0, payback: number | null = null;
  cash.forEach((c, t) => {
    cum += c * DF[t]!;
    if (cum >= -1e-6) { if (payback === null) payback = t; } else payback = null;
  });

  const capexPv = -pv(capexFlow);
  const opex1 = opexOf(acc(1));
  const econ: Economics = {
    capex_gbp: capex,
    capex_items: items,
    optimism_bias_gbp: ob,
    optimism_bias_fraction: newPlant ? e.optimism_bias_fraction : 0,
    optimism_bias_range: ECONOMICS_DEFAULTS.optimism_bias_fraction.range as unknown as [number, number],
    opex_gbp_yr: opex1.reduce((x, o) => x + (o.gbp_yr * 365) / Math.max(acc(1).days, 1), 0),
    opex_items: opex1,
    overhauls: overhaulYears.map((year) => ({ year, gbp: chp * e.overhaul_fraction })),
    lifetime_yr: L,
    discount_rate: rate ?? GREEN_BOOK.rate_0_30,
    discount_schedule: rate === null ? 'green-book' : 'flat',
    cashflows_gbp: cash,
    discount_factors: DF,
    npv_gbp: npv,
    npv_with_carbon_gbp: npv + carbonPv(1),
    npv_with_carbon_low_gbp: npv + carbonPv(CARBON_LOW_RATIO),
    npv_with_carbon_high_gbp: npv + carbonPv(CARBON_HIGH_RATIO),
    payback_yr: payback,
    annualised_cost_gbp_yr: AF > 0 ? -npv / AF : 0,
    // Nothing diverted: no cost per tonne exists (it was £0 before 2 Dec 2026, which read as free).
    cost_per_t_diverted_gbp: divertedPv > 1e-9 ? -npv / divertedPv : null,
    ...(divertedPv > 1e-9 ? {} : { cost_per_t_diverted_reason: NOTHING_DIVERTED }),
    capex_annualised_gbp_yr: AF > 0 ? capexPv / AF : 0,
    co2e_saved_life_t: co2.reduce((x, c) => x + c, 0),
    switching_values: analyticSwitching(s, { npv, capex, capexPv: -(capex + ob) + pv(capexLinked), divertedPv, kWhPv: pv(kWh), L }),
    baseline: inp.baselineName ?? "today's route for the same bins",
    kWe_installed: newPlant ? size.kWe : 0,
    price_basis: `costs at the prices of their sources (2015-2022), not inflated; carbon values in 2022 GBP; year 0 = ${e.start_year}`,
    notes: notes(s, newPlant, size),
  };
  const a1 = acc(1);
  const digestate: Digestate = {
    wet_t: a1.digestate_wet_t, dry_t: a1.digestate_dry_t, N_t: a1.digestate_N_t, N_available_t: a1.digestate_N_available_t,
    value_gbp: digestateValue(a1),
    use: newPlant ? e.digestate.use : s.destination === 'digester' ? 'plant operator' : e.digestate.use,
    storage_m3: (a1.digestate_wet_t * 365) / Math.max(a1.days, 1) * (e.digestate.storage_months / 12),
    storage_months: e.digestate.storage_months,
  };
  const lines = inp.accounts.map((a) => ({
    digester_cost_gbp: opexOf(a).reduce((x, o) => x + o.gbp_yr, 0),
    capex_annualised_gbp: (econ.capex_annualised_gbp_yr * a.days) / 365,
    digestate_cost_gbp: -digestateValue(a),
  }));
  return { economics: econ, digestate, lines };
}

/**
 * Switching values that need no new simulation: the NPV is linear in the CAPEX (with the O&M and overhauls that scale
 * with it), in today's gate fee (through the tonnes diverted) and in the electricity export price (through kWh sold).
 */
function analyticSwitching(s: Scenario, x: { npv: number; capex: number; capexPv: number; divertedPv: number; kWhPv: number; L: number }): SwitchingValue[] {
  const out: SwitchingValue[] = [];
  if (s.destination !== 'digester') return out;
  const worse = x.npv < 0;
  const lead = worse ? 'it breaks even if' : 'it stops paying if';
  if (x.capex > 0) {
    // NPV(m) = npv + (m - 1) * capexPv, where capexPv < 0 is the PV of what scales with the CAPEX (build + optimism
    // bias + O&M; the engine overhauls follow the CHP's size, not the price of the plant).
    const m = x.capexPv !== 0 ? 1 - x.npv / x.capexPv : NaN;
    const value = Number.isFinite(m) && m >= 0 && m <= 10 ? m * x.capex : null;
    out.push(sv('CAPEX', value, 'GBP', x.capex, [0, 10 * x.capex], value === null
      ? (m < 0 ? 'no value in range: even a plant that cost nothing to build would cost more than today\'s route' : 'no value in range (0 to 10 times the estimate) of the CAPEX changes the answer')
      : `${lead} the plant costs ${worse ? 'no more than' : 'more than'} £${fmt3(value)} to build (estimate £${fmt3(x.capex)}, before optimism bias)`));
  }
  if (x.divertedPv > 0) {
    const f0 = s.today.gate_fee_gbp_t;
    const f = f0 - x.npv / x.divertedPv;
    const ok = f >= 0 && f <= 1000;
    out.push(sv('today.gate_fee_per_t', ok ? f : null, 'GBP/t', f0, [0, 1000], ok
      ? `${lead} today's route charged ${worse ? 'at least' : 'less than'} £${fmt3(f)} a tonne (now £${fmt3(f0)})`
      : 'no value in range (£0-1,000 a tonne) of today\'s gate fee changes the answer'));
  }
  if (x.kWhPv > 0) {
    const p0 = s.prices.export_gbp_kWh;
    const p = p0 - x.npv / x.kWhPv;
    const ok = p >= 0 && p <= 1;
    out.push(sv('prices.export_electricity', ok ? p : null, 'GBP/kWh', p0, [0, 1], ok
      ? `${lead} exported electricity sold for ${worse ? 'at least' : 'less than'} ${fmt3(p * 100)} p/kWh (now ${fmt3(p0 * 100)} p)`
      : 'no value in range (0-100 p/kWh) of the electricity export price changes the answer'));
  }
  return out;
}

export const sv = (input: string, value: number | null, unit: string, current: number, range: [number, number], text: string): SwitchingValue =>
  ({ input, value, unit, current, range, text });

/** 3 significant figures with separators (the model is not more precise than that). */
export function fmt3(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const r = Number(x.toPrecision(3));
  return formatGB(r, 2);
}

function notes(s: Scenario, newPlant: boolean, size: PlantSize): string[] {
  const n: string[] = [];
  if (s.destination !== 'digester') return ['today\'s route: no plant to build or run'];
  if (!newPlant) n.push('an existing plant: no CAPEX or OPEX for the council; its gate fee is the cost, and its digestate is the operator\'s');
  else {
    n.push('CAPEX scaled from reference plants (estimates): treat it as +/- 50 % until a quote replaces it');
    if (s.economics.labour_gbp_yr === 0 && s.digester.annual_cost_gbp === 0) n.push('staff time not included (give economics.labour)');
    if (size.kWe > size.kWe_mean * 1.5 && s.gas_use.kind === 'chp') n.push(`the CHP is costed at the smallest engine (${size.kWe.toFixed(0)} kWe), larger than the mean output of ${size.kWe_mean.toFixed(1)} kWe`);
  }
  n.push('not included: inflation, financing costs, taxes, grants and tariffs, land purchase, decommissioning, residual value');
  return n;
}
