// Rate terms of the Petersen table: each process rate is a constant times a product of typed terms (Monod, inhibition,
// pH, ...). Every term knows its value and its partial derivatives, so the same table yields the rates and their exact
// Jacobian. The table is compiled once per parameter set into flat typed arrays evaluated by one loop (no closures,
// no expression parsing in the hot path).
import { IDX, N_STATES } from './components.js';
import type { PhysChem } from './physchem.js';
import { namedFunction, warmCode, warmEntry } from './codegen.js';

/** One factor of a rate. `of` names a state (components.ts). */
export type RateTerm =
  /** the state itself (first order in it), e.g. biomass or a particulate substrate */
  | { kind: 'state'; of: string }
  /** Monod substrate term y/(K + y) */
  | { kind: 'monod'; of: string; K: number }
  /** nutrient limitation y+/(K + y+), y+ = max(y, 0): defined for a (numerically) negative nutrient */
  | { kind: 'limitation'; of: string; K: number }
  /** non-competitive inhibition 1/(1 + y/K) */
  | { kind: 'inhibition'; of: string; K: number }
  /** free-ammonia inhibition 1/(1 + S_nh3/K), S_nh3 = K_a_IN S_IN/(K_a_IN + S_H+) from the acid-base equilibrium */
  | { kind: 'free_nh3_inhibition'; K: number }
  /** competition for one uptake: y/(sum of `among` + eps), `among` includes `of` */
  | { kind: 'share'; of: string; among: string[]; eps: number }
  /** Hill-type pH inhibition on S_H+ (BSM2): K^n/(S_H^n + K^n), K = 10^-(LL+UL)/2, n = 3/(UL-LL) */
  | { kind: 'ph'; LL: number; UL: number };

/** A process rate: k times the product of its terms (kg COD/m3/d for COD-based rates). */
export interface Rate { k: number; terms: RateTerm[] }

export const state = (of: string): RateTerm => ({ kind: 'state', of });
export const monod = (of: string, K: number): RateTerm => ({ kind: 'monod', of, K });
export const limitation = (of: string, K: number): RateTerm => ({ kind: 'limitation', of, K });
export const inhibition = (of: string, K: number): RateTerm => ({ kind: 'inhibition', of, K });
export const freeNh3Inhibition = (K: number): RateTerm => ({ kind: 'free_nh3_inhibition', K });
export const share = (of: string, among: string[], eps: number): RateTerm => ({ kind: 'share', of, among, eps });
export const phInhibition = (LL: number, UL: number): RateTerm => ({ kind: 'ph', LL, UL });
/** k times the product of the terms. */
export const product = (k: number, ...terms: RateTerm[]): Rate => ({ k, terms });
/** First-order kinetics k * y (disintegration, hydrolysis, decay). */
export const firstOrder = (k: number, of: string): Rate => product(k, state(of));

/** Hill pH inhibition constants. */
export function hillConstants(LL: number, UL: number): { K: number; n: number } {
  return { K: 10 ** (-(LL + UL) / 2), n: 3 / (UL - LL) };
}

const T_STATE = 0, T_MONOD = 1, T_LIMIT = 2, T_INHIB = 3, T_NH3 = 4, T_SHARE = 5, T_PH = 6;
const KIND: Record<RateTerm['kind'], number> = {
  state: T_STATE, monod: T_MONOD, limitation: T_LIMIT, inhibition: T_INHIB, free_nh3_inhibition: T_NH3, share: T_SHARE, ph: T_PH,
};

/** Index of the algebraic S_H+ in the rate partials (after the states). */
export const SH_VAR = N_STATES;

export interface CompiledRates {
  readonly nProcesses: number;
  /** rho (length nProcesses) at state y and S_H+. */
  rates(y: ArrayLike<number>, S_H: number, rho: Float64Array): void;
  /**
   * rho and its partials: dRho[k * (N_STATES + 1) + j] = d rho_k / d y_j at fixed S_H+, and column SH_VAR is
   * d rho_k / d S_H+. Only entries in `vars(k)` are written (others are left as they are: zero them once).
   */
  ratesAndPartials(y: ArrayLike<number>, S_H: number, rho: Float64Array, dRho: Float64Array): void;
  /** Variables (state indices, and SH_VAR) that rate k depends on. */
  vars(k: number): Int32Array;
}

function stateIndex(process: string, name: string): number {
  const j = IDX[name];
  if (j === undefined) throw new Error(`process ${process}: rate term names unknown state ${name}`);
  return j;
}

/** Compiles rate definitions (one per process) for a physico-chemical setting (K_a_IN for free ammonia). */
export function compileRates(defs: readonly { name: string; rate: Rate }[], pc: PhysChem): CompiledRates {
  const nP = defs.length;
  const kc = new Float64Array(nP), oStart = new Int32Array(nP + 1);
  // Unique terms (the same pH or nitrogen-limitation term appears in many processes: computed once per call), and
  // per process the list of its occurrences (indices into the unique terms).
  const kind: number[] = [], v: number[] = [], K: number[] = [], n: number[] = [], listStart: number[] = [], listLen: number[] = [];
  const list: number[] = [], occ: number[] = [];
  const seen = new Map<string, number>();
  const varSets: Int32Array[] = [];
  defs.forEach((d, k) => {
    kc[k] = d.rate.k;
    oStart[k] = occ.length;
    const vs = new Set<number>();
    for (const t of d.rate.terms) {
      let var0 = -1, kk = 0, nn = 0;
      const among: number[] = [];
      switch (t.kind) {
        case 'state': var0 = stateIndex(d.name, t.of); break;
        case 'monod': case 'limitation': case 'inhibition': var0 = stateIndex(d.name, t.of); kk = t.K; break;
        case 'free_nh3_inhibition': var0 = IDX.S_IN!; kk = t.K; vs.add(SH_VAR); break;
        case 'share':
          var0 = stateIndex(d.name, t.of); kk = t.eps;
          if (!t.among.includes(t.of)) throw new Error(`process ${d.name}: share of ${t.of} must list ${t.of} among ${t.among.join(', ')}`);
          for (const o of t.among) { const j = stateIndex(d.name, o); among.push(j); vs.add(j); }
          break;
        case 'ph': { const h = hillConstants(t.LL, t.UL); kk = h.K ** h.n; nn = h.n; vs.add(SH_VAR); break; }
      }
      if (var0 >= 0) vs.add(var0);
      const key = `${t.kind}|${var0}|${kk}|${nn}|${among.join(',')}`;
      let u = seen.get(key);
      if (u === undefined) {
        u = kind.length;
        seen.set(key, u);
        kind.push(KIND[t.kind]); v.push(var0); K.push(kk); n.push(nn); listStart.push(list.length); listLen.push(among.length);
        list.push(...among);
      }
      occ.push(u);
    }
    varSets.push(Int32Array.from([...vs].sort((a, b) => a - b)));
  });
  oStart[nP] = occ.length;
  const nT = kind.length;
  // Unique terms ordered by kind, so that each kind is evaluated by its own branch-free loop.
  const order = Array.from({ length: nT }, (_, t) => t).sort((x, y) => kind[x]! - kind[y]! || x - y);
  const rank = new Int32Array(nT);
  order.forEach((t, r) => { rank[t] = r; });
  const by = <T>(xs: T[]) => order.map((t) => xs[t]!);
  const tKind = Int8Array.from(by(kind)), tVar = Int32Array.from(by(v)), tK = Float64Array.from(by(K)), tN = Float64Array.from(by(n));
  const tLs = Int32Array.from(by(listStart)), tLl = Int32Array.from(by(listLen)), tList = Int32Array.from(list);
  const tOcc = Int32Array.from(occ, (u) => rank[u]!);
  const gStart = new Int32Array(T_PH + 2);
  for (let g = 0, t = 0; g <= T_PH + 1; g++) { while (t < nT && tKind[t]! < g) t++; gStart[g] = t; }
  const KaIN = pc.K_a_IN;
  const val = new Float64Array(nT), der = new Float64Array(nT), derH = new Float64Array(nT);
  const W = N_STATES + 1;

  /** S_H^e: integer Hill exponents (BSM2's are 2 and 3) by multiplication, others by pow. */
  const powH = (S_H: number, e: number): number => (e === 3 ? S_H * S_H * S_H : e === 2 ? S_H * S_H : S_H ** e);

  /** Values of all unique terms into val; with `partials`, der[t] = d/d(its state) and derH[t] = d/dS_H (for a
   *  share term, derH is d/d(each of `among`)). */
  function terms(y: ArrayLike<number>, S_H: number, partials: boolean): void {
    let t = gStart[T_STATE]!;
    for (const e = gStart[T_STATE + 1]!; t < e; t++) { val[t] = y[tVar[t]!]!; if (partials) der[t] = 1; }
    for (const e = gStart[T_MONOD + 1]!; t < e; t++) {
      const x = y[tVar[t]!]!, Kt = tK[t]!, d = Kt + x;
      val[t] = x / d; if (partials) der[t] = Kt / (d * d);
    }
    for (const e = gStart[T_LIMIT + 1]!; t < e; t++) {
      const x = y[tVar[t]!]!;
      if (!(x > 0)) { val[t] = 0; if (partials) der[t] = 0; continue; }
      const Kt = tK[t]!, d = Kt + x;
      val[t] = x / d; if (partials) der[t] = Kt / (d * d);
    }
    for (const e = gStart[T_INHIB + 1]!; t < e; t++) {
      const Kt = tK[t]!, u = 1 + y[tVar[t]!]! / Kt;
      val[t] = 1 / u; if (partials) der[t] = -1 / (Kt * u * u);
    }
    if (t < gStart[T_NH3 + 1]!) {
      // S_nh3 = a * S_IN with a = K_a/(K_a + h); I = 1/(1 + S_nh3/K)
      const dh = KaIN + S_H, a = KaIN / dh;
      for (const e = gStart[T_NH3 + 1]!; t < e; t++) {
        const x = y[tVar[t]!]!, Kt = tK[t]!, u = 1 + a * x / Kt;
        val[t] = 1 / u;
        if (partials) { const g = -1 / (Kt * u * u); der[t] = g * a; derH[t] = g * x * (-a / dh); }
      }
    }
    for (const e = gStart[T_SHARE + 1]!; t < e; t++) {
      const x = y[tVar[t]!]!;
      let s = tK[t]!;
      for (let m = tLs[t]!, me = m + tLl[t]!; m < me; m++) s += y[tList[m]!]!;
      val[t] = x / s;
      if (partials) { der[t] = 1 / s; derH[t] = -x / (s * s); }
    }
    for (const e = gStart[T_PH + 1]!; t < e; t++) {
      const hn = powH(S_H, tN[t]!), Kn = tK[t]!, d = hn + Kn;
      val[t] = Kn / d;
      if (partials) derH[t] = -tN[t]! * hn * Kn / (S_H * d * d);
    }
  }

  const pre = new Float64Array(occ.length + 1);
  const structure: RatesStructure = { tKind, tVar, tLs, tLl, tList, tOcc, oStart, nP };
  // shared by every parameter set with this structure (the table is compiled again for each)
  const code = warmEntry(['rates', nP, tKind, tVar, tLs, tLl, tList, tOcc, oStart].join('|'), structure, compileRatesCode);

  return {
    nProcesses: nP,
    rates(y, S_H, rho) {
      const c = warmCode(code);
      if (c) { c(y, S_H, rho, kc, tK, tN, KaIN); return; }
      terms(y, S_H, false);
      for (let k = 0; k < nP; k++) {
        let r = kc[k]!;
        for (let o = oStart[k]!, e = oStart[k + 1]!; o < e; o++) r *= val[tOcc[o]!]!;
        rho[k] = r;
      }
    },
    ratesAndPartials(y, S_H, rho, dRho) {
      terms(y, S_H, true);
      for (let k = 0; k < nP; k++) {
        const o0 = oStart[k]!, o1 = oStart[k + 1]!, row = k * W;
        // Prefix products, so that the product of the other terms needs no division (terms may be 0).
        pre[o0] = kc[k]!;
        for (let o = o0; o < o1; o++) pre[o + 1] = pre[o]! * val[tOcc[o]!]!;
        rho[k] = pre[o1]!;
        const vs = varSets[k]!;
        for (let m = 0; m < vs.length; m++) dRho[row + vs[m]!] = 0;
        let suf = 1;
        for (let o = o1 - 1; o >= o0; o--) {
          const t = tOcc[o]!;
          const others = pre[o]! * suf;
          suf *= val[t]!;
          const kindT = tKind[t]!;
          if (kindT === T_PH) { dRho[row + SH_VAR] += others * derH[t]!; continue; }
          if (kindT === T_SHARE) {
            for (let m = tLs[t]!, e = m + tLl[t]!; m < e; m++) dRho[row + tList[m]!] += others * derH[t]!;
            dRho[row + tVar[t]!] += others * der[t]!;
            continue;
          }
          dRho[row + tVar[t]!] += others * der[t]!;
          if (kindT === T_NH3) dRho[row + SH_VAR] += others * derH[t]!;
        }
      }
    },
    vars: (k) => varSets[k]!,
  };
}

/** The structure of a compiled rate table: which terms, on which states, multiplied into which process. */
interface RatesStructure {
  tKind: Int8Array; tVar: Int32Array; tLs: Int32Array; tLl: Int32Array; tList: Int32Array; tOcc: Int32Array; oStart: Int32Array; nP: number;
}
type RatesCode = (y: ArrayLike<number>, S_H: number, rho: Float64Array, kc: Float64Array, K: Float64Array, N: Float64Array, KaIN: number) => void;
/**
 * `rates` written out for one structure (see codegen.ts): every unique term into a local, then each rate as the
 * product of its terms, the same operations in the same order as the loops above. null where generated code is refused.
 */
function compileRatesCode(s: RatesStructure): RatesCode | null {
  const lines: string[] = ['const a = KaIN / (KaIN + S_H);'];
  for (let t = 0; t < s.tKind.length; t++) {
    const x = `y[${s.tVar[t]}]`, K = `K[${t}]`;
    switch (s.tKind[t]) {
      case T_STATE: lines.push(`const t${t} = ${x};`); break;
      case T_MONOD: lines.push(`const t${t} = ${x} / (${K} + ${x});`); break;
      case T_LIMIT: lines.push(`const x${t} = ${x}, t${t} = x${t} > 0 ? x${t} / (${K} + x${t}) : 0;`); break;
      case T_INHIB: lines.push(`const t${t} = 1 / (1 + ${x} / ${K});`); break;
      case T_NH3: lines.push(`const t${t} = 1 / (1 + a * ${x} / ${K});`); break;
      case T_SHARE: {
        const sum = [K, ...Array.from(s.tList.subarray(s.tLs[t]!, s.tLs[t]! + s.tLl[t]!), (j) => `y[${j}]`)].join(' + ');
        lines.push(`const t${t} = ${x} / (${sum});`);
        break;
      }
      case T_PH:
        lines.push(`const n${t} = N[${t}], h${t} = n${t} === 3 ? S_H * S_H * S_H : n${t} === 2 ? S_H * S_H : S_H ** n${t}, t${t} = ${K} / (h${t} + ${K});`);
        break;
    }
  }
  for (let k = 0; k < s.nP; k++) {
    lines.push(`rho[${k}] = ${[`kc[${k}]`, ...Array.from(s.tOcc.subarray(s.oStart[k]!, s.oStart[k + 1]!), (t) => `t${t}`)].join(' * ')};`);
  }
  try {
    return namedFunction('adm1_rates', 'y, S_H, rho, kc, K, N, KaIN', lines.join('\n')) as RatesCode;
  } catch {
    return null;
  }
}
