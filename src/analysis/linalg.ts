// Small dense linear algebra for fitting (a handful of parameters): Cholesky solve and symmetric inverse.

/** Row-major square matrix as nested arrays. */
export type Matrix = number[][];

/** Cholesky factor L (lower) of a symmetric positive-definite matrix, or null if it is not positive definite. */
export function cholesky(A: Matrix): Matrix | null {
  const n = A.length;
  const L: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        L[i]![i] = Math.sqrt(s);
      } else {
        L[i]![j] = s / L[j]![j]!;
      }
    }
  }
  return L;
}

/** Solves L L^T x = b. */
export function choleskySolve(L: Matrix, b: readonly number[]): number[] {
  const n = L.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i]![k]! * y[k]!;
    y[i] = s / L[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k]![i]! * x[k]!;
    x[i] = s / L[i]![i]!;
  }
  return x;
}

/**
 * Inverse of a symmetric positive-definite matrix, or null if it is singular or so ill-conditioned that
 * the inverse means nothing (reciprocal condition estimate of the scaled matrix below `rcondMin`).
 */
export function spdInverse(A: Matrix, rcondMin = 1e-13): Matrix | null {
  const n = A.length;
  // Scale to unit diagonal first so that parameters of very different magnitudes do not look singular.
  const d = A.map((row, i) => (row[i]! > 0 ? 1 / Math.sqrt(row[i]!) : NaN));
  if (d.some((x) => !Number.isFinite(x))) return null;
  const S = A.map((row, i) => row.map((v, j) => v * d[i]! * d[j]!));
  const L = cholesky(S);
  if (!L) return null;
  let minD = Infinity, maxD = 0;
  for (let i = 0; i < n; i++) { minD = Math.min(minD, L[i]![i]! ** 2); maxD = Math.max(maxD, L[i]![i]! ** 2); }
  if (minD / maxD < rcondMin) return null;
  const inv: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const e = new Array<number>(n).fill(0);
    e[j] = 1;
    const col = choleskySolve(L, e);
    for (let i = 0; i < n; i++) inv[i]![j] = col[i]! * d[i]! * d[j]!;
  }
  return inv;
}
