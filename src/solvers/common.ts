// Helpers shared by the integrators: left limits at discontinuities, naming bad components, collecting output rows.
import { SolverError } from './types.js';
import type { ResolvedProblem } from './options.js';

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** The largest double below x (x finite). Used to evaluate f on the left side of a discontinuity at x. */
export function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  f64[0] = x;
  i64[0] = x > 0 ? i64[0]! - 1n : i64[0]! + 1n;
  return f64[0]!;
}

/** Index of the first non-finite entry, or -1. */
export function firstNonFinite(v: ArrayLike<number>, n: number): number {
  for (let i = 0; i < n; i++) if (!Number.isFinite(v[i]!)) return i;
  return -1;
}

export function componentName(p: ResolvedProblem, i: number): string {
  return p.names?.[i] ?? `y[${i}]`;
}

/** Throws SolverError('nan') naming the first bad component of `v`. `what` says whether it is the state or dy/dt. */
export function throwNonFinite(p: ResolvedProblem, t: number, v: ArrayLike<number>, what: 'state' | 'derivative', hint: string): never {
  const i = firstNonFinite(v, p.n);
  const name = componentName(p, i);
  const label = what === 'state' ? name : `d${name}/dt`;
  throw new SolverError('nan', t, `${label} became ${v[i]} at t=${t}${hint ? ` (${hint})` : ''}`);
}

/** Output rows at the requested times; filled in ascending order while integrating. */
export class OutputRows {
  readonly t: Float64Array;
  readonly y: Float64Array;
  count = 0;
  constructor(private readonly p: ResolvedProblem) {
    this.t = p.tOut;
    this.y = new Float64Array(p.tOut.length * p.n);
  }
  /** The next requested output time, or +Infinity when all are written. */
  next(): number {
    return this.count < this.t.length ? this.t[this.count]! : Infinity;
  }
  /** Returns the row to fill for the next output time and advances. */
  take(): Float64Array {
    const n = this.p.n;
    const row = this.y.subarray(this.count * n, (this.count + 1) * n);
    this.count++;
    return row;
  }
  /** The rows written so far (all of them after a complete run). */
  result(): { t: Float64Array; y: Float64Array } {
    if (this.count === this.t.length) return { t: this.t, y: this.y };
    return { t: this.t.slice(0, this.count), y: this.y.slice(0, this.count * this.p.n) };
  }
}

export function maxStepsError(p: ResolvedProblem, t: number, steps: number, h: number, fastest = ''): SolverError {
  const step = h > 0 ? ` with step ${h.toExponential(3)}` : '';
  return new SolverError('max-steps', t, `more than maxSteps=${p.maxSteps} steps (${steps} taken) before t=${p.tEnd}; reached t=${t}${step}${fastest}: the problem may be stiffer than this method handles, non-smooth (add tStops at discontinuities), or the tolerances too tight`);
}

/** ", fastest-changing state: NAME (dNAME/dt = v)": the component with the largest |dy/dt| relative to its scale. */
export function fastestComponent(p: ResolvedProblem, y: ArrayLike<number>, dy: ArrayLike<number>): string {
  let best = -1, bestV = -1;
  for (let i = 0; i < p.n; i++) {
    const v = Math.abs(dy[i]!) / (p.atol[i]! + p.rtol * Math.abs(y[i]!));
    if (v > bestV) { bestV = v; best = i; }
  }
  if (best < 0 || !Number.isFinite(bestV)) return '';
  const name = componentName(p, best);
  return `, fastest-changing state: ${name}=${y[best]!.toExponential(3)} (d${name}/dt=${dy[best]!.toExponential(3)})`;
}
