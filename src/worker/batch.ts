// Analysis studies through the worker pool in batches: several samples per job (one message and one start per batch,
// not per run), only the outputs the analysis keeps sent back. The same samples give the same answers as in-process.
import type { BatchEvaluate, Point, RunResult } from '../analysis/evaluate.js';
import { applyScenarioPoint, type InputWriters } from '../analysis/scenario-model.js';
import type { ProjectionBatch } from '../analysis/projection-ranges.js';
import type { DigesterRun } from '../simulate/types.js';
import type { BatchSpec } from './engine.js';
import type { SimPool } from './pool.js';

export interface BatchJobOptions {
  /** Cancels the batches in flight (their workers are stopped) and every batch not yet started. */
  signal?: AbortSignal;
  /** Points per job; default automatic (src/analysis/evaluate.ts). Results do not depend on it. */
  batchSize?: number | 'auto';
}

function submit(pool: SimPool, spec: BatchSpec, o: BatchJobOptions): Promise<RunResult[]> {
  // Background: an interactive job (an edited scenario's rerun) is served before the rest of a study.
  return pool.run('evaluateBatch', [spec], { signal: o.signal, background: true }) as Promise<RunResult[]>;
}

/**
 * Points of a digester run as one Float64Array, `names.length` values a point, so the base run crosses once per
 * batch. Every point of a study sets the same inputs; one that does not is refused rather than half-applied.
 */
export function packPoints(points: readonly Point[]): { names: string[]; values: Float64Array } {
  const names = Object.keys(points[0] ?? {});
  const values = new Float64Array(points.length * names.length);
  points.forEach((p, i) => {
    if (Object.keys(p).length !== names.length) throw new Error(`batch point ${i} sets ${Object.keys(p).length} inputs, the first sets ${names.length}`);
    names.forEach((n, j) => {
      const v = p[n];
      if (typeof v !== 'number') throw new Error(`batch point ${i} has no value for ${n}`);
      values[i * names.length + j] = v;
    });
  });
  return { names, values };
}

/** A digester run's analysis points, evaluated in worker batches (end values, and series when asked). */
export function digesterBatches(pool: SimPool, run: DigesterRun, series: boolean, o: BatchJobOptions = {}): BatchEvaluate {
  return {
    batchSize: o.batchSize,
    batch: (points) => submit(pool, { kind: 'digester', run, ...packPoints(points), series }, o),
  };
}

/** A scenario's analysis points: each written into its own copy of the JSON here, run and read in a worker. */
export function scenarioBatches(pool: SimPool, json: unknown, writers: InputWriters, series: boolean, o: BatchJobOptions = {}): BatchEvaluate {
  return {
    batchSize: o.batchSize,
    batch: (points) => submit(pool, { kind: 'scenario', jsons: points.map((p) => applyScenarioPoint(json, p, writers)), series }, o),
  };
}

/** Projection-range samples in worker batches: each sample's projectionFigures come back, not the whole projection. */
export function projectionBatches(pool: SimPool, o: BatchJobOptions = {}): ProjectionBatch {
  return (jsons, years) => submit(pool, { kind: 'projection', jsons, years }, o);
}
