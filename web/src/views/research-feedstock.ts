// <research-feedstock>: fits a library feedstock's ADM1 characterisation (its BMP and k_hyd) to the measured BMP curve
// through the simulated assay, in a worker; shows record beside fitted values and offers the user-feedstock file.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { ResearchSubscriber } from './research-subscriber.js';
import { InputError } from '../../../src/errors.js';
import { FEEDSTOCK_BMP_FIELDS, specificYieldFactor, type FeedstockBmpField, type FeedstockBmpFitResult } from '../../../src/analysis/bmp-adm1.js';
import { parseMeasuredCsv } from '../../../src/analysis/measured.js';
import { FEEDSTOCKS, type Feedstock } from '../../../models/feedstocks/index.js';
import '../charts/chart.js';
import { downloadText } from '../io/download.js';
import { downloadButtons } from './research-downloads.js';
import { explainsLittle, qualityWarnings } from './fit-verdict.js';
import { fitFiles } from '../io/research-files.js';
import { fmt } from '../fields/metrics.js';
import { feedstockBmpConfig } from '../charts/research-charts.js';
import { numberField, pageMessage } from '../state/research-inputs.js';
import { researchAct } from '../state/research-store.js';
import { NORMAL_BASIS } from '../fields/basis.js';
import { shared } from '../styles.js';

/** Assay simulations a fit may use: docs/research.md measures 15-60, so 200 leaves room for a poor start. */
export const FEEDSTOCK_FIT_BUDGET = 200;

const FIELD_CHOICES: Record<string, FeedstockBmpField[]> = { both: ['BMP', 'k_hyd'], BMP: ['BMP'], k_hyd: ['k_hyd'] };
const FIELD_LABELS: Record<string, string> = { both: 'BMP and k_hyd', BMP: 'BMP only', k_hyd: 'k_hyd only' };

/** What a fit needs from the BMP CSV: times and the yield in NL CH4/kg VS, and a warning for lab-condition units. */
export function feedstockCurve(csv: string): { t_d: number[]; B_NL_kgVS: number[]; unit: string; warning?: string } {
  const d = parseMeasuredCsv(csv, { source: 'BMP data' });
  const b = d.series.find((s) => s.kind === 'B');
  if (!b) throw new InputError('BMP data header', `no yield column; expected one named B, e.g. "B [NmL/gVS]", got ${d.series.map((s) => JSON.stringify(s.column)).join(', ')}`);
  const conv = b.unitGiven ? specificYieldFactor(b.unitGiven) : null;
  if (!conv) {
    throw new InputError(`BMP data column ${JSON.stringify(b.column)}`,
      `fitting a feedstock needs the yield's unit to compare with the model, e.g. "B [NmL/gVS]" or "B [NL CH4/kg VS]"; got ${b.unitGiven ? JSON.stringify(b.unitGiven) : 'no unit'}`);
  }
  return {
    t_d: b.t_d, B_NL_kgVS: b.values.map((v) => v * conv.factor), unit: b.unitGiven,
    ...(conv.normal ? {} : { warning: `${JSON.stringify(b.unitGiven)} has no N: taken as normal conditions (0 C, 1.01325 bar), as the simulated assay reports; convert lab-condition volumes first` }),
  };
}

/** The user-feedstock file for download, its source naming the web page rather than a CLI command. */
export function overrideFile(r: FeedstockBmpFitResult): string {
  const o = structuredClone(r.override);
  for (const e of o.feedstocks) {
    for (const k of FEEDSTOCK_BMP_FIELDS) {
      const v = e[k];
      if (v) v.source = v.source.replace(/\(adsim fit-bmp --feedstock [^)]*\)/, '(adsim web research view, feedstock BMP fit)');
    }
  }
  return JSON.stringify(o, null, 2) + '\n';
}

export class ResearchFeedstock extends ResearchSubscriber {
  static override properties = {
    csv: { attribute: false },
    rev: { type: Number },
    errors: { state: true },
    feedstockId: { state: true },
  };
  /** The BMP curve CSV typed or uploaded in the section above. */
  declare csv: string;
  declare rev: number;
  declare errors: Record<string, string>;
  declare feedstockId: string;
  private fields = 'both';
  private isr = '2';
  /** The measured curve of the last fit started (NL CH4/kg VS), for the overlay. */
  private data?: { t_d: number[]; B: number[]; warning?: string };

  static override styles = [shared, css`
    .grid2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
    .field { display: grid; gap: 0.2rem; margin-bottom: 0.4rem; }
    input[type=text].short { width: 4rem; font: inherit; }
    pre { background: #f6f6f6; padding: 0.5rem; overflow-x: auto; font-size: 0.8rem; }
    .table-wrap { overflow-x: auto; }
    @media (max-width: 900px) { .grid2 { grid-template-columns: minmax(0, 1fr); } }
  `];

  constructor() {
    super();
    this.csv = '';
    this.rev = 0;
    this.errors = {};
    this.feedstockId = FEEDSTOCKS.some((f) => f.id === 'dog-faeces') ? 'dog-faeces' : FEEDSTOCKS[0]!.id;
  }

  private feedstock(): Feedstock {
    return FEEDSTOCKS.find((f) => f.id === this.feedstockId)!;
  }

  /** Checks the curve and the form; starts the fit in the worker pool. */
  fit(): void {
    const errors: Record<string, string> = {};
    let curve: ReturnType<typeof feedstockCurve> | undefined;
    let isr = NaN;
    try { curve = feedstockCurve(this.csv); } catch (e) { errors['fsb-csv'] = pageMessage(e); }
    try {
      isr = numberField('Inoculum-to-substrate ratio', this.isr, 'a ratio above 0 (VS basis)');
      if (!(isr > 0)) throw new InputError('Inoculum-to-substrate ratio', `expected a ratio above 0 (VS basis), got ${isr}`);
    } catch (e) { errors['fsb-isr'] = pageMessage(e); }
    this.errors = errors;
    if (!curve || Object.keys(errors).length) return;
    this.data = { t_d: curve.t_d, B: curve.B_NL_kgVS, ...(curve.warning ? { warning: curve.warning } : {}) };
    researchAct(this, 'runFeedstockBmp', {
      feedstock: this.feedstock(), t_d: curve.t_d, B_NL_kgVS: curve.B_NL_kgVS, fields: FIELD_CHOICES[this.fields]!, isr,
      source: `a BMP curve (${curve.unit}) entered in the web research view`, maxEvaluations: FEEDSTOCK_FIT_BUDGET,
    });
  }

  override render() {
    const t = this.research?.tasks.feedstock;
    const busy = t?.status === 'running';
    const f = this.feedstock();
    return html`
      <h4 id="h-fsb">Fit a library feedstock's ADM1 characterisation to this curve</h4>
      <p class="muted">Uses the BMP data above. The model is the simulated BMP assay (inoculum bottle minus blank, 35 C, as long as
        the data); the fit varies the record's BMP (from which the degradable COD follows) and its hydrolysis rate k_hyd, and
        gives a user-feedstock file that updates the record.</p>
      <div class="row">
        <label for="fsb-feedstock">Feedstock record</label>
        <select id="fsb-feedstock" @change=${(e: Event) => { this.feedstockId = (e.target as HTMLSelectElement).value; }}>
          ${FEEDSTOCKS.map((x) => html`<option value=${x.id} ?selected=${x.id === this.feedstockId}>${x.name}</option>`)}</select>
        <label for="fsb-fields">Fit</label>
        <select id="fsb-fields" @change=${(e: Event) => { this.fields = (e.target as HTMLSelectElement).value; }}>
          ${Object.keys(FIELD_CHOICES).map((k) => html`<option value=${k} ?selected=${k === this.fields}>${FIELD_LABELS[k]}</option>`)}</select>
        <label for="fsb-isr">Inoculum-to-substrate ratio (VS)</label>
        <input id="fsb-isr" class="short" type="text" inputmode="decimal" aria-invalid=${this.errors['fsb-isr'] ? 'true' : 'false'} aria-describedby="fsb-isr-e"
          .value=${this.isr} @input=${(e: Event) => { this.isr = (e.target as HTMLInputElement).value; }}>
        <button type="button" class="primary" id="run-feedstock" ?disabled=${busy} @click=${() => this.fit()}>Fit ${f.name} record</button>
        ${busy ? html`<button type="button" id="run-feedstock-cancel" @click=${() => researchAct(this, 'cancel', 'feedstock')}>Cancel</button>` : nothing}
        <span role="status" aria-live="polite" class="task-status" data-status=${t?.status ?? ''}>
          ${busy ? html`<progress max="1" .value=${t.fraction} aria-label="feedstock fit progress"></progress> ${t.done} of at most ${t.total} assay simulations` : nothing}
          ${t?.status === 'done' ? html`<span class="muted">done in ${fmt((t.ms ?? 0) / 1000)} s</span>` : nothing}
          ${t?.status === 'cancelled' ? html`<span class="muted">Cancelled.</span>` : nothing}
          ${t?.status === 'error' ? html`<span class="error">Failed: ${pageMessage(t.error)}</span>` : nothing}
        </span>
      </div>
      <div class="error" id="fsb-isr-e">${this.errors['fsb-isr'] ?? ''}</div>
      <div class="error" id="fsb-csv-e" role="alert">${this.errors['fsb-csv'] ?? ''}</div>
      ${t?.status === 'done' && t.result ? this.result(t.result) : nothing}`;
  }

  private result(r: FeedstockBmpFitResult): TemplateResult {
    const f = FEEDSTOCKS.find((x) => x.id === r.feedstock);
    const d = this.data;
    const g = r.groups[0];
    return html`
      <p class=${r.converged && !explainsLittle(r).length ? 'muted' : 'error'}>${!r.converged ? 'Did NOT converge; the best point found is shown' : explainsLittle(r).length ? 'The optimiser converged, but the fit explains little of the data' : 'Fit converged'} (${r.message}), ${r.method}, ${r.evaluations} assay simulations${g ? html`; RMSE ${fmt(g.rmse)} NL CH4/kg VS (${NORMAL_BASIS}), R² ${g.r2.toFixed(3)}` : nothing}.</p>
      ${qualityWarnings(r)}
      <div class="grid2">
        <div>
          <div class="table-wrap" tabindex="0" role="region" aria-label="Record and fitted values"><table id="fsb-table" class="cards" aria-label="Record and fitted values">
            <thead><tr><th scope="col">Field</th><th scope="col">Record</th><th scope="col">Record range</th><th scope="col">Fitted</th><th scope="col">95 % interval</th><th scope="col">Unit</th></tr></thead>
            <tbody>${r.parameters.map((p) => {
              const rec = f?.[p.name as FeedstockBmpField];
              return html`<tr><td class="head"><code>${p.name}</code></td><td data-label="Record">${fmt(r.record[p.name as FeedstockBmpField])}</td>
                <td data-label="Record range">${rec ? `${fmt(rec.low)} to ${fmt(rec.high)} (${rec.evidence})` : ''}</td><td data-label="Fitted">${fmt(p.value)}</td>
                <td data-label="95 % interval">${p.ci95 ? `${fmt(p.ci95[0])} to ${fmt(p.ci95[1])}` : p.atBound ? 'at a bound' : 'not identifiable'}</td><td data-label="Unit">${p.unit ?? ''}</td></tr>`;
            })}</tbody></table></div>
          ${[...(d?.warning ? [d.warning] : []), ...r.warnings].map((w) => html`<p class="error">${w}</p>`)}
          ${downloadButtons('dl-feedstock', 'the fitted record values and residuals', fitFiles(r, `${r.feedstock}-bmp`, { name: f?.name ?? r.feedstock, kind: 'assay' }, 'BMP curve (CSV pasted or uploaded in the web app)', { t_d: d?.t_d, units: { B: `NL CH4/kg VS, ${NORMAL_BASIS}` } }))}
          <div class="row">
            <button type="button" id="fsb-download" @click=${() => downloadText(`${r.feedstock}-fitted-bmp.json`, overrideFile(r), 'application/json')}>Download user-feedstock file (JSON)</button>
          </div>
          <p class="muted">The file sets the fitted values in the ${f?.name ?? r.feedstock} record (evidence "measured"); the range
            stays the record's, widened where needed to hold the fit's 95 % interval: that interval is the precision of this one
            curve, not the spread between batches of the waste. Use it with the command line: <code>--feedstocks ${r.feedstock}-fitted-bmp.json</code>; in a scenario,
            the same values go under <code>"feedstocks": {"${r.feedstock}": {${r.parameters.map((p) => `"${p.name}": ${Number(p.value.toPrecision(4))}`).join(', ')}}}</code>.</p>
          <details><summary>Show the file</summary><pre id="fsb-json">${overrideFile(r)}</pre></details>
        </div>
        <div>${d ? html`<adsim-chart id="chart-feedstock-bmp" label="feedstock BMP fit" file="feedstock-bmp-fit.png" caption-unit="NL CH4/kg VS" basis=${NORMAL_BASIS} .scenarios=${[f?.name ?? r.feedstock]} .config=${feedstockBmpConfig(d.t_d, d.B, r.curve, f?.name ?? r.feedstock)}></adsim-chart>` : nothing}</div>
      </div>`;
  }
}
customElements.define('research-feedstock', ResearchFeedstock);
