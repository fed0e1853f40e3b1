// Validation of a DigesterRun at the edge: every field checked once, errors name the field, the value and what is expected.
import { InputError, closest, expected, show } from '../errors.js';
import { STATE_NAMES, N_LIQUID, PARAMETER_NAMES, defaultParameters, parameterDef } from '../../models/adm1/index.js';
import type { DigesterRun } from './types.js';
import { describeLimit, physicalLimit, withinLimit } from '../../models/adm1/limits.js';
import { KINETICS_MODES } from './temperature.js';

const KNOWN_STATES = new Set<string>(STATE_NAMES);
const INFLUENT_STATES = new Set<string>(STATE_NAMES.slice(0, N_LIQUID));
const KNOWN_PARAMS = new Set(PARAMETER_NAMES);

export { closest };

function finite(field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) expected(field, 'a finite number', v);
  return v;
}

/** Limits of a digester run, stated in docs/limits.md. Wide: they catch unit mistakes and runaway requests. */
export const RUN_LIMITS = {
  /** Liquid and gas volume, m3 (the largest digester tanks hold about 10,000-30,000 m3). */
  volume_m3: 1e6,
  /** Feed flow, m3/d. */
  flow_m3_d: 1e7,
  /** Simulated time, d (about 100 years). */
  days: 36500,
  /** Output times per run (each holds ~70 numbers): 100,000 is about 60 MB. */
  outputs: 100_000,
  rtol: [1e-12, 0.1] as const,
  atol: [1e-20, 1] as const,
  maxSteps: 10_000_000,
};

export function checkStateRecord(field: string, rec: unknown, allowGas: boolean): void {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) expected(field, 'an object of state names to numbers', rec);
  const known = allowGas ? KNOWN_STATES : INFLUENT_STATES;
  for (const [k, v] of Object.entries(rec as Record<string, unknown>)) {
    if (!known.has(k)) throw new InputError(`${field}.${k}`, `unknown ${allowGas ? 'state' : 'influent state'}; did you mean ${closest(k, known).join(', ')}?`);
    const x = finite(`${field}.${k}`, v);
    if (x < 0 || x > MAX_CONCENTRATION) expected(`${field}.${k}`, `a concentration >= 0 (at most ${MAX_CONCENTRATION} kg COD/m3 or kmol/m3)`, v);
  }
}

export function checkParameters(field: string, rec: unknown): void {
  if (rec === undefined) return;
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) expected(field, 'an object of parameter names to numbers', rec);
  for (const [k, v] of Object.entries(rec as Record<string, unknown>)) {
    if (!KNOWN_PARAMS.has(k)) throw new InputError(`${field}.${k}`, `unknown ADM1 parameter; did you mean ${closest(k, KNOWN_PARAMS).join(', ')}?`);
    const x = finite(`${field}.${k}`, v);
    const def = parameterDef(k)!;
    const lim = physicalLimit(k);
    // Yields and fractions are checked with their groups by checkParameterSet (same limits, a message about sums).
    if (!/^(Y|f)_/.test(k) && !withinLimit(x, lim)) expected(`${field}.${k}`, `a value ${describeLimit(lim)} ${def.unit}, ${lim.why} (default ${def.value})`, v);
  }
}

/** Warnings for parameters set outside their plausible range (inside the physical limits, so the run goes ahead). */
export function literatureRangeWarnings(params: Readonly<Partial<Record<string, number>>> | undefined): string[] {
  const out: string[] = [];
  for (const [k, x] of Object.entries(params ?? {})) {
    const def = parameterDef(k);
    if (!def?.range || x === undefined) continue;
    if (x < def.range[0] || x > def.range[1]) out.push(`parameter ${k} = ${x} ${def.unit} is outside its plausible range ${def.range[0]}-${def.range[1]} (${def.range_source ?? 'estimate'}); results there are an extrapolation`);
  }
  return out;
}

/** Largest concentration accepted for any state (kg COD/m3 or kmol/m3): pure organic matter holds about 1,500-3,000
 *  kg COD/m3, so above this a value is a unit mistake. */
export const MAX_CONCENTRATION = 1e4;

/** Groups of fractions that split one kg of COD and must sum to 1 (COD conservation of their process). */
const FRACTION_GROUPS: Record<string, readonly string[]> = {
  'composite disintegration': ['f_sI_xc', 'f_xI_xc', 'f_ch_xc', 'f_pr_xc', 'f_li_xc'],
  'sugar products': ['f_h2_su', 'f_bu_su', 'f_pro_su', 'f_ac_su'],
  'amino-acid products': ['f_h2_aa', 'f_va_aa', 'f_bu_aa', 'f_pro_aa', 'f_ac_aa'],
};

/**
 * Checks a whole parameter set for values that break the model's meaning: yields and fractions outside [0, 1],
 * fraction groups that do not sum to 1 (they would create or destroy COD), inverted pH limits.
 */
export function checkParameterSet(field: string, p: Readonly<Record<string, number>>): void {
  for (const [name, v] of Object.entries(p)) {
    if ((/^Y_/.test(name) && !(v >= 0 && v < 1)) || (/^f_/.test(name) && !(v >= 0 && v <= 1))) {
      expected(`${field}.${name}`, `a fraction in [0, 1${name.startsWith('Y_') ? ')' : ']'} (${parameterDef(name)?.unit ?? ''})`, v);
    }
  }
  for (const [what, names] of Object.entries(FRACTION_GROUPS)) {
    const sum = names.reduce((a, n) => a + p[n]!, 0);
    if (Math.abs(sum - 1) > 1e-6) {
      throw new InputError(`${field}.${names.join('+')}`, `the ${what} fractions must sum to 1 (they split one kg COD), got ${sum.toPrecision(6)}`);
    }
  }
  for (const g of ['aa', 'ac', 'h2']) {
    const LL = p[`pH_LL_${g}`]!, UL = p[`pH_UL_${g}`]!;
    if (!(LL < UL)) throw new InputError(`${field}.pH_LL_${g}`, `expected the lower pH limit below the upper one (pH_UL_${g} = ${UL}), got ${LL}`);
  }
  if (!(p.f_fa_li! >= 0 && p.f_fa_li! <= 1)) expected(`${field}.f_fa_li`, 'a fraction in [0, 1]', p.f_fa_li);
}

/** Throws InputError on the first problem; returns nothing when the run is valid. */
export function validateRun(run: DigesterRun): void {
  const d = run.digester;
  if (!d || typeof d !== 'object') expected('digester', 'an object with V_liq_m3, V_gas_m3, T_op_K', d);
  for (const k of ['V_liq_m3', 'V_gas_m3'] as const) {
    const V = finite(`digester.${k}`, d[k]);
    if (V <= 0) expected(`digester.${k}`, 'a volume > 0 m3', d[k]);
    if (V > RUN_LIMITS.volume_m3) expected(`digester.${k}`, `a volume of at most ${RUN_LIMITS.volume_m3} m3`, d[k]);
  }
  const T = finite('digester.T_op_K', d.T_op_K);
  if (T < 273.15 || T > 373.15) expected('digester.T_op_K', 'a liquid-water temperature in kelvin between 273.15 and 373.15 (35 C = 308.15 K)', d.T_op_K);
  if (!Array.isArray(run.feed) || run.feed.length === 0) expected('influent', 'at least one feed row', run.feed);
  let last = -Infinity;
  run.feed.forEach((row, i) => {
    const f = `influent[${i}]`;
    const t = finite(`${f}.time_d`, row.time_d);
    if (t <= last) throw new InputError(`${f}.time_d`, `times must increase row by row; got ${show(t)} after ${show(last)}`);
    last = t;
    const q = finite(`${f}.q_m3_d`, row.q_m3_d);
    if (q < 0) expected(`${f}.q_m3_d`, 'a flow >= 0 m3/d', row.q_m3_d);
    if (q > RUN_LIMITS.flow_m3_d) expected(`${f}.q_m3_d`, `a flow of at most ${RUN_LIMITS.flow_m3_d} m3/d`, row.q_m3_d);
    checkStateRecord(`${f}.state`, row.state, false);
  });
  if (run.feed[0]!.time_d > 0) expected('influent[0].time_d', 'the first feed row to start at or before t = 0 d', run.feed[0]!.time_d);
  if (run.initial !== undefined) checkStateRecord('initial', run.initial, true);
  checkParameters('parameters', run.parameters);
  if (run.kinetics !== undefined) {
    if (!KINETICS_MODES.includes(run.kinetics.mode)) expected('kinetics', KINETICS_MODES.map((m) => JSON.stringify(m)).join(' or '), run.kinetics.mode);
    for (const g of run.kinetics.given ?? []) if (!KNOWN_PARAMS.has(g)) expected('kinetics.given', 'ADM1 parameter names', g);
  }
  const days = finite('days', run.days);
  if (days <= 0) expected('days', 'a simulated time > 0 d', run.days);
  if (days > RUN_LIMITS.days) expected('days', `a simulated time of at most ${RUN_LIMITS.days} d (about 100 years)`, run.days);
  const every = run.output_every_d ?? 1;
  if (finite('output.every_d', every) <= 0) expected('output.every_d', 'an output interval > 0 d', every);
  if (run.days / every > RUN_LIMITS.outputs) expected('output.every_d', `at most ${RUN_LIMITS.outputs} output times (days/every_d = ${Math.floor(run.days / every)}); days = ${run.days}`, every);
  const s = run.solver;
  if (s) {
    if (s.method !== undefined && s.method !== 'rosenbrock' && s.method !== 'odex') expected('solver.method', '"rosenbrock" or "odex"', s.method);
    if (s.rtol !== undefined && !(finite('solver.rtol', s.rtol) >= RUN_LIMITS.rtol[0] && s.rtol <= RUN_LIMITS.rtol[1])) expected('solver.rtol', `a relative tolerance in [${RUN_LIMITS.rtol[0]}, ${RUN_LIMITS.rtol[1]}]`, s.rtol);
    if (s.atol !== undefined && !(finite('solver.atol', s.atol) >= RUN_LIMITS.atol[0] && (s.atol as number) <= RUN_LIMITS.atol[1])) expected('solver.atol', `an absolute tolerance > 0 (from ${RUN_LIMITS.atol[0]} to ${RUN_LIMITS.atol[1]})`, s.atol);
    if (s.maxSteps !== undefined && !(Number.isInteger(s.maxSteps) && s.maxSteps > 0)) expected('solver.maxSteps', 'a whole number of steps > 0', s.maxSteps);
    if (s.jacobian !== undefined && s.jacobian !== 'analytic' && s.jacobian !== 'fd') expected('solver.jacobian', '"analytic" (the model\'s exact Jacobian, default) or "fd" (finite differences)', s.jacobian);
    if (s.linear !== undefined && s.linear !== 'sparse' && s.linear !== 'dense') expected('solver.linear', '"sparse" (default) or "dense"', s.linear);
    if (s.maxSteps !== undefined && s.maxSteps > RUN_LIMITS.maxSteps) expected('solver.maxSteps', `at most ${RUN_LIMITS.maxSteps} steps`, s.maxSteps);
  }
  checkParameterSet('parameters', { ...defaultParameters(), ...run.parameters } as Record<string, number>);
}
