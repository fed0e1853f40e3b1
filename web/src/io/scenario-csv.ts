// The compare view's CSV files: annual figures with plain labels and units, daily series with a unit per column,
// each opening with the date, the program and model versions and the estimate caveat.
import { csvWithHeader } from '../../../src/export/csv.js';
import type { ScenarioResultLike } from '../../../src/worker/engine.js';
import { metricsFor, unitText } from '../fields/metrics.js';
import { FRACTION_BASIS, NORMAL_BASIS, WET_FRACTION_BASIS, gasBasis } from '../fields/basis.js';
import { ESTIMATE_CAVEAT } from './research-files.js';

/** Every exported figure is a model estimate; the dog-waste inputs are estimates themselves. */
export const EXPORT_CAVEAT = `Figures are simulated estimates, not measurements. ${ESTIMATE_CAVEAT}`;

export interface CsvScenario { name: string; result?: ScenarioResultLike; baseline?: boolean }

const annualOf = (r?: ScenarioResultLike) => (r?.annual ?? {}) as unknown as Record<string, number | undefined>;

/**
 * One row per annual figure: its plain label, its unit, the key scripts use, each scenario's value, then each
 * scenario's difference from the baseline. Four significant figures: the model is not known better than that.
 */
export function annualCsv(cols: CsvScenario[], date?: Date): string {
  const base = cols.find((c) => c.baseline);
  const others = base ? cols.filter((c) => c !== base) : [];
  const metrics = metricsFor(cols.map((c) => annualOf(c.result) as Record<string, unknown>));
  const rows: unknown[][] = [['figure', 'unit', 'key', ...cols.map((c) => c.name), ...others.map((c) => `${c.name} minus ${base!.name}`)]];
  for (const m of metrics) {
    const b = annualOf(base?.result)[m.key];
    rows.push([m.label, unitText(m), m.key, ...cols.map((c) => annualOf(c.result)[m.key]),
      ...others.map((c) => { const v = annualOf(c.result)[m.key]; return v !== undefined && b !== undefined ? v - b : undefined; })]);
  }
  const notes = [`Annual figures of the first compared year${base ? `; differences against the baseline "${base.name}"` : ''}`, EXPORT_CAVEAT];
  return csvWithHeader(rows, notes, { date, digits: 4 });
}

/** Units of the daily series, by name (a series not listed here is given without one). */
const DAILY: Record<string, { label: string; unit: string }> = {
  t_d: { label: 'day', unit: 'd' },
  collected_t: { label: 'dog waste collected', unit: 't/d' },
  dog_fed_t: { label: 'dog waste fed', unit: 't/d' },
  feed_t: { label: 'digester feed', unit: 't/d' },
  feed_m3: { label: 'feed volume', unit: 'm3/d' },
  methane_Nm3: { label: `methane (${NORMAL_BASIS})`, unit: 'Nm3/d' },
  biogas_Nm3: { label: `biogas (${NORMAL_BASIS})`, unit: 'Nm3/d' },
  biogas_dry_Nm3: { label: `biogas, dry (${NORMAL_BASIS})`, unit: 'Nm3/d' },
  pH: { label: 'pH', unit: 'pH' },
  VFA_kgCOD_m3: { label: 'volatile fatty acids', unit: 'kg COD/m3' },
  free_nh3_mgN_L: { label: 'free ammonia', unit: 'mg N/L' },
  I_nh3: { label: 'ammonia inhibition factor (1 = none)', unit: '-' },
  ch4_fraction: { label: `methane fraction of biogas (${WET_FRACTION_BASIS})`, unit: 'mol/mol' },
  ch4_fraction_dry: { label: `methane fraction of biogas (${FRACTION_BASIS}), CH4/(CH4+CO2)`, unit: 'mol/mol' },
  S_IN: { label: 'inorganic nitrogen', unit: 'kmol N/m3' },
};

const isSeries = (v: unknown): v is ArrayLike<number> => ArrayBuffer.isView(v) || (Array.isArray(v) && typeof v[0] === 'number');

/**
 * Daily series, one column each headed "label [unit]". The run's start-up days (a digester filling from a seed
 * state, not part of the compared year) are left out unless `startup` is set; the day column keeps the run's own
 * day numbers, so rows still line up with a file that includes them.
 */
export function dailyCsv(c: CsvScenario, opts: { startup?: boolean; date?: Date } = {}): string {
  const r = c.result;
  const daily = (r?.daily ?? {}) as Record<string, unknown>;
  const keys = Object.keys(daily).filter((k) => isSeries(daily[k]));
  const cols = keys.map((k) => ({ k, v: daily[k] as ArrayLike<number> }));
  const n = Math.max(0, ...cols.map((x) => x.v.length));
  const startup_d = Math.max(0, Math.min(n, r?.run?.startup_d ?? 0));
  const from = opts.startup ? 0 : startup_d;
  const head = cols.map(({ k }) => (DAILY[k] ? `${DAILY[k]!.label} [${DAILY[k]!.unit}]` : gasBasis(k) ? `${k} (${gasBasis(k)})` : k));
  const rows: unknown[][] = [head];
  for (let i = from; i < n; i++) rows.push(cols.map((x) => x.v[i]));
  const notes = [
    `Daily series of "${c.name}"; ${opts.startup ? `the first ${startup_d} days are the digester's start-up, not part of the compared year` : `start-up (${startup_d} days) left out: day ${startup_d} is the first of the compared year`}`,
    EXPORT_CAVEAT,
  ];
  return csvWithHeader(rows, notes, { date: opts.date });
}
