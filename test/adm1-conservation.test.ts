// Whole-model conservation: a closed digester (no feed, no gas outflow) keeps its total COD, carbon and nitrogen
// while every process and the gas transfer run; the totals are summed over liquid and headspace with their volumes.
import { describe, expect, it } from 'vitest';
import { COMPONENTS, N_STATES, compositionOf, defaultParameters } from '../models/adm1/index.js';
import { simulateDigester } from '../src/simulate/digester.js';

describe('closed digester conserves COD, C and N', () => {
  const V_liq_m3 = 10, V_gas_m3 = 2;
  const params = { k_p: 0 };   // no gas outflow
  const run = simulateDigester({
    digester: { V_liq_m3, V_gas_m3, T_op_K: 308.15 },
    feed: [{ time_d: 0, q_m3_d: 0, state: {} }],
    // a fresh load of every substrate type on top of the default inoculum, so all 19 processes are active
    initial: { X_xc: 5, X_ch: 3, X_pr: 4, X_li: 2, S_su: 0.5, S_aa: 0.5, S_fa: 0.5, S_va: 0.3, S_bu: 0.3, S_pro: 0.3, S_ac: 1 },
    parameters: params,
    days: 30,
    output_every_d: 1,
  });
  const comp = compositionOf({ ...defaultParameters(), ...params });
  const totals = (i: number) => {
    let cod = 0, c = 0, n = 0;
    for (let j = 0; j < N_STATES; j++) {
      const comp_j = COMPONENTS[j]!;
      const v = run.series[comp_j.name]![i]! * (comp_j.phase === 'gas' ? V_gas_m3 : V_liq_m3);
      cod += v * comp.cod[j]!; c += v * comp.carbon[j]!; n += v * comp.nitrogen[j]!;
    }
    return { cod, c, n };
  };
  const start = totals(0);

  it('the run converts substantially (the check is not of a resting state)', () => {
    expect(run.series.S_gas_ch4![30]! - run.series.S_gas_ch4![0]!).toBeGreaterThan(1);
    expect(run.series.X_pr![30]!).toBeLessThan(0.01 * 4);
  });
  it.each(['cod', 'c', 'n'] as const)('%s total is constant to 1e-6 relative', (key) => {
    for (let i = 1; i < run.t_d.length; i++) {
      expect(Math.abs(totals(i)[key] / start[key] - 1), `day ${run.t_d[i]}`).toBeLessThan(1e-6);
    }
  });
});
