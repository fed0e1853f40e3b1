// The one place the worker reaches into the engine: scenario runs, projections and bare digester runs, with progress.
import { ProjectionFailedError, projectScenario as project, projectYears as projectByYear, type PartialProjection, type Projection } from '../pipeline/project.js';
import { runScenario as run, type ScenarioResult } from '../pipeline/run.js';
import { simulateDigester as simulate } from '../simulate/digester.js';
import type { DigesterResult, DigesterRun } from '../simulate/types.js';
import { scenarioOutputs as outputsOfScenario } from '../analysis/scenario-model.js';
import { digesterOutputs as outputsOfDigester } from '../analysis/digester-model.js';
import { fitDigester as fitRun, type DigesterFitOptions, type DigesterFitResult } from '../analysis/digester-fit.js';
import { fitBmp as fitCurve, type BmpFitResult, type BmpModel } from '../analysis/bmp-curve.js';
import type { MeasuredData } from '../analysis/measured.js';
import { fitFeedstockBmp as fitRecord, type FeedstockBmpFitOptions, type FeedstockBmpFitResult } from '../analysis/bmp-adm1.js';
import type { Feedstock } from '../../models/feedstocks/types.js';
import type { Outputs } from '../analysis/evaluate.js';
import { applyPoint } from '../analysis/digester-model.js';
import { projectionFigures } from '../analysis/projection-ranges.js';

export type ScenarioResultLike = ScenarioResult;

/** A multi-year projection: one annual account per year of the rollout, with savings against today's route. */
export type ProjectionLike = Projection;

/** A projection some of whose years failed to solve, in the CLI's JSON form (`adsim project --json`, exit 4). */
export type PartialProjectionLike = PartialProjection & { ok: false; partial: true };

type Tick = (t_d: number, days: number) => void;

export function runScenario(json: unknown, tick?: Tick): ScenarioResult {
  return run(json, { onProgress: tick ? (t, days) => { tick(t, days); } : undefined });
}

export function projectScenario(json: unknown, years: number, tick?: Tick): Projection {
  return project(json, years, { onProgress: tick ? (t, days) => { tick(t, days); } : undefined });
}

/**
 * The projection as `adsim project` reports it: whole, or partial when some years failed to solve (the years that ran,
 * each failed year with its reason, totals over the years that ran, no whole-life economics). Every year failing is
 * an error, as in the CLI (exit 3).
 */
export function projectYears(json: unknown, years: number, tick?: Tick): Projection | PartialProjectionLike {
  const r = projectByYear(json, years, { onProgress: tick ? (t, days) => { tick(t, days); } : undefined });
  if (!('partial' in r)) return r.projection;
  if (!r.partial.years.length) throw new ProjectionFailedError(r.partial.failed_years, r.partial.failed_years.length);
  return { ok: false, partial: true, ...r.partial };
}

export function simulateDigester(run: DigesterRun): DigesterResult {
  return simulate(run);
}

// --- Research tools: one model evaluation per job (the analysis loop runs on the caller's side), fits as one job. ---

/** A scenario's annual figures (and daily series as typed arrays when asked), for one analysis point. Sampled
 *  feedstock values arrive in the JSON's own `feedstocks` overrides, so the shared library is never touched. */
export function scenarioOutputs(json: unknown, series: boolean, tick?: Tick): Outputs {
  return outputsOfScenario(runScenario(json, tick), series);
}

/** A digester run's end values (and series) for one analysis point; gas flows in Nm3/d. */
export function digesterOutputs(run: DigesterRun, series: boolean): Outputs {
  const out = outputsOfDigester(run, simulate(run), series);
  // Plain arrays from a typed-array map are copied into typed arrays so they travel as transfers.
  for (const [k, v] of Object.entries(out)) if (Array.isArray(v)) out[k] = Float64Array.from(v);
  return out;
}

export function fitDigester(run: DigesterRun, data: MeasuredData, names: string[], opts: DigesterFitOptions): DigesterFitResult {
  return fitRun(run, data, names, opts);
}

export function fitBmp(t_d: number[], B: number[], model: BmpModel, unit?: string): BmpFitResult {
  return fitCurve(t_d, B, model, unit ? { unit } : {});
}

/** A feedstock record's BMP and k_hyd fitted through the simulated ADM1 assay to a measured curve (NL CH4/kg VS). */
export function fitFeedstockBmp(f: Feedstock, t_d: number[], B_NL_kgVS: number[], opts: FeedstockBmpFitOptions): FeedstockBmpFitResult {
  return fitRecord(f, t_d, B_NL_kgVS, opts);
}

// --- Batches: several analysis points in one job, returning only what the analysis keeps. ---

/**
 * One batch job. A digester batch sends its base run once and the points as one transferable Float64Array (row-major,
 * `names.length` values a point); scenario and projection batches send each sample's scenario JSON (written on the
 * caller's side, where the writers live). Projections return only the figures the ranges summarise.
 */
export type BatchSpec =
  | { kind: 'digester'; run: DigesterRun; names: string[]; values: Float64Array; series: boolean }
  | { kind: 'scenario'; jsons: unknown[]; series: boolean }
  | { kind: 'projection'; jsons: unknown[]; years: number };

/** Each point's outputs, or its own error (a failed sample is reported, never dropped). */
export type BatchItem = { ok: true; outputs: Outputs } | { ok: false; error: string };

export function batchSize(spec: BatchSpec): number {
  if (spec.kind === 'digester') return spec.names.length ? spec.values.length / spec.names.length : 0;
  return spec.jsons.length;
}

export function evaluateBatch(spec: BatchSpec, tick?: Tick): BatchItem[] {
  const n = batchSize(spec);
  const out: BatchItem[] = [];
  for (let i = 0; i < n; i++) {
    try {
      out.push({ ok: true, outputs: evaluateOne(spec, i) });
    } catch (e) {
      out.push({ ok: false, error: e instanceof Error ? e.message : String(e) });
    }
    tick?.(i + 1, n);
  }
  return out;
}

function evaluateOne(spec: BatchSpec, i: number): Outputs {
  if (spec.kind === 'digester') {
    const k = spec.names.length;
    const point: Record<string, number> = {};
    for (let j = 0; j < k; j++) point[spec.names[j]!] = spec.values[i * k + j]!;
    return digesterOutputs(applyPoint(spec.run, point), spec.series);
  }
  if (spec.kind === 'scenario') return outputsOfScenario(run(spec.jsons[i]), spec.series);
  return projectionFigures(project(spec.jsons[i], spec.years));
}
