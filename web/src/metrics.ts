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

/** Unit from a snake_case name's suffix: "heat_used_kWh" -> "kWh". */
export function unitFromKey(key: string): string {
  const m = /_(kWh|MWh|Nm3|t|gbp|GBP|m3|kg|d|pct)$/.exec(key);
  return m ? (m[1] === 'gbp' ? 'GBP' : m[1]!) : '';
}

/** Known figures first, then every other numeric annual figure. */
export function metricsFor(annuals: Array<Record<string, unknown>>): MetricDef[] {
  const known = new Set(METRICS.map((m) => m.key));
  const present = new Set(annuals.flatMap((a) => Object.keys(a).filter((k) => typeof a[k] === 'number')));
  const extra = [...present].filter((k) => !known.has(k) && k !== 'year' && k !== 'days').sort()
    .map((k) => ({ key: k, label: k.replace(/_/g, ' '), unit: unitFromKey(k), lowerIsBetter: /cost|co2e|emission/i.test(k) }));
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

/** Figures for the grouped bar charts, by theme; only those a result has are drawn. */
export const ENERGY_BARS = ['electricity_gross_kWh', 'electricity_net_kWh', 'heat_kWh', 'heat_used_kWh'];
export const CARBON_BARS = ['co2e_transport_t', 'co2e_disposal_t', 'co2e_methane_slip_t', 'co2e_avoided_grid_t', 'co2e_avoided_heat_t', 'co2e_avoided_disposal_t', 'co2e_net_t'];
export const MONEY_BARS = ['collection_cost_gbp', 'disposal_cost_gbp', 'ad_gate_fee_gbp', 'digester_cost_gbp', 'electricity_revenue_gbp', 'avoided_gate_fees_gbp', 'avoided_tax_gbp', 'cost_net_gbp'];
