// simulateDigester: one CSTR digester with headspace, piecewise-constant feed, solved segment by segment so the
// integrator restarts exactly at every feed change. Pure function of its input (no I/O), so workers can run it.
import {
  DERIVED_OUTPUT_NAMES, IDX, MODEL_NAME, MODEL_VERSION, N_STATES, STATE_NAMES, createAdm1Model, defaultInitialVector,
  defaultParameters, deriveOutputs,
} from '../../models/adm1/index.js';
import { solve } from '../solvers/index.js';
import { SolverError, type SolverStats } from '../solvers/types.js';
import type { DigesterResult, DigesterRun } from './types.js';
import { literatureRangeWarnings, validateRun } from './validate.js';
import { runWarnings } from './warnings.js';
import { applyKinetics } from './temperature.js';

const DEFAULT_RTOL = 1e-6, DEFAULT_ATOL = 1e-8;
/** Hydrogen states are ~1e-7 kg COD/m3: their absolute tolerance is scaled down so they are resolved too. */
const HYDROGEN_ATOL_FACTOR = 1e-3;

/** Output times 0, every, 2*every, ..., days (days always included). */
export function outputGrid(days: number, every: number): Float64Array {
  const n = Math.floor(days / every + 1e-9);
  const ts: number[] = [];
  for (let i = 0; i <= n; i++) ts.push(Math.min(i * every, days));
  if (days - ts[ts.length - 1]! > 1e-9 * Math.max(1, days)) ts.push(days);
  return Float64Array.from(ts);
}

/** A state below -(NEGATIVE_ATOL_FACTOR x atol + NEGATIVE_REL x its scale) is a failed solution, not rounding. */
const NEGATIVE_ATOL_FACTOR = 100, NEGATIVE_REL = 1e-3;

/**
 * Refuses a solution whose concentrations went meaningfully negative (a stiff solver can overshoot through zero
 * when parameters are extreme): the error names the solver state (time, variable, value), since the input that
 * led there may be valid on its own. Updates `scale` with the magnitudes seen.
 */
function checkStates(ts: Float64Array, ys: Float64Array, atol: Float64Array, scale: Float64Array): void {
  for (let i = 0; i < ts.length; i++) {
    for (let j = 0; j < N_STATES; j++) {
      const v = ys[i * N_STATES + j]!;
      const a = Math.abs(v);
      if (a > scale[j]!) scale[j] = a;
      if (v < -(NEGATIVE_ATOL_FACTOR * atol[j]! + NEGATIVE_REL * scale[j]!)) {
        throw new SolverError('nan', ts[i]!, `state ${STATE_NAMES[j]} went negative (${v.toPrecision(3)}) at t = ${Number(ts[i]!.toPrecision(6))} d: the solution is not physical; tighten solver.rtol/atol or check parameters far from their defaults`);
      }
    }
  }
}

export function simulateDigester(run: DigesterRun): DigesterResult {
  validateRun(run);
  const started = performance.now();
  // Kinetic rates are corrected to T_op here, before the model is built (the model itself stays at its parameters).
  const kin = applyKinetics({ ...defaultParameters(), ...run.parameters } as Record<string, number>, run.digester.T_op_K,
    run.kinetics?.mode ?? '35C', run.kinetics?.given ?? Object.keys(run.parameters ?? {}));
  const params = kin.parameters;
  const model = createAdm1Model(run.digester, params);
  const y = defaultInitialVector();
  for (const [k, v] of Object.entries(run.initial ?? {})) y[IDX[k]!] = v!;

  const tGrid = outputGrid(run.days, run.output_every_d ?? 1);
  const nOut = tGrid.length, nDerived = DERIVED_OUTPUT_NAMES.length;
  const states = new Float64Array(nOut * N_STATES);
  const rtol = run.solver?.rtol ?? DEFAULT_RTOL;
  const atolScalar = typeof run.solver?.atol === 'number' ? run.solver.atol : DEFAULT_ATOL;
  const atol = new Float64Array(N_STATES).fill(atolScalar);
  atol[IDX.S_h2!] = atolScalar * HYDROGEN_ATOL_FACTOR;
  atol[IDX.S_gas_h2!] = atolScalar * HYDROGEN_ATOL_FACTOR;

  const stats: SolverStats = { method: run.solver?.method ?? 'rosenbrock', steps: 0, rejected: 0, fEvals: 0, jacEvals: 0, luDecomps: 0, restarts: 0, luFallbacks: 0 };
  const influent = new Float64Array(N_STATES);
  // Scale of each state (largest magnitude seen in the initial state, the feed and the solution so far), for
  // judging when a negative value is an error rather than rounding.
  const scale = Float64Array.from(y, Math.abs);
  for (const row of run.feed) for (const [k, v] of Object.entries(row.state)) scale[IDX[k]!] = Math.max(scale[IDX[k]!]!, Math.abs(v!));
  let outcome: 'done' | 'stopped' = 'done';
  let iOut = 0, tNow = 0;

  for (let s = 0; s < run.feed.length && tNow < run.days; s++) {
    const row = run.feed[s]!;
    const segEnd = Math.min(s + 1 < run.feed.length ? run.feed[s + 1]!.time_d : Infinity, run.days);
    if (segEnd <= tNow) continue;
    influent.fill(0);
    for (const [k, v] of Object.entries(row.state)) influent[IDX[k]!] = v!;
    model.setFeed(row.q_m3_d, influent);
    // Output times inside this segment (the segment's start only for the very first output), plus the segment end.
    const tOut: number[] = [];
    const first = iOut;
    while (iOut < nOut && tGrid[iOut]! <= segEnd) tOut.push(tGrid[iOut++]!);
    const endIsOutput = tOut.length > 0 && tOut[tOut.length - 1] === segEnd;
    if (!endIsOutput) tOut.push(segEnd);
    const sol = solve(
      { f: model.rhs, jacobian: model.jacobian, jacobianPattern: model.pattern, y0: y, t0: tNow, tEnd: segEnd, names: STATE_NAMES, autonomous: true },
      {
        method: run.solver?.method, rtol, atol, tOut, maxSteps: run.solver?.maxSteps, onStep: run.onProgress,
        jacobian: run.solver?.jacobian, linear: run.solver?.linear,
      },
    );
    checkStates(sol.t, sol.y, atol, scale);
    if (s > 0) stats.restarts++;
    for (const k of ['steps', 'rejected', 'fEvals', 'jacEvals', 'luDecomps', 'restarts'] as const) stats[k] += sol.stats[k];
    stats.luFallbacks! += sol.stats.luFallbacks ?? 0;
    const rows = sol.t.length;
    const taken = Math.min(rows, iOut - first);
    states.set(sol.y.subarray(0, taken * N_STATES), first * N_STATES);
    if (rows > 0) y.set(sol.y.subarray((rows - 1) * N_STATES, rows * N_STATES));
    tNow = sol.tReached;
    if (sol.outcome === 'stopped') { outcome = 'stopped'; iOut = first + taken; break; }
  }

  const nDone = outcome === 'done' ? nOut : iOut;
  // Every series is a view into one buffer: one allocation, and one ArrayBuffer to transfer from a worker.
  const block = new Float64Array((N_STATES + nDerived + 1) * nDone);
  const series: Record<string, Float64Array> = {};
  [...STATE_NAMES, ...DERIVED_OUTPUT_NAMES].forEach((name, k) => { series[name] = block.subarray(k * nDone, (k + 1) * nDone); });
  const derived = new Float64Array(nDerived);
  for (let i = 0; i < nDone; i++) {
    const yi = states.subarray(i * N_STATES, (i + 1) * N_STATES);
    for (let j = 0; j < N_STATES; j++) series[STATE_NAMES[j]!]![i] = yi[j]!;
    deriveOutputs(model, yi, derived);
    for (let k = 0; k < nDerived; k++) series[DERIVED_OUTPUT_NAMES[k]!]![i] = derived[k]!;
  }
  const t_d = block.subarray((N_STATES + nDerived) * nDone);
  t_d.set(tGrid.subarray(0, nDone));
  const final: Record<string, number> = { t_d: nDone > 0 ? t_d[nDone - 1]! : 0 };
  for (const [k, v] of Object.entries(series)) final[k] = nDone > 0 ? v[nDone - 1]! : NaN;
  return {
    t_d, series, final, outcome,
    stats: { ...stats, wall_ms: performance.now() - started, model: MODEL_NAME, model_version: MODEL_VERSION },
    warnings: [...(run.notes ?? []), ...literatureRangeWarnings(run.parameters), ...runWarnings(run, params, series, kin.at35C)],
  };
}
