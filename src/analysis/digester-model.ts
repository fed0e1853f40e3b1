// Adapter from a digester run (ADM1) to the analysis vocabulary: named inputs (ADM1 parameters, temperature, volume,
// feed flow, influent states), scalar and series outputs, default uncertain inputs from the parameter table's ranges.
import { InputError, closest } from '../errors.js';
import { N_LIQUID, PARAMETER_NAMES, PARAMETERS, STATE_NAMES, parameterDef, type OutputName, type StateName } from '../../models/adm1/index.js';
import { simulateDigester } from '../simulate/digester.js';
import type { DigesterResult, DigesterRun } from '../simulate/types.js';
import type { Distribution, UncertainInput } from './distributions.js';
import type { Evaluate, Outputs, Point } from './evaluate.js';

const RUN_INPUTS = ['T_op_K', 'V_liq_m3', 'V_gas_m3', 'q_m3_d'] as const;
const INFLUENT = STATE_NAMES.slice(0, N_LIQUID).map((s) => `influent.${s}`);
const KNOWN = new Set<string>([...PARAMETER_NAMES, ...RUN_INPUTS, ...INFLUENT]);

/** Scalar outputs reported by default (values at the end of the run); gas on the dry basis labs and meters use. */
export const DIGESTER_SCALARS = ['q_ch4_Nm3_d', 'q_biogas_dry_Nm3_d', 'ch4_fraction_dry', 'pH', 'VFA_kgCOD_m3', 'free_nh3_mgN_L', 'S_IN'] as const;
/**
 * Older output names, still computed when asked for by name (scripts use them) but not reported by default: both are
 * on the WET basis (water vapour included): q_gas_Nm3_d (wet biogas at 0 C, 1.01325 bar) and ch4_fraction (CH4 share
 * of the wet gas). See docs/research.md.
 */
export const DIGESTER_WET_OUTPUTS = ['q_gas_Nm3_d', 'ch4_fraction'] as const;
/** Every scalar output name a digester run can report. */
export const DIGESTER_OUTPUT_NAMES: readonly string[] = [...DIGESTER_SCALARS, ...DIGESTER_WET_OUTPUTS];
/** Series outputs kept for uncertainty bands. */
export const DIGESTER_SERIES = ['q_ch4_Nm3_d', 'pH', 'VFA_kgCOD_m3', 'free_nh3_mgN_L'] as const;

/** Every name an analysis may vary on a digester run. */
export function digesterInputNames(): string[] { return [...KNOWN]; }

/** Throws an InputError naming an unknown input, with the nearest known names. */
export function checkDigesterInput(name: string, field = name): void {
  if (!KNOWN.has(name)) throw new InputError(field, `unknown ADM1 parameter or run input ${JSON.stringify(name)}; did you mean ${closest(name, KNOWN).join(', ')}?`);
}

/** The run's value of an input (its override or default parameter, or the run's own setting). */
export function nominalValue(run: DigesterRun, name: string): number {
  checkDigesterInput(name);
  if (name === 'T_op_K' || name === 'V_liq_m3' || name === 'V_gas_m3') return run.digester[name];
  if (name === 'q_m3_d') return run.feed[0]!.q_m3_d;
  if (name.startsWith('influent.')) return run.feed[0]!.state[name.slice(9) as StateName] ?? 0;
  return run.parameters?.[name] ?? parameterDef(name)!.value;
}

/** A copy of the run with the point's inputs applied. `q_m3_d` scales every feed segment so the feed pattern is kept. */
export function applyPoint(run: DigesterRun, point: Point): DigesterRun {
  const out: DigesterRun = { ...run, digester: { ...run.digester }, parameters: { ...run.parameters }, feed: run.feed.map((s) => ({ ...s, state: { ...s.state } })) };
  for (const [name, v] of Object.entries(point)) {
    checkDigesterInput(name);
    if (name === 'T_op_K' || name === 'V_liq_m3' || name === 'V_gas_m3') out.digester[name] = v;
    else if (name === 'q_m3_d') {
      const q0 = run.feed[0]!.q_m3_d;
      out.feed.forEach((s) => { s.q_m3_d = q0 > 0 ? s.q_m3_d * v / q0 : v; });
    } else if (name.startsWith('influent.')) out.feed.forEach((s) => { s.state[name.slice(9) as StateName] = v; });
    else out.parameters![name] = v;
  }
  return out;
}

/** Factor from model flows (m3/d at P_atm and T_op) to Nm3/d (0 C, 1.01325 bar). */
export function normalFactor(run: DigesterRun): number {
  const P_atm = run.parameters?.P_atm ?? parameterDef('P_atm')!.value;
  return (273.15 / run.digester.T_op_K) * (P_atm / 1.01325);
}

/** Scalars (final values) and series of a digester result, with gas flows at normal conditions. */
export function digesterOutputs(run: DigesterRun, r: DigesterResult, withSeries: boolean): Outputs {
  if (r.outcome !== 'done') throw new Error(`the run stopped at day ${r.t_d[r.t_d.length - 1]} of ${run.days}`);
  const nf = normalFactor(run);
  const out: Outputs = {
    q_ch4_Nm3_d: r.final.q_ch4_norm_m3_d! * nf,
    q_biogas_dry_Nm3_d: r.final.q_biogas_dry_Nm3_d!,
    ch4_fraction_dry: r.final.ch4_fraction_dry!,
    q_gas_Nm3_d: r.final.q_gas_norm_m3_d! * nf,
    ch4_fraction: r.final.ch4_fraction!,
    pH: r.final.pH!,
    VFA_kgCOD_m3: r.final.VFA_kgCOD_m3!,
    free_nh3_mgN_L: r.final.free_nh3_mgN_L!,
    S_IN: r.final.S_IN!,
  };
  if (withSeries) {
    out.t_d = r.t_d;
    out['series.q_ch4_Nm3_d'] = r.series.q_ch4_norm_m3_d!.map((q) => q * nf);
    for (const s of DIGESTER_SERIES.slice(1) as readonly OutputName[]) out[`series.${s}`] = r.series[s]!;
  }
  return out;
}

/** An in-process evaluator for a digester run. */
export function digesterEvaluator(run: DigesterRun, opts: { series?: boolean } = {}): Evaluate {
  return (point) => {
    const r = applyPoint(run, point);
    return digesterOutputs(r, simulateDigester(r), opts.series ?? false);
  };
}

/**
 * The default range of an input: the parameter table's range where it has one; otherwise ±50 % of the nominal value
 * (an estimate, flagged in `source`). Rate constants whose range spans more than a factor 10 are sampled log-uniformly.
 */
export function defaultInput(run: DigesterRun, name: string): UncertainInput {
  checkDigesterInput(name);
  const def = parameterDef(name);
  const v = nominalValue(run, name);
  if (def?.range) {
    const [lo, hi] = def.range;
    const dist: Distribution = lo > 0 && hi / lo > 10 ? { kind: 'loguniform', low: lo, high: hi } : { kind: 'uniform', low: lo, high: hi };
    return { name, dist, unit: def.unit, source: `parameter table range: ${def.range_source ?? 'estimate'}` };
  }
  if (name === 'T_op_K') return { name, dist: { kind: 'uniform', low: v - 2, high: v + 2 }, unit: 'K', source: 'estimate: ±2 K control band' };
  if (v === 0) return { name, dist: { kind: 'uniform', low: 0, high: 1e-3 }, unit: def?.unit, source: 'estimate: nominal is 0' };
  const lo = Math.min(0.5 * v, 1.5 * v), hi = Math.max(0.5 * v, 1.5 * v);
  return { name, dist: { kind: 'uniform', low: lo, high: hi }, unit: def?.unit, source: 'estimate: ±50 % of nominal (no published range)' };
}

/** Inputs with a published range in the parameter table: the default set for Morris, Sobol and Monte Carlo. */
export function rangedParameterNames(): string[] {
  return PARAMETERS.filter((p) => p.range).map((p) => p.name);
}

/** Kinetic and inhibition parameters: the default set for local sensitivity. */
export function kineticParameterNames(): string[] {
  return PARAMETERS.filter((p) => p.group === 'biochemical' || p.group === 'inhibition').map((p) => p.name);
}
