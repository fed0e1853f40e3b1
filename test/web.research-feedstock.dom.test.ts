// <research-fit> and <research-feedstock> under happy-dom: a library feedstock's BMP and k_hyd fitted to the example
// curve through the simulated assay (run in-process by a stand-in runner), the user-feedstock file, per-series residual
// plots in the data's units, and messages worded for the page (labels, not ids or CLI flags).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../web/src/views/research-view.js';
import type { ResearchView } from '../web/src/views/research-view.js';
import type { ResearchFit } from '../web/src/views/research-fit.js';
import type { ResearchFeedstock } from '../web/src/views/research-feedstock.js';
import { ResearchStore, type ResearchActionDetail } from '../web/src/state/research-store.js';
import type { ResearchRunner } from '../web/src/state/research-runner.js';
import { EXAMPLE_BMP_CSV, EXAMPLE_DIGESTER_CSV } from '../web/src/io/research-examples.js';
import { fitFeedstockBmp } from '../src/analysis/bmp-adm1.js';
import { fitDigester } from '../src/analysis/digester-fit.js';
import { FEEDSTOCKS } from '../models/feedstocks/index.js';
import { ScenarioStore } from '../web/src/state/store.js';
import { bundled, fakeRunner, flush } from './web.fakes.js';
import type { ChartConfiguration } from 'chart.js';
import { api } from '../src/worker/api.js';

/** Fits run in-process, as a worker would run them; `gate` holds a feedstock fit back until released. */
function inProcessRunner(gate?: Promise<void>): ResearchRunner & { feedstockFits: number; progress: number[] } {
  const r = {
    concurrency: 1, feedstockFits: 0, progress: [] as number[],
    async scenarioOutputs() { throw new Error('not used'); },
    async digesterOutputs() { throw new Error('not used'); },
    async fitBmp() { throw new Error('not used'); },
    async fitDigester(...a: Parameters<ResearchRunner['fitDigester']>) {
      const [run, data, names, opts, onProgress] = a;
      return fitDigester(run, data, names, { ...opts, onProgress: (n) => { onProgress(n / (opts.maxEvaluations ?? 400)); } });
    },
    async fitFeedstockBmp(...a: Parameters<ResearchRunner['fitFeedstockBmp']>) {
      const [f, t_d, B, opts, onProgress, signal] = a;
      r.feedstockFits++;
      if (gate) await gate;
      if (signal?.aborted) throw new Error('cancelled');
      return fitFeedstockBmp(f, t_d, B, { ...opts, onProgress: (n) => { r.progress.push(n); onProgress(n / (opts.maxEvaluations ?? 2000)); } });
    },
  };
  return r as unknown as ResearchRunner & { feedstockFits: number; progress: number[] };
}

let research: ResearchStore;
let runner: ReturnType<typeof inProcessRunner>;
let el: ResearchView;
let sent: ResearchActionDetail[];

async function mount(r: ReturnType<typeof inProcessRunner>): Promise<void> {
  localStorage.clear();
  const store = new ScenarioStore({ storage: localStorage, runner: fakeRunner(), bundled, rerunDelay_ms: 10_000 });
  runner = r;
  research = new ResearchStore(runner);
  sent = [];
  el = document.createElement('research-view') as ResearchView;
  el.store = store;
  el.research = research;
  el.addEventListener('research-action', (e) => {
    const d = (e as CustomEvent<ResearchActionDetail>).detail;
    sent.push(d);
    void (research[d.op] as (...a: unknown[]) => unknown).apply(research, d.args as unknown[]);
  });
  document.body.append(el);
  await el.updateComplete;
}

beforeEach(async () => { await mount(inProcessRunner()); });
afterEach(() => { el.remove(); });

const fit = () => el.shadowRoot!.querySelector<ResearchFit>('research-fit')!;
const fs = () => fit().shadowRoot!.querySelector<ResearchFeedstock>('research-feedstock')!;
const qf = <T extends Element>(sel: string) => fit().shadowRoot!.querySelector<T>(sel);
const qs = <T extends Element>(sel: string) => fs().shadowRoot!.querySelector<T>(sel);

async function type(input: HTMLInputElement | HTMLTextAreaElement | null, value: string): Promise<void> {
  expect(input).not.toBeNull();
  input!.value = value;
  input!.dispatchEvent(new Event('input', { bubbles: true }));
  await fit().updateComplete;
  await fs().updateComplete;
}

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  await el.updateComplete; await fit().updateComplete; await fs().updateComplete;
  for (let i = 0; i < 5; i++) await flush();
  await fs().updateComplete;
}

const numberIn = (td: Element | null | undefined) => Number(td!.textContent!.replace(/,/g, ''));

describe('feedstock record fitted to a BMP curve', () => {
  it('fits the dog-faeces BMP and k_hyd to the example curve, shows record beside fitted values, and offers the file', async () => {
    await type(qf<HTMLTextAreaElement>('#bmp-csv'), EXAMPLE_BMP_CSV);
    const sel = qs<HTMLSelectElement>('#fsb-feedstock')!;
    expect(sel.value).toBe('dog-faeces');
    qs<HTMLButtonElement>('#run-feedstock')!.click();
    await until(() => research.tasks.feedstock?.status !== 'running');
    const t = research.tasks.feedstock!;
    expect(t.status, t.error).toBe('done');
    expect(sent.map((s) => s.op)).toContain('runFeedstockBmp');
    // The worker was asked with the curve in NL CH4/kg VS: NmL/g VS and NL/kg VS are the same number.
    expect(runner.feedstockFits).toBe(1);
    expect(runner.progress.length).toBeGreaterThan(0);
    const rows = [...fs().shadowRoot!.querySelectorAll('#fsb-table tbody tr')];
    expect(rows.map((r) => r.querySelector('td')!.textContent)).toEqual(['BMP', 'k_hyd']);
    const dog = FEEDSTOCKS.find((f) => f.id === 'dog-faeces')!;
    const cells = [...rows[0]!.querySelectorAll('td')];
    expect(numberIn(cells[1])).toBeCloseTo(dog.BMP.value, 0);
    const fitted = numberIn(cells[3]);
    // The example curve levels off at 258-259 NmL/g VS (B0 = 260): the fitted record must land near it, not at the record's value.
    expect(Math.abs(fitted - 260) / 260).toBeLessThan(0.08);
    expect(cells[4]!.textContent).toMatch(/to/);
    const result = t.result!;
    expect(result.parameters[0]!.value).toBeCloseTo(fitted, -1);
    // The download is the record update with the fitted values, sourced to this page rather than a CLI command.
    const json = JSON.parse(qs('#fsb-json')!.textContent!);
    expect(json.feedstocks[0].id).toBe('dog-faeces');
    expect(json.feedstocks[0].BMP.value).toBeCloseTo(result.parameters[0]!.value, 0);
    expect(json.feedstocks[0].BMP.evidence).toBe('measured');
    expect(json.feedstocks[0].BMP.source).not.toMatch(/--feedstock/);
    expect(qs('#fsb-download')).not.toBeNull();
    // The overlay: measured points against the simulated assay, in the assay's unit.
    const chart = qs<HTMLElement & { config: ChartConfiguration }>('adsim-chart#chart-feedstock-bmp')!;
    expect(chart).not.toBeNull();
    expect(chart.config.data.datasets[0]!.data.length).toBe(12);
    expect((chart.config.options as { scales: { y: { title: { text: string } } } }).scales.y.title.text).toBe('NL CH4/kg VS (dry, 0 C, 101.325 kPa)');
  }, 60_000);

  it('refuses a yield without a unit and a zero ratio, in page words, and sends nothing', async () => {
    await type(qf<HTMLTextAreaElement>('#bmp-csv'), 'time [d],B\n0,0\n5,100\n10,150\n');
    await type(qs<HTMLInputElement>('#fsb-isr'), '0');
    qs<HTMLButtonElement>('#run-feedstock')!.click();
    await fs().updateComplete;
    const csvErr = qs('#fsb-csv-e')!.textContent!;
    expect(csvErr).toMatch(/unit/);
    expect(csvErr).toMatch(/"B"/);
    expect(csvErr).not.toMatch(/--/);
    expect(qs('#fsb-isr-e')!.textContent).toMatch(/^Inoculum-to-substrate ratio: .*got 0/);
    expect(sent).toHaveLength(0);
  });

  it('cancels a fit in progress', async () => {
    el.remove();
    let release!: () => void;
    await mount(inProcessRunner(new Promise<void>((r) => { release = r; })));
    await type(qf<HTMLTextAreaElement>('#bmp-csv'), EXAMPLE_BMP_CSV);
    qs<HTMLButtonElement>('#run-feedstock')!.click();
    await fs().updateComplete;
    expect(research.isRunning('feedstock')).toBe(true);
    qs<HTMLButtonElement>('#run-feedstock-cancel')!.click();
    release();
    await until(() => research.tasks.feedstock?.status !== 'running');
    expect(research.tasks.feedstock?.status).toBe('cancelled');
    expect(qs('#fsb-table')).toBeNull();
    expect(qs('.task-status')!.textContent).toMatch(/Cancelled/);
  });
});

describe('worker API', () => {
  it('fitFeedstockBmp runs the record fit as one job, with progress as simulations of the budget', () => {
    const dog = FEEDSTOCKS.find((f) => f.id === 'dog-faeces')!;
    const t_d = [0, 2, 5, 10, 15, 20, 30], B = t_d.map((t) => 240 * (1 - Math.exp(-0.2 * t)));
    const seen: number[] = [];
    const out = api.fitFeedstockBmp(dog, t_d, B, { maxEvaluations: 200, fields: ['BMP'] }, (p) => { seen.push(p.fraction); });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.feedstock).toBe('dog-faeces');
    expect(out.value.parameters.map((p) => p.name)).toEqual(['BMP']);
    expect(out.value.parameters[0]!.value).toBeGreaterThan(200);
    expect(seen.at(-1)).toBe(1);
    const bad = api.fitFeedstockBmp(dog, [0, 1], [0, 0], {});
    expect(bad.ok).toBe(false);
  }, 60_000);
});

describe('calibration plots and messages', () => {
  it('draws residuals per measured series on its own axis, in the data\'s unit (Nm3/d)', async () => {
    await type(qf<HTMLTextAreaElement>('#fit-csv'), EXAMPLE_DIGESTER_CSV);
    await type(qf<HTMLInputElement>('#fit-max'), '12');
    qf<HTMLButtonElement>('#run-fit')!.click();
    await until(() => research.tasks.fit?.status !== 'running');
    expect(research.tasks.fit?.status, research.tasks.fit?.error).toBe('done');
    type C = HTMLElement & { config: ChartConfiguration };
    const charts = [...fit().shadowRoot!.querySelectorAll<C>('adsim-chart.residuals')];
    expect(charts.map((c) => c.id)).toEqual(['chart-residuals-0', 'chart-residuals-1']);
    const yTitle = (c: C) => (c.config.options as { scales: { y: { title: { text: string } } } }).scales.y.title.text;
    expect(yTitle(charts[0]!)).toBe('residual (Nm3/d, dry, 0 C, 101.325 kPa)');
    expect(yTitle(charts[1]!)).toBe('residual (-)');
    const spread = (c: C) => Math.max(...(c.config.data.datasets[0]!.data as { y: number }[]).map((p) => Math.abs(p.y)));
    // Methane residuals are tens of Nm3/d, pH residuals hundredths: each chart holds one scale only.
    expect(spread(charts[0]!)).toBeGreaterThan(1);
    expect(spread(charts[1]!)).toBeLessThan(0.1);
    const stats = [...fit().shadowRoot!.querySelectorAll('p.muted')].map((p) => p.textContent!).find((x) => /RMSE/.test(x))!;
    expect(stats).toMatch(/RMSE [\d.,]+ Nm3\/d/);
    const fitChart = fit().shadowRoot!.querySelector<C>('adsim-chart#chart-fit-0')!;
    expect(yTitle(fitChart)).toBe('Nm3/d, dry, 0 C, 101.325 kPa');
  }, 60_000);

  it('words errors with the field\'s label, never an internal id or a CLI flag', async () => {
    await type(qf<HTMLTextAreaElement>('#fit-csv'), 'time [d],flow [m3/d]\n1,7.1\n2,7\n');
    await type(qf<HTMLInputElement>('#fit-params'), '');
    qf<HTMLButtonElement>('#run-fit')!.click();
    await fit().updateComplete;
    const csvErr = qf('#fit-csv-e')!.textContent!;
    expect(csvErr).toMatch(/"flow"/);
    expect(csvErr).not.toMatch(/--map/);
    expect(csvErr).toMatch(/rename the column/);
    expect(qf('#fit-params-e')!.textContent).toMatch(/^Parameters to fit: expected at least one/);
    await type(qf<HTMLInputElement>('#fit-params'), 'k_dis');
    await type(qf<HTMLInputElement>('#fit-bounds'), 'k_dis=1:0.1');
    qf<HTMLButtonElement>('#run-fit')!.click();
    await fit().updateComplete;
    expect(qf('#fit-bounds-e')!.textContent).toMatch(/^Bounds: bounds inverted/);
    // In the sensitivity form: the label, not the id "trajectories"; the bound's row message without "high-k_dis".
    const rv = el.shadowRoot!;
    const tr = rv.querySelector<HTMLInputElement>('#r-trajectories')!;
    tr.value = 'x'; tr.dispatchEvent(new Event('input'));
    const hi = rv.querySelector<HTMLInputElement>('#high-k_dis')!;
    hi.value = '0.01'; hi.dispatchEvent(new Event('input'));
    await el.updateComplete;
    rv.querySelector<HTMLButtonElement>('#run-sensitivity')!.click();
    await el.updateComplete;
    expect(rv.querySelector('#r-trajectories-e')!.textContent).toMatch(/^Trajectories: expected/);
    expect(rv.querySelector('#err-k_dis')!.textContent).toMatch(/^bounds inverted/);
    expect(sent).toHaveLength(0);
  });
});
