// <adsim-chart>: one chart.js chart in the shadow DOM; takes a config, redraws when it changes, exports a PNG.
import { LitElement, css, html, type PropertyValues } from 'lit';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Title, Tooltip,
  type ChartConfiguration, type Plugin,
} from 'chart.js';
import { downloadUrl } from '../io/download.js';
import { fmt } from '../fields/metrics.js';
import { captionLines, wrapText } from './caption.js';
import { hatchCss, hatchPattern, type Hatch } from './palette.js';

/** One entry of the page's own legend (it wraps on a phone and never truncates a name; a click hides the series). */
interface LegendItem { label: string; colour: string; dash: number[]; hatch: Hatch; bar: boolean; hidden: boolean }

/** A dataset as the views build it: chart.js's fields plus `hatch`, turned into a canvas pattern when drawn. */
type StyledDataset = { label?: string; borderColor?: unknown; backgroundColor?: unknown; borderDash?: number[]; hatch?: Hatch; type?: string };

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, LogarithmicScale, CategoryScale, Legend, Tooltip, Title);

/** A white background, so the PNG and the printout are not transparent. */
const whiteBackground: Plugin = {
  id: 'adsim-white',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export class AdsimChart extends LitElement {
  static override properties = {
    config: { attribute: false },
    label: { type: String },
    file: { type: String },
    unit: { type: String },
    basis: { type: String },
    captionUnit: { type: String, attribute: 'caption-unit' },
    scenarios: { attribute: false },
    htmlLegend: { type: Boolean, attribute: 'html-legend' },
    items: { state: true },
  };
  /** The y unit, written after every tooltip value. */
  declare unit: string;
  /** The basis of the unit ("dry, 0 C, 101.325 kPa" for normal gas volumes), said in the tooltip and the PNG caption. */
  declare basis: string;
  /** The units for the PNG caption when the tooltip's single unit does not fit (two axes); else `unit`. */
  declare captionUnit: string;
  /** The scenarios (or model) drawn, named in the PNG caption. */
  declare scenarios: string[];
  /** Draw the legend as a wrapped list under the chart instead of inside the canvas. */
  declare htmlLegend: boolean;
  declare items: LegendItem[];
  declare config?: ChartConfiguration;
  declare label: string;
  declare file: string;
  private chart?: Chart;

  static override styles = css`
    :host { display: block; }
    .wrap { position: relative; height: var(--adsim-chart-height, 260px); }
    ul.legend { list-style: none; margin: 0.3rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.15rem 0.9rem; font-size: 0.8rem; }
    ul.legend button { all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 0.35rem; overflow-wrap: anywhere; }
    ul.legend button:focus-visible { outline: 3px solid #E69F00; }
    ul.legend [aria-pressed=false] { opacity: 0.45; text-decoration: line-through; }
    .swatch { flex: none; width: 1.4rem; height: 0; border-top: 4px solid; }
    .swatch.dash { border-top-style: dashed; }
    .swatch.bar { height: 0.8rem; border: 1px solid #000; box-sizing: border-box; }
    .pick { display: flex; gap: 0.4rem; margin-top: 0.3rem; }
    .pick button { margin: 0; padding: 0.1rem 0.5rem; }
    button { font: inherit; font-size: 0.8rem; margin-top: 0.25rem; }
    /* In print the canvas drawn for the screen is scaled into the page's box (never clipped or overlapping what follows). */
    @media print { button { display: none; } .wrap { height: auto; } canvas { max-width: 100% !important; height: auto !important; } }
  `;

  constructor() {
    super();
    this.label = 'chart';
    this.file = 'chart.png';
    this.unit = '';
    this.basis = '';
    this.captionUnit = '';
    this.scenarios = [];
    this.htmlLegend = false;
    this.items = [];
  }

  override render() {
    const many = this.items.length > 8;
    return html`<div class="wrap"><canvas role="img" aria-label=${this.basis ? `${this.label} (${this.basis})` : this.label}></canvas></div>
      ${this.htmlLegend && this.items.length ? html`<ul class="legend" aria-label="Series (press to hide or show)">${this.items.map((it, i) => html`<li><button type="button"
        aria-pressed=${it.hidden ? 'false' : 'true'} @click=${() => this.toggle(i)}>${this.swatch(it)}${it.label}</button></li>`)}</ul>
        ${many ? html`<div class="pick" role="group" aria-label="Series shown"><button type="button" class="show-all" @click=${() => this.showAll(true)}>Show all ${this.items.length}</button>
          <button type="button" class="hide-all" @click=${() => this.showAll(false)}>Hide all (then pick)</button></div>` : ''}` : ''}
      <button type="button" class="save" @click=${this.savePng}>Save ${this.label} as PNG</button>`;
  }

  private swatch(it: LegendItem) {
    if (it.bar) return html`<span class="swatch bar" style="background:${hatchCss(it.colour, it.hatch)}"></span>`;
    return html`<span class="swatch ${it.dash.length ? 'dash' : ''}" style="border-top-color:${it.colour}"></span>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('config')) this.draw();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.chart) this.draw();   // re-attached after a view switch
  }

  private draw(): void {
    this.chart?.destroy();
    this.chart = undefined;
    const canvas = this.renderRoot.querySelector('canvas');
    if (!this.config || !canvas) return;
    const cfg = { ...this.config, plugins: [...(this.config.plugins ?? []), whiteBackground] } as ChartConfiguration;
    cfg.options = { animation: false, responsive: true, maintainAspectRatio: false, ...cfg.options } as ChartConfiguration['options'];
    const plugins = { ...(cfg.options?.plugins ?? {}) } as Record<string, unknown>;
    if (this.htmlLegend) plugins.legend = { ...(plugins.legend as object ?? {}), display: false };
    if (this.unit) {
      const unit = this.basis ? `${this.unit} (${this.basis})` : this.unit;
      plugins.tooltip = { ...(plugins.tooltip as object ?? {}), callbacks: { label: (c: { dataset: { label?: string }; parsed: { y: number | null } }) => `${c.dataset.label ?? ''}: ${fmt(c.parsed.y ?? undefined)} ${unit}` } };
    }
    cfg.options = { ...cfg.options, plugins } as ChartConfiguration['options'];
    // Hatched bars (series past eight): the colour becomes a striped pattern drawn on this canvas.
    const ctx = canvas.getContext('2d');
    const datasets = cfg.data.datasets as StyledDataset[];
    cfg.data = { ...cfg.data, datasets: datasets.map((d) => (d.hatch && d.hatch !== 'none' && ctx && typeof d.backgroundColor === 'string'
      ? { ...d, backgroundColor: hatchPattern(ctx, d.backgroundColor, d.hatch) } : d)) } as ChartConfiguration['data'];
    this.chart = new Chart(canvas, cfg);
    this.items = datasets.map((ds) => {
      const bar = (ds.type ?? cfg.type) === 'bar';
      const c = bar ? ds.backgroundColor : ds.borderColor;
      return { label: ds.label ?? '', colour: typeof c === 'string' ? c : '#000', dash: bar ? [] : ds.borderDash ?? [], hatch: ds.hatch ?? 'none', bar, hidden: false };
    });
  }

  /** The series picker of a crowded chart: show every series, or hide them all so the reader picks a few. */
  private showAll(on: boolean): void {
    const c = this.chart;
    if (!c) return;
    this.items.forEach((_, i) => c.setDatasetVisibility(i, on));
    c.update();
    this.items = this.items.map((it) => ({ ...it, hidden: !on }));
  }

  private toggle(i: number): void {
    const c = this.chart;
    if (!c) return;
    const visible = c.isDatasetVisible(i);
    c.setDatasetVisibility(i, !visible);
    c.update();
    this.items = this.items.map((it, j) => (j === i ? { ...it, hidden: visible } : it));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  /**
   * The chart as a PNG that stands on its own: the title above; under the chart its legend (the page draws it outside
   * the canvas) and a caption with the units and their basis, the scenarios, adsim's and the model's versions and the date.
   */
  pngDataUrl(date?: Date): string | undefined {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas) return undefined;
    const r = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
    const W = canvas.width, pad = 8 * r, maxW = W - 2 * pad;
    const out = document.createElement('canvas');
    const ctx = out.getContext('2d');
    if (!ctx) return canvas.toDataURL('image/png');
    const font = (px: number, weight = 400) => `${weight} ${Math.round(px * r)}px system-ui, sans-serif`;
    const measure = (f: string) => (s: string) => { ctx.font = f; return ctx.measureText(s).width; };
    // Layout first (resizing a canvas clears it), then draw.
    const titleFont = font(16, 600), smallFont = font(12);
    const title = wrapText(this.label, maxW, measure(titleFont));
    const legend = this.htmlLegend ? this.items.filter((it) => !it.hidden) : [];
    const sw = 22 * r, gap = 6 * r, itemGap = 14 * r, lh = 16 * r;
    const placed: Array<{ it: LegendItem; x: number; y: number }> = [];
    let x = pad, y = 0;
    for (const it of legend) {
      const w = sw + gap + Math.min(maxW - sw - gap, measure(smallFont)(it.label));
      if (x > pad && x + w > W - pad) { x = pad; y += lh; }
      placed.push({ it, x, y });
      x += w + itemGap;
    }
    const legendH = legend.length ? y + lh + 4 * r : 0;
    const caption = captionLines({ title: this.label, unit: this.captionUnit || this.unit, basis: this.basis, scenarios: this.scenarios, date })
      .flatMap((l) => wrapText(l, maxW, measure(smallFont)));
    const titleH = pad + title.length * 20 * r + 4 * r;
    out.width = W;
    out.height = Math.ceil(titleH + canvas.height + 6 * r + legendH + caption.length * lh + pad);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#1a1a1a';
    ctx.font = titleFont;
    title.forEach((t, i) => ctx.fillText(t, pad, pad + (i + 0.5) * 20 * r, maxW));
    ctx.drawImage(canvas, 0, titleH);
    let top = titleH + canvas.height + 6 * r;
    ctx.font = smallFont;
    for (const { it, x: lx, y: ly } of placed) {
      const cy = top + ly + lh / 2;
      if (it.bar) {
        ctx.fillStyle = hatchPattern(ctx, it.colour, it.hatch, Math.round(8 * r));
        ctx.fillRect(lx, cy - 5 * r, sw, 10 * r);
        ctx.strokeStyle = '#000'; ctx.lineWidth = r; ctx.setLineDash([]);
        ctx.strokeRect(lx, cy - 5 * r, sw, 10 * r);
      } else {
        ctx.strokeStyle = it.colour; ctx.lineWidth = 3 * r; ctx.setLineDash(it.dash.map((d) => d * r));
        ctx.beginPath(); ctx.moveTo(lx, cy); ctx.lineTo(lx + sw, cy); ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = '#1a1a1a';
      ctx.fillText(it.label, lx + sw + gap, cy, maxW - sw - gap);
    }
    top += legendH;
    ctx.fillStyle = '#333333';
    caption.forEach((l, i) => ctx.fillText(l, pad, top + (i + 0.5) * lh, maxW));
    return out.toDataURL('image/png');
  }

  savePng(): void {
    const url = this.pngDataUrl();
    if (url) downloadUrl(this.file, url);
  }
}
customElements.define('adsim-chart', AdsimChart);
