// The scenario form: every field of the scenario file with its label, unit, control kind and the default it falls back on.
import { DEFAULTS, type DefaultName } from '../../../src/scenario/defaults.js';
import { FEEDSTOCKS } from '../../../models/feedstocks/index.js';

export type FieldKind = 'text' | 'textarea' | 'qty' | 'count' | 'fraction' | 'money' | 'choice' | 'bool';

export interface FieldDef {
  /** Path in the scenario JSON; for area and co-substrate fields, relative to one list item. */
  key: string;
  label: string;
  kind: FieldKind;
  /** The unit a plain number is read in, or an example with units. */
  unit?: string;
  /** The named default (unit, source, range in src/scenario/defaults.ts), or a literal default described in words. */
  def?: DefaultName | { text: string };
  options?: readonly string[];
  required?: boolean;
}

export interface SectionDef {
  title: string;
  /** Set for list sections: fields repeat per item of this list. */
  list?: 'areas' | 'co_substrates';
  fields: FieldDef[];
}

const lit = (text: string) => ({ text });

export const SECTIONS: SectionDef[] = [
  { title: 'Scenario', fields: [
    { key: 'name', label: 'Name', kind: 'text', required: true },
    { key: 'comment', label: 'What question it answers', kind: 'textarea', required: true },
    { key: 'destination', label: 'Where the dog waste goes', kind: 'choice', options: ['digester', 'today'], def: lit('digester') },
  ] },
  { title: 'Areas and bins', list: 'areas', fields: [
    { key: 'name', label: 'Area name', kind: 'text', required: true },
    { key: 'bins', label: 'Dog bins', kind: 'count', unit: 'bins', required: true },
    { key: 'fill_per_bin', label: 'Fill per bin', kind: 'qty', unit: '"10 kg" per emptying or "10 kg/week"', def: 'fill_kg_bin_week' },
    { key: 'dogs', label: 'Dogs (estimate instead of fill)', kind: 'count', unit: 'dogs', def: lit('not used: fill per bin applies') },
    { key: 'faeces_per_dog', label: 'Faeces per dog', kind: 'qty', unit: 'kg/d', def: 'faeces_kg_dog_d' },
    { key: 'pickup_rate', label: 'Owners who pick up', kind: 'fraction', unit: 'fraction or %', def: 'pickup_fraction' },
    { key: 'binning_rate', label: 'Picked-up waste put in dog bins', kind: 'fraction', unit: 'fraction or %', def: 'binning_fraction' },
    { key: 'joins_year', label: 'Joins in year', kind: 'count', unit: 'year (1 = first)', def: lit('1') },
  ] },
  { title: 'Collection', fields: [
    { key: 'collection.frequency', label: 'Frequency', kind: 'choice', options: ['twice-weekly', 'weekly', 'fortnightly'], def: lit('weekly') },
    { key: 'collection.first_day', label: 'First collection day', kind: 'count', unit: 'day of the run, 0-364 (0 = first day)', def: lit('0') },
    { key: 'collection.round_length', label: 'Round length', kind: 'qty', unit: 'km', def: 'round_km' },
    { key: 'collection.distance_to_site', label: 'Distance to site', kind: 'qty', unit: 'km', def: 'distance_to_site_km' },
    { key: 'collection.fuel', label: 'Vehicle fuel use', kind: 'qty', unit: 'L/100 km', def: 'fuel_L_100km' },
    { key: 'collection.vehicle_emission', label: 'Vehicle emission (instead of fuel)', kind: 'qty', unit: 'kg CO2e/km', def: lit('from fuel use x diesel factor') },
    { key: 'collection.cost_per_emptying', label: 'Cost per bin emptying', kind: 'money', unit: 'GBP', def: 'cost_per_emptying_gbp' },
  ] },
  { title: 'Bags, depackaging, storage', fields: [
    { key: 'bags.mass_fraction', label: 'Bag mass fraction', kind: 'fraction', unit: 'fraction or %', def: 'bag_mass_fraction' },
    { key: 'bags.type', label: 'Bag type', kind: 'choice', options: ['plastic', 'compostable'], def: lit('plastic') },
    { key: 'depackaging.faeces_in_reject', label: 'Faeces lost with the reject', kind: 'fraction', unit: 'fraction or %', def: 'reject_faeces_carryover' },
    { key: 'storage.bin_vs_loss', label: 'VS loss in the bin', kind: 'fraction', unit: 'per day', def: 'bin_vs_loss_per_d' },
    { key: 'storage.reception_tank', label: 'Reception tank', kind: 'qty', unit: 'd', def: lit('0 d (fed on delivery)') },
    { key: 'storage.tank_vs_loss', label: 'VS loss in the tank', kind: 'fraction', unit: 'per day', def: 'tank_vs_loss_per_d' },
  ] },
  { title: 'Co-substrates', list: 'co_substrates', fields: [
    { key: 'feedstock', label: 'Feedstock', kind: 'choice', options: FEEDSTOCKS.map((f) => f.id), required: true },
    { key: 'rate', label: 'Rate', kind: 'qty', unit: 'kg/d or "2 t/week"', required: true },
    { key: 'existing', label: 'Already digested today', kind: 'bool', def: lit('no') },
    { key: 'cost_per_t', label: 'Cost per tonne', kind: 'money', unit: 'GBP/t', def: lit('0') },
  ] },
  { title: 'Digester', fields: [
    { key: 'digester.V_liq', label: 'Liquid volume', kind: 'qty', unit: 'm3', required: true },
    { key: 'digester.V_gas', label: 'Gas volume', kind: 'qty', unit: 'm3', def: lit('10 % of the liquid volume') },
    { key: 'digester.T', label: 'Temperature', kind: 'qty', unit: 'degC', def: 'T_op_C' },
    { key: 'digester.feed_TS', label: 'Feed dry solids target', kind: 'fraction', unit: 'fraction or %', def: 'feed_TS_target' },
    { key: 'digester.pasteurisation', label: 'Pasteurisation (70 C, 1 h)', kind: 'bool', def: lit('no') },
    { key: 'digester.ambient_T', label: 'Ambient temperature', kind: 'qty', unit: 'degC', def: 'T_ambient_C' },
    { key: 'digester.heat_loss', label: 'Heat loss', kind: 'fraction', unit: 'fraction of feed heating', def: 'digester_heat_loss_fraction' },
    { key: 'digester.gate_fee_per_t', label: 'Gate fee paid to the plant', kind: 'money', unit: 'GBP/t', def: lit('0') },
    { key: 'digester.annual_cost', label: 'Other yearly cost', kind: 'money', unit: 'GBP', def: lit('0 (not included)') },
  ] },
  { title: 'Use of the gas', fields: [
    { key: 'gas_use.kind', label: 'Gas use', kind: 'choice', options: ['chp', 'flare'], def: lit('chp') },
    { key: 'gas_use.eta_el', label: 'Electrical efficiency', kind: 'fraction', unit: 'fraction or %', def: 'eta_el' },
    { key: 'gas_use.eta_th', label: 'Thermal efficiency', kind: 'fraction', unit: 'fraction or %', def: 'eta_th' },
    { key: 'gas_use.parasitic_fraction', label: 'Parasitic load', kind: 'fraction', unit: 'fraction of gross', def: 'parasitic_fraction' },
    { key: 'gas_use.availability', label: 'CHP availability', kind: 'fraction', unit: 'fraction of time', def: 'availability' },
    { key: 'gas_use.methane_slip', label: 'Methane slip', kind: 'fraction', unit: 'fraction', def: 'methane_slip' },
    { key: 'gas_use.heat_sold_fraction', label: 'Heat sold', kind: 'fraction', unit: 'fraction of surplus', def: 'heat_sold_fraction' },
  ] },
  { title: "Today's route, prices and factors", fields: [
    { key: 'today.route', label: "Today's route", kind: 'choice', options: ['efw', 'landfill'], def: lit('efw') },
    { key: 'today.gate_fee_per_t', label: "Today's gate fee", kind: 'money', unit: 'GBP/t', def: 'efw_gate_fee_gbp_t' },
    { key: 'today.landfill_tax_per_t', label: 'Landfill tax', kind: 'money', unit: 'GBP/t', def: 'landfill_tax_gbp_t' },
    { key: 'today.emission_factor', label: "Today's emission factor", kind: 'qty', unit: 'kg CO2e/t', def: 'efw_kgCO2e_t' },
    { key: 'prices.export_electricity', label: 'Export electricity price', kind: 'money', unit: 'GBP/kWh', def: 'export_price_gbp_kWh' },
    { key: 'prices.heat', label: 'Heat price', kind: 'money', unit: 'GBP/kWh', def: 'heat_price_gbp_kWh' },
    { key: 'grid_carbon', label: 'Grid carbon factor', kind: 'qty', unit: 'kg CO2e/kWh', def: 'grid_kgCO2e_kWh' },
    { key: 'heat_carbon', label: 'Heat carbon factor', kind: 'qty', unit: 'kg CO2e/kWh', def: 'heat_kgCO2e_kWh' },
    { key: 'household_electricity', label: 'Household electricity', kind: 'qty', unit: 'kWh/yr', def: 'home_kWh_yr' },
  ] },
  { title: 'Time horizon and rollout', fields: [
    { key: 'horizon.startup', label: 'Start-up period', kind: 'qty', unit: 'd', def: 'startup_d' },
    { key: 'horizon.years', label: 'Years simulated', kind: 'count', unit: 'years', def: lit('1') },
    { key: 'rollout.years', label: 'Rollout years', kind: 'count', unit: 'years', def: lit('5') },
    { key: 'rollout.bins_growth', label: 'Bin growth', kind: 'fraction', unit: 'per year', def: lit('0') },
  ] },
];

/** The default for a field in words: "37 degC (range 35-40), source ...". */
export function describeDefault(f: FieldDef): { value: string; source?: string; range?: string; estimate?: boolean } | undefined {
  if (!f.def) return undefined;
  if (typeof f.def === 'object') return { value: f.def.text };
  const d = DEFAULTS[f.def];
  return {
    value: `${d.value} ${d.unit}`,
    source: d.source,
    ...('range' in d && d.range ? { range: `${d.range[0]}-${d.range[1]} ${d.unit}` } : {}),
    ...('estimate' in d && d.estimate ? { estimate: true } : {}),
  };
}

/** What the user typed, as the scenario file stores it: blank = absent (the default applies), plain numbers as numbers. */
export function coerce(kind: FieldKind, raw: string | boolean): unknown {
  if (typeof raw === 'boolean') return raw;
  const t = raw.trim();
  if (t === '') return undefined;
  if (kind === 'text' || kind === 'textarea' || kind === 'choice') return raw;
  return /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(t) ? Number(t) : t;
}

/** A field path in words for people: "areas[0].faeces_per_dog" -> "Faeces per dog (area 1)"; unknown paths unchanged. */
export function fieldLabel(path: string): string {
  const m = /^(areas|co_substrates)\[(\d+)\]\.(.+)$/.exec(path);
  if (m) {
    const f = SECTIONS.find((s) => s.list === m[1])?.fields.find((x) => x.key === m[3]);
    return f ? `${f.label} (${m[1] === 'areas' ? 'area' : 'co-substrate'} ${Number(m[2]) + 1})` : path;
  }
  return SECTIONS.filter((s) => !s.list).flatMap((s) => s.fields).find((x) => x.key === path)?.label ?? path;
}
