// <adsim-chart>: one chart.js chart in the shadow DOM; takes a config, redraws when it changes, exports a PNG.
import { LitElement, css, html, type PropertyValues } from 'lit';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Title, Tooltip,
  type ChartConfiguration, type Plugin,
} from 'chart.js';
import { downloadUrl } from '../io/download.js';
import { fmt } from '../fields/metrics.js';

/** One entry of the page's own legend (it wraps on a phone and never truncates a name; a click hides the series). */
interface LegendItem { label: string; colour: string; dash: boolean; hidden: boolean }

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
    htmlLegend: { type: Boolean, attribute: 'html-legend' },
    items: { state: true },
  };
  /** The y unit, written after every tooltip value. */
  declare unit: string;
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
    button { font: inherit; font-size: 0.8rem; margin-top: 0.25rem; }
    /* In print the canvas drawn for the screen is scaled into the page's box (never clipped or overlapping what follows). */
    @media print { button { display: none; } .wrap { height: auto; } canvas { max-width: 100% !important; height: auto !important; } }
  `;

  constructor() {
    super();
    this.label = 'chart';
    this.file = 'chart.png';
    this.unit = '';
    this.htmlLegend = false;
    this.items = [];
  }

  override render() {
    return html`<div class="wrap"><canvas role="img" aria-label=${this.label}></canvas></div>
      ${this.htmlLegend && this.items.length ? html`<ul class="legend" aria-label="Series (press to hide or show)">${this.items.map((it, i) => html`<li><button type="button"
        aria-pressed=${it.hidden ? 'false' : 'true'} @click=${() => this.toggle(i)}><span class="swatch ${it.dash ? 'dash' : ''}" style="border-top-color:${it.colour}"></span>${it.label}</button></li>`)}</ul>` : ''}
      <button type="button" class="save" @click=${this.savePng}>Save ${this.label} as PNG</button>`;
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
      const unit = this.unit;
      plugins.tooltip = { ...(plugins.tooltip as object ?? {}), callbacks: { label: (c: { dataset: { label?: string }; parsed: { y: number | null } }) => `${c.dataset.label ?? ''}: ${fmt(c.parsed.y ?? undefined)} ${unit}` } };
    }
    cfg.options = { ...cfg.options, plugins } as ChartConfiguration['options'];
    this.chart = new Chart(canvas, cfg);
    this.items = this.htmlLegend ? cfg.data.datasets.map((d) => {
      const ds = d as { label?: string; borderColor?: unknown; backgroundColor?: unknown; borderDash?: number[] };
      const c = cfg.type === 'bar' ? ds.backgroundColor : ds.borderColor;
      return { label: ds.label ?? '', colour: typeof c === 'string' ? c : '#000', dash: (ds.borderDash?.length ?? 0) > 0 && cfg.type !== 'bar', hidden: false };
    }) : [];
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

  /** The chart as a PNG with its title drawn above it (a saved image travels without the page's caption). */
  pngDataUrl(): string | undefined {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas) return undefined;
    const ratio = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
    const band = Math.round(30 * ratio);
    const out = document.createElement('canvas');
    out.width = canvas.width;
    out.height = canvas.height + band;
    const ctx = out.getContext('2d');
    if (!ctx) return canvas.toDataURL('image/png');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = '#1a1a1a';
    ctx.font = `600 ${Math.round(16 * ratio)}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.fillText(this.label, Math.round(8 * ratio), band / 2, out.width - 16 * ratio);
    ctx.drawImage(canvas, 0, band);
    return out.toDataURL('image/png');
  }

  savePng(): void {
    const url = this.pngDataUrl();
    if (url) downloadUrl(this.file, url);
  }
}
customElements.define('adsim-chart', AdsimChart);
