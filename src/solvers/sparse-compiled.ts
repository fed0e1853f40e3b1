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
 * Factorisations of a pattern by the loops before its straight-line code is compiled. Generated code is fast only
 * once V8 has optimised it (a large function, in the background); until then it is interpreted, slower than the
 * loops. So a short run (one CLI scenario) keeps the loops, and work that repeats (Monte Carlo, projections, the
 * web's reruns, a long run) switches over after ~0.1 s of factoring (about 20 scenario runs). Both give the same bits.
 */
export const WARM_FACTORS = 20000;
const warm = new WeakMap<SparseSymbolic, { calls: number }>();

/** undefined while the pattern is still warming up (use the loops), then its compiled code or null (loops for good). */
export function compiledLuWhenWarm(sym: SparseSymbolic): CompiledLu | null | undefined {
  let w = warm.get(sym);
  if (!w) { w = { calls: 0 }; warm.set(sym, w); }
  return ++w.calls > WARM_FACTORS ? compiledLuFor(sym) : undefined;
}

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
        factor: compileFactor(sym),
        solve: named('sparseSolveCompiled', 'a, invDiag, b', solveSource(sym)) as CompiledLu['solve'],
      };
    } catch {
      c = null;
    }
  }
  compiled.set(sym, c);
  return c;
}

/** A function compiled from its body, with a name (for profiles and stack traces). */
function named(name: string, params: string, body: string): unknown {
  return new Function(`return function ${name}(${params}) {\n${body}\n};\n//# sourceURL=adsim-${name}.js`)();
}

/**
 * Statements per generated function. One function for the whole factorisation (~1,400 statements for ADM1) takes V8
 * about a second to optimise on a busy machine and runs ~10x slower than the loops until then; pieces of this size
 * are optimised within a few hundred calls, and calling ~15 of them costs nothing measurable.
 */
const CHUNK_STATEMENTS = 100;

const FACTOR_PARAMS = 'a, jac, shift, invDiag, threshold';
type FactorPart = CompiledLu['factor'];

/** The factorisation as a sequence of functions (each returns 0 to go on, else the failure code), run in order. */
function compileFactor(sym: SparseSymbolic): FactorPart {
  const parts = factorParts(sym).map((body, i) => named(`sparseFactorPart${i}`, FACTOR_PARAMS, `"use strict";\nlet piv = 0, big = 0, inv = 0, l = 0;\n${body.join('\n')}\nreturn 0;`) as FactorPart);
  return (a, jac, shift, invDiag, threshold) => {
    for (let i = 0; i < parts.length; i++) {
      const code = parts[i]!(a, jac, shift, invDiag, threshold);
      if (code !== 0) return code;
    }
    return 0;
  };
}

/** Statement groups of the factorisation, split at pivot boundaries once a group reaches CHUNK_STATEMENTS. */
function factorParts(sym: SparseSymbolic): string[][] {
  const { n, src, dst, diag, lStart, lPos, uStart, uPos, opTgt, nnzLU } = sym;
  const parts: string[][] = [];
  let out: string[] = [];
  const cut = () => { if (out.length >= CHUNK_STATEMENTS) { parts.push(out); out = []; } };
  // Entries of the pattern from -J; fill-in entries start at 0.
  const loaded = new Set<number>();
  for (let m = 0; m < src.length; m++) { out.push(`a[${dst[m]}] = -jac[${src[m]}];`); loaded.add(dst[m]!); cut(); }
  for (let e = 0; e < nnzLU; e++) if (!loaded.has(e)) { out.push(`a[${e}] = 0;`); cut(); }
  for (let k = 0; k < n; k++) { out.push(`a[${diag[k]}] += shift;`); cut(); }
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
    cut();
  }
  if (out.length) parts.push(out);
  return parts;
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
