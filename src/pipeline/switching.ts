// Switching values that need the digester simulated again: the bin fill and the dog-faeces BMP at which the NPV
// against today's route crosses zero. A few secant / regula-falsi steps on the whole pipeline (each step is one run),
// searched within each input's range; "no value in range" when the NPV keeps its sign across it.
import { fmt3, sv } from '../appraisal/appraise.js';
import type { SwitchingValue } from '../appraisal/types.js';
import { FEEDSTOCKS } from '../../models/feedstocks/index.js';
import type { Scenario } from '../scenario/types.js';
import { runScenario, type ScenarioResult } from './run.js';
import { verdictOf } from '../appraisal/verdict.js';

export interface SwitchingOptions {
  /** Runs a modified scenario (default: runScenario in this process). */
  run?: (s: Scenario) => ScenarioResult;
  /** Most pipeline runs per input (default 5). */
  maxRuns?: number;
}

/** Bins-weighted mean fill of the scenario, kg per bin per week, from its first accounting year. */
export function meanFill_kg_week(s: Scenario, r: ScenarioResult): number {
  const bins = s.areas.reduce((a, x) => a + x.bins, 0);
  return bins > 0 ? (r.annual.dog_waste_collected_t * 1000) / bins / (r.annual.days / 7) : 0;
}

/** Every area's fill scaled by k (so the bins-weighted mean moves by k; the areas keep their proportions). */
export function scaleFill(s: Scenario, k: number): Scenario {
  return {
    ...s,
    areas: s.areas.map((a) => ({ ...a, fill: a.fill.kind === 'rate' ? { kind: 'rate', kg_d: a.fill.kg_d * k } : { kind: 'per_emptying', kg: a.fill.kg * k } })),
  };
}

/** The scenario with the dog-faeces record's BMP set to `bmp` (NL CH4/kg VS). */
export function withDogBmp(s: Scenario, bmp: number): Scenario {
  const lib = s.feedstocks ?? FEEDSTOCKS;
  return { ...s, feedstocks: lib.map((f) => (f.id === 'dog-faeces' ? { ...f, BMP: { ...f.BMP, value: bmp } } : f)) };
}

export function simulatedSwitching(s: Scenario, base: ScenarioResult, o: SwitchingOptions = {}): SwitchingValue[] {
  if (s.destination !== 'digester' || base.annual.dog_waste_collected_t <= 0) return [];
  const run = o.run ?? ((x: Scenario) => runScenario(x));
  const maxRuns = o.maxRuns ?? 5;
  const npv0 = base.economics.npv_gbp;
  const worse = npv0 < 0;
  const lead = worse ? 'it breaks even if' : 'it stops paying if';
  const tol = Math.max(100, 0.002 * (base.economics.capex_gbp + base.economics.optimism_bias_gbp));
  const out: SwitchingValue[] = [];

  const fill0 = meanFill_kg_week(s, base);
  if (fill0 > 0) {
    const range: [number, number] = [0.5, 30];
    const x = solve((f) => run(scaleFill(s, f / fill0)).economics.npv_gbp, fill0, npv0, range, tol, maxRuns);
    out.push(sv('areas[*].fill_per_bin', x, 'kg/bin/week', fill0, range, x === null
      ? `no bin fill from ${range[0]} to ${range[1]} kg a week changes the answer`
      : `${lead} each bin holds ${x > fill0 ? 'more' : 'less'} than ${fmt3(x)} kg a week (now ${fmt3(fill0)} kg)`));
  }
  const rec = (s.feedstocks ?? FEEDSTOCKS).find((f) => f.id === 'dog-faeces');
  if (rec) {
    const b0 = rec.BMP.value;
    const range: [number, number] = [rec.BMP.low, rec.BMP.high];
    const x = range[0] < range[1] ? solve((b) => run(withDogBmp(s, b)).economics.npv_gbp, b0, npv0, range, tol, maxRuns) : null;
    out.push(sv('feedstocks.dog-faeces.BMP', x, rec.BMP.unit, b0, range, x === null
      ? `no dog-faeces BMP within its range (${range[0]}-${range[1]} ${rec.BMP.unit}) changes the answer`
      : `${lead} the dog-faeces BMP is ${x > b0 ? 'above' : 'below'} ${fmt3(x)} ${rec.BMP.unit} (now ${fmt3(b0)})`));
  }
  return out;
}

/**
 * Root of f within [lo, hi], starting from x0 where f(x0) = f0 is known: a secant step, then regula falsi (Illinois)
 * once the root is bracketed. Null when f has one sign over the range or the runs run out before |f| < tol.
 */
export function solve(f: (x: number) => number, x0: number, f0: number, [lo, hi]: [number, number], tol: number, maxRuns: number): number | null {
  if (Math.abs(f0) < tol) return x0;
  let runs = 0;
  const F = (x: number) => { runs++; return f(x); };
  // Second point: halfway to the range end in the direction the first step should go (f rising with x assumed first).
  let x1 = f0 < 0 ? Math.min(hi, x0 * 1.5) : Math.max(lo, x0 / 1.5);
  if (x1 === x0) x1 = f0 < 0 ? hi : lo;
  let a = x0, fa = f0, b = x1, fb = F(x1);
  while (runs < maxRuns) {
    if (Math.abs(fb) < tol) return b;
    if (fa * fb < 0) break;   // bracketed
    // Secant extrapolation, clamped to the range; at a range end with no sign change: no value in range.
    const slope = (fb - fa) / (b - a);
    let x = slope !== 0 ? b - fb / slope : (fb < 0 === (b > a) ? hi : lo);
    x = Math.min(hi, Math.max(lo, x));
    if (x === b) return null;
    const fx = F(x);
    a = b; fa = fb; b = x; fb = fx;
  }
  if (Math.abs(fb) < tol) return b;
  if (fa * fb >= 0) return null;
  // Illinois regula falsi inside the bracket [a, b].
  while (runs < maxRuns) {
    const x = (a * fb - b * fa) / (fb - fa);
    const fx = F(x);
    if (Math.abs(fx) < tol) return x;
    if (fx * fb < 0) { a = b; fa = fb; } else fa /= 2;
    b = x; fb = fx;
  }
  // Out of runs inside a bracket: the linear estimate between the last two points.
  return (a * fb - b * fa) / (fb - fa);
}

/** Adds the simulated switching values to a result and rewrites its verdict with them. */
export function withSimulatedSwitching(s: Scenario, r: ScenarioResult, o: SwitchingOptions = {}): ScenarioResult {
  const extra = simulatedSwitching(s, r, o);
  if (extra.length === 0) return r;
  const economics = { ...r.economics, switching_values: [...extra, ...r.economics.switching_values] };
  return { ...r, economics, verdict: verdictOf(s, economics, r.annual) };
}
