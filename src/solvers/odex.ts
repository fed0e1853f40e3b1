// The `odex` package (Hairer's explicit GBS extrapolation, non-stiff) behind the solver interface, as a cross-check.
import { Solver, Outcome } from 'odex';
import { SolverError } from './types.js';
import type { Solution, SolverStats } from './types.js';
import type { ResolvedProblem } from './options.js';
import { OutputRows, firstNonFinite, maxStepsError, nextDown, throwNonFinite } from './common.js';

export function solveOdex(p: ResolvedProblem): Solution {
  const { n, f } = p;
  const stats: SolverStats = { method: 'odex', steps: 0, rejected: 0, fEvals: 0, jacEvals: 0, luDecomps: 0, restarts: 0 };
  const yBuf = new Float64Array(n), dBuf = new Float64Array(n);
  const out = new OutputRows(p);
  // odex copies y0 with [0].concat(y0): it must be a plain array (a Float64Array silently gives NaN).
  let y: number[] = Array.from(p.y0);
  while (out.next() <= p.t0) out.take().set(y);

  const solver = new Solver(n);
  solver.relativeTolerance = p.rtol;
  solver.absoluteTolerance = Array.from(p.atol);
  solver.denseOutput = true;
  solver.maxStepSize = p.maxStep;

  let t = p.t0;
  let tLimit = p.tEnd;
  let attempts = 0;
  let stopped = false;
  // The first non-finite derivative seen (odex may recover from it by shrinking the step; reported only if it fails).
  let nanAt = NaN;
  let nanCopy: Float64Array | null = null;
  // odex 2.0.4 skips its own maxSteps check once a step is flagged as the last one and can then spin for millions of
  // steps (seen with a sign-switching RHS). Accepted steps are counted here, and f evaluations capped, as a backstop.
  let accepted = 0;
  let exceeded = false;
  const maxEvals = p.maxSteps * 200; // odex uses at most ~2*9*9 evaluations per step with 9 extrapolation columns
  class EvalCap extends Error {}

  // odex passes y as a fresh number[] and copies the returned values at once, so one buffer can be reused.
  const rhs = (x: number, yy: number[]): Float64Array => {
    for (let i = 0; i < n; i++) yBuf[i] = yy[i]!;
    if (++stats.fEvals > maxEvals) throw new EvalCap();
    f(x < tLimit ? x : tLimit, yBuf, dBuf);
    if (nanCopy === null && firstNonFinite(dBuf, n) >= 0) { nanAt = x; nanCopy = Float64Array.from(dBuf); }
    return dBuf;
  };

  const solOut = (_nr: number, xOld: number, x: number, yy: number[], dense?: (c: number, x: number) => number): boolean => {
    if (!(x > xOld)) return true; // the initial call
    if (firstNonFinite(yy, n) >= 0) {
      // NaN slips through odex's error test (NaN comparisons are false): report the last good time instead.
      const hint = `odex's step from t=${xOld} to t=${x} produced a non-finite state`;
      if (nanCopy !== null) throwNonFinite(p, xOld, nanCopy, 'derivative', `first seen at t=${nanAt}; ${hint}`);
      throwNonFinite(p, xOld, yy, 'state', hint);
    }
    while (out.next() <= x) {
      const tq = out.next();
      const row = out.take();
      if (tq === x || !dense) row.set(yy);
      else for (let i = 0; i < n; i++) row[i] = dense(i, tq);
    }
    t = x;
    if (++accepted + attempts >= p.maxSteps) { exceeded = true; return false; }
    if (p.onStep && p.onStep(x) === false) { stopped = true; return false; }
    return true;
  };

  const nSeg = p.tStops.length + 1;
  for (let seg = 0; seg < nSeg && !stopped; seg++) {
    const isStop = seg < p.tStops.length;
    const segEnd = isStop ? p.tStops[seg]! : p.tEnd;
    // GBS evaluates f at the step end: at a stop it must see the left limit of the RHS.
    tLimit = isStop ? nextDown(segEnd) : segEnd;
    if (seg > 0) stats.restarts++;
    const remaining = p.maxSteps - attempts;
    if (remaining <= 0) throw maxStepsError(p, t, attempts, 0);
    solver.maxSteps = remaining;
    solver.initialStepSize = Math.min(p.initialStep > 0 ? p.initialStep : 1e-4, segEnd - t);
    nanCopy = null;
    // A non-finite derivative at the start cannot be cured by smaller steps: report it before odex spins on it.
    rhs(t, y);
    if (nanCopy !== null) throwNonFinite(p, t, nanCopy, 'derivative', seg > 0 ? `at the restart after the discontinuity at t=${t}` : 'at the initial state');

    accepted = 0;
    let res;
    try {
      res = solver.solve(rhs, t, y, segEnd, solOut);
    } catch (e) {
      if (e instanceof EvalCap) throw maxStepsError(p, t, attempts + accepted, 0);
      throw e;
    }
    if (exceeded) throw maxStepsError(p, t, attempts + accepted, 0);
    stats.steps += res.nAccept;
    stats.rejected += res.nReject;
    attempts += res.nStep;
    if (res.outcome === Outcome.MaxStepsExceeded) {
      if (nanCopy !== null) throwNonFinite(p, nanAt, nanCopy, 'derivative', `odex could not step past it and stopped at t=${t}`);
      throw maxStepsError(p, t, p.maxSteps, 0);
    }
    if (res.outcome === Outcome.EarlyReturn) break;
    if (firstNonFinite(res.y, n) >= 0) throwNonFinite(p, t, res.y, 'state', 'odex returned a non-finite state');
    y = res.y;
    t = segEnd;
    // Outputs at exactly segEnd are written by solOut on the last step (x === segEnd).
  }
  if (!stopped && t !== p.tEnd) throw new SolverError('step-underflow', t, `odex ended at t=${t} before tEnd=${p.tEnd}`);

  const rows = out.result();
  return { t: rows.t, y: rows.y, n, stats, outcome: stopped ? 'stopped' : 'done', tReached: t };
}
