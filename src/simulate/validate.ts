// Validation of a DigesterRun at the edge: every field checked once, errors name the field, the value and what is expected.
import { InputError, closest, expected, show } from '../errors.js';
import { STATE_NAMES, N_LIQUID, PARAMETER_NAMES, defaultParameters, parameterDef } from '../../models/adm1/index.js';
import type { DigesterRun } from './types.js';

const KNOWN_STATES = new Set<string>(STATE_NAMES);
const INFLUENT_STATES = new Set<string>(STATE_NAMES.slice(0, N_LIQUID));
const KNOWN_PARAMS = new Set(PARAMETER_NAMES);

export { closest };

function finite(field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) expected(field, 'a finite number', v);
  return v;
}

export function checkStateRecord(field: string, rec: unknown, allowGas: boolean): void {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) expected(field, 'an object of state names to numbers', rec);
  const known = allowGas ? KNOWN_STATES : INFLUENT_STATES;
  for (const [k, v] of Object.entries(rec as Record<string, unknown>)) {
    if (!known.has(k)) throw new InputError(`${field}.${k}`, `unknown ${allowGas ? 'state' : 'influent state'}; did you mean ${closest(k, known).join(', ')}?`);
    const x = finite(`${field}.${k}`, v);
    if (x < 0) expected(`${field}.${k}`, 'a concentration >= 0', v);
  }
}

export function checkParameters(field: string, rec: unknown): void {
  if (rec === undefined) return;
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) expected(field, 'an object of parameter names to numbers', rec);
  for (const [k, v] of Object.entries(rec as Record<string, unknown>)) {
    if (!KNOWN_PARAMS.has(k)) throw new InputError(`${field}.${k}`, `unknown ADM1 parameter; did you mean ${closest(k, KNOWN_PARAMS).join(', ')}?`);
    const x = finite(`${field}.${k}`, v);
    const def = parameterDef(k)!;
    // Rates, constants and contents are non-negative; only enthalpies may be negative.
    if (x < 0 && !k.startsWith('dH_')) expected(`${field}.${k}`, `a value >= 0 (${def.unit}; default ${def.value})`, v);
  }
}

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
    if (finite(`digester.${k}`, d[k]) <= 0) expected(`digester.${k}`, 'a volume > 0 m3', d[k]);
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
    if (finite(`${f}.q_m3_d`, row.q_m3_d) < 0) expected(`${f}.q_m3_d`, 'a flow >= 0 m3/d', row.q_m3_d);
    checkStateRecord(`${f}.state`, row.state, false);
  });
  if (run.feed[0]!.time_d > 0) expected('influent[0].time_d', 'the first feed row to start at or before t = 0 d', run.feed[0]!.time_d);
  if (run.initial !== undefined) checkStateRecord('initial', run.initial, true);
  checkParameters('parameters', run.parameters);
  if (finite('days', run.days) <= 0) expected('days', 'a simulated time > 0 d', run.days);
  const every = run.output_every_d ?? 1;
  if (finite('output.every_d', every) <= 0) expected('output.every_d', 'an output interval > 0 d', every);
  if (run.days / every > 1e6) expected('output.every_d', `at most 1e6 output times (days/every_d); days = ${run.days}`, every);
  const s = run.solver;
  if (s) {
    if (s.method !== undefined && s.method !== 'rosenbrock' && s.method !== 'odex') expected('solver.method', '"rosenbrock" or "odex"', s.method);
    if (s.rtol !== undefined && !(finite('solver.rtol', s.rtol) > 0 && s.rtol < 1)) expected('solver.rtol', 'a relative tolerance in (0, 1)', s.rtol);
    if (s.atol !== undefined && !(finite('solver.atol', s.atol) > 0)) expected('solver.atol', 'an absolute tolerance > 0', s.atol);
    if (s.maxSteps !== undefined && !(Number.isInteger(s.maxSteps) && s.maxSteps > 0)) expected('solver.maxSteps', 'a whole number of steps > 0', s.maxSteps);
  }
  checkParameterSet('parameters', { ...defaultParameters(), ...run.parameters } as Record<string, number>);
}
