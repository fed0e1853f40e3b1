// <research-view>: the researcher's tools: choose a scenario or the BSM2 run, choose inputs and ranges, then run a
// sensitivity analysis (tornado chart, ranked table) or a Monte Carlo (P10/P50/P90, fan chart); calibration below.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { ResearchSubscriber } from './research-subscriber.js';
import { InputError } from '../../../src/errors.js';
import type { UncertainInput } from '../../../src/analysis/distributions.js';
import { describe } from '../../../src/analysis/distributions.js';
import type { LocalResult } from '../../../src/analysis/local.js';
import type { MorrisResult } from '../../../src/analysis/morris.js';
import { SOBOL_MAX_CI_WIDTH, SOBOL_MIN_SAMPLES, type SobolResult } from '../../../src/analysis/sobol.js';
import { describeFailedSample, failureSummary, type MonteCarloResult } from '../../../src/analysis/montecarlo.js';
import { parseRunFile } from '../../../src/simulate/runfile.js';
import bsm2 from '../../../scenarios/bsm2-steady-state.json';
import '../charts/chart.js';
import { fmt } from '../fields/metrics.js';
import { fanConfig, tornadoConfig } from '../charts/research-charts.js';
import './research-fit.js';
import { downloadButtons } from './research-downloads.js';
import { sensitivityFiles, uncertaintyFiles } from '../io/research-files.js';
import {
  candidateInputs, defaultBounds, defaultChoice, headlineOutputs, methaneSeries, methaneUnit, numberField, outputUnit, pageMessage, withBounds,
  type CandidateInput, type ResearchModel,
} from '../state/research-inputs.js';
import { researchAct, type TaskName, type TaskState } from '../state/research-store.js';
import type { ScenarioStore } from '../state/store.js';
import { shared } from '../styles.js';
import { NORMAL_BASIS, gasBasis } from '../fields/basis.js';

export const BSM2_KEY = 'bsm2';

/** The model a key names: the BSM2 benchmark run, or a saved scenario (null when it is gone or invalid). */
export function modelFor(store: ScenarioStore | undefined, key: string): ResearchModel | null {
  if (key === BSM2_KEY) return { kind: 'digester-run', key, name: 'BSM2 benchmark digester', run: parseRunFile(bsm2, {}) };
  const s = store?.byId(key);
  if (!s) return null;
  return { kind: 'scenario', key, name: String(s.json.name), json: s.json };
}

/** A long input or output name with line-break chances after its separators ("feedstocks.dog-faeces.BMP", "net_kWh"),
 *  so a narrow table wraps it between parts instead of mid-word or off the page. */
export function breakable(name: string): TemplateResult {
  const parts = name.split(/(?<=[._\]])/);
  return html`${parts.map((p, i) => (i ? html`<wbr>${p}` : p))}`;
}

/** Reads an integer field with limits, or throws naming it by its label. */
function intField(field: string, text: string, min: number, max: number): number {
  const x = numberField(field, text, `a whole number from ${min} to ${max}`);
  if (!Number.isInteger(x) || x < min || x > max) throw new InputError(field, `expected a whole number from ${min} to ${max}, got ${x}`);
  return x;
}

export class ResearchView extends ResearchSubscriber {
  static override properties = {
    store: { attribute: false },
    rev: { type: Number },
    modelKey: { state: true },
    chosen: { state: true },
    bounds: { state: true },
    errors: { state: true },
    method: { state: true },
    output: { state: true },
  };
  declare store?: ScenarioStore;
  declare rev: number;
  declare modelKey: string;
  declare chosen: string[];
  /** Bounds as typed, by input name: [low, high]. */
  declare bounds: Record<string, [string, string]>;
  /** Messages by field id, shown next to their control. */
  declare errors: Record<string, string>;
  declare method: 'local' | 'morris' | 'sobol';
  declare output: string;
  private text: Record<string, string> = { trajectories: '6', seed: '1', samples: '16', 'mc-seed': '1', step: '0.05', 'sobol-n': '64' };
  private candidatesKey = '';
  private candidates: CandidateInput[] = [];

  static override styles = [shared, css`
    section { border-top: 1px solid #ddd; padding-top: 0.5rem; margin-top: 0.75rem; }
    .inputs { max-height: 22rem; overflow: auto; border: 1px solid #ddd; }
    @media (max-width: 600px) { .inputs { max-height: 30rem; border: none; } .inputs td input[type=text] { width: 100%; max-width: 9rem; box-sizing: border-box; text-align: left; } }
    .inputs td input[type=text] { width: 6.5rem; font: inherit; text-align: right; }
    .inputs .src { font-size: 0.75rem; color: #555; }
    .grid2 { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
    label.inline { display: inline-flex; gap: 0.3rem; align-items: center; }
    input[type=text].short { width: 4rem; font: inherit; }
    /* Result tables: long input names wrap anywhere, and a table still too wide scrolls inside its box, never the page. */
    .table-wrap { min-width: 0; max-width: 100%; overflow-x: auto; }
    .table-wrap th, .table-wrap td { padding: 0.3rem 0.35rem; }
    .table-wrap td { white-space: nowrap; }
    .table-wrap td.name { white-space: normal; text-align: left; overflow-wrap: break-word; }
    .table-wrap th.name { text-align: left; }
    .unit { display: block; font-size: 0.75rem; color: #555; }
    @media (max-width: 900px) { .grid2 { grid-template-columns: minmax(0, 1fr); } }
  `];

  constructor() {
    super();
    this.rev = 0;
    this.modelKey = BSM2_KEY;
    this.chosen = [];
    this.bounds = {};
    this.errors = {};
    this.method = 'morris';
    this.output = '';
  }

  /** The chosen model and its candidate inputs (recomputed when the model or the scenario changes). */
  private model(): { m: ResearchModel | null; error?: string } {
    let m: ResearchModel | null;
    try {
      m = modelFor(this.store, this.modelKey);
    } catch (e) {
      return { m: null, error: pageMessage(e) };
    }
    if (!m) return { m: null, error: 'That scenario no longer exists; choose another.' };
    const key = `${m.key}:${m.kind === 'scenario' ? JSON.stringify(m.json) : ''}`;
    if (key !== this.candidatesKey) {
      try {
        this.candidates = candidateInputs(m);
      } catch (e) {
        this.candidates = [];
        this.candidatesKey = key;
        return { m: null, error: `This scenario has a problem: ${pageMessage(e)}` };
      }
      this.candidatesKey = key;
      this.chosen = defaultChoice(m, this.candidates);
      this.bounds = Object.fromEntries(this.candidates.map((c) => { const [lo, hi] = defaultBounds(c); return [c.name, [String(lo), String(hi)]]; }));
      this.output = headlineOutputs(m)[0]!;
    }
    return { m };
  }

  /** The chosen inputs with the typed bounds; every problem lands next to its control. Null when any is wrong. */
  private chosenInputs(errors: Record<string, string>): UncertainInput[] | null {
    if (this.chosen.length === 0) { errors.inputs = 'Choose at least one input to vary.'; return null; }
    const out: UncertainInput[] = [];
    for (const name of this.chosen) {
      const c = this.candidates.find((x) => x.name === name);
      if (!c) { errors.inputs = `unknown input ${JSON.stringify(name)} for this model`; continue; }
      const [lo, hi] = this.bounds[name] ?? ['', ''];
      try { out.push(withBounds(c, lo, hi)); } catch (e) {
        // Shown in the input's own row: the row names it, so the internal field id is dropped.
        errors[(e as { field?: string }).field || `high-${name}`] = pageMessage(e, '');
      }
    }
    return Object.keys(errors).length ? null : out;
  }

  /** Validates the form for a task; on success starts it through the app. */
  run(task: 'sensitivity' | 'uncertainty'): void {
    const { m } = this.model();
    if (!m) return;
    const errors: Record<string, string> = {};
    const inputs = this.chosenInputs(errors);
    const field = (id: string, f: () => number): number => { try { return f(); } catch (e) { errors[id] = pageMessage(e); return NaN; } };
    if (task === 'sensitivity') {
      const trajectories = this.method === 'morris' ? field('trajectories', () => intField('Trajectories', this.text.trajectories!, 2, 200)) : 0;
      const samples = this.method === 'sobol' ? field('sobol-n', () => intField('Base sample N', this.text['sobol-n']!, 8, 2048)) : undefined;
      const seed = field('seed', () => intField('Seed', this.text.seed!, 0, 2 ** 31 - 1));
      const relStep = this.method === 'local' ? field('step', () => {
        const h = numberField('Relative step', this.text.step!, 'a relative step');
        if (!(h > 0 && h < 0.5)) throw new InputError('Relative step', `expected a number above 0 and below 0.5, got ${h}`);
        return h;
      }) : 0.01;
      this.errors = errors;
      if (!inputs || Object.keys(errors).length) return;
      const nominal = Object.fromEntries(inputs.map((i) => [i.name, this.candidates.find((c) => c.name === i.name)!.nominal]));
      researchAct(this, 'runSensitivity', { model: m, method: this.method, inputs, nominal, trajectories, samples, seed, relStep, outputs: [...headlineOutputs(m)] });
    } else {
      const samples = field('samples', () => intField('Samples N', this.text.samples!, 2, 2000));
      const seed = field('mc-seed', () => intField('Seed', this.text['mc-seed']!, 0, 2 ** 31 - 1));
      this.errors = errors;
      if (!inputs || Object.keys(errors).length) return;
      researchAct(this, 'runUncertainty', { model: m, inputs, samples, seed });
    }
  }

  override render() {
    const st = this.store;
    const { m, error } = this.model();
    return html`
      <h2>Research: sensitivity, uncertainty and calibration</h2>
      <div class="row">
        <label for="r-model">Model to analyse</label>
        <select id="r-model" aria-describedby="r-model-e" @change=${(e: Event) => { this.modelKey = (e.target as HTMLSelectElement).value; this.errors = {}; }}>
          <option value=${BSM2_KEY} ?selected=${this.modelKey === BSM2_KEY}>BSM2 benchmark digester run (ADM1 parameters)</option>
          ${(st?.scenarios ?? []).map((s) => html`<option value=${s.id} ?selected=${this.modelKey === s.id}>Scenario: ${String(s.json.name)}</option>`)}
        </select>
        <span class="error" id="r-model-e">${error ?? ''}</span>
      </div>
      ${m ? this.body(m) : nothing}`;
  }

  private body(m: ResearchModel): TemplateResult {
    return html`
      <p class="muted">${m.kind === 'digester-run'
        ? `Inputs are ADM1 parameters and run settings of the 200-day BSM2 run; outputs are values at the end of the run (gas flows in Nm3/d, ${NORMAL_BASIS}; the methane fraction is of dry gas).`
        : `Inputs are the figures this scenario leaves at their defaults and the feedstock library's methane potential and hydrolysis rate; outputs are the first year's annual figures (gas volumes in Nm3/yr, ${NORMAL_BASIS}).`}
        Every run goes to the simulation workers.</p>
      ${this.inputsTable()}
      <section aria-labelledby="h-sens">
        <h3 id="h-sens">Sensitivity: which inputs matter</h3>
        <div class="row">
          <label for="r-method">Method</label>
          <select id="r-method" @change=${(e: Event) => { this.method = (e.target as HTMLSelectElement).value as 'local' | 'morris' | 'sobol'; }}>
            <option value="morris" ?selected=${this.method === 'morris'}>Morris screening (global, over the ranges)</option>
            <option value="sobol" ?selected=${this.method === 'sobol'}>Sobol indices (variance shares; N × (inputs + 2) runs)</option>
            <option value="local" ?selected=${this.method === 'local'}>Local (around the central values)</option>
          </select>
          ${this.method === 'morris' ? this.textField('trajectories', 'Trajectories') : this.method === 'sobol' ? this.textField('sobol-n', 'Base sample N') : this.textField('step', 'Relative step')}
          ${this.textField('seed', 'Seed')}
          ${this.runButtons('sensitivity', 'Run sensitivity', 'run-sensitivity')}
        </div>
        ${this.status('sensitivity')}
        ${this.sensitivityResult(m)}
      </section>
      <section aria-labelledby="h-unc">
        <h3 id="h-unc">Uncertainty: Monte Carlo (Latin hypercube)</h3>
        <div class="row">
          ${this.textField('samples', 'Samples N')}
          ${this.textField('mc-seed', 'Seed')}
          ${this.runButtons('uncertainty', 'Run Monte Carlo', 'run-uncertainty')}
        </div>
        ${this.status('uncertainty')}
        ${this.uncertaintyResult(m)}
      </section>
      <research-fit .research=${this.research} .model=${m} .rev=${this.rev}></research-fit>`;
  }

  private textField(id: string, label: string): TemplateResult {
    const err = this.errors[id];
    return html`<label class="inline" for="r-${id}">${label}
      <input id="r-${id}" class="short" type="text" inputmode="decimal" aria-invalid=${err ? 'true' : 'false'} aria-describedby="r-${id}-e"
        .value=${this.text[id] ?? ''} @input=${(e: Event) => { this.text[id] = (e.target as HTMLInputElement).value; }}></label>
      <span class="error" id="r-${id}-e">${err ?? ''}</span>`;
  }

  private runButtons(task: TaskName, label: string, id: string): TemplateResult {
    const busy = this.research?.isRunning(task) ?? false;
    return html`<button type="button" class="primary" id=${id} ?disabled=${busy} @click=${() => this.run(task as 'sensitivity' | 'uncertainty')}>${label}</button>
      ${busy ? html`<button type="button" id="${id}-cancel" @click=${() => researchAct(this, 'cancel', task)}>Cancel</button>` : nothing}`;
  }

  private status(task: TaskName): TemplateResult {
    const t = this.research?.tasks[task] as TaskState<unknown> | undefined;
    if (!t) return html`<div role="status" aria-live="polite"></div>`;
    return html`<div role="status" aria-live="polite" class="task-status" data-status=${t.status}>
      ${t.status === 'running' ? html`<progress max="1" .value=${t.fraction} aria-label="${task} progress"></progress> ${t.done}/${t.total || '?'} runs` : nothing}
      ${t.status === 'done' ? html`<span class="muted">${t.label}: done in ${fmt((t.ms ?? 0) / 1000)} s</span>` : nothing}
      ${t.status === 'cancelled' ? html`<span class="muted">Cancelled.</span>` : nothing}
      ${t.status === 'error' ? html`<span class="error">Failed: ${pageMessage(t.error)}</span>` : nothing}
    </div>`;
  }

  private inputsTable(): TemplateResult {
    const toggle = (name: string, on: boolean) => { this.chosen = on ? [...new Set([...this.chosen, name])] : this.chosen.filter((n) => n !== name); };
    const setBound = (name: string, j: 0 | 1, v: string) => { const b = [...(this.bounds[name] ?? ['', ''])] as [string, string]; b[j] = v; this.bounds = { ...this.bounds, [name]: b }; };
    return html`
      <h3>Inputs and ranges (${this.chosen.length} of ${this.candidates.length} chosen)</h3>
      <div class="error" id="r-inputs-e" role="alert">${this.errors.inputs ?? ''}</div>
      <div class="inputs"><table class="cards" aria-label="Inputs to vary">
        <thead><tr><th scope="col">Vary</th><th scope="col">Low</th><th scope="col">High</th><th scope="col">Unit</th><th scope="col">Default range and source</th></tr></thead>
        <tbody>${this.candidates.map((c) => {
          const id = c.name.replace(/[^A-Za-z0-9_-]/g, '_');
          const on = this.chosen.includes(c.name);
          const err = this.errors[`low-${c.name}`] ?? this.errors[`high-${c.name}`];
          const [lo, hi] = this.bounds[c.name] ?? ['', ''];
          return html`<tr>
            <td class="head"><label class="inline"><input type="checkbox" id="use-${id}" .checked=${on} @change=${(e: Event) => toggle(c.name, (e.target as HTMLInputElement).checked)}><code>${c.name}</code></label></td>
            <td data-label="Low"><input type="text" id="low-${id}" aria-label="low bound of ${c.name}" aria-invalid=${this.errors[`low-${c.name}`] ? 'true' : 'false'} aria-describedby="err-${id}"
              .value=${lo} @input=${(e: Event) => setBound(c.name, 0, (e.target as HTMLInputElement).value)}></td>
            <td data-label="High"><input type="text" id="high-${id}" aria-label="high bound of ${c.name}" aria-invalid=${this.errors[`high-${c.name}`] ? 'true' : 'false'} aria-describedby="err-${id}"
              .value=${hi} @input=${(e: Event) => setBound(c.name, 1, (e.target as HTMLInputElement).value)}>
              <div class="error" id="err-${id}">${err ?? ''}</div></td>
            <td data-label="Unit">${c.unit ?? ''}</td>
            <td class="src" data-label="Default range, source" style="text-align:left">${describe(c.dist)} · ${c.source ?? ''}</td></tr>`;
        })}</tbody></table></div>`;
  }

  private sensitivityResult(m: ResearchModel): TemplateResult | typeof nothing {
    const t = this.research?.tasks.sensitivity;
    const r = t?.status === 'done' ? t.result : undefined;
    if (!r) return nothing;
    const outputs = Object.keys(r.method === 'sobol' ? r.outputs : r.ranked);
    // What the result was computed on (the model chosen may have changed since).
    const subject = t?.subject ?? m;
    const output = outputs.includes(this.output) ? this.output : outputs[0]!;
    return html`
      <div class="row"><label for="r-output">Output</label>
        <select id="r-output" @change=${(e: Event) => { this.output = (e.target as HTMLSelectElement).value; }}>
          ${outputs.map((o) => html`<option value=${o} ?selected=${o === output}>${o}${outputUnit(subject, o) ? ` (${outputUnit(subject, o)})` : ''}</option>`)}</select></div>
      <div class="grid2">
        <adsim-chart id="chart-tornado" label="tornado chart of ${output}" file="tornado-${output}.png" .scenarios=${[subject.name]}
          caption-unit=${r.method === 'sobol' ? 'share of the variance (0 to 1)' : r.method === 'local' ? 'S, normalised (% per %)' : `${output} in ${outputUnit(subject, output) || '-'}`}
          basis=${r.method === 'morris' ? '' : gasBasis(output)} .config=${tornadoConfig(r, output)}></adsim-chart>
        ${this.rankTable(r, output)}
      </div>
      ${r.method === 'local' && r.failures.length ? html`<p class="error">Runs failed for ${r.failures.map((f) => f.parameter).join(', ')}: ${r.failures[0]!.error}</p>` : nothing}
      ${r.method === 'morris' && r.failedRuns ? html`<p class="error">${r.failedRuns} of ${r.runs} runs failed and were left out.${r.failedSamples?.[0] ? ` First: ${describeFailedSample(r.failedSamples[0], 'run')}` : ''}</p>` : nothing}
      ${r.method === 'sobol' ? this.sobolNotes(r) : nothing}
      <p class="muted">${r.runs} model runs of ${t?.subject?.name ?? m.name}.</p>
      ${downloadButtons('dl-sensitivity', `the ${r.method === 'sobol' ? 'Sobol indices' : r.method === 'morris' ? 'Morris ranking' : 'local sensitivities'} of every output`, sensitivityFiles(r, t?.subject ?? m))}`;
  }

  /** Sobol indices from a small sample are mostly noise: say so, as `adsim sensitivity --method sobol` does. */
  private sobolNotes(r: SobolResult): TemplateResult {
    const wide = Object.entries(r.outputs).flatMap(([o, x]) => x.indices
      .filter((c) => [c.S1_ci, c.ST_ci].some((ci) => ci && ci[1] - ci[0] > SOBOL_MAX_CI_WIDTH)).map((c) => `${o}/${c.input}`));
    return html`${r.N < SOBOL_MIN_SAMPLES ? html`<p class="error">N = ${r.N} is below ${SOBOL_MIN_SAMPLES}: Sobol indices from so small a sample are mostly noise (see the 95 % intervals). Use N = ${SOBOL_MIN_SAMPLES} or more, or Morris for screening.</p>` : nothing}
      ${wide.length ? html`<p class="error">${wide.length} index pair${wide.length > 1 ? 's have' : ' has'} a 95 % interval wider than ${SOBOL_MAX_CI_WIDTH}: not resolved at N = ${r.N}.</p>` : nothing}
      ${r.droppedRows ? html`<p class="error">${r.droppedRows} sample rows were dropped because a run failed (${r.failedRuns ?? 'some'} of ${r.runs} runs).${r.failedSamples?.[0] ? ` First: ${describeFailedSample(r.failedSamples[0], 'run')}` : ''}</p>` : nothing}`;
  }

  private rankTable(r: LocalResult | MorrisResult | SobolResult, output: string): TemplateResult {
    if (r.method === 'sobol') {
      const ci = (c?: [number, number]) => (c ? html`<span class="muted"> [${fmt(c[0])}, ${fmt(c[1])}]</span>` : nothing);
      return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Ranked inputs"><table id="rank-table" aria-label="Inputs ranked by Sobol total index of ${output}"><thead><tr><th scope="col">Rank</th><th scope="col" class="name">Input</th><th scope="col">ST [95 %]</th><th scope="col">S1 [95 %]</th></tr></thead>
        <tbody>${(r.outputs[output]?.indices ?? []).map((x, i) => html`<tr><td>${i + 1}</td><td class="name"><code>${breakable(x.input)}</code></td><td>${fmt(x.ST)}${ci(x.ST_ci)}</td><td>${fmt(x.S1)}${ci(x.S1_ci)}</td></tr>`)}</tbody></table></div>`;
    }
    if (r.method === 'morris') {
      return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Ranked inputs"><table id="rank-table" aria-label="Inputs ranked by influence on ${output}"><thead><tr><th scope="col">Rank</th><th scope="col" class="name">Input</th><th scope="col">mu*</th><th scope="col">mu</th><th scope="col">sigma</th></tr></thead>
        <tbody>${(r.ranked[output] ?? []).map((x, i) => html`<tr><td>${i + 1}</td><td class="name"><code>${breakable(x.factor)}</code></td><td>${fmt(x.muStar)}</td><td>${fmt(x.mu)}</td><td>${fmt(x.sigma)}</td></tr>`)}</tbody></table></div>`;
    }
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Ranked inputs"><table id="rank-table" aria-label="Inputs ranked by influence on ${output}"><thead><tr><th scope="col">Rank</th><th scope="col" class="name">Input</th><th scope="col">value</th><th scope="col">S</th><th scope="col">dy/dp</th></tr></thead>
      <tbody>${(r.ranked[output] ?? []).map((x, i) => html`<tr><td>${i + 1}</td><td class="name"><code>${breakable(x.parameter)}</code></td><td>${fmt(x.p0)}</td><td>${x.S === null ? '-' : x.S.toFixed(3)}</td><td>${fmt(x.dydp)}</td></tr>`)}</tbody></table></div>`;
  }

  private uncertaintyResult(m: ResearchModel): TemplateResult | typeof nothing {
    const t = this.research?.tasks.uncertainty;
    const r: MonteCarloResult | undefined = t?.status === 'done' ? t.result : undefined;
    if (!r) return nothing;
    const names = [...headlineOutputs(m).filter((h) => r.scalars[h]), ...Object.keys(r.scalars).filter((k) => !headlineOutputs(m).includes(k))];
    const subject = t?.subject ?? m;
    const band = r.series[methaneSeries(subject)];
    const t_d = r.t_d;
    return html`
      <div class="grid2">
        ${band && t_d ? html`<adsim-chart id="chart-fan" label="fan chart of daily methane" file="methane-fan.png" unit=${methaneUnit(subject)} basis=${NORMAL_BASIS} .scenarios=${[subject.name]}
          .config=${fanConfig(t_d, band, 'Daily methane', `${methaneUnit(subject)} (${NORMAL_BASIS})`)}></adsim-chart>` : html`<p class="muted">No daily methane series in this model's output.</p>`}
        <div class="table-wrap" tabindex="0" role="region" aria-label="Monte Carlo percentiles"><table id="mc-table" aria-label="Monte Carlo percentiles"><thead><tr><th scope="col" class="name">Output (unit)</th><th scope="col">P10</th><th scope="col">P50</th><th scope="col">P90</th></tr></thead>
          <tbody>${names.map((k) => { const s = r.scalars[k]!; return html`<tr><td class="name"><code>${breakable(k)}</code>${outputUnit(subject, k) ? html`<span class="unit">${outputUnit(subject, k)}</span>` : nothing}</td><td>${fmt(s.p10)}</td><td>${fmt(s.p50)}</td><td>${fmt(s.p90)}</td></tr>`; })}</tbody></table></div>
      </div>
      <p class="muted">${r.samples} Latin hypercube samples, seed ${r.seed}.</p>
      ${r.caution ? html`<p id="mc-caution" class="error">${r.caution}</p>` : nothing}
      ${r.failedRuns ? html`<p id="mc-failed" class=${r.reliable === false ? 'error' : 'muted'}>${failureSummary(r.failedRuns, r.samples)}${r.failedSamples?.[0] ? ` First: ${describeFailedSample(r.failedSamples[0])}` : ''}</p>` : nothing}
      ${downloadButtons('dl-uncertainty', `the Monte Carlo results of ${t?.subject?.name ?? m.name}`, uncertaintyFiles(r, t?.subject ?? m))}`;
  }
}
customElements.define('research-view', ResearchView);
