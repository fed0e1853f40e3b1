// Characterisation: a feedstock at a rate (or a mixture) -> ADM1 influent (X_ch, X_pr, X_li fed directly; X_xc = 0)
// with COD, N and C balances closed and reported. Method and factors: docs/feedstocks.md.
import { InputError, show } from '../errors.js';
import { parseRate, type Rate } from '../units/quantity.js';
import type { Feedstock } from '../../models/feedstocks/types.js';
import { FACTORS, FRACTIONS } from './macromolecules.js';
import { C_CONTENT, N_CONTENT, PKA_25C, methaneEfficiency } from './adm1-composition.js';
import { CH4_NL_PER_KG_COD } from './buswell.js';
import { adm1BmpShortfall, codPerVs } from './validate.js';

const M_N = 14.007;   // kg N per kmol
const M_C = 12.011;   // kg C per kmol
/** g CaCO3 per equivalent of alkalinity. */
const CACO3_G_EQ = 50.04;
/** Cap on dissolved CO2 carried in by the feed (kmol/m3): about 0.3 bar CO2 at 25 C (K_H 0.034 M/bar). Estimate:
 *  acidic feeds cannot hold all the CO2 their alkalinity would imply at their pH; the rest has degassed. */
const CO2_DISSOLVED_MAX_kmol_m3 = 0.01;
export const DEFAULT_S_I_FRACTION = 0.02;

/** COD-carrying states the mapping fills, kg COD/d; plus the inorganic/ionic states in kmol/d. */
export interface FeedAmounts {
  id: string;
  name: string;
  FM_kg_d: number;
  V_m3_d: number;            // volume of the material itself (FM / density)
  TS_kg_d: number;
  VS_kg_d: number;
  COD_kg_d: number;
  degradable_COD_kg_d: number;
  /** Derived degradable share of the non-lignin COD (uniform over carbohydrate, protein and lipid). */
  f_degradable: number;
  methane_efficiency: number;
  BMP_NL_kgVS: number;
  theoretical_BMP_NL_kgVS: number;
  k_hyd_d: number;
  state_kg_d: Record<'X_ch' | 'X_pr' | 'X_li' | 'X_I' | 'S_I' | 'S_ac', number>;
  S_IN_kmol_d: number;
  S_IC_kmol_d: number;
  S_cation_kmol_d: number;
  S_anion_kmol_d: number;
  /** Balances (kg/d): what the feed contains, what the ADM1 states carry, and the explicit adjustments. */
  N: { total_kg_d: number; NH4_kg_d: number; added_to_S_IN_kg_d: number; adm1_kg_d: number; nominal_excess_kg_d: number };
  C: { organic_kg_d: number; inorganic_kg_d: number; added_to_S_IC_kg_d: number; adm1_kg_d: number; nominal_excess_kg_d: number };
  caveat?: string;
  warnings: string[];
}

/** Everything one feedstock at one rate brings per day. Amounts (not concentrations) so that mixtures simply add up. */
export function feedAmounts(f: Feedstock, rateIn: Rate | string | number, field = 'rate'): FeedAmounts {
  const rate = typeof rateIn === 'object' ? rateIn : parseRate(rateIn, field);
  if (!(rate.value >= 0) || !Number.isFinite(rate.value)) throw new InputError(field, `expected a rate of zero or more, got ${show(rate.value)}`);
  const rho = f.density.value;
  const FM = rate.kind === 'mass' ? rate.value : rate.value * rho;
  const V = FM / rho;
  const TS = FM * f.TS.value;
  const VS = TS * f.VS_TS.value;
  const c = f.composition;
  const perVs = codPerVs({ carbohydrate: c.carbohydrate.value, protein: c.protein.value, lipid: c.lipid.value, lignin: c.lignin.value });
  const sumFr = FRACTIONS.reduce((s, k) => s + c[k].value, 0);
  const mass = Object.fromEntries(FRACTIONS.map((k) => [k, (VS * c[k].value) / sumFr])) as Record<(typeof FRACTIONS)[number], number>;
  const cod = { ch: VS * perVs.ch, pr: VS * perVs.pr, li: VS * perVs.li, lignin: VS * perVs.lignin };
  const COD = cod.ch + cod.pr + cod.li + cod.lignin;
  const nonLignin = cod.ch + cod.pr + cod.li;
  const warnings: string[] = [];

  // Degradable COD from the BMP: BMP = 350 NL/kg COD x methane efficiency x degradable COD (see adm1-composition.ts).
  const eta = methaneEfficiency({ ch: perVs.ch, pr: perVs.pr, li: perVs.li });
  const degradable = (f.BMP.value * VS) / (CH4_NL_PER_KG_COD * eta);
  // A measured BMP may exceed what ADM1 makes of all non-lignin COD after biomass growth (e.g. cellulose at 85-100 %
  // of its theoretical 415): it is accepted, every non-lignin kg COD is made degradable, and the shortfall is said.
  const fd = Math.min(1, nonLignin > 0 ? degradable / nonLignin : 0);
  const short = adm1BmpShortfall(f);
  if (short) warnings.push(short);
  const vfa = Math.min(FM * ((f.VFA?.value ?? 0) / 1000), fd * cod.ch);
  const X_ch = fd * cod.ch - vfa;
  const X_pr = fd * cod.pr;
  const X_li = fd * cod.li;
  const inert = (1 - fd) * nonLignin + cod.lignin;
  const S_I = Math.min((f.S_I_fraction?.value ?? DEFAULT_S_I_FRACTION) * COD, inert);
  const X_I = inert - S_I;
  const state_kg_d = { X_ch, X_pr, X_li, X_I, S_I, S_ac: vfa };

  // Nitrogen: NH4-N goes to S_IN; organic N beyond what ADM1's fixed contents carry (N_aa for X_pr, N_I for inerts)
  // is added to S_IN; if ADM1's contents claim more than the feed has, that nominal excess is reported, not hidden.
  const TN = TS * f.N_total.value;
  const NH4 = FM * (f.NH4_N.value / 1000);
  const N_pr = X_pr * N_CONTENT.X_pr * M_N;
  const N_inert = (X_I * N_CONTENT.X_I + S_I * N_CONTENT.S_I) * M_N;
  const residualN = TN - NH4 - N_pr - N_inert;
  const N_added = Math.max(residualN, 0);
  const N_excess = Math.max(-residualN, 0);
  const S_IN = (NH4 + N_added) / M_N;
  const N_adm1 = N_pr + N_inert + S_IN * M_N;

  // Carbon: organic C from the elemental formulas of the fractions; inorganic C from alkalinity (HCO3-) plus dissolved
  // CO2 at the feed's pH. The difference between elemental C and ADM1's fixed C contents goes to S_IC when positive.
  const C_org = FRACTIONS.reduce((s, k) => s + mass[k] * FACTORS[k].C_g_g, 0);
  const H = 10 ** -f.pH.value;
  const Ka_co2 = 10 ** -PKA_25C.co2, Ka_IN = 10 ** -PKA_25C.IN, Ka_ac = 10 ** -PKA_25C.ac;
  const hco3_alk = (FM * f.alkalinity.value) / CACO3_G_EQ / 1000;   // kmol/d
  const co2_diss = Math.min(hco3_alk * (H / Ka_co2), CO2_DISSOLVED_MAX_kmol_m3 * V);
  const C_inorg = (hco3_alk + co2_diss) * M_C;
  const C_adm1_org = (X_ch * C_CONTENT.X_ch + X_pr * C_CONTENT.X_pr + X_li * C_CONTENT.X_li + X_I * C_CONTENT.X_I
    + S_I * C_CONTENT.S_I + vfa * C_CONTENT.S_ac) * M_C;
  const residualC = C_org - C_adm1_org;
  const C_added = Math.max(residualC, 0);
  const C_excess = Math.max(-residualC, 0);
  const S_IC = (C_inorg + C_added) / M_C;

  // Charge balance of ADM1 at the feed's pH: strong ions make up whatever the weak acids/bases leave.
  const hco3 = S_IC * (Ka_co2 / (Ka_co2 + H));
  const nh4 = S_IN * (H / (Ka_IN + H));
  const ac = (vfa / 64) * (Ka_ac / (Ka_ac + H));
  const OH = 10 ** -PKA_25C.w / H;
  const net = hco3 + ac + (OH - H) * V - nh4;   // anions minus cations, kmol/d

  // A nominal N excess (ADM1's N_I of 0.06 kg N/kg COD on lignocellulosic inerts) is expected and not a warning:
  // it sits in inert COD and never reaches S_IN; the report's balance shows it.
  if (f.VFA && FM * (f.VFA.value / 1000) > vfa + 1e-12) warnings.push(`${f.id}: VFA capped at the degradable carbohydrate COD`);

  return {
    id: f.id, name: f.name, FM_kg_d: FM, V_m3_d: V, TS_kg_d: TS, VS_kg_d: VS, COD_kg_d: COD,
    degradable_COD_kg_d: degradable, f_degradable: fd, methane_efficiency: eta,
    BMP_NL_kgVS: f.BMP.value, theoretical_BMP_NL_kgVS: perVs.total * CH4_NL_PER_KG_COD, k_hyd_d: f.k_hyd.value,
    state_kg_d, S_IN_kmol_d: S_IN, S_IC_kmol_d: S_IC,
    S_cation_kmol_d: Math.max(net, 0), S_anion_kmol_d: Math.max(-net, 0),
    N: { total_kg_d: TN, NH4_kg_d: NH4, added_to_S_IN_kg_d: N_added, adm1_kg_d: N_adm1, nominal_excess_kg_d: N_excess },
    C: { organic_kg_d: C_org, inorganic_kg_d: C_inorg, added_to_S_IC_kg_d: C_added, adm1_kg_d: C_adm1_org + S_IC * M_C, nominal_excess_kg_d: C_excess },
    ...(f.caveat ? { caveat: f.caveat } : {}),
    warnings,
  };
}

/** The influent as `adsim run` takes it. */
export interface Influent { q_m3_d: number; state: Record<string, number> }

export interface FeedReport {
  feedstocks: Array<{ id: string; name: string; FM_kg_d: number; VS_kg_d: number; VS_share: number; f_degradable: number; methane_efficiency: number }>;
  FM_kg_d: number;
  water_m3_d: number;
  q_m3_d: number;
  TS_kg_d: number;
  VS_kg_d: number;
  /** Total solids of the influent including dilution water, % of fresh mass. */
  TS_percent: number;
  COD_kg_d: number;
  degradable_COD_kg_d: number;
  N_kg_d: number;
  NH4_N_kg_d: number;
  C_organic_kg_d: number;
  C_inorganic_kg_d: number;
  /** Organic C / total N (mass ratio). */
  C_to_N: number;
  /** VS x record BMP, Nm3 CH4/d (0 C, 1 atm); and the theoretical (Buswell/COD) maximum. */
  methane_potential_Nm3_d: number;
  theoretical_methane_Nm3_d: number;
  balance: {
    COD_in_kg_d: number; COD_adm1_kg_d: number;
    N_in_kg_d: number; N_adm1_kg_d: number; N_added_to_S_IN_kg_d: number; N_nominal_excess_kg_d: number;
    C_in_kg_d: number; C_adm1_kg_d: number; C_added_to_S_IC_kg_d: number; C_nominal_excess_kg_d: number;
  };
  /** Given a digester liquid volume: organic loading rates and hydraulic retention time. */
  V_liq_m3?: number;
  OLR_kgVS_m3_d?: number;
  OLR_kgCOD_m3_d?: number;
  HRT_d?: number;
}

export interface Characterisation {
  influent: Influent;
  /** Suggested ADM1 hydrolysis rates (1/d): degradable-COD-weighted means of the feedstocks' first-order k_hyd. */
  parameters: { k_hyd_ch: number; k_hyd_pr: number; k_hyd_li: number };
  report: FeedReport;
  /** Caveats of the feedstocks used (e.g. dog faeces is an estimate): show them wherever the result is shown. */
  caveats: string[];
  warnings: string[];
}

export interface CharacteriseOptions {
  /** Dilution water added per day (m3/d, or a string with units such as "2 m3/d"). */
  water_m3_d?: number | string;
  /** Digester liquid volume (m3) for the OLR/HRT figures. */
  V_liq_m3?: number;
}

/** One feedstock at one rate -> ADM1 influent and report. */
export function characterise(f: Feedstock, rate: Rate | string | number, opts: CharacteriseOptions = {}): Characterisation {
  return combine([feedAmounts(f, rate)], opts);
}

export interface MixtureItem { feedstock: Feedstock; rate: Rate | string | number }

/** Several feedstocks at their own rates -> one influent (co-digestion). Amounts add; concentrations are per total flow. */
export function characteriseMixture(items: readonly MixtureItem[], opts: CharacteriseOptions = {}, field = 'feed'): Characterisation {
  if (items.length === 0) throw new InputError(field, 'expected at least one feedstock with a rate');
  return combine(items.map((it, i) => feedAmounts(it.feedstock, it.rate, `${field}[${i}].rate`)), opts);
}

/** Dilution water: a number in m3/d, a volume rate ("2 m3/d") or a mass rate of water ("500 kg/d" at 1000 kg/m3). */
export function parseWaterRate_m3_d(w: unknown, field = 'water'): number {
  if (w === undefined) return 0;
  if (typeof w === 'number') {
    if (!(Number.isFinite(w) && w >= 0)) throw new InputError(field, `expected a water flow of zero or more (m3/d), got ${show(w)}`);
    return w;
  }
  const v = parseRate(w, field);
  return v.kind === 'volume' ? v.value : v.value / 1000;
}

const STATE_ORDER = ['S_su', 'S_aa', 'S_fa', 'S_va', 'S_bu', 'S_pro', 'S_ac', 'S_h2', 'S_ch4', 'S_IC', 'S_IN', 'S_I',
  'X_xc', 'X_ch', 'X_pr', 'X_li', 'X_su', 'X_aa', 'X_fa', 'X_c4', 'X_pro', 'X_ac', 'X_h2', 'X_I', 'S_cation', 'S_anion'];

function combine(parts: FeedAmounts[], opts: CharacteriseOptions): Characterisation {
  const water = parseWaterRate_m3_d(opts.water_m3_d);
  const sum = (g: (p: FeedAmounts) => number) => parts.reduce((s, p) => s + g(p), 0);
  const q = sum((p) => p.V_m3_d) + water;
  const FM = sum((p) => p.FM_kg_d);
  const VS = sum((p) => p.VS_kg_d);
  if (!(q > 0)) throw new InputError('rate', 'the feed has no flow: give a rate above zero or some dilution water');
  const state: Record<string, number> = Object.fromEntries(STATE_ORDER.map((s) => [s, 0]));
  for (const k of ['X_ch', 'X_pr', 'X_li', 'X_I', 'S_I', 'S_ac'] as const) state[k] = sum((p) => p.state_kg_d[k]) / q;
  state.S_IN = sum((p) => p.S_IN_kmol_d) / q;
  state.S_IC = sum((p) => p.S_IC_kmol_d) / q;
  const net = sum((p) => p.S_cation_kmol_d - p.S_anion_kmol_d);
  state.S_cation = Math.max(net, 0) / q;
  state.S_anion = Math.max(-net, 0) / q;

  // Hydrolysis rates weighted by the degradable particulate COD each feedstock brings to each pool.
  // A weighted mean of equal rates is that rate exactly (not 0.20000000000000004); a true mixture's mean is a suggestion,
  // so 6 significant digits are plenty.
  const weighted = (k: 'X_ch' | 'X_pr' | 'X_li') => {
    const rates = new Set(parts.map((p) => p.k_hyd_d));
    if (rates.size === 1) return parts[0]!.k_hyd_d;
    const w = sum((p) => p.state_kg_d[k]);
    const mean = w > 0 ? sum((p) => p.state_kg_d[k] * p.k_hyd_d) / w : sum((p) => p.k_hyd_d) / parts.length;
    return Number(mean.toPrecision(6));
  };
  const COD_adm1 = (state.X_ch! + state.X_pr! + state.X_li! + state.X_I! + state.S_I! + state.S_ac!) * q;
  const N_in = sum((p) => p.N.total_kg_d);
  const C_org = sum((p) => p.C.organic_kg_d);
  const C_inorg = sum((p) => p.C.inorganic_kg_d);
  const report: FeedReport = {
    feedstocks: parts.map((p) => ({ id: p.id, name: p.name, FM_kg_d: p.FM_kg_d, VS_kg_d: p.VS_kg_d, VS_share: VS > 0 ? p.VS_kg_d / VS : 0, f_degradable: p.f_degradable, methane_efficiency: p.methane_efficiency })),
    FM_kg_d: FM,
    water_m3_d: water,
    q_m3_d: q,
    TS_kg_d: sum((p) => p.TS_kg_d),
    VS_kg_d: VS,
    TS_percent: (sum((p) => p.TS_kg_d) / (FM + water * 1000)) * 100,
    COD_kg_d: sum((p) => p.COD_kg_d),
    degradable_COD_kg_d: sum((p) => p.degradable_COD_kg_d),
    N_kg_d: N_in,
    NH4_N_kg_d: sum((p) => p.N.NH4_kg_d),
    C_organic_kg_d: C_org,
    C_inorganic_kg_d: C_inorg,
    C_to_N: N_in > 0 ? C_org / N_in : Infinity,
    methane_potential_Nm3_d: sum((p) => (p.VS_kg_d * p.BMP_NL_kgVS) / 1000),
    theoretical_methane_Nm3_d: sum((p) => (p.VS_kg_d * p.theoretical_BMP_NL_kgVS) / 1000),
    balance: {
      COD_in_kg_d: sum((p) => p.COD_kg_d),
      COD_adm1_kg_d: COD_adm1,
      N_in_kg_d: N_in,
      N_adm1_kg_d: sum((p) => p.N.adm1_kg_d),
      N_added_to_S_IN_kg_d: sum((p) => p.N.added_to_S_IN_kg_d),
      N_nominal_excess_kg_d: sum((p) => p.N.nominal_excess_kg_d),
      C_in_kg_d: C_org + C_inorg,
      C_adm1_kg_d: sum((p) => p.C.adm1_kg_d),
      C_added_to_S_IC_kg_d: sum((p) => p.C.added_to_S_IC_kg_d),
      C_nominal_excess_kg_d: sum((p) => p.C.nominal_excess_kg_d),
    },
  };
  if (opts.V_liq_m3 !== undefined) {
    if (!(Number.isFinite(opts.V_liq_m3) && opts.V_liq_m3 > 0)) throw new InputError('V_liq_m3', `expected a digester liquid volume above 0 m3, got ${show(opts.V_liq_m3)}`);
    Object.assign(report, olr(report, opts.V_liq_m3));
  }
  const caveats = [...new Set(parts.flatMap((p) => (p.caveat ? [p.caveat] : [])))];
  return {
    influent: { q_m3_d: q, state },
    parameters: { k_hyd_ch: weighted('X_ch'), k_hyd_pr: weighted('X_pr'), k_hyd_li: weighted('X_li') },
    report,
    caveats,
    warnings: parts.flatMap((p) => p.warnings),
  };
}

/** Organic loading rate (kg VS and kg COD per m3 of liquid per day) and HRT for a digester of V_liq_m3. */
export function olr(report: Pick<FeedReport, 'VS_kg_d' | 'COD_kg_d' | 'q_m3_d'>, V_liq_m3: number): Required<Pick<FeedReport, 'V_liq_m3' | 'OLR_kgVS_m3_d' | 'OLR_kgCOD_m3_d' | 'HRT_d'>> {
  return { V_liq_m3, OLR_kgVS_m3_d: report.VS_kg_d / V_liq_m3, OLR_kgCOD_m3_d: report.COD_kg_d / V_liq_m3, HRT_d: V_liq_m3 / report.q_m3_d };
}
