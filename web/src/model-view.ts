// <model-view>: the researcher's view of ADM1: every parameter grouped, with unit, default and source; change and rerun.
import { LitElement, css, html, nothing } from 'lit';
import { PARAMETERS, type ParameterGroup } from '../../models/adm1/parameters.js';
import { act } from './action.js';
import type { ScenarioStore } from './store.js';
import { shared } from './styles.js';

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
    return html`
      <h2>Model: ADM1 (BSM2) parameters for “${String(s.json.name)}”</h2>
      <p class="muted">Kinetic parameters are the benchmark's 35 °C values; only the physico-chemical constants follow the temperature. A changed value is saved in the scenario (<code>digester.parameters</code>).</p>
      <div class="row no-print">
        <label for="pfilter">Find</label><input id="pfilter" type="search" .value=${this.filter} @input=${(e: Event) => { this.filter = (e.target as HTMLInputElement).value; }}>
        <button type="button" class="primary" @click=${() => act(this, 'run', s.id)}>Rerun with these parameters</button>
        <button type="button" ?disabled=${Object.keys(overrides).length === 0} @click=${() => act(this, 'setField', s.id, 'digester.parameters', undefined)}>Reset all to defaults</button>
        <span role="status">${r?.status === 'running' || r?.status === 'queued' ? html`running <progress max="1" .value=${r.progress}></progress>` : r?.status === 'done' ? html`result ready (${Object.keys(overrides).length} parameter${Object.keys(overrides).length === 1 ? '' : 's'} changed)` : r?.status === 'error' ? html`<span class="error">${r.error}</span>` : nothing}</span>
      </div>
      ${GROUPS.map((g) => {
        const ps = PARAMETERS.filter((p) => p.group === g && (!f || p.name.toLowerCase().includes(f) || p.description.toLowerCase().includes(f)));
        if (!ps.length) return nothing;
        return html`<details ?open=${!!f || g === 'biochemical' || g === 'inhibition'}><summary>${g} (${ps.length})</summary>
          <table><thead><tr><th scope="col">Parameter</th><th scope="col" class="desc">Meaning</th><th scope="col">Unit</th><th scope="col">Default</th><th scope="col">Value used</th></tr></thead>
          <tbody>${ps.map((p) => {
            const v = overrides[p.name];
            const id = `p-${p.name}`;
            const issue = (st.issues[s.id] ?? []).find((i) => i.field === `digester.parameters.${p.name}`);
            return html`<tr class=${v !== undefined ? 'changed' : ''}><td><label for=${id}><code>${p.name}</code></label></td>
              <td class="desc">${p.description}<div class="src">${p.source}${p.range ? ` · range ${p.range[0]}-${p.range[1]}` : ''}</div></td>
              <td>${p.unit}</td><td>${p.value}</td>
              <td><input id=${id} inputmode="decimal" aria-invalid=${issue ? 'true' : 'false'} aria-describedby="${id}-e" .value=${v === undefined ? '' : String(v)} placeholder=${String(p.value)}
                @change=${(e: Event) => {
                  const t = (e.target as HTMLInputElement).value.trim();
                  act(this, 'setField', s.id, `digester.parameters.${p.name}`, t === '' ? undefined : Number.isFinite(Number(t)) ? Number(t) : t);
                }}><div class="error" id="${id}-e">${issue?.message ?? ''}</div></td></tr>`;
          })}</tbody></table></details>`;
      })}`;
  }
}
customElements.define('model-view', ModelView);
