// Solver entry: `solve(problem, options)` validates the input and runs Rodas4 (default, stiff) or odex (non-stiff).
import type { OdeProblem, Solution, SolveOptions } from './types.js';
import { resolveProblem } from './options.js';
import { solveRosenbrock } from './rosenbrock.js';
import { solveOdex } from './odex.js';

export * from './types.js';

/**
 * Integrates dy/dt = f(t, y) from problem.t0 to problem.tEnd. Returns y at options.tOut (default [t0, tEnd]).
 * Throws SolverError: 'invalid-input' for bad options, 'nan', 'step-underflow', 'max-steps' or 'singular' for a failed
 * run, always with the time reached. If onStep returns false the run ends early with outcome 'stopped' and only the
 * output rows up to tReached.
 */
export function solve(problem: OdeProblem, options?: SolveOptions): Solution {
  const p = resolveProblem(problem, options);
  return p.method === 'odex' ? solveOdex(p) : solveRosenbrock(p);
}
