// Sparse LU on a fixed pattern: a minimum-degree order and the symbolic factorisation are computed once per pattern;
// each factorisation then runs precomputed loops over the structurally non-zero entries only (no pivot search).
// A pivot that fails a threshold test makes the caller fall back to the dense LU with partial pivoting.
import { SolverError } from './types.js';
import { compiledLuFor, compiledLuWhenWarm, type CompiledLu } from './sparse-compiled.js';

/** The structure of one pattern, shared by every solve with it. L and U live in one packed array of their
 *  structural entries (pattern plus fill), so a factorisation touches nothing else. */
export interface SparseSymbolic {
  readonly n: number;
  /** perm[k] = original index of the k-th pivot; inv[i] = position of original index i. */
  readonly perm: Int32Array;
  readonly inv: Int32Array;
  /** Pattern entries: source index r*n+c in the caller's dense matrix, target position in the packed array. */
  readonly src: Int32Array;
  readonly dst: Int32Array;
  /** Packed position of each diagonal entry (the iteration matrix adds a shift there). */
  readonly diag: Int32Array;
  /** Column k of L: rows lRow[lStart[k]..lStart[k+1]) below the pivot, at packed positions lPos; row k of U:
   *  columns uCol[uStart[k]..uStart[k+1]), at packed positions uPos. */
  readonly lStart: Int32Array; readonly lRow: Int32Array; readonly lPos: Int32Array;
  readonly uStart: Int32Array; readonly uCol: Int32Array; readonly uPos: Int32Array;
  /** Elimination updates in order (k, each L entry of column k, each U entry of row k): the packed target. */
  readonly opTgt: Int32Array;
  /** Structural entries of L and U (fill included), the packed array's length. */
  readonly nnzLU: number;
}

/** Greedy minimum degree on the symmetrised pattern (n is small: a quadratic search is fine). */
function minimumDegree(n: number, adj: Uint8Array): Int32Array {
  const g = Uint8Array.from(adj);
  const done = new Uint8Array(n);
  const perm = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let best = -1, bestDeg = Infinity;
    for (let v = 0; v < n; v++) {
      if (done[v]) continue;
      let d = 0;
      for (let u = 0; u < n; u++) if (!done[u] && u !== v && g[v * n + u]) d++;
      if (d < bestDeg) { bestDeg = d; best = v; }
    }
    perm[k] = best;
    done[best] = 1;
    // Eliminating `best` joins its remaining neighbours into a clique (the fill it would create).
    const nb: number[] = [];
    for (let u = 0; u < n; u++) if (!done[u] && g[best * n + u]) nb.push(u);
    for (const a of nb) for (const b of nb) if (a !== b) g[a * n + b] = 1;
  }
  return perm;
}

/** Symbolic analysis of a pattern given as coordinate lists (the diagonal is always added). */
export function analysePattern(n: number, rows: ArrayLike<number>, cols: ArrayLike<number>): SparseSymbolic {
  const mask = new Uint8Array(n * n);
  for (let m = 0; m < rows.length; m++) mask[rows[m]! * n + cols[m]!] = 1;
  for (let i = 0; i < n; i++) mask[i * n + i] = 1;
  const sym = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (mask[i * n + j]) { sym[i * n + j] = 1; sym[j * n + i] = 1; }
  const perm = minimumDegree(n, sym);
  const inv = new Int32Array(n);
  for (let k = 0; k < n; k++) inv[perm[k]!] = k;
  // Permuted structure, then fill by symbolic Gaussian elimination without pivoting.
  const s = new Uint8Array(n * n);
  const src: number[] = [], dst: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (mask[i * n + j]) {
    const t = inv[i]! * n + inv[j]!;
    s[t] = 1; src.push(i * n + j); dst.push(t);
  }
  for (let k = 0; k < n; k++) {
    for (let i = k + 1; i < n; i++) {
      if (!s[i * n + k]) continue;
      for (let j = k + 1; j < n; j++) if (s[k * n + j]) s[i * n + j] = 1;
    }
  }
  // Packed positions, row by row.
  const pos = new Int32Array(n * n).fill(-1);
  let nnz = 0;
  for (let t = 0; t < n * n; t++) if (s[t]) pos[t] = nnz++;
  const lStart = new Int32Array(n + 1), uStart = new Int32Array(n + 1);
  const lRow: number[] = [], lPos: number[] = [], uCol: number[] = [], uPos: number[] = [], opTgt: number[] = [];
  for (let k = 0; k < n; k++) {
    lStart[k] = lRow.length; uStart[k] = uCol.length;
    for (let i = k + 1; i < n; i++) if (s[i * n + k]) { lRow.push(i); lPos.push(pos[i * n + k]!); }
    for (let j = k + 1; j < n; j++) if (s[k * n + j]) { uCol.push(j); uPos.push(pos[k * n + j]!); }
  }
  lStart[n] = lRow.length; uStart[n] = uCol.length;
  for (let k = 0; k < n; k++) {
    for (let m = lStart[k]!; m < lStart[k + 1]!; m++) {
      for (let q = uStart[k]!; q < uStart[k + 1]!; q++) opTgt.push(pos[lRow[m]! * n + uCol[q]!]!);
    }
  }
  return {
    n, perm, inv, src: Int32Array.from(src), dst: Int32Array.from(dst, (t) => pos[t]!),
    diag: Int32Array.from({ length: n }, (_, k) => pos[k * n + k]!),
    lStart, lRow: Int32Array.from(lRow), lPos: Int32Array.from(lPos), uStart, uCol: Int32Array.from(uCol), uPos: Int32Array.from(uPos),
    opTgt: Int32Array.from(opTgt), nnzLU: nnz,
  };
}

const cache = new WeakMap<object, SparseSymbolic>();
/** Analyses by content, for equal patterns in different objects (each run of a model rebuilt with new parameters). */
const byContent = new Map<number, { n: number; rows: Int32Array; cols: Int32Array; sym: SparseSymbolic }[]>();
const MAX_BY_CONTENT = 64;
let contentCount = 0;

function patternHash(n: number, rows: ArrayLike<number>, cols: ArrayLike<number>): number {
  let h = (2166136261 ^ n) >>> 0;
  for (let m = 0; m < rows.length; m++) h = Math.imul(h ^ (rows[m]! * 65599 + cols[m]!), 16777619) >>> 0;
  return h;
}

function samePattern(e: { n: number; rows: Int32Array; cols: Int32Array }, n: number, rows: ArrayLike<number>, cols: ArrayLike<number>): boolean {
  if (e.n !== n || e.rows.length !== rows.length) return false;
  for (let m = 0; m < rows.length; m++) if (e.rows[m] !== rows[m] || e.cols[m] !== cols[m]) return false;
  return true;
}

/** The analysis of a pattern, computed on first use: kept while the pattern object lives, and by content. */
export function symbolicFor(n: number, pattern: { rows: ArrayLike<number>; cols: ArrayLike<number> }): SparseSymbolic {
  let s = cache.get(pattern);
  if (s && s.n === n) return s;
  const { rows, cols } = pattern;
  const h = patternHash(n, rows, cols);
  const bucket = byContent.get(h) ?? [];
  s = bucket.find((e) => samePattern(e, n, rows, cols))?.sym;
  if (!s) {
    s = analysePattern(n, rows, cols);
    if (contentCount >= MAX_BY_CONTENT) { byContent.clear(); contentCount = 0; }
    bucket.push({ n, rows: Int32Array.from(rows), cols: Int32Array.from(cols), sym: s });
    byContent.set(h, bucket);
    contentCount++;
  }
  cache.set(pattern, s);
  return s;
}

export interface SparseLu {
  readonly sym: SparseSymbolic;
  /** Packed L (unit diagonal not stored) and U, and the reciprocals of U's diagonal. */
  readonly a: Float64Array;
  readonly invDiag: Float64Array;
  readonly x: Float64Array;
  /** The pattern's straight-line factor and solve (sparse-compiled.ts); null: the loops below; undefined: the
   *  loops while the pattern warms up (see WARM_FACTORS). */
  compiled: CompiledLu | null | undefined;
}

/** code: 'auto' (loops, then straight-line code once the pattern is warm), 'loops' or 'compiled' (tests compare them). */
export function createSparseLu(sym: SparseSymbolic, opts: { code?: 'auto' | 'loops' | 'compiled' } = {}): SparseLu {
  const code = opts.code ?? 'auto';
  return {
    sym, a: new Float64Array(sym.nnzLU), invDiag: new Float64Array(sym.n), x: new Float64Array(sym.n),
    compiled: code === 'loops' ? null : code === 'compiled' ? compiledLuFor(sym) : undefined,
  };
}

function singular(t: number, k: number, piv: number): SolverError {
  return new SolverError('singular', t, `singular iteration matrix at t=${t}: pivot ${k} is ${piv} (the Jacobian may contain NaN/Inf, or the step size is too large for a singular Jacobian)`);
}

/** Pivots smaller than this fraction of the largest entry below them fail (then the caller uses the dense LU). */
const PIVOT_THRESHOLD = 1e-3;

/**
 * Loads shift * I - J (J dense row-major, only its pattern entries read) and factors it in place. Returns false if a
 * pivot fails the threshold test (the factors are then unusable); throws SolverError('singular') on a zero pivot.
 */
export function sparseFactorShifted(lu: SparseLu, jac: Float64Array, shift: number, t: number): boolean {
  const { sym, a, invDiag } = lu;
  if (lu.compiled === undefined) lu.compiled = compiledLuWhenWarm(sym);
  if (lu.compiled) {
    const code = lu.compiled.factor(a, jac, shift, invDiag, PIVOT_THRESHOLD);
    if (code < 0) throw singular(t, -code - 1, a[sym.diag[-code - 1]!]!);
    return code === 0;
  }
  const { n, src, dst, diag, lStart, lPos, uStart, uPos, opTgt } = sym;
  a.fill(0);
  for (let m = 0; m < src.length; m++) a[dst[m]!] = -jac[src[m]!]!;
  for (let k = 0; k < n; k++) a[diag[k]!] += shift;
  let o = 0;
  for (let k = 0; k < n; k++) {
    const piv = a[diag[k]!]!;
    const l0 = lStart[k]!, l1 = lStart[k + 1]!, u0 = uStart[k]!, u1 = uStart[k + 1]!, nu = u1 - u0;
    let big = 0;
    for (let m = l0; m < l1; m++) big = Math.max(big, Math.abs(a[lPos[m]!]!));
    if (!(Math.abs(piv) > 0) || !Number.isFinite(piv)) {
      if (big > 0) return false;
      throw singular(t, k, piv);
    }
    if (Math.abs(piv) < PIVOT_THRESHOLD * big) return false;
    const inv = 1 / piv;
    invDiag[k] = inv;
    for (let m = l0; m < l1; m++) {
      const pl = lPos[m]!;
      const l = a[pl]! * inv;
      a[pl] = l;
      if (l === 0) { o += nu; continue; }
      for (let q = u0; q < u1; q++) a[opTgt[o++]!] -= l * a[uPos[q]!]!;
    }
  }
  return true;
}

/** Solves (shift I - J) x = b with the factors; b is overwritten by x. */
export function sparseSolve(lu: SparseLu, b: Float64Array): void {
  const { sym, a, invDiag, x } = lu;
  if (lu.compiled) { lu.compiled.solve(a, invDiag, b); return; }
  const { n, perm, lStart, lRow, lPos, uStart, uCol, uPos } = sym;
  for (let k = 0; k < n; k++) x[k] = b[perm[k]!]!;
  for (let k = 0; k < n; k++) {
    const xk = x[k]!;
    if (xk === 0) continue;
    for (let m = lStart[k]!, e = lStart[k + 1]!; m < e; m++) x[lRow[m]!] -= a[lPos[m]!]! * xk;
  }
  for (let k = n - 1; k >= 0; k--) {
    let s = x[k]!;
    for (let q = uStart[k]!, e = uStart[k + 1]!; q < e; q++) s -= a[uPos[q]!]! * x[uCol[q]!]!;
    x[k] = s * invDiag[k]!;
  }
  for (let k = 0; k < n; k++) b[perm[k]!] = x[k]!;
}
