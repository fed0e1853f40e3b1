// Tests for the seeded PRNG, Latin hypercube sampling, distributions, special functions and Monte Carlo.
import { describe, expect, it } from 'vitest';
import { createRng, latinHypercube } from '../src/analysis/random.js';
import { checkDistribution, quantile } from '../src/analysis/distributions.js';
import { normalCdf, normalQuantile, studentTQuantile } from '../src/analysis/special.js';
import { percentile, summarise } from '../src/analysis/stats.js';
import { monteCarlo } from '../src/analysis/montecarlo.js';
import { InputError } from '../src/errors.js';

describe('random', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const xa = Array.from({ length: 5 }, () => a.next());
    const xb = Array.from({ length: 5 }, () => b.next());
    const xc = Array.from({ length: 5 }, () => c.next());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });
  it('gives uniform numbers with the right mean and variance', () => {
    const r = createRng(7);
    const n = 100000;
    let s = 0, s2 = 0, lo = 1, hi = 0;
    for (let i = 0; i < n; i++) { const x = r.next(); lo = Math.min(lo, x); hi = Math.max(hi, x); s += x; s2 += x * x; }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 3);
  });
  it('Latin hypercube puts exactly one point in each stratum of each dimension', () => {
    const n = 50, d = 4;
    const u = latinHypercube(n, d, createRng(3));
    for (let j = 0; j < d; j++) {
      const strata = u.map((row) => Math.floor(row[j]! * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });
});

describe('special functions and distributions', () => {
  it('normal CDF and quantile match tabulated values', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 10);
  });
  it('Student t quantiles match tables', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 2);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.303, 3);
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.571, 2);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
  });
  it('triangular and truncated normal quantiles respect their shapes', () => {
    const tri = { kind: 'triangular' as const, low: 0, mode: 1, high: 4 };
    expect(quantile(tri, 0)).toBe(0);
    expect(quantile(tri, 1)).toBe(4);
    expect(quantile(tri, 0.25)).toBeCloseTo(1, 10); // CDF at the mode = (mode-low)/(high-low)
    const tn = { kind: 'normal' as const, mean: 0, sd: 1, low: 0 };
    expect(quantile(tn, 0)).toBeGreaterThanOrEqual(0);
    expect(quantile(tn, 0.5)).toBeCloseTo(normalQuantile(0.75), 5); // median of a half-normal
  });
  it('rejects inverted bounds and unknown kinds with the field named', () => {
    expect(() => checkDistribution('inputs.k_dis', { kind: 'uniform', low: 2, high: 1 })).toThrow(/inputs\.k_dis.*inverted/);
    expect(() => checkDistribution('inputs.x', { kind: 'beta' } as never)).toThrow(InputError);
    expect(() => checkDistribution('inputs.x', { kind: 'triangular', low: 0, mode: 5, high: 1 })).toThrow(/mode/);
  });
  it('percentiles interpolate between order statistics', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    const s = summarise([5, 1, 4, 2, 3, NaN]);
    expect(s.n).toBe(5);
    expect(s.p90).toBeCloseTo(4.6, 12);
  });
});

describe('Monte Carlo', () => {
  const inputs = [
    { name: 'a', dist: { kind: 'uniform' as const, low: 1, high: 3 } },
    { name: 'b', dist: { kind: 'normal' as const, mean: 10, sd: 1 } },
  ];
  const model = (p: Record<string, number>) => ({ y: p.a! + p.b!, path: [0, 1, 2].map((t) => p.a! * t) });

  it('is reproducible with a seed and changes with the seed', async () => {
    const r1 = await monteCarlo(inputs, model, { samples: 64, seed: 11 });
    const r2 = await monteCarlo(inputs, model, { samples: 64, seed: 11 });
    const r3 = await monteCarlo(inputs, model, { samples: 64, seed: 12 });
    expect(r1.scalars.y).toEqual(r2.scalars.y);
    expect(r1.series.path).toEqual(r2.series.path);
    expect(r3.scalars.y!.p50).not.toBe(r1.scalars.y!.p50);
  });
  it('recovers the known percentiles of a sum of uniform and normal inputs', async () => {
    const r = await monteCarlo(inputs, model, { samples: 4000, seed: 5 });
    // y = U(1,3) + N(10,1): mean 12, variance 1/3 + 1
    expect(r.scalars.y!.mean).toBeCloseTo(12, 1);
    expect(r.scalars.y!.sd).toBeCloseTo(Math.sqrt(4 / 3), 1);
    expect(r.scalars.y!.p50).toBeCloseTo(12, 1);
    // path[t] = a t: P10/P90 of U(1,3) are 1.2 and 2.8
    expect(r.series.path!.p10[2]).toBeCloseTo(2.4, 1);
    expect(r.series.path!.p90[2]).toBeCloseTo(5.6, 1);
    expect(r.series.path!.p50[0]).toBe(0);
  });
  it('counts failed runs and leaves them out of the percentiles', async () => {
    const r = await monteCarlo(inputs, (p) => { if (p.a! > 2.5) throw new Error('solver failed'); return { y: p.a! }; }, { samples: 100, seed: 1 });
    expect(r.failedRuns).toBe(25);
    expect(r.scalars.y!.n).toBe(75);
    expect(r.scalars.y!.max).toBeLessThanOrEqual(2.5);
    expect(r.failures[0]).toMatch(/solver failed/);
  });
});
