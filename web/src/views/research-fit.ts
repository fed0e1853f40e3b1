// <research-fit>: calibration of ADM1 parameters of a digester run to a measured CSV (fitted values, 95 % intervals,
// fit against data, residuals) and BMP-curve fits of a measured cumulative yield. Parsing and checks here; fits in a worker.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { ResearchSubscriber } from './research-subscriber.js';
import { InputError } from '../../../src/errors.js';
import { BMP_MODELS, type BmpModel } from '../../../src/analysis/bmp-curve.js';
import { checkDigesterInput } from '../../../src/analysis/digester-model.js';
import { parseMeasuredCsv, type MeasuredData, type MeasuredSeries } from '../../../src/analysis/measured.js';
import type { FitResult } from '../../../src/analysis/fit.js';
import { rmseText } from '../../../src/analysis/rmse-text.js';
import '../charts/chart.js';
import { fmt } from '../fields/metrics.js';
import { bmpConfig, fitConfig, residualConfig, type ShownSeries } from '../charts/research-charts.js';
import { EXAMPLE_BMP_CSV, EXAMPLE_DIGESTER_CSV } from '../io/research-examples.js';
import { pageMessage, type ResearchModel } from '../state/research-inputs.js';
import './research-feedstock.js';
import { downloadButtons } from './research-downloads.js';
import { convergenceLine, qualityWarnings } from './fit-verdict.js';
import { fitFiles } from '../io/research-files.js';
import { researchAct, type TaskName } from '../state/research-store.js';
import { shared } from '../styles.js';
import { FRACTION_BASIS, NORMAL_BASIS, WET_FRACTION_BASIS, WET_NORMAL_BASIS, gasBasis, unitWithBasis } from '../fields/basis.js';

/** "k_dis=0.1:1, k_hyd_ch=1:20" -> bounds; names must be among `params`; low below high. */
export function parseBounds(text: string, params: readonly string[]): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const part of text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=]+)=([^:]+):(.+)$/.exec(part);
    const lo = m ? Number(m[2]) : NaN, hi = m ? Number(m[3]) : NaN;
    if (!m || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new InputError('Bounds', `expected name=low:high, got ${JSON.stringify(part)}`);
    const name = m[1]!.trim();
    if (!params.includes(name)) throw new InputError('Bounds', `${name} is not among the parameters to fit (${params.join(', ')})`);
    if (!(lo < hi)) throw new InputError('Bounds', `bounds inverted or empty for ${name}: low ${lo} must be below high ${hi}`);
    out[name] = [lo, hi];
  }
  return out;
}

/** Parameter names typed as a list; each must be an ADM1 parameter or run input. */
export function parseParams(text: string): string[] {
  const names = text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new InputError('Parameters to fit', 'expected at least one parameter to fit, e.g. k_dis, k_hyd_ch');
  for (const n of names) checkDigesterInput(n, 'Parameters to fit');
  return [...new Set(names)];
}

const message = (e: unknown) => pageMessage(e);

/**
 * The unit a measured series is shown in: its canonical unit, with N for gas given at normal conditions, and the gas
 * basis the header stated (dry unless marked wet): "Nm3/d, dry, 0 C, 101.325 kPa"; "-, dry" for a methane fraction.
 */
export function shownUnit(s: Pick<MeasuredSeries, 'unit' | 'normal'> & Partial<Pick<MeasuredSeries, 'kind' | 'basis'>>): string {
  const wet = s.basis === 'wet';
  if (s.normal && /^m3/.test(s.unit)) return `N${s.unit}, ${wet ? WET_NORMAL_BASIS : NORMAL_BASIS}`;
  if (s.kind === 'ch4_fraction') return `${s.unit}, ${wet ? WET_FRACTION_BASIS : FRACTION_BASIS}`;
  return s.unit;
}

export class ResearchFit extends ResearchSubscriber {
  static override properties = {
    model: { attribute: false },
    rev: { type: Number },
    errors: { state: true },
    csv: { state: true },
    bmpCsv: { state: true },
  };
  declare model?: ResearchModel;
  declare rev: number;
  declare errors: Record<string, string>;
  declare csv: string;
  declare bmpCsv: string;
  private params = 'k_dis';
  private boundsText = '';
  private maxRuns = '150';
  private bmpModel: BmpModel = 'first-order';
  /** The data of the last fit started, for the plots. */
  private bmpData?: { t_d: number[]; B: number[]; unit: string };
  /** The measured data of the last calibration started, for its units. */
  private fitData?: MeasuredData;

  static override styles = [shared, css`
    section { border-top: 1px solid #ddd; padding-top: 0.5rem; margin-top: 0.75rem; }
    textarea { width: 100%; box-sizing: border-box; font-family: ui-monospace, monospace; font-size: 0.85rem; }
    .grid2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
    .field { display: grid; gap: 0.2rem; margin-bottom: 0.4rem; }
    @media (max-width: 900px) { .grid2 { grid-template-columns: minmax(0, 1fr); } }
  `];

  constructor() {
    super();
    this.rev = 0;
    this.errors = {};
    this.csv = '';
    this.bmpCsv = '';
  }

  /** Checks the calibration form; starts the fit when everything reads. */
  fit(): void {
    const m = this.model;
    const errors: Record<string, string> = {};
    let data: MeasuredData | undefined, names: string[] = [], bounds: Record<string, [number, number]> = {};
    if (!m || m.kind !== 'digester-run') errors['fit-csv'] = 'Calibration works on a digester run: choose the BSM2 run above.';
    try { data = parseMeasuredCsv(this.csv, { source: 'measured data' }); } catch (e) { errors['fit-csv'] ??= message(e); }
    try { names = parseParams(this.params); } catch (e) { errors['fit-params'] = message(e); }
    try { bounds = parseBounds(this.boundsText, names); } catch (e) { errors['fit-bounds'] = message(e); }
    const max = Number(this.maxRuns);
    if (!(Number.isInteger(max) && max >= 5 && max <= 5000)) errors['fit-max'] = `expected a whole number of model runs from 5 to 5000, got ${JSON.stringify(this.maxRuns)}`;
    this.errors = errors;
    if (Object.keys(errors).length || !data || m?.kind !== 'digester-run') return;
    this.fitData = data;
    researchAct(this, 'runFit', { run: m.run, data, names, bounds, maxEvaluations: max, subject: { name: m.name, kind: m.kind } });
  }

  /** Checks the BMP form; starts the curve fit when the CSV has a yield column. */
  fitBmp(): void {
    const errors: Record<string, string> = {};
    try {
      const d = parseMeasuredCsv(this.bmpCsv, { source: 'BMP data' });
      const b = d.series.find((s) => s.kind === 'B');
      if (!b) throw new InputError('BMP data header', `no yield column; expected one named B, e.g. "B [NmL/gVS]", got ${d.series.map((s) => JSON.stringify(s.column)).join(', ')}`);
      this.bmpData = { t_d: b.t_d, B: b.values, unit: b.unitGiven };
      this.errors = errors;
      researchAct(this, 'runBmp', { t_d: b.t_d, B: b.values, unit: b.unitGiven || undefined, model: this.bmpModel });
    } catch (e) {
      errors['bmp-csv'] = message(e);
      this.errors = errors;
    }
  }

  private async readFile(e: Event, into: 'csv' | 'bmpCsv'): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) this[into] = await file.text();
  }

  override render() {
    return html`${this.calibration()}${this.bmp()}`;
  }

  private status(task: TaskName, id: string, label: string, start: () => void): TemplateResult {
    const t = this.research?.tasks[task];
    const busy = t?.status === 'running';
    return html`<div class="row">
      <button type="button" class="primary" id=${id} ?disabled=${busy} @click=${start}>${label}</button>
      ${busy ? html`<button type="button" id="${id}-cancel" @click=${() => researchAct(this, 'cancel', task)}>Cancel</button>` : nothing}
      <span role="status" aria-live="polite" class="task-status" data-status=${t?.status ?? ''}>
        ${busy ? html`<progress max="1" .value=${t.fraction} aria-label="${task} progress"></progress> ${task === 'fit' ? `${t.done} of at most ${t.total} model runs` : 'fitting…'}` : nothing}
        ${t?.status === 'done' ? html`<span class="muted">done in ${fmt((t.ms ?? 0) / 1000)} s</span>` : nothing}
        ${t?.status === 'cancelled' ? html`<span class="muted">Cancelled.</span>` : nothing}
        ${t?.status === 'error' ? html`<span class="error">Failed: ${message(t.error)}</span>` : nothing}
      </span></div>`;
  }

  private err(id: string): TemplateResult {
    return html`<div class="error" id="${id}-e">${this.errors[id] ?? ''}</div>`;
  }

  private calibration(): TemplateResult {
    const digester = this.model?.kind === 'digester-run';
    return html`<section aria-labelledby="h-fit">
      <h3 id="h-fit">Calibration: fit ADM1 parameters to measured data</h3>
      ${digester ? nothing : html`<p class="muted">Calibration works on a digester run; choose the BSM2 run above to use it.</p>`}
      <div class="grid2">
        <div>
          <div class="field"><label for="fit-csv">Measured data (CSV: a time column and any of q_gas, q_ch4, V_gas, V_ch4, ch4_fraction, pH, VFA, NH4, each with its unit in the header, e.g. "q_ch4 [Nm3/d]")</label>
            <textarea id="fit-csv" rows="8" aria-invalid=${this.errors['fit-csv'] ? 'true' : 'false'} aria-describedby="fit-csv-e" .value=${this.csv}
              @input=${(e: Event) => { this.csv = (e.target as HTMLTextAreaElement).value; }}></textarea>${this.err('fit-csv')}</div>
          <div class="row"><label for="fit-file">or upload a CSV</label><input id="fit-file" type="file" accept=".csv,text/csv,text/plain" @change=${(e: Event) => this.readFile(e, 'csv')}>
            <button type="button" id="fit-example" @click=${() => { this.csv = EXAMPLE_DIGESTER_CSV; }}>Use example data (synthetic)</button></div>
        </div>
        <div>
          <div class="field"><label for="fit-params">Parameters to fit (comma separated)</label>
            <input id="fit-params" type="text" aria-invalid=${this.errors['fit-params'] ? 'true' : 'false'} aria-describedby="fit-params-e" .value=${this.params} @input=${(e: Event) => { this.params = (e.target as HTMLInputElement).value; }}>${this.err('fit-params')}</div>
          <div class="field"><label for="fit-bounds">Bounds (name=low:high, comma separated; default the parameter table's range)</label>
            <input id="fit-bounds" type="text" placeholder="k_dis=0.1:1" aria-invalid=${this.errors['fit-bounds'] ? 'true' : 'false'} aria-describedby="fit-bounds-e" .value=${this.boundsText} @input=${(e: Event) => { this.boundsText = (e.target as HTMLInputElement).value; }}>${this.err('fit-bounds')}</div>
          <div class="field"><label for="fit-max">Most model runs</label>
            <input id="fit-max" type="text" inputmode="numeric" aria-invalid=${this.errors['fit-max'] ? 'true' : 'false'} aria-describedby="fit-max-e" .value=${this.maxRuns} @input=${(e: Event) => { this.maxRuns = (e.target as HTMLInputElement).value; }}>${this.err('fit-max')}</div>
          ${this.status('fit', 'run-fit', 'Fit', () => this.fit())}
        </div>
      </div>
      ${this.fitResult()}
    </section>`;
  }

  private paramTable(f: FitResult, id: string, unitOf: (group: string, unit?: string) => string | undefined = (_g, u) => u): TemplateResult {
    return html`${convergenceLine(f)}${qualityWarnings(f)}
      <table id=${id} class="cards" aria-label="Fitted parameters"><thead><tr><th scope="col">Parameter</th><th scope="col">Fitted</th><th scope="col">95 % interval</th><th scope="col">Start</th><th scope="col">Bounds</th><th scope="col">Unit</th></tr></thead>
        <tbody>${f.parameters.map((p) => html`<tr><td class="head"><code>${p.name}</code></td><td data-label="Fitted">${fmt(p.value)}</td>
          <td data-label="95 % interval">${p.ci95 ? `${fmt(p.ci95[0])} to ${fmt(p.ci95[1])}` : p.atPhysicalLimit ? `none: at its physical limit (${p.atPhysicalLimit})` : p.atBound ? 'at a bound' : 'not identifiable'}</td><td data-label="Start">${fmt(p.initial)}</td><td data-label="Bounds">${fmt(p.low)} to ${fmt(p.high)}</td><td data-label="Unit">${p.unit ?? ''}</td></tr>`)}</tbody></table>
      <p class="muted">${f.groups.map((g) => { const u = unitOf(g.name, g.unit); return `${g.name}: n = ${g.n}, ${rmseText(g.rmse_as_given === undefined ? { ...g, unit: u } : g, fmt)}, R² ${g.r2.toFixed(3)}`; }).join('; ')}</p>
      ${f.warnings.map((w) => html`<p class="error">${w}</p>`)}`;
  }

  private fitResult(): TemplateResult | typeof nothing {
    const t = this.research?.tasks.fit;
    const f = t?.status === 'done' ? t.result : undefined;
    if (!f) return nothing;
    // Units as the data gave them (Nm3/d, not the canonical m3/d), looked up by column.
    const unitOf = (column: string, unit?: string) => {
      const m = this.fitData?.series.find((x) => x.column === column);
      return m ? shownUnit(m) : unit;
    };
    const shown: ShownSeries[] = f.series.map((s) => ({ ...s, unit: unitOf(s.column, s.unit) ?? s.unit }));
    const units = Object.fromEntries(shown.map((s) => [s.column, s.unit]));
    return html`${this.paramTable(f, 'fit-table', unitOf)}
      ${t?.subject ?? this.model ? downloadButtons('dl-fit', 'the fitted parameters and residuals', fitFiles(f, 'calibration', (t?.subject ?? this.model)!, 'measured data (CSV pasted or uploaded in the web app)', { units })) : nothing}
      <p class="muted">Each measured series has its own pair of plots: the fit against the data, and its residuals in its own unit.</p>
      <div class="grid2">
        ${shown.map((s, k) => html`
          <adsim-chart id="chart-fit-${k}" label="fit of ${s.column}" file="fit-${k}.png" caption-unit=${s.unit} .scenarios=${[(t?.subject ?? this.model)?.name ?? '']} .config=${fitConfig(s, { t_d: f.curve.t_d, y: f.curve.values[s.column] })}></adsim-chart>
          <adsim-chart id="chart-residuals-${k}" class="residuals" label="residuals of ${s.column}" file="residuals-${k}.png" caption-unit=${s.unit} .scenarios=${[(t?.subject ?? this.model)?.name ?? '']} .config=${residualConfig(s)}></adsim-chart>`)}
      </div>`;
  }

  private bmp(): TemplateResult {
    const t = this.research?.tasks.bmp;
    const f = t?.status === 'done' ? t.result : undefined;
    const d = this.bmpData;
    return html`<section aria-labelledby="h-bmp">
      <h3 id="h-bmp">BMP curve: fit a kinetic model to a measured cumulative methane yield</h3>
      <div class="grid2">
        <div>
          <div class="field"><label for="bmp-csv">BMP data (CSV: "time [d]" and "B [unit]", cumulative specific yield)</label>
            <textarea id="bmp-csv" rows="6" aria-invalid=${this.errors['bmp-csv'] ? 'true' : 'false'} aria-describedby="bmp-csv-e" .value=${this.bmpCsv}
              @input=${(e: Event) => { this.bmpCsv = (e.target as HTMLTextAreaElement).value; }}></textarea>${this.err('bmp-csv')}</div>
          <div class="row"><label for="bmp-file">or upload a CSV</label><input id="bmp-file" type="file" accept=".csv,text/csv,text/plain" @change=${(e: Event) => this.readFile(e, 'bmpCsv')}>
            <button type="button" id="bmp-example" @click=${() => { this.bmpCsv = EXAMPLE_BMP_CSV; }}>Use example curve (synthetic)</button></div>
          <div class="row"><label for="bmp-model">Kinetic model</label>
            <select id="bmp-model" @change=${(e: Event) => { this.bmpModel = (e.target as HTMLSelectElement).value as BmpModel; }}>
              ${BMP_MODELS.map((x) => html`<option value=${x} ?selected=${x === this.bmpModel}>${x}</option>`)}</select></div>
          ${this.status('bmp', 'run-bmp', 'Fit BMP curve', () => this.fitBmp())}
        </div>
        <div>${f && d ? html`<adsim-chart id="chart-bmp" label="BMP curve fit" file="bmp-fit.png" caption-unit=${d.unit || 'as given'} basis=${gasBasis(d.unit)} .scenarios=${['BMP data']} .config=${bmpConfig(d.t_d, d.B, f, unitWithBasis(d.unit))}></adsim-chart>` : nothing}</div>
      </div>
      ${f ? html`${this.paramTable(f, 'bmp-table')}<p class="muted">t90 (90 % of B0 reached): ${fmt(f.t90_d)} d.</p>
        ${downloadButtons('dl-bmp', 'the BMP curve fit', fitFiles(f, `bmp-${f.model}`, { name: 'BMP data', kind: 'assay' }, 'BMP curve (CSV pasted or uploaded in the web app)', { t_d: d?.t_d, units: d?.unit ? { B: unitWithBasis(d.unit) } : {} }))}` : nothing}
      <research-feedstock .research=${this.research} .csv=${this.bmpCsv} .rev=${this.rev}></research-feedstock>
    </section>`;
  }
}
customElements.define('research-fit', ResearchFit);
