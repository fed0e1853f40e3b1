// <compare-view>: the waste officer's view: scenarios side by side, differences from the baseline, daily and annual charts.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { ChartConfiguration } from 'chart.js';
import { DEFAULTS } from '../../../src/scenario/defaults.js';
import { parameterDef } from '../../../models/adm1/parameters.js';
import type { ScenarioResultLike } from '../../../src/worker/engine.js';
import { act } from '../state/action.js';
import '../charts/chart.js';
import { downloadText, slug, toCsv } from '../io/download.js';
import { CARBON_BARS, ENERGY_BARS, MONEY_BARS, fmt, fmtSigned, isMainMetric, metricsFor, type BarDef, type MetricDef } from '../fields/metrics.js';
import { colour, dash } from '../charts/palette.js';
import { BIOGAS, FREE_NH3, METHANE, PH, annualOf, dailyColumns, findSeries, yearWindow } from '../charts/series.js';
import type { ScenarioStore } from '../state/store.js';
import { shared } from '../styles.js';

interface Col { id: string; name: string; result?: ScenarioResultLike }

export class CompareView extends LitElement {
  static override properties = { store: { attribute: false }, rev: { type: Number } };
  declare store?: ScenarioStore;
  declare rev: number;

  static override styles = [shared, css`
    .pick { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0.2rem 1rem; margin-bottom: 0.75rem; }
    .pick label { font-size: 0.9rem; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 1rem; margin-top: 1rem; }
    figure { margin: 0; border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem; }
    figcaption { font-weight: 600; margin-bottom: 0.25rem; }
    .better { color: #00643f; } .worse { color: #a4000f; }
    .base { font-size: 0.75rem; color: #555; display: block; }
    .diff { display: block; font-size: 0.8rem; }
    .warn { font-size: 0.85rem; }
    .note { font-size: 0.8rem; color: #444; margin: 0 0 0.25rem; }
  `];

  constructor() {
    super();
    this.rev = 0;
  }

  private cols(): Col[] {
    const st = this.store!;
    const ids = [...st.compareIds].sort((a, b) => (a === st.baselineId ? -1 : b === st.baselineId ? 1 : 0));
    return ids.map((id) => ({ id, name: String(st.byId(id)?.json.name ?? id), result: st.runs[id]?.status === 'done' ? st.runs[id]!.result : undefined }));
  }

  override render() {
    const st = this.store;
    if (!st) return nothing;
    const cols = this.cols();
    const busy = cols.some((c) => st.isBusy(c.id));
    const done = cols.filter((c) => c.result);
    return html`
      <h2>Compare scenarios</h2>
      <fieldset class="no-print"><legend>Scenarios in the comparison (baseline marked ◉)</legend>
        <div class="pick">${st.scenarios.map((s) => html`<div class="row">
          <input type="checkbox" id="c-${s.id}" .checked=${st.compareIds.includes(s.id)} @change=${(e: Event) => act(this, 'toggleCompare', s.id, (e.target as HTMLInputElement).checked)}>
          <label for="c-${s.id}">${String(s.json.name)}</label>
          <input type="radio" name="baseline" id="b-${s.id}" aria-label="Baseline: ${String(s.json.name)}" .checked=${st.baselineId === s.id} @change=${() => act(this, 'setBaseline', s.id)}>
        </div>`)}</div>
      </fieldset>
      <div class="row no-print">
        <button type="button" class="primary" id="run-compare" @click=${() => act(this, 'runComparison')} ?disabled=${cols.length === 0}>Run comparison</button>
        <button type="button" @click=${() => cols.forEach((c) => act(this, 'cancel', c.id))} ?disabled=${!busy}>Cancel</button>
        <button type="button" id="csv-annual" @click=${() => this.exportAnnual(cols)} ?disabled=${done.length === 0}>Export annual CSV</button>
        <button type="button" @click=${() => this.exportDaily(done)} ?disabled=${done.length === 0}>Export daily CSV</button>
      </div>
      <div role="status" aria-live="polite">${cols.map((c) => this.status(c))}</div>
      ${done.length ? this.table(cols) : html`<p class="muted">Run the comparison to see the figures.</p>`}
      ${done.length ? this.charts(done) : nothing}
      ${done.length ? this.warnings(done) : nothing}`;
  }

  private status(c: Col): TemplateResult | typeof nothing {
    const r = this.store!.runs[c.id];
    if (!r) return html`<div class="muted">${c.name}: not run yet.</div>`;
    if (r.status === 'queued') return html`<div>${c.name}: waiting for a worker…</div>`;
    if (r.status === 'running') return html`<div>${c.name}: running <progress max="1" .value=${r.progress}></progress></div>`;
    if (r.status === 'error') return html`<div class="error">${c.name}: ${r.error}</div>`;
    if (r.status === 'cancelled') return html`<div class="muted">${c.name}: cancelled.</div>`;
    return this.store!.isStale(c.id) ? html`<div class="muted">${c.name}: changed since this result; run again to update.</div>` : nothing;
  }

  private table(cols: Col[]): TemplateResult {
    const st = this.store!;
    const base = annualOf(cols.find((c) => c.id === st.baselineId)?.result);
    const all = metricsFor(cols.map((c) => annualOf(c.result)));
    return html`${this.metricTable(cols, all.filter((m) => isMainMetric(m.key)), 'Annual figures')}
      <details><summary>All annual figures (${all.length})</summary>${this.metricTable(cols, all.filter((m) => !isMainMetric(m.key)), 'Other annual figures')}</details>`;
  }

  private metricTable(cols: Col[], metrics: MetricDef[], label: string): TemplateResult {
    const st = this.store!;
    const base = annualOf(cols.find((c) => c.id === st.baselineId)?.result);
    return html`<table aria-label=${label}>
      <thead><tr><th scope="col">Per year</th>${cols.map((c) => html`<th scope="col">${c.name}${c.id === st.baselineId ? html`<span class="base">baseline</span>` : nothing}</th>`)}</tr></thead>
      <tbody>${metrics.map((m) => html`<tr><th scope="row">${m.label} <span class="muted">(${m.unit})</span></th>
        ${cols.map((c) => {
          const v = annualOf(c.result)[m.key];
          const b = base?.[m.key];
          const d = v !== undefined && b !== undefined && c.id !== st.baselineId ? v - b : undefined;
          // Differences under 0.5 % are within the rounding shown: call them the same rather than colour them.
          const same = d !== undefined && Math.abs(d) <= 0.005 * Math.max(Math.abs(v ?? 0), Math.abs(b ?? 0));
          const good = d !== undefined && !same && (m.lowerIsBetter ? d < 0 : d > 0);
          return html`<td>${fmt(v)}${d !== undefined ? html`<span class="diff ${same ? '' : good ? 'better' : 'worse'}">${same ? 'same as baseline' : html`${fmtSigned(d)} vs baseline`}</span>` : nothing}</td>`;
        })}</tr>`)}</tbody></table>`;
  }

  private line(title: string, yLabel: string, series: Array<{ label: string; x: ArrayLike<number>; y: ArrayLike<number>; i: number; threshold?: boolean | 'model' }>): ChartConfiguration {
    return {
      type: 'line',
      data: {
        datasets: series.map((s) => ({
          label: s.label,
          data: Array.from({ length: s.y.length }, (_, k) => ({ x: s.x[k]!, y: s.y[k]! })),
          // thresholds: vermilion dashed for the literature limit, black dotted for the model's own constant
          borderColor: s.threshold === 'model' ? '#000000' : s.threshold ? '#D55E00' : colour(s.i),
          backgroundColor: s.threshold === 'model' ? '#000000' : s.threshold ? '#D55E00' : colour(s.i),
          borderDash: s.threshold === 'model' ? [2, 3] : s.threshold ? [8, 4] : dash(s.i), borderWidth: s.threshold ? 2 : 1.5, pointRadius: 0,
        })),
      },
      options: {
        parsing: false,
        plugins: { title: { display: false, text: title }, legend: { position: 'bottom' } },
        scales: { x: { type: 'linear', title: { display: true, text: 'day of the compared year (after start-up)' } }, y: { title: { display: true, text: yLabel } } },
      },
    };
  }

  private charts(done: Col[]): TemplateResult {
    // A scenario adding dog waste to an existing plant reports the dog waste's increment in the table, but the digester
    // (and so its daily gas) is the whole plant: the chart says so in the series name rather than mix the two bases.
    const wholePlant = (c: Col) => {
      const a = annualOf(c.result);
      return (a.methane_plant_total_Nm3 ?? 0) > 1.01 * (a.methane_Nm3 ?? 0);
    };
    const lines = (pats: RegExp[], suffix = '') => done.flatMap((c, i) => {
      const s = findSeries(c.result, pats);
      if (!s) return [];
      const [from, to] = yearWindow(c.result, s.values.length);
      const y = Array.from(s.values).slice(from, to);
      return [{ label: c.name + suffix, x: y.map((_, k) => k + 1), y, i, whole: wholePlant(c) }];
    });
    const gasLabel = <T extends { label: string; whole: boolean }>(l: T): T => (l.whole ? { ...l, label: `${l.label} (whole plant)` } : l);
    const gas = [...lines(BIOGAS, ' biogas').map(gasLabel), ...lines(METHANE, ' methane').map(gasLabel).map((l) => ({ ...l, i: l.i + done.length }))];
    const anyWhole = done.some(wholePlant);
    const ph = lines(PH);
    const nh3 = lines(FREE_NH3);
    const limit = DEFAULTS.free_nh3_warn_mgN_L.value;
    const xMax = Math.max(1, ...nh3.map((l) => l.x[l.x.length - 1] ?? 1));
    // The model's own constant (what drives its inhibition warnings) beside the literature limit for unacclimated
    // digesters: the two differ by ~6x, and the reader should see both. Scenarios may set their own K_I_nh3 (an
    // acclimated plant): one line per distinct value, named after the scenarios that use it.
    const byKI = new Map<number, string[]>();
    for (const c of done) {
      if (!findSeries(c.result, FREE_NH3)) continue;
      const k = c.result?.run?.parameters?.K_I_nh3;
      const KI_mg = Math.round((typeof k === 'number' ? k : parameterDef('K_I_nh3')!.value) * 14000);
      byKI.set(KI_mg, [...(byKI.get(KI_mg) ?? []), c.name]);
    }
    const kiLines = [...byKI].map(([KI_mg, names]) => ({
      label: `model K_I_nh3 = ${KI_mg} mg N/L${byKI.size > 1 || names.length < nh3.length ? ` (${names.join(', ')})` : ''}`,
      x: [0, xMax], y: [KI_mg, KI_mg], i: 0, threshold: 'model' as const,
    }));
    const nh3Chart = nh3.length ? [...nh3,
      { label: `unacclimated digesters inhibited above ~${limit} mg N/L (literature)`, x: [0, xMax], y: [limit, limit], i: 0, threshold: true as const },
      ...kiLines] : [];
    const group = (title: string, bars: BarDef[], unit: string, scale = 1): ChartConfiguration | undefined => {
      if (!bars.length) return undefined;
      return {
        type: 'bar',
        data: {
          labels: bars.map((b) => b.label),
          datasets: done.map((c, i) => ({ label: c.name, data: bars.map((b) => (b.sign * (annualOf(c.result)[b.key] ?? 0)) / scale), backgroundColor: colour(i), borderColor: '#000', borderWidth: 0.5 })),
        },
        options: { plugins: { legend: { position: 'bottom' }, title: { display: false, text: title } }, scales: { y: { title: { display: true, text: unit } } } },
      };
    };
    const has = new Set(done.flatMap((c) => Object.keys(annualOf(c.result))));
    const energy = group('Annual energy', ENERGY_BARS.filter((b) => has.has(b.key)), 'MWh per year', 1000);
    const carbon = group('Annual carbon', CARBON_BARS.filter((b) => has.has(b.key)), 't CO2e per year');
    const money = group('Annual money', MONEY_BARS.filter((b) => has.has(b.key)), '£ per year');
    const fig = (id: string, title: string, cfg: ChartConfiguration | undefined, note?: string) => cfg ? html`<figure>
      <figcaption>${title}</figcaption>${note ? html`<p class="note">${note}</p>` : nothing}<adsim-chart id=${id} label=${title} file=${`${id}.png`} .config=${cfg}></adsim-chart></figure>` : nothing;
    return html`<div class="charts">
      ${fig('chart-gas', anyWhole ? 'Daily biogas and methane (Nm3/d; whole plant where marked)' : 'Daily biogas and methane (Nm3/d)', gas.length ? this.line('Daily gas', 'Nm3 per day', gas) : undefined,
        anyWhole ? 'Where dog waste joins an existing plant, the lines are the whole plant\'s gas; the table counts only the gas the dog waste adds.' : undefined)}
      ${fig('chart-ph', 'pH in the digester', ph.length ? this.line('pH', 'pH', ph) : undefined)}
      ${fig('chart-nh3', 'Free ammonia and the inhibition threshold', nh3Chart.length ? this.line('Free ammonia', 'mg N/L', nh3Chart) : undefined,
        'Dotted black: the model\'s K_I_nh3, where acetate-eating methanogens run at half rate (one line per value the scenarios use). Dashed orange: the published limit for digesters not used to ammonia.')}
      ${fig('chart-energy', 'Annual energy', energy)}
      ${fig('chart-carbon', 'Annual carbon (t CO2e)', carbon, 'Emissions above zero, emissions avoided below; the bars add up to the net.')}
      ${fig('chart-money', 'Annual money (£)', money, 'Costs above zero, income below; the bars add up to the net cost.')}
    </div>`;
  }

  private warnings(done: Col[]): TemplateResult {
    const any = done.filter((c) => c.result!.warnings.length);
    if (!any.length) return html``;
    return html`<h3>Warnings</h3>${any.map((c) => html`<p class="warn"><strong>${c.name}:</strong> ${c.result!.warnings.join(' ')}</p>`)}`;
  }

  private exportAnnual(cols: Col[]): void {
    const st = this.store!;
    const base = annualOf(cols.find((c) => c.id === st.baselineId)?.result);
    const metrics = metricsFor(cols.map((c) => annualOf(c.result)));
    const rows: unknown[][] = [['figure', 'unit', ...cols.map((c) => c.name), ...cols.filter((c) => c.id !== st.baselineId).map((c) => `${c.name} minus baseline`)]];
    for (const m of metrics) {
      rows.push([m.key, m.unit, ...cols.map((c) => annualOf(c.result)[m.key]),
        ...cols.filter((c) => c.id !== st.baselineId).map((c) => (annualOf(c.result)[m.key] !== undefined && base?.[m.key] !== undefined ? annualOf(c.result)[m.key]! - base[m.key]! : undefined))]);
    }
    // Four significant figures: the table shows three, and the model is not known better than that.
    downloadText('adsim-annual.csv', toCsv(rows, 4), 'text/csv');
  }

  private exportDaily(done: Col[]): void {
    for (const c of done) {
      const colsD = dailyColumns(c.result!);
      const n = Math.max(0, ...colsD.map((x) => x.values.length));
      const rows: unknown[][] = [colsD.map((x) => x.key)];
      for (let k = 0; k < n; k++) rows.push(colsD.map((x) => x.values[k]));
      downloadText(`adsim-daily-${slug(c.name)}.csv`, toCsv(rows), 'text/csv');
    }
  }
}
customElements.define('compare-view', CompareView);
