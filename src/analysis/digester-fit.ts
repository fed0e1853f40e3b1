// Calibration of ADM1 parameters of a digester run against measured data (flows, cumulative gas, methane fraction,
// pH, VFA, ammonium) by weighted least squares. Weights are 1/sigma^2 per measured series.
import { InputError } from '../errors.js';
import { parameterDef, type OutputName } from '../../models/adm1/index.js';
import { simulateDigester } from '../simulate/digester.js';
import type { DigesterResult, DigesterRun } from '../simulate/types.js';
import { applyPoint, checkDigesterInput, defaultInput, nominalValue, normalFactor } from './digester-model.js';
import { support } from './distributions.js';
import { fitLeastSquares, type FitOptions, type FitParameter, type FitProblem, type FitResult } from './fit.js';
import { residualUnit, type MeasureKind, type MeasuredData, type MeasuredSeries } from './measured.js';

/** The model output each measured kind is compared with (wet-basis gas; dry data use DRY_OUTPUT). */
const MODEL_OUTPUT: Partial<Record<MeasureKind, OutputName>> = {
  q_gas: 'q_gas_norm_m3_d', q_ch4: 'q_ch4_norm_m3_d', V_gas: 'q_gas_norm_m3_d', V_ch4: 'q_ch4_norm_m3_d',
  ch4_fraction: 'ch4_fraction', pH: 'pH', VFA: 'VFA_kgCOD_m3', NH4: 'S_IN',
};
/** Dry-basis outputs (water vapour removed): biogas in Nm3/d dry, methane fraction CH4/(CH4+CO2). */
const DRY_OUTPUT: Partial<Record<MeasureKind, OutputName>> = { q_gas: 'q_biogas_dry_Nm3_d', V_gas: 'q_biogas_dry_Nm3_d', ch4_fraction: 'ch4_fraction_dry' };

/**
 * The model series a measured series is compared with, and the factor that puts it in the data's units: data are
 * dry unless their header says wet. Engine wet flows are at P_atm and T_op (x normalFactor gives Nm3); the dry
 * biogas output is already in Nm3 (÷ normalFactor gives m3 at P_atm and T_op).
 */
function outputFor(run: DigesterRun, s: MeasuredSeries): { name: OutputName; factor: number } | null {
  const dry = s.basis !== 'wet' ? DRY_OUTPUT[s.kind] : undefined;
  if (dry) return { name: dry, factor: s.kind === 'ch4_fraction' || s.normal ? 1 : 1 / normalFactor(run) };
  const name = MODEL_OUTPUT[s.kind];
  if (!name) return null;
  const gas = s.kind === 'q_gas' || s.kind === 'q_ch4' || s.kind === 'V_gas' || s.kind === 'V_ch4';
  return { name, factor: gas && s.normal ? normalFactor(run) : 1 };
}

/**
 * Default measurement standard deviations (estimates): pH 0.05 (probe accuracy); everything else 5 % of the
 * series' mean magnitude. Users with replicate data should pass their own.
 */
export function defaultSigma(s: MeasuredSeries): number {
  if (s.kind === 'pH') return 0.05;
  const m = s.values.reduce((a, b) => a + Math.abs(b), 0) / s.values.length;
  return Math.max(0.05 * m, 1e-12);
}

export interface DigesterFitOptions extends FitOptions {
  /** Measurement standard deviation per kind, in canonical units (m3/d, m3, -, kg COD/m3, kmol N/m3). */
  sigma?: Partial<Record<MeasureKind, number>>;
  /** Bounds per parameter; default the parameter table's range, else ±50 %, widened to include the start value. */
  bounds?: Record<string, [number, number]>;
  /** Starting values; default the run's values. */
  initial?: Record<string, number>;
}

export interface DigesterFitResult extends FitResult {
  /** Per measured series: data and model at the data times, and the fitted model on the output grid for plots. */
  series: { kind: MeasureKind; column: string; unit: string; t_d: number[]; data: number[]; model: number[] }[];
  curve: { t_d: number[]; values: Record<string, number[]> };
}

/** Linear interpolation of y(t) at t (t sorted ascending). */
function interp(t: ArrayLike<number>, y: ArrayLike<number>, x: number): number {
  let lo = 0, hi = t.length - 1;
  if (x <= t[0]!) return y[0]!;
  if (x >= t[hi]!) return y[hi]!;
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (t[mid]! <= x) lo = mid; else hi = mid; }
  return y[lo]! + (y[hi]! - y[lo]!) * (x - t[lo]!) / (t[hi]! - t[lo]!);
}

/** Model values for one measured series from a simulation result (flows and volumes converted as the data are). */
export function modelAt(run: DigesterRun, r: DigesterResult, s: MeasuredSeries): number[] {
  const out = outputFor(run, s);
  if (!out) throw new InputError(`column ${JSON.stringify(s.column)}`, 'a BMP yield cannot be fitted to a digester run; use `adsim fit-bmp`');
  const y = r.series[out.name]!;
  const f = out.factor;
  if (s.kind === 'V_gas' || s.kind === 'V_ch4') {
    // Cumulative volume from the first measured time, offset by the first measurement (a meter's zero is arbitrary).
    const t = r.t_d;
    const cum = new Float64Array(t.length);
    for (let i = 1; i < t.length; i++) cum[i] = cum[i - 1]! + 0.5 * (y[i]! + y[i - 1]!) * (t[i]! - t[i - 1]!);
    const c0 = interp(t, cum, s.t_d[0]!);
    return s.t_d.map((x) => s.values[0]! + f * (interp(t, cum, x) - c0));
  }
  return s.t_d.map((x) => f * interp(r.t_d, y, x));
}

/** Fits `names` (ADM1 parameters or run inputs) of `run` to `data`. */
export function fitDigester(run: DigesterRun, data: MeasuredData, names: readonly string[], opts: DigesterFitOptions = {}): DigesterFitResult {
  if (names.length === 0) throw new InputError('--params', 'expected at least one parameter to fit, e.g. k_hyd_ch,k_dis');
  names.forEach((n) => checkDigesterInput(n, `--params ${n}`));
  for (const s of data.series) if (!outputFor(run, s)) modelAt(run, {} as DigesterResult, s);
  const tLast = data.t_d[data.t_d.length - 1]!;
  const tFirst = data.t_d[0]!;
  // Simulate to the last measurement on a grid fine enough for the data spacing.
  let minGap = Infinity;
  for (let i = 1; i < data.t_d.length; i++) minGap = Math.min(minGap, data.t_d[i]! - data.t_d[i - 1]!);
  // Prefer a grid that contains every measurement time (no interpolation error); otherwise a fine grid.
  const onGrid = (g: number): boolean => data.t_d.every((t) => Math.abs(t / g - Math.round(t / g)) < 1e-9 * Math.max(1, t / g));
  let every = Number.isFinite(minGap) ? minGap : Math.max(tLast, 1e-3);
  while (every > Math.max(tLast, 1e-3) / 25) every /= 2;
  if (!onGrid(every)) every = Math.min(run.output_every_d ?? 1, Number.isFinite(minGap) ? minGap / 4 : 1, Math.max(tLast, 1e-3) / 100);
  // Tighter solver tolerances than a plain run: finite-difference Jacobians need outputs smooth in the parameters.
  const base: DigesterRun = { ...run, days: tLast, output_every_d: every, solver: { ...run.solver, rtol: Math.min(run.solver?.rtol ?? 1e-6, 1e-7), atol: Math.min(typeof run.solver?.atol === "number" ? run.solver.atol : 1e-8, 1e-9) } };
  if (tFirst < 0) throw new InputError('data', 'measurement times must be >= 0 (day 0 is the start of the run)');
  const params: FitParameter[] = names.map((n) => {
    const v = opts.initial?.[n] ?? nominalValue(run, n);
    let [lo, hi] = opts.bounds?.[n] ?? support(defaultInput(run, n).dist);
    if (!opts.bounds?.[n]) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    return { name: n, initial: v, low: lo, high: hi, unit: parameterDef(n)?.unit };
  });
  const sigmas = data.series.map((s) => {
    const sg = opts.sigma?.[s.kind] ?? defaultSigma(s);
    if (!(sg > 0)) throw new InputError(`sigma ${s.kind}`, `expected a standard deviation > 0, got ${sg}`);
    return sg;
  });
  const y: number[] = [], w: number[] = [];
  const groups: NonNullable<FitProblem['groups']> = [];
  data.series.forEach((s, k) => {
    groups.push({ name: s.column, start: y.length, end: y.length + s.values.length, unit: s.unit, as_given: residualUnit(s) });
    for (const v of s.values) { y.push(v); w.push(1 / sigmas[k]! ** 2); }
  });
  const simulate = (theta: number[]): { run: DigesterRun; r: DigesterResult } => {
    const point = Object.fromEntries(names.map((n, j) => [n, theta[j]!]));
    const rr = applyPoint(base, point);
    const r = simulateDigester(rr);
    if (r.outcome !== 'done') throw new Error('simulation stopped early');
    return { run: rr, r };
  };
  const predict = (theta: number[]): number[] => {
    const { run: rr, r } = simulate(theta);
    return data.series.flatMap((s) => modelAt(rr, r, s));
  };
  // ODE solutions carry solver error ~rtol: a finite-difference step well above it keeps the Jacobian meaningful.
  const fit = fitLeastSquares({ parameters: params, predict, data: y, weights: w, groups }, { diffStep: 1e-3, maxEvaluations: 400, ...opts });
  const series = data.series.map((s, k) => ({
    kind: s.kind, column: s.column, unit: s.unit, t_d: s.t_d, data: s.values,
    model: fit.predicted.slice(groups[k]!.start, groups[k]!.end),
  }));
  let curve: DigesterFitResult['curve'] = { t_d: [], values: {} };
  try {
    const { run: rr, r } = simulate(fit.parameters.map((p) => p.value));
    const values: Record<string, number[]> = {};
    for (const s of data.series) {
      const out = outputFor(rr, s)!;
      if (!s.kind.startsWith('V_')) values[s.column] = Array.from(r.series[out.name]!, (v) => v * out.factor);
    }
    curve = { t_d: Array.from(r.t_d), values };
  } catch { /* the best point failed to re-run: keep the fit, skip the curve */ }
  return { ...fit, series, curve };
}
