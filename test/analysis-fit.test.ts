// Tests for least-squares fitting (Levenberg-Marquardt, Nelder-Mead), its statistics, and BMP curve fits.
import { describe, expect, it } from 'vitest';
import { fitLeastSquares } from '../src/analysis/fit.js';
import { bmpCurve, fitBmp } from '../src/analysis/bmp-curve.js';
import { createRng } from '../src/analysis/random.js';
import { normalQuantile } from '../src/analysis/special.js';
import { spdInverse } from '../src/analysis/linalg.js';
import { InputError } from '../src/errors.js';

/** Gaussian noise from the seeded generator. */
const noise = (seed: number) => { const r = createRng(seed); return (sd: number) => sd * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, r.next()))); };

const t = Array.from({ length: 31 }, (_, i) => i);
const decay = (th: number[], x: number) => th[0]! * Math.exp(-th[1]! * x) + th[2]!;

describe('least squares', () => {
  it('inverts a symmetric positive-definite matrix and refuses a singular one', () => {
    const inv = spdInverse([[4, 2], [2, 3]])!;
    expect(inv[0]![0]).toBeCloseTo(3 / 8, 12);
    expect(inv[0]![1]).toBeCloseTo(-2 / 8, 12);
    expect(spdInverse([[1, 2], [2, 4]])).toBeNull();
  });

  for (const method of ['lm', 'nelder-mead'] as const) {
    it(`${method} recovers the parameters of an exponential decay from noisy data, inside its 95 % intervals`, () => {
      const e = noise(21);
      const truth = [5, 0.15, 1];
      const y = t.map((x) => decay(truth, x) + e(0.05));
      const fit = fitLeastSquares({
        parameters: [{ name: 'a', initial: 2, low: 0, high: 20 }, { name: 'b', initial: 0.5, low: 1e-4, high: 5 }, { name: 'c', initial: 0, low: -10, high: 10 }],
        predict: (th) => t.map((x) => decay(th, x)),
        data: y,
      }, { method });
      expect(fit.converged).toBe(true);
      fit.parameters.forEach((p, j) => {
        expect(p.value).toBeCloseTo(truth[j]!, 0);
        expect(p.ci95![0]).toBeLessThan(truth[j]!);
        expect(p.ci95![1]).toBeGreaterThan(truth[j]!);
      });
      // residual standard deviation estimates the noise level
      expect(Math.sqrt(fit.s2)).toBeGreaterThan(0.03);
      expect(Math.sqrt(fit.s2)).toBeLessThan(0.08);
      expect(fit.groups[0]!.r2).toBeGreaterThan(0.99);
      expect(fit.residuals).toHaveLength(31);
      // a and c trade off against each other: their correlation is negative
      expect(fit.correlation[0]![2]!).toBeLessThan(0);
      expect(fit.correlation[1]![1]!).toBeCloseTo(1, 12);
    });
  }

  it('says so when it does not converge and returns its best point', () => {
    const y = t.map((x) => decay([5, 0.15, 1], x));
    const fit = fitLeastSquares({
      parameters: [{ name: 'a', initial: 1, low: 0, high: 20 }, { name: 'b', initial: 2, low: 1e-4, high: 5 }, { name: 'c', initial: 0, low: -10, high: 10 }],
      predict: (th) => t.map((x) => decay(th, x)),
      data: y,
    }, { maxEvaluations: 6 });
    expect(fit.converged).toBe(false);
    expect(fit.warnings.join(' ')).toMatch(/did not converge/);
    expect(Number.isFinite(fit.cost)).toBe(true);
  });

  it('stops at a bound and flags it instead of leaving the box', () => {
    const y = t.map((x) => 3 * x);
    const fit = fitLeastSquares({ parameters: [{ name: 'slope', initial: 1, low: 0, high: 2 }], predict: (th) => t.map((x) => th[0]! * x), data: y });
    expect(fit.parameters[0]!.value).toBe(2);
    expect(fit.parameters[0]!.atBound).toBe(true);
    expect(fit.parameters[0]!.ci95).toBeNull();
    expect(fit.warnings.join(' ')).toMatch(/slope ended at a bound/);
  });

  it('rejects inverted bounds, a start outside the bounds and a duplicated name', () => {
    const base = { predict: () => [1, 2], data: [1, 2] };
    expect(() => fitLeastSquares({ ...base, parameters: [{ name: 'k_dis', initial: 1, low: 2, high: 1 }] })).toThrow(/k_dis: bounds inverted/);
    expect(() => fitLeastSquares({ ...base, parameters: [{ name: 'k', initial: 5, low: 0, high: 1 }] })).toThrow(InputError);
    expect(() => fitLeastSquares({ ...base, parameters: [{ name: 'k', initial: 0.5, low: 0, high: 1 }, { name: 'k', initial: 0.5, low: 0, high: 1 }] })).toThrow(/twice/);
  });

  it('reports unidentifiable parameters instead of inventing intervals', () => {
    // Only the product a*b matters.
    const fit = fitLeastSquares({
      parameters: [{ name: 'a', initial: 1, low: 0.1, high: 10 }, { name: 'b', initial: 1, low: 0.1, high: 10 }],
      predict: (th) => t.map((x) => th[0]! * th[1]! * x),
      data: t.map((x) => 2 * x + (x % 2 ? 0.01 : -0.01)),
    });
    expect(fit.parameters[0]!.value * fit.parameters[1]!.value).toBeCloseTo(2, 3);
    expect(fit.warnings.join(' ')).toMatch(/not identifiable|strongly correlated/);
  });
});

describe('BMP curve fits', () => {
  const days = Array.from({ length: 31 }, (_, i) => i);
  it('recovers B0 and k of a first-order curve from noisy data', () => {
    const e = noise(4);
    const B = days.map((x) => bmpCurve('first-order', [320, 0.22], x) + e(4));
    const fit = fitBmp(days, B, 'first-order', { unit: 'NmL/gVS' });
    expect(fit.converged).toBe(true);
    expect(fit.parameters[0]!.value).toBeGreaterThan(320 * 0.97);
    expect(fit.parameters[0]!.value).toBeLessThan(320 * 1.03);
    expect(fit.parameters[1]!.value).toBeGreaterThan(0.22 * 0.9);
    expect(fit.parameters[1]!.value).toBeLessThan(0.22 * 1.1);
    expect(fit.parameters[0]!.ci95![0]).toBeLessThan(fit.parameters[0]!.value);
    expect(fit.t90_d).toBeCloseTo(Math.log(10) / fit.parameters[1]!.value, 3);
    expect(fit.groups[0]!.rmse).toBeLessThan(8);
  });
  it('recovers a lag', () => {
    const e = noise(5);
    const B = days.map((x) => bmpCurve('first-order-lag', [250, 0.2, 3], x) + e(2));
    const fit = fitBmp(days, B, 'first-order-lag');
    expect(fit.parameters[2]!.value).toBeGreaterThan(2.5);
    expect(fit.parameters[2]!.value).toBeLessThan(3.5);
    expect(fit.parameters[0]!.value).toBeCloseTo(250, -1);
  });
  it('recovers a two-pool curve with the fast pool first', () => {
    const e = noise(6);
    const long = Array.from({ length: 61 }, (_, i) => i);
    const B = long.map((x) => bmpCurve('two-pool', [400, 0.4, 0.05, 0.6], x) + e(2));
    const fit = fitBmp(long, B, 'two-pool');
    const [B0, alpha, kf, ks] = fit.parameters.map((p) => p.value);
    expect(B0).toBeGreaterThan(380); expect(B0).toBeLessThan(420);
    expect(alpha).toBeGreaterThan(0.5); expect(alpha).toBeLessThan(0.7); // fast pool share = 1 - 0.4
    expect(kf).toBeGreaterThan(0.45); expect(kf).toBeLessThan(0.8);
    expect(ks).toBeGreaterThan(0.04); expect(ks).toBeLessThan(0.06);
  });
  it('fits a modified Gompertz curve', () => {
    const B = days.map((x) => bmpCurve('gompertz', [300, 40, 2], x));
    const fit = fitBmp(days, B, 'gompertz');
    expect(fit.parameters[0]!.value).toBeCloseTo(300, 1);
    expect(fit.parameters[1]!.value).toBeCloseTo(40, 1);
  });
  it('refuses too few points', () => {
    expect(() => fitBmp([0, 1], [0, 5], 'first-order')).toThrow(/at least 3 points/);
  });
  it('clips an interval that crosses a bound and names the parameter as poorly identified', () => {
    // A near one-pool curve fitted with two pools: the slow pool is barely in the data, so its linearised interval is wide.
    const fit = fitBmp([1, 2, 4, 6, 8, 12, 16, 21, 28], [52, 95, 150, 190, 210, 232, 243, 246, 251], 'two-pool');
    for (const p of fit.parameters) {
      if (!p.ci95) continue;
      expect(p.ci95[0]).toBeGreaterThanOrEqual(p.low);
      expect(p.ci95[1]).toBeLessThanOrEqual(p.high);
    }
    const clipped = fit.parameters.filter((p) => p.ci95Clipped);
    expect(clipped.length).toBeGreaterThan(0);
    for (const p of clipped) expect(fit.warnings.join('\n')).toContain(`${p.name} is poorly identified`);
  });
});
