// Compare-view CSV files: plain labels and units, a header line with date, versions and the estimate caveat; daily
// series without the start-up days unless asked, a unit in every column head.
import { describe, expect, it } from 'vitest';
import { annualCsv, dailyCsv } from '../web/src/io/scenario-csv.js';
import { parseCsv } from '../src/export/csv.js';
import pkg from '../package.json';
import { readFileSync } from 'node:fs';
import { runScenario } from '../src/pipeline/run.js';

const result = (kWh: number, startup = 3) => ({
  annual: { electricity_net_kWh: kWh, co2e_net_t: -2.5, methane_Nm3: 1000 },
  daily: { t_d: Float64Array.from([0, 1, 2, 3, 4, 5]), methane_Nm3: Float64Array.from([0, 0, 1, 5, 6, 7]), pH: Float64Array.from([7, 7, 7.1, 7.2, 7.2, 7.3]) },
  run: { startup_d: startup },
}) as never;
const date = new Date('2026-12-01T12:00:00Z');

describe('annual CSV', () => {
  const text = annualCsv([{ name: 'Today', result: result(0), baseline: true }, { name: 'Small digester', result: result(12000) }], date);
  it('opens with the date, program and model versions and the estimate caveat', () => {
    const [l1, l2, l3] = text.split('\r\n');
    expect(l1).toBe(`# adsim ${pkg.version}, model adm1-bsm2 1.0.0, exported 2026-12-01`);
    expect(l2).toMatch(/^# Annual figures .*baseline "Today"/);
    expect(l3).toMatch(/^# Figures are simulated estimates, not measurements\. Dog faeces has no published standard BMP/);
  });
  it('labels each figure in words with its unit per year, keeps the key, and gives the difference from the baseline', () => {
    const [head, ...rows] = parseCsv(text);
    expect(head).toEqual(['figure', 'unit', 'key', 'Today', 'Small digester', 'Small digester minus Today']);
    const el = rows.find((r) => r[2] === 'electricity_net_kWh')!;
    expect(el[0]).toMatch(/^Electricity exported/);
    expect(el[1]).toBe('kWh/yr');
    expect(el.slice(3)).toEqual(['0', '12000', '12000']);
    const co2 = rows.find((r) => r[2] === 'co2e_net_t')!;
    expect(co2[1]).toBe('t CO2e/yr');
    expect(rows.every((r) => !/_/.test(r[0]!))).toBe(true);   // no snake_case names as labels
  });
});

describe('daily CSV', () => {
  it('leaves the start-up days out by default and says so; units in every column head', () => {
    const text = dailyCsv({ name: 'Small digester', result: result(1) }, { date });
    expect(text).toMatch(/# .*start-up \(3 days\) left out/);
    const [head, ...rows] = parseCsv(text);
    expect(head).toEqual(['day [d]', 'methane (dry, 0 C, 101.325 kPa) [Nm3/d]', 'pH [pH]']);
    expect(rows.map((r) => r[0])).toEqual(['3', '4', '5']);
    expect(rows[0]![1]).toBe('5');
  });
  it('includes the start-up days when asked', () => {
    const rows = parseCsv(dailyCsv({ name: 'x', result: result(1) }, { startup: true, date }));
    expect(rows).toHaveLength(1 + 6);
    expect(rows[1]![0]).toBe('0');
  });
});

describe('daily CSV of a real scenario run', () => {
  it('gives every series the pipeline produces a plain label and a unit (a new series must be added to the table)', () => {
    const json = JSON.parse(readFileSync(new URL('../scenarios/weekly-small-digester.json', import.meta.url), 'utf8'));
    const r = runScenario(json);
    const [head] = parseCsv(dailyCsv({ name: 'weekly', result: r as never }, { date }));
    expect(head!.length).toBeGreaterThan(5);
    for (const h of head!) expect(h, h).toMatch(/^[a-z].* \[.+\]$/);
  });
});
