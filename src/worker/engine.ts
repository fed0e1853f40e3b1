// The one place the worker reaches into the engine: scenario runs, projections and bare digester runs, with progress.
import { projectScenario as project, type Projection } from '../compare/project.js';
import { runScenario as run, type ScenarioResult } from '../compare/run.js';
import { simulateDigester as simulate } from '../simulate/digester.js';
import type { DigesterResult, DigesterRun } from '../simulate/types.js';

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
