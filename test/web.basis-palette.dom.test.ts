// Gas basis on every gas label, chart PNG captions, and charts past eight series (distinct styles, a series picker).
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChartConfiguration } from 'chart.js';
import '../web/src/views/compare-view.js';
import { wrapWords, type CompareView } from '../web/src/views/compare-view.js';
import { FRACTION_BASIS, NORMAL_BASIS, gasBasis, unitWithBasis } from '../web/src/fields/basis.js';
import { captionLines, wrapText } from '../web/src/charts/caption.js';
import { barStyle, pairedLine } from '../web/src/charts/palette.js';
import { metricDef, metricsFor, unitText } from '../web/src/fields/metrics.js';
import { annualCsv, dailyCsv } from '../web/src/io/scenario-csv.js';
import { outputUnit } from '../web/src/state/research-inputs.js';
import { GAS_BASIS_NOTE } from '../web/src/io/research-files.js';
import { parseCsv } from '../src/export/csv.js';
import { plainWarning } from '../web/src/fields/warnings.js';
import { ScenarioStore } from '../web/src/state/store.js';
import { bundled, fakeResult, fakeRunner, flush } from './web.fakes.js';

describe('gas basis', () => {
  it('names the basis of normal volumes and of methane fractions, wet where the figure is wet', () => {
    expect(NORMAL_BASIS).toBe('dry, 0 C, 101.325 kPa');
    expect(gasBasis('biogas_Nm3')).toBe(NORMAL_BASIS);
    expect(gasBasis('q_ch4_Nm3_d')).toBe(NORMAL_BASIS);
    expect(gasBasis('NL CH4/kg VS')).toBe(NORMAL_BASIS);
    expect(gasBasis('biogas_wet_Nm3')).toMatch(/^wet/);
    expect(gasBasis('ch4_fraction_dry')).toBe(FRACTION_BASIS);
    expect(gasBasis('ch4_fraction')).toMatch(/^wet/);
    expect(gasBasis('electricity_net_kWh')).toBe('');
    expect(unitWithBasis('Nm3/d')).toBe('Nm3/d, dry, 0 C, 101.325 kPa');
  });

  it('every annual gas figure says its basis in the table and the annual CSV; other figures carry none', () => {
    const keys = ['biogas_Nm3', 'biogas_dry_Nm3', 'biogas_wet_Nm3', 'methane_Nm3', 'methane_plant_total_Nm3', 'electricity_net_kWh', 'some_new_Nm3'];
    const defs = metricsFor([Object.fromEntries(keys.map((k) => [k, 1]))]);
    for (const m of defs) {
      if (/Nm3/.test(m.key)) expect(unitText(m), m.key).toMatch(/, (dry|wet \(with water vapour\)), 0 C, 101\.325 kPa$/);
      else expect(m.basis, m.key).toBeUndefined();
    }
    const rows = parseCsv(annualCsv([{ name: 'A', result: { annual: { biogas_Nm3: 10, methane_Nm3: 6, electricity_net_kWh: 3 } } as never }]));
    const unit = (k: string) => rows.find((r) => r[2] === k)![1];
    expect(unit('biogas_Nm3')).toBe('Nm3/yr, dry, 0 C, 101.325 kPa');
    expect(unit('electricity_net_kWh')).toBe('kWh/yr');
  });

  it('every daily CSV column of gas says its basis, the fractions dry or wet', () => {
    const s = (v: number) => new Float64Array([v, v]);
    const daily = { t_d: s(0), biogas_Nm3: s(1), biogas_dry_Nm3: s(1), methane_Nm3: s(1), ch4_fraction: s(0.6), ch4_fraction_dry: s(0.62), other_Nm3: s(2) };
    const head = parseCsv(dailyCsv({ name: 'A', result: { daily, run: { startup_d: 0 } } as never }))[0]!;
    for (const h of head.filter((x) => /Nm3|other_Nm3/.test(x))) expect(h).toContain(NORMAL_BASIS);
    expect(head.find((h) => /dry\), CH4\/\(CH4\+CO2\)/.test(h))).toBeDefined();
    expect(head.find((h) => /fraction of biogas \(wet/.test(h))).toBeDefined();
  });

  it('research outputs and files say the basis of their gas figures', () => {
    expect(outputUnit({ kind: 'digester-run' }, 'q_ch4_Nm3_d')).toBe('Nm3/d, dry, 0 C, 101.325 kPa');
    expect(outputUnit({ kind: 'digester-run' }, 'ch4_fraction_dry')).toBe('mol/mol, dry');
    expect(outputUnit({ kind: 'scenario' }, 'biogas_Nm3')).toBe(unitText(metricDef('biogas_Nm3')));
    expect(outputUnit({ kind: 'digester-run' }, 'pH')).toBe('pH');
    expect(GAS_BASIS_NOTE).toContain(NORMAL_BASIS);
  });
});

describe('chart PNG caption', () => {
  it('holds units with basis, every scenario, the program and the date', () => {
    const lines = captionLines({ title: 'Daily gas', unit: 'Nm3/d', basis: NORMAL_BASIS, scenarios: ['Weekly', 'Today'], date: new Date('2026-12-01T12:00:00Z') });
    expect(lines[0]).toBe('Units: Nm3/d (dry, 0 C, 101.325 kPa)');
    expect(lines[1]).toBe('Scenarios: Weekly; Today');
    expect(lines[2]).toMatch(/^adsim \d+\.\d+\.\d+, model \S+ \S+, exported 2026-12-01\. Simulated estimates/);
    expect(captionLines({ title: 't', scenarios: ['One'] })).toHaveLength(2);
  });

  it('wraps long lines at word breaks within the width', () => {
    const w = (s: string) => s.length;   // one unit per character
    const out = wrapText('Scenarios: alpha beta gamma delta', 12, w);
    expect(out).toEqual(['Scenarios:', 'alpha beta', 'gamma delta']);
    expect(out.every((l) => l.length <= 12)).toBe(true);
  });
});

describe('warnings', () => {
  it('name no internal documents', () => {
    const w = plainWarning('dog faeces: ESTIMATE: BMP (250 NL CH4/kg VS, range 150-350) and kinetics are derived values (method in docs/feedstocks.md, "how"; sources in docs/sources.md), not measurements; see docs/model.md');
    expect(w).not.toMatch(/docs\/|\.md/);
    expect(w).toContain('BMP (250 NL CH4/kg VS, range 150-350)');
    expect(w).toContain('derived values, not measurements; see the adsim documentation');
  });
});

describe('bar chart categories', () => {
  it('wrap onto lines of whole words instead of rotating off the edge', () => {
    expect(wrapWords('Electricity generated', 11)).toEqual(['Electricity', 'generated']);
    expect(wrapWords('Heat used on site', 11)).toEqual(['Heat used', 'on site']);
    expect(wrapWords('Net', 11)).toEqual(['Net']);
  });
});

describe('charts past eight series', () => {
  it('no two of the first 48 bar series share colour and hatch; 16 scenarios x 2 gases share no line style', () => {
    const bars = new Set(Array.from({ length: 48 }, (_, i) => JSON.stringify(barStyle(i))));
    expect(bars.size).toBe(48);
    const lines = new Set(Array.from({ length: 16 }, (_, i) => [0, 1].map((q) => JSON.stringify(pairedLine(i, q as 0 | 1)))).flat());
    expect(lines.size).toBe(32);
    // Scenarios 9-16 differ from 1-8 by more than hue: a different dash.
    expect(pairedLine(8, 0).dash).not.toEqual(pairedLine(0, 0).dash);
  });

  let store: ScenarioStore;
  let runner: ReturnType<typeof fakeRunner>;
  beforeEach(() => {
    localStorage.clear();
    runner = fakeRunner();
    store = new ScenarioStore({ storage: localStorage, runner, bundled, rerunDelay_ms: 10_000 });
  });

  it('a comparison of ten scenarios draws every scenario with its own style and a series picker that hides and shows all', async () => {
    while (store.scenarios.length < 10) store.addBundled('weekly-small-digester.json');
    for (const s of store.scenarios) store.toggleCompare(s.id, true);
    store.runComparison();
    runner.jobs.forEach((job) => {
      const r = fakeResult(job.json);
      job.resolve({ ...r, annual: { ...r.annual, electricity_gross_kWh: 100, methane_Nm3: 5, biogas_Nm3: 9 }, daily: { ...r.daily, methane_Nm3: new Float64Array([1, 1, 2]) } });
    });
    await flush();
    const el = document.createElement('compare-view') as CompareView;
    el.store = store;
    document.body.append(el);
    await el.updateComplete;
    const chart = (id: string) => el.shadowRoot!.querySelector(`#${id}`) as unknown as HTMLElement & { config: ChartConfiguration; scenarios: string[]; basis: string; updateComplete: Promise<unknown> };
    const gas = chart('chart-gas');
    const styles = gas.config.data.datasets.map((d) => JSON.stringify([(d as { borderColor: string }).borderColor, (d as { borderDash: number[] }).borderDash]));
    expect(styles).toHaveLength(20);
    expect(new Set(styles).size).toBe(20);
    expect(gas.basis).toBe(NORMAL_BASIS);
    expect(gas.scenarios).toHaveLength(10);
    const energy = chart('chart-energy');
    const fills = energy.config.data.datasets.map((d) => JSON.stringify([(d as { backgroundColor: string }).backgroundColor, (d as unknown as { hatch: string }).hatch]));
    expect(new Set(fills).size).toBe(10);
    // happy-dom has no canvas drawing, so the legend is built from the config; the picker appears past eight series.
    await gas.updateComplete;
    const root = gas.shadowRoot!;
    const items = root.querySelectorAll('ul.legend button');
    expect(items).toHaveLength(20);
    expect(root.querySelector('.hide-all')).not.toBeNull();
    const table = el.shadowRoot!.querySelector('tr[data-key=biogas_Nm3] th')!.textContent!;
    expect(table).toContain(NORMAL_BASIS);
  });
});
