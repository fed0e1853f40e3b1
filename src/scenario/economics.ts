// Reads a scenario's "economics" block (costs, plant life, discounting, digestate use) into EconomicsSpec; bad values
// are collected as issues naming the field, like every other scenario field.
import type { Reader } from './read.js';
import { CAPEX_ITEMS, type CapexItemName, type EconomicsSpec } from './types.js';

const KEYS = ['capex', 'capex_items', 'capex_per_kWe', 'capex_per_t_yr', 'capacity', 'existing_plant', 'scale_exponent',
  'digester_ref_cost', 'chp_ref_cost', 'pasteuriser_ref_cost', 'depackaging_ref_cost', 'reception_share', 'site_grid_share',
  'development_share', 'optimism_bias', 'om_share', 'chp_maintenance', 'overhaul_share', 'overhaul_every', 'labour',
  'backup_heat_price', 'lifetime', 'discount_rate', 'carbon_value_2025', 'start_year', 'digestate'];

/** Absurd-cost ceiling: no single figure of a council-scale plant is above £1 bn. */
const MAX_GBP = 1e9;

export function readEconomics(e: Reader, existingByDefault: boolean): EconomicsSpec {
  e.only(KEYS);
  const money = (key: string, per: string, fallback: Parameters<Reader['money']>[2], max = MAX_GBP) => e.money(key, per, fallback, { min: 0, max });
  const items: Partial<Record<CapexItemName, number>> = {};
  const it = e.sub('capex_items');
  it.only(CAPEX_ITEMS);
  for (const k of CAPEX_ITEMS) if (it.has(k)) items[k] = it.money(k, '', null, { min: 0, max: MAX_GBP });
  const lump = e.has('capex') ? money('capex', '', null) : null;
  const perKWe = e.has('capex_per_kWe') ? money('capex_per_kWe', '', null, 100000) : null;
  const perT = e.has('capex_per_t_yr') ? money('capex_per_t_yr', '', null, 100000) : null;
  // A quoted total and itemised figures (or rates) would each claim to be the CAPEX: refuse rather than pick one.
  const itemised = Object.keys(items).length > 0;
  if (lump !== null && (itemised || perKWe !== null || perT !== null)) {
    e.ctx.fail(e.field('capex'), `a lump-sum CAPEX cannot be given together with ${itemised ? 'economics.capex_items' : perKWe !== null ? 'economics.capex_per_kWe' : 'economics.capex_per_t_yr'}; give one or the other`);
  }
  if (perKWe !== null && perT !== null) e.ctx.fail(e.field('capex_per_t_yr'), 'give either capex_per_kWe or capex_per_t_yr, not both');
  if ((perKWe !== null || perT !== null) && itemised) e.ctx.fail(e.field('capex_items'), 'itemised CAPEX cannot be combined with a whole-plant rate (capex_per_kWe or capex_per_t_yr); give one or the other');
  const dg = e.sub('digestate');
  dg.only(['use', 'value_per_t', 'disposal_per_t', 'storage']);
  const discountGiven = e.has('discount_rate');
  const spec: EconomicsSpec = {
    capex_lump_gbp: lump,
    capex_items_gbp: items,
    capex_gbp_kWe: perKWe,
    capex_gbp_t_yr: perT,
    capacity_t_yr: e.has('capacity') ? e.qty('capacity', 't/yr', null, { positive: true, max: 1e7 }) : null,
    existing_plant: e.bool('existing_plant', existingByDefault),
    capex_scale_exponent: e.frac('scale_exponent', 'capex_scale_exponent', { min: 0.3, max: 1 }),
    capex_digester_ref_gbp: money('digester_ref_cost', '', 'capex_digester_ref_gbp'),
    capex_chp_ref_gbp: money('chp_ref_cost', '', 'capex_chp_ref_gbp'),
    capex_pasteuriser_ref_gbp: money('pasteuriser_ref_cost', '', 'capex_pasteuriser_ref_gbp'),
    capex_depackaging_ref_gbp: money('depackaging_ref_cost', '', 'capex_depackaging_ref_gbp'),
    capex_reception_fraction: e.frac('reception_share', 'capex_reception_fraction', { min: 0, max: 2 }),
    capex_site_grid_fraction: e.frac('site_grid_share', 'capex_site_grid_fraction', { min: 0, max: 2 }),
    capex_development_fraction: e.frac('development_share', 'capex_development_fraction', { min: 0, max: 2 }),
    optimism_bias_fraction: e.frac('optimism_bias', 'optimism_bias_fraction', { min: 0, max: 2 }),
    om_fraction: e.frac('om_share', 'om_fraction', { min: 0, max: 0.5 }),
    chp_maintenance_gbp_kWh: e.money('chp_maintenance', 'kWh', 'chp_maintenance_gbp_kWh', { min: 0, max: 1 }),
    overhaul_fraction: e.frac('overhaul_share', 'overhaul_fraction', { min: 0, max: 3 }),
    overhaul_every_yr: e.qty('overhaul_every', 'yr', 'overhaul_every_yr', { positive: true, max: 60 }),
    labour_gbp_yr: money('labour', '', 0, 1e8),
    // An alias of digester.heating.gas_price (one backup-heat price for the heat balance and the appraisal): read here
    // without a default, reconciled with the heating key in parse.ts.
    backup_heat_price_gbp_kWh: e.has('backup_heat_price') ? e.money('backup_heat_price', 'kWh', null, { min: 0, max: 2 }) : null,
    lifetime_yr: e.qty('lifetime', 'yr', 'lifetime_yr', { positive: true, max: 60 }),
    discount_rate: discountGiven ? e.frac('discount_rate', null, { min: -0.02, max: 0.2 }) : null,
    carbon_value_2025_gbp_t: e.money('carbon_value_2025', 't', 'carbon_value_2025_gbp_t', { min: 0, max: 10000 }),
    start_year: e.count('start_year', 2026, { min: 2000, max: 2100, integer: true }),
    digestate: {
      use: dg.choice('use', ['fertiliser', 'disposal'] as const, 'fertiliser'),
      value_gbp_t: dg.money('value_per_t', 't', 'digestate_value_gbp_t', { min: -1000, max: 1000 }),
      disposal_gbp_t: dg.money('disposal_per_t', 't', 'digestate_disposal_gbp_t', { min: 0, max: 1000 }),
      storage_months: dg.qty('storage', 'month', 'digestate_storage_months', { min: 0, max: 24 }),
    },
  };
  if (!discountGiven) e.ctx.defaulted[e.field('discount_rate')] = 'discount_rate';
  if (!e.has('labour')) e.ctx.defaulted[e.field('labour')] = LABOUR_NOT_COSTED;
  return spec;
}

/** The assumption recorded when no labour cost is given (no sourced default: flagged, not invented). */
export const LABOUR_NOT_COSTED = 'not included: staff time is £0 unless economics.labour is given (no sourced default)';
