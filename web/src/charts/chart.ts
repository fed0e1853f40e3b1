// <adsim-chart>: one chart.js chart in the shadow DOM; takes a config, redraws when it changes, exports a PNG.
import { LitElement, css, html, type PropertyValues } from 'lit';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Title, Tooltip,
  type ChartConfiguration, type Plugin,
} from 'chart.js';
import { downloadUrl } from '../io/download.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, CategoryScale, Legend, Tooltip, Title);

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
  };
  declare config?: ChartConfiguration;
  declare label: string;
  declare file: string;
  private chart?: Chart;

  static override styles = css`
    :host { display: block; }
    .wrap { position: relative; height: 260px; }
    button { font: inherit; font-size: 0.8rem; margin-top: 0.25rem; }
    @media print { button { display: none; } }
  `;

  constructor() {
    super();
    this.label = 'chart';
    this.file = 'chart.png';
  }

  override render() {
    return html`<div class="wrap"><canvas role="img" aria-label=${this.label}></canvas></div>
      <button type="button" @click=${this.savePng}>Save ${this.label} as PNG</button>`;
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
    this.chart = new Chart(canvas, cfg);
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
