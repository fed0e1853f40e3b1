// Simulated BMP assay: a batch bottle of inoculum + substrate (no flow) minus an inoculum-only blank, as labs report
// it: cumulative NL CH4 (0 C, 1 atm) per kg VS added. Uses simulateDigester with q = 0.
import { InputError, show } from '../errors.js';
import type { Feedstock } from '../../models/feedstocks/types.js';
import { simulateDigester } from '../simulate/digester.js';
import type { DigesterResult } from '../simulate/types.js';
import type { StateName } from '../../models/adm1/components.js';
import { feedAmounts } from '../feed/characterise.js';
import { CH4_NL_PER_KG_COD } from '../feed/buswell.js';
import { parameterDef } from '../../models/adm1/parameters.js';
import { DEFAULT_INOCULUM, DEFAULT_INOCULUM_SOURCE, inoculumVs_kg_m3 } from './inoculum.js';

export interface BmpOptions {
  /** Assay length (d); default 60 (VDI 4630 / Holliger et al. 2016: until daily gas < 1 % of the total, 30-60 d). */
  days?: number;
  /** Inoculum-to-substrate ratio on VS; default 2 (Holliger et al. 2016 recommend >= 2 for unknown substrates). */
  isr?: number;
  /** Bottle liquid and headspace volumes (m3); default 400 mL liquid, 200 mL headspace. */
  V_liq_m3?: number;
  V_gas_m3?: number;
  /** Incubation temperature (K); default 308.15 (35 C). */
  T_op_K?: number;
  /** Inoculum state (any subset of the 29 states, the rest from the default inoculum). */
  inoculum?: Partial<Record<string, number>>;
  /** ADM1 parameter overrides; the feedstock's k_hyd is used for k_hyd_ch/pr/li unless given here. */
  parameters?: Partial<Record<string, number>>;
  output_every_d?: number;
}

export interface BmpResult {
  feedstock: string;
  t_d: Float64Array;
  /** Net cumulative methane per kg VS added (NL CH4/kg VS), test minus blank. */
  net_NL_kgVS: Float64Array;
  /** Gross (test bottle) and blank methane formed (NL CH4 per bottle). */
  test_NL: Float64Array;
  blank_NL: Float64Array;
  ultimate_NL_kgVS: number;
  /** Days to reach 90 % of the final net yield (T90). */
  t90_d: number;
  record_BMP_NL_kgVS: number;
  VS_added_kg: number;
  inoculum_VS_kg: number;
  isr: number;
  days: number;
  inoculum_source: string;
  caveats: string[];
  warnings: string[];
  /** Minimum pH and maximum free ammonia in the test bottle, for a plausibility check. */
  min_pH: number;
  max_free_nh3_mgN_L: number;
  /** The same in the blank (inoculum alone): the ammonia the substrate adds is the difference. */
  blank_max_free_nh3_mgN_L: number;
  /** Lowest acetoclast free-ammonia factor I_nh3 (1 = uninhibited) in the test bottle and in the blank. */
  min_I_nh3: number;
  blank_min_I_nh3: number;
}

/**
 * The ammonia warning of an assay. The net yield is test minus blank, so what matters is the inhibition the
 * substrate adds to the inoculum's own: a digestate inoculum (the default is the BSM2 steady state, about 57 mg free
 * NH3-N/L against the 25 mg N/L K_I_nh3) is inhibited by more than half before any substrate goes in, which says
 * nothing about the substrate. Warned when the substrate cuts the acetoclasts' activity (I_nh3) by more than a fifth
 * below the blank's, or below half when the blank is above half. The one-fifth margin is an estimate (docs/feedstocks.md, §4).
 */
export const BMP_NH3_ACTIVITY_LOSS = 0.2;

const COD_LIQUID: readonly StateName[] = ['S_su', 'S_aa', 'S_fa', 'S_va', 'S_bu', 'S_pro', 'S_ac', 'S_h2', 'S_ch4', 'S_I', 'X_xc', 'X_ch', 'X_pr', 'X_li',
  'X_su', 'X_aa', 'X_fa', 'X_c4', 'X_pro', 'X_ac', 'X_h2', 'X_I'];
/** BSM2's k_p (m3/(d bar)) belongs to a 300 m3 headspace; a bottle gets the same time constant by scaling with V_gas. */
const K_P_PER_M3_HEADSPACE = 5e4 / 300;

function positive(field: string, v: number, what: string): number {
  if (!(Number.isFinite(v) && v > 0)) throw new InputError(field, `expected ${what}, got ${show(v)}`);
  return v;
}

/** Methane formed in the bottle up to each output time (kg COD): COD that left the closed system (the gas outflow,
 *  all CH4 apart from traces of H2) plus the change of CH4 held in liquid and headspace. Exact given a COD-conserving model. */
function methaneFormed_kgCOD(r: DigesterResult, V_liq: number, V_gas: number): Float64Array {
  const n = r.t_d.length;
  const out = new Float64Array(n);
  const total = (i: number) => COD_LIQUID.reduce((s, k) => s + r.series[k]![i]!, 0) * V_liq
    + (r.series.S_gas_h2![i]! + r.series.S_gas_ch4![i]!) * V_gas;
  const ch4Held = (i: number) => r.series.S_ch4![i]! * V_liq + r.series.S_gas_ch4![i]! * V_gas;
  const T0 = total(0), H0 = ch4Held(0);
  for (let i = 0; i < n; i++) out[i] = T0 - total(i) + (ch4Held(i) - H0);
  return out;
}

/** Runs the test bottle and the blank for one feedstock. */
export function simulateBmp(f: Feedstock, opts: BmpOptions = {}): BmpResult {
  const days = positive('days', opts.days ?? 60, 'an assay length > 0 d');
  if (days > 365) throw new InputError('days', `expected an assay length of at most 365 d, got ${show(days)}`);
  const isr = positive('isr', opts.isr ?? 2, 'an inoculum-to-substrate ratio (VS basis) > 0');
  const V_liq = positive('V_liq_m3', opts.V_liq_m3 ?? 0.0004, 'a bottle liquid volume > 0 m3');
  const V_gas = positive('V_gas_m3', opts.V_gas_m3 ?? 0.0002, 'a bottle headspace > 0 m3');
  const T_op_K = opts.T_op_K ?? 308.15;
  const every = opts.output_every_d ?? 0.25;

  const inoculum: Record<string, number> = { ...DEFAULT_INOCULUM } as Record<string, number>;
  for (const [k, v] of Object.entries(opts.inoculum ?? {})) if (v !== undefined) inoculum[k] = v;
  const inocVS_kg = inoculumVs_kg_m3(inoculum) * V_liq;
  if (!(inocVS_kg > 0)) throw new InputError('inoculum', 'the inoculum has no particulate COD (no VS)');
  const VS_added = inocVS_kg / isr;
  const FM_kg = VS_added / (f.TS.value * f.VS_TS.value);

  // The substrate's amounts (kg COD, kmol) as one "day" of feed at FM_kg/d, spread over the bottle's liquid.
  const a = feedAmounts(f, { kind: 'mass', value: FM_kg, unit: 'kg/d' });
  const test: Record<string, number> = { ...inoculum };
  for (const [k, v] of Object.entries(a.state_kg_d)) test[k] = (test[k] ?? 0) + v / V_liq;
  test.S_IN = (test.S_IN ?? 0) + a.S_IN_kmol_d / V_liq;
  test.S_IC = (test.S_IC ?? 0) + a.S_IC_kmol_d / V_liq;
  const net = (test.S_cation ?? 0) - (test.S_anion ?? 0) + (a.S_cation_kmol_d - a.S_anion_kmol_d) / V_liq;
  test.S_cation = Math.max(net, 0);
  test.S_anion = Math.max(-net, 0);

  const parameters = {
    k_hyd_ch: f.k_hyd.value, k_hyd_pr: f.k_hyd.value, k_hyd_li: f.k_hyd.value,
    k_p: K_P_PER_M3_HEADSPACE * V_gas,
    ...opts.parameters,
  } as Record<string, number>;
  const base = {
    digester: { V_liq_m3: V_liq, V_gas_m3: V_gas, T_op_K },
    feed: [{ time_d: 0, q_m3_d: 0, state: {} }],
    parameters,
    days,
    output_every_d: every,
  };
  const rTest = simulateDigester({ ...base, initial: test });
  const rBlank = simulateDigester({ ...base, initial: inoculum });
  const n = Math.min(rTest.t_d.length, rBlank.t_d.length);
  const mTest = methaneFormed_kgCOD(rTest, V_liq, V_gas), mBlank = methaneFormed_kgCOD(rBlank, V_liq, V_gas);
  const test_NL = new Float64Array(n), blank_NL = new Float64Array(n), netY = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    test_NL[i] = mTest[i]! * CH4_NL_PER_KG_COD;
    blank_NL[i] = mBlank[i]! * CH4_NL_PER_KG_COD;
    netY[i] = (test_NL[i]! - blank_NL[i]!) / VS_added;
  }
  const ultimate = n > 0 ? netY[n - 1]! : NaN;
  if (!Number.isFinite(ultimate)) throw new InputError('bmp', `the simulated assay did not produce a result (outcome ${rTest.outcome})`);
  let t90 = NaN;
  for (let i = 0; i < n; i++) if (netY[i]! >= 0.9 * ultimate) { t90 = rTest.t_d[i]!; break; }
  const pH = rTest.series.pH!, fan = rTest.series.free_nh3_mgN_L!;
  const lowest = (x: Float64Array) => Math.min(...x.subarray(0, n)), highest = (x: Float64Array) => Math.max(...x.subarray(0, n));
  const nh3 = {
    test: highest(fan), blank: highest(rBlank.series.free_nh3_mgN_L!),
    iTest: lowest(rTest.series.I_nh3!), iBlank: lowest(rBlank.series.I_nh3!),
  };
  // The engine's own free-ammonia warning compares with K_I_nh3 alone, which the inoculum already exceeds: replaced.
  const engine = rTest.warnings.filter((w) => !w.startsWith('free ammonia up to'));
  const warnings = [...new Set([...a.warnings, ...engine.map((w) => `test bottle: ${w}`), ...ammoniaWarning(nh3, parameters.K_I_nh3 ?? parameterDef('K_I_nh3')!.value),
    ...(rTest.outcome !== 'done' ? ['test bottle: simulation stopped early'] : [])])];
  return {
    feedstock: f.id,
    t_d: rTest.t_d.slice(0, n),
    net_NL_kgVS: netY,
    test_NL, blank_NL,
    ultimate_NL_kgVS: ultimate,
    t90_d: t90,
    record_BMP_NL_kgVS: f.BMP.value,
    VS_added_kg: VS_added,
    inoculum_VS_kg: inocVS_kg,
    isr, days,
    inoculum_source: DEFAULT_INOCULUM_SOURCE,
    caveats: f.caveat ? [f.caveat] : [],
    warnings,
    min_pH: lowest(pH),
    max_free_nh3_mgN_L: nh3.test,
    blank_max_free_nh3_mgN_L: nh3.blank,
    min_I_nh3: nh3.iTest,
    blank_min_I_nh3: nh3.iBlank,
  };
}

/** The assay's ammonia warning (BMP_NH3_ACTIVITY_LOSS), or none. */
export function ammoniaWarning(x: { test: number; blank: number; iTest: number; iBlank: number }, K_I_nh3?: number): string[] {
  const added = x.iTest < x.iBlank * (1 - BMP_NH3_ACTIVITY_LOSS) || (x.iTest < 0.5 && x.iBlank >= 0.5);
  if (!added) return [];
  const KI = K_I_nh3 === undefined ? '' : ` (K_I_nh3 ${(K_I_nh3 * 14000).toFixed(0)} mg N/L)`;
  return [`test bottle: the substrate raises free ammonia to ${x.test.toFixed(0)} mg N/L against ${x.blank.toFixed(0)} in the blank, `
    + `cutting acetoclastic methanogen activity to ${Math.round(x.iTest * 100)} % of uninhibited (blank ${Math.round(x.iBlank * 100)} %)${KI}: `
    + 'the assay may under-read or lag; use a higher inoculum-to-substrate ratio or an ammonia-acclimated inoculum'];
}
