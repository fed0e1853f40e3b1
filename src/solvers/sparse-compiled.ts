// Straight-line sparse LU: the factorisation and the solve of one fixed pattern written out as JavaScript, one
// statement per update, and compiled once per pattern. Same operations in the same order as the loops in sparse.ts
// (so the same results, bit for bit), without their index arrays: at ADM1's size (29 states, ~300 entries) the index
// loads and loop control cost more than the arithmetic.
import type { SparseSymbolic } from './sparse.js';

/** Factor: loads shift*I - J from the dense row-major jac into a and factors it; 0 on success, k+1 if pivot k fails
 *  the threshold test, -(k+1) if pivot k is zero or not finite. Solve: b <- (shift*I - J)^-1 b. */
export interface CompiledLu {
  factor(a: Float64Array, jac: Float64Array, shift: number, invDiag: Float64Array, threshold: number): number;
  solve(a: Float64Array, invDiag: Float64Array, b: Float64Array): void;
}

/** Patterns larger than this are left to the loops (the generated code grows with the elimination's operations). */
const MAX_OPS = 20000;

const compiled = new WeakMap<SparseSymbolic, CompiledLu | null>();

/**
 * The compiled factor and solve of a pattern, or null where the host refuses generated code (a Content Security
 * Policy without 'unsafe-eval') or the pattern is too large; callers then use the loops.
 */
export function compiledLuFor(sym: SparseSymbolic): CompiledLu | null {
  if (compiled.has(sym)) return compiled.get(sym)!;
  let c: CompiledLu | null = null;
  if (sym.opTgt.length <= MAX_OPS) {
    try {
      c = {
        factor: new Function('a', 'jac', 'shift', 'invDiag', 'threshold', factorSource(sym)) as CompiledLu['factor'],
        solve: new Function('a', 'invDiag', 'b', solveSource(sym)) as CompiledLu['solve'],
      };
    } catch {
      c = null;
    }
  }
  compiled.set(sym, c);
  return c;
}

function factorSource(sym: SparseSymbolic): string {
  const { n, src, dst, diag, lStart, lPos, uStart, uPos, opTgt, nnzLU } = sym;
  const out: string[] = ['"use strict";', 'let piv = 0, big = 0, inv = 0, l = 0;'];
  // Entries of the pattern from -J; fill-in entries start at 0.
  const loaded = new Set<number>();
  for (let m = 0; m < src.length; m++) { out.push(`a[${dst[m]}] = -jac[${src[m]}];`); loaded.add(dst[m]!); }
  for (let e = 0; e < nnzLU; e++) if (!loaded.has(e)) out.push(`a[${e}] = 0;`);
  for (let k = 0; k < n; k++) out.push(`a[${diag[k]}] += shift;`);
  let o = 0;
  for (let k = 0; k < n; k++) {
    const l0 = lStart[k]!, l1 = lStart[k + 1]!, u0 = uStart[k]!, u1 = uStart[k + 1]!;
    out.push(`piv = a[${diag[k]}]; big = 0;`);
    for (let m = l0; m < l1; m++) out.push(`big = Math.max(big, Math.abs(a[${lPos[m]}]));`);
    out.push(`if (!(Math.abs(piv) > 0) || !Number.isFinite(piv)) return big > 0 ? ${k + 1} : ${-(k + 1)};`);
    out.push(`if (Math.abs(piv) < threshold * big) return ${k + 1};`);
    out.push(`inv = 1 / piv; invDiag[${k}] = inv;`);
    for (let m = l0; m < l1; m++) {
      out.push(`l = a[${lPos[m]}] * inv; a[${lPos[m]}] = l;`);
      for (let q = u0; q < u1; q++) out.push(`a[${opTgt[o++]}] -= l * a[${uPos[q]}];`);
    }
  }
  out.push('return 0;');
  return out.join('\n');
}

function solveSource(sym: SparseSymbolic): string {
  const { n, perm, lStart, lRow, lPos, uStart, uCol, uPos } = sym;
  const x = (k: number) => `x${k}`;
  const out: string[] = ['"use strict";'];
  out.push(`let ${Array.from({ length: n }, (_, k) => `${x(k)} = b[${perm[k]}]`).join(', ')};`);
  for (let k = 0; k < n; k++) {
    for (let m = lStart[k]!; m < lStart[k + 1]!; m++) out.push(`${x(lRow[m]!)} -= a[${lPos[m]}] * ${x(k)};`);
  }
  for (let k = n - 1; k >= 0; k--) {
    const terms: string[] = [];
    for (let q = uStart[k]!; q < uStart[k + 1]!; q++) terms.push(` - a[${uPos[q]}] * ${x(uCol[q]!)}`);
    // Left to right, as the loop subtracts: ((x - a u1) - a u2) ...
    out.push(`${x(k)} = (${x(k)}${terms.join('')}) * invDiag[${k}];`);
  }
  for (let k = 0; k < n; k++) out.push(`b[${perm[k]}] = ${x(k)};`);
  return out.join('\n');
}
