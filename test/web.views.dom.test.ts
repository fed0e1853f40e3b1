// Compare, projection and model views under happy-dom: chart contents, labels, units and input checks found in QA.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChartConfiguration } from 'chart.js';
import '../web/src/views/compare-view.js';
import type { CompareView } from '../web/src/views/compare-view.js';
import { readYears } from '../web/src/views/projection-view.js';
import { fieldLabel } from '../web/src/fields/fields.js';
import { CARBON_BARS, MONEY_BARS, plainLabel, unitFromKey } from '../web/src/fields/metrics.js';
import { toCsv } from '../web/src/io/download.js';
import { ScenarioStore } from '../web/src/state/store.js';
import { bundled, fakeResult, fakeRunner, flush } from './web.fakes.js';

let store: ScenarioStore;
let runner: ReturnType<typeof fakeRunner>;

beforeEach(() => {
  localStorage.clear();
  runner = fakeRunner();
  store = new ScenarioStore({ storage: localStorage, runner, bundled, rerunDelay_ms: 10_000 });
});

/** Runs the compared scenarios with fake results (K_I_nh3 and gas figures given per scenario) and mounts the view. */
async function compare(extra: Array<{ K_I_nh3?: number; plantTotal?: number }>): Promise<CompareView> {
  store.runComparison();
  store.compareIds.forEach((id, i) => {
    const job = runner.jobs[i]!;
    const r = fakeResult(job.json);
    const x = extra[i] ?? {};
    job.resolve({
      ...r,
      annual: { ...r.annual, methane_Nm3: 100, methane_plant_total_Nm3: x.plantTotal ?? 100, co2e_transport_t: 2, co2e_avoided_grid_t: 5, co2e_net_t: -3,
        collection_cost_gbp: 1000, electricity_revenue_gbp: 400, cost_net_gbp: 600 },
      daily: { ...r.daily, free_nh3_mgN_L: new Float64Array([10, 20, 30]), methane_Nm3: new Float64Array([1, 1, 2]) },
      run: { startup_d: 0, parameters: x.K_I_nh3 === undefined ? {} : { K_I_nh3: x.K_I_nh3 } },
    });
  });
  await flush();
  const el = document.createElement('compare-view') as CompareView;
  el.store = store;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const config = (el: CompareView, id: string) => (el.shadowRoot!.querySelector(`#${id}`) as unknown as { config: ChartConfiguration }).config;

describe('<compare-view> charts', () => {
  it('draws one K_I_nh3 line per distinct value, named after the scenarios that use it', async () => {
    const el = await compare([{}, { K_I_nh3: 0.011 }]);
    const labels = config(el, 'chart-nh3').data.datasets.map((d) => String(d.label));
    const ki = labels.filter((l) => l.startsWith('model K_I_nh3'));
    expect(ki).toHaveLength(2);
    const names = store.compareIds.map((id) => String(store.byId(id)!.json.name));
    expect(ki.find((l) => l.includes('= 25 mg'))).toContain(names[0]);
    expect(ki.find((l) => l.includes('= 154 mg'))).toContain(names[1]);
  });

  it('marks whole-plant gas and signs avoided and earned items below zero with plain labels', async () => {
    const el = await compare([{}, { plantTotal: 5000 }]);
    const gas = config(el, 'chart-gas').data.datasets.map((d) => String(d.label));
    expect(gas.filter((l) => l.includes('(whole plant)'))).toHaveLength(2);   // biogas and methane of the second scenario
    const carbon = config(el, 'chart-carbon');
    expect(carbon.data.labels).toContain('Grid electricity displaced');
    const grid = (carbon.data.labels as string[]).indexOf('Grid electricity displaced');
    expect(carbon.data.datasets[0]!.data[grid]).toBe(-5);
    const money = config(el, 'chart-money');
    expect(money.data.datasets[0]!.data[(money.data.labels as string[]).indexOf('Electricity sold')]).toBe(-400);
    expect(money.data.labels!.some((l) => /_|gbp/.test(String(l)))).toBe(false);
  });
});

describe('labels, units and checks', () => {
  it('bars that add up to the net figure do (emissions minus what is avoided)', () => {
    const a: Record<string, number> = { co2e_transport_t: 1, co2e_disposal_t: 2, co2e_methane_slip_t: 0.5, co2e_avoided_grid_t: 4, co2e_avoided_heat_t: 1 };
    const parts = CARBON_BARS.filter((b) => b.key !== 'co2e_net_t').reduce((s, b) => s + b.sign * (a[b.key] ?? 0), 0);
    expect(parts).toBe(1 + 2 + 0.5 - 4 - 1);
    expect(MONEY_BARS.find((b) => b.key === 'electricity_revenue_gbp')!.sign).toBe(-1);
  });

  it('reads compound units from figure names and writes plain labels', () => {
    expect(unitFromKey('OLR_kgVS_m3_d')).toBe('kg VS/m3/d');
    expect(unitFromKey('HRT_d')).toBe('d');
    expect(unitFromKey('heat_used_kWh')).toBe('kWh');
    expect(plainLabel('OLR_kgVS_m3_d')).toBe('Organic loading rate');
    expect(plainLabel('ch4_energy_kWh')).toBe('Energy in the methane');
    expect(plainLabel('ad_gate_fee_gbp')).toBe('AD gate fee paid');
  });

  it('writes CSV numbers without binary-fraction noise, to the digits asked', () => {
    expect(toCsv([[187.20000000000002, 1234567.891]])).toBe('187.2,1234567.891\r\n');
    expect(toCsv([[1234567.891]], 4)).toBe('1235000\r\n');
  });

  it('checks the projection years box', () => {
    expect(readYears('0').error).toMatch(/1 to 30/);
    expect(readYears('2.5').error).toBeDefined();
    expect(readYears('').error).toBeDefined();
    expect(readYears('31').error).toBeDefined();
    expect(readYears(' 7 ')).toEqual({ years: 7 });
  });

  it('names fields in words for the councillors', () => {
    expect(fieldLabel('areas[0].faeces_per_dog')).toBe('Faeces per dog (area 1)');
    expect(fieldLabel('gas_use.eta_el')).toBe('Electrical efficiency');
    expect(fieldLabel('something.else')).toBe('something.else');
  });
});
