// The annual figures the compare view shows, with plain labels and units, and how to format numbers for people.
import { gasBasis } from './basis.js';
import { formatFixedGB } from '../../../src/units/format.js';

/** Whether a rise in a figure is good for the council, bad, or neither (quantities that are only context). */
export type Better = 'higher' | 'lower' | 'neutral';

export interface MetricDef {
  key: string; label: string; unit: string;
  /** True when lower is better (costs, emissions). */ lowerIsBetter?: boolean;
  /** How a change is coloured: good green, bad red, neutral uncoloured. */ better: Better;
  /** Only meaningful with a digester ("n/a" for today's route rather than a 0 that reads as a measurement). */ digesterOnly?: boolean;
  /** What a gas volume is measured on ("dry, 0 C, 101.325 kPa"); absent for figures that are not gas. */ basis?: string;
}

/** A figure's unit as shown and exported: with its basis for gas volumes ("Nm3/yr, dry, 0 C, 101.325 kPa"). */
export const unitText = (m: Pick<MetricDef, 'unit' | 'basis'>): string => (m.basis ? `${m.unit}, ${m.basis}` : m.unit);

type Row = [key: string, label: string, unit: string, better: Better, digesterOnly?: boolean];
/** Every annual figure the engine reports, with a plain label, its unit per year and which way is good. */
const ROWS: Row[] = [
  ['dog_waste_collected_t', 'Dog waste collected', 't/yr', 'neutral'],
  ['bags_t', 'Bags in the collected waste', 't/yr', 'neutral'],
  ['reject_t', 'Reject from depackaging (bags and grit)', 't/yr', 'neutral'],
  ['to_today_route_t', "Sent on to today's route (reject)", 't/yr', 'neutral'],
  ['dog_waste_fed_t', 'Dog waste fed to the digester', 't/yr', 'neutral'],
  ['co_substrates_t', 'Other wastes fed with it', 't/yr', 'neutral'],
  ['feed_t', 'Digester feed', 't/yr', 'neutral'],
  ['dilution_water_m3', 'Dilution water', 'm3/yr', 'neutral', true],
  ['feed_m3', 'Feed volume', 'm3/yr', 'neutral', true],
  ['feed_VS_t', 'Organic matter fed (volatile solids)', 't VS/yr', 'neutral', true],
  ['feed_COD_t', 'Chemical oxygen demand fed', 't COD/yr', 'neutral', true],
  ['feed_N_t', 'Nitrogen fed', 't N/yr', 'neutral', true],
  ['HRT_d', 'Hydraulic retention time', 'd', 'neutral', true],
  ['OLR_kgVS_m3_d', 'Organic loading rate', 'kg VS/m3/d', 'neutral', true],
  ['biogas_Nm3', 'Biogas', 'Nm3/yr', 'higher'],
  ['biogas_dry_Nm3', 'Biogas (dry)', 'Nm3/yr', 'higher'],
  ['biogas_wet_Nm3', 'Biogas (with water vapour)', 'Nm3/yr', 'higher'],
  ['methane_Nm3', 'Methane', 'Nm3/yr', 'higher'],
  ['methane_plant_total_Nm3', 'Methane of the whole plant', 'Nm3/yr', 'neutral', true],
  ['ch4_energy_kWh', 'Energy in the methane', 'kWh/yr', 'higher'],
  ['electricity_gross_kWh', 'Electricity generated', 'kWh/yr', 'higher'],
  ['parasitic_kWh', "Plant's own electricity use", 'kWh/yr', 'neutral'],
  ['electricity_net_kWh', 'Electricity exported (net)', 'kWh/yr', 'higher'],
  ['heat_kWh', 'Heat generated', 'kWh/yr', 'neutral'],
  ['heat_demand_kWh', 'Heat the digester needs', 'kWh/yr', 'neutral'],
  ['heat_used_kWh', 'Heat used on site', 'kWh/yr', 'neutral'],
  ['heat_sold_kWh', 'Heat sold', 'kWh/yr', 'higher'],
  ['heat_deficit_kWh', 'Heat shortfall (backup heat needed)', 'kWh/yr', 'lower'],
  ['homes_equivalent', 'Homes powered (equivalent)', 'homes', 'higher'],
  ['co2e_transport_t', 'Collection transport emissions', 't CO2e/yr', 'lower'],
  ['co2e_disposal_t', "Emissions of what goes to today's route", 't CO2e/yr', 'lower'],
  ['co2e_methane_slip_t', 'Methane leaking from the plant', 't CO2e/yr', 'lower'],
  ['co2e_avoided_grid_t', 'Grid electricity displaced (CO2e avoided)', 't CO2e/yr', 'higher'],
  ['co2e_avoided_heat_t', 'Heat displaced (CO2e avoided)', 't CO2e/yr', 'higher'],
  ['co2e_avoided_disposal_t', "Today's disposal emissions avoided", 't CO2e/yr', 'higher'],
  ['co2e_net_t', 'Net greenhouse gas', 't CO2e/yr', 'lower'],
  ['collection_cost_gbp', 'Collection cost', '£/yr', 'lower'],
  ['disposal_cost_gbp', "Gate fees for what goes to today's route", '£/yr', 'lower'],
  ['ad_gate_fee_gbp', 'AD gate fee paid', '£/yr', 'lower'],
  ['digester_cost_gbp', 'Digester running cost', '£/yr', 'lower'],
  ['co_substrate_cost_gbp', 'Other wastes bought', '£/yr', 'lower'],
  ['electricity_revenue_gbp', 'Electricity sold', '£/yr', 'higher'],
  ['heat_revenue_gbp', 'Heat sold', '£/yr', 'higher'],
  ['avoided_gate_fees_gbp', "Today's gate fees avoided", '£/yr', 'higher'],
  ['avoided_tax_gbp', 'Landfill tax avoided', '£/yr', 'higher'],
  ['cost_net_gbp', 'Net cost', '£/yr', 'lower'],
  ['emptyings', 'Bin emptyings', 'per year', 'neutral'],
  ['rounds', 'Collection rounds', 'per year', 'neutral'],
  ['vehicle_km', 'Vehicle distance', 'km/yr', 'neutral'],
  ['digestate_wet_t', 'Digestate', 't/yr', 'neutral'],
  ['digestate_dry_t', 'Digestate dry matter', 't/yr', 'neutral'],
];
const withBasis = (m: MetricDef): MetricDef => { const basis = gasBasis(m.key); return basis ? { ...m, basis } : m; };
const def = ([key, label, unit, better, digesterOnly]: Row): MetricDef => withBasis({ key, label, unit, better, ...(better === 'lower' ? { lowerIsBetter: true } : {}), ...(digesterOnly ? { digesterOnly } : {}) });
const BY_KEY = new Map(ROWS.map((r) => [r[0], def(r)]));

/** The headline figures, in the order a waste officer reads them; every other figure goes under "All annual figures". */
const MAIN = ['dog_waste_collected_t', 'feed_t', 'biogas_Nm3', 'methane_Nm3', 'electricity_gross_kWh', 'electricity_net_kWh', 'heat_kWh',
  'homes_equivalent', 'co2e_net_t', 'cost_net_gbp'];
export const METRICS: MetricDef[] = MAIN.map((k) => BY_KEY.get(k)!);

/** Units of annual figures whose name ends in a compound unit (the suffix rule below would read "_m3_d" as days). */
const COMPOUND_UNITS: Array<[RegExp, string]> = [
  [/_kgVS_m3_d$/, 'kg VS/m3/d'], [/_kgCOD_m3_d$/, 'kg COD/m3/d'], [/_kgCOD_m3$/, 'kg COD/m3'], [/_mgN_L$/, 'mg N/L'],
  [/_m3_d$/, 'm3/d'], [/_kg_d$/, 'kg/d'], [/_t_d$/, 't/d'],
];

/** Unit from a snake_case name's suffix: "heat_used_kWh" -> "kWh", "OLR_kgVS_m3_d" -> "kg VS/m3/d", "HRT_d" -> "d". */
export function unitFromKey(key: string): string {
  for (const [re, unit] of COMPOUND_UNITS) if (re.test(key)) return unit;
  if (/^(emptyings|rounds)$/.test(key)) return 'count';
  const m = /_(kWh|MWh|Nm3|t|gbp|GBP|m3|kg|km|d|pct)$/.exec(key);
  return m ? (m[1] === 'gbp' ? 'GBP' : m[1]!) : '';
}

/** A figure's definition: from the table above, else from its name (a flow per year unless its unit is a rate). */
export function metricDef(key: string): MetricDef {
  const known = BY_KEY.get(key);
  if (known) return known;
  const u = unitFromKey(key);
  const unit = u === 'GBP' ? '£/yr' : /^(kWh|MWh|Nm3|t|m3|kg|km)$/.test(u) ? (/^co2e_/.test(key) && u === 't' ? 't CO2e/yr' : `${u}/yr`) : u === 'count' ? 'per year' : u;
  const better: Better = /avoided|revenue|saving/i.test(key) ? 'higher' : /cost|co2e|emission/i.test(key) ? 'lower' : 'neutral';
  return withBasis({ key, label: plainLabel(key), unit, better, ...(better === 'lower' ? { lowerIsBetter: true } : {}) });
}

/** Known figures first, then every other numeric annual figure. */
export function metricsFor(annuals: Array<Record<string, unknown>>): MetricDef[] {
  const present = new Set(annuals.flatMap((a) => Object.keys(a).filter((k) => typeof a[k] === 'number')));
  const main = new Set(MAIN);
  const rest = [...present].filter((k) => !main.has(k) && k !== 'year' && k !== 'days');
  const order = (k: string) => { const i = ROWS.findIndex((r) => r[0] === k); return i < 0 ? ROWS.length : i; };
  rest.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return [...METRICS.filter((m) => present.has(m.key)), ...rest.map(metricDef)];
}

/** Three significant figures at most; no false precision. (Cached formatters: this runs for every cell of a table.) */
export function fmt(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  // Trailing zeros kept (0.990, 4.20), so a card and the table beside it show the same figure the same way; a whole
  // number stays whole (50 %, not 50.0 %).
  const r = Number(x.toPrecision(3));
  return atPlace(r, Number.isInteger(r) ? Math.min(0, placeOf(Math.abs(r), 'quantity')) : placeOf(Math.abs(r), 'quantity'));
}

/** One minus sign everywhere (U+2212, as the differences use), never a hyphen. */
export const minus = (text: string): string => text.replace(/^-/, '\u2212');

/**
 * The kinds of figure, each rounded one way in every view (compare, editor, projection, print):
 * - money (£, £/yr): whole pounds, three significant figures (£214,000, £3,600, £45), never pence;
 * - price (£/t, £/kWh, a unit cost): pence when under £100 (£38.50/t, £0.37/kWh), else as money;
 * - whole (homes, bins, emptyings): whole numbers, three significant figures past 1,000;
 * - quantity (everything else): three significant figures.
 */
export type Kind = 'money' | 'price' | 'whole' | 'quantity';

/** The kind of a figure from its unit as shown ("£/yr", "£/t", "homes", "t CO2e/yr"). */
export function kindOf(unit: string): Kind {
  if (/^(£|GBP) ?\/ ?(t|kWh|MWh|m3|Nm3|kg|km|emptying|bin)\b/.test(unit)) return 'price';
  if (/^(£|GBP)/.test(unit)) return 'money';
  if (/^(homes|bins|per year|count)$/.test(unit)) return 'whole';
  return 'quantity';
}

/** Decimals that give the largest of the values three significant figures, capped for the kind (negative: tens...). */
function placeOf(big: number, kind: Kind): number {
  const d = big > 0 ? 2 - Math.floor(Math.log10(big)) : 0;
  if (kind === 'price') return big < 100 ? 2 : Math.min(d, 0);
  return kind === 'quantity' ? d : Math.min(d, 0);
}

/** x rounded at a place (decimals; negative rounds to tens, hundreds...), in en-GB, one minus sign, no "−0". */
function atPlace(x: number, place: number): string {
  const r = place >= 0 ? x : Math.round(x / 10 ** -place) * 10 ** -place;
  const t = formatFixedGB(r, Math.max(0, place));
  return /^-0(\.0*)?$/.test(t) ? t.slice(1) : minus(t);
}

/** One figure of its kind (a card, a sentence): see Kind. */
export function fmtKind(x: number | undefined, kind: Kind): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  if (kind === 'quantity') return fmt(x);
  return atPlace(x, placeOf(Math.abs(x), kind));
}

/**
 * One figure of a compare row at 3 significant figures of its own value (money in whole pounds at most, a price in
 * pence under £100), as adsim compare prints it: a row rounded at one place for all its cells made £4,446 beside
 * £214,000 read £4,000. Homes and counts take 3 significant figures too (5.47 homes, as the CLI), not whole numbers.
 */
export function fmtOwn(x: number | undefined, kind: Kind = 'quantity'): string {
  return kind === 'whole' ? fmt(x) : fmtKind(x, kind);
}

/** Money with its sign and symbol: "£63,200", "−£63,200" (whole pounds; a price in pence under £100). */
export function pounds(x: number | undefined, kind: 'money' | 'price' = 'money'): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  const t = fmtKind(Math.abs(x), kind);
  return `${x < 0 && !/^[0.,]+$/.test(t) ? '\u2212' : ''}£${t}`;
}

/**
 * A row (or column) of figures rounded alike: every value at the place that gives the largest three significant
 * figures (capped for the kind), so a column of 4.24 and 0.414 does not read as if one were known ten times better
 * than the other, and a row of 12,300 beside 456 is not more precise in one cell than the next.
 */
export function fmtRow(values: Array<number | undefined>, kind: Kind = 'quantity'): RowFormat {
  const big = Math.max(0, ...values.filter((v): v is number => v !== undefined && Number.isFinite(v)).map(Math.abs));
  if (big === 0) return Object.assign((x: number | undefined) => fmtKind(x, kind), { round: (x: number) => x });
  const place = placeOf(Number(big.toPrecision(3)), kind);
  return Object.assign((x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : atPlace(x, place)), {
    round: (x: number) => (place >= 0 ? Number(x.toFixed(place)) : Math.round(x / 10 ** -place) * 10 ** -place),
  });
}

/** A row's formatter, and the value as it shows (a difference of shown values reads right: 12,400 − 12,300 = 100, not ±0). */
export type RowFormat = ((x: number | undefined) => string) & { round: (x: number) => number };

export function fmtSigned(x: number | undefined, f: (x: number | undefined) => string = fmt): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  const t = f(Math.abs(x));
  return (/^[0.,]+$/.test(t) ? '±' : x > 0 ? '+' : x < 0 ? '\u2212' : '±') + t;
}

export const isMainMetric = (key: string): boolean => MAIN.includes(key);

/** Sentence-case label for a figure: the table's label when it has one, else the name without its unit suffix. */
export function plainLabel(key: string): string {
  const known = BY_KEY.get(key)?.label ?? BAR_LABELS[key];
  if (known) return known;
  let stem = key;
  for (const [re] of COMPOUND_UNITS) stem = stem.replace(re, '');
  const words = stem.replace(/_(kWh|MWh|Nm3|t|gbp|GBP|m3|kg|km|d|pct)$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A bar of the grouped charts: the figure, its plain label, and its sign in the chart (-1: avoided or earned). */
export interface BarDef { key: string; label: string; sign: 1 | -1 }

/** Figures for the grouped bar charts, by theme; only those a result has are drawn. */
export const ENERGY_BARS: BarDef[] = [
  { key: 'electricity_gross_kWh', label: 'Electricity generated', sign: 1 },
  { key: 'electricity_net_kWh', label: 'Electricity exported', sign: 1 },
  { key: 'heat_kWh', label: 'Heat generated', sign: 1 },
  { key: 'heat_used_kWh', label: 'Heat used on site', sign: 1 },
];
/**
 * Carbon and money bars are the parts that add up to the net figure: emissions and costs above zero, what the plant
 * displaces or earns below zero. The disposal a scenario avoids against today's route is not part of its own net (it
 * shows as the difference from the baseline), so it is left out of the charts.
 */
export const CARBON_BARS: BarDef[] = [
  { key: 'co2e_transport_t', label: 'Collection transport', sign: 1 },
  { key: 'co2e_disposal_t', label: "Today's route (reject)", sign: 1 },
  { key: 'co2e_methane_slip_t', label: 'Methane slip', sign: 1 },
  { key: 'co2e_avoided_grid_t', label: 'Grid electricity displaced', sign: -1 },
  { key: 'co2e_avoided_heat_t', label: 'Heat displaced', sign: -1 },
  { key: 'co2e_net_t', label: 'Net', sign: 1 },
];
export const MONEY_BARS: BarDef[] = [
  { key: 'collection_cost_gbp', label: 'Collection', sign: 1 },
  { key: 'disposal_cost_gbp', label: "Gate fees, today's route", sign: 1 },
  { key: 'ad_gate_fee_gbp', label: 'AD gate fee', sign: 1 },
  { key: 'digester_cost_gbp', label: 'Digester running cost', sign: 1 },
  { key: 'co_substrate_cost_gbp', label: 'Other wastes bought', sign: 1 },
  { key: 'electricity_revenue_gbp', label: 'Electricity sold', sign: -1 },
  { key: 'heat_revenue_gbp', label: 'Heat sold', sign: -1 },
  { key: 'cost_net_gbp', label: 'Net cost', sign: 1 },
];

const BAR_LABELS: Record<string, string> = Object.fromEntries([...ENERGY_BARS, ...CARBON_BARS, ...MONEY_BARS].map((b) => [b.key, b.label]));
