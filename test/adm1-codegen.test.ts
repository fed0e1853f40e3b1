// The straight-line code of the model's assembly loops (models/adm1/codegen.ts) against the loops themselves: the
// right-hand side and the Jacobian must be the same numbers before and after a model's structure switches over.
import { describe, expect, it } from 'vitest';
import { IDX, N_STATES, createAdm1Model, defaultInitialVector, defaultParameters } from '../models/adm1/index.js';
import { WARM_CALLS, compileAssembly } from '../models/adm1/codegen.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/** Equal as numbers (0 and -0 alike: the code adds c * 0 where the loops skip a zero partial). */
const same = (a: Float64Array, b: Float64Array) => { for (let i = 0; i < a.length; i++) if (!(a[i] === b[i])) return `entry ${i}: ${a[i]} vs ${b[i]}`; return ''; };

describe('ADM1 assembly code', () => {
  it('gives the loops\' right-hand side and Jacobian, number for number, once a structure is warm', () => {
    // a parameter set of its own (a structure shared with no other test), and a feed
    const params = { ...defaultParameters(), k_dis: 0.4321 };
    const feed = new Float64Array(N_STATES);
    feed[IDX.X_ch!] = 20; feed[IDX.X_pr!] = 15; feed[IDX.X_li!] = 8; feed[IDX.S_IN!] = 0.05; feed[IDX.S_IC!] = 0.04; feed[IDX.S_cation!] = 0.04;
    // a fresh model per evaluation, so the charge balance starts from the same guess every time
    const fresh = () => { const m = createAdm1Model({ V_liq_m3: 150, V_gas_m3: 15, T_op_K: 310.15 }, params); m.setFeed(5, feed); return m; };
    const evaluate = (y: Float64Array) => { const m = fresh(), d = new Float64Array(N_STATES), J = new Float64Array(N_STATES * N_STATES); m.rhs(0, y, d); m.jacobian(0, y, J); return { d, J }; };
    const r = rng(5);
    const states = Array.from({ length: 12 }, (_, s) => Float64Array.from(defaultInitialVector(), (v, j) => (s === 0 ? v : v * 10 ** (0.6 * r() - 0.3) * (j === IDX.S_ac && s === 3 ? 0 : 1))));
    const before = states.map(evaluate);
    // warm the structure up: the next calls run the generated code
    const warm = fresh(), y0 = Float64Array.from(states[0]!), d0 = new Float64Array(N_STATES);
    for (let c = 0; c <= WARM_CALLS; c++) warm.rhs(0, y0, d0);
    states.forEach((y, s) => {
      const { d, J } = evaluate(y);
      expect(same(d, before[s]!.d), `rhs, state ${s}`).toBe('');
      expect(same(J, before[s]!.J), `Jacobian, state ${s}`).toBe('');
    });
  });
  it('compiles (generated code is allowed here), so the comparison above ran the code', () => {
    const code = compileAssembly({
      n: 2, nLiquid: 1, stStart: Int32Array.of(0, 1, 1), stProc: Int32Array.of(0), spStart: Int32Array.of(0), spN: Int32Array.of(1), spCol: Int32Array.of(0),
      vars: [Int32Array.of(1)], W: 3, phRows: Int32Array.of(0), cbStates: Int32Array.of(1),
    });
    expect(code).not.toBeNull();
    const dydt = new Float64Array(2);
    code!.transport(Float64Array.of(1, 2), Float64Array.of(3, 0), 0.5, Float64Array.of(10), Float64Array.of(-2), dydt);
    expect([...dydt]).toEqual([0.5 * (3 - 1) - 20, 0]);
    const jac = new Float64Array(4);
    code!.processes(jac, Float64Array.of(0, 7, 0), Float64Array.of(3));
    code!.phOuter(jac, Float64Array.of(2, 0), Float64Array.of(5));
    expect([...jac]).toEqual([0, 21 + 10, 0, 0]);
  });
});
