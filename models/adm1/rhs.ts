// The ADM1 digester model (CSTR + headspace): dy/dt = transport + S^T rho(y) + gas transfer, as a fast closure over
// typed arrays, and its exact Jacobian with sparsity pattern. pH is algebraic (acid-base DAE form, warm-started
// Newton) and enters the Jacobian through dS_H+/dy from the charge balance; S_h2 is a state. The rates and their
// partials come from the process table (processes.ts, rates.ts); only the reactor (transport, gas transfer) is here.
import { IDX, N_LIQUID, N_STATES } from './components.js';
import { createChargeBalance, speciate, type ChargeBalance } from './acidbase.js';
import { physchemAt, type PhysChem } from './physchem.js';
import { N_PROCESSES, PROCESSES, stoichiometricMatrix } from './processes.js';
import { SH_VAR, compileRates, hillConstants } from './rates.js';
import { assemblyEntry, warmCode, type AssemblyEntry } from './codegen.js';

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
  /** Stoichiometric matrix, N_PROCESSES x N_STATES row-major (shared by models with the same parameters: read only). */
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

/**
 * Everything about a model that depends only on its parameters and temperature (stoichiometry in sparse form, the
 * compiled rates, the charge balance, the Jacobian's pattern): built once and shared by every run with the same
 * values, so a run pays only for its integration. The pattern object is shared too, so the solver's sparse LU
 * analysis (cached per pattern object) is also done once.
 */
interface Kernel {
  pc: PhysChem;
  S: Float64Array;
  /** S by process (spStart/spN/spCol/spCoef) and by state (stStart/stProc/stCoef: process and coefficient). */
  spCol: Int32Array; spCoef: Float64Array; spN: Int32Array; spStart: Int32Array;
  stStart: Int32Array; stProc: Int32Array; stCoef: Float64Array;
  compiled: ReturnType<typeof compileRates>;
  cb: ChargeBalance;
  ph: { aa: PhInhibition; ac: PhInhibition; h2: PhInhibition };
  /** Processes whose rate depends on S_H+, and the rows their stoichiometry (or the CO2 transfer) touches. */
  phProc: Int32Array; phRows: Int32Array;
  pattern: JacobianPattern;
  /** The loops' structure, for their straight-line code (codegen.ts), shared with kernels of the same structure. */
  assembly: AssemblyEntry;
}

const KERNELS = new Map<string, Kernel>();
/** Kernels kept (least recently built dropped first): enough for a scenario's runs and an analysis's base cases. */
const MAX_KERNELS = 16;

function kernelKey(T_op_K: number, p: Params): string {
  // String(x) round-trips every double, so equal keys mean equal values.
  let key = String(T_op_K);
  for (const k in p) key += `;${k}=${p[k]}`;
  return key;
}

const i = IDX as Record<string, number>;
const iH2 = i.S_h2!, iCh4 = i.S_ch4!, iIC = i.S_IC!, iGh2 = i.S_gas_h2!, iGch4 = i.S_gas_ch4!, iGco2 = i.S_gas_co2!;
/** The three gas-liquid transfers: liquid state and headspace state. */
const GAS = Int32Array.of(iGh2, iGch4, iGco2), LIQ = Int32Array.of(iH2, iCh4, iIC);

function buildKernel(T_op_K: number, p: Params): Kernel {
  const pc = physchemAt(T_op_K, p);
  const S = stoichiometricMatrix(p);
  const n = N_STATES;
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
  // The same entries by state, so dy_j/dt is summed in one register instead of scattered process by process.
  const stStart = new Int32Array(n + 1), stProc: number[] = [], stCoef: number[] = [];
  for (let j = 0; j < n; j++) {
    stStart[j] = stProc.length;
    for (let k = 0; k < N_PROCESSES; k++) { const v = S[k * n + j]!; if (v !== 0) { stProc.push(k); stCoef.push(v); } }
  }
  stStart[n] = stProc.length;
  const compiled = compileRates(PROCESSES.map((d) => ({ name: d.name, rate: d.rate(p) })), pc);
  const cb = createChargeBalance(pc);
  const cbStates = cb.states;
  const phProc: number[] = [], rowsH = new Uint8Array(n);
  for (let k = 0; k < N_PROCESSES; k++) {
    if (!compiled.vars(k).includes(SH_VAR)) continue;
    phProc.push(k);
    for (let m = start[k]!, e = m + nnz[k]!; m < e; m++) rowsH[col[m]!] = 1;
  }
  rowsH[iIC] = 1; rowsH[iGco2] = 1;   // CO2 transfer: S_co2 = S_IC S_H/(K_a + S_H)

  // The structure of `jacobian`, from the same loops: processes, transport diagonal, gas transfer.
  const mask = new Uint8Array(n * n);
  const mark = (r: number, c: number) => { mask[r * n + c] = 1; };
  for (let j = 0; j < N_LIQUID; j++) mark(j, j);
  for (let k = 0; k < N_PROCESSES; k++) {
    const vs = compiled.vars(k);
    for (let v = 0; v < vs.length; v++) {
      const cols = vs[v] === SH_VAR ? cbStates : [vs[v]!];
      for (const c of cols) for (let m = start[k]!, e = m + nnz[k]!; m < e; m++) mark(col[m]!, c);
    }
  }
  for (let g = 0; g < 3; g++) {
    const rl = LIQ[g]!, rg = GAS[g]!;
    for (const r of [rl, rg]) { mark(r, rl); mark(r, rg); if (g === 2) for (const c of cbStates) mark(r, c); }
    for (const c of GAS) mark(rg, c);
  }
  const rows: number[] = [], cols: number[] = [];
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (mask[r * n + c]) { rows.push(r); cols.push(c); }

  const spColA = Int32Array.from(col), spNA = Int32Array.from(nnz), spStartA = Int32Array.from(start), stProcA = Int32Array.from(stProc);
  const phRowsA = Int32Array.from({ length: n }, (_, j) => j).filter((j) => rowsH[j]);
  const assembly = assemblyEntry({
    n, nLiquid: N_LIQUID, stStart, stProc: stProcA, spStart: spStartA, spN: spNA, spCol: spColA,
    vars: Array.from({ length: N_PROCESSES }, (_, k) => compiled.vars(k).filter((v) => v !== SH_VAR)), W: n + 1,
    phRows: phRowsA, cbStates,
  });
  return {
    pc, S, spCol: spColA, spCoef: Float64Array.from(coef), spN: spNA, spStart: spStartA,
    stStart, stProc: stProcA, stCoef: Float64Array.from(stCoef), compiled, cb, assembly,
    ph: { aa: phInhibition(p.pH_LL_aa!, p.pH_UL_aa!), ac: phInhibition(p.pH_LL_ac!, p.pH_UL_ac!), h2: phInhibition(p.pH_LL_h2!, p.pH_UL_h2!) },
    phProc: Int32Array.from(phProc), phRows: phRowsA,
    pattern: { rows: Int32Array.from(rows), cols: Int32Array.from(cols) },
  };
}

function kernelFor(T_op_K: number, p: Params): Kernel {
  const key = kernelKey(T_op_K, p);
  let k = KERNELS.get(key);
  if (!k) {
    k = buildKernel(T_op_K, p);
    if (KERNELS.size >= MAX_KERNELS) KERNELS.delete(KERNELS.keys().next().value!);
    KERNELS.set(key, k);
  }
  return k;
}

export function createAdm1Model(reactor: ReactorSpec, params: Params): Adm1Model {
  const p = params;
  const kern = kernelFor(reactor.T_op_K, p);
  const { pc, S, spCol, spCoef, spN, spStart, stStart, stProc, stCoef, compiled, cb, ph, phProc, phRows, pattern, assembly } = kern;
  const n = N_STATES;
  const cbStates = cb.states, nCb = cbStates.length;

  const { V_liq_m3: V_liq, V_gas_m3: V_gas } = reactor;
  const q = { q_m3_d: 0, x: new Float64Array(n) };
  const rho = new Float64Array(N_PROCESSES);
  const W = n + 1;
  const dRho = new Float64Array(N_PROCESSES * W);
  const dh = new Float64Array(nCb), vH = new Float64Array(n);
  const counters = { iterations: 0 };
  let lastSH = 1e-7;

  function solveSHAt(y: ArrayLike<number>): number {
    const h = cb.solve(y, lastSH, counters);
    if (h > 0 && Number.isFinite(h)) lastSH = h;
    return h;
  }

  const RT = pc.RT, kLa = pc.k_L_a, kp = pc.k_p, Patm = pc.P_atm_bar, ph2o = pc.p_gas_h2o_bar;
  const K_H_h2 = pc.K_H_h2, K_H_ch4 = pc.K_H_ch4, K_H_co2 = pc.K_H_co2, K_a_co2 = pc.K_a_co2;
  const vr = V_liq / V_gas;
  // dP_gas/d(S_gas_h2, S_gas_ch4, S_gas_co2) and d T_g/d(own gas), per transfer g.
  const dP = Float64Array.of(RT / 16, RT / 64, RT);
  const tGasCoef = Float64Array.of(-kLa * K_H_h2 * RT, -kLa * K_H_ch4 * RT, -kLa * K_H_co2 * RT);

  function rhs(_t: number, y: Float64Array, dydt: Float64Array): void {
    const S_H = solveSHAt(y);
    compiled.rates(y, S_H, rho);
    const D = q.q_m3_d / V_liq, x = q.x;
    const code = warmCode(assembly);
    if (code) code.transport(y, x, D, rho, stCoef, dydt);
    else for (let j = 0; j < n; j++) {
      let s = j < N_LIQUID ? D * (x[j]! - y[j]!) : 0;
      for (let m = stStart[j]!, e = stStart[j + 1]!; m < e; m++) s += stCoef[m]! * rho[stProc[m]!]!;
      dydt[j] = s;
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

  function jacobian(_t: number, y: Float64Array, jac: Float64Array): void {
    const S_H = solveSHAt(y);
    cb.sensitivity(y, S_H, dh);
    compiled.ratesAndPartials(y, S_H, rho, dRho);
    jac.fill(0);
    const D = q.q_m3_d / V_liq;
    for (let j = 0; j < N_LIQUID; j++) jac[j * n + j] = -D;
    // Processes: d(S^T rho)/dy = S^T d rho/dy at fixed S_H+, plus (S^T d rho/dS_H+) dS_H+/dy. The second part is one
    // column vector vH times the row dS_H+/dy (an outer product over the charge-balance states), assembled once below.
    const code = warmCode(assembly);
    if (code) code.processes(jac, dRho, spCoef);
    else for (let k = 0; k < N_PROCESSES; k++) {
      const vs = compiled.vars(k), row = k * W, m0 = spStart[k]!, m1 = m0 + spN[k]!;
      for (let v = 0; v < vs.length; v++) {
        const jv = vs[v]!;
        if (jv === SH_VAR) continue;
        const g = dRho[row + jv]!;
        if (g === 0) continue;
        for (let m = m0; m < m1; m++) jac[spCol[m]! * n + jv] += spCoef[m]! * g;
      }
    }
    for (let r = 0; r < phRows.length; r++) vH[phRows[r]!] = 0;
    for (let u = 0; u < phProc.length; u++) {
      const k = phProc[u]!, gH = dRho[k * W + SH_VAR]!;
      for (let m = spStart[k]!, e = m + spN[k]!; m < e; m++) vH[spCol[m]!] += spCoef[m]! * gH;
    }
    // Gas transfer and headspace outflow.
    const p_h2 = y[iGh2]! * RT / 16, p_ch4 = y[iGch4]! * RT / 64, p_co2 = y[iGco2]! * RT;
    const P_gas = p_h2 + p_ch4 + p_co2 + ph2o;
    const over = P_gas > Patm;
    const qg = over ? kp * (P_gas - Patm) / V_gas : 0;
    const dqg = over ? kp / V_gas : 0;                         // d(q_gas/V_gas)/dP_gas
    const aH = K_a_co2 + S_H, fco2 = S_H / aH, dfco2 = K_a_co2 / (aH * aH);   // S_co2 = S_IC * fco2(S_H)
    for (let g = 0; g < 3; g++) {
      const rowLiq = LIQ[g]!, rowGas = GAS[g]!;
      // d T_g / d(liquid species) and d T_g / d(own gas)
      const dTl = g === 2 ? kLa * fco2 : kLa;
      jac[rowLiq * n + rowLiq] -= dTl;
      jac[rowLiq * n + rowGas] -= tGasCoef[g]!;
      jac[rowGas * n + rowLiq] += vr * dTl;
      jac[rowGas * n + rowGas] += vr * tGasCoef[g]! - qg;
      for (let c = 0; c < 3; c++) jac[rowGas * n + GAS[c]!] -= y[rowGas]! * dqg * dP[c]!;
    }
    const a = kLa * y[iIC]! * dfco2;   // d T_co2 / d S_H
    vH[iIC] -= a;
    vH[iGco2] += vr * a;
    if (code) code.phOuter(jac, vH, dh);
    else for (let r = 0; r < phRows.length; r++) {
      const row = phRows[r]!, v = vH[row]!;
      if (v === 0) continue;
      const base = row * n;
      for (let m = 0; m < nCb; m++) jac[base + cbStates[m]!] += v * dh[m]!;
    }
  }

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
