// <projection-view>: the councillors' page: a multi-year projection in big plain numbers, with ranges, printable on A4.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { act } from './action.js';
import { fmt } from './metrics.js';
import type { FigureRange, RangedFigure } from '../../src/analysis/projection-ranges.js';
import type { RangeState, ScenarioStore } from './store.js';
import { shared } from './styles.js';

type Year = Record<string, number>;
type Headline = 'el' | 'homes' | 'co2Saved' | 'moneySaved';

/** The projection figure behind each headline card: its central value and its range (per year, from the shared ranges). */
const FIGURE: Record<Headline, RangedFigure> = {
  el: 'electricity_net_kWh', homes: 'homes_equivalent', co2Saved: 'co2e_saving_vs_today_t', moneySaved: 'saving_vs_today_gbp',
};

/** A year's headline figures (net electricity, homes, CO2e and money saved against today's route). */
const scaled = (y: Year): Record<Headline, number> => ({
  el: y[FIGURE.el] ?? 0, homes: y[FIGURE.homes] ?? 0, co2Saved: y[FIGURE.co2Saved] ?? 0, moneySaved: y[FIGURE.moneySaved] ?? 0,
});
const tonnes = (x: number) => `${fmt(Math.abs(x))} t ${x >= 0 ? 'saved' : 'added'}`;
const pounds = (x: number) => `£${fmt(Math.abs(x))} ${x >= 0 ? 'saved' : 'extra cost'}`;

export class ProjectionView extends LitElement {
  static override properties = { store: { attribute: false }, rev: { type: Number }, years: { state: true } };
  declare store?: ScenarioStore;
  declare rev: number;
  declare years: number;

  static override styles = [shared, css`
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; margin: 1rem 0; }
    .card { border: 2px solid #0072B2; border-radius: 8px; padding: 0.8rem 1rem; break-inside: avoid; }
    .big { font-size: 2.4rem; font-weight: 700; line-height: 1.1; color: #00466e; }
    .what { font-weight: 600; margin: 0.2rem 0; }
    .range { font-size: 0.95rem; }
    .say { font-size: 0.92rem; margin: 0.4rem 0 0; }
    .lede { font-size: 1.05rem; max-width: 48rem; }
    @media print {
      :host { font-size: 11pt; }
      .cards { grid-template-columns: 1fr 1fr; gap: 6mm; }
      .big { font-size: 22pt; }
      .card { border-width: 1px; }
      table { font-size: 9pt; }
    }
  `];

  constructor() {
    super();
    this.rev = 0;
    this.years = 5;
  }

  override render() {
    const st = this.store;
    const s = st?.selected;
    if (!st || !s) return html`<p>Select a scenario first.</p>`;
    const p = st.projections[s.id];
    const busy = p && (p.status === 'queued' || p.status === 'running');
    return html`
      <h2>Projection: ${String(s.json.name)}</h2>
      <div class="row no-print">
        <label for="proj-scenario">Scenario</label>
        <select id="proj-scenario" @change=${(e: Event) => act(this, 'select', (e.target as HTMLSelectElement).value)}>
          ${st.scenarios.map((x) => html`<option value=${x.id} ?selected=${x.id === s.id}>${String(x.json.name)}</option>`)}
        </select>
        <label for="proj-years">Years</label>
        <input id="proj-years" type="number" min="1" max="30" style="width:4rem" .value=${String(this.years)}
          @change=${(e: Event) => { this.years = Math.max(1, Math.min(30, Math.round(Number((e.target as HTMLInputElement).value)) || 5)); }}>
        <button type="button" class="primary" id="run-projection" ?disabled=${!!busy} @click=${() => act(this, 'project', s.id, this.years)}>Project</button>
        ${busy ? html`<progress max="1" .value=${p.progress} aria-label="projection progress"></progress>
          <button type="button" @click=${() => act(this, 'cancelProjection', s.id)}>Cancel</button>` : nothing}
        <button type="button" @click=${() => window.print()}>Print</button>
      </div>
      <div role="status" aria-live="polite">
        ${p?.status === 'error' ? html`<p class="error">The projection failed: ${p.error}</p>` : nothing}
        ${p?.status === 'cancelled' ? html`<p class="muted">Projection cancelled.</p>` : nothing}
      </div>
      ${p?.status === 'done' && p.result ? this.summary(String(s.json.name), p.result.years as unknown as Year[], p.result.assumptions, st.ranges[s.id]) : html`<p class="muted">Choose the number of years and press Project.</p>`}`;
  }

  /** The range line under a big number: the last year's P10 to P90 once the Monte Carlo is done, its progress while it runs. */
  private range(r: RangeState | undefined, key: Headline, text: (f: FigureRange) => string): TemplateResult {
    if (!r) return html`<div class="range muted">range not computed</div>`;
    const last = r.status === 'done' ? r.result?.years[r.result.years.length - 1] : undefined;
    if (last) return html`<div class="range">${text(last[FIGURE[key]])}</div>`;
    if (r.status === 'running') return html`<div class="range muted">working out the range… ${r.done}/${r.total || '?'}</div>`;
    return html`<div class="range muted">range ${r.status === 'error' ? `not available: ${r.error}` : 'not computed'}</div>`;
  }

  private summary(name: string, years: Year[], assumptions: Array<{ field: string; estimate: boolean }>, r: RangeState | undefined): TemplateResult {
    const last = years[years.length - 1]!;
    const n = years.length;
    const mid = scaled(last);
    const sum = (k: string) => years.reduce((a, y) => a + (y[k] ?? 0), 0);
    const co2Total = years.reduce((a, y) => a + scaled(y).co2Saved, 0);
    const moneyTotal = years.reduce((a, y) => a + scaled(y).moneySaved, 0);
    const estimates = assumptions.filter((a) => a.estimate);
    const rng = (key: Headline, text: (f: FigureRange) => string) => this.range(r, key, text);
    const res = r?.status === 'done' ? r.result : undefined;
    return html`
      <p class="lede">In year ${n}${n > 1 ? ', when the rollout is complete' : ''}, collecting ${fmt(last.dog_waste_collected_t)} tonnes of dog waste a year,
        the plan “${name}” would, compared with sending the same waste where it goes today:</p>
      <div class="cards">
        <div class="card"><div class="big">${fmt(mid.el / 1000)} MWh</div><div class="what">of electricity a year</div>
          ${rng('el', (f) => `likely range ${fmt(f.p10 / 1000)} to ${fmt(f.p90 / 1000)} MWh`)}
          <p class="say">Electricity sent out after the plant's own use, with the engine efficiency and running time set in the scenario.</p></div>
        <div class="card"><div class="big">${fmt(mid.homes)}</div><div class="what">homes' electricity</div>
          ${rng('homes', (f) => `likely range ${fmt(f.p10)} to ${fmt(f.p90)} homes`)}
          <p class="say">That electricity equals the yearly use of this many typical homes (Ofgem's medium household unless the scenario says otherwise).</p></div>
        <div class="card"><div class="big">${fmt(Math.abs(mid.co2Saved))} t</div><div class="what">CO2e a year ${mid.co2Saved >= 0 ? 'saved' : 'added'}</div>
          ${rng('co2Saved', (f) => `likely between ${tonnes(f.p10)} and ${tonnes(f.p90)}`)}
          <p class="say">Greenhouse gas against today's route: grid electricity and disposal avoided, minus collection transport and methane leaking from the plant.</p></div>
        <div class="card"><div class="big">£${fmt(Math.abs(mid.moneySaved))}</div><div class="what">a year ${mid.moneySaved >= 0 ? 'saved' : 'extra cost'}</div>
          ${rng('moneySaved', (f) => `likely between ${pounds(f.p10)} and ${pounds(f.p90)}`)}
          <p class="say">Collection, treatment and gate fees against today's route, less electricity and heat sold. The digester's build cost is ${last.digester_cost_gbp ? 'included' : 'not included'}.</p></div>
      </div>
      <p>Over all ${n} year${n > 1 ? 's' : ''}: ${fmt(sum('electricity_net_kWh') / 1000)} MWh of electricity, ${tonnes(co2Total)} of CO2e, ${pounds(moneyTotal)}.</p>
      <h3>Year by year</h3>
      <table aria-label="Projection by year"><thead><tr><th scope="col">Year</th><th scope="col">Bins</th><th scope="col">Dog waste (t)</th><th scope="col">Electricity (MWh)</th><th scope="col">Homes</th><th scope="col">CO2e saved (t)</th><th scope="col">Money saved (£)</th></tr></thead>
        <tbody>${years.map((y, i) => html`<tr><td>${y.year ?? i + 1}</td><td>${fmt(y.bins)}</td><td>${fmt(y.dog_waste_collected_t)}</td><td>${fmt((y.electricity_net_kWh ?? 0) / 1000)}</td><td>${fmt(y.homes_equivalent)}</td><td>${fmt(scaled(y).co2Saved)}</td><td>${fmt(scaled(y).moneySaved)}</td></tr>`)}</tbody></table>
      <h3>How sure is this?</h3>
      <p class="covers">${res
        ? `Each “likely” range runs from the 10th to the 90th percentile of ${res.ok} of ${res.samples} simulations of year ${n} (Latin hypercube, seed ${res.seed}, the same as adsim project) in which ${res.feedstockInputs ? 'how much methane the waste gives, how fast it breaks down and ' : ''}${res.defaultInputs} ${res.feedstockInputs ? 'other ' : ''}figures this scenario leaves at their defaults (such as bin fill, engine efficiency and prices) were each drawn from their published or estimated ranges.`
        : 'The ranges are worked out after the main figures by repeating the simulation with the uncertain inputs drawn from their ranges.'}</p>
      <p>The biggest single unknown is how much methane dog waste gives: no standard laboratory value exists; 150 to 350 litres per kg of organic matter are plausible and 250 is used for the big numbers. Other figures the scenario did not set use published defaults${estimates.length ? html`; ${estimates.length} of them are estimates (${estimates.slice(0, 5).map((a) => a.field).join(', ')}${estimates.length > 5 ? ', …' : ''})` : ''}. Each year is simulated as a settled year; the start-up of new areas is not modelled.</p>`;
  }
}
customElements.define('projection-view', ProjectionView);
