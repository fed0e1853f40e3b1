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
