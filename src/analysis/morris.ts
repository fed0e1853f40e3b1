// Morris elementary-effects screening (Morris 1991) with mu* (Campolongo, Cariboni & Saltelli 2007): r random
// one-at-a-time trajectories on a p-level grid over each factor's range; mu* ranks influence, sigma flags
// non-linearity or interactions. Cost r(k+1) runs for k factors.
import { InputError, RunsFailedError } from '../errors.js';
import { describeFailedSample, failedSamples, type FailedSample } from './montecarlo.js';
import { type Distribution, support } from './distributions.js';
import { evaluateAll, scalarOf, scalarNames, type BatchOptions, type Evaluator, type Point, type RunResult } from './evaluate.js';
import { createRng, permutation } from './random.js';

/** A factor screened over a range: low..high, on a log scale for log-uniform ranges. */
export interface Factor {
  name: string;
  dist: Distribution;
}

export interface MorrisOptions extends BatchOptions {
  trajectories?: number;   // r, default 10
  levels?: number;         // p (even), default 4
  seed?: number;
  outputs?: string[];
  /** Values for inputs not screened (passed through to every point). */
  fixed?: Point;
}

export interface MorrisDesign {
  factors: Factor[];
  levels: number;
  delta: number;
  /** Unit-cube coordinates, r blocks of k+1 rows. */
  unit: number[][];
  /** For each trajectory step (r*k): the factor moved and the signed unit change. */
  moves: { factor: number; du: number }[];
  points: Point[];
}

export interface MorrisIndex {
  factor: string;
  /** Mean, mean of absolute values and standard deviation of the elementary effects (output units per full range). */
  mu: number;
  muStar: number;
  sigma: number;
  /** Elementary effects used (trajectories with failed runs are left out). */
  n: number;
}

export interface MorrisResult {
  method: 'morris';
  seed: number;
  trajectories: number;
  levels: number;
  runs: number;
  failedRuns: number;
  /** Each failed run: its number in the design (from 1), its input values and why (the first 50; failedRuns counts all). */
  failedSamples: FailedSample[];
  /** Per output: factors ranked by mu*, largest first. */
  ranked: Record<string, MorrisIndex[]>;
}

function toValue(d: Distribution, u: number): number {
  const [lo, hi] = support(d);
  if (d.kind === 'loguniform') return Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)));
  return lo + u * (hi - lo);
}

/** Builds r trajectories: a random grid start, then each factor moved once by ±delta in random order. */
export function morrisDesign(factors: readonly Factor[], opts: { trajectories?: number; levels?: number; seed?: number; fixed?: Point } = {}): MorrisDesign {
  const r = opts.trajectories ?? 10;
  const p = opts.levels ?? 4;
  if (!(Number.isInteger(r) && r >= 2)) throw new InputError('trajectories', `expected an integer >= 2, got ${r}`);
  if (!(Number.isInteger(p) && p >= 2 && p % 2 === 0)) throw new InputError('levels', `expected an even integer >= 2, got ${p}`);
  const k = factors.length;
  if (k === 0) throw new InputError('factors', 'expected at least one factor to screen');
  const rng = createRng(opts.seed ?? 1);
  // delta = p / (2(p-1)) makes every level reachable with equal probability (Morris 1991).
  const delta = p / (2 * (p - 1));
  const unit: number[][] = [];
  const moves: MorrisDesign['moves'] = [];
  for (let t = 0; t < r; t++) {
    const x = Array.from({ length: k }, () => rng.int(p) / (p - 1));
    unit.push(x.slice());
    const order = permutation(k, rng);
    for (const i of order) {
      const up = x[i]! + delta <= 1 + 1e-12;
      const down = x[i]! - delta >= -1e-12;
      const du = up && down ? (rng.next() < 0.5 ? delta : -delta) : up ? delta : -delta;
      x[i] = Math.min(1, Math.max(0, x[i]! + du));
      unit.push(x.slice());
      moves.push({ factor: i, du });
    }
  }
  const points = unit.map((u) => {
    const pt: Point = { ...(opts.fixed ?? {}) };
    factors.forEach((f, i) => { pt[f.name] = toValue(f.dist, u[i]!); });
    return pt;
  });
  return { factors: [...factors], levels: p, delta, unit, moves, points };
}

/** Elementary-effect statistics of one scalar output from a design's run results. */
export function morrisIndices(design: MorrisDesign, results: readonly RunResult[], output: string): MorrisIndex[] {
  const k = design.factors.length;
  const r = design.unit.length / (k + 1);
  const effects: number[][] = design.factors.map(() => []);
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < k; s++) {
      const before = scalarOf(results[t * (k + 1) + s]!, output);
      const after = scalarOf(results[t * (k + 1) + s + 1]!, output);
      const m = design.moves[t * k + s]!;
      const ee = (after - before) / m.du;
      if (Number.isFinite(ee)) effects[m.factor]!.push(ee);
    }
  }
  return design.factors.map((f, i) => {
    const e = effects[i]!;
    const n = e.length;
    const mu = n ? e.reduce((a, b) => a + b, 0) / n : NaN;
    const muStar = n ? e.reduce((a, b) => a + Math.abs(b), 0) / n : NaN;
    const sigma = n > 1 ? Math.sqrt(e.reduce((a, b) => a + (b - mu) ** 2, 0) / (n - 1)) : NaN;
    return { factor: f.name, mu, muStar, sigma, n };
  }).sort((a, b) => (Number.isFinite(b.muStar) ? b.muStar : -1) - (Number.isFinite(a.muStar) ? a.muStar : -1));
}

/** Runs Morris screening of `factors` with `evaluate`. */
export async function morris(factors: readonly Factor[], evaluate: Evaluator, opts: MorrisOptions = {}): Promise<MorrisResult> {
  const design = morrisDesign(factors, opts);
  const results = await evaluateAll(design.points, evaluate, opts);
  const outputs = opts.outputs ?? scalarNames(results);
  const failed = failedSamples(design.points, results, factors.map((f) => f.name));
  // Every run failed: a solver failure (exit 3) naming the first run's inputs, as Monte Carlo does (never NaN indices).
  if (results.every((r) => !r.ok) && failed.length) throw new RunsFailedError(`every one of the ${results.length} Morris runs failed; first failed ${describeFailedSample(failed[0]!, 'run')}`);
  if (outputs.length === 0) throw new Error('Morris runs gave no scalar outputs');
  const ranked: Record<string, MorrisIndex[]> = {};
  for (const o of outputs) ranked[o] = morrisIndices(design, results, o);
  return {
    method: 'morris', seed: opts.seed ?? 1, trajectories: design.unit.length / (factors.length + 1), levels: design.levels,
    runs: design.points.length, failedRuns: results.filter((r) => !r.ok).length, failedSamples: failed, ranked,
  };
}
