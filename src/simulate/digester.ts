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
import { WARNING_SERIES, runWarnings } from './warnings.js';
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
 * led there may be valid on its own. Updates `scale` with the magnitudes seen. Row by row, as the caller copies them.
 */
function checkRow(t: number, y: Float64Array, atol: Float64Array, scale: Float64Array): void {
  for (let j = 0; j < N_STATES; j++) {
    const v = y[j]!;
    const a = Math.abs(v);
    if (a > scale[j]!) scale[j] = a;
    if (v < -(NEGATIVE_ATOL_FACTOR * atol[j]! + NEGATIVE_REL * scale[j]!)) {
      throw new SolverError('nan', t, `state ${STATE_NAMES[j]} went negative (${v.toPrecision(3)}) at t = ${Number(t.toPrecision(6))} d: the solution is not physical; tighten solver.rtol/atol or check parameters far from their defaults`);
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
  const nDerived = DERIVED_OUTPUT_NAMES.length;
  const rtol = run.solver?.rtol ?? DEFAULT_RTOL;
  const atolScalar = typeof run.solver?.atol === 'number' ? run.solver.atol : DEFAULT_ATOL;
  const atol = new Float64Array(N_STATES).fill(atolScalar);
  atol[IDX.S_h2!] = atolScalar * HYDROGEN_ATOL_FACTOR;
  atol[IDX.S_gas_h2!] = atolScalar * HYDROGEN_ATOL_FACTOR;

  const stats: SolverStats = { method: run.solver?.method ?? 'rosenbrock', steps: 0, rejected: 0, fEvals: 0, jacEvals: 0, luDecomps: 0, restarts: 0, luFallbacks: 0 };
  // Scale of each state (largest magnitude seen in the initial state, the feed and the solution so far), for
  // judging when a negative value is an error rather than rounding.
  const scale = Float64Array.from(y, Math.abs);
  // (for-in, not Object.entries: a year of daily feed rows would allocate an array per row and per entry)
  for (const row of run.feed) for (const k in row.state) { const j = IDX[k]!; scale[j] = Math.max(scale[j]!, Math.abs(row.state[k as keyof typeof row.state]!)); }
  // Feed segments with a positive length inside [0, days): one solve restarts at every feed change (a tStop), and the
  // right-hand side takes the feed of the segment its time falls in (the solver evaluates it on the left of a stop).
  const segStart: number[] = [], segFeed: { q: number; x: Float64Array }[] = [];
  for (let s = 0, tPrev = 0; s < run.feed.length && tPrev < run.days; s++) {
    const row = run.feed[s]!;
    const segEnd = Math.min(s + 1 < run.feed.length ? run.feed[s + 1]!.time_d : Infinity, run.days);
    const t0 = s === 0 ? 0 : row.time_d;
    if (segEnd <= Math.max(t0, tPrev)) continue;
    const x = new Float64Array(N_STATES);
    for (const k in row.state) x[IDX[k]!] = row.state[k as keyof typeof row.state]!;
    segStart.push(segStart.length === 0 ? 0 : t0); segFeed.push({ q: row.q_m3_d, x });
    tPrev = segEnd;
  }
  let cur = -1;
  /** Sets the model's feed to the segment that holds t (a pointer that moves by one at a time). */
  const feedAt = (t: number): void => {
    let s = cur < 0 ? 0 : cur;
    while (s + 1 < segStart.length && t >= segStart[s + 1]!) s++;
    while (s > 0 && t < segStart[s]!) s--;
    if (s !== cur) { cur = s; model.setFeed(segFeed[s]!.q, segFeed[s]!.x); }
  };
  const sol = solve(
    {
      f: (t, yy, dydt) => { feedAt(t); model.rhs(t, yy, dydt); },
      jacobian: (t, yy, jac) => { feedAt(t); model.jacobian(t, yy, jac); },
      jacobianPattern: model.pattern, y0: y, t0: 0, tEnd: run.days, names: STATE_NAMES, autonomous: true,
    },
    {
      method: run.solver?.method, rtol, atol, tOut: tGrid, tStops: segStart.slice(1), maxSteps: run.solver?.maxSteps, onStep: run.onProgress,
      jacobian: run.solver?.jacobian, linear: run.solver?.linear,
    },
  );
  for (const k of ['steps', 'rejected', 'fEvals', 'jacEvals', 'luDecomps', 'restarts'] as const) stats[k] += sol.stats[k];
  stats.luFallbacks! += sol.stats.luFallbacks ?? 0;
  const outcome: 'done' | 'stopped' = sol.outcome;
  const nDone = sol.t.length;
  const states = sol.y;

  // Every series is a view into one buffer: one allocation, and one ArrayBuffer to transfer from a worker. A run that
  // names its series keeps only those (and what the run warnings read); `final` always has every output.
  const all = [...STATE_NAMES, ...DERIVED_OUTPUT_NAMES] as string[];
  const wanted = run.series ? new Set<string>([...run.series, ...WARNING_SERIES]) : null;
  const kept = Int32Array.from(all.flatMap((name, k) => (!wanted || wanted.has(name) ? [k] : [])));
  const block = new Float64Array((kept.length + 1) * nDone);
  const series: Record<string, Float64Array> = {};
  kept.forEach((k, c) => { series[all[k]!] = block.subarray(c * nDone, (c + 1) * nDone); });
  const row = new Float64Array(N_STATES + nDerived), yi = row.subarray(0, N_STATES), derived = row.subarray(N_STATES);
  for (let i = 0; i < nDone; i++) {
    for (let j = 0, r = i * N_STATES; j < N_STATES; j++) yi[j] = states[r + j]!;
    checkRow(sol.t[i]!, yi, atol, scale);
    deriveOutputs(model, yi, derived);
    for (let c = 0; c < kept.length; c++) block[c * nDone + i] = row[kept[c]!]!;
  }
  const t_d = block.subarray(kept.length * nDone);
  t_d.set(tGrid.subarray(0, nDone));
  // (row holds the last output time's values after the loop)
  const final: Record<string, number> = { t_d: nDone > 0 ? t_d[nDone - 1]! : 0 };
  all.forEach((name, k) => { final[name] = nDone > 0 ? row[k]! : NaN; });
  return {
    t_d, series, final, outcome,
    stats: { ...stats, wall_ms: performance.now() - started, model: MODEL_NAME, model_version: MODEL_VERSION },
    warnings: [...(run.notes ?? []), ...literatureRangeWarnings(run.parameters), ...runWarnings(run, params, series, kin.at35C)],
  };
}
