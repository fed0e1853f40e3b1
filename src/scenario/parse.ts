// parseScenario: validates a scenario JSON object once into a typed Scenario, or throws one ScenarioError listing every problem.
import { InputError, closest, expected, show } from '../errors.js';
import { FEEDSTOCKS, FIELD_UNITS, type Feedstock } from '../../models/feedstocks/index.js';
import { findFeedstock, mergeFeedstocks } from '../feed/library.js';
import { checkParameterSet, checkParameters } from '../simulate/validate.js';
import { defaultParameters, parameterDef } from '../../models/adm1/index.js';
import { dv } from './defaults.js';
import { CARDIFF_1991_2020_C, CARDIFF_SOURCE } from '../accounting/climate.js';
import { parseJsonStrict } from '../input/json.js';
import { Ctx, Reader, ScenarioError } from './read.js';
import { readEconomics } from './economics.js';
import {
  SCENARIO_SCHEMA, type AreaSpec, type BinFill, type CollectionSpec, type CoSubstrateSpec, type DigesterSpecScenario,
  type Frequency, type GasUseSpec, type HeatSpec, type Scenario, type TodayRouteSpec,
} from './types.js';

const TOP_KEYS = ['schema', 'name', 'comment', 'destination', 'areas', 'collection', 'bags', 'depackaging', 'storage',
  'co_substrates', 'digester', 'gas_use', 'today', 'prices', 'grid_carbon', 'heat_carbon', 'household_electricity',
  'horizon', 'rollout', 'feedstocks', 'economics'] as const;

/** Kept for results saved before costs were estimated (the digester's costs now have sourced defaults, src/appraisal). */
export const NOT_COSTED = 'not included: digester capital and running costs are £0 unless digester.annual_cost is given (no sourced default)';

/** Validates `json` (already parsed from text) into a Scenario. Throws ScenarioError (an InputError) naming each bad field. */
export function parseScenario(json: unknown): Scenario {
  const ctx = new Ctx();
  const r = Reader.root(ctx, json);
  r.only(TOP_KEYS);
  const schema = r.raw('schema');
  if (schema !== SCENARIO_SCHEMA) ctx.fail('schema', `expected ${JSON.stringify(SCENARIO_SCHEMA)}, got ${show(schema)}`);
  const name = r.str('name');
  const comment = r.str('comment');
  const destination = r.choice('destination', ['digester', 'today'] as const, 'digester');

  const bagsR = r.sub('bags');
  bagsR.only(['mass_fraction', 'type']);
  const bags = {
    mass_fraction: bagsR.frac('mass_fraction', 'bag_mass_fraction', { min: 0, max: 0.5 }),
    type: bagsR.choice('type', ['plastic', 'compostable'] as const, 'plastic'),
  };
  const depack = r.sub('depackaging');
  depack.only(['faeces_in_reject']);
  const reject_faeces_carryover = depack.frac('faeces_in_reject', 'reject_faeces_carryover', { min: 0, max: 0.9 });

  const collection = readCollection(r.sub('collection'), undefined);
  const areas = r.list('areas', true).map((a) => readArea(a, collection, bags.mass_fraction));
  if (r.has('areas') && areas.length === 0 && ctx.issues.length === 0) ctx.fail('areas', 'expected at least one area');
  const seen = new Set<string>();
  areas.forEach((a, i) => {
    if (seen.has(a.name)) ctx.fail(`areas[${i}].name`, `duplicate area name ${JSON.stringify(a.name)}; names must be unique`);
    seen.add(a.name);
  });

  const st = r.sub('storage');
  st.only(['bin_vs_loss', 'reception_tank', 'tank_vs_loss']);
  const storage = {
    bin_vs_loss_per_d: st.frac('bin_vs_loss', 'bin_vs_loss_per_d', { min: 0, max: 0.2 }),
    reception_tank_d: st.qty('reception_tank', 'd', 0, { min: 0, max: 60 }),
    tank_vs_loss_per_d: st.frac('tank_vs_loss', 'tank_vs_loss_per_d', { min: 0, max: 0.2 }),
  };

  const feedstocks = readFeedstockOverrides(r.sub('feedstocks'));
  const co_substrates = r.list('co_substrates', false).map(readCoSubstrate);
  const digester = readDigester(r.sub('digester'), destination === 'digester');
  // Waste tipped into a plant that exists (it charges a gate fee, or digests other waste today) carries no CAPEX.
  const existingPlant = destination === 'digester' && (digester.gate_fee_gbp_t !== 0 || co_substrates.some((c) => c.existing));
  const economics = readEconomics(r.sub('economics'), existingPlant);
  reconcileGasPrice(r, digester.heat, economics.backup_heat_price_gbp_kWh);
  const gas_use = readGasUse(r.sub('gas_use'));
  const today = readToday(r.sub('today'));

  const pr = r.sub('prices');
  pr.only(['export_electricity', 'heat']);
  const prices = {
    export_gbp_kWh: pr.money('export_electricity', 'kWh', 'export_price_gbp_kWh', { min: 0, max: 1 }),
    heat_gbp_kWh: pr.money('heat', 'kWh', 'heat_price_gbp_kWh', { min: 0, max: 1 }),
  };
  const grid_kgCO2e_kWh = r.qty('grid_carbon', 'kg/kWh', 'grid_kgCO2e_kWh', { min: 0, max: 2 });
  const heat_kgCO2e_kWh = r.qty('heat_carbon', 'kg/kWh', 'heat_kgCO2e_kWh', { min: 0, max: 2 });
  const home_kWh_yr = r.qty('household_electricity', 'kWh/yr', 'home_kWh_yr', { positive: true });

  const hz = r.sub('horizon');
  hz.only(['startup', 'years']);
  const horizon = {
    startup_d: Math.round(hz.qty('startup', 'd', 'startup_d', { min: 0, max: 1000 })),
    years: hz.count('years', 1, { min: 1, max: 10, integer: true }),
  };
  const ro = r.sub('rollout');
  ro.only(['years', 'bins_growth']);
  const rollout = {
    years: ro.count('years', 5, { min: 1, max: 30, integer: true }),
    bins_growth_per_yr: ro.frac('bins_growth', 0, { min: -0.5, max: 1 }),
  };
  areas.forEach((a, i) => {
    if (a.joins_year > rollout.years) ctx.fail(`areas[${i}].joins_year`, `expected a year within the rollout (1-${rollout.years}), got ${a.joins_year}`);
  });
  if (destination === 'today' && co_substrates.length > 0) ctx.fail('co_substrates', 'co-substrates need a digester; remove them or set "destination": "digester"');

  if (ctx.issues.length > 0) throw new ScenarioError(ctx.issues);
  return {
    schema: SCENARIO_SCHEMA, name, comment, destination, areas, bags, reject_faeces_carryover, storage, co_substrates,
    digester, gas_use, today, prices, grid_kgCO2e_kWh, heat_kgCO2e_kWh, home_kWh_yr, horizon, rollout, economics,
    defaulted: ctx.defaulted,
    ...(feedstocks ? { feedstocks } : {}),
  };
}

/** Fields a scenario may set for a library feedstock: the record's top-level properties (the VS fractions go inside
 *  "composition") plus its descriptive text. */
const FRACTION_FIELDS = ['carbohydrate', 'protein', 'lipid', 'lignin'];
const OVERRIDE_FIELDS: string[] = [...Object.keys(FIELD_UNITS).filter((k) => !FRACTION_FIELDS.includes(k)), 'composition', 'name', 'description', 'caveat'];

/**
 * `"feedstocks": {"dog-faeces": {"BMP": 300, "TS": 0.25}}`: the scenario's own values for library feedstocks (a bare
 * number is a lab value in the field's unit; a full {value, low, high, ...} record field is also accepted). Each
 * override is validated with the record it changes, so a bad value is reported as feedstocks.<id>.<field>.
 */
function readFeedstockOverrides(f: Reader): Feedstock[] | undefined {
  let lib: Feedstock[] | undefined;
  for (const [id, v] of Object.entries(f.obj)) {
    const field = f.field(id);
    try {
      const rec = findFeedstock(id, FEEDSTOCKS, field);
      if (rec.id !== id) { f.ctx.fail(field, `use the feedstock id ${JSON.stringify(rec.id)}`); continue; }
      if (typeof v !== 'object' || v === null || Array.isArray(v)) { f.ctx.fail(field, `expected an object of feedstock values such as {"BMP": 300}, got ${show(v)}`); continue; }
      if ('id' in v) { f.ctx.fail(`${field}.id`, 'the id is the key; remove this field'); continue; }
      // A misspelt field ("bmp") would otherwise be dropped by the record check and the library value used unnoticed.
      const bad = Object.keys(v).filter((k) => !OVERRIDE_FIELDS.includes(k));
      for (const k of bad) f.ctx.fail(`${field}.${k}`, `unknown feedstock field${closest(k, OVERRIDE_FIELDS).length ? `; did you mean ${closest(k, OVERRIDE_FIELDS).join(', ')}?` : ''} (expected one of ${OVERRIDE_FIELDS.join(', ')})`);
      if (bad.length) continue;
      lib = mergeFeedstocks([{ ...(v as Record<string, unknown>), id }], lib ?? FEEDSTOCKS, 'scenario file');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const at = e.field.replace(/^feedstocks\[0\](\[[^\]]*\])?/, field);
      f.ctx.fail(at, e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message);
    }
  }
  return lib;
}

/** Parses scenario text (a file's contents); JSON syntax errors name the source. */
export function parseScenarioText(text: string, source = 'scenario'): Scenario {
  let json: unknown;
  try {
    json = parseJsonStrict(text, source);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new ScenarioError([{ field: source, message: e.message.startsWith(`${source}: `) ? e.message.slice(source.length + 2) : e.message }]);
  }
  return parseScenario(json);
}

const COLLECTION_KEYS = ['frequency', 'first_day', 'round_length', 'distance_to_site', 'fuel', 'vehicle_emission', 'cost_per_emptying'];

/** Collection settings; an area's `collection` overrides the scenario-wide one field by field. */
function readCollection(c: Reader, base: CollectionSpec | undefined): CollectionSpec {
  c.only(COLLECTION_KEYS);
  const frequency = c.has('frequency') || !base ? readFrequency(c) : base.frequency;
  const km = (key: string, def: 'round_km' | 'distance_to_site_km', baseV: number | undefined) =>
    c.qty(key, 'km', baseV ?? def, { min: 0, max: 2000 });
  let vehicle_kgCO2e_km: number;
  if (c.has('fuel') && c.has('vehicle_emission')) {
    c.ctx.fail(c.field('vehicle_emission'), 'give either fuel (L/100 km) or vehicle_emission (kg CO2e/km), not both');
    vehicle_kgCO2e_km = Number.NaN;
  } else if (c.has('vehicle_emission')) {
    vehicle_kgCO2e_km = c.qty('vehicle_emission', 'kg/km', null, { min: 0, max: 5 });
  } else if (c.has('fuel') || !base) {
    const fuel = readFuel(c);
    vehicle_kgCO2e_km = (fuel * dv('diesel_kgCO2e_L')) / 100;
  } else {
    vehicle_kgCO2e_km = base.vehicle_kgCO2e_km;
  }
  return {
    frequency,
    first_day: c.count('first_day', base?.first_day ?? 0, { min: 0, max: 364, integer: true }),
    round_km: km('round_length', 'round_km', base?.round_km),
    distance_to_site_km: km('distance_to_site', 'distance_to_site_km', base?.distance_to_site_km),
    vehicle_kgCO2e_km,
    cost_per_emptying_gbp: c.money('cost_per_emptying', '', base?.cost_per_emptying_gbp ?? 'cost_per_emptying_gbp', { min: 0, max: 1000 }),
  };
}

/** Fuel use "10 L/100km", "10 L/100 km" or 10 (L/100 km). */
function readFuel(c: Reader): number {
  const v = c.raw('fuel');
  if (v === undefined) return c.qty('fuel', 'L/km', 'fuel_L_100km');
  if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*L\s*\/\s*100\s*km\s*$/i.exec(v);
    if (m) return Number(m[1]);
    const perKm = c.qty('fuel', 'L/km', null, { min: 0 });
    return perKm * 100;
  }
  if (typeof v === 'number' && v >= 0 && v < 200) return v;
  return c.ctx.fail(c.field('fuel'), `expected fuel use such as "10 L/100km" (or a number in L/100 km), got ${show(v)}`);
}

function readFrequency(c: Reader): Frequency {
  const v = c.raw('frequency');
  if (v === undefined || v === 'weekly') { if (v === undefined) c.ctx.defaulted[c.field('frequency')] = 'weekly (dog bins are usually emptied weekly, e.g. [CaldicotTC2017], [DacorumBC])'; return { kind: 'weekly' }; }
  if (v === 'twice-weekly') return { kind: 'twice-weekly' };
  if (v === 'fortnightly') return { kind: 'fortnightly' };
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const f = new Reader(c.ctx, v as Record<string, unknown>, c.field('frequency'));
    f.only(['every_d']);
    return { kind: 'every', every_d: f.count('every_d', null, { min: 1, max: 365, integer: true }) };
  }
  c.ctx.fail(c.field('frequency'), `expected "twice-weekly", "weekly", "fortnightly" or {"every_d": N}, got ${show(v)}`);
  return { kind: 'weekly' };
}

function readArea(a: Reader, collection: CollectionSpec, bagFraction: number): AreaSpec {
  a.only(['name', 'bins', 'fill_per_bin', 'collected_t_yr', 'dogs', 'faeces_per_dog', 'pickup_rate', 'binning_rate', 'joins_year', 'collection']);
  const name = a.str('name');
  const bins = a.count('bins', null, { min: 0, integer: true });
  const byDogs = a.has('dogs');
  let fill: BinFill;
  const weighed = a.has('collected_t_yr');
  if (weighed && (byDogs || a.has('fill_per_bin'))) {
    a.ctx.fail(a.field('collected_t_yr'), `give either collected_t_yr (weighbridge tonnes a year) or ${byDogs ? 'dogs (estimate)' : 'fill_per_bin'}, not both`);
    fill = { kind: 'rate', kg_d: Number.NaN };
  } else if (weighed) {
    // Measured tonnes a year over the area's bins: every dog-waste figure then scales from it.
    const t_yr = a.qty('collected_t_yr', 't/yr', null, { min: 0, max: 1e6 });
    if (bins === 0 && t_yr > 0) a.ctx.fail(a.field('bins'), `expected at least one bin for ${t_yr} t/yr collected (the tonnage is spread over the bins)`);
    fill = { kind: 'rate', kg_d: bins > 0 ? (t_yr * 1000) / 365 / bins : 0 };
  } else if (byDogs && a.has('fill_per_bin')) {
    a.ctx.fail(a.field('fill_per_bin'), 'give either fill_per_bin (measured) or dogs (estimate), not both');
    fill = { kind: 'rate', kg_d: Number.NaN };
  } else if (byDogs) {
    const dogs = a.count('dogs', null, { min: 0, integer: true });
    const perDog = a.qty('faeces_per_dog', 'kg/d', 'faeces_kg_dog_d', { min: 0, max: 2 });
    const pickup = a.frac('pickup_rate', 'pickup_fraction');
    const binning = a.frac('binning_rate', 'binning_fraction');
    // Bin contents = faeces + bags: the faeces reaching dedicated bins are (1 - bag fraction) of what the bins hold.
    const kg_d = bins > 0 ? (dogs * perDog * pickup * binning) / bins / (1 - bagFraction) : 0;
    fill = { kind: 'rate', kg_d };
  } else {
    // The dog-estimate fields do not apply with a measured fill, but a value given for them must still be sensible: a
    // pickup rate of 1.7 would otherwise sit in the file unnoticed until someone switches to the estimate.
    if (a.has('faeces_per_dog')) a.qty('faeces_per_dog', 'kg/d', null, { min: 0, max: 2 });
    if (a.has('pickup_rate')) a.frac('pickup_rate', null);
    if (a.has('binning_rate')) a.frac('binning_rate', null);
    fill = readFill(a);
  }
  const collR = a.sub('collection');
  return {
    name, bins, fill,
    fill_source: weighed ? 'weighbridge' : byDogs ? 'estimated from dogs' : 'measured',
    collection: a.has('collection') ? readCollection(collR, collection) : collection,
    joins_year: a.count('joins_year', 1, { min: 1, integer: true }),
  };
}

/** "10 kg" (per emptying) or "10 kg/week" (steady rate per bin); absent uses the default weekly fill as a rate. */
function readFill(a: Reader): BinFill {
  const v = a.raw('fill_per_bin');
  if (v === undefined) return { kind: 'rate', kg_d: a.qty('fill_per_bin', 'kg/d', 'fill_kg_bin_week') / 7 };
  if (typeof v === 'string' && v.includes('/')) return { kind: 'rate', kg_d: a.qty('fill_per_bin', 'kg/d', null, { min: 0, max: 100 }) };
  return { kind: 'per_emptying', kg: a.qty('fill_per_bin', 'kg', null, { min: 0, max: 500 }) };
}

function readCoSubstrate(c: Reader): CoSubstrateSpec {
  c.only(['feedstock', 'rate', 'existing', 'cost_per_t']);
  const feedstock = c.str('feedstock');
  // Checked here (not first at run time) so the editor can show the closest library names next to the field.
  if (feedstock) {
    try {
      findFeedstock(feedstock, FEEDSTOCKS, c.field('feedstock'));
    } catch (e) {
      if (e instanceof InputError) c.ctx.fail(e.field, e.message.slice(e.field.length + 2));
      else throw e;
    }
  }
  return {
    feedstock,
    rate_kg_d: c.qty('rate', 'kg/d', null, { min: 0 }),
    existing: c.bool('existing', false),
    cost_gbp_t: c.money('cost_per_t', 't', 0, { min: -1000, max: 1000 }),
  };
}

/** ADM1 constants that must be strictly positive: half-saturation and inhibition constants, Henry and transfer constants. */
const MUST_BE_POSITIVE = (name: string): boolean => /^K_(S|I|H)_/.test(name) || ['k_L_a', 'k_p', 'R', 'T_base', 'P_atm'].includes(name);

function readDigester(d: Reader, required: boolean): DigesterSpecScenario {
  d.only(['V_liq', 'V_gas', 'T', 'feed_TS', 'pasteurisation', 'ambient_T', 'heat_loss', 'gate_fee_per_t', 'annual_cost', 'parameters', 'acclimation', 'kinetics', 'heating']);
  const needed = required ? null : 1;
  const V_liq_m3 = d.qty('V_liq', 'm3', needed, { positive: true, max: 1e6 });
  const V_gas_m3 = d.has('V_gas') || !required ? d.qty('V_gas', 'm3', needed, { positive: true, max: 1e6 }) : V_liq_m3 * 0.1;
  const T_C = d.qty('T', 'degC', 'T_op_C', { min: 10, max: 65 });
  let pasteurisation = { enabled: false, T_C: dv('pasteurisation_T_C'), hold_h: 1, heat_recovery: dv('pasteurisation_recovery') };
  const pv = d.raw('pasteurisation');
  if (pv === true) pasteurisation = { ...pasteurisation, enabled: true };
  else if (pv !== undefined && pv !== false) {
    const p = d.sub('pasteurisation');
    p.only(['T', 'hold', 'heat_recovery']);
    pasteurisation = {
      enabled: true,
      T_C: p.qty('T', 'degC', 'pasteurisation_T_C', { min: 50, max: 100 }),
      hold_h: p.qty('hold', 'h', 1, { positive: true, max: 48 }),
      heat_recovery: p.frac('heat_recovery', 'pasteurisation_recovery', { min: 0, max: 0.95 }),
    };
  }
  const heat = readHeating(d);
  const parameters: Record<string, number> = {};
  const pr = d.sub('parameters');
  try {
    const field = pr.field('').slice(0, -1);
    checkParameters(field, pr.obj);
    for (const [k, v] of Object.entries(pr.obj)) parameters[k] = v as number;
    // Constants that divide or scale a rate: zero is not a weak effect but a broken model (K_I_nh3 = 0 inhibits
    // acetoclasts completely and the digester sours to pH 4.7).
    for (const [k, v] of Object.entries(parameters)) {
      if (MUST_BE_POSITIVE(k) && !(v > 0)) expected(`${field}.${k}`, `a value > 0 (${parameterDef(k)?.unit ?? ''}; default ${parameterDef(k)?.value})`, v);
    }
    // The whole set as the engine will see it: yields and fractions in [0, 1], fraction groups summing to 1, pH limits in order.
    if (Object.keys(parameters).length) checkParameterSet(field, { ...defaultParameters(), ...parameters } as Record<string, number>);
  } catch (e) {
    if (e instanceof InputError) d.ctx.fail(e.field, e.message.slice(e.field.length + 2));
    else throw e;
  }
  return {
    V_liq_m3, V_gas_m3, T_op_K: T_C + 273.15,
    feed_TS_target: d.frac('feed_TS', 'feed_TS_target', { min: 0, max: 0.4 }),
    pasteurisation,
    T_ambient_C: heat.ambient_monthly_C.reduce((a, b) => a + b, 0) / 12,
    heat_loss_fraction: heat.loss_fraction ?? dv('digester_heat_loss_fraction'),
    heat,
    gate_fee_gbp_t: d.money('gate_fee_per_t', 't', 0, { min: -1000, max: 1000 }),
    annual_cost_gbp: d.money('annual_cost', '', 0, { min: 0 }),
    parameters,
    acclimation: d.choice('acclimation', ['acclimated', 'unacclimated'] as const, 'acclimated'),
    kinetics: d.choice('kinetics', ['35C', 'temperature-corrected'] as const, '35C'),
  };
}

/**
 * `digester.heating` (geometry, U-values, monthly temperatures, backup boiler and gas price) plus the older
 * `digester.ambient_T` (one value for every month) and `digester.heat_loss` (losses as a fraction of feed warming).
 */
function readHeating(d: Reader): HeatSpec {
  const h = d.sub('heating');
  h.only(['H_D', 'U_wall', 'U_roof', 'U_floor', 'ambient_T_monthly', 'feed_T_monthly', 'water_T_monthly', 'boiler_efficiency', 'gas_price']);
  let ambient: number[];
  if (h.has('ambient_T_monthly')) {
    if (d.has('ambient_T')) d.ctx.fail(d.field('ambient_T'), 'give either ambient_T (one value) or heating.ambient_T_monthly (twelve), not both');
    ambient = readMonthly(h, 'ambient_T_monthly');
  } else if (d.has('ambient_T')) {
    ambient = new Array(12).fill(d.qty('ambient_T', 'degC', null, { min: -20, max: 40 }));
  } else {
    ambient = [...CARDIFF_1991_2020_C];
    d.ctx.defaulted[h.field('ambient_T_monthly')] = CARDIFF_SOURCE;
  }
  const feedT = h.has('feed_T_monthly') ? readMonthly(h, 'feed_T_monthly') : [...ambient];
  const waterT = h.has('water_T_monthly') ? readMonthly(h, 'water_T_monthly') : [...ambient];
  const U = (key: string, def: 'U_wall_W_m2K' | 'U_roof_W_m2K' | 'U_floor_W_m2K') => h.qty(key, 'W/m^2/K', def, { min: 0, max: 10 });
  return {
    H_D: h.frac('H_D', 'digester_H_D', { min: 0.1, max: 10 }),
    U_wall_W_m2K: U('U_wall', 'U_wall_W_m2K'), U_roof_W_m2K: U('U_roof', 'U_roof_W_m2K'), U_floor_W_m2K: U('U_floor', 'U_floor_W_m2K'),
    ambient_monthly_C: ambient, feed_T_monthly_C: feedT, water_T_monthly_C: waterT,
    boiler_efficiency: h.frac('boiler_efficiency', 'boiler_efficiency', { min: 0.3, max: 1.1 }),
    gas_price_gbp_kWh: h.money('gas_price', 'kWh', 'gas_price_gbp_kWh', { min: 0, max: 2 }),
    loss_fraction: d.has('heat_loss') ? d.frac('heat_loss', null, { min: 0, max: 2 }) : null,
  };
}

/**
 * One backup-heat price: `economics.backup_heat_price` is an alias of `digester.heating.gas_price` (GBP per kWh of gas
 * for the backup boiler). Given alone it sets the heating price; given with it, the two must agree.
 */
function reconcileGasPrice(r: Reader, heat: HeatSpec, alias: number | null): void {
  if (alias === null) return;
  const heating = r.sub('digester').sub('heating');
  const key = heating.field('gas_price');
  if (heating.has('gas_price')) {
    if (Math.abs(heat.gas_price_gbp_kWh - alias) > 1e-12 * Math.max(1, Math.abs(alias))) {
      r.ctx.fail(r.sub('economics').field('backup_heat_price'), `is another name for ${key} (the backup boiler's gas price, GBP per kWh of gas); got ${alias} here and ${heat.gas_price_gbp_kWh} there: give one of them`);
    }
    return;
  }
  heat.gas_price_gbp_kWh = alias;
  delete r.ctx.defaulted[key];
}

/** Twelve monthly temperatures (January first), each a number in degC or a quantity such as "5.6 degC"; one value for all. */
function readMonthly(h: Reader, key: string): number[] {
  const v = h.raw(key);
  if (!Array.isArray(v)) return new Array(12).fill(h.qty(key, 'degC', null, { min: -30, max: 50 }));
  if (v.length !== 12) { h.ctx.fail(h.field(key), `expected twelve monthly values (January first), got ${v.length}`); return new Array(12).fill(Number.NaN); }
  const one = new Reader(h.ctx, Object.fromEntries(v.map((x, i) => [String(i), x])), h.field(key));
  return v.map((_, i) => one.qty(String(i), 'degC', null, { min: -30, max: 50 }));
}

function readGasUse(g: Reader): GasUseSpec {
  g.only(['kind', 'eta_el', 'eta_th', 'parasitic_fraction', 'availability', 'methane_slip', 'heat_sold_fraction']);
  const kind = g.choice('kind', ['chp', 'flare'] as const, 'chp');
  const eta_el = g.frac('eta_el', 'eta_el');
  const eta_th = g.frac('eta_th', 'eta_th');
  if (eta_el + eta_th > 0.95) g.ctx.fail(g.field('eta_th'), `electrical + thermal efficiency is ${(eta_el + eta_th).toFixed(2)}; expected at most 0.95 (LHV basis)`);
  return {
    kind, eta_el, eta_th,
    parasitic_fraction: g.frac('parasitic_fraction', 'parasitic_fraction', { min: 0, max: 0.9 }),
    availability: g.frac('availability', 'availability'),
    methane_slip: g.frac('methane_slip', 'methane_slip', { min: 0, max: 0.5 }),
    heat_sold_fraction: g.frac('heat_sold_fraction', 'heat_sold_fraction'),
  };
}

function readToday(t: Reader): TodayRouteSpec {
  t.only(['route', 'gate_fee_per_t', 'landfill_tax_per_t', 'emission_factor']);
  const kind = t.choice('route', ['efw', 'landfill'] as const, 'efw');
  if (!t.has('route')) t.ctx.defaulted[t.field('route')] = 'efw (Cardiff Capital Region residual waste goes to the Trident Park ERF [ProsiectGwyrdd])';
  const efw = kind === 'efw';
  return {
    kind,
    gate_fee_gbp_t: t.money('gate_fee_per_t', 't', efw ? 'efw_gate_fee_gbp_t' : 'landfill_gate_fee_gbp_t', { min: -1000, max: 1000 }),
    landfill_tax_gbp_t: efw ? t.money('landfill_tax_per_t', 't', 0, { min: 0, max: 1000 }) : t.money('landfill_tax_per_t', 't', 'landfill_tax_gbp_t', { min: 0, max: 1000 }),
    kgCO2e_t: t.qty('emission_factor', 'kg/t', efw ? 'efw_kgCO2e_t' : 'landfill_kgCO2e_t', { min: -2000, max: 5000 }),
  };
}
