// The solver vocabulary: an ODE problem, solve options, a solution with statistics, and the error a failed run raises.

/** dy/dt = f(t, y). Writes the derivative into `dydt` (length n). Must not keep references to `y` or `dydt`. */
export type RhsFunction = (t: number, y: Float64Array, dydt: Float64Array) => void;

export interface OdeProblem {
  /** Right-hand side. */
  f: RhsFunction;
  /** Initial state at t0 (copied, never modified). */
  y0: ArrayLike<number>;
  t0: number;
  tEnd: number;
  /** Optional state names, used in error messages ("S_h2 became NaN"). */
  names?: readonly string[];
  /**
   * Optional analytic Jacobian for the Rosenbrock solver: writes df_i/dy_j into jac[i * n + j] (row-major n x n).
   * Default: column-wise finite differences (n extra f evaluations per step).
   */
  jacobian?: (t: number, y: Float64Array, jac: Float64Array) => void;
  /**
   * Optional sparsity of the Jacobian: the (row, column) entries that can be non-zero, as coordinate lists (the
   * diagonal is always included). With it the Rosenbrock solver factors its iteration matrix by a sparse LU on this
   * fixed pattern; its ordering is computed once per pattern object, so pass the same object to repeated solves.
   */
  jacobianPattern?: { rows: ArrayLike<number>; cols: ArrayLike<number> };
  /** f does not depend on t (e.g. a digester between feed changes): the solver skips the df/dt estimate, which
   *  saves an evaluation and keeps tiny rounding noise in f from being amplified by 1/dt. */
  autonomous?: boolean;
}

export type SolverMethod = 'rosenbrock' | 'odex';

export interface SolveOptions {
  method?: SolverMethod;            // default 'rosenbrock'
  rtol?: number;                    // default 1e-6
  atol?: number | ArrayLike<number>; // default 1e-8
  /** Output times (ascending, within [t0, tEnd]); the solution holds y at exactly these times. Default: [t0, tEnd]. */
  tOut?: ArrayLike<number>;
  /** Times inside (t0, tEnd) where the RHS is discontinuous (feed changes): the integrator stops and restarts there. */
  tStops?: ArrayLike<number>;
  maxSteps?: number;                // default 100000 accepted+rejected steps per solve
  initialStep?: number;             // default: automatic
  maxStep?: number;                 // default: tEnd - t0
  /** 'analytic' (default): the problem's jacobian when it has one, else finite differences; 'fd': always finite
   *  differences (n extra f evaluations per Jacobian), e.g. to cross-check an analytic Jacobian. */
  jacobian?: 'analytic' | 'fd';
  /** Linear algebra of the Rosenbrock stages: 'sparse' (default when the problem gives a jacobianPattern) or 'dense'. */
  linear?: 'sparse' | 'dense';
  /** Called after every accepted step (for progress / cancellation). Return false to stop early (outcome 'stopped'). */
  onStep?: (t: number) => boolean | void;
}

export interface SolverStats {
  method: SolverMethod;
  steps: number;        // accepted
  rejected: number;
  fEvals: number;       // RHS evaluations, including those for finite-difference Jacobians
  jacEvals: number;
  luDecomps: number;
  /** Sparse factorisations that failed the pivot threshold and were redone by the dense LU with pivoting. */
  luFallbacks?: number;
  restarts: number;     // restarts at tStops
}

export interface Solution {
  /** Output times. */
  t: Float64Array;
  /** States at output times, row-major: y[i * n + j] is state j at t[i]. */
  y: Float64Array;
  n: number;
  stats: SolverStats;
  /** 'done' or 'stopped' (onStep returned false). */
  outcome: 'done' | 'stopped';
  /** Time actually reached. */
  tReached: number;
}

/** Raised when an integration fails; says where (t) and the likely cause. */
export class SolverError extends Error {
  readonly t: number;
  readonly reason: 'step-underflow' | 'nan' | 'max-steps' | 'singular' | 'invalid-input';
  constructor(reason: SolverError['reason'], t: number, message: string) {
    super(message);
    this.name = 'SolverError';
    this.reason = reason;
    this.t = t;
  }
}
