// The annual figures the compare view shows, with plain labels and units, and how to format numbers for people.

export interface MetricDef { key: string; label: string; unit: string; /** True when lower is better (costs, emissions). */ lowerIsBetter?: boolean }

/** Known figures first, in the order a waste officer reads them; any other numeric annual figure follows by its name. */
export const METRICS: MetricDef[] = [
  { key: 'dog_waste_collected_t', label: 'Dog waste collected', unit: 't/yr' },
  { key: 'feed_t', label: 'Digester feed', unit: 't/yr' },
  { key: 'biogas_Nm3', label: 'Biogas', unit: 'Nm3/yr' },
  { key: 'methane_Nm3', label: 'Methane', unit: 'Nm3/yr' },
  { key: 'electricity_gross_kWh', label: 'Electricity generated', unit: 'kWh/yr' },
  { key: 'electricity_net_kWh', label: 'Electricity exported (net)', unit: 'kWh/yr' },
  { key: 'heat_kWh', label: 'Heat generated', unit: 'kWh/yr' },
  { key: 'homes_equivalent', label: 'Homes powered (equivalent)', unit: 'homes' },
  { key: 'co2e_net_t', label: 'Net greenhouse gas', unit: 't CO2e/yr', lowerIsBetter: true },
  { key: 'cost_net_gbp', label: 'Net cost', unit: 'GBP/yr', lowerIsBetter: true },
];

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

/** Known figures first, then every other numeric annual figure. */
export function metricsFor(annuals: Array<Record<string, unknown>>): MetricDef[] {
  const known = new Set(METRICS.map((m) => m.key));
  const present = new Set(annuals.flatMap((a) => Object.keys(a).filter((k) => typeof a[k] === 'number')));
  const extra = [...present].filter((k) => !known.has(k) && k !== 'year' && k !== 'days').sort()
    .map((k) => ({ key: k, label: plainLabel(k), unit: unitFromKey(k), lowerIsBetter: /cost|co2e|emission/i.test(k) }));
  return [...METRICS.filter((m) => present.has(m.key)), ...extra];
}

const nf = (digits: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits });

/** Three significant figures at most; no false precision. */
export function fmt(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a >= 1000) return nf(0).format(Number(x.toPrecision(3)));
  return nf(a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3).format(Number(x.toPrecision(3)));
}

export function fmtSigned(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  return (x > 0 ? '+' : x < 0 ? '−' : '±') + fmt(Math.abs(x));
}

export const isMainMetric = (key: string): boolean => METRICS.some((m) => m.key === key);

/** Sentence-case label for a figure: the table's label when it has one, else the name without its unit suffix. */
export function plainLabel(key: string): string {
  const known = METRICS.find((m) => m.key === key) ?? BAR_LABELS[key];
  if (known) return typeof known === 'string' ? known : known.label;
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
  { key: 'co2e_disposal_t', label: 'Disposal', sign: 1 },
  { key: 'co2e_methane_slip_t', label: 'Methane slip', sign: 1 },
  { key: 'co2e_avoided_grid_t', label: 'Grid electricity displaced', sign: -1 },
  { key: 'co2e_avoided_heat_t', label: 'Heat displaced', sign: -1 },
  { key: 'co2e_net_t', label: 'Net', sign: 1 },
];
export const MONEY_BARS: BarDef[] = [
  { key: 'collection_cost_gbp', label: 'Collection', sign: 1 },
  { key: 'disposal_cost_gbp', label: 'Disposal', sign: 1 },
  { key: 'ad_gate_fee_gbp', label: 'AD gate fee', sign: 1 },
  { key: 'digester_cost_gbp', label: 'Digester running cost', sign: 1 },
  { key: 'co_substrate_cost_gbp', label: 'Co-substrates bought', sign: 1 },
  { key: 'electricity_revenue_gbp', label: 'Electricity sold', sign: -1 },
  { key: 'heat_revenue_gbp', label: 'Heat sold', sign: -1 },
  { key: 'cost_net_gbp', label: 'Net cost', sign: 1 },
];

const BAR_LABELS: Record<string, string> = Object.fromEntries([...ENERGY_BARS, ...CARBON_BARS, ...MONEY_BARS].map((b) => [b.key, b.label]));
