// Research exports: CSV written and read back to the result's own numbers, the provenance line, JSON documents with
// the CLI's keys, residuals that add up, and the "explains little" verdict at R2 < 0.5.
import { describe, expect, it } from 'vitest';
import { csvWithHeader, parseCsv, provenance, toCsv } from '../src/export/csv.js';
import {
  bandRows, fitDocument, fitGroupRows, fitParameterRows, fitQuality, jsonText, percentileRows, residualRows, sampleRows,
  sensitivityDocument, sensitivityRows, uncertaintyDocument,
} from '../src/export/research.js';
import { localSensitivity } from '../src/analysis/local.js';
import { morris } from '../src/analysis/morris.js';
import { sobol } from '../src/analysis/sobol.js';
import { monteCarlo } from '../src/analysis/montecarlo.js';
import { fitBmp } from '../src/analysis/bmp-curve.js';
import pkg from '../package.json';

const U = (low: number, high: number) => ({ kind: 'uniform' as const, low, high });
// y depends strongly on a, weakly on b; z only on b.
const model = (p: Record<string, number>) => ({ y: 10 * p.a! + 0.1 * p.b!, z: p.b! ** 2 });
const inputs = [{ name: 'a', dist: U(1, 2) }, { name: 'b', dist: U(0, 1) }];
const table = (rows: string[][]) => { const [h, ...body] = rows; return body.map((r) => Object.fromEntries(h!.map((k, i) => [k, r[i]!]))); };

describe('CSV writer and reader', () => {
  it('round-trips quotes, commas, line breaks and leading spaces; empty cells for non-finite numbers', () => {
    const rows = [['name', 'x'], ['a "quoted", name', 1.5], ['two\nlines', NaN], [' padded', Infinity], ['plain', 187.20000000000002]];
    const back = parseCsv(toCsv(rows));
    expect(back).toEqual([['name', 'x'], ['a "quoted", name', '1.5'], ['two\nlines', ''], [' padded', ''], ['plain', '187.2']]);
  });
  it('starts with a provenance comment (program version, model version, date) that the reader skips', () => {
    const text = csvWithHeader([['k', 'v'], ['x', 1]], ['an estimate'], { date: new Date('2026-03-04T10:00:00Z') });
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(`# adsim ${pkg.version}, model adm1-bsm2 1.0.0, exported 2026-03-04`);
    expect(lines[1]).toBe('# an estimate');
    expect(parseCsv(text)).toEqual([['k', 'v'], ['x', '1']]);
    expect(provenance(new Date('2020-01-02T00:00:00Z'))).toContain('2020-01-02');
  });
});

describe('sensitivity exports', () => {
  it('Morris: one row per output and factor, ranked as the result, numbers as in the result', async () => {
    const r = await morris(inputs, model, { trajectories: 6, seed: 2 });
    const rows = table(parseCsv(toCsv(sensitivityRows(r))));
    expect(rows).toHaveLength(4);
    const y = rows.filter((x) => x.output === 'y');
    expect(y.map((x) => x.factor)).toEqual(['a', 'b']);
    // 10 per unit of a over its range of 1: the elementary effect is exactly 10.
    expect(Number(y[0]!.muStar)).toBeCloseTo(10, 6);
    expect(Number(y[0]!.muStar)).toBeCloseTo(r.ranked.y![0]!.muStar, 8);
    expect(rows.find((x) => x.output === 'z')!.factor).toBe('b');
  });
  it('local: S and dy/dp per parameter, S empty where it is undefined', async () => {
    const r = await localSensitivity({ a: 1.5, b: 0 }, ['a', 'b'], model, { relStep: 0.01 });
    const rows = table(parseCsv(toCsv(sensitivityRows(r))));
    const ya = rows.find((x) => x.output === 'y' && x.parameter === 'a')!;
    expect(Number(ya.dydp)).toBeCloseTo(10, 6);
    expect(Number(ya.S)).toBeCloseTo(1, 6);    // y = 15 + 0 at b = 0: all of y comes from a
    expect(rows.find((x) => x.output === 'y' && x.parameter === 'b')!.S).toBe('');
  });
  it('Sobol: S1 and ST with their 95 % intervals', async () => {
    const r = await sobol(inputs, model, { samples: 64, seed: 1 });
    const rows = table(parseCsv(toCsv(sensitivityRows(r))));
    const ya = rows.find((x) => x.output === 'y' && x.input === 'a')!;
    expect(Number(ya.S1)).toBeGreaterThan(0.9);
    expect(Number(ya.S1_low)).toBeLessThanOrEqual(Number(ya.S1));
    expect(Number(ya.ST_high)).toBeGreaterThanOrEqual(Number(ya.ST));
    expect(Number(ya.S1)).toBeCloseTo(r.outputs.y!.indices.find((c) => c.input === 'a')!.S1, 8);
  });
  it('the JSON document has the keys `adsim sensitivity --json` prints, and parses back', async () => {
    const r = await morris(inputs, model, { trajectories: 4, seed: 1 });
    const doc = JSON.parse(jsonText(sensitivityDocument({ file: 'm.json', kind: 'digester-run', evaluation: 'in-process' }, r, ['w'])));
    expect(Object.keys(doc).slice(0, 4)).toEqual(['ok', 'file', 'kind', 'evaluation']);   // ok first, as compare and project print it
    expect(doc.ok).toBe(true);
    expect(doc.method).toBe('morris');
    expect(doc.ranked.y[0].factor).toBe('a');
    expect(doc.warnings).toEqual(['w']);
  });
});

describe('Monte Carlo exports', () => {
  const withSeries = (p: Record<string, number>) => ({ ...model(p), t_d: new Float64Array([0, 1]), 'series.q': new Float64Array([p.a!, 2 * p.a!]) });
  it('percentiles, every sample (inputs then outputs) and the bands over time', async () => {
    const r = await monteCarlo(inputs, withSeries, { samples: 20, seed: 3, keepSamples: true });
    const pct = table(parseCsv(toCsv(percentileRows(r))));
    const y = pct.find((x) => x.output === 'y')!;
    expect(Number(y.P10)).toBeLessThan(Number(y.P50));
    expect(Number(y.P50)).toBeLessThan(Number(y.P90));
    expect(Number(y.P50)).toBeCloseTo(r.scalars.y!.p50, 6);
    const samples = table(parseCsv(toCsv(sampleRows(r)!)));
    expect(samples).toHaveLength(20);
    for (const s of samples) expect(Number(s.y)).toBeCloseTo(10 * Number(s.a) + 0.1 * Number(s.b), 6);
    const bands = parseCsv(toCsv(bandRows(r)!));
    expect(bands[0]).toEqual(['t_d', 'q P10', 'q P50', 'q P90']);
    expect(Number(bands[2]![2])).toBeCloseTo(2 * Number(bands[1]![2]), 6);
  });
  it('no samples table unless the run kept its samples; the JSON puts t_d first in series', async () => {
    const r = await monteCarlo(inputs, withSeries, { samples: 6, seed: 1 });
    expect(sampleRows(r)).toBeUndefined();
    const doc = JSON.parse(jsonText(uncertaintyDocument({ file: 'f', kind: 'scenario', evaluation: 'x' }, r)));
    expect(Object.keys(doc.series)[0]).toBe('t_d');
    expect(doc.series.q.p50).toHaveLength(2);
    expect(doc.t_d).toBeUndefined();
  });
});

describe('fit exports', () => {
  const t = [0, 2, 4, 8, 12, 20, 30];
  const B = t.map((x) => 300 * (1 - Math.exp(-0.15 * x)) + (x % 4 === 0 ? 4 : -4));
  it('parameters with intervals, residuals that are measured minus model, goodness of fit per series', () => {
    const f = fitBmp(t, B, 'first-order', { unit: 'NmL/gVS' });
    const params = table(parseCsv(toCsv(fitParameterRows(f))));
    const b0 = params.find((p) => p.parameter === 'B0')!;
    expect(Number(b0.value)).toBeGreaterThan(280);
    expect(Number(b0.ci95_low)).toBeLessThan(Number(b0.value));
    expect(Number(b0.ci95_high)).toBeGreaterThan(Number(b0.value));
    const res = table(parseCsv(toCsv(residualRows(f, t))));
    expect(res).toHaveLength(t.length);
    res.forEach((r, i) => {
      expect(Number(r.t_d)).toBe(t[i]);
      expect(Number(r.measured)).toBeCloseTo(B[i]!, 6);
      expect(Number(r.residual)).toBeCloseTo(Number(r.measured) - Number(r.model), 6);
    });
    const g = table(parseCsv(toCsv(fitGroupRows(f))));
    expect(Number(g[0]!.r2)).toBeGreaterThan(0.9);
    expect(g[0]!.explains_little).toBe('no');
    const doc = JSON.parse(jsonText(fitDocument('lab.csv', undefined, f)));
    expect(doc.file).toBe('lab.csv');
    expect(doc.parameters[0].name).toBe(f.parameters[0]!.name);
  });
  it('says in words that a fit with R2 below 0.5 explains little, and not above it', () => {
    expect(fitQuality({ name: 'pH', r2: 0.3 })).toMatchObject({ little: true });
    expect(fitQuality({ name: 'pH', r2: 0.3 }).text).toMatch(/explains little/);
    expect(fitQuality({ name: 'pH', r2: NaN }).little).toBe(true);
    expect(fitQuality({ name: 'q', r2: 0.5 }).little).toBe(false);
    expect(fitQuality({ name: 'q', r2: 0.97 }).text).not.toMatch(/little/);
  });
});
