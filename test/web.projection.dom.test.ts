// <projection-view> under happy-dom: a projection in which a year fails shows the years that ran and each failed year
// with its reason (as `adsim project` does), no made-up economics; the years box shows the years of what is on the page.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SolverError } from '../src/solvers/types.js';

/** Projection years of the scenario (not of today's route) that fail to solve: a stand-in for a real solver failure. */
const FAIL = { years: new Set<number>() };
vi.mock('../src/pipeline/run.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../src/pipeline/run.js')>();
  return {
    ...m,
    runScenario: (s: { destination: string }, o?: { year?: number }) => {
      if (s.destination !== 'today' && FAIL.years.has(o?.year ?? 0)) throw new SolverError('step-underflow', 100, `step size too small at t = 100 d (year ${o?.year})`);
      return (m.runScenario as (s: unknown, o?: unknown) => unknown)(s, o);
    },
  };
});

const { projectYears } = await import('../src/worker/engine.js');
await import('../web/src/views/projection-view.js');
const { ScenarioStore } = await import('../web/src/state/store.js');
const { bundled, fakeRunner, flush } = await import('./web.fakes.js');
type View = HTMLElement & { store: unknown; rev: number; updateComplete: Promise<boolean> };

let store: InstanceType<typeof ScenarioStore>;
let runner: ReturnType<typeof fakeRunner>;
let id: string;
/** A three-year rollout of the weekly small digester, a second area joining in year 2 and a third in 3 (each year differs). */
let json: Record<string, unknown>;

beforeEach(() => {
  FAIL.years.clear();
  localStorage.clear();
  document.body.innerHTML = '';
  runner = fakeRunner();
  store = new ScenarioStore({ storage: localStorage, runner, bundled, rerunDelay_ms: 10_000 });
  const s = store.scenarios.find((x) => x.origin === 'weekly-small-digester.json')!;
  id = s.id;
  const areas = s.json.areas as Array<Record<string, unknown>>;
  json = { ...s.json, areas: [...areas, { ...areas[0], name: 'Second area', joins_year: 2 }, { ...areas[0], name: 'Third area', joins_year: 3 }], rollout: { years: 3, bins_growth: '0 %/yr' } };
  store.select(id);
});

async function mount(): Promise<View> {
  const el = document.createElement('projection-view') as View;
  el.store = store;
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const text = (el: View, sel: string) => (el.shadowRoot!.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('a projection with a failed year', () => {
  it('the worker returns the years that ran and the failed year, as adsim project --json does', () => {
    FAIL.years.add(2);
    const r = projectYears(json, 3) as { ok?: boolean; partial?: boolean; years: Array<{ year: number }>; failed_years: Array<{ year: number; reason: string }>; totals_years: number[]; economics?: unknown };
    expect(r.ok).toBe(false);
    expect(r.partial).toBe(true);
    expect(r.years.map((y) => y.year)).toEqual([1, 3]);
    expect(r.totals_years).toEqual([1, 3]);
    expect(r.failed_years).toEqual([expect.objectContaining({ year: 2, reason: expect.stringMatching(/solver failed: step size too small at t = 100 d \(year 2\)/) })]);
    expect(r.economics).toBeUndefined();
    FAIL.years.clear();
    expect((projectYears(json, 3) as { partial?: boolean }).partial).toBeUndefined();
    for (const y of [1, 2, 3]) FAIL.years.add(y);
    expect(() => projectYears(json, 3)).toThrow(/3 of 3 projection years failed/);
  });

  it('shows the years that ran, marks the failed year with its reason, and no NPV, payback, verdict or ranges', async () => {
    FAIL.years.add(2);
    const partial = projectYears(json, 3);
    store.project(id, 3);
    runner.jobs.find((j) => j.kind === 'project')!.resolve(partial);
    await flush();
    expect(store.projections[id]!.status).toBe('done');
    expect(store.ranges[id]).toBeUndefined();   // a sample projects every year: no ranges from a plan with a failed year
    const el = await mount();
    const failed = text(el, '#failed-years');
    expect(failed).toMatch(/1 of 3 projection years could not be simulated/);
    expect(failed).toMatch(/Year 2 \(2 areas, [\d,]+ bins\): solver failed: step size too small/);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim()).join(' | '));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^1 \| 1,000 \| /);
    expect(rows[1]).toMatch(/^2 \| 2,000 \| Failed: solver failed: step size too small at t = 100 d \(year 2\)$/);
    expect(rows[2]).toMatch(/^3 \| 3,000 \| /);
    expect(el.shadowRoot!.querySelector('#economics-cards')).toBeNull();
    expect(text(el, '#no-economics')).toMatch(/No whole-life economics/);
    expect(text(el, '#proj-verdict')).toMatch(/In the 2 years that ran \(years 1 and 3\).*no whole-life verdict/);
    expect(text(el, '#proj-totals')).toMatch(/^Over the 2 years that ran \(1 and 3; not year 2\)/);
    expect(text(el, '.lede')).toMatch(/^In year 3/);
    expect(el.shadowRoot!.textContent).not.toMatch(/The projection failed/);
  });
});

describe('the years box', () => {
  it('shows the years of the projection on the page after a re-render, and what was typed until Project', async () => {
    store.project(id, 1);
    runner.jobs.find((j) => j.kind === 'project')!.resolve(projectYears(json, 1));
    await flush();
    // A 30-year projection on the page (as after printing one): a new element (a re-render, a tab switch) shows 30.
    store.projections[id] = { ...store.projections[id]!, years: 30 };
    let el = await mount();
    const box = () => el.shadowRoot!.querySelector('#proj-years') as HTMLInputElement;
    expect(box().value).toBe('30');
    box().value = '12';
    box().dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.rev++;
    await el.updateComplete;
    expect(box().value).toBe('12');
    el.remove();
    el = await mount();
    expect(box().value).toBe('30');
    // A scenario not projected yet: its rollout's years.
    const other = store.scenarios.find((x) => x.id !== id)!;
    store.select(other.id);
    el.rev++;
    await el.updateComplete;
    const r = (other.json.rollout as { years?: number } | undefined)?.years;
    expect(box().value).toBe(String(r ?? 5));
  });
});

describe('the likely ranges as adsim project words them', () => {
  it('shows the few-samples caution and says when the NPV from the defaults lies below its likely range', async () => {
    const full = projectYears(json, 3) as { economics?: { npv_gbp: number } };
    store.project(id, 3);
    runner.jobs.find((j) => j.kind === 'project')!.resolve(full);
    await flush();
    const npv = full.economics!.npv_gbp;
    const f = (c: number) => ({ p10: c, p50: c, p90: c });
    const year = { dog_waste_collected_t: f(1), methane_Nm3: f(1), electricity_net_kWh: f(1), homes_equivalent: f(1), co2e_net_t: f(1), cost_net_gbp: f(1), saving_vs_today_gbp: f(1), co2e_saving_vs_today_t: f(1) };
    const result = {
      samples: 5, ok: 5, seed: 1, covers: 'c', feedstockInputs: 1, defaultInputs: 1, failures: [], failedSamples: [], reliable: true,
      caution: 'Caution: only 5 samples finished, fewer than the 50 that put at least 5 samples beyond each of P10 and P90: the ranges are a rough guide only; use at least 50 samples.',
      inputs: [{ name: 'areas[0].fill_per_bin', dist: { kind: 'triangular', low: 1, mode: 2.5, high: 14 }, unit: 'kg/bin/week' }],
      years: [1, 2, 3].map((y) => ({ year: y, ...year })), totals: { ...year, homes_equivalent_mean: f(1) },
      economics: { npv_gbp: { p10: npv + 1e5, p50: npv + 2e5, p90: npv + 3e5 }, npv_with_carbon_gbp: f(0), cost_per_t_diverted_gbp: f(0), payback_yr: { p10: null, p50: null, p90: null } },
    };
    (store.ranges as Record<string, unknown>)[id] = { status: 'done', done: 5, total: 5, result, input: JSON.stringify(json), years: 3 };
    const el = await mount();
    expect(text(el, '#ranges-caution')).toBe(result.caution);
    expect(text(el, '#npv-central-note')).toMatch(/^The NPV from the default inputs lies below the likely range .*e\.g\. areas\[0\]\.fill_per_bin: triangular\(1, 2\.5, 14\)/);
  });
});
