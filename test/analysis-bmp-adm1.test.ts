// Tests for fitting a feedstock record's ADM1 characterisation (BMP, k_hyd) to a BMP curve through the simulated assay.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitFeedstockBmp, fittedRange, specificYieldFactor, withValues } from '../src/analysis/bmp-adm1.js';
import { simulateBmp } from '../src/bmp/bmp.js';
import { findFeedstock, mergeFeedstocks } from '../src/feed/library.js';
import { FEEDSTOCKS } from '../models/feedstocks/index.js';
import { createRng } from '../src/analysis/random.js';
import { normalQuantile } from '../src/analysis/special.js';
import { main } from '../src/cli/main.js';

const dog = findFeedstock('dog-faeces', FEEDSTOCKS);
const days = [1, 2, 3, 5, 7, 10, 14, 21, 28];
/** A "measured" curve: the simulated assay of the record with `values`, at `days`, with optional noise (NL/kg VS). */
function synthetic(values: { BMP: number; k_hyd: number }, sd = 0, seed = 4): number[] {
  const r = simulateBmp(withValues(dog, values), { days: 28 });
  const rng = createRng(seed);
  return days.map((d) => r.net_NL_kgVS[r.t_d.findIndex((t) => t >= d - 1e-9)]! + sd * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, rng.next()))));
}

describe('feedstock BMP fit through the simulated assay', () => {
  it('recovers a known BMP and k_hyd from a noisy curve made by the assay itself, inside its 95 % intervals', () => {
    const truth = { BMP: 300, k_hyd: 0.4 };
    expect(truth.BMP).not.toBe(dog.BMP.value);
    const fit = fitFeedstockBmp(dog, days, synthetic(truth, 2));
    expect(fit.converged).toBe(true);
    const [bmp, k] = fit.parameters;
    expect(bmp!.name).toBe('BMP');
    expect(Math.abs(bmp!.value - truth.BMP) / truth.BMP).toBeLessThan(0.02);
    expect(Math.abs(k!.value - truth.k_hyd) / truth.k_hyd).toBeLessThan(0.1);
    expect(bmp!.ci95![0]).toBeLessThan(truth.BMP);
    expect(bmp!.ci95![1]).toBeGreaterThan(truth.BMP);
    expect(fit.record.BMP).toBe(dog.BMP.value);
  });
  it('writes an override that the library accepts and that reproduces the curve', () => {
    const B = synthetic({ BMP: 220, k_hyd: 0.15 });
    const fit = fitFeedstockBmp(dog, days, B, { source: 'lab.csv' });
    const lib = mergeFeedstocks(JSON.parse(JSON.stringify(fit.override)), FEEDSTOCKS, 'fit.json');
    const updated = findFeedstock('dog-faeces', lib);
    expect(updated.BMP.value).toBeCloseTo(220, 0);
    expect(updated.BMP.evidence).toBe('measured');
    expect(updated.BMP.source).toMatch(/lab\.csv/);
    expect(updated.TS.value).toBe(dog.TS.value);
    const again = simulateBmp(updated, { days: 28 });
    expect(again.net_NL_kgVS[again.net_NL_kgVS.length - 1]).toBeCloseTo(B[B.length - 1]!, -1);
  });
  it('fits BMP alone when asked, keeping the record k_hyd', () => {
    const fit = fitFeedstockBmp(dog, days, synthetic({ BMP: 280, k_hyd: dog.k_hyd.value }), { fields: ['BMP'] });
    expect(fit.parameters.map((p) => p.name)).toEqual(['BMP']);
    expect(fit.parameters[0]!.value).toBeCloseTo(280, 0);
    expect(fit.override.feedstocks[0].k_hyd).toBeUndefined();
  });
  it('converts specific-yield units to NL CH4/kg VS', () => {
    expect(specificYieldFactor('NmL/gVS')).toEqual({ factor: 1, normal: true });
    expect(specificYieldFactor('Nm3 CH4/t VS')!.factor).toBeCloseTo(1, 12);
    expect(specificYieldFactor('NL/g VS')!.factor).toBeCloseTo(1000, 9);
    expect(specificYieldFactor('mL/g VS')!.normal).toBe(false);
    expect(specificYieldFactor('m3/d')).toBeNull();
  });
});

describe('adsim fit-bmp --feedstock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adsim-bmpfit-'));
  const cli = async (argv: string[]) => { let out = '', err = ''; const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: dir }); return { code, out, err }; };
  const B = synthetic({ BMP: 260, k_hyd: 0.3 });
  writeFileSync(join(dir, 'dog.csv'), ['time [d],B [NmL/gVS]', ...days.map((d, i) => `${d},${B[i]!.toFixed(2)}`)].join('\n'));
  writeFileSync(join(dir, 'nounit.csv'), ['time [d],B', ...days.map((d, i) => `${d},${B[i]!.toFixed(2)}`)].join('\n'));
  it('prints the fitted values and the --feedstocks snippet that updates the record', async () => {
    const r = await cli(['fit-bmp', 'dog.csv', '--feedstock', 'dog-faeces']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/BMP: record 250 .* -> fitted 26\d/);
    const snippet = JSON.parse(r.out.slice(r.out.indexOf('{\n')));
    expect(snippet.feedstocks[0].id).toBe('dog-faeces');
    expect(snippet.feedstocks[0].BMP.value).toBeCloseTo(260, 0);
    expect(snippet.feedstocks[0].k_hyd.value).toBeCloseTo(0.3, 2);
  });
  it('names what is wrong: no unit, an unknown feedstock, a kinetic model given as well', async () => {
    expect((await cli(['fit-bmp', 'nounit.csv', '--feedstock', 'dog-faeces'])).err).toMatch(/needs the yield's unit/);
    const u = await cli(['fit-bmp', 'dog.csv', '--feedstock', 'cat']);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/--feedstock: unknown feedstock "cat"/);
    expect((await cli(['fit-bmp', 'dog.csv', '--feedstock', 'dog-faeces', '--model', 'two-pool'])).err).toMatch(/--model: a kinetic model is not used with --feedstock/);
    expect((await cli(['fit-bmp', 'dog.csv', '--feedstock', 'dog-faeces', '--fit', 'TS'])).err).toMatch(/--fit: expected BMP and\/or k_hyd, got "TS"/);
  });
});

describe('the range a fit writes into the record', () => {
  it('is the record\'s range (batch-to-batch spread), not the fit\'s narrow 95 % interval, and says so', () => {
    const fit = fitFeedstockBmp(dog, days, synthetic({ BMP: 266, k_hyd: 0.3 }, 1));
    const [bmp] = fit.parameters;
    expect(bmp!.ci95).not.toBeNull();
    expect(bmp!.ci95![1] - bmp!.ci95![0]).toBeLessThan(0.2 * (dog.BMP.high - dog.BMP.low)); // the interval is narrow
    const w = fit.override.feedstocks[0].BMP!;
    expect(Math.abs(w.value - 266)).toBeLessThan(4);
    expect([w.low, w.high]).toEqual([dog.BMP.low, dog.BMP.high]);
    expect(w.source).toMatch(/95 % interval of the fit [\d.]+-[\d.]+, the precision of this one curve; low-high kept from the record's range 150-350/);
  });
  it('is widened to hold a fitted value outside the record\'s range', () => {
    const rec = { value: 0.2, low: 0.05, high: 0.8, unit: '1/d', source: 's', evidence: 'estimate' as const };
    expect(fittedRange(rec, 1.2, [1.1, 1.31])).toEqual({ low: 0.05, high: 1.31, kept: false });
    expect(fittedRange(rec, 0.3, [0.28, 0.32])).toEqual({ low: 0.05, high: 0.8, kept: true });
    expect(fittedRange(rec, 0.04, null)).toEqual({ low: 0.04, high: 0.8, kept: false });
  });
});
