// Straight-line versions of the model's two hottest loops, written out from the kernel's sparse structure: the
// right-hand side's transport plus S^T rho, and the Jacobian's S^T d(rho)/dy with the charge-balance outer product.
// The structure (which process touches which state, which variables each rate reads) comes from the Petersen table;
// the coefficients stay in arrays, so every parameter set with the same structure shares one compiled copy. Same
// operations in the same order as the loops in rhs.ts, so the same results.

/** The sparse structure the loops in rhs.ts run over (the coefficients are passed at each call). */
export interface AssemblyStructure {
  n: number;
  nLiquid: number;
  /** By state j: processes stProc[stStart[j]..stStart[j+1]) (coefficients stCoef at the same positions). */
  stStart: Int32Array; stProc: Int32Array;
  /** By process k: states spCol[spStart[k]..+spN[k]) (coefficients spCoef at the same positions). */
  spStart: Int32Array; spN: Int32Array; spCol: Int32Array;
  /** By process k: the state variables its rate reads (S_H+ excluded); dRho row width W. */
  vars: Int32Array[]; W: number;
  /** Rows of the S_H+ column and the charge-balance states dS_H+/dy is taken over. */
  phRows: Int32Array; cbStates: Int32Array;
}

export interface AssemblyCode {
  /** dydt[j] = (j < nLiquid ? D (x_j - y_j) : 0) + sum_k S_kj rho_k. */
  transport(y: Float64Array, x: Float64Array, D: number, rho: Float64Array, stCoef: Float64Array, dydt: Float64Array): void;
  /** jac[i, j] += sum_k S_ki d rho_k / d y_j (dRho row-major, width W). */
  processes(jac: Float64Array, dRho: Float64Array, spCoef: Float64Array): void;
  /** jac[r, c] += vH[r] dh[m] for every S_H+ row r and charge-balance state c = cbStates[m]. */
  phOuter(jac: Float64Array, vH: Float64Array, dh: Float64Array): void;
}

/** Calls of a structure's loops before its code is compiled: one scenario run (~7,000 calls) keeps the loops; the
 *  analyses that repeat runs switch over (V8 optimises generated code only after it has run a while). */
export const WARM_CALLS = 50000;
/** Statements per generated function: V8 optimises pieces this size quickly. */
const CHUNK = 120;

/** Warm-up state and code of one structure, shared by every kernel (parameter set) with that structure. */
export interface WarmCode<S, C> { calls: number; code: C | null | undefined; readonly structure: S; readonly compile: (s: S) => C | null }

const byKey = new Map<string, WarmCode<unknown, unknown>>();
const MAX_KEYS = 32;

/** The shared entry of a structure by its key (kernels are rebuilt for every parameter set; the structure rarely
 *  changes). `compile` writes its code; it returns null where generated code is refused. */
export function warmEntry<S, C>(key: string, structure: S, compile: (s: S) => C | null): WarmCode<S, C> {
  let e = byKey.get(key) as WarmCode<S, C> | undefined;
  if (!e) {
    if (byKey.size >= MAX_KEYS) byKey.delete(byKey.keys().next().value!);
    e = { calls: 0, code: undefined, structure, compile };
    byKey.set(key, e as WarmCode<unknown, unknown>);
  }
  return e;
}

/** Counts a call: undefined while the structure warms up (use the loops), then its code, or null (loops for good). */
export function warmCode<S, C>(e: WarmCode<S, C>): C | null | undefined {
  if (e.code === undefined && ++e.calls > WARM_CALLS) e.code = e.compile(e.structure);
  return e.code;
}

export type AssemblyEntry = WarmCode<AssemblyStructure, AssemblyCode>;

/** The shared entry of an assembly structure (equal keys, equal loops). */
export function assemblyEntry(s: AssemblyStructure): AssemblyEntry {
  const key = ['assembly', s.n, s.nLiquid, s.W, s.stStart, s.stProc, s.spStart, s.spN, s.spCol, s.vars.map((v) => v.join(',')).join(';'), s.phRows, s.cbStates].join('|');
  return warmEntry(key, s, compileAssembly);
}

/** Compiles a structure's code now (tests compare it with the loops); null where generated code is refused. */
export function compileAssembly(s: AssemblyStructure): AssemblyCode | null {
  try {
    return {
      transport: pieces('transport', 'y, x, D, rho, c, dydt', transportLines(s)) as AssemblyCode['transport'],
      processes: pieces('processes', 'jac, dRho, c', processLines(s)) as AssemblyCode['processes'],
      phOuter: pieces('phOuter', 'jac, vH, dh', phLines(s)) as AssemblyCode['phOuter'],
    };
  } catch {
    return null;   // a Content Security Policy without 'unsafe-eval'
  }
}

/** A function compiled from its body, named (for profiles and stack traces); throws where generated code is refused. */
export function namedFunction(name: string, params: string, body: string): (...args: never[]) => unknown {
  return new Function(`return function ${name}(${params}) {\n"use strict";\n${body}\n};\n//# sourceURL=adsim-${name}.js`)();
}

/** Lines in groups (a group never splits a statement list that shares a local), each compiled to one function. */
function pieces(name: string, params: string, groups: string[][]): (...args: never[]) => void {
  const parts: ((...args: unknown[]) => void)[] = [];
  let body: string[] = [];
  const flush = () => {
    if (!body.length) return;
    parts.push(namedFunction(`adm1_${name}${parts.length}`, params, `let s = 0, g = 0, v = 0;\n${body.join('\n')}`) as (...args: unknown[]) => void);
    body = [];
  };
  for (const g of groups) { body.push(...g); if (body.length >= CHUNK) flush(); }
  flush();
  if (parts.length === 1) return parts[0]!;
  return (...args: never[]) => { for (let i = 0; i < parts.length; i++) parts[i]!(...args); };
}

function transportLines(s: AssemblyStructure): string[][] {
  const groups: string[][] = [];
  for (let j = 0; j < s.n; j++) {
    const g = [j < s.nLiquid ? `s = D * (x[${j}] - y[${j}]);` : 's = 0;'];
    for (let m = s.stStart[j]!; m < s.stStart[j + 1]!; m++) g.push(`s += c[${m}] * rho[${s.stProc[m]}];`);
    g.push(`dydt[${j}] = s;`);
    groups.push(g);
  }
  return groups;
}

function processLines(s: AssemblyStructure): string[][] {
  const groups: string[][] = [];
  for (let k = 0; k < s.vars.length; k++) {
    const m0 = s.spStart[k]!, m1 = m0 + s.spN[k]!;
    for (const jv of s.vars[k]!) {
      const g = [`g = dRho[${k * s.W + jv}];`];
      for (let m = m0; m < m1; m++) g.push(`jac[${s.spCol[m]! * s.n + jv}] += c[${m}] * g;`);
      groups.push(g);
    }
  }
  return groups;
}

function phLines(s: AssemblyStructure): string[][] {
  return Array.from(s.phRows, (row) => [`v = vH[${row}];`, ...Array.from(s.cbStates, (c, m) => `jac[${row * s.n + c}] += v * dh[${m}];`)]);
}
