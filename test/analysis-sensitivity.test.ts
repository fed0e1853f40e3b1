// Tests for local, Morris and Sobol sensitivity on functions with known answers.
import { describe, expect, it } from 'vitest';
import { localSensitivity } from '../src/analysis/local.js';
import { morris } from '../src/analysis/morris.js';
import { sobol } from '../src/analysis/sobol.js';
import { AnalysisCancelled } from '../src/analysis/evaluate.js';

const U = (low: number, high: number) => ({ kind: 'uniform' as const, low, high });

describe('local sensitivity', () => {
  it('recovers the exponents of a power law as normalised coefficients, ranked', async () => {
    // y = 3 a^2 b^-0.5 c: S_a = 2, S_b = -0.5, S_c = 1 exactly (up to O(h^2))
    const r = await localSensitivity({ a: 2, b: 4, c: 1.5 }, ['a', 'b', 'c'], (p) => ({ y: 3 * p.a! ** 2 * p.b! ** -0.5 * p.c! }));
    const y = r.ranked.y!;
    expect(y.map((x) => x.parameter)).toEqual(['a', 'c', 'b']);
    expect(y[0]!.S).toBeCloseTo(2, 3);
    expect(y[1]!.S).toBeCloseTo(1, 3);
    expect(y[2]!.S).toBeCloseTo(-0.5, 3);
    expect(r.runs).toBe(7);
  });
  it('reports dy/dp and a null coefficient for a zero nominal value', async () => {
    const r = await localSensitivity({ a: 0 }, ['a'], (p) => ({ y: 5 + 2 * p.a! }));
    expect(r.ranked.y![0]!.S).toBeNull();
    expect(r.ranked.y![0]!.dydp).toBeCloseTo(2, 8);
  });
  it('names a parameter that has no nominal value', async () => {
    await expect(localSensitivity({ a: 1 }, ['zz'], () => ({ y: 1 }))).rejects.toThrow(/zz/);
  });
});

describe('Morris', () => {
  // Sobol's g-function: importance falls as a_i grows (a = 0 dominant, 99 negligible).
  const a = [99, 0, 9, 1, 99, 4.5];
  const g = (p: Record<string, number>) => ({ y: a.reduce((prod, ai, i) => prod * (Math.abs(4 * p[`x${i}`]! - 2) + ai) / (1 + ai), 1) });
  const factors = a.map((_, i) => ({ name: `x${i}`, dist: U(0, 1) }));

  it('ranks the dominant factor first and the negligible ones last on the g-function', async () => {
    const r = await morris(factors, g, { trajectories: 40, seed: 3 });
    const order = r.ranked.y!.map((x) => x.factor);
    expect(order[0]).toBe('x1');
    expect(order[1]).toBe('x3');
    expect(order.slice(4).sort()).toEqual(['x0', 'x4']);
    expect(r.runs).toBe(40 * 7);
  });
  it('gives mu* equal to the slope for a linear model and sigma 0', async () => {
    const r = await morris([{ name: 'p', dist: U(0, 10) }, { name: 'q', dist: U(0, 1) }], (x) => ({ y: 3 * x.p! - 2 * x.q! }), { trajectories: 8, seed: 1 });
    const p = r.ranked.y!.find((x) => x.factor === 'p')!;
    const q = r.ranked.y!.find((x) => x.factor === 'q')!;
    expect(p.muStar).toBeCloseTo(30, 8);   // effect per full range: 3 * 10
    expect(q.mu).toBeCloseTo(-2, 8);
    expect(p.sigma).toBeCloseTo(0, 8);
  });
  it('can be cancelled from the progress hook', async () => {
    await expect(morris(factors, g, { trajectories: 10, onProgress: (d) => d < 5 })).rejects.toBeInstanceOf(AnalysisCancelled);
  });
});

describe('Sobol', () => {
  it('estimates the Ishigami indices close to their analytic values', async () => {
    const A = 7, B = 0.1;
    const ishigami = (p: Record<string, number>) => ({ y: Math.sin(p.x1!) + A * Math.sin(p.x2!) ** 2 + B * p.x3! ** 4 * Math.sin(p.x1!) });
    const inputs = ['x1', 'x2', 'x3'].map((name) => ({ name, dist: U(-Math.PI, Math.PI) }));
    const r = await sobol(inputs, ishigami, { samples: 8192, seed: 2, bootstrap: 50 });
    const idx = Object.fromEntries(r.outputs.y!.indices.map((x) => [x.input, x]));
    // Analytic: V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2
    const V = A * A / 8 + B * Math.PI ** 4 / 5 + B * B * Math.PI ** 8 / 18 + 0.5;
    const V1 = 0.5 * (1 + B * Math.PI ** 4 / 5) ** 2, V2 = A * A / 8, V13 = B * B * Math.PI ** 8 * (1 / 18 - 1 / 50);
    expect(r.outputs.y!.variance).toBeCloseTo(V, 0);
    expect(idx.x1!.S1).toBeCloseTo(V1 / V, 1);      // 0.314
    expect(idx.x2!.S1).toBeCloseTo(V2 / V, 1);      // 0.442
    expect(Math.abs(idx.x3!.S1)).toBeLessThan(0.05); // 0
    expect(idx.x3!.ST).toBeCloseTo(V13 / V, 1);     // 0.244
    expect(idx.x1!.ST).toBeCloseTo((V1 + V13) / V, 1); // 0.558
    expect(idx.x1!.S1_ci![0]).toBeLessThan(idx.x1!.S1);
    expect(r.runs).toBe(8192 * 5);
  });
  it('the indices do not depend on the output mean (Ishigami + 1000 gives the same S1 and ST)', async () => {
    const f = (p: Record<string, number>) => Math.sin(p.x1!) + 7 * Math.sin(p.x2!) ** 2 + 0.1 * p.x3! ** 4 * Math.sin(p.x1!);
    const inputs = ['x1', 'x2', 'x3'].map((name) => ({ name, dist: U(-Math.PI, Math.PI) }));
    const opts = { samples: 512, seed: 3, bootstrap: 20 };
    const r0 = await sobol(inputs, (p) => ({ y: f(p) }), opts);
    const r1 = await sobol(inputs, (p) => ({ y: 1000 + f(p) }), opts);
    r0.outputs.y!.indices.forEach((a, i) => {
      const b = r1.outputs.y!.indices[i]!;
      expect(b.input).toBe(a.input);
      expect(b.S1).toBeCloseTo(a.S1, 6);
      expect(b.ST).toBeCloseTo(a.ST, 6);
    });
    expect(Math.abs(r1.outputs.y!.indices.find((x) => x.input === 'x2')!.S1 - 0.442)).toBeLessThan(0.15);
  });
});

describe('requested outputs', () => {
  it('an unknown output stops the batch after the first run with an InputError listing the outputs there are', async () => {
    let runs = 0;
    const model = (p: Record<string, number>) => { runs++; return { y: p.a!, z: 2 * p.a! }; };
    await expect(morris([{ name: 'a', dist: U(0, 1) }, { name: 'b', dist: U(0, 1) }], model, { trajectories: 10, outputs: ['y', 'nope'] }))
      .rejects.toThrow(/outputs: unknown output "nope"; valid outputs: y, z/);
    expect(runs).toBe(1);
  });
});
