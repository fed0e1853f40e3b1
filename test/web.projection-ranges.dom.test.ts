// <projection-view> under happy-dom: the totals over the whole projection carry their likely ranges once the ranges are
// worked out (as adsim project prints "Likely range over N years ... money saved £a to £b"), in the view and its print.
import { describe, expect, it } from 'vitest';
import '../web/src/views/projection-view.js';
import { projectScenario } from '../src/pipeline/project.js';
import { ScenarioStore } from '../web/src/state/store.js';
import { fmt, pounds } from '../web/src/fields/metrics.js';
import { bundled, fakeRunner, flush } from './web.fakes.js';

type View = HTMLElement & { store: unknown; updateComplete: Promise<boolean> };
const text = (el: View, sel: string) => (el.shadowRoot!.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('projection totals with ranges', () => {
  it('shows the likely ranges of the totals when the ranges are done, and none before', async () => {
    localStorage.clear();
    const fake = fakeRunner();
    const store = new ScenarioStore({ storage: localStorage, bundled, rerunDelay_ms: 10_000, rangeSamples: 4, runner: { ...fake, projector: () => (j, y) => projectScenario(j, y) } });
    const s = store.scenarios.find((x) => x.origin === 'weekly-small-digester.json')!;
    store.select(s.id);
    store.project(s.id, 2);
    fake.jobs.find((j) => j.kind === 'project')!.resolve(projectScenario(s.json, 2));
    await flush();
    const el = document.createElement('projection-view') as View;
    el.store = store;
    document.body.append(el);
    await el.updateComplete;
    expect(text(el, '#proj-totals')).toMatch(/^Over all 2 years: /);
    if (store.ranges[s.id]?.status !== 'done') expect(el.shadowRoot!.querySelector('#proj-totals-range')).toBeNull();
    for (let i = 0; i < 600 && store.ranges[s.id]?.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(store.ranges[s.id]!.status).toBe('done');
    (el as unknown as { requestUpdate: () => void }).requestUpdate();
    await el.updateComplete;
    const t = (store.ranges[s.id] as { result: { totals: Record<string, { p10: number; p90: number }> } }).result.totals;
    const money = t.saving_vs_today_gbp!;
    expect(money.p10).toBeLessThan(money.p90);
    const line = text(el, '#proj-totals-range');
    expect(line).toMatch(/^Likely range over all 2 years \(10th to 90th percentile\): /);
    expect(line).toContain(`${fmt(t.electricity_net_kWh!.p10 / 1000)} to ${fmt(t.electricity_net_kWh!.p90 / 1000)} MWh of electricity`);
    expect(line).toContain(`carbon saved ${fmt(t.co2e_saving_vs_today_t!.p10)} to ${fmt(t.co2e_saving_vs_today_t!.p90)} t CO2e`);
    expect(line).toContain(`money saved ${pounds(money.p10)} to ${pounds(money.p90)}`);
    expect(line).toMatch(/homes powered, average over the years, \d+ to \d+/);
    // It prints: not inside anything hidden on paper.
    expect(el.shadowRoot!.querySelector('#proj-totals-range')!.closest('.no-print')).toBeNull();
  }, 120_000);
});
