// Weighted least-squares fitting of model parameters to data, with the statistics a researcher needs to judge the
// fit: approximate confidence intervals from the Jacobian, cov = s^2 (J^T W J)^-1 (Bates & Watts 1988), parameter
// correlations, residuals, RMSE and R2 per measured series. A fit that does not converge says so.
import { InputError } from '../errors.js';
import { spdInverse } from './linalg.js';
import { counted, jacobian, levenbergMarquardt, nelderMead, type OptimiseOptions } from './optimise.js';
import { studentTQuantile } from './special.js';

export interface FitParameter {
  name: string;
  initial: number;
  low: number;
  high: number;
  unit?: string;
  /** What the value means when `low` is the physical minimum, not a chosen bound (a lag of 0 d: "no lag"). A fit
   *  that ends there has found that minimum: the warning says so instead of asking to widen the bounds. */
  physicalLow?: string;
}

export interface FitProblem {
  parameters: FitParameter[];
  /** Model values at the data points (same order as `data`). May throw where the model fails. */
  predict: (theta: number[]) => ArrayLike<number>;
  data: ArrayLike<number>;
  /** Weights (1/variance); default 1. */
  weights?: ArrayLike<number>;
  /** Contiguous index ranges of measured series (e.g. q_ch4 then pH), for per-series RMSE and R2. */
  groups?: { name: string; start: number; end: number; unit?: string; as_given?: { unit: string; factor: number; basis: string } }[];
}

export interface FitOptions extends OptimiseOptions {
  method?: 'lm' | 'nelder-mead';
  /**
   * Further starting points (e.g. the best fit of a simpler nested model, a lag at 0): the optimiser runs from each and
   * the lowest cost wins, so a fit is never worse than the simpler model it contains. Each is clamped to the bounds.
   */
  starts?: { label: string; theta: number[] }[];
}

export interface FittedParameter {
  name: string;
  unit?: string;
  value: number;
  initial: number;
  low: number;
  high: number;
  /** Standard error and 95 % interval; null where not identifiable or at a bound. */
  se: number | null;
  ci95: [number, number] | null;
  atBound: boolean;
  /** True when the linearised interval reached past a bound and `ci95` was cut back to the bounds: the data identify
   *  this parameter poorly (a warning says so). */
  ci95Clipped?: boolean;
  /** Set when the fit ended at the parameter's physical minimum (FitParameter.physicalLow): what that means, "no lag". */
  atPhysicalLimit?: string;
}

export interface GroupStats {
  name: string;
  /** Unit of `rmse`: the model's (canonical) unit of the series. */
  unit?: string;
  n: number;
  rmse: number;
  r2: number;
  /** The RMSE in the unit the data were given in, that unit (N or COD basis kept, "percentage points" for %), and
   *  what the figure is of (gas basis, nitrogen as N): set for measured series (src/analysis/measured.ts residualUnit). */
  rmse_as_given?: number;
  unit_as_given?: string;
  basis?: string;
}

export interface FitResult {
  method: 'lm' | 'nelder-mead';
  converged: boolean;
  message: string;
  iterations: number;
  evaluations: number;
  parameters: FittedParameter[];
  /** Correlation matrix in parameter order; null entries where a parameter is at a bound or not identifiable. */
  correlation: (number | null)[][];
  /** Weighted sum of squared residuals and residual variance s^2 = cost / (m - n). */
  cost: number;
  dof: number;
  s2: number;
  /** Observed minus predicted, unweighted, in data order. */
  residuals: number[];
  predicted: number[];
  groups: GroupStats[];
  warnings: string[];
}

/** Validates names, bounds and starting values; errors name the parameter. */
export function checkFitParameters(params: readonly FitParameter[]): void {
  if (params.length === 0) throw new InputError('params', 'expected at least one parameter to fit');
  const seen = new Set<string>();
  for (const p of params) {
    if (seen.has(p.name)) throw new InputError(p.name, 'parameter listed twice');
    seen.add(p.name);
    if (Number.isNaN(p.low) || Number.isNaN(p.high)) throw new InputError(p.name, `bounds must be numbers, got [${p.low}, ${p.high}]`);
    if (!(p.low < p.high)) throw new InputError(p.name, `bounds inverted or empty: low ${p.low} must be below high ${p.high}`);
    if (!Number.isFinite(p.initial)) throw new InputError(p.name, `starting value must be a finite number, got ${p.initial}`);
    if (p.initial < p.low || p.initial > p.high) throw new InputError(p.name, `starting value ${p.initial} is outside the bounds [${p.low}, ${p.high}]`);
  }
}

function groupStats(name: string, unit: string | undefined, y: ArrayLike<number>, f: ArrayLike<number>, start: number, end: number, asGiven?: { unit: string; factor: number; basis: string }): GroupStats {
  const n = end - start;
  let mean = 0;
  for (let i = start; i < end; i++) mean += y[i]!;
  mean /= n || 1;
  let ssr = 0, sst = 0;
  for (let i = start; i < end; i++) { ssr += (y[i]! - f[i]!) ** 2; sst += (y[i]! - mean) ** 2; }
  const rmse = Math.sqrt(ssr / (n || 1));
  const out: GroupStats = { name, unit, n, rmse, r2: sst > 0 ? 1 - ssr / sst : NaN };
  if (asGiven && asGiven.factor > 0) Object.assign(out, { rmse_as_given: rmse / asGiven.factor, unit_as_given: asGiven.unit, basis: asGiven.basis });
  return out;
}

/** Fits `problem.parameters` by weighted least squares. */
export function fitLeastSquares(problem: FitProblem, opts: FitOptions = {}): FitResult {
  const { parameters: params, data } = problem;
  checkFitParameters(params);
  const m = data.length, n = params.length;
  if (m === 0) throw new InputError('data', 'expected at least one data point');
  for (let i = 0; i < m; i++) if (!Number.isFinite(data[i]!)) throw new InputError('data', `data point ${i + 1} is not a finite number (${data[i]})`);
  const w = problem.weights ?? new Float64Array(m).fill(1);
  if (w.length !== m) throw new InputError('weights', `expected ${m} weights, got ${w.length}`);
  const sw = Float64Array.from({ length: m }, (_, i) => Math.sqrt(w[i]!));
  const residuals = (theta: number[]): Float64Array => {
    const f = problem.predict(theta);
    if (f.length !== m) throw new Error(`the model returned ${f.length} values for ${m} data points`);
    const r = new Float64Array(m);
    for (let i = 0; i < m; i++) r[i] = sw[i]! * (f[i]! - data[i]!);
    return r;
  };
  const box = { low: params.map((p) => p.low), high: params.map((p) => p.high) };
  const method = opts.method ?? 'lm';
  const optimise = method === 'lm' ? levenbergMarquardt : nelderMead;
  const { starts: extra = [], ...optOpts } = opts;
  let opt = optimise(residuals, params.map((p) => p.initial), box, optOpts);
  let startLabel = 'the default start';
  let evaluations = opt.evaluations, iterations = opt.iterations;
  for (const s of extra) {
    if (s.theta.length !== n || s.theta.some((v) => !Number.isFinite(v))) continue;
    const o = optimise(residuals, s.theta.map((v, j) => Math.min(box.high[j]!, Math.max(box.low[j]!, v))), box, optOpts);
    evaluations += o.evaluations; iterations += o.iterations;
    // Keep the lower cost; on a tie (within rounding) prefer a converged run.
    const tie = Math.abs(o.cost - opt.cost) <= 1e-12 * Math.max(opt.cost, 1e-300);
    if (o.cost < opt.cost && !tie || (tie && o.converged && !opt.converged)) { opt = o; startLabel = s.label; }
  }
  if (extra.length > 0) opt = { ...opt, message: `${opt.message} (best of ${extra.length + 1} starts: ${startLabel})`, evaluations, iterations };
  const theta = opt.theta;
  // Data of absurd magnitude (1e300) overflow the sum of squares: no statistic can be given, and it is the data's fault.
  if (!Number.isFinite(opt.cost)) {
    throw new InputError('data', 'the weighted sum of squared residuals overflows (values near 1e300?): check the data and its unit');
  }
  const warnings: string[] = [];
  if (!opt.converged) warnings.push(`fit did not converge: ${opt.message}`);

  // Statistics at the best point, from a fresh evaluation and Jacobian.
  const f = counted(residuals);
  const r0 = f.call(theta);
  let predicted: number[] = [];
  try { predicted = Array.from(problem.predict(theta)); } catch { predicted = new Array<number>(m).fill(NaN); }
  const res = Array.from({ length: m }, (_, i) => data[i]! - predicted[i]!);
  const dof = m - n;
  const s2 = dof > 0 ? opt.cost / dof : NaN;
  const atBound = theta.map((v, j) => {
    const tol = 1e-9 * Math.max(1, Math.abs(v));
    return v - box.low[j]! <= tol || box.high[j]! - v <= tol;
  });
  const se: (number | null)[] = new Array(n).fill(null);
  const corr: (number | null)[][] = Array.from({ length: n }, () => new Array<number | null>(n).fill(null));
  if (dof <= 0) warnings.push(`no confidence intervals: ${m} data points for ${n} parameters leave no degrees of freedom`);
  else if (r0) {
    // Parameters at a bound are held fixed: their linearised interval means nothing there.
    const free = theta.map((_, j) => j).filter((j) => !atBound[j]);
    const J = jacobian(f.call, theta, r0, box, opts.diffStep ?? 1e-6);
    if (!J) warnings.push('no confidence intervals: the model failed next to the best point');
    else if (free.length > 0) {
      const A = free.map((a) => free.map((c) => J.reduce((s, row) => s + row[a]! * row[c]!, 0)));
      const inv = spdInverse(A);
      if (!inv) warnings.push(`no confidence intervals: parameters ${free.map((j) => params[j]!.name).join(', ')} are not identifiable from these data (J^T W J is singular)`);
      else {
        free.forEach((a, ia) => {
          se[a] = Math.sqrt(s2 * inv[ia]![ia]!);
          free.forEach((c, ic) => { corr[a]![c] = inv[ia]![ic]! / Math.sqrt(inv[ia]![ia]! * inv[ic]![ic]!); });
        });
        for (let a = 0; a < free.length; a++) for (let c = 0; c < a; c++) {
          const rho = corr[free[a]!]![free[c]!]!;
          if (Math.abs(rho) > 0.95) warnings.push(`${params[free[a]!]!.name} and ${params[free[c]!]!.name} are strongly correlated (r = ${rho.toFixed(3)}): the data constrain a combination of them, not each one`);
        }
      }
    }
  }
  atBound.forEach((b, j) => {
    if (!b) return;
    const p = params[j]!;
    if (p.physicalLow && theta[j]! <= p.low) {
      warnings.push(`${p.name} is at its physical lower limit, ${p.low}${p.unit && p.unit !== '-' ? ` ${p.unit}` : ''} (${p.physicalLow}): the data show none; that is a result, and the bounds need no change`);
    } else warnings.push(`${p.name} ended at a bound (${theta[j]}); widen the bounds or fix it`);
  });
  const tq = dof > 0 ? studentTQuantile(0.975, dof) : NaN;
  const fitted: FittedParameter[] = params.map((p, j) => {
    const out: FittedParameter = {
      name: p.name, unit: p.unit, value: theta[j]!, initial: p.initial, low: p.low, high: p.high,
      se: se[j] ?? null, ci95: null, atBound: atBound[j]!,
    };
    if (atBound[j] && p.physicalLow && theta[j]! <= p.low) out.atPhysicalLimit = p.physicalLow;
    if (se[j] == null) return out;
    // The linearised interval knows nothing of the bounds; one that crosses them (ks from -0.24 though ks > 0) is
    // cut back to them and the parameter named as poorly identified, never reported as an impossible range.
    const lo = theta[j]! - tq * se[j]!, hi = theta[j]! + tq * se[j]!;
    out.ci95 = [Math.max(lo, p.low), Math.min(hi, p.high)];
    if (lo < p.low || hi > p.high) {
      out.ci95Clipped = true;
      warnings.push(`${p.name} is poorly identified: its 95 % interval ${lo.toPrecision(3)} .. ${hi.toPrecision(3)} crosses the bounds [${p.low}, ${p.high}] and is shown clipped to them`);
    }
    return out;
  });
  const groups = (problem.groups ?? [{ name: 'data', start: 0, end: m }]).map((g) => groupStats(g.name, g.unit, data, predicted, g.start, g.end, g.as_given));
  return {
    method, converged: opt.converged, message: opt.message, iterations: opt.iterations, evaluations: opt.evaluations,
    parameters: fitted, correlation: corr, cost: opt.cost, dof, s2, residuals: res, predicted, groups, warnings,
  };
}
