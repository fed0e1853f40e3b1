// <research-view> and <research-fit> under happy-dom: input checks placed next to their control, nothing sent when
// input is bad, and results (ranked table, percentiles, fitted values) rendered from what the runner returned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../web/src/views/research-view.js';
import type { ResearchView } from '../web/src/views/research-view.js';
import type { ResearchFit } from '../web/src/views/research-fit.js';
import { ResearchStore, type ResearchActionDetail } from '../web/src/state/research-store.js';
import type { ResearchRunner } from '../web/src/state/research-runner.js';
import { projectionRanges } from '../src/analysis/projection-ranges.js';
import { projectScenario } from '../src/pipeline/project.js';
import { main } from '../src/cli/main.js';
import { ScenarioStore } from '../web/src/state/store.js';
import { bundled, fakeRunner, flush } from './web.fakes.js';
import type { Outputs } from '../src/analysis/evaluate.js';

/** A runner whose "model" is a known function of the inputs: q_ch4 rises with k_hyd_ch only, so it must rank first. */
function knownRunner(): ResearchRunner & { calls: number; fits: number } {
  const r = {
    calls: 0, fits: 0, concurrency: 2,
    async digesterOutputs(run: { parameters?: Record<string, number> }, series: boolean): Promise<Outputs> {
      r.calls++;
      const p = run.parameters ?? {};
      const k = p.k_hyd_ch ?? 10, d = p.k_dis ?? 0.5;
      const out: Outputs = { q_ch4_Nm3_d: 1000 + 50 * k + 0.01 * d, q_biogas_dry_Nm3_d: 1520 + 76 * k, ch4_fraction_dry: 0.63, q_gas_Nm3_d: 1600 + 80 * k, ch4_fraction: 0.6, pH: 7 + 0.001 * d, VFA_kgCOD_m3: 0.1, free_nh3_mgN_L: 20 + d, S_IN: 0.09 };
      if (series) { out.t_d = new Float64Array([0, 1, 2]); out['series.q_ch4_Nm3_d'] = new Float64Array([k, 2 * k, 3 * k]); }
      return out;
    },
    async scenarioOutputs(): Promise<Outputs> { r.calls++; return { electricity_net_kWh: 1 }; },
    async fitDigester() { r.fits++; throw new Error('not used'); },
    async fitBmp() { r.fits++; throw new Error('not used'); },
  };
  return r as unknown as ResearchRunner & { calls: number; fits: number };
}

let store: ScenarioStore;
let research: ResearchStore;
let runner: ReturnType<typeof knownRunner>;
let el: ResearchView;
let sent: ResearchActionDetail[];

beforeEach(async () => {
  localStorage.clear();
  store = new ScenarioStore({ storage: localStorage, runner: fakeRunner(), bundled, rerunDelay_ms: 10_000 });
  runner = knownRunner();
  research = new ResearchStore(runner);
  sent = [];
  el = document.createElement('research-view') as ResearchView;
  el.store = store;
  el.research = research;
  // As <adsim-app> does: intents up, applied to the research store.
  el.addEventListener('research-action', (e) => {
    const d = (e as CustomEvent<ResearchActionDetail>).detail;
    sent.push(d);
    void (research[d.op] as (...a: unknown[]) => unknown).apply(research, d.args as unknown[]);
  });
  document.body.append(el);
  await el.updateComplete;
});

afterEach(() => { el.remove(); });

const q = <T extends Element>(sel: string, root: ParentNode = el.shadowRoot!) => root.querySelector<T>(sel);
const fit = () => q<ResearchFit>('research-fit')!;
const qf = <T extends Element>(sel: string) => fit().shadowRoot!.querySelector<T>(sel);

async function type(input: HTMLInputElement | HTMLTextAreaElement | null, value: string, host: { updateComplete: Promise<unknown> } = el): Promise<void> {
  expect(input).not.toBeNull();
  input!.value = value;
  input!.dispatchEvent(new Event('input', { bubbles: true }));
  await host.updateComplete;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await flush();
  await el.updateComplete;
  await fit().updateComplete;
}

describe('research view: input checks', () => {
  it('labels every control', () => {
    const controls = [...el.shadowRoot!.querySelectorAll('input, select, textarea'), ...fit().shadowRoot!.querySelectorAll('input, select, textarea')];
    expect(controls.length).toBeGreaterThan(10);
    for (const c of controls) {
      const root = c.getRootNode() as ShadowRoot;
      const labelled = c.getAttribute('aria-label') || (c.id && root.querySelector(`label[for="${c.id}"]`)) || c.closest('label');
      expect(labelled, `control ${c.id || c.outerHTML.slice(0, 60)} has a label`).toBeTruthy();
    }
  });

  it('shows inverted bounds next to that input and sends nothing', async () => {
    await type(q<HTMLInputElement>('#high-k_dis'), '0.01');
    q<HTMLButtonElement>('#run-sensitivity')!.click();
    await el.updateComplete;
    expect(q('#err-k_dis')!.textContent).toMatch(/inverted.*k_dis.*0\.05.*0\.01/);
    expect(q('#err-k_hyd_ch')!.textContent!.trim()).toBe('');
    expect(q<HTMLInputElement>('#high-k_dis')!.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toHaveLength(0);
  });

  it('rejects a non-numeric bound and a bad trajectory count, each next to its field', async () => {
    await type(q<HTMLInputElement>('#low-k_hyd_ch'), 'fast');
    await type(q<HTMLInputElement>('#r-trajectories'), '1.5');
    q<HTMLButtonElement>('#run-sensitivity')!.click();
    await el.updateComplete;
    expect(q('#err-k_hyd_ch')!.textContent).toMatch(/"fast"/);
    expect(q('#r-trajectories-e')!.textContent).toMatch(/whole number/);
    expect(sent).toHaveLength(0);
  });

  it('asks for at least one input', async () => {
    for (const cb of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      if (cb.checked) { cb.checked = false; cb.dispatchEvent(new Event('change')); }
    }
    await el.updateComplete;
    q<HTMLButtonElement>('#run-uncertainty')!.click();
    await el.updateComplete;
    expect(q('#r-inputs-e')!.textContent).toMatch(/at least one input/);
    expect(sent).toHaveLength(0);
  });

  it('names the row and column of a bad CSV cell, an unknown parameter and inverted fit bounds', async () => {
    await type(qf<HTMLTextAreaElement>('#fit-csv'), 'time [d],pH\n1,7.1\n2,seven\n', fit());
    await type(qf<HTMLInputElement>('#fit-params'), 'k_dis, k_nonsense', fit());
    await type(qf<HTMLInputElement>('#fit-bounds'), 'k_dis=1:0.1', fit());
    qf<HTMLButtonElement>('#run-fit')!.click();
    await fit().updateComplete;
    expect(qf('#fit-csv-e')!.textContent).toMatch(/row 3.*column "pH".*"seven"/);
    expect(qf('#fit-params-e')!.textContent).toMatch(/k_nonsense/);
    // The bounds are checked against the parameters that did read; with a bad list they report against none.
    expect(qf('#fit-bounds-e')!.textContent!.length).toBeGreaterThan(0);
    await type(qf<HTMLInputElement>('#fit-params'), 'k_dis', fit());
    qf<HTMLButtonElement>('#run-fit')!.click();
    await fit().updateComplete;
    expect(qf('#fit-bounds-e')!.textContent).toMatch(/inverted.*k_dis/);
    expect(sent).toHaveLength(0);
    expect(runner.fits).toBe(0);
  });

  it('reports a BMP file without a yield column', async () => {
    await type(qf<HTMLTextAreaElement>('#bmp-csv'), 'time [d],pH\n0,7\n1,7.1\n', fit());
    qf<HTMLButtonElement>('#run-bmp')!.click();
    await fit().updateComplete;
    expect(qf('#bmp-csv-e')!.textContent).toMatch(/no yield column/);
    expect(sent).toHaveLength(0);
  });
});

describe('research view: results', () => {
  it('runs local sensitivity through the runner and ranks the dominant input first', async () => {
    const sel = q<HTMLSelectElement>('#r-method')!;
    sel.value = 'local';
    sel.dispatchEvent(new Event('change'));
    await el.updateComplete;
    q<HTMLButtonElement>('#run-sensitivity')!.click();
    await settle();
    expect(research.tasks.sensitivity?.status).toBe('done');
    // 1 nominal + 2 per input (4 inputs chosen by default).
    expect(runner.calls).toBe(1 + 2 * 4);
    const rows = [...el.shadowRoot!.querySelectorAll('#rank-table tbody tr')];
    expect(rows.length).toBe(4);
    expect(rows[0]!.textContent).toContain('k_hyd_ch');
    expect(q('adsim-chart#chart-tornado')).not.toBeNull();
  });

  it('runs Morris and renders mu* in rank order', async () => {
    await type(q<HTMLInputElement>('#r-trajectories'), '3');
    q<HTMLButtonElement>('#run-sensitivity')!.click();
    await settle();
    expect(runner.calls).toBe(3 * (4 + 1));
    const first = q('#rank-table tbody tr')!.textContent!;
    expect(first).toContain('k_hyd_ch');
  });

  it('renders Monte Carlo percentiles and a fan chart from the sampled series', async () => {
    await type(q<HTMLInputElement>('#r-samples'), '8');
    q<HTMLButtonElement>('#run-uncertainty')!.click();
    await settle();
    const r = research.tasks.uncertainty?.result;
    expect(r?.samples).toBe(8);
    expect(runner.calls).toBe(8);
    const row = [...el.shadowRoot!.querySelectorAll('#mc-table tbody tr')].find((tr) => tr.textContent!.includes('q_ch4_Nm3_d'))!;
    const cells = [...row.querySelectorAll('td')].slice(1).map((td) => Number(td.textContent!.replace(/,/g, '')));
    expect(cells[0]!).toBeLessThan(cells[2]!);
    expect(cells[1]!).toBeCloseTo(r!.scalars.q_ch4_Nm3_d!.p50, -1);
    expect(q('adsim-chart#chart-fan')).not.toBeNull();
    // 8 samples: the same caution as adsim uncertainty prints (fewer than 50).
    expect(q('#mc-caution')?.textContent).toBe(r!.caution);
    expect(r!.caution).toMatch(/^Caution: only 8 samples finished/);
  });

  it('cancels a run: the status says so and no result is shown', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const slow = { ...runner, digesterOutputs: async (...a: Parameters<ResearchRunner['digesterOutputs']>) => { await gate; return runner.digesterOutputs(...a); } };
    research = new ResearchStore(slow);
    el.research = research;
    el.remove(); document.body.append(el);
    await el.updateComplete;
    q<HTMLButtonElement>('#run-sensitivity')!.click();
    await el.updateComplete;
    expect(research.isRunning('sensitivity')).toBe(true);
    q<HTMLButtonElement>('#run-sensitivity-cancel')!.click();
    release();
    await settle();
    expect(research.tasks.sensitivity?.status).toBe('cancelled');
    expect(q('#rank-table')).toBeNull();
    expect(q('.task-status')!.textContent).toMatch(/Cancelled/);
  });
});

describe('projection ranges', () => {
  // Relative to the repository (vitest runs there; import.meta.url is not a file URL under happy-dom).
  const weeklyFile = 'scenarios/weekly-small-digester.json';

  it('the web store shows the same ranges as adsim project for the same scenario, seed and sample count', async () => {
    const fake = fakeRunner();
    const seen: unknown[] = [];
    const ranged = new ScenarioStore({
      storage: localStorage, bundled, rerunDelay_ms: 10_000, rangeSamples: 4,
      runner: { ...fake, projector: () => (j, y) => { seen.push(j); return projectScenario(j, y); } },
    });
    const s = ranged.scenarios.find((x) => x.origin === 'weekly-small-digester.json')!;
    ranged.project(s.id, 1);
    fake.jobs[0]!.resolve(projectScenario(s.json, 1));
    for (let i = 0; i < 600 && ranged.ranges[s.id]?.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 20));
    const web = ranged.ranges[s.id]!.result!;
    let out = '', err = '';
    const code = await main(['project', weeklyFile, '--years', '1', '--ranges', '4', '--seed', '1', '--workers', '1', '--json'], { out: (x) => { out += x; }, err: (x) => { err += x; }, cwd: process.cwd() });
    expect(err + out.slice(0, 300)).not.toMatch(/"ok":false|rror/);
    expect(code).toBe(0);
    const cli = JSON.parse(out).ranges;
    expect(web.samples).toBe(4);
    expect(web.seed).toBe(cli.seed);
    expect(web.years).toEqual(cli.years);
    expect(web.totals).toEqual(cli.totals);
    expect(web.covers).toBe(cli.covers);
    // Each sample went out as scenario JSON carrying its own dog-faeces values, one distinct BMP per sample.
    const bmps = seen.map((j) => (j as { feedstocks?: Record<string, { BMP?: number }> }).feedstocks?.['dog-faeces']?.BMP);
    expect(new Set(bmps).size).toBe(4);
    const el = web.years[0]!.electricity_net_kWh;
    expect(el.p10).toBeLessThan(el.p90);
  }, 60_000);

  it('stop when the signal is aborted, and repeat with the seed', async () => {
    const json = bundled['weekly-small-digester.json']!;
    const bmpOf = (j: unknown) => Number((j as { feedstocks: Record<string, { BMP: number }> }).feedstocks['dog-faeces'].BMP);
    const fakeProject = (j: unknown) => {
      const y = { year: 1, electricity_net_kWh: 200 * bmpOf(j) } as Record<string, number>;
      return { years: [y], totals: { electricity_net_kWh: y.electricity_net_kWh } } as unknown as ReturnType<typeof projectScenario>;
    };
    const a = await projectionRanges(json, 1, fakeProject, { samples: 16, seed: 3 });
    const b = await projectionRanges(json, 1, fakeProject, { samples: 16, seed: 3 });
    expect(b.years).toEqual(a.years);
    // The dog-faeces BMP range is 150-350 NL/kg VS: the electricity range must sit inside 200 x that.
    expect(a.years[0]!.electricity_net_kWh.p10).toBeGreaterThan(200 * 150);
    expect(a.years[0]!.electricity_net_kWh.p90).toBeLessThan(200 * 350);
    const ctl = new AbortController();
    let runs = 0;
    const stopping = (j: unknown) => { if (++runs === 3) ctl.abort(); return fakeProject(j); };
    await expect(projectionRanges(json, 1, stopping, { samples: 16, seed: 3, signal: ctl.signal })).rejects.toThrow(/cancelled after 3 of 16/);
  });
});
