// <model-view>: the researcher's view of ADM1: every parameter grouped, with unit, default and source; change and rerun.
import { LitElement, css, html, nothing } from 'lit';
import { PARAMETERS, type ParameterGroup } from '../../../models/adm1/parameters.js';
import type { ScenarioResultLike } from '../../../src/worker/engine.js';
import { act } from '../state/action.js';
import { fmt } from '../fields/metrics.js';
import { NORMAL_BASIS } from '../fields/basis.js';
import '../charts/chart.js';
import { changeText, changeTitle, changedParameters, overlayConfig } from '../charts/before-after.js';
import { METHANE, PH } from '../charts/series.js';
import type { Issue } from '../state/store.js';
import type { ScenarioStore } from '../state/store.js';
import { shared } from '../styles.js';

/** What a parameter change did to the headline results, before -> after (the figures a researcher checks first). */
const EFFECTS: Array<{ label: string; unit: string; get: (r: ScenarioResultLike) => number | null | undefined }> = [
  { label: 'Methane', unit: `Nm3/yr, ${NORMAL_BASIS}`, get: (r) => r.annual.methane_Nm3 },
  { label: 'Electricity exported', unit: 'kWh/yr', get: (r) => r.annual.electricity_net_kWh },
  { label: 'Lowest pH', unit: 'pH', get: (r) => r.stability.pH_min },
  { label: 'Highest free ammonia', unit: 'mg N/L', get: (r) => r.stability.free_nh3_max_mgN_L },
];

/** The problem reported for a parameter: its own field, or a group it belongs to ("...f_ch_xc+f_pr_xc+..."). */
function issueFor(issues: Issue[], name: string): Issue | undefined {
  const prefix = 'digester.parameters.';
  return issues.find((i) => i.field === prefix + name)
    ?? issues.find((i) => i.field.startsWith(prefix) && i.field.slice(prefix.length).split('+').includes(name));
}

const GROUPS: ParameterGroup[] = ['biochemical', 'inhibition', 'stoichiometric', 'composition', 'physicochemical'];

export class ModelView extends LitElement {
  static override properties = { store: { attribute: false }, rev: { type: Number }, filter: { state: true } };
  declare store?: ScenarioStore;
  declare rev: number;
  declare filter: string;

  static override styles = [shared, css`
    td input { width: 7rem; font: inherit; text-align: right; }
    td.desc, th.desc { text-align: left; }
    .src { font-size: 0.75rem; color: #555; text-align: left; }
    tr.changed td { background: #fff6e0; }
    details { margin-bottom: 0.5rem; }
    summary { font-weight: 600; cursor: pointer; }
    table.effects { margin: 0.5rem 0 1rem; }
    .overlay { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 1rem; margin-bottom: 1rem; }
    figure { margin: 0; border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem; min-width: 0; }
    figcaption { font-weight: 600; margin-bottom: 0.25rem; }
  `];

  constructor() {
    super();
    this.rev = 0;
    this.filter = '';
  }

  override render() {
    const st = this.store;
    const s = st?.selected;
    if (!st || !s) return html`<p>Select a scenario first.</p>`;
    const overrides = ((s.json.digester as Record<string, unknown> | undefined)?.parameters ?? {}) as Record<string, number>;
    const f = this.filter.toLowerCase();
    const r = st.runs[s.id];
    const issues = (st.issues[s.id] ?? []).filter((i) => i.field.startsWith('digester.parameters'));
    return html`
      <h2>Model: ADM1 (BSM2) parameters for “${String(s.json.name)}”</h2>
      <p class="muted">Kinetic parameters are the benchmark's 35 °C values; only the physico-chemical constants follow the temperature. A changed value is saved in the scenario (<code>digester.parameters</code>).</p>
      <div class="row no-print">
        <label for="pfilter">Find</label><input id="pfilter" type="search" .value=${this.filter} @input=${(e: Event) => { this.filter = (e.target as HTMLInputElement).value; }}>
        <button type="button" class="primary" ?disabled=${issues.length > 0} @click=${() => act(this, 'run', s.id)}>Rerun with these parameters</button>
        <button type="button" ?disabled=${Object.keys(overrides).length === 0} @click=${() => act(this, 'setField', s.id, 'digester.parameters', undefined)}>Reset all to defaults</button>
        <span role="status">${r?.status === 'running' || r?.status === 'queued' ? html`running <progress max="1" .value=${r.progress}></progress>` : r?.status === 'done' ? html`result ready (${Object.keys(overrides).length} parameter${Object.keys(overrides).length === 1 ? '' : 's'} changed from the defaults)${st.isStale(s.id) ? ' · parameters changed since: rerun to see their effect' : ''}` : nothing}</span>
      </div>
      ${r?.status === 'error' ? html`<p class="error" role="alert" id="model-error">Run failed: ${r.error}</p>` : nothing}
      ${issues.length ? html`<p class="error" role="alert">Fix the marked parameter${issues.length > 1 ? 's' : ''} before rerunning: ${issues.map((i) => i.message).join(' ')}</p>` : nothing}
      ${r?.status === 'done' && r.result ? this.effects(r.result, r.previous) : nothing}
      ${r?.status === 'done' && r.result && r.previous ? this.overlay(r.previous, r.result) : nothing}
      ${GROUPS.map((g) => {
        const ps = PARAMETERS.filter((p) => p.group === g && (!f || p.name.toLowerCase().includes(f) || p.description.toLowerCase().includes(f)));
        if (!ps.length) return nothing;
        return html`<details ?open=${!!f || g === 'biochemical' || g === 'inhibition'}><summary>${g} (${ps.length})</summary>
          <table><thead><tr><th scope="col">Parameter</th><th scope="col" class="desc">Meaning</th><th scope="col">Unit</th><th scope="col">Default</th><th scope="col">Value used</th></tr></thead>
          <tbody>${ps.map((p) => {
            const v = overrides[p.name];
            const id = `p-${p.name}`;
            const issue = issueFor(issues, p.name);
            return html`<tr class=${v !== undefined ? 'changed' : ''}><td><label for=${id}><code>${p.name}</code></label></td>
              <td class="desc">${p.description}<div class="src">${p.source}${p.range ? ` · range ${p.range[0]}-${p.range[1]}${p.range_source ? ` (${p.range_source})` : ''}` : ''}</div></td>
              <td>${p.unit}</td><td>${p.value}</td>
              <td><input id=${id} inputmode="decimal" aria-invalid=${issue ? 'true' : 'false'} aria-describedby="${id}-e" .value=${v === undefined ? '' : String(v)} placeholder=${String(p.value)}
                @change=${(e: Event) => {
                  const t = (e.target as HTMLInputElement).value.trim();
                  act(this, 'setField', s.id, `digester.parameters.${p.name}`, t === '' ? undefined : Number.isFinite(Number(t)) ? Number(t) : t);
                }}><div class="error" id="${id}-e">${issue?.message ?? ''}</div></td></tr>`;
          })}</tbody></table></details>`;
      })}`;
  }

  /** Daily methane and pH of the run before and this one, titled with the parameter that changed. */
  private overlay(before: ScenarioResultLike, now: ScenarioResultLike) {
    const changes = changedParameters(before, now);
    const title = changeTitle(changes);
    const charts = [
      { id: 'chart-overlay-methane', what: 'Daily methane', cfg: overlayConfig(before, now, METHANE, 'Daily methane', `Nm3 per day (${NORMAL_BASIS})`, changes), unit: 'Nm3/d', basis: NORMAL_BASIS },
      { id: 'chart-overlay-ph', what: 'pH in the digester', cfg: overlayConfig(before, now, PH, 'pH in the digester', 'pH', changes), unit: 'pH', basis: '' },
    ].filter((c) => c.cfg);
    if (!charts.length) return nothing;
    return html`<p id="overlay-change">Before and after the rerun: <strong>${title}</strong>.</p>
      <div class="overlay">${charts.map((c) => html`<figure><figcaption>${c.what}: before (dashed) and after (solid)</figcaption>
        <adsim-chart id=${c.id} label="${c.what} before and after: ${title}" file="${c.id}.png" unit=${c.unit} basis=${c.basis} .scenarios=${[String(this.store?.selected?.json.name ?? '')]} .config=${c.cfg}></adsim-chart></figure>`)}</div>`;
  }

  /** The last run's headline figures, with the run before it when there is one (what the change did). */
  private effects(now: ScenarioResultLike, before: ScenarioResultLike | undefined) {
    const num = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
    return html`<table class="effects" aria-label="Effect of the last rerun"><thead><tr><th scope="col" class="desc">Result</th>
      ${before ? html`<th scope="col">Before</th>` : nothing}<th scope="col">${before ? 'After' : 'Now'}</th>${before ? html`<th scope="col">Change</th>` : nothing}</tr></thead>
      <tbody>${EFFECTS.map((e) => {
        const a = num(e.get(now));
        const b = before ? num(e.get(before)) : undefined;
        // pH is shown to two decimals: three significant figures would hide a 0.01 change.
        const show = (x: number | undefined) => (e.unit === 'pH' && x !== undefined ? x.toFixed(2) : fmt(x));
        return html`<tr><th scope="row" class="desc">${e.label}${e.unit && e.unit !== 'pH' ? html` <span class="muted">(${e.unit})</span>` : nothing}</th>
          ${before ? html`<td>${show(b)}</td>` : nothing}<td>${show(a)}</td>${before ? html`<td>${changeText(b, a, e.unit)}</td>` : nothing}</tr>`;
      })}</tbody></table>`;
  }
}
customElements.define('model-view', ModelView);
