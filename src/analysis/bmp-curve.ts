// Kinetic models for BMP (biochemical methane potential) curves, fitted as labs do: first-order B0(1-exp(-kt))
// (e.g. Angelidaki et al. 2009; Holliger et al. 2016), first-order with lag, two-pool, and modified Gompertz
// (Zwietering et al. 1990). B is cumulative specific methane yield in whatever unit the data use (e.g. NmL CH4/g VS).
import { InputError, show } from '../errors.js';
import { fitLeastSquares, type FitOptions, type FitParameter, type FitResult } from './fit.js';

export type BmpModel = 'first-order' | 'first-order-lag' | 'two-pool' | 'gompertz';
export const BMP_MODELS: readonly BmpModel[] = ['first-order', 'first-order-lag', 'two-pool', 'gompertz'];

/** The parameter names of each model, in the order `bmpCurve` takes them. */
export const BMP_PARAMS: Record<BmpModel, readonly string[]> = {
  'first-order': ['B0', 'k_1_d'],
  'first-order-lag': ['B0', 'k_1_d', 'lag_d'],
  'two-pool': ['B0', 'alpha', 'kf_1_d', 'ks_1_d'],
  gompertz: ['B0', 'Rm_per_d', 'lag_d'],
};

/** Cumulative yield B(t) of a model with parameters p (in BMP_PARAMS order). */
export function bmpCurve(model: BmpModel, p: readonly number[], t_d: number): number {
  switch (model) {
    case 'first-order': return p[0]! * (1 - Math.exp(-p[1]! * t_d));
    case 'first-order-lag': return t_d <= p[2]! ? 0 : p[0]! * (1 - Math.exp(-p[1]! * (t_d - p[2]!)));
    case 'two-pool': return p[0]! * (p[1]! * (1 - Math.exp(-p[2]! * t_d)) + (1 - p[1]!) * (1 - Math.exp(-p[3]! * t_d)));
    case 'gompertz': return p[0]! * Math.exp(-Math.exp((p[1]! * Math.E / p[0]!) * (p[2]! - t_d) + 1));
  }
}

export interface BmpFitResult extends FitResult {
  model: BmpModel;
  /** Time to reach 90 % of the fitted B0 (d), from the fitted curve; a common "technical digestion time". */
  t90_d: number;
  /** Fitted curve on a fine grid for plotting. */
  curve: { t_d: number[]; B: number[] };
}

/** Starting values and bounds from the data themselves, so users need not supply them. */
function startingPoint(model: BmpModel, t: readonly number[], B: readonly number[]): FitParameter[] {
  const Bmax = B.reduce((m: number, x: number) => Math.max(m, x), -Infinity);
  const tmax = t[t.length - 1]!;
  // Time at which the data first reach 63 % of their maximum: about 1/k for first-order kinetics.
  const i63 = B.findIndex((b) => b >= 0.632 * Bmax);
  const t63 = Math.max(t[Math.max(0, i63)]!, tmax / 100, 1e-3);
  const k0 = Math.min(50, Math.max(1e-3, 1 / t63));
  // Bounds a reader can take in: B0 and Rm from 0 (a yield or rate below zero is meaningless), not from 1e-9 x Bmax.
  const B0 = { name: 'B0', initial: 1.05 * Bmax, low: 0, high: 10 * Bmax };
  const k = { name: 'k_1_d', unit: '1/d', initial: k0, low: 1e-4, high: 100 };
  switch (model) {
    case 'first-order': return [B0, k];
    case 'first-order-lag': {
      // Lag start: the last time with (almost) no gas, or a small fraction of the test.
      const iStart = B.findIndex((b) => b > 0.02 * Bmax);
      const lag0 = Math.min(tmax / 2 * 0.99, Math.max(0, iStart > 0 ? t[iStart - 1]! : 0) + 0.01 * tmax);
      return [B0, k, { name: 'lag_d', unit: 'd', initial: lag0, low: 0, high: tmax / 2, physicalLow: 'no lag' }];
    }
    case 'two-pool':
      return [B0, { name: 'alpha', unit: '-', initial: 0.5, low: 0, high: 1 },
        { name: 'kf_1_d', unit: '1/d', initial: Math.min(100, 3 * k0), low: 1e-4, high: 100 },
        { name: 'ks_1_d', unit: '1/d', initial: 0.3 * k0, low: 1e-5, high: 100 }];
    case 'gompertz': {
      let rm = 0;
      for (let i = 1; i < t.length; i++) rm = Math.max(rm, (B[i]! - B[i - 1]!) / Math.max(t[i]! - t[i - 1]!, 1e-12));
      return [B0, { name: 'Rm_per_d', unit: 'B/d', initial: Math.max(rm, 1e-6 * Bmax), low: 0, high: 100 * Math.max(rm, Bmax) },
        { name: 'lag_d', unit: 'd', initial: 0.01 * tmax, low: 0, high: tmax / 2, physicalLow: 'no lag' }];
    }
  }
}

/** Fits a BMP model to cumulative yield data; tries Nelder-Mead if Levenberg-Marquardt does not converge. */
export function fitBmp(t_d: readonly number[], B: readonly number[], model: BmpModel = 'first-order', opts: FitOptions & { unit?: string } = {}): BmpFitResult {
  if (!BMP_MODELS.includes(model)) throw new InputError('--model', `expected one of ${BMP_MODELS.join(', ')}, got ${show(model)}`);
  if (t_d.length !== B.length) throw new InputError('data', `time and yield columns differ in length (${t_d.length} vs ${B.length})`);
  const nPar = BMP_PARAMS[model].length;
  if (t_d.length < nPar + 1) throw new InputError('data', `a ${model} fit needs at least ${nPar + 1} points, got ${t_d.length}`);
  if (!(B.reduce((m: number, x: number) => Math.max(m, x), -Infinity) > 0)) throw new InputError('data', 'the yield column never rises above 0: nothing to fit');
  const params = startingPoint(model, t_d, B);
  const problem = {
    // Units follow the data's: B0 in the yield unit, the Gompertz maximum rate in that unit per day.
    parameters: params.map((p) => (p.name === 'B0' ? { ...p, unit: opts.unit } : p.name === 'Rm_per_d' && opts.unit ? { ...p, unit: `${opts.unit}/d` } : p)),
    predict: (theta: number[]) => t_d.map((t) => bmpCurve(model, theta, t)),
    data: B,
    groups: [{ name: 'B', start: 0, end: B.length, unit: opts.unit,
      ...(opts.unit ? { as_given: { unit: opts.unit, factor: 1, basis: /^\s*N/.test(opts.unit) ? 'cumulative methane, dry, 0 C, 101.325 kPa' : 'cumulative methane as measured' } } : {}) }],
  };
  // The lag model contains first-order (lag 0): restart it from the best first-order fit, so it never ends worse.
  const starts = model === 'first-order-lag' ? [{ label: 'restart from the first-order fit with lag 0', theta: [...fitBmp(t_d, B, 'first-order', { ...opts, starts: undefined }).parameters.map((p) => p.value), 0] }] : [];
  let fit = fitLeastSquares(problem, { ...opts, starts: [...(opts.starts ?? []), ...starts] });
  if (!fit.converged && opts.method !== 'nelder-mead') {
    const nm = fitLeastSquares({ ...problem, parameters: problem.parameters.map((p, j) => ({ ...p, initial: fit.parameters[j]!.value })) }, { ...opts, method: 'nelder-mead' });
    if (nm.cost <= fit.cost) fit = { ...nm, warnings: [`Levenberg-Marquardt did not converge (${fit.message}); Nelder-Mead used instead`, ...nm.warnings] };
  }
  let theta = fit.parameters.map((p) => p.value);
  // Two pools are interchangeable: report the fast pool first so results compare across fits.
  if (model === 'two-pool' && theta[2]! < theta[3]!) {
    theta = [theta[0]!, 1 - theta[1]!, theta[3]!, theta[2]!];
    const ps = fit.parameters;
    fit.parameters = [ps[0]!, { ...ps[1]!, value: theta[1]!, ci95: ps[1]!.ci95 ? [1 - ps[1]!.ci95[1], 1 - ps[1]!.ci95[0]] : null }, { ...ps[3]!, name: 'kf_1_d' }, { ...ps[2]!, name: 'ks_1_d' }];
    // Correlations follow the swap: pools 2 and 3 trade places, and alpha' = 1 - alpha flips the sign of its row.
    const perm = [0, 1, 3, 2], sign = [1, -1, 1, 1];
    const c = fit.correlation;
    fit.correlation = perm.map((pi, i) => perm.map((pj, j) => { const v = c[pi]?.[pj]; return v == null ? null : sign[i]! * sign[j]! * v; }));
    // The fit's own warnings name the pools before the swap: rename them, and state alpha's value after it.
    fit.warnings = fit.warnings.map((w) => w
      .replace(/\b(kf|ks)_1_d\b/g, (m) => (m === 'kf_1_d' ? 'ks_1_d' : 'kf_1_d'))
      .replace(/^alpha ended at a bound \([^)]*\)/, `alpha ended at a bound (${theta[1]})`));
  }
  const tmax = t_d[t_d.length - 1]!;
  const grid = Array.from({ length: 201 }, (_, i) => (tmax * 1.2 * i) / 200);
  // t90 by bisection on the monotone fitted curve (no closed form for two-pool).
  const B0 = theta[0]!;
  let lo = 0, hi = Math.max(tmax, 1);
  while (bmpCurve(model, theta, hi) < 0.9 * B0 && hi < 1e6) hi *= 2;
  for (let i = 0; i < 100; i++) { const mid = (lo + hi) / 2; if (bmpCurve(model, theta, mid) < 0.9 * B0) lo = mid; else hi = mid; }
  return { ...fit, model, t90_d: hi < 1e6 ? hi : NaN, curve: { t_d: grid, B: grid.map((t) => bmpCurve(model, theta, t)) } };
}
