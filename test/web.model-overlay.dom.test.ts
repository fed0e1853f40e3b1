// <model-view> after a parameter change and rerun: overlay charts of the run before and after, titled with the changed
// parameter and its values; the lowest-pH change in pH units, never a percentage.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../web/src/views/model-view.js';
import type { ModelView } from '../web/src/views/model-view.js';
import type { AdsimChart } from '../web/src/charts/chart.js';
import { ScenarioStore } from '../web/src/state/store.js';
import { changeText, changeTitle, changedParameters } from '../web/src/charts/before-after.js';
import { bundled, fakeRunner, flush } from './web.fakes.js';

/** A result whose methane and pH follow K_I_nh3, with 10 start-up days before the compared year. */
function result(KI: number, pHmin: number) {
  const n = 10 + 365;
  const t = Float64Array.from({ length: n }, (_, i) => i);
  return {
    name: 'x', annual: { methane_Nm3: 1e4 * KI * 1000, electricity_net_kWh: 5e4 }, years: [],
    daily: { t_d: t, methane_Nm3_d: t.map((i) => (i < 10 ? 0 : 30 + KI * 1000)), pH: t.map(() => pHmin + 0.1) },
    stability: { pH_min: pHmin, free_nh3_max_mgN_L: 40 }, warnings: [], assumptions: [],
    run: { days: n, startup_d: 10, model: 'adm1-bsm2', model_version: '1', solver_steps: 1, initial_state: '', parameters: { K_I_nh3: KI, k_dis: 0.5 } },
  };
}

let el: ModelView;
let store: ScenarioStore;
let runner: ReturnType<typeof fakeRunner>;

beforeEach(async () => {
  localStorage.clear();
  runner = fakeRunner();
  store = new ScenarioStore({ storage: localStorage, runner, bundled, rerunDelay_ms: 10_000 });
  store.select(store.scenarios.find((s) => s.origin === 'weekly-small-digester.json')!.id);
  el = document.createElement('model-view') as ModelView;
  el.store = store;
  document.body.append(el);
  await el.updateComplete;
});
afterEach(() => el.remove());

async function runWith(KI: number, pHmin: number): Promise<void> {
  const id = store.selectedId!;
  store.setField(id, 'digester.parameters.K_I_nh3', KI);
  store.run(id);
  runner.jobs.at(-1)!.resolve(result(KI, pHmin));
  for (let i = 0; i < 5; i++) await flush();
  el.rev++;
  await el.updateComplete;
}

describe('model view: before and after a change', () => {
  it('overlays methane and pH of both runs over the compared year, naming the parameter and its two values', async () => {
    await runWith(0.0018, 6.9);
    expect(el.shadowRoot!.querySelector('#overlay-change')).toBeNull();   // one run: nothing to compare yet
    await runWith(0.0036, 7.03);
    expect(el.shadowRoot!.querySelector('#overlay-change')!.textContent).toMatch(/K_I_nh3 0\.0018 kmol N\/m3 → 0\.0036 kmol N\/m3/);
    const chart = el.shadowRoot!.querySelector<AdsimChart>('adsim-chart#chart-overlay-methane')!;
    expect(chart.label).toMatch(/K_I_nh3/);
    const ds = chart.config!.data.datasets;
    expect(ds.map((d) => d.label)).toEqual(['before (K_I_nh3 = 0.0018 kmol N/m3)', 'after (K_I_nh3 = 0.0036 kmol N/m3)']);
    // The compared year only: 365 days after the 10 start-up days, the "after" line at 30 + 3.6.
    expect(ds[1]!.data).toHaveLength(365);
    expect((ds[1]!.data[0] as { y: number }).y).toBeCloseTo(33.6, 9);
    expect((ds[0]!.data[0] as { y: number }).y).toBeCloseTo(31.8, 9);
    expect(el.shadowRoot!.querySelector('adsim-chart#chart-overlay-ph')).not.toBeNull();
  });

  it('gives the lowest-pH change in pH units, not percent', async () => {
    await runWith(0.0018, 6.9);
    await runWith(0.0036, 7.03);
    const row = [...el.shadowRoot!.querySelectorAll('table.effects tbody tr')].find((tr) => /Lowest pH/.test(tr.textContent!))!;
    expect(row.textContent).toMatch(/\+0\.13 pH units/);
    expect(row.textContent).not.toMatch(/%/);
    const methane = [...el.shadowRoot!.querySelectorAll('table.effects tbody tr')].find((tr) => /Methane/.test(tr.textContent!))!;
    expect(methane.textContent).toMatch(/\+18,000 \(\+100 %\)/);
  });
});

describe('before-after helpers', () => {
  it('lists only the parameters that differ, with units', () => {
    const c = changedParameters(result(0.0018, 7) as never, { ...result(0.0036, 7), run: { ...result(0.0036, 7).run, parameters: { K_I_nh3: 0.0036, k_dis: 0.5, k_hyd_ch: 12 } } } as never);
    expect(c.map((x) => x.name)).toEqual(['K_I_nh3', 'k_hyd_ch']);
    expect(c[0]!.unit).toBe('kmol N/m3');
    // k_hyd_ch was not set before: the table default, said to be one.
    expect(c[1]).toMatchObject({ before: 10, after: 12, beforeDefault: true });
    expect(changeTitle([c[1]!])).toBe('k_hyd_ch 10 1/d (default) → 12 1/d');
  });
  it('words pH changes in pH units and others with a percentage', () => {
    expect(changeText(7.2, 7.15, 'pH')).toBe('−0.05 pH units');
    expect(changeText(7.2, 7.204, 'pH')).toBe('+0.004 pH units');
    expect(changeText(100, 150, 'Nm3/yr')).toBe('+50 (+50 %)');
    expect(changeText(5, 5, 'pH')).toBe('no change');
  });
});
