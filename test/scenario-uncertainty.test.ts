// Scenario uncertainty: feedstock ranges and estimated collection inputs are sampled, so Monte Carlo ranges are honest.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/parse.js';
import { ScenarioError } from '../src/scenario/read.js';
import { scenarioEvaluator, scenarioUncertainInputs, feedstockScenarioInputs, defaultScenarioInputs, writerFor } from '../src/analysis/scenario-model.js';
import { monteCarlo } from '../src/analysis/montecarlo.js';
import { runScenario } from '../src/pipeline/run.js';

const weekly = JSON.parse(readFileSync(new URL('../scenarios/weekly-small-digester.json', import.meta.url), 'utf8'));

describe('scenario feedstock overrides', () => {
  it('applies a lab value to the scenario and reports bad values by field', () => {
    const s = parseScenario({ ...weekly, feedstocks: { 'dog-faeces': { BMP: 300 } } });
    const dog = s.feedstocks!.find((f) => f.id === 'dog-faeces')!;
    expect(dog.BMP.value).toBe(300);
    expect(dog.BMP.low).toBe(300);
    const bad = (feedstocks: unknown) => { try { parseScenario({ ...weekly, feedstocks }); return ''; } catch (e) { return e instanceof ScenarioError ? e.issues.map((i) => `${i.field}: ${i.message}`).join('\n') : String(e); } };
    expect(bad({ 'dog-feces': { BMP: 300 } })).toMatch(/^feedstocks\.dog-feces: unknown feedstock.*dog-faeces/);
    expect(bad({ 'dog-faeces': { BMP: 900 } })).toMatch(/^feedstocks\.dog-faeces\.BMP: 900/);
  });

  it('a set property is not sampled any more', () => {
    const names = (j: unknown) => feedstockScenarioInputs(j).inputs.map((i) => i.name);
    expect(names(weekly)).toContain('feedstocks.dog-faeces.BMP');
    expect(names({ ...weekly, feedstocks: { 'dog-faeces': { BMP: 300 } } })).not.toContain('feedstocks.dog-faeces.BMP');
    expect(names({ ...weekly, destination: 'today' })).toEqual([]);
  });

  it('an estimated bin fill is sampled; a given (measured) fill is not', () => {
    const names = (j: unknown) => defaultScenarioInputs(j).inputs.map((i) => i.name);
    expect(names(weekly)).toContain('areas[0].fill_per_bin');
    expect(names({ ...weekly, areas: [{ name: 'A', bins: 1000, fill_per_bin: '8 kg' }] })).not.toContain('areas[0].fill_per_bin');
  });
});

describe('weekly scenario Monte Carlo', () => {
  it('methane P10-P90 spans more than 20 % of P50, and the same seed gives the same percentiles', async () => {
    const { inputs, writers } = scenarioUncertainInputs(weekly);
    const ev = scenarioEvaluator(weekly, writers);
    const a = await monteCarlo(inputs, ev, { samples: 6, seed: 3 });
    const b = await monteCarlo(inputs, ev, { samples: 6, seed: 3 });
    const m = a.scalars.methane_Nm3!;
    expect(a.failedRuns).toBe(0);
    expect((m.p90 - m.p10) / m.p50).toBeGreaterThan(0.2);
    expect(b.scalars.methane_Nm3).toEqual(m);
    // The nominal run lies inside the range.
    const nominal = runScenario(weekly).annual.methane_Nm3;
    expect(nominal).toBeGreaterThan(m.p10 * 0.8);
    expect(nominal).toBeLessThan(m.p90 * 1.2);
  }, 120_000);
});

describe('writerFor', () => {
  it('names an input that has no default instead of failing on a missing record', () => {
    expect(() => writerFor('fill_kg_bin_wek' as never)).toThrow(/fill_kg_bin_wek: no scenario default named "fill_kg_bin_wek".*did you mean fill_kg_bin_week/);
    expect(writerFor('fill_kg_bin_week')!(5)).toBe('5 kg/week');
  });
});

describe('projection ranges', () => {
  it('gives P10 <= P50 <= P90 per year, says what it covers, and repeats with the seed', async () => {
    const { projectionRanges } = await import('../src/analysis/projection-ranges.js');
    const { projectScenario } = await import('../src/pipeline/project.js');
    const { projectionTable } = await import('../src/compare/table.js');
    const run = () => projectionRanges(weekly, 1, (j, y) => projectScenario(j, y), { samples: 3, seed: 2 });
    const r = await run();
    const e = r.years[0]!.electricity_net_kWh;
    expect(e.p10).toBeLessThan(e.p90);
    expect(e.p50).toBeGreaterThanOrEqual(e.p10);
    expect(r.covers).toMatch(/dog-faeces\.BMP/);
    expect(r.covers).toMatch(/bin-fill/);
    expect((await run()).years).toEqual(r.years);
    const table = projectionTable(projectScenario(weekly, 1), r);
    expect(table).toMatch(/likely range \(P10 to P90\)/);
    expect(table).toMatch(/^Ranges: P10-P90 of 3 Latin hypercube samples/m);
    // Interpolated payback percentiles are printed at table precision, not as float noise.
    expect(r.economics).toBeDefined();
    const noisy = { ...r, economics: { ...r.economics!, payback_yr: { ...r.economics!.payback_yr, p10: 5, p90: 10.099999999999994 } } };
    const t2 = projectionTable(projectScenario(weekly, 1), noisy);
    expect(t2).toMatch(/pays back year 5 to year 10\.1\./);
    expect(t2).not.toMatch(/\d\.\d{7,}/);
  }, 120_000);

  it('from fewer than 50 samples the ranges carry a caution (JSON key and report line) and payback years stay whole', async () => {
    const { projectionRanges } = await import('../src/analysis/projection-ranges.js');
    const { projectScenario } = await import('../src/pipeline/project.js');
    const { projectionTable } = await import('../src/compare/table.js');
    const { verdictOf } = await import('../src/appraisal/verdict.js');
    const r = await projectionRanges(weekly, 1, (j, y) => projectScenario(j, y), { samples: 5, seed: 1 });
    expect(r.caution).toMatch(/^Caution: only 5 samples finished, fewer than the 50/);
    for (const v of Object.values(r.economics!.payback_yr)) if (v !== null) expect(Number.isInteger(v)).toBe(true);
    const p = projectScenario(weekly, 1);
    expect(projectionTable(p, r)).toContain(r.caution!);
    p.economics.ranges = { ...r.economics!, samples: r.samples, covers: r.covers, caution: r.caution };
    expect(verdictOf(parseScenario(weekly), p.economics, p.years[0]!)).toMatch(/likely [^;)]*, a rough guide from only 5 samples/);
  }, 120_000);

  it('one sample of a default shared by several areas is written to each of them', async () => {
    const { applyScenarioPoint } = await import('../src/analysis/scenario-model.js');
    const region = JSON.parse(readFileSync(new URL('../scenarios/region-rollout.json', import.meta.url), 'utf8'));
    const { inputs, writers } = defaultScenarioInputs(region);
    expect(inputs.map((i) => i.name)).toContain('areas[*].faeces_per_dog');
    const j = applyScenarioPoint(region, { 'areas[*].faeces_per_dog': 0.3 }, writers) as { areas: { faeces_per_dog?: number }[] };
    expect(j.areas.map((a) => a.faeces_per_dog)).toEqual(region.areas.map(() => 0.3));
  });
});

describe('few-samples caution and nearest-rank percentiles', () => {
  it('monteCarlo sets caution below 50 finished samples and not from 50 on', async () => {
    const inputs = [{ name: 'x', dist: { kind: 'uniform' as const, low: 0, high: 1 } }];
    const ev = (p: Record<string, number>) => ({ y: 2 * p.x! });
    expect((await monteCarlo(inputs, ev, { samples: 3 })).caution).toMatch(/only 3 samples finished/);
    expect((await monteCarlo(inputs, ev, { samples: 49 })).caution).toMatch(/only 49 samples/);
    expect((await monteCarlo(inputs, ev, { samples: 50 })).caution).toBeUndefined();
  });

  it('nearest-rank percentiles are always one of the values', async () => {
    const { percentileNearestRank } = await import('../src/analysis/stats.js');
    const v = [4, 5, 6, 6, 7];
    expect(percentileNearestRank(v, 0.1)).toBe(4);
    expect(percentileNearestRank(v, 0.5)).toBe(6);
    expect(percentileNearestRank(v, 0.9)).toBe(7);
    expect(percentileNearestRank([], 0.5)).toBeNaN();
  });
});

describe('central figure against its likely range', () => {
  it('says when the default-input NPV lies outside or near one end of P10-P90, naming the skewed input, else nothing', async () => {
    const { centralNote } = await import('../src/analysis/projection-ranges.js');
    const { money } = await import('../src/appraisal/verdict.js');
    const inputs = [{ name: 'areas[0].fill_per_bin', dist: { kind: 'triangular' as const, low: 1, mode: 2.5, high: 14 }, unit: 'kg/bin/week' },
      { name: 'prices.x', dist: { kind: 'uniform' as const, low: 0, high: 1 } }];
    const r = { p10: -124000, p50: 114000, p90: 480000 };
    const below = centralNote(-200000, r, inputs, money)!;
    expect(below).toMatch(/^The NPV from the default inputs lies below the likely range \(the middle of the samples, P50, is £114,000 saved\)/);
    expect(below).toContain('e.g. areas[0].fill_per_bin: triangular(1, 2.5, 14) kg/bin/week');
    expect(centralNote(-63200, r, inputs, money)).toMatch(/lies near the low end of the likely range/);
    expect(centralNote(600000, r, inputs, money)).toMatch(/lies above the likely range/);
    expect(centralNote(150000, r, inputs, money)).toBeUndefined();
    expect(centralNote(NaN, r, inputs, money)).toBeUndefined();
  });
});
