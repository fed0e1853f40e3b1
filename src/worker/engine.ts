// The one place the worker reaches into the engine: scenario runs, projections and bare digester runs, with progress.
import { projectScenario as project, type Projection } from '../compare/project.js';
import { runScenario as run, type ScenarioResult } from '../compare/run.js';
import { simulateDigester as simulate } from '../simulate/digester.js';
import type { DigesterResult, DigesterRun } from '../simulate/types.js';
import { FEEDSTOCKS, type Feedstock } from '../../models/feedstocks/index.js';
import { scenarioOutputs as outputsOfScenario } from '../analysis/scenario-model.js';
import { digesterOutputs as outputsOfDigester } from '../analysis/digester-model.js';
import { fitDigester as fitRun, type DigesterFitOptions, type DigesterFitResult } from '../analysis/digester-fit.js';
import { fitBmp as fitCurve, type BmpFitResult, type BmpModel } from '../analysis/bmp-curve.js';
import type { MeasuredData } from '../analysis/measured.js';
import type { Outputs } from '../analysis/evaluate.js';
import { InputError } from '../errors.js';

export type ScenarioResultLike = ScenarioResult;

/** A multi-year projection: one annual account per year of the rollout, with savings against today's route. */
export type ProjectionLike = Projection;

type Tick = (t_d: number, days: number) => void;

export function runScenario(json: unknown, tick?: Tick): ScenarioResult {
  return run(json, { onProgress: tick ? (t, days) => { tick(t, days); } : undefined });
}

export function projectScenario(json: unknown, years: number, tick?: Tick): Projection {
  return project(json, years, { onProgress: tick ? (t, days) => { tick(t, days); } : undefined });
}

export function simulateDigester(run: DigesterRun): DigesterResult {
  return simulate(run);
}

// --- Research tools: one model evaluation per job (the analysis loop runs on the caller's side), fits as one job. ---

/** Feedstock values to use instead of the library's central ones: {"dog-faeces": {"BMP": 300}}. */
export type FeedstockValues = Record<string, Record<string, number>>;

const VARIABLE_FIELDS = new Set(['BMP', 'k_hyd', 'TS', 'VS_TS', 'biodegradability', 'NH4_N', 'density']);

/**
 * Runs `work` with some library records' values replaced, then restores them. The scenario engine reads the built-in
 * library directly (it takes no library argument), and a worker runs one synchronous job at a time, so swapping the
 * records for the length of the job is safe here; it would not be in shared-memory code.
 */
export function withFeedstockValues<T>(values: FeedstockValues | undefined, work: () => T): T {
  if (!values || Object.keys(values).length === 0) return work();
  const lib = FEEDSTOCKS as Feedstock[];
  const saved: Array<[number, Feedstock]> = [];
  try {
    for (const [id, fields] of Object.entries(values)) {
      const i = lib.findIndex((f) => f.id === id);
      if (i < 0) throw new InputError(`feedstock.${id}`, `unknown feedstock ${JSON.stringify(id)}`);
      const rec = { ...lib[i]! } as Feedstock & Record<string, unknown>;
      for (const [field, v] of Object.entries(fields)) {
        if (!VARIABLE_FIELDS.has(field)) throw new InputError(`feedstock.${id}.${field}`, `cannot vary ${field}; expected one of ${[...VARIABLE_FIELDS].join(', ')}`);
        if (!Number.isFinite(v)) throw new InputError(`feedstock.${id}.${field}`, `expected a finite number, got ${v}`);
        rec[field] = { ...(rec[field] as object), value: v };
      }
      saved.push([i, lib[i]!]);
      lib[i] = rec;
    }
    return work();
  } finally {
    for (const [i, rec] of saved.reverse()) lib[i] = rec;
  }
}

/** A scenario's annual figures (and daily series as typed arrays when asked), for one analysis point. */
export function scenarioOutputs(json: unknown, series: boolean, feedstocks?: FeedstockValues, tick?: Tick): Outputs {
  return withFeedstockValues(feedstocks, () => outputsOfScenario(runScenario(json, tick), series));
}

/** The last year's headline figures of a projection, for the councillors' ranges. */
export function projectionFigures(json: unknown, years: number, feedstocks?: FeedstockValues, tick?: Tick): Record<string, number> {
  const p = withFeedstockValues(feedstocks, () => projectScenario(json, years, tick));
  const last = p.years[p.years.length - 1] as unknown as Record<string, number>;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(last)) if (typeof v === 'number') out[k] = v;
  return out;
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
