// <start-view>: the first minute: what adsim answers, three ready questions, and a guided path to a council's own scenario.
import { LitElement, css, html, nothing } from 'lit';
import { DEFAULTS } from '../../../src/scenario/defaults.js';
import { act } from '../state/action.js';
import { DESTINATIONS, QUESTIONS, checkAnswers, expectedTonnage, type Destination, type Frequency, type GuidedAnswers } from '../state/questions.js';
import type { ScenarioStore } from '../state/store.js';
import { shared } from '../styles.js';

type Errors = Partial<Record<keyof GuidedAnswers, string>>;

export class StartView extends LitElement {
  static override properties = { store: { attribute: false }, rev: { type: Number }, errors: { state: true } };
  declare store?: ScenarioStore;
  declare rev: number;
  declare errors: Errors;

  static override styles = [shared, css`
    .lede { font-size: 1.05rem; max-width: 46rem; margin: 0 0 1rem; }
    .questions { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(16rem, 100%), 1fr)); gap: 0.75rem; margin: 0 0 1.5rem; }
    .q { display: flex; flex-direction: column; gap: 0.4rem; border: 1px solid #ccc; border-radius: 8px; padding: 0.75rem; }
    .q button { text-align: left; font-weight: 600; font-size: 1rem; }
    .q p { margin: 0; font-size: 0.88rem; color: #333; }
    form { max-width: 40rem; border: 1px solid #ccc; border-radius: 8px; padding: 0.75rem 1rem; }
    .step { margin: 0 0 0.9rem; }
    .step > label, legend { font-weight: 600; display: block; margin-bottom: 0.2rem; }
    fieldset { border: none; padding: 0; margin: 0 0 0.9rem; }
    .hint { font-size: 0.82rem; color: #555; margin: 0.15rem 0 0; }
    input[type=text], input[type=number], select { font: inherit; padding: 0.25rem 0.35rem; border: 1px solid #888; border-radius: 3px; width: 100%; max-width: 20rem; box-sizing: border-box; }
    .choice { display: flex; gap: 0.4rem; align-items: center; margin: 0.15rem 0; }
    [aria-invalid=true] { border: 2px solid #a4000f; background: #fff3f3; }
  `];

  constructor() {
    super();
    this.rev = 0;
    this.errors = {};
  }

  override render() {
    if (!this.store) return nothing;
    const fill = DEFAULTS.fill_kg_bin_week;
    return html`
      <h2>Should your dog bins go to a digester?</h2>
      <p class="lede" id="what">adsim answers one question for a council: what happens to cost, carbon and energy if the waste from its dog bins
        goes to an anaerobic digester instead of where it goes today. It simulates the collection and the digester (the
        IWA ADM1 model) in your browser and gives each plan's figures per year against today's route, with likely ranges.</p>
      <h3>Start from a ready question</h3>
      <div class="questions">${QUESTIONS.map((q) => html`<div class="q">
        <button type="button" class="primary" id="q-${q.id}" @click=${() => act(this, 'openQuestion', q.id)}>${q.text}</button>
        <p>${q.lede}</p></div>`)}</div>
      <h3>Or describe your own bins</h3>
      <form id="guided" novalidate @submit=${this.submit}>
        <div class="step"><label for="g-name">1. Your council or area</label>
          <input type="text" id="g-name" name="name" autocomplete="organization" aria-invalid=${this.errors.name ? 'true' : 'false'} aria-describedby="g-name-e">
          <div class="error" id="g-name-e" role=${this.errors.name ? 'alert' : nothing}>${this.errors.name ?? nothing}</div></div>
        <div class="step"><label for="g-bins">2. How many dog bins?</label>
          <input type="number" id="g-bins" name="bins" min="1" step="1" inputmode="numeric" aria-invalid=${this.errors.bins ? 'true' : 'false'} aria-describedby="g-bins-e">
          <div class="error" id="g-bins-e" role=${this.errors.bins ? 'alert' : nothing}>${this.errors.bins ?? nothing}</div></div>
        <div class="step"><label for="g-frequency">3. How often are they emptied?</label>
          <select id="g-frequency" name="frequency">
            <option value="twice-weekly">Twice a week</option><option value="weekly" selected>Every week</option><option value="fortnightly">Every two weeks</option>
          </select></div>
        <div class="step"><label for="g-tonnage">4. Dog-bin waste measured, tonnes a year (if you know it)</label>
          <input type="number" id="g-tonnage" name="tonnage" min="0" step="any" aria-invalid=${this.errors.tonnage_t_yr ? 'true' : 'false'} aria-describedby="g-tonnage-h g-tonnage-e">
          <p class="hint" id="g-tonnage-h">From weighbridge records. Blank: ${fill.value} ${fill.unit.replace('kg/bin/week', 'kg per bin per week')} (${fill.estimate ? 'an estimate' : 'sourced default'}${fill.range ? `, range ${fill.range[0]}–${fill.range[1]}` : ''}).</p>
          <div class="error" id="g-tonnage-e" role=${this.errors.tonnage_t_yr ? 'alert' : nothing}>${this.errors.tonnage_t_yr ?? nothing}</div></div>
        <fieldset><legend>5. Where does it go today?</legend>
          <div class="choice"><input type="radio" id="g-today-efw" name="today" value="efw" checked><label for="g-today-efw">Energy-from-waste (incinerator)</label></div>
          <div class="choice"><input type="radio" id="g-today-landfill" name="today" value="landfill"><label for="g-today-landfill">Landfill</label></div>
          <label for="g-fee" style="font-weight:400;margin-top:0.3rem;display:block">Gate fee paid today, £ per tonne (blank: the sourced default)</label>
          <input type="number" id="g-fee" name="fee" min="0" step="any" aria-invalid=${this.errors.gate_fee_gbp_t ? 'true' : 'false'} aria-describedby="g-fee-e">
          <div class="error" id="g-fee-e" role=${this.errors.gate_fee_gbp_t ? 'alert' : nothing}>${this.errors.gate_fee_gbp_t ?? nothing}</div>
        </fieldset>
        <fieldset><legend>6. Where could it go?</legend>
          ${(Object.keys(DESTINATIONS) as Destination[]).map((d, i) => html`<div class="choice"><input type="radio" id="g-to-${d}" name="to" value=${d} ?checked=${i === 0}><label for="g-to-${d}">${DESTINATIONS[d].label}</label></div>`)}
        </fieldset>
        <button type="submit" class="primary" id="g-build">Build my scenario and compare</button>
        <p class="hint">Two scenarios are added to your list: today's route and the plan. Every other input keeps its sourced default; change any of them in the editor.</p>
      </form>`;
  }

  private submit(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const v = (n: string) => (form.elements.namedItem(n) as HTMLInputElement | null)?.value.trim() ?? '';
    const radio = (n: string) => (form.querySelector(`input[name=${n}]:checked`) as HTMLInputElement | null)?.value ?? '';
    const optional = (t: string) => (t === '' ? undefined : Number(t));
    const a: Partial<GuidedAnswers> = {
      name: v('name'), bins: v('bins') === '' ? undefined : Number(v('bins')), frequency: v('frequency') as Frequency,
      tonnage_t_yr: optional(v('tonnage')), today: radio('today') as 'efw' | 'landfill', gate_fee_gbp_t: optional(v('fee')), to: radio('to') as Destination,
    };
    const problems = checkAnswers(a);
    this.errors = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    if (problems.length) {
      const first = { name: 'g-name', bins: 'g-bins', tonnage_t_yr: 'g-tonnage', gate_fee_gbp_t: 'g-fee' }[problems[0]!.field as string];
      void this.updateComplete.then(() => (this.renderRoot.querySelector(`#${first}`) as HTMLElement | null)?.focus());
      return;
    }
    const answers = a as GuidedAnswers;
    act(this, 'addGuided', answers, expectedTonnage(answers, DEFAULTS.fill_kg_bin_week.value));
  }
}
customElements.define('start-view', StartView);
