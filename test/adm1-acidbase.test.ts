// Charge-balance solver: a warm start at the root returns it at once, and perturbed warm starts take a few iterations.
import { describe, expect, it } from 'vitest';
import { IDX, defaultInitialVector, defaultParameters, physchemAt, solveSH, type AcidBaseInput } from '../models/adm1/index.js';

const p = defaultParameters();
const pc = physchemAt(308.15, p);
const y = defaultInitialVector();
const x: AcidBaseInput = {
  S_va: y[IDX.S_va!]!, S_bu: y[IDX.S_bu!]!, S_pro: y[IDX.S_pro!]!, S_ac: y[IDX.S_ac!]!,
  S_IC: y[IDX.S_IC!]!, S_IN: y[IDX.S_IN!]!, S_cation: y[IDX.S_cation!]!, S_anion: y[IDX.S_anion!]!,
};

describe('solveSH (charge balance)', () => {
  const root = solveSH(x, pc, 1e-7);
  it('finds a pH in the digester range', () => {
    expect(-Math.log10(root)).toBeGreaterThan(6.5);
    expect(-Math.log10(root)).toBeLessThan(8);
  });
  it('returns a converged warm start after one iteration, unchanged', () => {
    const count = { iterations: 0 };
    const again = solveSH(x, pc, root, count);
    expect(count.iterations).toBe(1);
    expect(Math.abs(again / root - 1)).toBeLessThan(1e-14);
  });
  it('takes at most 3 iterations from a warm start after a sqrt(eps)-sized change of any input', () => {
    for (const k of Object.keys(x) as (keyof AcidBaseInput)[]) {
      const xp = { ...x, [k]: x[k] * (1 + 1.5e-8) + 1e-14 };
      const count = { iterations: 0 };
      const h = solveSH(xp, pc, root, count);
      expect(count.iterations, k).toBeLessThanOrEqual(3);
      // and the same root as a cold start
      expect(Math.abs(h / solveSH(xp, pc, 1e-7) - 1), k).toBeLessThan(1e-12);
    }
  });
});
