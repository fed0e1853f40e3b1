// The web app's reading of results for people: ready questions, the guided path, verdicts, health, warnings, labels.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/parse.js';
import { QUESTIONS, checkAnswers, guidedScenarios, questionScenario } from '../web/src/state/questions.js';
import { healthOf, tonnageWarning, verdictOf } from '../web/src/state/verdict.js';
import { plainWarning, warningItems } from '../web/src/fields/warnings.js';
import { fmt, fmtKind, fmtRow, fmtSigned, kindOf, metricDef, metricsFor, pounds } from '../web/src/fields/metrics.js';
import { ScenarioStore } from '../web/src/state/store.js';
import { fakeRunner } from './web.fakes.js';

const bundled = Object.fromEntries(readdirSync('scenarios').filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')) as Record<string, unknown>])
  .filter(([, j]) => String((j as Record<string, unknown>).schema ?? '').startsWith('adsim-scenario/')));

const memory = (): Storage => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => { m.set(k, v); }, removeItem: (k) => { m.delete(k); }, clear: () => m.clear(), key: () => null, get length() { return m.size; } } as Storage;
};

describe('ready questions', () => {
  it('each names bundled scenarios that parse, the first a route without a digester', () => {
    expect(QUESTIONS).toHaveLength(3);
    for (const q of QUESTIONS) {
      const list = q.files.map((f) => questionScenario(bundled, f));
      expect(list.every(Boolean)).toBe(true);
      for (const j of list) expect(() => parseScenario(j)).not.toThrow();
      expect(list[0]!.destination).toBe('today');
    }
  });

  it('the region question is compared with the region today, same areas', () => {
    const q = QUESTIONS.find((x) => x.id === 'region')!;
    const [today, plan] = q.files.map((f) => questionScenario(bundled, f)!);
    expect(today.areas).toEqual(plan.areas);
    expect(today.digester).toBeUndefined();
  });

  it('opening a question twice reuses its scenarios and runs every one', () => {
    const runner = fakeRunner();
    const st = new ScenarioStore({ storage: memory(), runner, bundled });
    st.openQuestion('small-digester');
    const n = st.scenarios.length;
    expect(st.view).toBe('compare');
    expect(st.compareIds).toHaveLength(3);
    expect(st.byId(st.baselineId!)!.json.destination).toBe('today');
    expect(runner.jobs.filter((j) => j.kind === 'run')).toHaveLength(3);
    st.openQuestion('small-digester');
    expect(st.scenarios.length).toBe(n);
  });
});

describe('guided path', () => {
  const answers = { name: 'Testshire', bins: 400, frequency: 'fortnightly' as const, tonnage_t_yr: 52, today: 'landfill' as const, to: 'small-digester' as const };

  it('builds a valid baseline and plan with the council\'s bins, frequency and tonnage', () => {
    const { today, plan } = guidedScenarios(answers, bundled, 52);
    const p = parseScenario(plan), t = parseScenario(today);
    expect(p.areas[0]!.bins).toBe(400);
    expect(plan.collection).toMatchObject({ frequency: 'fortnightly' });
    // 52 t/yr over 400 bins emptied 26 times a year: 5 kg per emptying.
    expect((plan.areas as Array<Record<string, unknown>>)[0]!.fill_per_bin).toBe('5 kg');
    expect(t.destination).toBe('today');
    expect(plan.today).toMatchObject({ route: 'landfill' });
    // Sized with the waste: 52 t/yr is a tenth of the bundled design's 520 t/yr, so 15 m3.
    expect((plan.digester as Record<string, unknown>).V_liq).toBe('15 m3');
  });

  it('says which answer is wrong, in words', () => {
    const bad = checkAnswers({ name: ' ', bins: 2.5, tonnage_t_yr: -3 });
    expect(bad.map((b) => b.field)).toEqual(['name', 'bins', 'tonnage_t_yr']);
    expect(bad[1]!.message).toMatch(/whole number.*2\.5/);
    expect(checkAnswers(answers)).toEqual([]);
  });

  it('the store adds both, compares them and runs them', () => {
    const runner = fakeRunner();
    const st = new ScenarioStore({ storage: memory(), runner, bundled });
    const id = st.addGuided(answers, 52);
    expect(st.compareIds).toEqual([st.baselineId, id]);
    expect(st.view).toBe('compare');
    expect(runner.jobs.filter((j) => j.kind === 'run').map((j) => j.json.name)).toEqual(['Testshire: today (landfill)', 'Testshire: a small digester of our own']);
  });
});

describe('verdicts, health and tonnage', () => {
  const base = { destination: 'today', annual: { cost_net_gbp: 255000, co2e_net_t: 4.24, dog_waste_collected_t: 520 } };
  const plan = { destination: 'digester', annual: { cost_net_gbp: 198000, co2e_net_t: 0.41, dog_waste_collected_t: 520, digester_cost_gbp: 0 } };

  it('uses the engine\'s verdict when there is one', () => {
    expect(verdictOf({ ...plan, verdict: 'Over 20 years this costs £1.1 M more.' }, base, false)).toBe('Over 20 years this costs £1.1 M more.');
  });

  it('otherwise states the first-year difference and that building is not costed', () => {
    const v = verdictOf(plan, base, false)!;
    expect(v).toMatch(/saves £57,000 a year/);
    expect(v).toMatch(/saves 3.83 t CO2e a year/);
    expect(v).toMatch(/not costed/);
    expect(verdictOf(base, base, true)).toMatch(/baseline/);
  });

  it('reads health from the engine\'s status, else from the days with warnings', () => {
    expect(healthOf({ ...plan, health: { status: 'at risk', reason: 'free ammonia', first_change_day: 40 } })).toEqual({ status: 'at risk', reason: 'free ammonia', day: 40 });
    expect(healthOf({ ...plan, stability: { days_with_warning: 0 } })!.status).toBe('stable');
    expect(healthOf({ ...plan, stability: { days_with_warning: 30, days_inhibited: 30 } })).toMatchObject({ status: 'at risk', reason: 'methanogens inhibited on 30 days' });
    expect(healthOf({ ...plan, stability: { days_with_warning: 9, days_low_pH: 9, days_high_VFA: 9 } })!.status).toBe('failing');
    expect(healthOf(base)).toBeUndefined();
  });

  it('warns when compared scenarios collect different tonnages', () => {
    expect(tonnageWarning([{ name: 'a', result: base }, { name: 'b', result: plan }])).toBeUndefined();
    expect(tonnageWarning([{ name: 'a', result: base }, { name: 'Region', result: { ...plan, annual: { ...plan.annual, dog_waste_collected_t: 3130 } } }])).toMatch(/Region: 3,130 t\/yr/);
  });
});

describe('plain warnings and figures', () => {
  it('names fields in words', () => {
    expect(plainWarning('areas[0].fill_per_bin: ESTIMATE: 10 kg')).toBe('“Fill per bin (area 1)”: Estimate: 10 kg');
    expect(plainWarning('digester.T is low')).toBe('“Temperature” is low');
    const items = warningItems([{ name: 'A', warnings: ['x', 'y'] }, { name: 'B', warnings: ['x'] }]);
    expect(items).toEqual([{ text: 'X', scenarios: ['A', 'B'] }, { text: 'Y', scenarios: ['A'] }]);
  });

  it('gives every figure a unit per year and a direction that is good for the council', () => {
    expect(metricDef('co2e_avoided_grid_t')).toMatchObject({ unit: 't CO2e/yr', better: 'higher' });
    expect(metricDef('parasitic_kWh')).toMatchObject({ unit: 'kWh/yr', better: 'neutral' });
    expect(metricDef('reject_t').better).toBe('neutral');
    expect(metricDef('heat_demand_kWh').better).toBe('neutral');
    expect(metricDef('cost_net_gbp')).toMatchObject({ unit: '£/yr', better: 'lower' });
    expect(metricDef('HRT_d').digesterOnly).toBe(true);
    expect(metricDef('new_thing_gbp')).toMatchObject({ unit: '£/yr' });
    const labels = metricsFor([{ co2e_disposal_t: 1, disposal_cost_gbp: 1, ch4_energy_kWh: 1, co_substrates_t: 1 }]).map((m) => m.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.some((l) => /Ch4|Co substrates|^Disposal$/.test(l))).toBe(false);
  });

  it('answers a percentage in percent', () => {
    const json = { ...bundled['weekly-small-digester.json'], areas: [{ name: 'A', bins: 10, binning_rate: '150 %' }] };
    expect(() => parseScenario(json)).toThrow(/at most 100 %/);
  });

  it('writes one minus sign and rounds a row alike', () => {
    expect(fmt(-1.19)).toBe('\u22121.19');
    expect(fmtSigned(-3.83)).toBe('\u22123.83');
    const f = fmtRow([4.24, 0.414, -0.005, -1.19]);
    expect([4.24, 0.414, -0.005, -1.19].map(f)).toEqual(['4.24', '0.41', '\u22120.01', '\u22121.19']);
    expect(fmtRow([4.24, -0.001])(-0.001)).toBe('0.00');
  });

  it('rounds a row of large figures alike too, not one cell to 3 significant figures and the next to 2 decimals', () => {
    const decimals = (t: string) => (t.split('.')[1] ?? '').length;
    const f = fmtRow([12_345, 456.7, 3.456]);
    expect([12_345, 456.7, 3.456].map(f)).toEqual(['12,300', '500', '0']);
    const g = fmtRow([130.2, 0.4]);
    expect(new Set([130.2, 0.4].map(g).map(decimals)).size).toBe(1);
    for (const row of [[5.47, 0.756], [214_000, 63_200, -150_800], [0.0123, 0.5], [99.96, 1.5]]) {
      expect(new Set(row.map(fmtRow(row)).map(decimals)).size).toBe(1);
    }
  });

  it('rounds each kind of figure one way: money in whole pounds, prices in pence, homes whole', () => {
    expect(kindOf('£/yr')).toBe('money');
    expect(kindOf('£')).toBe('money');
    expect(kindOf('£/t')).toBe('price');
    expect(kindOf('GBP/kWh')).toBe('price');
    expect(kindOf('homes')).toBe('whole');
    expect(kindOf('t CO2e/yr')).toBe('quantity');
    expect(pounds(38.46)).toBe('£38');
    expect(pounds(38.46, 'price')).toBe('£38.46');
    expect(pounds(0.366, 'price')).toBe('£0.37');
    expect(pounds(154, 'price')).toBe('£154');
    expect(pounds(-63_249)).toBe('\u2212£63,200');
    expect(pounds(-0.2)).toBe('£0');
    expect(fmtKind(5.47, 'whole')).toBe('5');
    expect(fmtKind(12_345, 'whole')).toBe('12,300');
    // A money row never shows pence, whatever its size; a price row always two decimals under £100.
    expect([45.3, 4.5].map(fmtRow([45.3, 4.5], 'money'))).toEqual(['45', '5']);
    expect([38.5, 4].map(fmtRow([38.5, 4], 'price'))).toEqual(['38.50', '4.00']);
    expect([5.47, 4.2].map(fmtRow([5.47, 4.2], 'whole'))).toEqual(['5', '4']);
    // A card's figure reads as the table's beside it: 0.990 in both, not 0.99 on the card and 0.990 in the table.
    expect(fmt(0.99)).toBe(fmtRow([0.99])(0.99));
    expect(fmt(0.99)).toBe('0.990');
    expect(fmt(50)).toBe('50');
    // Two figures either side of a rounding step: the difference shown is of the shown figures (100), never "±0".
    const r = fmtRow([12_349, 12_351, 2]);
    expect([r(12_349), r(12_351), r(r.round(12_351) - r.round(12_349))]).toEqual(['12,300', '12,400', '100']);
  });
});
