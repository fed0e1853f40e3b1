// Local sensitivity: normalised coefficients S = (dy/y)/(dp/p) by central finite differences around a nominal point,
// ranked by |S| per output. Cheap (2 runs per parameter) and valid near the nominal point only.
import { InputError } from '../errors.js';
import { evaluateAll, scalarOf, scalarNames, type BatchOptions, type Evaluator, type Point } from './evaluate.js';

export interface LocalOptions extends BatchOptions {
  /** Relative step h: p is moved to p(1 ± h). Default 0.01. */
  relStep?: number;
  /** Outputs to analyse (scalar names); default every scalar output of the nominal run. */
  outputs?: string[];
}

export interface LocalCoefficient {
  parameter: string;
  p0: number;
  /** Normalised coefficient (dy/y)/(dp/p); null where y0 or p0 is 0 (then only dydp is meaningful). */
  S: number | null;
  /** Absolute derivative dy/dp (central difference). */
  dydp: number;
  /** Output at p(1-h) and p(1+h). */
  yMinus: number;
  yPlus: number;
}

export interface LocalResult {
  method: 'local';
  relStep: number;
  nominal: Record<string, number>;
  /** Per output: coefficients ranked by |S| (then |dydp|), largest first. */
  ranked: Record<string, LocalCoefficient[]>;
  runs: number;
  /** Parameters whose perturbed runs failed, with the error. */
  failures: { parameter: string; error: string }[];
}

/** Computes local normalised sensitivity coefficients of chosen outputs to `parameters` around `nominal`. */
export async function localSensitivity(nominal: Point, parameters: readonly string[], evaluate: Evaluator, opts: LocalOptions = {}): Promise<LocalResult> {
  const h = opts.relStep ?? 0.01;
  if (!(h > 0 && h < 0.5)) throw new InputError('relStep', `expected a relative step in (0, 0.5), got ${h}`);
  for (const p of parameters) {
    if (!Number.isFinite(nominal[p])) throw new InputError(p, `no finite nominal value for this parameter (got ${nominal[p]})`);
  }
  const points: Point[] = [{ ...nominal }];
  const steps: number[] = [];
  for (const p of parameters) {
    const p0 = nominal[p]!;
    // A zero nominal value has no relative step: use an absolute step of h instead (S is then reported as null).
    const dp = p0 !== 0 ? Math.abs(p0) * h : h;
    steps.push(dp);
    points.push({ ...nominal, [p]: p0 - dp }, { ...nominal, [p]: p0 + dp });
  }
  const results = await evaluateAll(points, evaluate, opts);
  const base = results[0]!;
  if (!base.ok) throw new Error(`the nominal run failed: ${base.error}`);
  const outputs = opts.outputs ?? scalarNames(results);
  for (const o of outputs) {
    if (typeof base.outputs[o] !== 'number') throw new InputError('outputs', `unknown scalar output ${JSON.stringify(o)}; expected one of ${scalarNames(results).join(', ')}`);
  }
  const nominalOut: Record<string, number> = {};
  for (const o of outputs) nominalOut[o] = scalarOf(base, o);
  const failures: LocalResult['failures'] = [];
  const ranked: Record<string, LocalCoefficient[]> = {};
  for (const o of outputs) ranked[o] = [];
  parameters.forEach((p, k) => {
    const rm = results[1 + 2 * k]!, rp = results[2 + 2 * k]!;
    if (!rm.ok || !rp.ok) { failures.push({ parameter: p, error: (!rm.ok ? rm.error : (rp as { error: string }).error) }); return; }
    const p0 = nominal[p]!;
    for (const o of outputs) {
      const yMinus = scalarOf(rm, o), yPlus = scalarOf(rp, o), y0 = nominalOut[o]!;
      const dydp = (yPlus - yMinus) / (2 * steps[k]!);
      const S = p0 !== 0 && y0 !== 0 && Number.isFinite(dydp) ? dydp * p0 / y0 : null;
      ranked[o]!.push({ parameter: p, p0, S, dydp, yMinus, yPlus });
    }
  });
  for (const o of outputs) {
    ranked[o]!.sort((a, b) => (Math.abs(b.S ?? 0) - Math.abs(a.S ?? 0)) || (Math.abs(b.dydp) - Math.abs(a.dydp)));
  }
  return { method: 'local', relStep: h, nominal: nominalOut, ranked, runs: points.length, failures };
}
