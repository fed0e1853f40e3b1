// The ADM1 digester model (CSTR + headspace): dy/dt = transport + S^T rho(y) + gas transfer, as a fast closure over
// typed arrays, and its exact Jacobian with sparsity pattern. pH is algebraic (acid-base DAE form, warm-started
// Newton) and enters the Jacobian through dS_H+/dy from the charge balance; S_h2 is a state. The rates and their
// partials come from the process table (processes.ts, rates.ts); only the reactor (transport, gas transfer) is here.
import { IDX, N_LIQUID, N_STATES } from './components.js';
import { createChargeBalance, speciate, type ChargeBalance } from './acidbase.js';
import { physchemAt, type PhysChem } from './physchem.js';
import { N_PROCESSES, PROCESSES, stoichiometricMatrix } from './processes.js';
import { SH_VAR, compileRates, hillConstants } from './rates.js';

type Params = Readonly<Record<string, number>>;

export interface ReactorSpec { V_liq_m3: number; V_gas_m3: number; T_op_K: number }

/** Hill-type pH inhibition on S_H+ (BSM2): I = K^n / (S_H^n + K^n), K = 10^-(LL+UL)/2, n = 3/(UL-LL). */
export interface PhInhibition { K: number; n: number }
export const phInhibition = (LL: number, UL: number): PhInhibition => hillConstants(LL, UL);
export const hill = (h: PhInhibition, S_H: number): number => {
  const Kn = h.K ** h.n;
  return Kn / (S_H ** h.n + Kn);
};

/** Structurally non-zero entries of the Jacobian (row i, column j), as coordinate lists. */
export interface JacobianPattern { rows: Int32Array; cols: Int32Array }

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
  /** Exact d(dy/dt)/dy at y, row-major n x n (entries outside `pattern` are written as 0). */
  jacobian(t: number, y: Float64Array, jac: Float64Array): void;
  /** Entries of the Jacobian that can be non-zero for this parameter set (the same object for the model's life). */
  readonly pattern: JacobianPattern;
  /** Process rates rho (length N_PROCESSES) at y. */
  rates(y: ArrayLike<number>, rho: Float64Array): void;
  /** S_H+ at y (solves the charge balance). */
  solveSH(y: ArrayLike<number>): number;
  readonly ph: { aa: PhInhibition; ac: PhInhibition; h2: PhInhibition };
  /** Charge-balance Newton iterations so far (benchmarks). */
  readonly counters: { iterations: number };
}

export function createAdm1Model(reactor: ReactorSpec, params: Params): Adm1Model {
  const p = params;
  const pc = physchemAt(reactor.T_op_K, p);
  const S = stoichiometricMatrix(p);
  const n = N_STATES;
  // Sparse form of S, process by process, for the hot loops.
  const nnz: number[] = [], col: number[] = [], coef: number[] = [], start: number[] = [];
  for (let k = 0; k < N_PROCESSES; k++) {
    start.push(col.length);
    let count = 0;
    for (let j = 0; j < n; j++) {
      const v = S[k * n + j]!;
      if (v !== 0) { col.push(j); coef.push(v); count++; }
    }
    nnz.push(count);
  }
  const spCol = Int32Array.from(col), spCoef = Float64Array.from(coef), spN = Int32Array.from(nnz), spStart = Int32Array.from(start);
  const compiled = compileRates(PROCESSES.map((d) => ({ name: d.name, rate: d.rate(p) })), pc);
  const cb: ChargeBalance = createChargeBalance(pc);
  const cbStates = cb.states, nCb = cbStates.length;

  const ph = { aa: phInhibition(p.pH_LL_aa!, p.pH_UL_aa!), ac: phInhibition(p.pH_LL_ac!, p.pH_UL_ac!), h2: phInhibition(p.pH_LL_h2!, p.pH_UL_h2!) };
  const { V_liq_m3: V_liq, V_gas_m3: V_gas } = reactor;
  const q = { q_m3_d: 0, x: new Float64Array(n) };
  const rho = new Float64Array(N_PROCESSES);
  const W = n + 1;
  const dRho = new Float64Array(N_PROCESSES * W);
  const dh = new Float64Array(nCb), dhdy = new Float64Array(n);
  const counters = { iterations: 0 };
  let lastSH = 1e-7;

  const i = IDX as Record<string, number>;
  const iH2 = i.S_h2!, iCh4 = i.S_ch4!, iIC = i.S_IC!, iGh2 = i.S_gas_h2!, iGch4 = i.S_gas_ch4!, iGco2 = i.S_gas_co2!;

  function solveSHAt(y: ArrayLike<number>): number {
    const h = cb.solve(y, lastSH, counters);
    if (h > 0 && Number.isFinite(h)) lastSH = h;
    return h;
  }

  const RT = pc.RT, kLa = pc.k_L_a, kp = pc.k_p, Patm = pc.P_atm_bar, ph2o = pc.p_gas_h2o_bar;
  const K_H_h2 = pc.K_H_h2, K_H_ch4 = pc.K_H_ch4, K_H_co2 = pc.K_H_co2, K_a_co2 = pc.K_a_co2;
  const vr = V_liq / V_gas;

  function rhs(_t: number, y: Float64Array, dydt: Float64Array): void {
    const S_H = solveSHAt(y);
    compiled.rates(y, S_H, rho);
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
    const qg = q_gas / V_gas;
    dydt[iGh2] = -y[iGh2]! * qg + T_h2 * vr;
    dydt[iGch4] = -y[iGch4]! * qg + T_ch4 * vr;
    dydt[iGco2] = -y[iGco2]! * qg + T_co2 * vr;
  }

  /** Adds s * g to column j of every row that process k's stoichiometry touches. */
  function addToColumn(jac: Float64Array, k: number, jCol: number, g: number): void {
    if (g === 0) return;
    for (let m = spStart[k]!, e = m + spN[k]!; m < e; m++) jac[spCol[m]! * n + jCol] += spCoef[m]! * g;
  }

  function jacobian(_t: number, y: Float64Array, jac: Float64Array): void {
    const S_H = solveSHAt(y);
    cb.sensitivity(y, S_H, dh);
    for (let m = 0; m < nCb; m++) dhdy[cbStates[m]!] = dh[m]!;
    compiled.ratesAndPartials(y, S_H, rho, dRho);
    jac.fill(0);
    const D = q.q_m3_d / V_liq;
    for (let j = 0; j < N_LIQUID; j++) jac[j * n + j] = -D;
    // Processes: d(S^T rho)/dy = S^T (d rho/dy + d rho/dS_H dS_H/dy).
    for (let k = 0; k < N_PROCESSES; k++) {
      const vs = compiled.vars(k), row = k * W;
      for (let v = 0; v < vs.length; v++) {
        const jv = vs[v]!;
        if (jv === SH_VAR) {
          const gH = dRho[row + SH_VAR]!;
          for (let m = 0; m < nCb; m++) addToColumn(jac, k, cbStates[m]!, gH * dh[m]!);
        } else addToColumn(jac, k, jv, dRho[row + jv]!);
      }
    }
    // Gas transfer and headspace outflow.
    const p_h2 = y[iGh2]! * RT / 16, p_ch4 = y[iGch4]! * RT / 64, p_co2 = y[iGco2]! * RT;
    const P_gas = p_h2 + p_ch4 + p_co2 + ph2o;
    const over = P_gas > Patm;
    const qg = over ? kp * (P_gas - Patm) / V_gas : 0;
    const dqg = over ? kp / V_gas : 0;                         // d(q_gas/V_gas)/dP_gas
    const dP = [RT / 16, RT / 64, RT];                        // dP_gas/d(S_gas_h2, S_gas_ch4, S_gas_co2)
    const gas = [iGh2, iGch4, iGco2];
    const aH = K_a_co2 + S_H, fco2 = S_H / aH, dfco2 = K_a_co2 / (aH * aH);   // S_co2 = S_IC * fco2(S_H)
    // dT/dy for each transfer, as (liquid column, coefficient) lists; T_co2 also depends on S_H through S_co2.
    const tLiq = [iH2, iCh4, iIC];
    const tGasCoef = [-kLa * K_H_h2 * RT, -kLa * K_H_ch4 * RT, -kLa * K_H_co2 * RT];
    for (let g = 0; g < 3; g++) {
      const rowLiq = tLiq[g]!, rowGas = gas[g]!;
      // d T_g / d(liquid species) and d T_g / d(own gas)
      const dTl = g === 2 ? kLa * fco2 : kLa;
      jac[rowLiq * n + rowLiq] -= dTl;
      jac[rowLiq * n + rowGas] -= tGasCoef[g]!;
      jac[rowGas * n + rowLiq] += vr * dTl;
      jac[rowGas * n + rowGas] += vr * tGasCoef[g]! - qg;
      for (let c = 0; c < 3; c++) jac[rowGas * n + gas[c]!] -= y[rowGas]! * dqg * dP[c]!;
      if (g === 2) {
        const a = kLa * y[iIC]! * dfco2;   // d T_co2 / d S_H
        for (let m = 0; m < nCb; m++) {
          const jc = cbStates[m]!;
          jac[iIC * n + jc] -= a * dh[m]!;
          jac[iGco2 * n + jc] += vr * a * dh[m]!;
        }
      }
    }
  }

  /** The structure of `jacobian`, from the same loops: processes, transport diagonal, gas transfer. */
  function buildPattern(): JacobianPattern {
    const mask = new Uint8Array(n * n);
    const mark = (r: number, c: number) => { mask[r * n + c] = 1; };
    for (let j = 0; j < N_LIQUID; j++) mark(j, j);
    for (let k = 0; k < N_PROCESSES; k++) {
      const vs = compiled.vars(k);
      for (let v = 0; v < vs.length; v++) {
        const cols = vs[v] === SH_VAR ? cbStates : [vs[v]!];
        for (const c of cols) for (let m = spStart[k]!, e = m + spN[k]!; m < e; m++) mark(spCol[m]!, c);
      }
    }
    const gas = [iGh2, iGch4, iGco2], liq = [iH2, iCh4, iIC];
    for (let g = 0; g < 3; g++) {
      const rl = liq[g]!, rg = gas[g]!;
      for (const r of [rl, rg]) { mark(r, rl); mark(r, rg); if (g === 2) for (const c of cbStates) mark(r, c); }
      for (const c of gas) mark(rg, c);
    }
    const rows: number[] = [], cols: number[] = [];
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (mask[r * n + c]) { rows.push(r); cols.push(c); }
    return { rows: Int32Array.from(rows), cols: Int32Array.from(cols) };
  }
  const pattern = buildPattern();

  return {
    n, params: p, reactor, pc, stoichiometry: S, ph, pattern, counters,
    setFeed(q_m3_d, influent) {
      q.q_m3_d = q_m3_d;
      for (let j = 0; j < n; j++) q.x[j] = influent[j] ?? 0;
    },
    rhs,
    jacobian,
    rates(y, out) { compiled.rates(y, solveSHAt(y), out); },
    solveSH: solveSHAt,
  };
}

export { speciate };
