// The compare view's economics block: a table of the appraisal per scenario and the cumulative discounted cash-flow chart.
import { html, nothing, type TemplateResult } from 'lit';
import type { ChartConfiguration } from 'chart.js';
import { fmt, pounds } from '../fields/metrics.js';
import { fieldLabel } from '../fields/fields.js';
import { colour, pairedLine } from '../charts/palette.js';
import { cumulativeDiscounted, paybackText, type Economics } from '../state/economics.js';

interface Row { name: string; e?: Economics; digester: boolean }

const gbp = (x: number | undefined) => pounds(x);
/** A break-even value in its unit: money as "£101,000", a unit price as "£154/t" or "£0.37/kWh", others "3.2 %". */
const inUnit = (v: number, unit?: string) => {
  const m = /^(GBP|£)(\/.*)?$/.exec(unit ?? '');
  if (m) return `${pounds(v, m[2] ? 'price' : 'money')}${m[2] ?? ''}`;
  return `${fmt(v)}${unit && unit !== '-' ? ` ${unit}` : ''}`;
};

/** One row per appraisal figure, one column per scenario; a scenario without a digester says so rather than show £0. */
export function economicsTable(rows: Row[]): TemplateResult {
  const lines: Array<[string, (e: Economics) => string]> = [
    ['Building cost (CAPEX, £)', (e) => gbp(e.capex_gbp)],
    ['of which optimism bias (£)', (e) => gbp(e.optimism_bias_gbp)],
    ['Running cost (OPEX, £/yr)', (e) => gbp(e.opex_gbp_yr)],
    ['Net present value against the baseline (£)', (e) => gbp(e.npv_gbp)],
    ['NPV including carbon valued (£)', (e) => gbp(e.npv_with_carbon_gbp)],
    ['Payback', paybackText],
    ['Annualised cost (£/yr)', (e) => gbp(e.annualised_cost_gbp_yr)],
    ['Cost per tonne of dog waste diverted (£/t)', (e) => pounds(e.cost_per_t_diverted_gbp, 'price')],
    ['Plant life (years) and discount rate', (e) => `${e.lifetime_yr ?? '–'} yr at ${e.discount_rate !== undefined ? `${fmt(e.discount_rate * 100)} %` : '–'}`],
    ['Digestate (t/yr)', (e) => (e.digestate?.wet_t !== undefined ? fmt(e.digestate.wet_t) : '–')],
    ['Digestate value (£/yr)', (e) => gbp(e.digestate?.value_gbp)],
  ];
  return html`<div class="scroll" tabindex="0" role="region" aria-label="Whole-life economics"><table aria-label="Whole-life economics" id="economics-table" class="cards">
    <thead><tr><th scope="col">Whole life</th>${rows.map((r) => html`<th scope="col">${r.name}</th>`)}</tr></thead>
    <tbody>${lines.map(([label, f]) => html`<tr><th scope="row">${label}</th>${rows.map((r) => html`<td data-label=${r.name}><span>${!r.digester ? html`<span class="muted">n/a (no digester)</span>` : r.e ? f(r.e) : 'not appraised'}</span></td>`)}</tr>`)}</tbody>
  </table></div>
  <p class="muted">Costs and NPV are estimates from sourced unit costs with their ranges (HM Treasury Green Book method); the cash flows are against the baseline.</p>
  ${rows.some((r) => r.e?.switching_values.length) ? html`<p class="muted">Break-even values: ${rows.filter((r) => r.e?.switching_values.length).map((r) => html`<br><strong>${r.name}:</strong> ${r.e!.switching_values.map((v) => `${fieldLabel(v.input)} ${v.value === null ? 'no value in range' : inUnit(v.value, v.unit)}`).join('; ')}`)}</p>` : nothing}`;
}

/** Cumulative discounted cash flow per appraised scenario, year 0 (build) to the end of the plant life. */
export function cashflowChart(rows: Row[]): ChartConfiguration | undefined {
  // Today's route has no plant: its line would be a flat zero, so only scenarios with a digester are drawn.
  const series = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.digester && r.e && r.e.cashflows_gbp.length > 1);
  if (!series.length) return undefined;
  return {
    type: 'line',
    data: {
      datasets: series.map(({ r, i }) => ({
        label: r.name, data: cumulativeDiscounted(r.e!).map((y, t) => ({ x: t, y })), borderColor: colour(i), backgroundColor: colour(i), borderDash: pairedLine(i, 0).dash, pointRadius: 2, borderWidth: 2,
      })),
    },
    options: {
      parsing: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: { x: { type: 'linear', title: { display: true, text: 'year (0 = build)' } }, y: { title: { display: true, text: '£ (discounted, cumulative)' } } },
    },
  };
}
