// Plain-language text tables of scenario results for people who are not engineers, and CSV of the same figures.
import type { AnnualAccount } from '../accounting/annual.js';
import type { ComparedScenario, Comparison } from './compare.js';
import type { Projection } from '../pipeline/project.js';
import { roundSig } from '../export/csv.js';

type Key = keyof AnnualAccount;

/** P10-P90 ranges of projection figures, as src/analysis/projection-ranges computes them (declared here so the tables
 *  do not import the analysis layer above them). */
type RangedFigure = 'dog_waste_collected_t' | 'electricity_net_kWh' | 'homes_equivalent' | 'co2e_net_t' | 'cost_net_gbp' | 'saving_vs_today_gbp' | 'co2e_saving_vs_today_t';
interface Range { p10: number; p90: number }
export interface TableRanges {
  samples: number;
  ok: number;
  covers: string;
  /** The few-samples caution (montecarlo.ts fewSamplesCaution), when fewer than 50 samples finished. */
  caution?: string;
  years: Partial<Record<RangedFigure, Range>>[];
  totals: Record<RangedFigure, Range> & { homes_equivalent_mean?: Range };
  economics?: { npv_gbp: Range; npv_with_carbon_gbp: Range; cost_per_t_diverted_gbp: Range; payback_yr: { p10: number | null; p90: number | null } };
  /** Report lines on failed samples (count, reliability, the first few with their inputs), from the analysis layer. */
  failedLines?: string[];
}
interface Row { label: string; key?: Key; get?: (a: AnnualAccount) => number; unit?: string; note?: (s: ComparedScenario) => string }

/** True when the scenario's digester costs are not given (so the money rows leave them out). */
const notCosted = (s: ComparedScenario): boolean => s.assumptions.some((a) => a.field === 'digester.annual_cost');

/** Economics rows: one cell per scenario (the baseline's are blank). */
const ECON_ROWS: [string, (e: ComparedScenario) => string][] = [
  ['Cost to build (CAPEX, before optimism bias)', (s) => (s.economics.capex_gbp ? `${gbp(s.economics.capex_gbp)}` : s.destination === 'digester' ? 'none (existing plant)' : '-')],
  ['Optimism bias (Green Book uplift)', (s) => (s.economics.optimism_bias_gbp ? `${gbp(s.economics.optimism_bias_gbp)} (${Math.round(s.economics.optimism_bias_fraction * 100)} %)` : '-')],
  ['Running cost a year (OPEX)', (s) => (s.destination === 'digester' ? `${gbp(s.economics.opex_gbp_yr)}` : '-')],
  ['Net present value vs today (NPV)', (s) => (s.destination === 'digester' ? `${gbp(s.economics.npv_gbp)}${rangeCell(s.economics.ranges?.npv_gbp)}` : '-')],
  ['NPV with carbon valued (DESNZ central)', (s) => (s.destination === 'digester' ? `${gbp(s.economics.npv_with_carbon_gbp)}` : '-')],
  ['Pays back in year', (s) => (s.destination !== 'digester' ? '-' : s.economics.payback_yr === null ? 'never' : s.economics.payback_yr === 0 && !s.economics.capex_gbp ? 'at once (no plant to build)' : String(s.economics.payback_yr))],
  ['Extra cost a year vs today (annualised)', (s) => (s.destination === 'digester' ? `${gbp(s.economics.annualised_cost_gbp_yr)}` : '-')],
  ['Extra cost per tonne diverted', (s) => (s.destination === 'digester' ? perTonne(s.economics.cost_per_t_diverted_gbp) : '-')],
];

/** Cost per tonne diverted, or why there is none. */
const perTonne = (x: number | null) => (x === null ? 'n/a (nothing diverted)' : gbp(x));
const rangeCell = (r?: { p10: number; p90: number }) => (r ? ` (${fmt(r.p10)} to ${fmt(r.p90)})` : '');
/** True when the energy is what the dog waste adds to a plant that digests other waste already. */
export const isIncrement = (a: AnnualAccount): boolean => Math.abs(a.methane_plant_total_Nm3 - a.methane_Nm3) > 1e-6;

/** The energy heading; the table adds what an existing plant's figures mean only when a column is one (see isIncrement). */
const ENERGY_HEADING = 'ENERGY (a year)';

/** The rows shown, in plain words; money and carbon are signed so that negative means a saving. */
export const ROWS: (Row | string)[] = [
  'WASTE (tonnes a year)',
  { label: 'Dog waste collected from bins', key: 'dog_waste_collected_t' },
  { label: 'Sent to incinerator or landfill', key: 'to_today_route_t' },
  { label: 'Dog waste fed to the digester', key: 'dog_waste_fed_t' },
  { label: 'Everything fed to the digester (whole plant)', key: 'feed_t' },
  { label: 'Digestate out (wet)', key: 'digestate_wet_t' },
  { label: 'Digestate dry matter', key: 'digestate_dry_t' },
  { label: 'Digestate nitrogen (t N)', key: 'digestate_N_t' },
  ENERGY_HEADING,
  { label: 'Biogas made (dry cubic metres at 0 C)', key: 'biogas_Nm3' },
  { label: 'Methane made (cubic metres)', key: 'methane_Nm3' },
  { label: 'Electricity generated (kWh)', key: 'electricity_gross_kWh' },
  { label: 'Electricity exported after own use (kWh)', key: 'electricity_net_kWh' },
  { label: 'Heat made (kWh)', key: 'heat_kWh' },
  { label: 'Heat put to use (kWh)', key: 'heat_used_kWh' },
  { label: 'Homes whose electricity this covers', key: 'homes_equivalent' },
  'CARBON (tonnes CO2e a year; minus = saved)',
  { label: 'Collection vehicles', key: 'co2e_transport_t' },
  { label: 'Incinerator or landfill', key: 'co2e_disposal_t' },
  { label: 'Methane leaks', key: 'co2e_methane_slip_t' },
  { label: 'Grid electricity replaced', get: (a) => -a.co2e_avoided_grid_t - a.co2e_avoided_heat_t },
  { label: 'Net carbon', key: 'co2e_net_t' },
  'MONEY (£ a year; minus = income)',
  { label: 'Emptying the bins', key: 'collection_cost_gbp' },
  { label: 'Incinerator/landfill fees and tax', key: 'disposal_cost_gbp' },
  { label: 'Digester fees and running costs', get: (a) => a.ad_gate_fee_gbp + a.digester_cost_gbp + a.co_substrate_cost_gbp, note: (s) => (notCosted(s) ? ' not costed' : '') },
  { label: 'Building the plant (annualised)', key: 'capex_annualised_gbp' },
  { label: 'Digestate (minus = fertiliser value)', key: 'digestate_cost_gbp' },
  { label: 'Energy sold', get: (a) => -a.electricity_revenue_gbp - a.heat_revenue_gbp },
  { label: 'Net cost', key: 'cost_net_gbp' },
];

const val = (r: Row, a: AnnualAccount): number => (r.get ? r.get(a) : a[r.key!]);

/** Rounds to 3 significant figures with thousands separators: model results are not more precise than that. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const digits = Math.max(0, 2 - Math.floor(Math.log10(abs)));
  const rounded = Number(x.toPrecision(3));
  if (rounded === 0) return '0';
  const text = rounded.toLocaleString('en-GB', { maximumFractionDigits: Math.min(digits, 2), minimumFractionDigits: 0 });
  return text === '-0' ? '0' : text;
}

/** Money with one leading minus sign: "-£63,200", not "£-63,200" (a negative NPV or cost means a loss or a saving
 *  as its row says). */
export function gbp(x: number): string {
  const t = fmt(x);
  return t.startsWith('-') ? `-£${t.slice(1)}` : `£${t}`;
}

/** "pH 6.9-7.3"; a range that rounds to one value gets a second decimal, and one value is printed once. */
export function pHRange(lo: number, hi: number): string {
  for (const d of [1, 2]) {
    const a = lo.toFixed(d), b = hi.toFixed(d);
    if (a !== b) return `pH ${a}-${b}`;
  }
  return `pH ${lo.toFixed(2)}`;
}

/** The energy heading, qualified only when a scenario feeds a plant that already digests other waste. */
function energyHeading(c: Comparison): string {
  const inc = c.scenarios.filter((s) => isIncrement(s.annual));
  if (inc.length === 0) return ENERGY_HEADING;
  const which = inc.length === c.scenarios.length ? 'at a plant that already digests other waste' : `for ${inc.map((s) => `"${s.name}"`).join(', ')} (a plant that already digests other waste)`;
  return `ENERGY (a year; ${which}: what the dog waste adds)`;
}

function signed(x: number): string {
  const s = fmt(x);
  return x > 0 && s !== '0' ? `+${s}` : s;
}

function pad(s: string, w: number, left = false): string {
  return left ? s.padEnd(w) : s.padStart(w);
}

/**
 * Side-by-side table: one column per scenario; with several, non-baseline columns also show the difference from the
 * baseline. `configurations` labels columns that show one configuration of a rollout (e.g. "full rollout, year 5").
 */
export function comparisonTable(c: Comparison): string {
  // Economics and health labels too, so no label pushes its row's cells out of their columns.
  const labelW = Math.max(...ROWS.map((r) => (typeof r === 'string' ? 0 : r.label.length)), ...ECON_ROWS.map(([l]) => l.length), 'Status (operators\' indicators)'.length) + 2;
  const single = c.scenarios.length === 1;
  const base = c.scenarios.find((x) => x.name === c.baseline)!;
  const cols = c.scenarios.map((s) => {
    const cells = ROWS.map((r) => {
      if (typeof r === 'string') return '';
      const v = val(r, s.annual);
      const note = r.note?.(s) ?? '';
      // Nothing costed: say so instead of "0 not costed (0)"; a difference from a figure that is not there means nothing.
      if (note && v === 0) return note.trim();
      if (!s.difference) return fmt(v) + note;
      return `${fmt(v)}${note} (${signed(v - val(r, base.annual))})`;
    });
    const status = s.health && (s.health.status === 'at risk' || s.health.status === 'failing') ? `${s.health.status} from day ${s.health.first_change_day}` : s.health?.status ?? '-';
    const health = s.stability && s.stability.pH_min !== null && s.stability.pH_max !== null
      ? [pHRange(s.stability.pH_min, s.stability.pH_max), status]
      : [s.destination === 'digester' ? 'not fed' : 'no digester', '-'];
    const head = s.name + (s.difference || single ? '' : ' [baseline]');
    // The economics cells count in the column width too: a long one ("at once (no plant to build)") ran into its neighbour.
    const econ = ECON_ROWS.map(([, f]) => f(s));
    return { head, sub: s.configuration ? `[${s.configuration}]` : '', cells, health, econ };
  });
  const widths = cols.map((col) => Math.max(col.head.length, col.sub.length, ...col.cells.map((x) => x.length), ...col.health.map((x) => x.length), ...col.econ.map((x) => x.length)) + 2);
  const lines: string[] = [];
  // The answer first: one plain sentence per scenario against today's route.
  for (const s of c.scenarios) lines.push(`${s.name}: ${s.verdict}`);
  lines.push('');
  lines.push(pad('', labelW, true) + cols.map((col, i) => pad(col.head, widths[i]!)).join(''));
  if (cols.some((col) => col.sub)) lines.push(pad('', labelW, true) + cols.map((col, i) => pad(col.sub, widths[i]!)).join(''));
  ROWS.forEach((r, j) => {
    if (typeof r === 'string') { lines.push(''); lines.push(r === ENERGY_HEADING ? energyHeading(c) : r); return; }
    lines.push(pad('  ' + r.label, labelW, true) + cols.map((col, i) => pad(col.cells[j]!, widths[i]!)).join(''));
  });
  lines.push('');
  const e = c.scenarios[0]!.economics;
  lines.push(`ECONOMICS (whole life, ${e.lifetime_yr} years at ${Math.round(e.discount_rate * 1000) / 10} % real, against sending the same bins, emptied the same way, to today's route;`);
  lines.push('  a change of collection shows in the MONEY rows above, not here; costs are estimates, see docs/economics.md)');
  ECON_ROWS.forEach(([label], j) => lines.push(pad('  ' + label, labelW, true) + cols.map((col, i) => pad(col.econ[j]!, widths[i]!)).join('')));
  for (const s of c.scenarios) {
    if (s.destination !== 'digester') continue;
    const items = s.economics.capex_items.map((it) => `${it.item} ${gbp(it.gbp)} ${it.source}`).join('; ');
    if (items) lines.push(`  "${s.name}" CAPEX: ${items}.`);
    const sw = s.economics.switching_values.map((v) => v.text).join('; ');
    if (sw) lines.push(`  "${s.name}" switching values: ${sw}.`);
    const d = s.digestate;
    if (d.wet_t > 0) lines.push(`  "${s.name}" digestate: ${fmt(d.wet_t)} t/yr wet, ${fmt(d.dry_t)} t dry matter, ${fmt(d.N_t)} t N (${fmt(d.N_available_t)} t readily available); ${d.use === 'plant operator' ? "the plant operator's" : d.use === 'fertiliser' ? `worth ${gbp(d.value_gbp)} a year as fertiliser` : `costs ${gbp(-d.value_gbp)} a year to dispose of`}; ${fmt(d.storage_m3)} m3 of storage for ${d.storage_months} months.`);
  }
  lines.push('');
  lines.push('DIGESTER HEALTH (first year)');
  lines.push(pad('  pH range', labelW, true) + cols.map((col, i) => pad(col.health[0]!, widths[i]!)).join(''));
  lines.push(pad('  Status (operators\' indicators)', labelW, true) + cols.map((col, i) => pad(col.health[1]!, widths[i]!)).join(''));
  lines.push('');
  lines.push(`${single ? '' : `Figures in brackets: difference from the baseline "${c.baseline}". `}Results are rounded to 3 significant figures;`);
  lines.push('dog-faeces gas yields are estimates (no published standard BMP), so treat them as +/- 40 %.');
  const uncosted = c.scenarios.filter(notCosted).map((s) => `"${s.name}"`);
  if (uncosted.length) lines.push(`Digester capital and running costs are not included (counted as £0) for ${uncosted.join(', ')}: give digester.annual_cost to include them.`);
  const inc = c.scenarios.filter((s) => isIncrement(s.annual)).map((s) => `"${s.name}"`);
  if (inc.length) lines.push(`${inc.join(', ')}: energy, carbon and money are what the dog waste adds to the plant; "Everything fed" is the whole plant's intake.`);
  for (const s of c.scenarios) {
    if (s.warnings.length === 0) continue;
    lines.push('');
    lines.push(`Warnings for "${s.name}":`);
    for (const w of s.warnings) lines.push(`  - ${w}`);
  }
  return lines.join('\n') + '\n';
}

/** Year-by-year projection table for councillors; with ranges, a "likely range" line (P10-P90) under the uncertain figures. */
export function projectionTable(p: Projection, ranges?: TableRanges): string {
  type Y = Projection['years'][number];
  const rows: [string, (y: Y) => string, RangedFigure?][] = [
    ['Year', (y) => String(y.year)],
    ['Areas taking part', (y) => String(y.areas_joined.length)],
    ['Dog bins', (y) => fmt(y.bins)],
    ['Dog waste collected (t)', (y) => fmt(y.dog_waste_collected_t), 'dog_waste_collected_t'],
    ['Electricity exported (kWh)', (y) => fmt(y.electricity_net_kWh), 'electricity_net_kWh'],
    ['Homes powered', (y) => fmt(y.homes_equivalent), 'homes_equivalent'],
    ['Net carbon (t CO2e)', (y) => fmt(y.co2e_net_t), 'co2e_net_t'],
    ['Net cost (£)', (y) => fmt(y.cost_net_gbp), 'cost_net_gbp'],
    ['Saving vs today\'s route (£)', (y) => fmt(y.saving_vs_today_gbp), 'saving_vs_today_gbp'],
    ['Carbon saved vs today (t CO2e)', (y) => fmt(y.co2e_saving_vs_today_t), 'co2e_saving_vs_today_t'],
    ['Whole-life cash flow vs today (£)', (y) => fmt(y.cashflow_gbp)],
    ['Cumulative, discounted, from the build (£)', (y) => fmt(y.cumulative_discounted_gbp)],
  ];
  const all: [string, string[]][] = [];
  for (const [label, f, key] of rows) {
    all.push([label, p.years.map(f)]);
    if (ranges && key) {
      all.push(['  likely range (P10 to P90)', p.years.map((_, i) => {
        const r = ranges.years[i]?.[key];
        return r ? `${fmt(r.p10)} to ${fmt(r.p90)}` : '';
      })]);
    }
  }
  const labelW = Math.max(...all.map((r) => r[0].length)) + 2;
  const lines = [`${p.name}: ${p.years.length}-year projection`, '', p.verdict, ...(ranges?.caution ? [ranges.caution] : []), ''];
  const w = p.years.map((_, i) => Math.max(...all.map((c) => c[1][i]!.length)) + 2);
  for (const [label, cells] of all) lines.push(pad(label, labelW, true) + cells.map((c, i) => pad(c, w[i]!)).join(''));
  lines.push('');
  const t = p.totals;
  lines.push(`Over ${p.years.length} years: ${fmt(t.dog_waste_collected_t ?? 0)} t collected, ${fmt(t.electricity_net_kWh ?? 0)} kWh exported, net carbon ${fmt(t.co2e_net_t ?? 0)} t CO2e, net cost ${gbp(t.cost_net_gbp ?? 0)}; against today's route that saves ${gbp(t.saving_vs_today_gbp ?? 0)} and ${fmt(t.co2e_saving_vs_today_t ?? 0)} t CO2e.`);
  // Homes powered is a per-year figure: its mean and best year, never a sum over years.
  if (t.homes_equivalent_mean !== undefined) lines.push(`Homes powered (a yearly figure, not added up over years): ${fmt(t.homes_equivalent_mean)} on average over the ${p.years.length} years, ${fmt(t.homes_equivalent_peak ?? t.homes_equivalent_mean)} in the best year.`);
  if (ranges) {
    const r = ranges.totals;
    lines.push(`Likely range over ${p.years.length} years (P10 to P90): ${fmt(r.electricity_net_kWh.p10)} to ${fmt(r.electricity_net_kWh.p90)} kWh exported; carbon saved ${fmt(r.co2e_saving_vs_today_t.p10)} to ${fmt(r.co2e_saving_vs_today_t.p90)} t CO2e; money saved ${gbp(r.saving_vs_today_gbp.p10)} to ${gbp(r.saving_vs_today_gbp.p90)}${r.homes_equivalent_mean ? `; homes powered, average over the years, ${fmt(r.homes_equivalent_mean.p10)} to ${fmt(r.homes_equivalent_mean.p90)}` : ''}.`);
    const er = ranges.economics;
    if (er && (p.economics.capex_gbp > 0 || p.economics.opex_gbp_yr > 0 || p.economics.npv_gbp !== 0)) {
      // Payback P10/P90 are nearest-rank (projection-ranges.ts): whole years, as every sample's payback is.
      const py = (x: number | null) => (x === null ? 'never' : `year ${fmt(x)}`);
      lines.push(`Likely whole-life range (P10 to P90): NPV ${gbp(er.npv_gbp.p10)} to ${gbp(er.npv_gbp.p90)} (with carbon ${gbp(er.npv_with_carbon_gbp.p10)} to ${gbp(er.npv_with_carbon_gbp.p90)}); ${gbp(er.cost_per_t_diverted_gbp.p10)} to ${gbp(er.cost_per_t_diverted_gbp.p90)} per tonne diverted; pays back ${py(er.payback_yr.p10)} to ${py(er.payback_yr.p90)}.`);
    }
    lines.push(`Ranges: ${ranges.covers}`);
    if (ranges.caution) lines.push(ranges.caution);
    // Every failed sample is counted, the first few named with their inputs; too many make the ranges unreliable.
    if (ranges.ok < ranges.samples) lines.push(...(ranges.failedLines ?? [`${ranges.samples - ranges.ok} of ${ranges.samples} samples failed and are left out.`]));
  }
  const e = p.economics;
  if (e.capex_gbp > 0 || e.opex_gbp_yr > 0) {
    lines.push(`Economics (plant built for the full rollout, ${e.lifetime_yr}-year life, ${Math.round(e.discount_rate * 1000) / 10} % real): CAPEX ${gbp(e.capex_gbp)} + optimism bias ${gbp(e.optimism_bias_gbp)} in year 0, OPEX ${gbp(e.opex_gbp_yr)} a year; NPV ${gbp(e.npv_gbp)} (with carbon valued ${gbp(e.npv_with_carbon_gbp)}); ${e.payback_yr === null ? 'never pays back within the plant life' : `pays back in year ${e.payback_yr}`}; ${e.cost_per_t_diverted_gbp === null ? 'no cost per tonne diverted (nothing diverted)' : `${gbp(e.cost_per_t_diverted_gbp)} per tonne diverted`}.`);
  }
  if (p.warnings.length) { lines.push(''); lines.push('Warnings:'); for (const x of p.warnings) lines.push(`  - ${x}`); }
  return lines.join('\n') + '\n';
}

/** CSV of a comparison: one row per figure, one column per scenario (10 significant digits, every cell alike). */
export function comparisonCsv(c: Comparison): string {
  const keys = Object.keys(c.scenarios[0]!.annual) as Key[];
  const head = ['figure', ...c.scenarios.map((s) => csvCell(s.name))].join(',');
  return [head, ...keys.map((k) => [k, ...c.scenarios.map((s) => String(roundSig(s.annual[k], 10)))].join(','))].join('\n') + '\n';
}

/** CSV of daily series (one row per day). */
export function dailyCsv(daily: Record<string, Float64Array>): string {
  const names = Object.keys(daily);
  const n = daily[names[0]!]?.length ?? 0;
  const lines = [names.join(',')];
  for (let i = 0; i < n; i++) lines.push(names.map((k) => String(roundSig(daily[k]![i]!, 10))).join(','));
  return lines.join('\n') + '\n';
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
