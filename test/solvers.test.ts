// Tests for the ODE solvers: classic stiff problems against published references, output times, restarts, errors.
import { describe, expect, it } from 'vitest';
import { solve, SolverError } from '../src/solvers/index.js';
import type { OdeProblem, RhsFunction, SolveOptions, Solution } from '../src/solvers/index.js';

const robertsonF: RhsFunction = (_t, y, d) => {
  const r1 = 0.04 * y[0]!, r2 = 1e4 * y[1]! * y[2]!, r3 = 3e7 * y[1]! * y[1]!;
  d[0] = -r1 + r2;
  d[1] = r1 - r2 - r3;
  d[2] = r3;
};
const robertson = (tEnd: number): OdeProblem => ({ f: robertsonF, y0: [1, 0, 0], t0: 0, tEnd, names: ['A', 'B', 'C'] });

/** Row i of a solution. */
const row = (s: Solution, i: number): number[] => Array.from(s.y.subarray(i * s.n, (i + 1) * s.n));

function catchSolverError(fn: () => unknown): SolverError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SolverError);
    return e as SolverError;
  }
  throw new Error('expected a SolverError, but the call returned');
}

describe('Robertson (stiff chemical kinetics)', () => {
  // Hairer & Wanner, Solving ODEs II (1996), sec. IV.1: y(40) = 0.7158270687, 9.185534764e-6, 0.2841637457.
  const ref40 = [0.7158270687, 9.185534764e-6, 0.2841637457];

  it('reaches the published values at t=40', () => {
    const s = solve(robertson(40), { rtol: 1e-8, atol: 1e-12 });
    const y = row(s, 1);
    expect(s.t[1]).toBe(40);
    for (let j = 0; j < 3; j++) expect(Math.abs(y[j]! - ref40[j]!) / ref40[j]!).toBeLessThan(2e-8);
    expect(s.stats.steps).toBeGreaterThan(10);
  });

  it('is accurate to about the tolerance asked for, and a looser tolerance takes fewer steps', () => {
    const loose = solve(robertson(40), { rtol: 1e-4, atol: 1e-8 });
    const tight = solve(robertson(40), { rtol: 1e-7, atol: 1e-11 });
    const errLoose = Math.abs(row(loose, 1)[0]! - ref40[0]!);
    const errTight = Math.abs(row(tight, 1)[0]! - ref40[0]!);
    expect(errLoose).toBeLessThan(1e-4);
    expect(errTight).toBeLessThan(1e-7);
    expect(errTight).toBeLessThan(errLoose);
    expect(loose.stats.steps).toBeLessThan(tight.stats.steps);
  });

  it('accepts an analytic Jacobian: same answer, no finite-difference evaluations', () => {
    const jacobian = (_t: number, y: Float64Array, J: Float64Array): void => {
      J[0] = -0.04; J[1] = 1e4 * y[2]!; J[2] = 1e4 * y[1]!;
      J[3] = 0.04; J[4] = -1e4 * y[2]! - 6e7 * y[1]!; J[5] = -1e4 * y[1]!;
      J[6] = 0; J[7] = 6e7 * y[1]!; J[8] = 0;
    };
    const fd = solve(robertson(40), { rtol: 1e-8, atol: 1e-12 });
    const an = solve({ ...robertson(40), jacobian }, { rtol: 1e-8, atol: 1e-12 });
    for (let j = 0; j < 3; j++) expect(Math.abs(row(an, 1)[j]! - ref40[j]!) / ref40[j]!).toBeLessThan(2e-8);
    // 5 stages + 1 at the new point + 1 for df/dt per step, plus start-up; finite differences add n per Jacobian.
    expect(an.stats.fEvals).toBeLessThan(an.stats.steps * 7 + 5 * (an.stats.rejected + 2));
    expect(an.stats.fEvals).toBeLessThan(fd.stats.fEvals);
  });

  it('follows the long-time solution to t=1e5 and conserves A+B+C', () => {
    // t=400, 4e3, 4e4: SUNDIALS cvRoberts_dns example run at rtol 1e-12 (values as printed by its MIPAV port);
    // t=1e5: Radau reference at tolerance 1e-18 quoted in a public test suite. Both agree with the manual's 5 digits.
    const ref: Record<number, number[]> = {
      400: [0.4505186684223784, 3.222901440811379e-6, 0.5494781087190751],
      4000: [0.18320225775817142, 8.942371253468589e-7, 0.8167968478397172],
      40000: [0.038983377128004884, 1.6217683145641717e-7, 0.9610164625843524],
      100000: [0.01786592114210887, 7.274751468440222e-8, 0.9821340061103758],
    };
    const tOut = [0, 40, 400, 4000, 40000, 100000];
    const s = solve(robertson(1e5), { rtol: 1e-8, atol: [1e-12, 1e-16, 1e-12], tOut });
    expect(Array.from(s.t)).toEqual(tOut);
    for (let i = 0; i < tOut.length; i++) {
      const y = row(s, i);
      expect(Math.abs(y[0]! + y[1]! + y[2]! - 1)).toBeLessThan(1e-10);
      const r = ref[tOut[i]!];
      if (!r) continue;
      for (let j = 0; j < 3; j++) expect(Math.abs(y[j]! - r[j]!) / r[j]!).toBeLessThan(2e-6);
    }
  });
});

describe('van der Pol, mu = 1000', () => {
  const mu = 1000;
  const vdp: OdeProblem = {
    f: (_t, y, d) => { d[0] = y[1]!; d[1] = mu * (1 - y[0]! * y[0]!) * y[1]! - y[0]!; },
    y0: [2, 0], t0: 0, tEnd: 2000, names: ['x', 'v'],
  };

  it('matches the IVP test set reference at t=2000', () => {
    // Test Set for IVP Solvers (Univ. Bari), problem VDPOL: y(2000) = (1.706167732170469, -0.8928097010248125e-3).
    const s = solve(vdp, { rtol: 1e-8, atol: 1e-10 });
    const y = row(s, 1);
    expect(Math.abs(y[0]! - 1.706167732170469)).toBeLessThan(1e-6);
    expect(Math.abs(y[1]! + 0.8928097010248125e-3)).toBeLessThan(1e-8);
  });

  it('agrees with a run at much tighter tolerance on the whole output grid', () => {
    const tOut = Array.from({ length: 41 }, (_, i) => i * 50);
    const coarse = solve(vdp, { rtol: 1e-5, atol: 1e-7, tOut });
    const fine = solve(vdp, { rtol: 1e-10, atol: 1e-12, tOut });
    let maxErr = 0;
    for (let i = 0; i < tOut.length; i++) maxErr = Math.max(maxErr, Math.abs(coarse.y[i * 2]! - fine.y[i * 2]!));
    // Away from the fast jumps the phase error of the slow motion dominates; 1e-2 in x is a loose but real check.
    expect(maxErr).toBeLessThan(1e-2);
    expect(coarse.stats.steps).toBeLessThan(fine.stats.steps);
  });
});

describe('linear system with an exact solution', () => {
  // y1' = -y1 + 100 y2, y2' = -1000 y2: eigenvalues -1 and -1000 (stiffness ratio 1e3).
  const lin: OdeProblem = { f: (_t, y, d) => { d[0] = -y[0]! + 100 * y[1]!; d[1] = -1000 * y[1]!; }, y0: [1, 1], t0: 0, tEnd: 5 };
  const exact = (t: number): [number, number] => {
    const c = 100 / 999;
    return [(1 + c) * Math.exp(-t) - c * Math.exp(-1000 * t), Math.exp(-1000 * t)];
  };
  const tOut = Array.from({ length: 51 }, (_, i) => i * 0.1);
  const maxError = (s: Solution): number => {
    let e = 0;
    for (let i = 0; i < tOut.length; i++) {
      const [a, b] = exact(tOut[i]!);
      e = Math.max(e, Math.abs(s.y[2 * i]! - a), Math.abs(s.y[2 * i + 1]! - b));
    }
    return e;
  };

  it('has an error that scales with the tolerance', () => {
    const errs = [1e-3, 1e-5, 1e-7, 1e-9].map((tol) => maxError(solve(lin, { rtol: tol, atol: tol, tOut })));
    for (let k = 0; k < errs.length; k++) {
      expect(errs[k]).toBeLessThan(20 * [1e-3, 1e-5, 1e-7, 1e-9][k]!);
      if (k > 0) expect(errs[k]).toBeLessThan(errs[k - 1]! / 5);
    }
  });

  it('returns y at exactly the requested times, by interpolation, without changing the step sequence', () => {
    const odd = [0, 0.0123, 0.5, Math.PI / 3, 2.2222, 5];
    const a = solve(lin, { rtol: 1e-7, atol: 1e-9, tOut: odd });
    const b = solve(lin, { rtol: 1e-7, atol: 1e-9 });
    expect(Array.from(a.t)).toEqual(odd);
    expect(a.stats.steps).toBe(b.stats.steps);
    for (let i = 0; i < odd.length; i++) {
      const [e0, e1] = exact(odd[i]!);
      expect(Math.abs(a.y[2 * i]! - e0)).toBeLessThan(1e-6);
      expect(Math.abs(a.y[2 * i + 1]! - e1)).toBeLessThan(1e-6);
    }
    expect(row(a, 0)).toEqual([1, 1]);
  });
});

describe('restarts at discontinuities (tStops)', () => {
  // y' = -k (y - u(t)) with a step input u: 0 before t=1, 2 on [1, 2.5), 0.5 from 2.5 (each value holds from its time).
  const k = 3;
  const u = (t: number): number => (t < 1 ? 0 : t < 2.5 ? 2 : 0.5);
  const exact = (t: number): number => {
    let y = 1, t0 = 0;
    for (const [end, ui] of [[1, 0], [2.5, 2], [Infinity, 0.5]] as const) {
      const te = Math.min(t, end);
      y = ui + (y - ui) * Math.exp(-k * (te - t0));
      if (t <= end) return y;
      t0 = end;
    }
    return y;
  };
  const tOut = [0, 0.5, 1, 1.7, 2.5, 3, 4];

  for (const method of ['rosenbrock', 'odex'] as const) {
    it(`${method}: steps exactly to each stop, never evaluates f past a stop before it, matches the analytic solution`, () => {
      let lastAccepted = 0;
      let crossed = 0;
      const problem: OdeProblem = {
        f: (t, y, d) => {
          // A stage of the step that ends at a stop must see the left limit of u.
          for (const s of [1, 2.5]) if (lastAccepted < s && t >= s) crossed++;
          d[0] = -k * (y[0]! - u(t));
        },
        y0: [1], t0: 0, tEnd: 4,
      };
      const stepsAt: number[] = [];
      const s = solve(problem, { method, rtol: 1e-9, atol: 1e-11, tOut, tStops: [1, 2.5], onStep: (t) => { lastAccepted = t; stepsAt.push(t); } });
      expect(crossed).toBe(0);
      expect(stepsAt).toContain(1);
      expect(stepsAt).toContain(2.5);
      expect(s.stats.restarts).toBe(2);
      for (let i = 0; i < tOut.length; i++) expect(Math.abs(s.y[i]! - exact(tOut[i]!))).toBeLessThan(1e-7);
    });
  }
});

describe('odex behind the same interface', () => {
  // Lotka-Volterra: smooth and non-stiff, where an explicit extrapolation method is efficient.
  const lv: OdeProblem = {
    f: (_t, y, d) => { d[0] = 1.5 * y[0]! - y[0]! * y[1]!; d[1] = -3 * y[1]! + y[0]! * y[1]!; },
    y0: [1, 1], t0: 0, tEnd: 15, names: ['prey', 'predator'],
  };
  const tOut = Array.from({ length: 31 }, (_, i) => i * 0.5);

  it('agrees with the Rosenbrock solver on a non-stiff problem', () => {
    const a = solve(lv, { method: 'odex', rtol: 1e-10, atol: 1e-12, tOut });
    const b = solve(lv, { method: 'rosenbrock', rtol: 1e-10, atol: 1e-12, tOut });
    expect(a.stats.method).toBe('odex');
    expect(Array.from(a.t)).toEqual(tOut);
    for (let i = 0; i < a.y.length; i++) expect(Math.abs(a.y[i]! - b.y[i]!)).toBeLessThan(1e-7 * Math.max(1, Math.abs(b.y[i]!)));
    // The explicit method needs far fewer steps here than the 4th-order Rosenbrock method.
    expect(a.stats.steps).toBeLessThan(b.stats.steps);
  });

  it('turns odex running out of steps into SolverError("max-steps") with the time reached', () => {
    const e = catchSolverError(() => solve(robertson(40), { method: 'odex', rtol: 1e-4, atol: 1e-8, maxSteps: 1000 }));
    expect(e.reason).toBe('max-steps');
    expect(e.t).toBeGreaterThan(0);
    expect(e.t).toBeLessThan(40);
    expect(e.message).toContain('maxSteps=1000');
  });
});

describe('failures are errors, never NaN results', () => {
  it('rosenbrock: max-steps with the time reached', () => {
    const e = catchSolverError(() => solve(robertson(40), { rtol: 1e-8, atol: 1e-12, maxSteps: 20 }));
    expect(e.reason).toBe('max-steps');
    expect(e.t).toBeGreaterThan(0);
    expect(e.t).toBeLessThan(40);
  });

  for (const method of ['rosenbrock', 'odex'] as const) {
    it(`${method}: a NaN derivative at the start names the component`, () => {
      const p: OdeProblem = { f: (_t, y, d) => { d[0] = -y[0]!; d[1] = Math.sqrt(-1 - y[1]!); }, y0: [1, 0], t0: 0, tEnd: 1, names: ['S_ac', 'S_h2'] };
      const e = catchSolverError(() => solve(p, { method }));
      expect(e.reason).toBe('nan');
      expect(e.t).toBe(0);
      expect(e.message).toContain('S_h2');
    });

    it(`${method}: a derivative that turns NaN later stops the run there, naming the component`, () => {
      // d(S_h2)/dt is log(1.5 - t): defined until t=1.5, NaN after.
      const p: OdeProblem = { f: (t, y, d) => { d[0] = -y[0]!; d[1] = Math.log(1.5 - t); }, y0: [1, 0], t0: 0, tEnd: 3, names: ['S_ac', 'S_h2'] };
      const e = catchSolverError(() => solve(p, { method, maxSteps: 5000 }));
      expect(['nan', 'max-steps']).toContain(e.reason);
      if (method === 'rosenbrock') expect(e.reason).toBe('nan');
      if (e.reason === 'nan') expect(e.message).toContain('S_h2');
      expect(e.t).toBeGreaterThan(1);
      expect(e.t).toBeLessThanOrEqual(1.5);
    });
  }

  it('rosenbrock: a finite-time blow-up ends in step-underflow near the singularity, naming the state', () => {
    // q' = q^2, q(0) = 1 has the solution 1/(1-t), which blows up at t=1.
    const e = catchSolverError(() => solve({ f: (_t, y, d) => { d[0] = y[0]! * y[0]!; }, y0: [1], t0: 0, tEnd: 2, names: ['q'] }));
    expect(['step-underflow', 'nan']).toContain(e.reason);
    expect(Math.abs(e.t - 1)).toBeLessThan(1e-3);
    expect(e.message).toContain('q');
  });

  it('odex: a sign-switching RHS cannot make it spin past maxSteps', () => {
    // q' = -sign(q) chatters around q=0 after t=1; odex 2.0.4 alone ignores maxSteps on its "last step" path.
    const e = catchSolverError(() => solve({ f: (_t, y, d) => { d[0] = -Math.sign(y[0]!); }, y0: [1], t0: 0, tEnd: 2 }, { method: 'odex', maxSteps: 2000 }));
    expect(e.reason).toBe('max-steps');
    expect(e.t).toBeGreaterThanOrEqual(1 - 1e-6);
    expect(e.t).toBeLessThan(2);
  });

  it('rejects bad options as invalid-input', () => {
    const p = robertson(40);
    const bad: SolveOptions[] = [
      { rtol: 0 }, { rtol: Number.NaN }, { atol: -1 }, { atol: [1e-8, 1e-8] }, { tOut: [0, 50] }, { tOut: [10, 5] },
      { tStops: [30, 20] }, { maxSteps: 0 }, { method: 'rk4' as never }, { maxStep: 0 },
    ];
    for (const o of bad) expect(catchSolverError(() => solve(p, o)).reason).toBe('invalid-input');
    expect(catchSolverError(() => solve({ ...p, y0: [1, Number.NaN, 0] })).message).toContain('B');
    expect(catchSolverError(() => solve({ ...p, tEnd: 0 })).reason).toBe('invalid-input');
  });
});

describe('statistics, inputs and early stop', () => {
  for (const method of ['rosenbrock', 'odex'] as const) {
    it(`${method}: counts every f evaluation and leaves y0 untouched`, () => {
      let calls = 0;
      const y0 = [1, 0, 0];
      const y0f = Float64Array.of(1, 0, 0);
      const p = { ...robertson(method === 'odex' ? 0.01 : 40), f: ((t, y, d) => { calls++; robertsonF(t, y, d); }) as RhsFunction };
      const s = solve({ ...p, y0 }, { method });
      expect(s.stats.fEvals).toBe(calls);
      expect(s.stats.steps).toBeGreaterThan(0);
      expect(y0).toEqual([1, 0, 0]);
      solve({ ...p, y0: y0f }, { method });
      expect(Array.from(y0f)).toEqual([1, 0, 0]);
      if (method === 'rosenbrock') {
        // One Jacobian per accepted step (rejections reuse it: same t and y); one LU per attempt.
        expect(s.stats.jacEvals).toBe(s.stats.steps);
        expect(s.stats.luDecomps).toBe(s.stats.steps + s.stats.rejected);
        // Per step: 5 stage evaluations + f at the new point + n+1 for the Jacobian; plus the start-up evaluations.
        expect(s.stats.fEvals).toBeGreaterThanOrEqual(s.stats.steps * 6 + s.stats.jacEvals * 4);
      }
    });

    it(`${method}: onStep returning false stops early with outcome "stopped"`, () => {
      let n = 0;
      const s = solve(robertson(method === 'odex' ? 0.01 : 40), { method, tOut: [0, 0.001, 0.005, 0.01, 40].filter((t) => t <= (method === 'odex' ? 0.01 : 40)), onStep: () => ++n < 5 });
      expect(s.outcome).toBe('stopped');
      expect(n).toBe(5);
      expect(s.stats.steps).toBe(5);
      expect(s.tReached).toBeLessThan(method === 'odex' ? 0.01 : 40);
      expect(s.t.length).toBeLessThan(method === 'odex' ? 4 : 5);
      for (const v of s.y) expect(Number.isFinite(v)).toBe(true);
    });
  }
});
