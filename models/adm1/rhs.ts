// The ADM1 digester model (CSTR + headspace): dy/dt = transport + S^T rho(y) + gas transfer, as a fast closure over
// typed arrays. pH is algebraic (acid-base DAE form, warm-started Newton); S_h2 is a state.
import { IDX, N_LIQUID, N_STATES } from './components.js';
import { solveSH, speciate, type AcidBaseInput } from './acidbase.js';
import { physchemAt, type PhysChem } from './physchem.js';
import { N_PROCESSES, stoichiometricMatrix } from './processes.js';

type Params = Readonly<Record<string, number>>;

export interface ReactorSpec { V_liq_m3: number; V_gas_m3: number; T_op_K: number }

/** Hill-type pH inhibition on S_H+ (BSM2): I = K^n / (S_H^n + K^n), K = 10^-(LL+UL)/2, n = 3/(UL-LL). */
export interface PhInhibition { K: number; n: number }
export function phInhibition(LL: number, UL: number): PhInhibition {
  return { K: 10 ** (-(LL + UL) / 2), n: 3 / (UL - LL) };
}
export const hill = (h: PhInhibition, S_H: number): number => {
  const Kn = h.K ** h.n;
  return Kn / (S_H ** h.n + Kn);
};

export interface Adm1Model {
  readonly n: number;
  readonly params: Params;
  readonly reactor: ReactorSpec;
  readonly pc: PhysChem;
  /** Stoichiometric matrix, N_PROCESSES x N_STATES row-major. */
  readonly stoichiometry: Float64Array;
  /** Sets the (constant) feed used by rhs: flow and influent concentrations (length N_STATES; gas entries ignored). */
  setFeed(q_m3_d: number, influent: ArrayLike<number>): void;
  /** dy/dt at y. */
  rhs(t: number, y: Float64Array, dydt: Float64Array): void;
  /** Process rates rho (length N_PROCESSES) at y. */
  rates(y: ArrayLike<number>, rho: Float64Array): void;
  /** S_H+ at y (solves the charge balance). */
  solveSH(y: ArrayLike<number>): number;
  readonly ph: { aa: PhInhibition; ac: PhInhibition; h2: PhInhibition };
}

export function createAdm1Model(reactor: ReactorSpec, params: Params): Adm1Model {
  const p = params;
  const pc = physchemAt(reactor.T_op_K, p);
  const S = stoichiometricMatrix(p);
  // Sparse form of S, process by process, for the hot loop.
  const nnz: number[] = [], col: number[] = [], coef: number[] = [];
  for (let k = 0; k < N_PROCESSES; k++) {
    let count = 0;
    for (let j = 0; j < N_STATES; j++) {
      const v = S[k * N_STATES + j]!;
      if (v !== 0) { col.push(j); coef.push(v); count++; }
    }
    nnz.push(count);
  }
  const spCol = Int32Array.from(col), spCoef = Float64Array.from(coef), spN = Int32Array.from(nnz);

  const ph = { aa: phInhibition(p.pH_LL_aa!, p.pH_UL_aa!), ac: phInhibition(p.pH_LL_ac!, p.pH_UL_ac!), h2: phInhibition(p.pH_LL_h2!, p.pH_UL_h2!) };
  const KnAa = ph.aa.K ** ph.aa.n, KnAc = ph.ac.K ** ph.ac.n, KnH2 = ph.h2.K ** ph.h2.n;
  const { V_liq_m3: V_liq, V_gas_m3: V_gas } = reactor;
  const q = { q_m3_d: 0, x: new Float64Array(N_STATES) };
  const rho = new Float64Array(N_PROCESSES);
  const ab: AcidBaseInput = { S_va: 0, S_bu: 0, S_pro: 0, S_ac: 0, S_IC: 0, S_IN: 0, S_cation: 0, S_anion: 0 };
  let lastSH = 1e-7;

  const i = IDX as Record<string, number>;
  const iSu = i.S_su!, iAa = i.S_aa!, iFa = i.S_fa!, iVa = i.S_va!, iBu = i.S_bu!, iPro = i.S_pro!, iAc = i.S_ac!, iH2 = i.S_h2!,
    iCh4 = i.S_ch4!, iIC = i.S_IC!, iIN = i.S_IN!, iXc = i.X_xc!, iXch = i.X_ch!, iXpr = i.X_pr!, iXli = i.X_li!,
    iXsu = i.X_su!, iXaa = i.X_aa!, iXfa = i.X_fa!, iXc4 = i.X_c4!, iXpro = i.X_pro!, iXac = i.X_ac!, iXh2 = i.X_h2!,
    iCat = i.S_cation!, iAn = i.S_anion!, iGh2 = i.S_gas_h2!, iGch4 = i.S_gas_ch4!, iGco2 = i.S_gas_co2!;

  function loadAcidBase(y: ArrayLike<number>): AcidBaseInput {
    ab.S_va = y[iVa]!; ab.S_bu = y[iBu]!; ab.S_pro = y[iPro]!; ab.S_ac = y[iAc]!;
    ab.S_IC = y[iIC]!; ab.S_IN = y[iIN]!; ab.S_cation = y[iCat]!; ab.S_anion = y[iAn]!;
    return ab;
  }

  function solveSHAt(y: ArrayLike<number>): number {
    const h = solveSH(loadAcidBase(y), pc, lastSH);
    if (h > 0 && Number.isFinite(h)) lastSH = h;
    return h;
  }

  /** Rates at y given S_H; returns the free-ammonia concentration for reuse. */
  function computeRates(y: ArrayLike<number>, S_H: number, out: Float64Array): void {
    const S_va = y[iVa]!, S_bu = y[iBu]!, S_h2 = y[iH2]!, S_IN = y[iIN]!;
    const S_nh3 = pc.K_a_IN * S_IN / (pc.K_a_IN + S_H);
    const I_pH_aa = KnAa / (S_H ** ph.aa.n + KnAa);
    const I_pH_ac = KnAc / (S_H ** ph.ac.n + KnAc);
    const I_pH_h2 = KnH2 / (S_H ** ph.h2.n + KnH2);
    const S_IN_pos = S_IN > 0 ? S_IN : 0;   // limitation term is undefined for negative S_IN
    const I_IN = S_IN_pos / (S_IN_pos + p.K_S_IN!);
    const I_h2_fa = 1 / (1 + S_h2 / p.K_I_h2_fa!);
    const I_h2_c4 = 1 / (1 + S_h2 / p.K_I_h2_c4!);
    const I_h2_pro = 1 / (1 + S_h2 / p.K_I_h2_pro!);
    const I_nh3 = 1 / (1 + S_nh3 / p.K_I_nh3!);
    const I5 = I_pH_aa * I_IN;
    out[0] = p.k_dis! * y[iXc]!;
    out[1] = p.k_hyd_ch! * y[iXch]!;
    out[2] = p.k_hyd_pr! * y[iXpr]!;
    out[3] = p.k_hyd_li! * y[iXli]!;
    out[4] = p.k_m_su! * y[iSu]! / (p.K_S_su! + y[iSu]!) * y[iXsu]! * I5;
    out[5] = p.k_m_aa! * y[iAa]! / (p.K_S_aa! + y[iAa]!) * y[iXaa]! * I5;
    out[6] = p.k_m_fa! * y[iFa]! / (p.K_S_fa! + y[iFa]!) * y[iXfa]! * I5 * I_h2_fa;
    const c4share = S_bu + S_va + p.c4_uptake_eps!;
    out[7] = p.k_m_c4! * S_va / (p.K_S_c4! + S_va) * y[iXc4]! * (S_va / c4share) * I5 * I_h2_c4;
    out[8] = p.k_m_c4! * S_bu / (p.K_S_c4! + S_bu) * y[iXc4]! * (S_bu / c4share) * I5 * I_h2_c4;
    out[9] = p.k_m_pro! * y[iPro]! / (p.K_S_pro! + y[iPro]!) * y[iXpro]! * I5 * I_h2_pro;
    out[10] = p.k_m_ac! * y[iAc]! / (p.K_S_ac! + y[iAc]!) * y[iXac]! * I_pH_ac * I_IN * I_nh3;
    out[11] = p.k_m_h2! * S_h2 / (p.K_S_h2! + S_h2) * y[iXh2]! * I_pH_h2 * I_IN;
    out[12] = p.k_dec_X_su! * y[iXsu]!;
    out[13] = p.k_dec_X_aa! * y[iXaa]!;
    out[14] = p.k_dec_X_fa! * y[iXfa]!;
    out[15] = p.k_dec_X_c4! * y[iXc4]!;
    out[16] = p.k_dec_X_pro! * y[iXpro]!;
    out[17] = p.k_dec_X_ac! * y[iXac]!;
    out[18] = p.k_dec_X_h2! * y[iXh2]!;
  }

  const RT = pc.RT, kLa = pc.k_L_a, kp = pc.k_p, Patm = pc.P_atm_bar, ph2o = pc.p_gas_h2o_bar;
  const K_H_h2 = pc.K_H_h2, K_H_ch4 = pc.K_H_ch4, K_H_co2 = pc.K_H_co2, K_a_co2 = pc.K_a_co2;

  function rhs(_t: number, y: Float64Array, dydt: Float64Array): void {
    const S_H = solveSHAt(y);
    computeRates(y, S_H, rho);
    const D = q.q_m3_d / V_liq, x = q.x;
    for (let j = 0; j < N_LIQUID; j++) dydt[j] = D * (x[j]! - y[j]!);
    let m = 0;
    for (let k = 0; k < N_PROCESSES; k++) {
      const r = rho[k]!;
      for (let e = m + spN[k]!; m < e; m++) dydt[spCol[m]!]! += spCoef[m]! * r;
    }
    // Gas-liquid transfer and the headspace (BSM2): partial pressures from headspace concentrations.
    const p_h2 = y[iGh2]! * RT / 16, p_ch4 = y[iGch4]! * RT / 64, p_co2 = y[iGco2]! * RT;
    const P_gas = p_h2 + p_ch4 + p_co2 + ph2o;
    // Outflow only when the headspace is above atmospheric pressure (no back-flow of air into the digester).
    const q_gas = P_gas > Patm ? kp * (P_gas - Patm) : 0;
    const S_co2 = y[iIC]! - K_a_co2 * y[iIC]! / (K_a_co2 + S_H);
    const T_h2 = kLa * (y[iH2]! - 16 * K_H_h2 * p_h2);
    const T_ch4 = kLa * (y[iCh4]! - 64 * K_H_ch4 * p_ch4);
    const T_co2 = kLa * (S_co2 - K_H_co2 * p_co2);
    dydt[iH2] = dydt[iH2]! - T_h2;
    dydt[iCh4] = dydt[iCh4]! - T_ch4;
    dydt[iIC] = dydt[iIC]! - T_co2;
    const vr = V_liq / V_gas, qg = q_gas / V_gas;
    dydt[iGh2] = -y[iGh2]! * qg + T_h2 * vr;
    dydt[iGch4] = -y[iGch4]! * qg + T_ch4 * vr;
    dydt[iGco2] = -y[iGco2]! * qg + T_co2 * vr;
  }

  return {
    n: N_STATES, params: p, reactor, pc, stoichiometry: S, ph,
    setFeed(q_m3_d, influent) {
      q.q_m3_d = q_m3_d;
      for (let j = 0; j < N_STATES; j++) q.x[j] = influent[j] ?? 0;
    },
    rhs,
    rates(y, out) { computeRates(y, solveSHAt(y), out); },
    solveSH: solveSHAt,
  };
}

export { speciate };
