// Sparse LU on a fixed pattern against the dense LU, and the solver's use of a problem's Jacobian and pattern.
import { describe, expect, it } from 'vitest';
import { analysePattern, createSparseLu, sparseFactorShifted, sparseSolve } from '../src/solvers/sparse.js';
import { WARM_FACTORS } from '../src/solvers/sparse-compiled.js';
import { createLu, luFactor, luSolve } from '../src/solvers/linalg.js';
import { solve, SolverError } from '../src/solvers/index.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

describe('sparse LU', () => {
  it.each([5, 12, 29, 40])('solves (shift I - J) x = b like the dense LU, n = %i, random pattern', (n) => {
    const r = rng(n);
    const rows: number[] = [], cols: number[] = [];
    const jac = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i === j || r() < 0.2) { rows.push(i); cols.push(j); jac[i * n + j] = r() - 0.5 - (i === j ? 2 : 0); }
    const sym = analysePattern(n, rows, cols);
    const slu = createSparseLu(sym);
    const shift = 0.5;
    expect(sparseFactorShifted(slu, jac, shift, 0)).toBe(true);
    const b = Float64Array.from({ length: n }, () => r() - 0.5);
    const xs = Float64Array.from(b);
    sparseSolve(slu, xs);
    const lu = createLu(n);
    for (let i = 0; i < n * n; i++) lu.a[i] = -jac[i]!;
    for (let i = 0; i < n; i++) lu.a[i * n + i] += shift;
    luFactor(lu, 0);
    const xd = Float64Array.from(b);
    luSolve(lu, xd, new Float64Array(n));
    for (let i = 0; i < n; i++) expect(Math.abs(xs[i]! - xd[i]!)).toBeLessThan(1e-12 * (1 + Math.abs(xd[i]!)));
    // and the residual of the original system is at rounding level
    for (let i = 0; i < n; i++) {
      let s = shift * xs[i]!;
      for (let j = 0; j < n; j++) s -= jac[i * n + j]! * xs[j]!;
      expect(Math.abs(s - b[i]!)).toBeLessThan(1e-12);
    }
  });
  it('switches from the loops to straight-line code after WARM_FACTORS factorisations of a pattern, with the same results', () => {
    const n = 12, r = rng(77);
    const rows: number[] = [], cols: number[] = [];
    const jac = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i === j || r() < 0.3) { rows.push(i); cols.push(j); jac[i * n + j] = r() - 0.5 - (i === j ? 2 : 0); }
    const sym = analysePattern(n, rows, cols);
    const first = createSparseLu(sym);
    const seen: Float64Array[] = [];
    for (let c = 0; c <= WARM_FACTORS; c++) {
      expect(first.compiled).toBeUndefined();
      sparseFactorShifted(first, jac, 1, 0);
      if (c === 0) seen.push(Float64Array.from(first.a));
    }
    expect(first.compiled).not.toBeUndefined();
    expect(first.compiled).not.toBeNull();
    // a later solver's LU on the same pattern starts compiled at once, and factors to the same bits
    const later = createSparseLu(sym);
    sparseFactorShifted(later, jac, 1, 0);
    expect(later.compiled).toBe(first.compiled);
    expect([...later.a]).toEqual([...seen[0]!]);
  });
  it('an arrow matrix ordered by minimum degree has no fill (the hub is eliminated once only one leaf is left)', () => {
    const n = 20, rows: number[] = [], cols: number[] = [];
    for (let i = 0; i < n; i++) { rows.push(i, 0, i); cols.push(0, i, i); }
    const sym = analysePattern(n, rows, cols);
    expect(sym.nnzLU).toBe(3 * n - 2);
    expect([...sym.perm.slice(n - 2)]).toContain(0);
    // the natural order (hub first) would fill the whole matrix
    expect(sym.perm[0]).not.toBe(0);
  });
  it.each(['loops', 'compiled'] as const)('reports a failed pivot (so the caller can fall back to the dense LU with pivoting), %s', (code) => {
    // [[0, 1], [1, 0]] has a zero diagonal: without row exchanges the first pivot is 0
    const jac = Float64Array.of(0, -1, -1, 0);
    const slu = createSparseLu(analysePattern(2, [0, 1], [1, 0]), { code });
    expect(slu.compiled === null).toBe(code === 'loops');
    expect(sparseFactorShifted(slu, jac, 0, 0)).toBe(false);
    // a pivot below the threshold (1e-3 of the largest entry below it) fails too, a larger one passes
    const small = Float64Array.of(-1e-4, -1, -1, 0);
    expect(sparseFactorShifted(slu, small, 0, 0)).toBe(false);
    const fine = Float64Array.of(-0.5, -1, -1, 0);
    expect(sparseFactorShifted(slu, fine, 0, 0)).toBe(true);
  });
  it.each(['loops', 'compiled'] as const)('throws SolverError naming the pivot of a structurally singular matrix, %s', (code) => {
    // a zero column: nothing below the zero pivot to fall back on
    const slu = createSparseLu(analysePattern(2, [0], [1]), { code });
    expect(() => sparseFactorShifted(slu, Float64Array.of(0, -1, 0, -1), 0, 3)).toThrow(/singular iteration matrix at t=3: pivot \d is 0/);
  });
  it.each([5, 29, 40])('the compiled straight-line factor and solve give the loops\' results bit for bit, n = %i', (n) => {
    const r = rng(1000 + n);
    const rows: number[] = [], cols: number[] = [];
    const jac = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i === j || r() < 0.25) { rows.push(i); cols.push(j); jac[i * n + j] = (r() - 0.5) * 10 ** (4 * r() - 2) - (i === j ? 3 : 0); }
    // some structural entries numerically zero (a Monod partial at zero substrate): the loops skip them, the code does not
    for (let m = 0; m < rows.length; m += 7) if (rows[m] !== cols[m]) jac[rows[m]! * n + cols[m]!] = 0;
    const sym = analysePattern(n, rows, cols);
    const loops = createSparseLu(sym, { code: 'loops' }), code = createSparseLu(sym, { code: 'compiled' });
    expect(code.compiled).not.toBeNull();
    for (const shift of [0.1, 7, 1e4]) {
      expect(sparseFactorShifted(loops, jac, shift, 0)).toBe(sparseFactorShifted(code, jac, shift, 0));
      expect([...code.a]).toEqual([...loops.a]);
      expect([...code.invDiag]).toEqual([...loops.invDiag]);
      const b = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : r() - 0.5));
      const x1 = Float64Array.from(b), x2 = Float64Array.from(b);
      sparseSolve(loops, x1); sparseSolve(code, x2);
      expect([...x2]).toEqual([...x1]);
    }
  });
});

describe('solver with a problem Jacobian and pattern', () => {
  // Robertson: stiff, with a known Jacobian and a sparse (here almost full) pattern
  const f = (_t: number, y: Float64Array, d: Float64Array) => {
    d[0] = -0.04 * y[0]! + 1e4 * y[1]! * y[2]!; d[1] = 0.04 * y[0]! - 1e4 * y[1]! * y[2]! - 3e7 * y[1]! ** 2; d[2] = 3e7 * y[1]! ** 2;
  };
  const jacobian = (_t: number, y: Float64Array, J: Float64Array) => {
    J.fill(0);
    J[0] = -0.04; J[1] = 1e4 * y[2]!; J[2] = 1e4 * y[1]!;
    J[3] = 0.04; J[4] = -1e4 * y[2]! - 6e7 * y[1]!; J[5] = -1e4 * y[1]!;
    J[7] = 6e7 * y[1]!;
  };
  const pattern = { rows: [0, 0, 0, 1, 1, 1, 2], cols: [0, 1, 2, 0, 1, 2, 1] };
  const problem = { f, y0: [1, 0, 0], t0: 0, tEnd: 40, jacobian, jacobianPattern: pattern };
  it('analytic + sparse, analytic + dense and finite differences agree', () => {
    const a = solve(problem, { rtol: 1e-8, atol: 1e-12 });
    const b = solve(problem, { rtol: 1e-8, atol: 1e-12, linear: 'dense' });
    const c = solve(problem, { rtol: 1e-8, atol: 1e-12, jacobian: 'fd' });
    expect(a.stats.fEvals).toBeLessThan(c.stats.fEvals);          // no finite-difference columns
    expect(a.stats.luFallbacks).toBe(0);
    for (let j = 0; j < 3; j++) {
      expect(Math.abs(a.y[3 + j]! - b.y[3 + j]!)).toBeLessThan(1e-13);
      expect(Math.abs(a.y[3 + j]! - c.y[3 + j]!)).toBeLessThan(1e-9);
    }
    expect(a.y[3]).toBeCloseTo(0.7158270687, 8);   // Hairer & Wanner reference at t = 40
  });
  it('refuses a malformed pattern and unknown options, naming the field', () => {
    expect(() => solve({ ...problem, jacobianPattern: { rows: [0, 3], cols: [0, 0] } })).toThrow(/jacobianPattern entry 1/);
    expect(() => solve({ ...problem, jacobianPattern: { rows: [0], cols: [] } })).toThrow(SolverError);
    expect(() => solve(problem, { jacobian: 'exact' as never })).toThrow(/jacobian: expected "analytic" or "fd"/);
    expect(() => solve(problem, { linear: 'banded' as never })).toThrow(/linear: expected "sparse" or "dense"/);
  });
});
