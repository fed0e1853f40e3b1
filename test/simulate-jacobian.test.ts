// Digester runs with the model's analytic Jacobian (default) and with the finite-difference one (solver.jacobian "fd").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunFile } from '../src/simulate/runfile.js';
import { simulateDigester } from '../src/simulate/digester.js';

const bsm2 = parseRunFile(JSON.parse(readFileSync(new URL('../scenarios/bsm2-steady-state.json', import.meta.url), 'utf8')));

describe('solver.jacobian', () => {
  const an = simulateDigester(bsm2);
  const fd = simulateDigester({ ...bsm2, solver: { ...bsm2.solver, jacobian: 'fd', linear: 'dense' } });
  it('the analytic Jacobian needs no finite-difference evaluations (f evals ~ 6 per step, not ~35)', () => {
    expect(an.stats.fEvals).toBeLessThan(8 * an.stats.steps);
    expect(fd.stats.fEvals).toBeGreaterThan(29 * fd.stats.steps);
  });
  it('both reach the same state (within the integration tolerance)', () => {
    for (const k of ['S_ac', 'S_IC', 'S_IN', 'X_ac', 'pH', 'q_gas_norm_m3_d', 'S_gas_ch4'] as const) {
      expect(Math.abs(an.final[k]! / fd.final[k]! - 1), k).toBeLessThan(1e-6);
    }
  });
  it('a run file takes "jacobian": "fd" and refuses other values naming the field', () => {
    const json = JSON.parse(readFileSync(new URL('../scenarios/bsm2-steady-state.json', import.meta.url), 'utf8'));
    expect(parseRunFile({ ...json, solver: { jacobian: 'fd' } }).solver?.jacobian).toBe('fd');
    expect(() => simulateDigester(parseRunFile({ ...json, solver: { jacobian: 'exact' } }))).toThrow(/solver\.jacobian: expected "analytic"/);
  });
});
