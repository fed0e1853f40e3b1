// Research view downloads under happy-dom: every result offers CSV and JSON files whose numbers are the result's own
// (read back through the CSV reader), Sobol runs from the page, and a fit with R2 < 0.5 says it explains little.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../web/src/views/research-view.js';
import type { ResearchView } from '../web/src/views/research-view.js';
import type { ResearchFit } from '../web/src/views/research-fit.js';
import { ResearchStore, type ResearchActionDetail } from '../web/src/state/research-store.js';
import type { ResearchRunner } from '../web/src/state/research-runner.js';
import type { DigesterFitResult } from '../src/analysis/digester-fit.js';
import { parseCsv } from '../src/export/csv.js';
import { ScenarioStore } from '../web/src/state/store.js';
import { bundled, fakeRunner, flush } from './web.fakes.js';
import type { Outputs } from '../src/analysis/evaluate.js';

/** q_ch4 rises with k_hyd_ch only (50 per unit): it must rank first, with mu* = 50 x the range of k_hyd_ch. */
function knownRunner(fitResult?: DigesterFitResult): ResearchRunner {
  return {
    concurrency: 2,
    async digesterOutputs(run: { parameters?: Record<string, number> }, series: boolean): Promise<Outputs> {
      const p = run.parameters ?? {};
      const k = p.k_hyd_ch ?? 10, d = p.k_dis ?? 0.5;
      const out: Outputs = { q_ch4_Nm3_d: 1000 + 50 * k + 0.01 * d, q_biogas_dry_Nm3_d: 1520 + 76 * k, ch4_fraction_dry: 0.63, q_gas_Nm3_d: 1600 + 80 * k, ch4_fraction: 0.6, pH: 7 + 0.001 * d, VFA_kgCOD_m3: 0.1, free_nh3_mgN_L: 20 + d, S_IN: 0.09 };
      if (series) { out.t_d = new Float64Array([0, 1, 2]); out['series.q_ch4_Nm3_d'] = new Float64Array([k, 2 * k, 3 * k]); }
      return out;
    },
    async scenarioOutputs(): Promise<Outputs> { return { electricity_net_kWh: 1 }; },
    async fitDigester() { if (!fitResult) throw new Error('no fit'); return fitResult; },
    async fitBmp() { throw new Error('not used'); },
    async fitFeedstockBmp() { throw new Error('not used'); },
  } as unknown as ResearchRunner;
}

/** A calibration result as the worker returns it, converged, with the R2 the test asks for. */
function fitWith(r2: number): DigesterFitResult {
  return {
    method: 'lm', converged: true, message: 'relative reduction below tolerance', iterations: 4, evaluations: 12,
    parameters: [{ name: 'k_dis', unit: '1/d', value: 0.4, initial: 0.5, low: 0.05, high: 1, se: 0.02, ci95: [0.36, 0.44], atBound: false }],
    correlation: [[1]], cost: 1, dof: 2, s2: 0.5, residuals: [1, -2, 0.5], predicted: [99, 102, 100.5],
    groups: [{ name: 'q_ch4 [Nm3/d]', unit: 'm3/d', n: 3, rmse: 1.3, r2 }], warnings: [],
    series: [{ kind: 'q_ch4', column: 'q_ch4 [Nm3/d]', unit: 'm3/d', t_d: [1, 2, 3], data: [100, 100, 101], model: [99, 102, 100.5] }],
    curve: { t_d: [1, 2, 3], values: { 'q_ch4 [Nm3/d]': [99, 102, 100.5] } },
  } as DigesterFitResult;
}

let el: ResearchView;
let research: ResearchStore;
/** Files the page saved: name and text, read from the Blob handed to URL.createObjectURL. */
let saved: Array<{ name: string; text: Promise<string> }>;

async function mount(runner: ResearchRunner): Promise<void> {
  localStorage.clear();
  const store = new ScenarioStore({ storage: localStorage, runner: fakeRunner(), bundled, rerunDelay_ms: 10_000 });
  research = new ResearchStore(runner);
  el = document.createElement('research-view') as ResearchView;
  el.store = store;
  el.research = research;
  el.addEventListener('research-action', (e) => {
    const d = (e as CustomEvent<ResearchActionDetail>).detail;
    void (research[d.op] as (...a: unknown[]) => unknown).apply(research, d.args as unknown[]);
  });
  document.body.append(el);
  await el.updateComplete;
}

beforeEach(() => {
  saved = [];
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blob = b as Blob; return 'blob:test'; });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, text: blob!.text() });
  });
});
afterEach(() => { el?.remove(); vi.restoreAllMocks(); });

const q = <T extends Element>(sel: string, root: ParentNode = el.shadowRoot!) => root.querySelector<T>(sel);
const fit = () => q<ResearchFit>('research-fit')!;
const settle = async () => { for (let i = 0; i < 30; i++) await flush(); await el.updateComplete; await fit().updateComplete; };
const table = (text: string) => { const [h, ...rows] = parseCsv(text); return rows.map((r) => Object.fromEntries(h!.map((k, i) => [k, r[i]!]))); };
async function download(id: string, root: ParentNode = el.shadowRoot!): Promise<{ name: string; text: string }> {
  const b = root.querySelector<HTMLButtonElement>(`#${id}`);
  expect(b, `button #${id}`).not.toBeNull();
  b!.click();
  const f = saved.at(-1)!;
  return { name: f.name, text: await f.text };
}
async function type(input: HTMLInputElement | null, value: string): Promise<void> {
  input!.value = value;
  input!.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

describe('research downloads', () => {
  beforeEach(() => mount(knownRunner()));

  it('Morris ranking as CSV (provenance line, rows as the table ranks them) and as JSON with the CLI keys', async () => {
    await type(q('#r-trajectories'), '3');
    q<HTMLButtonElement>('#run-sensitivity')!.click();
    await settle();
    const csv = await download('dl-sensitivity-ranking');
    expect(csv.name).toBe('adsim-morris-bsm2-benchmark-digester.csv');
    expect(csv.text.split('\r\n')[0]).toMatch(/^# adsim \d+\.\d+\.\d+, model adm1-bsm2 .*, exported \d{4}-\d\d-\d\d$/);
    const rows = table(csv.text).filter((r) => r.output === 'q_ch4_Nm3_d');
    expect(rows.map((r) => r.factor)).toHaveLength(4);
    expect(rows[0]!.factor).toBe('k_hyd_ch');
    const shownFirst = q('#rank-table tbody tr td:nth-child(2)')!.textContent;
    expect(shownFirst).toContain(rows[0]!.factor);
    const r = research.tasks.sensitivity!.result!;
    expect(r.method).toBe('morris');
    expect(Number(rows[0]!.muStar)).toBeCloseTo((r as { ranked: Record<string, { muStar: number }[]> }).ranked.q_ch4_Nm3_d![0]!.muStar, 6);
    const json = JSON.parse((await download('dl-sensitivity-json')).text);
    expect(json).toMatchObject({ file: 'BSM2 benchmark digester', kind: 'digester-run', method: 'morris', trajectories: 3 });
    expect(json.ranked.q_ch4_Nm3_d[0].factor).toBe('k_hyd_ch');
  });

  it('Sobol from the page: indices ranked by ST, a small-N warning, CSV with intervals', async () => {
    const sel = q<HTMLSelectElement>('#r-method')!;
    sel.value = 'sobol';
    sel.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await type(q('#r-sobol-n'), '16');
    q<HTMLButtonElement>('#run-sensitivity')!.click();
    await settle();
    const r = research.tasks.sensitivity!.result!;
    expect(r.method).toBe('sobol');
    expect(r.runs).toBe(16 * (4 + 2));
    expect(q('#rank-table tbody tr')!.textContent).toContain('k_hyd_ch');
    expect(el.shadowRoot!.textContent).toMatch(/N = 16 is below 128/);
    const rows = table((await download('dl-sensitivity-ranking')).text).filter((x) => x.output === 'q_ch4_Nm3_d');
    expect(rows[0]!.input).toBe('k_hyd_ch');
    expect(Number(rows[0]!.ST)).toBeGreaterThan(0.9);
    expect(Number(rows[0]!.ST_low)).toBeLessThanOrEqual(Number(rows[0]!.ST));
  });

  it('Monte Carlo: percentiles, every sample and the bands, each file agreeing with the result', async () => {
    await type(q('#r-samples'), '8');
    q<HTMLButtonElement>('#run-uncertainty')!.click();
    await settle();
    const r = research.tasks.uncertainty!.result!;
    const pct = table((await download('dl-uncertainty-percentiles')).text).find((x) => x.output === 'q_ch4_Nm3_d')!;
    expect(Number(pct.P50)).toBeCloseTo(r.scalars.q_ch4_Nm3_d!.p50, 6);
    const samples = table((await download('dl-uncertainty-samples')).text);
    expect(samples).toHaveLength(8);
    // The known model: q_ch4 = 1000 + 50 k_hyd_ch + 0.01 k_dis in every sample row.
    for (const s of samples) expect(Number(s.q_ch4_Nm3_d)).toBeCloseTo(1000 + 50 * Number(s.k_hyd_ch) + 0.01 * Number(s.k_dis), 4);
    const bands = parseCsv((await download('dl-uncertainty-bands')).text);
    expect(bands[0]).toEqual(['t_d', 'q_ch4_Nm3_d P10', 'q_ch4_Nm3_d P50', 'q_ch4_Nm3_d P90']);
    expect(bands).toHaveLength(4);
    const json = JSON.parse((await download('dl-uncertainty-json')).text);
    expect(Object.keys(json.series)[0]).toBe('t_d');
    expect(json.table.inputs).toHaveLength(8);
  });
});

describe('fit quality in words', () => {
  async function runFit(r2: number): Promise<string> {
    await mount(knownRunner(fitWith(r2)));
    fit().csv = 'time [d],q_ch4 [Nm3/d]\n1,100\n2,100\n3,101\n';
    await fit().updateComplete;
    fit().shadowRoot!.querySelector<HTMLButtonElement>('#run-fit')!.click();
    await settle();
    return fit().shadowRoot!.textContent!;
  }

  it('a converged fit with R2 0.3 says it explains little of the data, and the files say so too', async () => {
    const text = await runFit(0.3);
    expect(text).toMatch(/explains little of the (measured )?data/);
    expect(text).not.toMatch(/Fit converged/);
    expect(fit().shadowRoot!.querySelector('.fit-quality')).not.toBeNull();
    const params = await download('dl-fit-parameters', fit().shadowRoot!);
    expect(params.text).toMatch(/# q_ch4 \[Nm3\/d\]: R² 0\.30 .*explains little/);
    expect(table(params.text)[0]).toMatchObject({ parameter: 'k_dis', value: '0.4', ci95_low: '0.36', ci95_high: '0.44' });
    const res = table((await download('dl-fit-residuals', fit().shadowRoot!)).text);
    expect(res.map((x) => Number(x.residual))).toEqual([1, -2, 0.5]);
    expect(res[0]!.unit).toBe('Nm3/d, dry, 0 C, 101.325 kPa');
    expect(table((await download('dl-fit-goodness', fit().shadowRoot!)).text)[0]!.explains_little).toBe('yes');
  });

  it('a fit with R2 0.95 says it converged, with no such warning', async () => {
    const text = await runFit(0.95);
    expect(text).toMatch(/Fit converged/);
    expect(text).not.toMatch(/explains little/);
    expect(fit().shadowRoot!.querySelector('.fit-quality')).toBeNull();
  });
});
