// Digester run description and result: what simulateDigester takes and returns (plain data, worker-transferable).
import type { SolveOptions, SolverStats } from '../solvers/types.js';
import type { StateName } from '../../models/adm1/components.js';
import type { OutputName } from '../../models/adm1/outputs.js';
import type { KineticsMode } from './temperature.js';

/** ADM1 influent concentrations by standard state name (kg COD/m3; S_IC kmol C/m3; S_IN kmol N/m3; S_cation/S_anion kmol/m3). */
export type InfluentState = Partial<Record<StateName, number>>;

/** One row of a piecewise-constant feed: holds from `time_d` until the next row's time. */
export interface FeedSegment {
  time_d: number;
  q_m3_d: number;
  state: InfluentState;   // missing states are 0
}

export interface DigesterSpec {
  V_liq_m3: number;
  V_gas_m3: number;
  T_op_K: number;
}

export interface DigesterRun {
  digester: DigesterSpec;
  /** Sorted by time_d; the first row must start at or before t = 0. */
  feed: FeedSegment[];
  /** Any subset of the 29 states; the rest from the documented default (see models/adm1/initial.ts). */
  initial?: Partial<Record<StateName, number>>;
  /** ADM1 parameter overrides by name (see models/adm1/parameters.ts). */
  parameters?: Partial<Record<string, number>>;
  /**
   * Kinetic rates: "35C" (BSM2 values, the default) or "temperature-corrected" to T_op (src/simulate/temperature.ts).
   * `given`: parameters taken as valid at T_op and never corrected (default: every key of `parameters`).
   */
  kinetics?: { mode: KineticsMode; given?: string[] };
  days: number;
  output_every_d?: number;   // default 1
  /** The series to keep (default: every output). Callers that read a few (the scenario pipeline) save the rest's
   *  memory; the series the run warnings read are always kept, and `final` always has every output. */
  series?: readonly OutputName[];
  /** Solver options; `jacobian: 'fd'` and `linear: 'dense'` select the finite-difference Jacobian and dense LU. */
  solver?: Pick<SolveOptions, 'method' | 'rtol' | 'atol' | 'maxSteps' | 'jacobian' | 'linear'>;
  /** Caveats and notes from building the run (e.g. "dog faeces figures are estimates"), reported with its warnings. */
  notes?: string[];
  /** Progress / cancellation hook, called after accepted steps with the simulated time; return false to stop. */
  onProgress?: (t_d: number) => boolean | void;
}

export interface DigesterResult {
  /** Output times (d). */
  t_d: Float64Array;
  /** Every output by name (states, ions, pH, gas pressures and flows, indicators), one value per output time; only
   *  those named in the run's `series` (and what its warnings read) when it names them. */
  series: Record<OutputName, Float64Array>;
  /** Outputs at the last output time, plus t_d. */
  final: Record<OutputName | 't_d', number>;
  stats: SolverStats & { wall_ms: number; model: string; model_version: string };
  warnings: string[];
  outcome: 'done' | 'stopped';
}
