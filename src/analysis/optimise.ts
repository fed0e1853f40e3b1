// Bounded least-squares optimisers: Levenberg-Marquardt (Levenberg 1944, Marquardt 1963; bounds by an active set:
// parameters held at a bound, the step solved for the rest, trial points projected onto the box) and Nelder-Mead
// (1965) with restarts, for noisy or non-smooth objectives.
import { cholesky, choleskySolve } from './linalg.js';

/** Weighted residual vector sqrt(w)(f(theta) - y); may throw or return non-finite values where the model fails. */
export type ResidualFn = (theta: number[]) => ArrayLike<number>;

export interface OptimiseOptions {
  maxIterations?: number;     // LM iterations or NM iterations per start; default 200 (LM) / 200 n (NM)
  maxEvaluations?: number;    // residual evaluations in total (including Jacobians); default 2000
  /** Relative cost reduction below which an accepted step counts as converged. Default 1e-10. */
  ftol?: number;
  /** Relative parameter change below which the fit counts as converged. Default 1e-8. */
  xtol?: number;
  /** Relative finite-difference step for the Jacobian. Default 1e-6 (use ~1e-4 for ODE models). */
  diffStep?: number;
  /** NM restarts after the first convergence. Default 3. */
  restarts?: number;
  /** Called after each iteration with evaluations so far and the best cost; return false to stop. */
  onProgress?: (evaluations: number, cost: number) => boolean | void;
}

export interface OptimiseResult {
  theta: number[];
  cost: number;
  converged: boolean;
  message: string;
  iterations: number;
  evaluations: number;
}

export interface Box { low: number[]; high: number[] }

const clampTo = (x: number[], b: Box): number[] => x.map((v, i) => Math.min(b.high[i]!, Math.max(b.low[i]!, v)));

/** Sum of squares; Infinity if any residual is not finite or the model threw. */
function costOf(r: ArrayLike<number> | null): number {
  if (!r) return Infinity;
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i]! * r[i]!;
  return Number.isFinite(s) ? s : Infinity;
}

/** Counts evaluations and turns model failures into null (a failed trial is a rejected trial, not a crash). */
export function counted(fn: ResidualFn): { call: (theta: number[]) => ArrayLike<number> | null; count: () => number; lastError: () => string } {
  let n = 0;
  let err = '';
  return {
    call: (theta) => {
      n++;
      try { return fn(theta); } catch (e) { err = e instanceof Error ? e.message : String(e); return null; }
    },
    count: () => n,
    lastError: () => err,
  };
}

/** Finite-difference step for parameter j: relative to its size, or to its range when it is near zero; inward at bounds. */
function fdStep(theta: number[], j: number, b: Box, rel: number): number {
  const range = b.high[j]! - b.low[j]!;
  const scale = Math.max(Math.abs(theta[j]!), Number.isFinite(range) ? 1e-3 * range : 0, 1e-12);
  const h = rel * scale;
  return theta[j]! + h <= b.high[j]! ? h : -h;
}

/** Forward-difference Jacobian of the residuals (rows: residuals, columns: parameters); null if a perturbed run failed. */
export function jacobian(f: (t: number[]) => ArrayLike<number> | null, theta: number[], r0: ArrayLike<number>, b: Box, rel: number): number[][] | null {
  const m = r0.length, n = theta.length;
  const J: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const h = fdStep(theta, j, b, rel);
    const t = theta.slice();
    t[j] = theta[j]! + h;
    const r = f(t);
    if (!r || costOf(r) === Infinity) return null;
    for (let i = 0; i < m; i++) J[i]![j] = (r[i]! - r0[i]!) / h;
  }
  return J;
}

/** J^T J and J^T r. */
function normalEquations(J: number[][], r: ArrayLike<number>): { A: number[][]; g: number[] } {
  const n = J[0]?.length ?? 0;
  const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const g = new Array<number>(n).fill(0);
  for (let i = 0; i < J.length; i++) {
    const row = J[i]!;
    for (let a = 0; a < n; a++) {
      g[a] += row[a]! * r[i]!;
      for (let c = 0; c <= a; c++) A[a]![c] += row[a]! * row[c]!;
    }
  }
  for (let a = 0; a < n; a++) for (let c = 0; c < a; c++) A[c]![a] = A[a]![c]!;
  return { A, g };
}

/**
 * Parameters held at a bound this iteration: at the lower bound with the cost rising inward (g_j > 0 means the descent
 * direction -g_j points below it), or at the upper bound with g_j < 0. These are the bound constraints that are active
 * in the Karush-Kuhn-Tucker sense; the others are free.
 */
function heldAtBound(theta: number[], g: number[], b: Box): boolean[] {
  return theta.map((v, j) => (v <= b.low[j]! && g[j]! > 0) || (v >= b.high[j]! && g[j]! < 0));
}

/** Solves the (damped) normal equations over the free parameters only; held parameters get a zero step. */
function reducedStep(A: number[][], g: number[], held: boolean[], lambda: number): number[] | null {
  const free = held.map((h, j) => (h ? -1 : j)).filter((j) => j >= 0);
  const delta = new Array<number>(g.length).fill(0);
  if (free.length === 0) return delta;
  const M = free.map((a) => free.map((c) => {
    const v = A[a]![c]!;
    return a === c ? v + lambda * Math.max(v, 1e-12 * (1 + v)) : v;
  }));
  const L = cholesky(M);
  if (!L) return null;
  const d = choleskySolve(L, free.map((j) => -g[j]!));
  free.forEach((j, i) => { delta[j] = d[i]!; });
  return delta;
}

/**
 * Gauss-Newton predicted cost decrease g_F^T A_FF^-1 g_F over the free parameters: how much the cost could still fall
 * by moving them. Divided by the residual variance it is the squared length of the remaining step in standard errors,
 * so it is the measure of "the gradient of the free parameters is small" that does not depend on their units.
 */
function predictedDecrease(A: number[][], g: number[], held: boolean[]): number {
  const free = held.map((h, j) => (h ? -1 : j)).filter((j) => j >= 0);
  if (free.length === 0) return 0;
  const M = free.map((a) => free.map((c) => (a === c ? A[a]![c]! * (1 + 1e-10) + 1e-300 : A[a]![c]!)));
  const L = cholesky(M);
  if (!L) return Infinity;
  const gF = free.map((j) => g[j]!);
  const d = choleskySolve(L, gF);
  return d.reduce((acc, x, i) => acc + x * gF[i]!, 0);
}

/**
 * Levenberg-Marquardt with Marquardt's diagonal scaling and an active-set treatment of the bounds: a parameter at a
 * bound whose gradient pushes outward is held there and the step is solved for the others (a projected step that
 * ignored this would spend the coupled step on a parameter that cannot move, and stop short, e.g. a BMP lag at 0
 * leaving B0 and k unfitted); a held parameter is released as soon as its gradient turns inward. "Converged" means
 * the free parameters' gradient is small (the Gauss-Newton decrease left is below 1e-9 of the cost or, where the
 * model's own noise hides it, the step left is below 0.22 standard errors), never just that a step stopped.
 */
export function levenbergMarquardt(residuals: ResidualFn, theta0: number[], box: Box, opts: OptimiseOptions = {}): OptimiseResult {
  const maxIt = opts.maxIterations ?? 200, maxEval = opts.maxEvaluations ?? 2000;
  const ftol = opts.ftol ?? 1e-10, xtol = opts.xtol ?? 1e-8, rel = opts.diffStep ?? 1e-6;
  const f = counted(residuals);
  let theta = clampTo(theta0, box);
  let r = f.call(theta);
  let cost = costOf(r);
  if (!r || cost === Infinity) {
    return { theta, cost, converged: false, message: `the model failed at the starting point${f.lastError() ? ': ' + f.lastError() : ''}`, iterations: 0, evaluations: f.count() };
  }
  const m = r.length, nPar = theta.length;
  let lambda = 1e-3;
  let slow = false; // the last accepted step reduced the cost by less than ftol
  for (let it = 1; it <= maxIt; it++) {
    const J = jacobian(f.call, theta, r!, box, rel);
    if (!J) return { theta, cost, converged: false, message: `the model failed while computing the Jacobian: ${f.lastError()}`, iterations: it, evaluations: f.count() };
    const { A, g } = normalEquations(J, r!);
    let held = heldAtBound(theta, g, box);
    const pg = g.map((gi, j) => (held[j] ? 0 : gi));
    const s2 = cost / Math.max(1, m - nPar);
    const predicted = predictedDecrease(A, g, held);
    const gscale = Math.sqrt(cost) * Math.sqrt(A.reduce((s, row, j) => s + row[j]!, 0)) + 1e-300;
    if (cost === 0 || Math.max(...pg.map(Math.abs)) <= 1e-10 * gscale) {
      return { theta, cost, converged: true, message: 'gradient of the free parameters is zero within tolerance', iterations: it, evaluations: f.count() };
    }
    if (predicted <= 1e-9 * cost) {
      return { theta, cost, converged: true, message: 'gradient of the free parameters is small (the cost can fall by less than 1e-9 of itself)', iterations: it, evaluations: f.count() };
    }
    if (slow && predicted <= 0.05 * s2) {
      return { theta, cost, converged: true, message: 'within model noise: the cost no longer falls and the predicted gain is below 5 % of the residual variance', iterations: it, evaluations: f.count() };
    }
    let accepted = false;
    while (!accepted) {
      if (f.count() >= maxEval) return { theta, cost, converged: false, message: `stopped after ${f.count()} model evaluations without converging (best point returned)`, iterations: it, evaluations: f.count() };
      // Solve over the free set; a free parameter at a bound whose step points outward joins the held set and the step
      // is solved again (at most once per parameter), so the projection never throws away a coupled step.
      let delta = reducedStep(A, g, held, lambda);
      for (let pass = 0; delta && pass < nPar; pass++) {
        const d = delta;
        const out = theta.map((v, j) => !held[j] && ((v <= box.low[j]! && d[j]! < 0) || (v >= box.high[j]! && d[j]! > 0)));
        if (!out.some(Boolean)) break;
        held = held.map((h, j) => h || out[j]!);
        delta = reducedStep(A, g, held, lambda);
      }
      if (!delta) { lambda *= 10; if (lambda > 1e16) break; continue; }
      const step = delta;
      const trial = clampTo(theta.map((v, j) => v + step[j]!), box);
      const stepSmall = trial.every((v, j) => Math.abs(v - theta[j]!) <= xtol * (Math.abs(theta[j]!) + xtol));
      if (stepSmall) {
        // A step too small to change anything: converged only if little is left to gain (judged below); otherwise more
        // damping cannot help either, so stop the inner loop and let the stationarity test decide.
        break;
      }
      const rt = f.call(trial);
      const ct = costOf(rt);
      if (ct < cost) {
        const reduction = (cost - ct) / cost;
        theta = trial; r = rt; cost = ct;
        lambda = Math.max(lambda / 3, 1e-12);
        accepted = true;
        slow = reduction < ftol;
        if (opts.onProgress && opts.onProgress(f.count(), cost) === false) {
          return { theta, cost, converged: false, message: 'cancelled (best point so far returned)', iterations: it, evaluations: f.count() };
        }
      } else {
        lambda *= 4;
        if (lambda > 1e16) break;
      }
    }
    if (!accepted) {
      // No step reduces the cost: a stationary point if the gradient is small relative to the problem's scale
      // (model noise such as ODE solver error limits how far it can be resolved), otherwise a genuine stall.
      // Judged by the Gauss-Newton predicted decrease over the free parameters: below 5 % of one residual variance
      // means the remaining parameter change is below ~0.22 standard errors, resolved as far as the model's noise allows.
      return predicted <= 0.05 * s2
        ? { theta, cost, converged: true, message: 'within model noise: no step reduces the cost and the predicted gain is below 5 % of the residual variance', iterations: it, evaluations: f.count() }
        : { theta, cost, converged: false, message: 'stalled: no step reduces the cost although the gradient of the free parameters is not small (best point returned)', iterations: it, evaluations: f.count() };
    }
  }
  return { theta, cost, converged: false, message: `stopped after ${maxIt} iterations without converging (best point returned)`, iterations: maxIt, evaluations: f.count() };
}

/** Nelder-Mead on coordinates scaled to the box (or to the start value where unbounded), restarted around the best point. */
export function nelderMead(residuals: ResidualFn, theta0: number[], box: Box, opts: OptimiseOptions = {}): OptimiseResult {
  const n = theta0.length;
  const maxEval = opts.maxEvaluations ?? 2000;
  const maxIt = opts.maxIterations ?? 200 * n;
  const ftol = opts.ftol ?? 1e-10, xtol = opts.xtol ?? 1e-8;
  const restarts = opts.restarts ?? 3;
  const f = counted(residuals);
  const start = clampTo(theta0, box);
  const scale = start.map((v, j) => {
    const range = box.high[j]! - box.low[j]!;
    return Number.isFinite(range) && range > 0 ? range : Math.max(Math.abs(v), 1);
  });
  const toTheta = (z: number[]): number[] => clampTo(z.map((v, j) => start[j]! + v * scale[j]!), box);
  const F = (z: number[]): number => costOf(f.call(toTheta(z)));
  let bestZ = new Array<number>(n).fill(0);
  let bestF = F(bestZ);
  let iterations = 0;
  let converged = false;
  let cancelled = false;
  let size = 0.1;
  for (let attempt = 0; attempt <= restarts && !cancelled; attempt++) {
    const fBefore = bestF;
    const simplex: number[][] = [bestZ.slice()];
    for (let j = 0; j < n; j++) {
      const z = bestZ.slice();
      // Step away from the nearer bound so the vertex stays inside the box.
      const th = toTheta(bestZ)[j]!;
      const dir = th + size * scale[j]! <= box.high[j]! ? 1 : -1;
      z[j] = z[j]! + dir * size;
      simplex.push(z);
    }
    let fv = simplex.map(F);
    let localConverged = false;
    for (let it = 0; it < maxIt && f.count() < maxEval; it++) {
      iterations++;
      const order = fv.map((_, i) => i).sort((a, b) => fv[a]! - fv[b]!);
      const S = order.map((i) => simplex[i]!);
      fv = order.map((i) => fv[i]!);
      simplex.splice(0, simplex.length, ...S);
      const fBest = fv[0]!, fWorst = fv[n]!;
      const extent = Math.max(...simplex.slice(1).map((v) => Math.max(...v.map((x, j) => Math.abs(x - simplex[0]![j]!)))));
      if (Number.isFinite(fWorst) && fWorst - fBest <= ftol * (Math.abs(fBest) + 1e-300) && extent <= Math.max(xtol, 1e-12)) { localConverged = true; break; }
      if (extent <= 1e-14) { localConverged = true; break; }
      const centroid = new Array<number>(n).fill(0);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i]![j]! / n;
      const worst = simplex[n]!;
      const along = (t: number): number[] => centroid.map((c, j) => c + t * (worst[j]! - c));
      const xr = along(-1); const fr = F(xr);
      if (fr < fBest) {
        const xe = along(-2); const fe = F(xe);
        if (fe < fr) { simplex[n] = xe; fv[n] = fe; } else { simplex[n] = xr; fv[n] = fr; }
      } else if (fr < fv[n - 1]!) {
        simplex[n] = xr; fv[n] = fr;
      } else {
        const outside = fr < fWorst;
        const xc = along(outside ? -0.5 : 0.5); const fc = F(xc);
        if (fc < (outside ? fr : fWorst)) { simplex[n] = xc; fv[n] = fc; } else {
          for (let i = 1; i <= n; i++) {
            simplex[i] = simplex[i]!.map((x, j) => simplex[0]![j]! + 0.5 * (x - simplex[0]![j]!));
            fv[i] = F(simplex[i]!);
          }
        }
      }
      const iBest = fv.indexOf(Math.min(...fv));
      if (fv[iBest]! < bestF) { bestF = fv[iBest]!; bestZ = simplex[iBest]!.slice(); }
      if (opts.onProgress && opts.onProgress(f.count(), bestF) === false) { cancelled = true; break; }
    }
    converged = localConverged;
    // A restart that converges without meaningful improvement confirms the optimum; stop there.
    if (attempt > 0 && localConverged && bestF >= fBefore - 1e-8 * Math.abs(fBefore)) break;
    if (f.count() >= maxEval) break;
    size = Math.max(0.02, size * 0.5);
  }
  const theta = toTheta(bestZ);
  if (cancelled) return { theta, cost: bestF, converged: false, message: 'cancelled (best point so far returned)', iterations, evaluations: f.count() };
  if (!Number.isFinite(bestF)) return { theta, cost: bestF, converged: false, message: `the model failed at every point tried${f.lastError() ? ': ' + f.lastError() : ''}`, iterations, evaluations: f.count() };
  return {
    theta, cost: bestF, converged,
    message: converged ? 'simplex collapsed within tolerance after restarts' : `stopped after ${f.count()} model evaluations without converging (best point returned)`,
    iterations, evaluations: f.count(),
  };
}
