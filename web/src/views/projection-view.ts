// <projection-view>: the councillors' page: a multi-year projection in big plain numbers, with ranges, printable on A4.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import pkg from '../../../package.json';
import { MODEL_NAME, MODEL_VERSION } from '../../../models/adm1/parameters.js';
import { act } from '../state/action.js';
import { fieldLabel } from '../fields/fields.js';
import { fmt, fmtKind, fmtRow, pounds as money, type Kind } from '../fields/metrics.js';
import { centralNote, type FigureRange, type RangedFigure } from '../../../src/analysis/projection-ranges.js';
import { money as verdictMoney } from '../../../src/appraisal/verdict.js';
import { failureSummary } from '../../../src/analysis/montecarlo.js';
import { isPartial, type ProjectionState, type RangeState, type ScenarioStore } from '../state/store.js';
import type { ProjectionYearFailure } from '../../../src/pipeline/project.js';
import { NORMAL_BASIS } from '../fields/basis.js';
import { shared } from '../styles.js';
import type { ChartConfiguration } from 'chart.js';
import '../charts/chart.js';
import { colour } from '../charts/palette.js';
import { economicsOf, paybackCard, type Economics } from '../state/economics.js';
import { cashflowChart } from './economics.js';

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
const tonnes = (x: number) => `${fmt(Math.abs(x))} t CO2e ${x >= 0 ? 'saved' : 'added'}`;
const pounds = (x: number) => `${money(Math.abs(x))} ${x >= 0 ? 'saved' : 'extra cost'}`;
/** Homes are counted in whole homes: "99.8 to 194 homes" reads as false precision. */
const homes = (x: number | undefined) => fmtKind(x, 'whole');
/** "1, 2, 4 and 5". */
const listYears = (ys: number[]) => (ys.length < 2 ? ys.join('') : `${ys.slice(0, -1).join(', ')} and ${ys[ys.length - 1]}`);
/** The years box: a whole number of years, 1 to 30. */
export const MAX_YEARS = 30;
export function readYears(text: string): { years?: number; error?: string } {
  const t = text.trim();
  const n = Number(t);
  if (t === '' || !Number.isInteger(n) || n < 1 || n > MAX_YEARS) return { error: `Years must be a whole number from 1 to ${MAX_YEARS}; got ${t === '' ? 'nothing' : JSON.stringify(t)}.` };
  return { years: n };
}

export class ProjectionView extends LitElement {
  static override properties = { store: { attribute: false }, rev: { type: Number }, typed: { state: true } };
  declare store?: ScenarioStore;
  declare rev: number;
  /**
   * What was typed in the years box and for which scenario, until a projection starts. Otherwise the box shows the
   * years of the projection on the page (kept in the store, so a re-render or a print does not put 5 back).
   */
  declare typed?: { id: string; text: string };

  static override styles = [shared, css`
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; margin: 1rem 0; }
    .card { border: 2px solid #0072B2; border-radius: 8px; padding: 0.8rem 1rem; break-inside: avoid; }
    .big { font-size: 2.4rem; font-weight: 700; line-height: 1.1; color: #00466e; }
    .what { font-weight: 600; margin: 0.2rem 0; }
    .range { font-size: 0.95rem; }
    .say { font-size: 0.92rem; margin: 0.4rem 0 0; }
    .lede { font-size: 1.05rem; max-width: 48rem; }
    .footer { font-size: 0.75rem; color: #555; border-top: 1px solid #ccc; margin-top: 1rem; padding-top: 0.25rem; }
    .verdict { font-size: 1.1rem; font-weight: 600; border-left: 5px solid #0072B2; background: #f3f9fd; padding: 0.5rem 0.75rem; margin: 0.5rem 0; max-width: 52rem; }
    .ranges { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.5rem 0; }
    .caution { border: 2px solid #E69F00; background: #fff8e6; padding: 0.4rem 0.6rem; border-radius: 4px; }
    .print-only { display: none; }
    tr.failed-year td { color: #a4000f; background: #fff1f1; }
    tr.failed-year td[colspan] { text-align: left; }
    .scroll { overflow-x: auto; max-width: 100%; }
    figure { margin: 0.75rem 0; border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem; max-width: 52rem; }
    figcaption { font-weight: 600; }
    adsim-chart { --adsim-chart-height: 220px; }
    @media (max-width: 600px) { .big { font-size: 1.8rem; } }
    @media print {
      .print-only { display: block; }
      .verdict { font-size: 10.5pt; padding: 1.5mm 3mm; margin: 1.5mm 0; }
      .cards { grid-template-columns: repeat(4, 1fr); }
      .big { font-size: 15pt; }
      figure { margin: 2mm 0; padding: 1mm 2mm; break-inside: avoid; max-width: none; }
      adsim-chart { --adsim-chart-height: 48mm; }
      /* A long table may run onto page 2 (rows stay whole), so page 1 is never half empty. */
      tr { break-inside: avoid; }
      td, th { padding: 0.4mm 1.5mm; }
      /* One A4 page for a typical projection: tighter type and spacing; a longer one breaks between blocks, not inside. */
      :host { font-size: 9.5pt; }
      h2 { font-size: 14pt; margin: 0 0 2mm; }
      h3 { font-size: 11pt; margin: 3mm 0 1mm; }
      p { margin: 1.5mm 0; }
      .lede { font-size: 10.5pt; }
      .cards { grid-template-columns: 1fr 1fr; gap: 3mm; margin: 2mm 0; }
      .card { border-width: 1px; padding: 2mm 3mm; }
      .big { font-size: 18pt; }
      .say { font-size: 8.5pt; margin-top: 1mm; }
      table { font-size: 8.5pt; }
      p, .card, .footer { break-inside: avoid; }
      h3 { break-after: avoid; }
      .footer { font-size: 7.5pt; margin-top: 3mm; }
    }
  `];

  constructor() {
    super();
    this.rev = 0;
  }

  /** The years box's text: as typed for this scenario, else the projection shown, else the scenario's rollout years. */
  yearsText(id: string, p: ProjectionState | undefined, json: Record<string, unknown>): string {
    if (this.typed?.id === id) return this.typed.text;
    if (p) return String(p.years);
    const r = (json.rollout as { years?: unknown } | undefined)?.years;
    return String(typeof r === 'number' && Number.isInteger(r) && r >= 1 && r <= MAX_YEARS ? r : 5);
  }

  override render() {
    const st = this.store;
    const s = st?.selected;
    if (!st || !s) return html`<p>Select a scenario first.</p>`;
    const p = st.projections[s.id];
    const busy = p && (p.status === 'queued' || p.status === 'running');
    const yearsText = this.yearsText(s.id, p, s.json);
    const y = readYears(yearsText);
    const type = (e: Event) => { this.typed = { id: s.id, text: (e.target as HTMLInputElement).value }; };
    return html`
      <h2>Projection: ${String(s.json.name)}</h2>
      <div class="row no-print">
        <label for="proj-scenario">Scenario</label>
        <select id="proj-scenario" @change=${(e: Event) => act(this, 'select', (e.target as HTMLSelectElement).value)}>
          ${st.scenarios.map((x) => html`<option value=${x.id} ?selected=${x.id === s.id}>${String(x.json.name)}</option>`)}
        </select>
        <label for="proj-years">Years</label>
        <input id="proj-years" type="number" min="1" max=${MAX_YEARS} step="1" style="width:4rem" .value=${yearsText}
          aria-invalid=${y.error ? 'true' : 'false'} aria-describedby="proj-years-e"
          @input=${type} @change=${type}>
        <button type="button" class="primary" id="run-projection" ?disabled=${!!busy || !!y.error} @click=${() => { if (y.years) { this.typed = undefined; act(this, 'project', s.id, y.years); } }}>Project</button>
        ${busy ? html`<progress max="1" .value=${p.progress} aria-label="projection progress"></progress>
          <button type="button" @click=${() => act(this, 'cancelProjection', s.id)}>Cancel</button>` : nothing}
        <button type="button" id="print" @click=${() => window.print()}>${st.ranges[s.id]?.status === 'running' ? 'Print (ranges still being worked out)' : 'Print'}</button>
      </div>
      <div class="error no-print" id="proj-years-e" role=${y.error ? 'alert' : nothing}>${y.error ?? nothing}</div>
      <div role="status" aria-live="polite">
        ${p?.status === 'error' ? html`<p class="error">The projection failed: ${p.error}</p>` : nothing}
        ${p?.status === 'cancelled' ? html`<p class="muted">Projection cancelled.</p>` : nothing}
        ${p?.status === 'done' && s.json.destination !== 'today' ? this.rangesStatus(s.id, st.ranges[s.id]) : nothing}
        ${p?.status === 'done' && isPartial(p.result) ? this.failedYears(p.result.failed_years, p.years) : nothing}
      </div>
      ${s.json.destination === 'today' ? this.reference(String(s.json.name), p?.status === 'done' ? p.result?.years as unknown as Year[] | undefined : undefined)
        : p?.status === 'done' && p.result ? this.summary(String(s.json.name), p.result.years as unknown as Year[], p.result.assumptions, st.ranges[s.id], p.result, isPartial(p.result) ? p.result.failed_years : []) : html`<p class="muted">Choose the number of years and press Project.</p>`}
      ${p?.status === 'done' ? this.footer() : nothing}`;
  }

  /** Today's route is what every plan is measured against: projecting it against itself only gives zeros. */
  private reference(name: string, years: Year[] | undefined): TemplateResult {
    const last = years?.[years.length - 1];
    return html`<p class="lede">“${name}” is today's route: the reference the plans are compared with. Its savings against
      itself are zero by definition, so there is nothing to project here. Choose a plan with a digester to see what it would
      change.</p>
      ${last ? html`<p>For reference, in year ${last.year ?? years!.length} today's route handles ${fmt(last.dog_waste_collected_t)} tonnes of dog waste a year${last.cost_net_gbp !== undefined ? html` at a net cost of ${money(last.cost_net_gbp)} a year` : nothing}${last.co2e_net_t !== undefined ? html`, with ${fmt(last.co2e_net_t)} t CO2e a year` : nothing}.</p>` : nothing}`;
  }

  /** The likely ranges' progress with a Cancel, or what became of them; in print, a note while they are not ready. */
  private rangesStatus(id: string, r: RangeState | undefined): TemplateResult | typeof nothing {
    if (!r) return nothing;
    if (r.status === 'running') {
      return html`<div class="ranges" id="ranges-status"><span>Working out the likely ranges: ${r.total ? `${r.done} of ${r.total} simulations` : 'starting'}</span>
        <progress id="ranges-progress" max=${r.total || 1} .value=${r.done} aria-label="likely ranges progress"></progress>
        <button type="button" class="no-print" id="cancel-ranges" @click=${() => act(this, 'cancelRanges', id)}>Cancel ranges</button></div>
        <p class="print-only caution">The likely ranges were still being worked out when this was printed (${r.total ? `${r.done} of ${r.total} simulations` : 'just started'}); the figures are central values only.</p>`;
    }
    if (r.status === 'cancelled' || r.status === 'error') {
      return html`<div class="ranges" id="ranges-status"><span class=${r.status === 'error' ? 'error' : 'muted'}>${r.status === 'cancelled' ? `Likely ranges cancelled${r.total ? ` after ${r.done} of ${r.total} simulations` : ''}: the figures are central values only.` : `The likely ranges could not be worked out: ${r.error}`}</span>
        <button type="button" class="no-print" id="retry-ranges" @click=${() => act(this, 'retryRanges', id)}>Work out the ranges</button></div>`;
    }
    return nothing;
  }

  /** Which years failed to solve and why, as `adsim project` reports them: the years that ran are shown below. */
  private failedYears(failed: ProjectionYearFailure[], total: number): TemplateResult {
    return html`<div class="caution" id="failed-years" role="alert"><strong>${failed.length} of ${total} projection year${total > 1 ? 's' : ''} could not be simulated</strong>
      (the digester model did not solve); the other years are shown below, and every total covers only the years that ran.
      <ul>${failed.map((f) => html`<li>Year ${f.year} (${f.areas_joined.length} area${f.areas_joined.length === 1 ? '' : 's'}, ${fmt(f.bins)} bins): ${f.reason}</li>`)}</ul></div>`;
  }

  /** The verdict: the engine's (whole-life economics) when it has one, else the totals against today's route in a sentence. */
  private verdict(years: Year[], result: unknown, digesterCosted: boolean, failed: ProjectionYearFailure[]): string {
    const v = (result as { verdict?: unknown }).verdict;
    if (typeof v === 'string' && v.trim()) return v.trim();
    const n = years.length;
    if (failed.length) {
      // As the CLI: no whole-life economics or verdict from some of the years, only what the years that ran add up to.
      const cash = years.reduce((a, y) => a + scaled(y).moneySaved, 0);
      const co2 = years.reduce((a, y) => a + scaled(y).co2Saved, 0);
      return `In the ${n} year${n > 1 ? 's' : ''} that ran (year${n > 1 ? 's' : ''} ${listYears(years.map((y) => y.year!))}) this plan would ${cash >= 0 ? `save ${money(cash)}` : `cost ${money(-cash)} more`} and ${co2 >= 0 ? 'save' : 'add'} ${fmt(Math.abs(co2))} t CO2e against today's route, before the cost of building the digester. There is no whole-life verdict (NPV or payback): it needs every year, and year${failed.length > 1 ? 's' : ''} ${listYears(failed.map((f) => f.year))} did not solve.`;
    }
    const cash = years.reduce((a, y) => a + scaled(y).moneySaved, 0);
    const co2 = years.reduce((a, y) => a + scaled(y).co2Saved, 0);
    const carbon = co2 >= 0 ? `${cash >= 0 ? '' : 'save '}${fmt(co2)} t CO2e` : `add ${fmt(-co2)} t CO2e`;
    return `Over ${n} year${n > 1 ? 's' : ''} this plan would ${cash >= 0 ? `save ${money(cash)}` : `cost ${money(-cash)} more`} and ${carbon} against today's route${digesterCosted ? '' : ', before the cost of building the digester, which is not included'}.`;
  }

  /** One chart for the page: the cumulative discounted cash flow when appraised, else the yearly savings. */
  private chart(name: string, ran: Year[], result: unknown, failed: ProjectionYearFailure[]): TemplateResult {
    // A failed year stays on the axis as a gap (no bar), so the chart never reads as if the plan skipped a year.
    const years: Array<Year | undefined> = failed.length
      ? Array.from({ length: ran.length + failed.length }, (_, i) => ran.find((y) => y.year === i + 1))
      : ran;
    const e = economicsOf(result as { annual: object; economics?: unknown });
    const cash = e ? cashflowChart([{ name, e, digester: true }]) : undefined;
    if (cash) return html`<figure><figcaption>Cumulative discounted cash flow against today's route (£)</figcaption>
      <adsim-chart id="chart-projection" label="Cumulative discounted cash flow (£)" file="projection-cashflow.png" unit="£" .scenarios=${[name]} .config=${cash}></adsim-chart></figure>`;
    const cfg: ChartConfiguration = {
      type: 'bar',
      data: {
        labels: years.map((y, i) => `year ${y?.year ?? i + 1}${y ? '' : ' (failed)'}`),
        datasets: [
          { label: 'Money saved (£/yr)', data: years.map((y) => (y ? scaled(y).moneySaved : null)), backgroundColor: colour(0), yAxisID: 'y' },
          { label: 'CO2e saved (t/yr)', data: years.map((y) => (y ? scaled(y).co2Saved : null)), backgroundColor: colour(1), yAxisID: 'y1' },
        ],
      },
      options: {
        plugins: { legend: { position: 'bottom' } },
        scales: { y: { position: 'left', title: { display: true, text: '£ saved per year' } }, y1: { position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 't CO2e saved per year' } } },
      },
    };
    return html`<figure><figcaption>Saved each year against today's route</figcaption>
      <adsim-chart id="chart-projection" label="Saved each year against today's route" file="projection-savings.png" caption-unit="£/yr (left axis), t CO2e/yr (right axis)" .scenarios=${[name]} .config=${cfg}></adsim-chart></figure>`;
  }

  /** NPV and payback cards with their ranges, when the engine appraised the plan; otherwise a plain line saying it did not. */
  private economicsCards(result: unknown, r: RangeState | undefined): TemplateResult {
    const e = economicsOf(result as { annual: object; economics?: unknown });
    if (!e) return html`<p class="caution" id="no-economics">Building the digester is not costed in this version: the money figures are running costs and income only, so a saving is an upper bound.</p>`;
    // The ranges' economics (P10/P90 of NPV; payback null = never within the plant life).
    const fr = (k: string) => (r?.status === 'done' ? (r.result as unknown as { economics?: Record<string, { p10: number | null; p90: number | null }> } | undefined)?.economics?.[k] : undefined);
    const npvR = fr('npv_gbp'), payR = fr('payback_yr');
    const gbp = (x: number | undefined) => money(x);
    // As adsim project: a default-input NPV outside or at one end of its range is said plainly (skewed input ranges).
    const res = r?.status === 'done' ? r.result : undefined;
    const note = res && e.npv_gbp !== undefined ? centralNote(e.npv_gbp, res.economics.npv_gbp, res.inputs, verdictMoney) : undefined;
    return html`<div class="cards" id="economics-cards">
      <div class="card"><div class="big">${gbp(e.npv_gbp)}</div><div class="what">net present value against today's route</div>
        ${npvR ? html`<div class="range">likely ${gbp(npvR.p10 ?? undefined)} to ${gbp(npvR.p90 ?? undefined)}</div>` : html`<div class="range muted">${r?.status === 'running' ? 'range being worked out' : 'range not computed'}</div>`}
        ${note ? html`<p class="say" id="npv-central-note">${note}</p>` : nothing}
        <p class="say">Over ${e.lifetime_yr ?? '–'} years at ${e.discount_rate !== undefined ? `${fmt(e.discount_rate * 100)} %` : '–'} (HM Treasury Green Book), building cost included. An estimate.</p></div>
      ${this.paybackCard(e, payR, r)}
    </div>`;
  }

  /** The payback card: the year, what it means and the likely range, each said once. */
  private paybackCard(e: Economics, payR: { p10: number | null; p90: number | null } | undefined, r: RangeState | undefined): TemplateResult {
    const c = paybackCard(e, payR ? { p10: payR.p10 ?? null, p90: payR.p90 ?? null } : undefined);
    return html`<div class="card" id="payback-card"><div class="big">${c.big}</div><div class="what">${c.what}</div>
      ${c.range ? html`<div class="range">${c.range}</div>` : html`<div class="range muted">${r?.status === 'running' ? 'range being worked out' : 'range not computed'}</div>`}</div>`;
  }

  /** Printed with the page: when it was made, and by which version of the app and model. */
  private footer(): TemplateResult {
    const date = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    return html`<p class="footer">Made ${date} with adsim ${pkg.version}, model ${MODEL_NAME} ${MODEL_VERSION}. Figures are simulated estimates, not measurements.</p>`;
  }

  /** The range line under a big number: the last year's P10 to P90 once the Monte Carlo is done, its progress while it runs. */
  private range(r: RangeState | undefined, key: Headline, text: (f: FigureRange) => string): TemplateResult {
    if (!r) return html`<div class="range muted">range not computed</div>`;
    const last = r.status === 'done' ? r.result?.years[r.result.years.length - 1] : undefined;
    if (last) return html`<div class="range">${text(last[FIGURE[key]])}</div>`;
    if (r.status === 'running') return html`<div class="range muted">working out the range (${r.total ? `${r.done} of ${r.total}` : 'starting'})</div>`;
    if (r.status === 'cancelled') return html`<div class="range muted">range cancelled</div>`;
    return html`<div class="range muted">range ${r.status === 'error' ? `not available: ${r.error}` : 'not computed'}</div>`;
  }

  /** The totals' likely ranges (P10 to P90 over the whole projection), as adsim project prints them after its totals. */
  private totalsRange(t: Partial<Record<string, FigureRange>>, n: number): TemplateResult | typeof nothing {
    const part = (f: FigureRange | undefined, text: (f: FigureRange) => string) => (f && Number.isFinite(f.p10) && Number.isFinite(f.p90) ? [text(f)] : []);
    const parts = [
      ...part(t.electricity_net_kWh, (f) => `${fmt(f.p10 / 1000)} to ${fmt(f.p90 / 1000)} MWh of electricity`),
      ...part(t.co2e_saving_vs_today_t, (f) => `carbon saved ${fmt(f.p10)} to ${fmt(f.p90)} t CO2e`),
      ...part(t.saving_vs_today_gbp, (f) => `money saved ${money(f.p10)} to ${money(f.p90)}`),
      ...part(t.homes_equivalent_mean, (f) => `homes powered, average over the years, ${homes(f.p10)} to ${homes(f.p90)}`),
    ];
    return parts.length ? html`<p id="proj-totals-range">Likely range over ${n === 1 ? 'the year' : `all ${n} years`} (10th to 90th percentile): ${parts.join('; ')}.</p>` : nothing;
  }

  private summary(name: string, years: Year[], assumptions: Array<{ field: string; estimate: boolean }>, r: RangeState | undefined, result: unknown, failed: ProjectionYearFailure[]): TemplateResult {
    const last = years[years.length - 1]!;
    const n = years.length;
    const lastYear = last.year ?? n;
    // Every year in order, a failed one as a row saying why, so the table never reads as if it were not asked for.
    const rows: Array<{ year: number; y?: Year; f?: ProjectionYearFailure }> = [...years.map((y, i) => ({ year: y.year ?? i + 1, y })), ...failed.map((f) => ({ year: f.year, f }))]
      .sort((a, b) => a.year - b.year);
    const mid = scaled(last);
    const sum = (k: string) => years.reduce((a, y) => a + (y[k] ?? 0), 0);
    const co2Total = years.reduce((a, y) => a + scaled(y).co2Saved, 0);
    const moneyTotal = years.reduce((a, y) => a + scaled(y).moneySaved, 0);
    const estimates = assumptions.filter((a) => a.estimate);
    // The year table: each column one kind of figure, rounded alike down the column (one rounding for all its years).
    const col = (v: (y: Year) => number | undefined, kind: Kind = 'quantity', more: number[] = []) => ({ v, f: fmtRow([...years.map(v), ...more], kind) });
    const cols = [col((y) => y.bins, 'whole', failed.map((f) => f.bins)), col((y) => y.dog_waste_collected_t), col((y) => (y.electricity_net_kWh ?? 0) / 1000), col((y) => y.homes_equivalent, 'whole'),
      col((y) => scaled(y).co2Saved), col((y) => scaled(y).moneySaved, 'money')];
    const rng = (key: Headline, text: (f: FigureRange) => string) => (failed.length ? html`<div class="range muted">no range: a year did not solve</div>` : this.range(r, key, text));
    const res = r?.status === 'done' ? r.result : undefined;
    // "When the rollout is complete" only where the plan grows: its bins or tonnage change over the years.
    const grows = n > 1 && (years[0]!.bins !== last.bins || Math.abs((years[0]!.dog_waste_collected_t ?? 0) - (last.dog_waste_collected_t ?? 0)) > 1e-9);
    const digesterCosted = !failed.length && (!!economicsOf(result as { annual: object; economics?: unknown }) || !!last.digester_cost_gbp);
    return html`
      <p class="verdict" id="proj-verdict">${this.verdict(years, result, digesterCosted, failed)}</p>
      ${failed.length ? html`<p class="caution" id="no-economics">No whole-life economics: the net present value and payback need every year of the plan, and ${failed.length === 1 ? 'one year' : `${failed.length} years`} did not solve. The money figures are each year's own running costs and income.</p>` : this.economicsCards(result, r)}
      <p class="lede">In year ${lastYear}${failed.length && lastYear !== rows[rows.length - 1]!.year ? ' (the last year that ran)' : ''}${grows ? ', when the rollout is complete' : ''}, collecting ${fmt(last.dog_waste_collected_t)} tonnes of dog waste a year,
        the plan “${name}” would, compared with sending the same waste where it goes today:</p>
      <div class="cards">
        <div class="card"><div class="big">${fmt(mid.el / 1000)} MWh</div><div class="what">of electricity a year</div>
          ${rng('el', (f) => `likely range ${fmt(f.p10 / 1000)} to ${fmt(f.p90 / 1000)} MWh`)}
          <p class="say">Electricity sent out after the plant's own use, with the engine efficiency and running time set in the scenario.</p></div>
        <div class="card"><div class="big">${homes(mid.homes)}</div><div class="what">homes' electricity</div>
          ${rng('homes', (f) => `likely range ${homes(f.p10)} to ${homes(f.p90)} homes`)}
          <p class="say">That electricity equals the yearly use of this many typical homes (Ofgem's medium household unless the scenario says otherwise).</p></div>
        <div class="card"><div class="big">${fmt(Math.abs(mid.co2Saved))} t</div><div class="what">CO2e a year ${mid.co2Saved >= 0 ? 'saved' : 'added'}</div>
          ${rng('co2Saved', (f) => `likely between ${tonnes(f.p10)} and ${tonnes(f.p90)}`)}
          <p class="say">Greenhouse gas against today's route: grid electricity and disposal avoided, minus collection transport and methane leaking from the plant.</p></div>
        <div class="card"><div class="big">${money(Math.abs(mid.moneySaved))}</div><div class="what">a year ${mid.moneySaved >= 0 ? 'saved' : 'extra cost'}</div>
          ${rng('moneySaved', (f) => `likely between ${pounds(f.p10)} and ${pounds(f.p90)}`)}
          <p class="say">Collection, treatment and gate fees against today's route, less electricity and heat sold. The digester's build cost is ${digesterCosted ? 'included' : 'not included'}.</p></div>
      </div>
      ${this.chart(name, years, result, failed)}
      <h3>Year by year</h3>
      <div class="scroll" tabindex="0" role="region" aria-label="Projection by year"><table aria-label="Projection by year"><thead><tr><th scope="col">Year</th><th scope="col">Bins</th><th scope="col">Dog waste (t/yr)</th><th scope="col">Electricity (MWh/yr)</th><th scope="col">Homes</th><th scope="col">CO2e saved (t/yr)</th><th scope="col">Money saved (£/yr)</th></tr></thead>
        <tbody>${rows.map(({ year, y, f }) => (y
          ? html`<tr><td>${year}</td>${cols.map((c) => html`<td>${c.f(c.v(y))}</td>`)}</tr>`
          : html`<tr class="failed-year"><td>${year}</td><td>${cols[0]!.f(f!.bins)}</td><td colspan="5"><strong>Failed:</strong> ${f!.reason}</td></tr>`))}</tbody></table></div>
      <p id="proj-totals">${failed.length ? `Over the ${n} year${n > 1 ? 's' : ''} that ran (${listYears(years.map((y) => y.year!))}; not year${failed.length > 1 ? 's' : ''} ${listYears(failed.map((f) => f.year))})` : `Over all ${n} year${n > 1 ? 's' : ''}`}: ${fmt(sum('electricity_net_kWh') / 1000)} MWh of electricity, ${tonnes(co2Total)}, ${pounds(moneyTotal)}.</p>
      ${res && !failed.length ? this.totalsRange(res.totals, n) : nothing}
      <h3>How sure is this?</h3>
      ${failed.length ? nothing : html`<p class="covers">${res
        ? `Each “likely” range runs from the 10th to the 90th percentile of ${res.ok} of ${res.samples} simulations of year ${n} (Latin hypercube, seed ${res.seed}, the same as adsim project) in which ${res.feedstockInputs ? 'how much methane the waste gives, how fast it breaks down and ' : ''}${res.defaultInputs} ${res.feedstockInputs ? 'other ' : ''}figures this scenario leaves at their defaults (such as bin fill, engine efficiency and prices) were each drawn from their published or estimated ranges.`
        : 'The ranges are worked out after the main figures by repeating the simulation with the uncertain inputs drawn from their ranges.'}</p>`}
      ${failed.length ? html`<p class="muted">No likely ranges: each of their simulations projects every year, and a year that does not solve fails them all.</p>` : nothing}
      ${res?.caution ? html`<p class="caution" id="ranges-caution">${res.caution}</p>` : nothing}
      ${res && res.ok < res.samples ? html`<p class=${res.reliable === false ? 'error ranges-failed' : 'ranges-failed'}>${failureSummary(res.samples - res.ok, res.samples, 'simulations')}</p>` : nothing}
      <p>The biggest single unknown is how much methane dog waste gives: no standard laboratory value exists; 150 to 350 normal litres of methane (${NORMAL_BASIS}) per kg of organic matter are plausible and 250 is used for the big numbers. Other figures the scenario did not set use published defaults${estimates.length ? html`; ${estimates.length} of them are estimates (${estimates.slice(0, 5).map((a) => fieldLabel(a.field)).join('; ')}${estimates.length > 5 ? '; …' : ''})` : ''}. Each year is simulated as a settled year; the start-up of new areas is not modelled.</p>`;
  }
}
customElements.define('projection-view', ProjectionView);
