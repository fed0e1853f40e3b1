// Checks a problem and its solve options once, at the edge, and turns them into the typed values the integrators use.
import { SolverError } from './types.js';
import type { OdeProblem, RhsFunction, SolveOptions, SolverMethod } from './types.js';

/** Everything an integrator needs, validated: tolerances per component, sorted output and stop times. */
export interface ResolvedProblem {
  method: SolverMethod;
  f: RhsFunction;
  /** The analytic Jacobian to use, or undefined for finite differences (options.jacobian 'fd' drops the problem's). */
  jacobian: OdeProblem['jacobian'];
  /** The sparsity pattern for a sparse LU, or undefined for the dense LU. */
  pattern: OdeProblem['jacobianPattern'];
  autonomous: boolean;
  n: number;
  t0: number;
  tEnd: number;
  /** A private copy of problem.y0. */
  y0: Float64Array;
  names: readonly string[] | undefined;
  rtol: number;
  /** Per component, length n. */
  atol: Float64Array;
  /** Strictly ascending, inside [t0, tEnd]. */
  tOut: Float64Array;
  /** Strictly ascending, strictly inside (t0, tEnd) (stops at the ends are dropped: they change nothing). */
  tStops: Float64Array;
  maxSteps: number;
  /** 0 means automatic. */
  initialStep: number;
  maxStep: number;
  onStep: ((t: number) => boolean | void) | undefined;
}

// Defaults as documented in types.ts.
const DEFAULT_RTOL = 1e-6;
const DEFAULT_ATOL = 1e-8;
const DEFAULT_MAX_STEPS = 100_000;

function bad(field: string, what: string, got: unknown): never {
  const shown = typeof got === 'number' || typeof got === 'string' ? String(got) : Array.isArray(got) ? `array of length ${got.length}` : typeof got;
  throw new SolverError('invalid-input', NaN, `${field}: expected ${what}, got ${shown}`);
}

function isArrayLike(v: unknown): v is ArrayLike<number> {
  return v != null && typeof v === 'object' && typeof (v as { length?: unknown }).length === 'number';
}

function ascending(field: string, v: unknown, lo: number, hi: number, strict: boolean): Float64Array {
  if (!isArrayLike(v)) bad(field, 'an array of times', v);
  const out = Float64Array.from(v);
  for (let i = 0; i < out.length; i++) {
    const x = out[i]!;
    if (!Number.isFinite(x) || x < lo || x > hi) bad(`${field}[${i}]`, `a finite time within [${lo}, ${hi}]`, v[i]);
    if (i > 0 && (strict ? x <= out[i - 1]! : x < out[i - 1]!)) bad(`${field}[${i}]`, `a time ${strict ? 'after' : 'not before'} ${out[i - 1]} (times must be ascending)`, x);
  }
  return out;
}

export function resolveProblem(problem: OdeProblem, options: SolveOptions = {}): ResolvedProblem {
  if (problem == null || typeof problem !== 'object') bad('problem', 'an OdeProblem object', problem);
  if (typeof problem.f !== 'function') bad('problem.f', 'a function (t, y, dydt) => void', problem.f);
  if (problem.jacobian !== undefined && typeof problem.jacobian !== 'function') bad('problem.jacobian', 'a function (t, y, jac) => void', problem.jacobian);
  const { t0, tEnd } = problem;
  if (typeof t0 !== 'number' || !Number.isFinite(t0)) bad('problem.t0', 'a finite number', t0);
  if (typeof tEnd !== 'number' || !Number.isFinite(tEnd) || !(tEnd > t0)) bad('problem.tEnd', `a finite number greater than t0=${t0}`, tEnd);
  if (!isArrayLike(problem.y0) || problem.y0.length < 1) bad('problem.y0', 'a non-empty array of numbers', problem.y0);
  const n = problem.y0.length;
  const y0 = Float64Array.from(problem.y0);
  const names = problem.names;
  if (names !== undefined && (!Array.isArray(names) || names.length !== n)) bad('problem.names', `${n} names (one per state)`, names);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y0[i]!)) bad(`problem.y0[${names?.[i] ?? i}]`, 'a finite number', problem.y0[i]);
  }

  const method = options.method ?? 'rosenbrock';
  if (method !== 'rosenbrock' && method !== 'odex') bad('method', '"rosenbrock" or "odex"', method);

  const rtol = options.rtol ?? DEFAULT_RTOL;
  // Below ~1e-13 the error estimate is dominated by rounding; above 1 it controls nothing.
  if (typeof rtol !== 'number' || !(rtol >= 1e-13 && rtol < 1)) bad('rtol', 'a number in [1e-13, 1)', rtol);

  const atolIn = options.atol ?? DEFAULT_ATOL;
  const atol = new Float64Array(n);
  if (typeof atolIn === 'number') {
    if (!(atolIn > 0) || !Number.isFinite(atolIn)) bad('atol', 'a finite number > 0', atolIn);
    atol.fill(atolIn);
  } else {
    if (!isArrayLike(atolIn) || atolIn.length !== n) bad('atol', `a number or ${n} numbers`, atolIn);
    for (let i = 0; i < n; i++) {
      const a = atolIn[i]!;
      if (!(a > 0) || !Number.isFinite(a)) bad(`atol[${names?.[i] ?? i}]`, 'a finite number > 0', a);
      atol[i] = a;
    }
  }

  const tOut = options.tOut === undefined ? Float64Array.of(t0, tEnd) : ascending('tOut', options.tOut, t0, tEnd, true);
  const stopsAll = options.tStops === undefined ? new Float64Array(0) : ascending('tStops', options.tStops, t0, tEnd, false);
  const inner: number[] = [];
  for (const s of stopsAll) if (s > t0 && s < tEnd && s !== inner[inner.length - 1]) inner.push(s);

  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) bad('maxSteps', 'a positive integer', maxSteps);
  const initialStep = options.initialStep ?? 0;
  if (options.initialStep !== undefined && (!(initialStep > 0) || !Number.isFinite(initialStep))) bad('initialStep', 'a finite number > 0', initialStep);
  const maxStep = options.maxStep ?? tEnd - t0;
  if (!(maxStep > 0) || !Number.isFinite(maxStep)) bad('maxStep', 'a finite number > 0', maxStep);
  if (options.onStep !== undefined && typeof options.onStep !== 'function') bad('onStep', 'a function (t) => boolean | void', options.onStep);
  if (options.jacobian !== undefined && options.jacobian !== 'analytic' && options.jacobian !== 'fd') bad('jacobian', '"analytic" or "fd"', options.jacobian);
  if (options.linear !== undefined && options.linear !== 'sparse' && options.linear !== 'dense') bad('linear', '"sparse" or "dense"', options.linear);
  const pattern = problem.jacobianPattern;
  if (pattern !== undefined) {
    if (pattern == null || !isArrayLike(pattern.rows) || !isArrayLike(pattern.cols) || pattern.rows.length !== pattern.cols.length) {
      bad('problem.jacobianPattern', 'an object { rows, cols } of two index arrays of equal length', pattern);
    }
    for (let m = 0; m < pattern.rows.length; m++) {
      const r = pattern.rows[m]!, c = pattern.cols[m]!;
      if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0 || r >= n || c >= n) bad(`problem.jacobianPattern entry ${m}`, `row and column indices in [0, ${n - 1}]`, `(${r}, ${c})`);
    }
  }
  const useFd = options.jacobian === 'fd';

  return {
    method, f: problem.f, jacobian: useFd ? undefined : problem.jacobian, pattern: options.linear === 'dense' ? undefined : pattern, autonomous: problem.autonomous === true, n, t0, tEnd, y0, names, rtol, atol, tOut,
    tStops: Float64Array.from(inner), maxSteps, initialStep, maxStep: Math.min(maxStep, tEnd - t0), onStep: options.onStep,
  };
}
