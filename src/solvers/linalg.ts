// Dense LU factorisation with partial pivoting on row-major Float64Array matrices (for the Rosenbrock iteration matrix).
import { SolverError } from './types.js';

/** Work space for one n x n system; allocate once per solve, then factor/solve without allocating. */
export interface DenseLu {
  readonly n: number;
  /** Row-major n x n matrix; `factor` overwrites it with L (unit lower, below the diagonal) and U. */
  readonly a: Float64Array;
  /** Row permutation: row i of the factored matrix came from row piv[i] of the original system. */
  readonly piv: Int32Array;
}

export function createLu(n: number): DenseLu {
  return { n, a: new Float64Array(n * n), piv: new Int32Array(n) };
}

/**
 * Factors `lu.a` in place (Doolittle with row exchanges). Throws SolverError('singular') when a pivot is zero,
 * non-finite (a zero column below the diagonal); `t` is only used in that message.
 */
export function luFactor(lu: DenseLu, t: number): void {
  const { n, a, piv } = lu;
  for (let i = 0; i < n; i++) piv[i] = i;
  for (let k = 0; k < n; k++) {
    // Partial pivoting: bring the largest |a[i][k]|, i >= k, onto the diagonal.
    let p = k;
    let big = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > big) { big = v; p = i; }
    }
    if (!(big > 0) || !Number.isFinite(big)) {
      throw new SolverError('singular', t, `singular iteration matrix at t=${t}: pivot ${k} is ${big} (the Jacobian may contain NaN/Inf, or the step size is too large for a singular Jacobian)`);
    }
    if (p !== k) {
      const rp = p * n, rk = k * n;
      for (let j = 0; j < n; j++) { const tmp = a[rk + j]; a[rk + j] = a[rp + j]; a[rp + j] = tmp; }
      const tp = piv[k]; piv[k] = piv[p]; piv[p] = tp;
    }
    const rk = k * n;
    const inv = 1 / a[rk + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const m = a[ri + k] * inv;
      if (m === 0) { a[ri + k] = 0; continue; }
      a[ri + k] = m;
      for (let j = k + 1; j < n; j++) a[ri + j] = a[ri + j] - m * a[rk + j];
    }
  }
}

/** Solves A x = b with the factors in `lu`; `b` is overwritten by x. `tmp` (length n) is scratch. */
export function luSolve(lu: DenseLu, b: Float64Array, tmp: Float64Array): void {
  const { n, a, piv } = lu;
  for (let i = 0; i < n; i++) tmp[i] = b[piv[i]];
  // Forward substitution with unit lower triangle.
  for (let i = 0; i < n; i++) {
    let s = tmp[i];
    const ri = i * n;
    for (let j = 0; j < i; j++) s -= a[ri + j] * tmp[j];
    tmp[i] = s;
  }
  // Back substitution with upper triangle.
  for (let i = n - 1; i >= 0; i--) {
    let s = tmp[i];
    const ri = i * n;
    for (let j = i + 1; j < n; j++) s -= a[ri + j] * b[j];
    b[i] = s / a[ri + i];
  }
}
