// <compare-view>: the waste officer's view: scenarios side by side, differences from the baseline, daily and annual charts.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { ChartConfiguration } from 'chart.js';
import { DEFAULTS } from '../../../src/scenario/defaults.js';
import { parameterDef } from '../../../models/adm1/parameters.js';
import type { ScenarioResultLike } from '../../../src/worker/engine.js';
import { act } from '../state/action.js';
import '../charts/chart.js';
import { downloadText, slug } from '../io/download.js';
import { annualCsv, dailyCsv } from '../io/scenario-csv.js';
import { CARBON_BARS, ENERGY_BARS, MONEY_BARS, fmt, fmtOwn, fmtSigned, isMainMetric, kindOf, metricsFor, unitText, type BarDef, type MetricDef } from '../fields/metrics.js';
import { NORMAL_BASIS } from '../fields/basis.js';
import { warningItems } from '../fields/warnings.js';
import { healthOf, hasDigester, tonnageWarning, verdictOf, type ResultLike } from '../state/verdict.js';
import { economicsOf } from '../state/economics.js';
import { collectionChangeNote } from '../../../src/compare/collection-note.js';
import { cashflowChart, economicsTable } from './economics.js';
import { barStyle, colour, dash, pairedLine } from '../charts/palette.js';
import { BIOGAS, FREE_NH3, METHANE, PH, annualOf, dailyColumns, findSeries, yearWindow } from '../charts/series.js';
import type { ScenarioStore } from '../state/store.js';
import { shared } from '../styles.js';

interface Col { id: string; name: string; result?: ScenarioResultLike }

/** A category label as lines of about `n` characters (words kept whole), for a chart axis. */
export function wrapWords(label: string, n: number): string[] {
  const out: string[] = [];
  for (const w of label.split(' ')) {
    const last = out[out.length - 1];
    if (last !== undefined && (last + ' ' + w).length <= n) out[out.length - 1] = `${last} ${w}`; else out.push(w);
  }
  return out;
}

export class CompareView extends LitElement {
  static override properties = { store: { attribute: false }, rev: { type: Number } };
  declare store?: ScenarioStore;
  declare rev: number;

  static override styles = [shared, css`
    .pick { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0.2rem 1rem; margin-bottom: 0.75rem; }
    .pick label { font-size: 0.9rem; }
    /* A long scenario name wraps beside its checkbox and baseline radio, never pushing them onto lines of their own. */
    .pick .row { flex-wrap: nowrap; align-items: flex-start; }
    .pick .row label { flex: 0 1 auto; min-width: 0; overflow-wrap: anywhere; }
    .pick .row input { flex: none; margin-top: 0.2rem; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(26rem, 100%), 1fr)); gap: 1rem; margin-top: 1rem; }
    figure { min-width: 0; }
    figure { margin: 0; border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem; }
    figcaption { font-weight: 600; margin-bottom: 0.25rem; }
    .better { color: #00643f; } .worse { color: #a4000f; }
    .verdicts { margin: 0.75rem 0; display: grid; gap: 0.4rem; }
    .verdict { margin: 0; padding: 0.4rem 0.6rem; border-left: 4px solid #0072B2; background: #f3f9fd; }
    .verdict.base { border-left-color: #888; background: #f6f6f6; }
    .caution { border: 2px solid #E69F00; background: #fff8e6; padding: 0.4rem 0.6rem; border-radius: 4px; margin: 0.5rem 0; }
    .health { font-weight: 600; white-space: nowrap; }
    .health.stable { color: #00643f; } .health.at-risk { color: #8a4b00; } .health.failing { color: #a4000f; }
    .reason { display: block; font-size: 0.78rem; font-weight: 400; color: #444; }
    /* position: the screen-reader words (.sr, absolute) must stay inside the box that scrolls, not widen the page. */
    .scroll { overflow-x: auto; max-width: 100%; position: relative; }
    .scroll table { min-width: 36rem; }
    ul.warnings { padding-left: 1.2rem; } ul.warnings li { margin: 0.25rem 0; font-size: 0.88rem; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    @media (max-width: 600px) { .charts { grid-template-columns: minmax(0, 1fr); } .pick { grid-template-columns: minmax(0, 1fr); } }
    .base { font-size: 0.75rem; color: #555; display: block; }
    .diff { display: block; font-size: 0.8rem; }
    .warn { font-size: 0.85rem; }
    .note { font-size: 0.8rem; color: #444; margin: 0 0 0.25rem; }
    /* Phone cards: the scenario name beside each value gets room to wrap. */
    @media (max-width: 600px) { table.cards { --card-label: 9.5rem; } table.cards td { text-align: left; } .base { display: none; } }
  `];

  constructor() {
    super();
    this.rev = 0;
  }

  private cols(): Col[] {
    const st = this.store!;
    const ids = [...st.compareIds].sort((a, b) => (a === st.baselineId ? -1 : b === st.baselineId ? 1 : 0));
    return ids.map((id) => ({ id, name: String(st.byId(id)?.json.name ?? id), result: st.runs[id]?.status === 'done' ? st.runs[id]!.result : undefined }));
  }

  override render() {
    const st = this.store;
    if (!st) return nothing;
    const cols = this.cols();
    const busy = cols.some((c) => st.isBusy(c.id));
    const done = cols.filter((c) => c.result);
    return html`
      <h2>Compare scenarios</h2>
      <fieldset class="no-print"><legend>Scenarios in the comparison (baseline marked ◉)</legend>
        <div class="pick">${st.scenarios.map((s) => html`<div class="row">
          <input type="checkbox" id="c-${s.id}" .checked=${st.compareIds.includes(s.id)} @change=${(e: Event) => act(this, 'toggleCompare', s.id, (e.target as HTMLInputElement).checked)}>
          <label for="c-${s.id}">${String(s.json.name)}</label>
          <input type="radio" name="baseline" id="b-${s.id}" aria-label="Baseline: ${String(s.json.name)}" .checked=${st.baselineId === s.id} @change=${() => act(this, 'setBaseline', s.id)}>
        </div>`)}</div>
      </fieldset>
      <div class="row no-print">
        <button type="button" class="primary" id="run-compare" @click=${() => act(this, 'runComparison')} ?disabled=${cols.length === 0}>Run comparison</button>
        <button type="button" @click=${() => cols.forEach((c) => act(this, 'cancel', c.id))} ?disabled=${!busy}>Cancel</button>
        <button type="button" id="csv-annual" @click=${() => this.exportAnnual(cols)} ?disabled=${done.length === 0}>Export annual CSV</button>
        <button type="button" id="csv-daily" @click=${() => this.exportDaily(done)} ?disabled=${done.length === 0}>Export daily CSV</button>
        <label><input type="checkbox" id="csv-startup" .checked=${this.dailyStartup} @change=${(e: Event) => { this.dailyStartup = (e.target as HTMLInputElement).checked; }}> with the start-up days</label>
      </div>
      <div role="status" aria-live="polite">${cols.map((c) => this.status(c))}</div>
      ${done.length ? this.verdicts(cols) : nothing}
      ${done.length ? this.table(cols) : html`<p class="muted">Run the comparison to see the figures.</p>`}
      ${done.length ? this.economics(done) : nothing}
      ${done.length ? this.charts(done) : nothing}
      ${done.length ? this.warnings(done) : nothing}`;
  }

  private status(c: Col): TemplateResult | typeof nothing {
    const r = this.store!.runs[c.id];
    if (!r) return html`<div class="muted">${c.name}: not run yet.</div>`;
    if (r.status === 'queued') return html`<div>${c.name}: waiting for a worker…</div>`;
    if (r.status === 'running') return html`<div>${c.name}: running <progress max="1" .value=${r.progress}></progress></div>`;
    if (r.status === 'error') return html`<div class="error">${c.name}: ${r.error}</div>`;
    if (r.status === 'cancelled') return html`<div class="muted">${c.name}: cancelled.</div>`;
    return this.store!.isStale(c.id) ? html`<div class="muted">${c.name}: changed since this result; run again to update.</div>` : nothing;
  }

  /** One verdict line per scenario, above the figures; and a caution when they collect different tonnages. */
  private verdicts(cols: Col[]): TemplateResult {
    const st = this.store!;
    const base = cols.find((c) => c.id === st.baselineId)?.result as ResultLike | undefined;
    const baseName = cols.find((c) => c.id === st.baselineId)?.name ?? 'the baseline';
    const lines = cols.filter((c) => c.result).map((c) => {
      const isBase = c.id === st.baselineId;
      const text = verdictOf(c.result as ResultLike, base, isBase);
      // As the CLI's compare: a change of collection is named, since the whole-life NPV leaves it out.
      const note = isBase || !base ? undefined
        : collectionChangeNote(annualOf(c.result).collection_cost_gbp, annualOf(cols.find((x) => x.id === st.baselineId)?.result).collection_cost_gbp, baseName, economicsOf(c.result as ResultLike)?.npv_gbp);
      return { c, text: text && note ? `${text} ${note}` : text };
    });
    const warn = tonnageWarning(cols.filter((c) => c.result).map((c) => ({ name: c.name, result: c.result as ResultLike })));
    return html`<section class="verdicts" aria-label="Verdicts">${lines.map(({ c, text }) => text ? html`<p class="verdict ${c.id === st.baselineId ? 'base' : ''}" data-id=${c.id}><strong>${c.name}:</strong> ${text}</p>` : nothing)}</section>
      ${warn ? html`<p class="caution" role="note" id="tonnage-warning"><strong>Different tonnages.</strong> ${warn}</p>` : nothing}`;
  }

  private table(cols: Col[]): TemplateResult {
    const all = metricsFor(cols.map((c) => annualOf(c.result)));
    return html`<div class="scroll" tabindex="0" role="region" aria-label="Annual figures">${this.metricTable(cols, all.filter((m) => isMainMetric(m.key)), 'Annual figures', true)}</div>
      <details><summary>All annual figures (${all.length})</summary><div class="scroll" tabindex="0" role="region" aria-label="Other annual figures">${this.metricTable(cols, all.filter((m) => !isMainMetric(m.key)), 'Other annual figures', false)}</div></details>`;
  }

  /** The digester-health row: stable / at risk / failing with its reason; n/a where there is no digester. */
  private healthRow(cols: Col[]): TemplateResult {
    return html`<tr class="health-row"><th scope="row">Digester health</th>${cols.map((c) => {
      if (!c.result) return html`<td data-label=${this.colLabel(c)}>–</td>`;
      const h = healthOf(c.result as ResultLike);
      if (!h) return html`<td class="muted" data-label=${this.colLabel(c)}><span>n/a <span class="reason">no digester</span></span></td>`;
      return html`<td data-label=${this.colLabel(c)}><span><span class="health ${h.status.replace(' ', '-')}">${h.status}</span>${h.reason ? html`<span class="reason">${h.reason}${h.day !== undefined ? ` (from day ${h.day})` : ''}</span>` : nothing}</span></td>`;
    })}</tr>`;
  }

  private metricTable(cols: Col[], metrics: MetricDef[], label: string, withHealth: boolean): TemplateResult {
    const st = this.store!;
    const baseCol = cols.find((c) => c.id === st.baselineId);
    const base = annualOf(baseCol?.result);
    const na = (c: Col, m: MetricDef) => !!m.digesterOnly && !!c.result && !hasDigester(c.result as ResultLike);
    // On a phone (390 px) the table reflows to one card per figure, each value labelled with its scenario.
    return html`<table aria-label=${label} class="cards">
      <thead><tr><th scope="col">Per year</th>${cols.map((c) => html`<th scope="col">${c.name}${c.id === st.baselineId ? html`<span class="base">baseline</span>` : nothing}</th>`)}</tr></thead>
      <tbody>${withHealth ? this.healthRow(cols) : nothing}${metrics.map((m) => {
        const vals = cols.map((c) => (na(c, m) ? undefined : annualOf(c.result)[m.key]));
        const bVal = baseCol && !na(baseCol, m) ? base?.[m.key] : undefined;
        const diffs = cols.map((c, i) => (vals[i] !== undefined && bVal !== undefined && c.id !== st.baselineId ? vals[i]! - bVal : undefined));
        // Each figure and each difference at 3 significant figures of its own value, the difference worked out from
        // the exact values (as adsim compare): one rounding for a whole row made £4,446 beside £214,000 read +£4,000.
        const kind = kindOf(m.unit);
        const f = (x: number | undefined) => fmtOwn(x, kind);
        return html`<tr data-key=${m.key}><th scope="row">${m.label} <span class="muted">(${unitText(m)})</span></th>
        ${cols.map((c, i) => {
          if (na(c, m)) return html`<td class="muted" data-label=${this.colLabel(c)}>n/a</td>`;
          const v = vals[i], d = diffs[i], b = bVal;
          // "Same" only when the exact figures are equal to the precision shown (a 0.5 % rule called £67,300 against
          // £67,500 the same).
          const same = d !== undefined && (d === 0 || (v !== undefined && b !== undefined && f(v) === f(b)));
          const good = m.better === 'higher' ? (d ?? 0) > 0 : m.better === 'lower' ? (d ?? 0) < 0 : undefined;
          const cls = same || m.better === 'neutral' ? '' : good ? 'better' : 'worse';
          const word = cls === 'better' ? ' (better for the council)' : cls === 'worse' ? ' (worse for the council)' : '';
          return html`<td data-label=${this.colLabel(c)}><span>${f(v)}${d !== undefined ? html`<span class="diff ${cls}">${same ? 'same as baseline' : html`${fmtSigned(d, f)} vs baseline`}${word ? html`<span class="sr">${word}</span>` : nothing}</span>` : nothing}</span></td>`;
        })}</tr>`;
      })}</tbody></table>`;
  }

  /** A scenario column's name as its cards label it on a phone ("Weekly to a small digester (baseline)"). */
  private colLabel(c: Col): string {
    return c.id === this.store!.baselineId ? `${c.name} (baseline)` : c.name;
  }

  /** Whole-life economics per scenario (from the engine's appraisal), with the cumulative discounted cash flow. */
  private economics(done: Col[]): TemplateResult | typeof nothing {
    const rows = done.map((c) => ({ name: c.name, e: economicsOf(c.result as ResultLike), digester: hasDigester(c.result as ResultLike) }));
    if (!rows.some((r) => r.e)) {
      return done.some((c) => hasDigester(c.result as ResultLike))
        ? html`<p class="caution" id="no-economics"><strong>Building costs not included.</strong> These figures are the running account of the first year: the cost of building a digester is not costed in this version, so no digester here is free — a saving is an upper bound.</p>`
        : nothing;
    }
    const cfg = cashflowChart(rows);
    return html`<h3>Whole-life economics</h3>${economicsTable(rows)}
      ${cfg ? html`<div class="charts"><figure><figcaption>Cumulative discounted cash flow against the baseline (£)</figcaption>
        <adsim-chart id="chart-cashflow" label="Cumulative discounted cash flow (£)" file="chart-cashflow.png" unit="£" .scenarios=${rows.filter((r) => r.digester && r.e).map((r) => r.name)} html-legend .config=${cfg}></adsim-chart></figure></div>` : nothing}`;
  }

  private line(title: string, yLabel: string, series: Array<{ label: string; x: ArrayLike<number>; y: ArrayLike<number>; i: number; threshold?: boolean | 'model'; style?: { colour: string; dash: number[] } }>, log = false): ChartConfiguration {
    return {
      type: 'line',
      data: {
        datasets: series.map((s) => ({
          label: s.label,
          data: Array.from({ length: s.y.length }, (_, k) => ({ x: s.x[k]!, y: s.y[k]! })),
          // thresholds: vermilion dashed for the literature limit, black dotted for the model's own constant
          borderColor: s.threshold === 'model' ? '#000000' : s.threshold ? '#D55E00' : s.style?.colour ?? colour(s.i),
          backgroundColor: s.threshold === 'model' ? '#000000' : s.threshold ? '#D55E00' : s.style?.colour ?? colour(s.i),
          borderDash: s.threshold === 'model' ? [2, 3] : s.threshold ? [8, 4] : s.style?.dash ?? dash(s.i), borderWidth: s.threshold ? 2 : 1.5, pointRadius: 0,
        })),
      },
      options: {
        parsing: false,
        // The nearest point along x, wherever the pointer is on the line (the points themselves are not drawn).
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: { title: { display: false, text: title }, legend: { position: 'bottom' } },
        scales: { x: { type: 'linear', title: { display: true, text: 'day of the compared year (after start-up)' } },
          y: { ...(log ? { type: 'logarithmic' } : {}), title: { display: true, text: log ? `${yLabel} (log scale)` : yLabel } } },
      },
    };
  }

  private charts(done: Col[]): TemplateResult {
    // A scenario adding dog waste to an existing plant reports the dog waste's increment in the table, but the digester
    // (and so its daily gas) is the whole plant: the chart says so in the series name rather than mix the two bases.
    const wholePlant = (c: Col) => {
      const a = annualOf(c.result);
      return (a.methane_plant_total_Nm3 ?? 0) > 1.01 * (a.methane_Nm3 ?? 0);
    };
    const lines = (pats: RegExp[], suffix = '') => done.flatMap((c, i) => {
      const s = findSeries(c.result, pats);
      if (!s) return [];
      const [from, to] = yearWindow(c.result, s.values.length);
      const y = Array.from(s.values).slice(from, to);
      return [{ label: c.name + suffix, x: y.map((_, k) => k + 1), y, i, whole: wholePlant(c) }];
    });
    const gasLabel = <T extends { label: string; whole: boolean }>(l: T): T => (l.whole ? { ...l, label: `${l.label} (whole plant)` } : l);
    // A scenario keeps its colour for both gases: biogas solid, methane dashed (scenarios past eight: dotted, dash-dot).
    const gas = [...lines(BIOGAS, ' biogas').map(gasLabel).map((l) => ({ ...l, style: pairedLine(l.i, 0) })),
      ...lines(METHANE, ' methane').map(gasLabel).map((l) => ({ ...l, style: pairedLine(l.i, 1) }))];
    const anyWhole = done.some(wholePlant);
    const ph = lines(PH);
    const nh3 = lines(FREE_NH3);
    const limit = DEFAULTS.free_nh3_warn_mgN_L.value;
    const xMax = Math.max(1, ...nh3.map((l) => l.x[l.x.length - 1] ?? 1));
    // The model's own constant (what drives its inhibition warnings) beside the literature limit for unacclimated
    // digesters: the two differ by ~6x, and the reader should see both. Scenarios may set their own K_I_nh3 (an
    // acclimated plant): one line per distinct value, named after the scenarios that use it.
    const byKI = new Map<number, string[]>();
    for (const c of done) {
      if (!findSeries(c.result, FREE_NH3)) continue;
      const k = c.result?.run?.parameters?.K_I_nh3;
      const KI_mg = Math.round((typeof k === 'number' ? k : parameterDef('K_I_nh3')!.value) * 14000);
      byKI.set(KI_mg, [...(byKI.get(KI_mg) ?? []), c.name]);
    }
    const kiLines = [...byKI].map(([KI_mg, names]) => ({
      label: `model K_I_nh3 = ${KI_mg} mg N/L${byKI.size > 1 || names.length < nh3.length ? ` (${names.join(', ')})` : ''}`,
      x: [0, xMax], y: [KI_mg, KI_mg], i: 0, threshold: 'model' as const,
    }));
    const nh3Chart = nh3.length ? [...nh3,
      { label: `unacclimated digesters inhibited above ~${limit} mg N/L (literature)`, x: [0, xMax], y: [limit, limit], i: 0, threshold: true as const },
      ...kiLines] : [];
    const group = (title: string, bars: BarDef[], unit: string, scale = 1, only?: Col[]): ChartConfiguration | undefined => {
      if (!bars.length) return undefined;
      return {
        type: 'bar',
        data: {
          labels: bars.map((b) => b.label),
          // Colours follow the scenario's place in the comparison, so a split chart keeps each scenario's colour.
          // Past eight scenarios the bars are hatched as well (adsim-chart draws the pattern), so none look alike.
          datasets: done.flatMap((c, i) => (only && !only.includes(c) ? [] : [{ label: c.name, data: bars.map((b) => (b.sign * (annualOf(c.result)[b.key] ?? 0)) / scale),
            backgroundColor: barStyle(i).colour, hatch: barStyle(i).hatch, borderColor: '#000', borderWidth: 0.5 }])),
        },
        // Category names wrap onto lines under their bars; where they still do not fit (a phone) they stand upright, not at an angle that cut the first off.
        options: { plugins: { legend: { position: 'bottom' }, title: { display: false, text: title } }, scales: { y: { title: { display: true, text: unit } },
          x: { ticks: { minRotation: 0, maxRotation: 90, autoSkip: false, callback(this: { getLabelForValue(v: number): string; chart: { width: number } }, v: number | string) {
            // Wide enough per bar group: wrapped words, level. Narrower (a phone): one line, which the axis turns upright.
            const per = this.chart.width / Math.max(1, bars.length), label = this.getLabelForValue(Number(v));
            return per >= 64 ? wrapWords(label, Math.max(8, Math.floor(per / 6.5))) : label;
          } } } } },
      };
    };
    /** Scenarios whose largest bar is under 1/100 of the largest of all: drawn on their own axis (one axis would flatten them). */
    const split = (bars: BarDef[]): Col[] => {
      const peak = done.map((c) => Math.max(0, ...bars.map((b) => Math.abs(annualOf(c.result)[b.key] ?? 0))));
      const top = Math.max(0, ...peak);
      return done.filter((_, i) => peak[i]! > 0 && peak[i]! * 100 < top);
    };
    const has = new Set(done.flatMap((c) => Object.keys(annualOf(c.result))));
    const themed = (id: string, title: string, bars: BarDef[], unit: string, scale: number, note: string, tip: string) => {
      const small = split(bars);
      const big = done.filter((c) => !small.includes(c));
      return html`${fig(id, title, group(title, bars, unit, scale, small.length ? big : undefined), note, tip)}
        ${small.length ? fig(`${id}-small`, `${title}: ${small.map((c) => c.name).join(', ')} on its own scale`, group(title, bars, unit, scale, small),
          `${small.map((c) => c.name).join(', ')} ${small.length > 1 ? 'are' : 'is'} under a hundredth of the largest scenario, so ${small.length > 1 ? 'they get' : 'it gets'} a chart of ${small.length > 1 ? 'their' : 'its'} own.`, tip) : nothing}`;
    };
    const names = (cfg: ChartConfiguration) => done.map((c) => c.name).filter((n) => cfg.data.datasets.some((d) => String(d.label ?? '').startsWith(n)));
    const fig = (id: string, title: string, cfg: ChartConfiguration | undefined, note?: string, unit = '', basis = '') => cfg ? html`<figure>
      <figcaption>${title}</figcaption>${note ? html`<p class="note">${note}</p>` : nothing}<adsim-chart id=${id} label=${title} file=${`${id}.png`} unit=${unit} basis=${basis} .scenarios=${names(cfg)} html-legend .config=${cfg}></adsim-chart></figure>` : nothing;
    // One scenario's gas 100 times another's (a regional plant beside a pilot) would flatten the small ones: log axis.
    const peaks = gas.map((l) => Math.max(0, ...l.y)).filter((x) => x > 0);
    const logGas = peaks.length > 1 && Math.max(...peaks) >= 100 * Math.min(...peaks);
    return html`<div class="charts">
      ${fig('chart-gas', `Daily biogas and methane (Nm3/d, ${NORMAL_BASIS}${anyWhole ? '; whole plant where marked' : ''})`, gas.length ? this.line('Daily gas', `Nm3 per day (${NORMAL_BASIS})`, gas, logGas) : undefined,
        [anyWhole ? 'Where dog waste joins an existing plant, the lines are the whole plant\'s gas; the table counts only the gas the dog waste adds.' : '', logGas ? 'Log scale: the largest scenario makes over 100 times the gas of the smallest.' : ''].filter(Boolean).join(' ') || undefined, 'Nm3/d', NORMAL_BASIS)}
      ${fig('chart-ph', 'pH in the digester', ph.length ? this.line('pH', 'pH', ph) : undefined, undefined, 'pH')}
      ${fig('chart-nh3', 'Free ammonia and the inhibition threshold', nh3Chart.length ? this.line('Free ammonia', 'mg N/L', nh3Chart) : undefined,
        'Dotted black: the model\'s K_I_nh3, where acetate-eating methanogens run at half rate (one line per value the scenarios use). Dashed orange: the published limit for digesters not used to ammonia.', 'mg N/L')}
      ${themed('chart-energy', 'Annual energy (MWh/yr)', ENERGY_BARS.filter((b) => has.has(b.key)), 'MWh per year', 1000, '', 'MWh/yr')}
      ${themed('chart-carbon', 'Annual carbon (t CO2e/yr)', CARBON_BARS.filter((b) => has.has(b.key)), 't CO2e per year', 1, 'Emissions above zero, emissions avoided below; the bars add up to the net.', 't CO2e/yr')}
      ${themed('chart-money', 'Annual money (£/yr)', MONEY_BARS.filter((b) => has.has(b.key)), '£ per year', 1, 'Costs above zero, income below; the bars add up to the net cost.', '£/yr')}
    </div>`;
  }

  /** Each warning as its own plain item; one that several scenarios share is listed once, with their names. */
  private warnings(done: Col[]): TemplateResult {
    const items = warningItems(done.map((c) => ({ name: c.name, warnings: c.result!.warnings })));
    if (!items.length) return html``;
    const all = done.length > 1;
    return html`<h3>Warnings</h3><ul class="warnings" id="warnings">${items.map((w) => html`<li><strong>${all && w.scenarios.length === done.length ? 'All scenarios' : w.scenarios.join(', ')}:</strong> ${w.text}</li>`)}</ul>`;
  }

  private exportAnnual(cols: Col[]): void {
    const st = this.store!;
    downloadText('adsim-annual.csv', annualCsv(cols.map((c) => ({ name: c.name, result: c.result, baseline: c.id === st.baselineId }))), 'text/csv');
  }

  /** Include the digester's start-up days in the daily CSV (off: the compared year only). */
  private dailyStartup = false;

  private exportDaily(done: Col[]): void {
    for (const c of done) downloadText(`adsim-daily-${slug(c.name)}.csv`, dailyCsv({ name: c.name, result: c.result }, { startup: this.dailyStartup }), 'text/csv');
  }
}
customElements.define('compare-view', CompareView);
