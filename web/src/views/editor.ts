// <scenario-editor>: every scenario field as a labelled control with unit and default; messages next to the field.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { act } from '../state/action.js';
import { SECTIONS, coerce, describeDefault, type FieldDef, type SectionDef } from '../fields/fields.js';
import { citationsIn, sourceTooltip } from '../fields/sources.js';
import { getPath } from '../state/paths.js';
import type { ScenarioStore } from '../state/store.js';
import { shared } from '../styles.js';
import { fmt, pounds } from '../fields/metrics.js';
import { healthOf, verdictOf, type ResultLike } from '../state/verdict.js';

const fid = (path: string) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

export class ScenarioEditor extends LitElement {
  static override properties = {
    store: { attribute: false },
    rev: { type: Number },
    focusPath: { state: true },
  };
  declare store?: ScenarioStore;
  declare rev: number;
  declare focusPath?: string;

  static override styles = [shared, css`
    .layout { display: grid; grid-template-columns: minmax(0, 1fr) 18rem; gap: 1rem; }
    @media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
    fieldset { border: 1px solid #ccc; border-radius: 6px; margin: 0 0 1rem; padding: 0.5rem 0.75rem 0.75rem; }
    legend { font-weight: 600; padding: 0 0.3rem; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.6rem 1rem; }
    .field label { display: block; font-size: 0.9rem; font-weight: 500; }
    .unit { color: #555; font-weight: 400; }
    .field input, .field select, .field textarea { width: 100%; box-sizing: border-box; font: inherit; padding: 0.25rem 0.35rem; border: 1px solid #888; border-radius: 3px; }
    .field input[type=checkbox] { width: auto; }
    .field [aria-invalid=true] { border: 2px solid #a4000f; background: #fff3f3; }
    .default { font-size: 0.78rem; color: #555; }
    .item { border: 1px dashed #bbb; border-radius: 4px; padding: 0.5rem; margin-bottom: 0.5rem; }
    aside { position: sticky; top: 0.5rem; align-self: start; border-left: 4px solid #56B4E9; padding: 0.5rem 0.75rem; background: #f3f9fd; font-size: 0.88rem; }
    .summary { border: 2px solid #a4000f; padding: 0.5rem; margin-bottom: 1rem; border-radius: 4px; }
    .status { margin: 0.5rem 0 1rem; }
    .side { position: sticky; top: 0.5rem; align-self: start; display: grid; gap: 0.75rem; }
    .side aside { position: static; }
    .citations { margin: 0.25rem 0 0; padding-left: 1.1rem; overflow-wrap: anywhere; font-size: 0.82rem; }
    .result { border: 2px solid #0072B2; border-radius: 6px; padding: 0.5rem 0.75rem; font-size: 0.9rem; }
    .result h3 { margin: 0 0 0.3rem; font-size: 1rem; }
    .result dl { display: grid; grid-template-columns: auto auto; gap: 0.1rem 0.75rem; margin: 0.3rem 0; }
    .result dt { color: #333; } .result dd { margin: 0; text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; }
    .result .verdict { margin: 0.3rem 0; }
    /* Narrow screens: the result comes first, above the form; the field help (each field's default line stays) is dropped. */
    @media (max-width: 900px) { .side { order: -1; position: static; } }
    @media (max-width: 600px) { .side aside { display: none; } }
  `];

  constructor() {
    super();
    this.rev = 0;
  }

  private get scenario() {
    return this.store?.selected;
  }

  override render() {
    const s = this.scenario;
    const store = this.store;
    if (!s || !store) return html`<p>No scenario selected. Load a bundled scenario or start a blank one from the list.</p>`;
    const issues = store.issues[s.id] ?? [];
    const known = new Set<string>();
    for (const sec of SECTIONS) {
      if (sec.list) {
        const items = (s.json[sec.list] as unknown[] | undefined) ?? [];
        items.forEach((_, i) => sec.fields.forEach((f) => known.add(`${sec.list}[${i}].${f.key}`)));
      } else sec.fields.forEach((f) => known.add(f.key));
    }
    const orphans = issues.filter((i) => !known.has(i.field));
    return html`
      <h2>Edit: ${String(s.json.name)}</h2>
      <div class="row no-print">
        <button type="button" class="primary" @click=${() => act(this, 'run', s.id)} ?disabled=${issues.length > 0}>Run this scenario</button>
        <button type="button" @click=${() => act(this, 'duplicate', s.id)}>Duplicate as a variant</button>
        <button type="button" id="delete-scenario" @click=${() => act(this, 'remove', s.id)}>Delete</button>
      </div>
      <div class="status" role="status" aria-live="polite">${this.statusLine()}</div>
      ${issues.length ? html`<div class="summary" role="alert"><strong>${issues.length} problem${issues.length > 1 ? 's' : ''} in this scenario.</strong>
        ${orphans.length ? html`<ul>${orphans.map((o) => html`<li class="error">${o.field || 'file'}: ${o.message}</li>`)}</ul>` : html` Each is shown next to its field.`}</div>` : nothing}
      <div class="layout">
        <form @submit=${(e: Event) => e.preventDefault()} novalidate>
          ${SECTIONS.map((sec) => this.section(sec))}
        </form>
        <div class="side">${this.resultCard()}<aside aria-live="polite">${this.sidePanel()}</aside></div>
      </div>`;
  }

  private statusLine(): TemplateResult | typeof nothing {
    const s = this.scenario!;
    const r = this.store!.runs[s.id];
    if (!r) return html`<span class="muted">Not run yet.</span>`;
    if (r.status === 'queued' || r.status === 'running') return html`Running… <progress max="1" .value=${r.progress}></progress>
      <button type="button" @click=${() => act(this, 'cancel', s.id)}>Cancel</button>`;
    if (r.status === 'error') return html`<span class="error">Run failed: ${r.error}</span>`;
    if (r.status === 'cancelled') return html`<span class="muted">Run cancelled.</span>`;
    const stale = this.store!.isStale(s.id);
    // An edit reruns the scenario only once every field is valid: say so rather than promise a rerun that is not coming.
    const invalid = (this.store!.issues[s.id]?.length ?? 0) > 0;
    const note = !stale ? '' : invalid ? ' (the scenario has changed since; it will rerun when every field is valid)' : ' (the scenario has changed since; rerunning)';
    return html`<span class="muted">Result ready${r.ms !== undefined ? ` in ${Math.round(r.ms)} ms` : ''}${note}.</span>`;
  }

  /** The run's headline figures and verdict, beside the form (the baseline's result, when run, gives the comparison). */
  private resultCard(): TemplateResult | typeof nothing {
    const st = this.store!;
    const s = this.scenario!;
    const r = st.runs[s.id];
    if (r?.status !== 'done' || !r.result) return nothing;
    const res = r.result as unknown as ResultLike;
    const a = r.result.annual as unknown as Record<string, number | undefined>;
    const baseId = st.baselineId;
    const base = baseId && baseId !== s.id && st.runs[baseId]?.status === 'done' ? st.runs[baseId]!.result as unknown as ResultLike : undefined;
    const verdict = verdictOf(res, base, baseId === s.id);
    const h = healthOf(res);
    const baseName = baseId ? String(st.byId(baseId)?.json.name ?? '') : '';
    return html`<section class="result" id="result-card" aria-label="Result of this scenario">
      <h3>Result${st.isStale(s.id) ? ' (before your last change)' : ''}</h3>
      ${verdict ? html`<p class="verdict">${verdict}</p>` : baseId && baseId !== s.id ? html`<p class="muted">Run the baseline “${baseName}” (or the comparison) to see how this compares.</p>` : nothing}
      <dl>
        <dt>Dog waste collected</dt><dd>${fmt(a.dog_waste_collected_t)} t/yr</dd>
        <dt>Electricity exported</dt><dd>${fmt((a.electricity_net_kWh ?? 0) / 1000)} MWh/yr</dd>
        <dt>Net greenhouse gas</dt><dd>${fmt(a.co2e_net_t)} t CO2e/yr</dd>
        <dt>Net cost</dt><dd>${pounds(a.cost_net_gbp)}/yr</dd>
        <dt>Digester health</dt><dd>${h ? h.status : 'n/a'}</dd>
      </dl>
      ${h?.reason && h.status !== 'stable' ? html`<p class="muted">${h.reason}</p>` : nothing}
      <button type="button" @click=${() => { act(this, 'toggleCompare', s.id, true); act(this, 'setView', 'compare'); }}>See it in the comparison</button>
    </section>`;
  }

  private section(sec: SectionDef): TemplateResult {
    const s = this.scenario!;
    if (!sec.list) return html`<fieldset><legend>${sec.title}</legend><div class="grid">${sec.fields.map((f) => this.control(f, f.key))}</div></fieldset>`;
    const list = sec.list;
    const items = (s.json[list] as unknown[] | undefined) ?? [];
    const noun = list === 'areas' ? 'area' : 'co-substrate';
    const fresh = list === 'areas' ? { name: `Area ${items.length + 1}`, bins: 50 } : { feedstock: 'garden-waste', rate: '1 t/week' };
    return html`<fieldset><legend>${sec.title}</legend>
      ${items.map((_, i) => html`<div class="item" role="group" aria-label="${noun} ${i + 1}">
        <div class="grid">${sec.fields.map((f) => this.control(f, `${list}[${i}].${f.key}`))}</div>
        <button type="button" @click=${() => act(this, 'setField', s.id, list, items.filter((_, j) => j !== i).length ? items.filter((_, j) => j !== i) : undefined)}>Remove ${noun} ${i + 1}</button>
      </div>`)}
      <button type="button" @click=${() => act(this, 'setField', s.id, list, [...items, fresh])}>Add ${noun}</button>
    </fieldset>`;
  }

  private control(f: FieldDef, path: string): TemplateResult {
    const s = this.scenario!;
    const id = fid(path);
    const value = getPath(s.json, path);
    const issue = (this.store!.issues[s.id] ?? []).find((i) => i.field === path);
    const d = describeDefault(f);
    const set = (v: unknown) => act(this, 'setField', s.id, path, v);
    const common = { id, describedby: `${id}-d ${id}-e` };
    let input: TemplateResult;
    if (f.kind === 'choice') {
      const v = typeof value === 'string' ? value : '';
      input = html`<select id=${common.id} aria-describedby=${common.describedby} aria-invalid=${issue ? 'true' : 'false'}
        @change=${(e: Event) => set(coerce(f.kind, (e.target as HTMLSelectElement).value))}>
        <option value="" ?selected=${v === ''}>${f.required ? '(choose)' : `(default${d ? `: ${d.value}` : ''})`}</option>
        ${f.options!.map((o) => html`<option value=${o} ?selected=${v === o}>${o}</option>`)}
        ${value !== undefined && (typeof value !== 'string' || (v !== '' && !f.options!.includes(v))) ? html`<option selected value=${v}>${typeof value === 'string' ? value : JSON.stringify(value)}</option>` : nothing}
      </select>`;
    } else if (f.kind === 'bool') {
      input = html`<input type="checkbox" id=${common.id} aria-describedby=${common.describedby} .checked=${value === true || (typeof value === 'object' && value !== null)}
        @change=${(e: Event) => set((e.target as HTMLInputElement).checked ? true : undefined)}>`;
    } else if (f.kind === 'textarea') {
      input = html`<textarea id=${common.id} rows="2" aria-describedby=${common.describedby} aria-invalid=${issue ? 'true' : 'false'}
        .value=${typeof value === 'string' ? value : ''} @change=${(e: Event) => set(coerce(f.kind, (e.target as HTMLTextAreaElement).value))}></textarea>`;
    } else {
      const text = value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
      input = html`<input type="text" id=${common.id} name=${path} aria-describedby=${common.describedby} aria-invalid=${issue ? 'true' : 'false'}
        inputmode=${f.kind === 'count' ? 'numeric' : 'text'} placeholder=${d ? d.value : f.unit ?? ''} .value=${text}
        @focus=${() => { this.focusPath = path; }}
        @change=${(e: Event) => set(coerce(f.kind, (e.target as HTMLInputElement).value))}>`;
    }
    return html`<div class="field" data-path=${path} @focusin=${() => { this.focusPath = path; }}>
      <label for=${id}>${f.label}${f.unit ? html` <span class="unit">(${f.unit})</span>` : nothing}${f.required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
      ${input}
      <div class="default" id="${id}-d" title=${sourceTooltip(d?.source)}>${d ? html`Default: ${d.value}${d.range ? html` · range ${d.range}` : nothing}${d.estimate ? ' · estimate' : ''}` : f.required ? 'Required' : nothing}</div>
      <div class="error" id="${id}-e" role=${issue ? 'alert' : nothing}>${issue?.message ?? nothing}</div>
    </div>`;
  }

  private sidePanel(): TemplateResult {
    const path = this.focusPath;
    if (!path) return html`<strong>About a field</strong><p>Move to a field to see its default, range and source here. A blank field uses its default; values may carry units, e.g. <code>2.5 t/week</code>, <code>35 L</code>, <code>£65/MWh</code>, <code>4 %</code>.</p>`;
    const key = path.replace(/^(areas|co_substrates)\[\d+\]\./, '');
    const f = SECTIONS.flatMap((s) => s.fields).find((x) => x.key === key);
    if (!f) return html``;
    const d = describeDefault(f);
    return html`<strong>${f.label}</strong>
      <p>Field <code>${path}</code>${f.unit ? html`, in ${f.unit}` : nothing}.</p>
      ${d ? html`<p>Default: <strong>${d.value}</strong>${d.range ? html`<br>Range: ${d.range}` : nothing}${d.estimate ? html`<br><em>An estimate, not a measured value.</em>` : nothing}</p>
        ${d.source ? html`<p>Source: ${d.source}</p>${this.citations(d.source)}` : nothing}` : html`<p>${f.required ? 'Required: no default.' : ''}</p>`}`;
  }

  /** The full citation of each source key a default names, so the reader can find the work without the repository. */
  private citations(source: string): TemplateResult | typeof nothing {
    const cites = citationsIn(source);
    return cites.length ? html`<ul class="citations">${cites.map((c) => html`<li><strong>[${c.key}]</strong> ${c.text}</li>`)}</ul>` : nothing;
  }
}
customElements.define('scenario-editor', ScenarioEditor);
