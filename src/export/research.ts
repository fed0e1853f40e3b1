// Research results as files: the JSON documents `adsim sensitivity|uncertainty|fit --json` print (the web app's
// downloads use the same functions, so the two never drift) and CSV tables of every result, one table per file.
import type { LocalResult } from '../analysis/local.js';
import type { MorrisResult } from '../analysis/morris.js';
import type { SobolResult } from '../analysis/sobol.js';
import type { MonteCarloResult } from '../analysis/montecarlo.js';
import type { FitResult, GroupStats } from '../analysis/fit.js';
import type { DigesterFitResult } from '../analysis/digester-fit.js';
import { jsonReplacer } from './csv.js';

export type SensitivityResult = LocalResult | MorrisResult | SobolResult;

/** What a result was computed on: the file (or, in the app, the model's name), its kind, and where the runs ran. */
export interface ResultSource {
  file: string;
  kind: 'digester-run' | 'scenario';
  evaluation: string;
}

/** Runs of a sensitivity study that failed to solve (local: the runs of each failed parameter, two a parameter). */
export function sensitivityFailedRuns(r: SensitivityResult): number {
  return r.method === 'local' ? r.failures.length : r.failedRuns;
}

/**
 * `adsim sensitivity --json`: `ok` (true when every run solved, as the exit code 0; false with exit 4 when some
 * failed: docs/limits.md), the source, every key of the result, and the warnings.
 */
export function sensitivityDocument(src: ResultSource, result: SensitivityResult, warnings: string[] = []) {
  return { ok: sensitivityFailedRuns(result) === 0, file: src.file, kind: src.kind, evaluation: src.evaluation, ...result, warnings };
}

/** `adsim uncertainty --json`: `ok` (true when every sample solved, as exit code 0; false with exit 4 when some failed),
 *  series as a fan chart reads them, the time axis first, then one band per output. */
export function uncertaintyDocument(src: ResultSource, r: MonteCarloResult) {
  const { t_d, series, ...rest } = r;
  return { ok: r.failedRuns === 0, file: src.file, kind: src.kind, evaluation: src.evaluation, ...rest, series: { t_d: t_d ?? [], ...series } };
}

/** `adsim fit --json` and `adsim fit-bmp --json`: the model file, the data file, and every key of the fit. */
export function fitDocument<F extends FitResult>(file: string, data: string | undefined, fit: F) {
  return { file, ...(data === undefined ? {} : { data }), ...fit };
}

/** A document as JSON text: typed arrays as lists; `indent` 0 for one line (the CLI's stdout). */
export function jsonText(doc: unknown, indent = 2): string {
  return JSON.stringify(doc, jsonReplacer, indent || undefined) + '\n';
}

/** One row per output and input, ranked as the result ranks them; column names are the JSON keys. */
export function sensitivityRows(r: SensitivityResult): unknown[][] {
  if (r.method === 'morris') {
    return [['output', 'rank', 'factor', 'muStar', 'mu', 'sigma', 'n'],
      ...Object.entries(r.ranked).flatMap(([o, list]) => list.map((x, i) => [o, i + 1, x.factor, x.muStar, x.mu, x.sigma, x.n]))];
  }
  if (r.method === 'local') {
    return [['output', 'rank', 'parameter', 'p0', 'S', 'dydp', 'yMinus', 'yPlus', 'nominal'],
      ...Object.entries(r.ranked).flatMap(([o, list]) => list.map((x, i) => [o, i + 1, x.parameter, x.p0, x.S, x.dydp, x.yMinus, x.yPlus, r.nominal[o]]))];
  }
  return [['output', 'rank', 'input', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'variance'],
    ...Object.entries(r.outputs).flatMap(([o, x]) => x.indices.map((c, i) => [o, i + 1, c.input, c.S1, c.S1_ci?.[0], c.S1_ci?.[1], c.ST, c.ST_ci?.[0], c.ST_ci?.[1], x.variance]))];
}

/** What a sensitivity table's columns mean, for the CSV's comment lines. */
export function sensitivityNotes(r: SensitivityResult): string[] {
  if (r.method === 'morris') return [`Morris screening, ${r.trajectories} trajectories, ${r.levels} levels, seed ${r.seed}, ${r.runs} runs${r.failedRuns ? ` (${r.failedRuns} failed, left out)` : ''}`,
    'muStar: mean |elementary effect| over each input\'s full range, in the output\'s unit; mu: signed mean; sigma: spread (non-linearity, interactions)'];
  if (r.method === 'local') return [`Local sensitivity, relative step ${r.relStep}, ${r.runs} runs`,
    'S = (dy/y)/(dp/p) at the central values (empty where y or p is 0); dydp: dy/dp in output per input unit; yMinus/yPlus: output at p(1-h) and p(1+h)'];
  return [`Sobol indices (Saltelli scheme), N = ${r.N}, seed ${r.seed}, ${r.runs} runs${r.droppedRows ? ` (${r.droppedRows} rows dropped)` : ''}`,
    'S1: first-order index; ST: total index; _low/_high: 95 % bootstrap interval; variance: total variance of the output'];
}

/** Monte Carlo percentiles of every scalar output. */
export function percentileRows(r: MonteCarloResult): unknown[][] {
  return [['output', 'n', 'P10', 'P50', 'P90', 'mean', 'sd', 'min', 'max'],
    ...Object.entries(r.scalars).map(([o, s]) => [o, s.n, s.p10, s.p50, s.p90, s.mean, s.sd, s.min, s.max])];
}

/** Every Monte Carlo sample: its input values, then its scalar outputs (absent unless the run kept its samples). */
export function sampleRows(r: MonteCarloResult): unknown[][] | undefined {
  if (!r.table) return undefined;
  const ins = r.inputs.map((i) => i.name);
  const outs = [...new Set(r.table.outputs.flatMap((o) => Object.keys(o)))];
  return [['sample', ...ins, ...outs],
    ...r.table.inputs.map((p, k) => [k + 1, ...ins.map((n) => p[n]), ...outs.map((n) => r.table!.outputs[k]?.[n])])];
}

/** Percentile bands of the series over time: t_d, then P10, P50 and P90 of each series. */
export function bandRows(r: MonteCarloResult): unknown[][] | undefined {
  const names = Object.keys(r.series);
  if (!r.t_d || !names.length) return undefined;
  return [['t_d', ...names.flatMap((n) => [`${n} P10`, `${n} P50`, `${n} P90`])],
    ...r.t_d.map((t, i) => [t, ...names.flatMap((n) => [r.series[n]!.p10[i], r.series[n]!.p50[i], r.series[n]!.p90[i]])])];
}

export function monteCarloNotes(r: MonteCarloResult): string[] {
  return [`Monte Carlo, ${r.samples} ${r.sampling === 'lhs' ? 'Latin hypercube' : 'random'} samples, seed ${r.seed}${r.failedRuns ? `, ${r.failedRuns} runs failed and are left out` : ''}`,
    `inputs: ${r.inputs.map((i) => `${i.name} ${i.dist.kind}${i.unit ? ` (${i.unit})` : ''}`).join('; ')}`];
}

/** Fitted parameters with standard errors and 95 % intervals (empty where not identifiable or at a bound). */
export function fitParameterRows(f: FitResult): unknown[][] {
  return [['parameter', 'unit', 'value', 'se', 'ci95_low', 'ci95_high', 'interval_note', 'initial', 'low', 'high'],
    ...f.parameters.map((p) => [p.name, p.unit ?? '', p.value, p.se, p.ci95?.[0], p.ci95?.[1],
      p.ci95 ? (p.ci95Clipped ? 'clipped at a bound' : '') : p.atPhysicalLimit ? `at its physical limit (${p.atPhysicalLimit})` : p.atBound ? 'at a bound' : 'not identifiable', p.initial, p.low, p.high])];
}

/** R2 below which a fit is said to explain little of a series, whatever the optimiser's convergence says. */
export const R2_EXPLAINS_LITTLE = 0.5;

/** A series' goodness of fit in words: "explains little" below R2 0.5 (or where R2 is undefined), else plain figures. */
export function fitQuality(g: Pick<GroupStats, 'name' | 'r2'>): { little: boolean; text: string } {
  if (!Number.isFinite(g.r2)) return { little: true, text: `${g.name}: R² cannot be computed (the data do not vary), so the fit says nothing about how well the model follows them` };
  if (g.r2 < R2_EXPLAINS_LITTLE) {
    return { little: true, text: `${g.name}: R² ${g.r2.toFixed(2)} — the fitted model explains little of the measured data (less than half its variation), whatever the convergence message says; do not rely on these parameter values` };
  }
  return { little: false, text: `${g.name}: R² ${g.r2.toFixed(2)}` };
}

/** Goodness of fit per measured series. */
export function fitGroupRows(f: FitResult): unknown[][] {
  return [['series', 'unit', 'n', 'rmse', 'r2', 'explains_little', 'rmse_as_given', 'unit_as_given', 'basis'],
    ...f.groups.map((g) => [g.name, g.unit ?? '', g.n, g.rmse, g.r2, fitQuality(g).little, g.rmse_as_given, g.unit_as_given ?? '', g.basis ?? ''])];
}

export function fitNotes(f: FitResult): string[] {
  return [`${f.converged ? 'converged' : 'NOT converged'}: ${f.message} (${f.method}, ${f.evaluations} model runs)`,
    ...f.groups.map((g) => fitQuality(g).text), ...f.warnings];
}

const isDigesterFit = (f: FitResult): f is DigesterFitResult => Array.isArray((f as DigesterFitResult).series);

/**
 * Residuals (measured minus model), one row per measured point: the series, its unit, the time, measured, model,
 * residual. A digester fit carries its times; for other fits pass `t_d`, one time per point in data order.
 */
export function residualRows(f: FitResult, t_d?: ArrayLike<number>, units: Record<string, string> = {}): unknown[][] {
  const head = ['series', 'unit', 't_d', 'measured', 'model', 'residual'];
  if (isDigesterFit(f)) {
    return [head, ...f.series.flatMap((s) => s.t_d.map((t, i) => [s.column, units[s.column] ?? s.unit, t, s.data[i], s.model[i], s.data[i]! - s.model[i]!]))];
  }
  const rows: unknown[][] = [head];
  let k = 0;
  for (const g of f.groups) {
    for (let i = 0; i < g.n; i++, k++) rows.push([g.name, units[g.name] ?? g.unit ?? '', t_d?.[k], f.predicted[k]! + f.residuals[k]!, f.predicted[k], f.residuals[k]]);
  }
  return rows;
}
