// The analytic Jacobian of the ADM1 right-hand side (rates from the process table, dS_H+/dy from the charge balance)
// against central differences, per process and for the whole model, at random and extreme states.
import { describe, expect, it } from 'vitest';
import {
  IDX, N_STATES, PROCESSES, STATE_NAMES, createAdm1Model, defaultInitialVector, defaultParameters, outputsAt, physchemAt,
} from '../models/adm1/index.js';
import { SH_VAR, compileRates } from '../models/adm1/rates.js';

const p = defaultParameters();
const reactor = { V_liq_m3: 3400, V_gas_m3: 300, T_op_K: 308.15 };
const base = defaultInitialVector();

/** Deterministic generator (LCG) so a failure can be reproduced. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/**
 * States: the default, random scatter around it (organics and biomass by a factor 1e-2..1e2, ions by 0.3..3, kept
 * only where the charge balance has its root at pH 5-9.5, i.e. inside the solver's bracket), and hand-picked extremes.
 */
function states(): { label: string; y: Float64Array }[] {
  const out: { label: string; y: Float64Array }[] = [{ label: 'default', y: Float64Array.from(base) }];
  const r = rng(11);
  const ions = new Set(['S_IC', 'S_IN', 'S_cation', 'S_anion'].map((k) => IDX[k]!));
  const probe = createAdm1Model(reactor, p);
  for (let s = 0; out.length < 41; s++) {
    const y = Float64Array.from(base, (v, j) => v * (ions.has(j) ? 10 ** (r() - 0.5) : 10 ** (4 * r() - 2)));
    const pH = -Math.log10(probe.solveSH(y));
    // and not within 10 % of atmospheric headspace pressure, where gas outflow has its kink
    const P = outputsAt(probe, y).P_gas_bar!;
    if (pH > 5 && pH < 9.5 && Math.abs(P / 1.013 - 1) > 0.1) out.push({ label: `random ${s} (pH ${pH.toFixed(2)})`, y });
  }
  const ext = (label: string, change: Record<string, number>) => {
    const y = Float64Array.from(base);
    for (const [k, v] of Object.entries(change)) y[IDX[k]!] = v;
    out.push({ label, y });
  };
  ext('acidified (VFA 20 kg COD/m3, low alkalinity)', { S_ac: 12, S_pro: 4, S_bu: 2, S_va: 2, S_IC: 0.01, S_cation: 0.001 });
  ext('alkaline, high ammonia', { S_IN: 0.5, S_cation: 0.4, S_IC: 0.02 });
  ext('no substrate, no biomass', { S_su: 1e-12, S_aa: 1e-12, S_fa: 1e-12, S_va: 1e-12, S_bu: 1e-12, S_pro: 1e-12, S_ac: 1e-12, X_su: 1e-12, X_ac: 1e-12, X_h2: 1e-12 });
  ext('negative S_IN (limitation clipped)', { S_IN: -1e-4 });
  ext('headspace below atmospheric (no gas outflow)', { S_gas_h2: 1e-6, S_gas_ch4: 0.1, S_gas_co2: 0.001 });
  ext('hydrogen-inhibited', { S_h2: 1e-3, S_gas_h2: 5e-3 });
  ext('c4 shares near zero', { S_va: 1e-9, S_bu: 1e-9 });
  return out;
}

/** Relative step of the differences: large, because extrapolation removes the truncation error and rounding shrinks. */
const STEP = 0.02;

/**
 * Column j of df/dy by central differences with three Richardson extrapolations (truncation error O(d^8)), step
 * d = STEP times the state's scale |y_j| (states are never exactly 0 here, so the step never crosses a kink at 0).
 */
function fdColumn(f: (y: Float64Array, out: Float64Array) => void, y: Float64Array, j: number, m: number, col: Float64Array, scale: number): void {
  const yj = y[j]!;
  const plus = new Float64Array(m), minus = new Float64Array(m);
  const central = (h: number): Float64Array => {
    y[j] = yj + h; f(y, plus); y[j] = yj - h; f(y, minus); y[j] = yj;
    return Float64Array.from(plus, (v, i) => (v - minus[i]!) / (2 * h));
  };
  // Romberg table on d, d/2, d/4, d/8: each column removes the next even power of d.
  let T = [1, 2, 4, 8].map((q) => central((STEP * scale) / q));
  for (let level = 1; level < 4; level++) {
    const w = 4 ** level;
    T = T.slice(1).map((fine, r) => Float64Array.from(fine, (v, i) => (w * v - T[r]![i]!) / (w - 1)));
  }
  col.set(T[0]!);
}

/**
 * Largest error of the analytic entries relative to the entry. Entries so small that central differences cannot see
 * them (error below the rounding noise of the differences, 1000 eps times the size of the row's terms over the step)
 * are measured against that noise instead; the row's terms are |f_i| and |df_i/dy_k| scale_k.
 */
function worst(an: (i: number, j: number) => number, fd: (i: number, j: number) => number, value: (i: number) => number, rows: number, cols: number, scale: (j: number) => number) {
  let w = { rel: 0, i: -1, j: -1, an: 0, fd: 0 };
  for (let i = 0; i < rows; i++) {
    let terms = Math.abs(value(i));
    for (let j = 0; j < cols; j++) terms = Math.max(terms, Math.abs(an(i, j)) * scale(j));
    for (let j = 0; j < cols; j++) {
      const a = an(i, j), f = fd(i, j);
      const noise = (1000 * 2.2e-16 * terms) / (STEP * scale(j));
      const rel = Math.abs(a - f) / Math.max(Math.abs(a), Math.abs(f), 1e6 * noise, 1e-300);
      if (rel > w.rel) w = { rel, i, j, an: a, fd: f };
    }
  }
  return w;
}

const stateScale = (y: ArrayLike<number>, j: number) => Math.max(Math.abs(y[j]!), 1e-12);

describe('rate partials from the process table', () => {
  const pc = physchemAt(reactor.T_op_K, p);
  const compiled = compileRates(PROCESSES.map((d) => ({ name: d.name, rate: d.rate(p) })), pc);
  const W = N_STATES + 1;
  const cases = states();
  it.each(PROCESSES.map((proc, k) => [proc.name, k] as const))('%s: d rho/dy and d rho/dS_H match central differences', (_name, k) => {
    const rho = new Float64Array(PROCESSES.length), dRho = new Float64Array(PROCESSES.length * W);
    const r = rng(5 + k);
    let checked = 0;
    for (const { label, y } of cases) {
      const S_H = 10 ** -(5.5 + 3 * r());   // pH 5.5 .. 8.5, independent of y here: the rates see S_H as a variable
      dRho.fill(0);
      compiled.ratesAndPartials(y, S_H, rho, dRho);
      const vals = new Float64Array(PROCESSES.length);
      compiled.rates(y, S_H, vals);
      expect(vals[k], label).toBe(rho[k]);
      const fd = new Float64Array(W);
      const yy = new Float64Array(W); yy.set(y); yy[SH_VAR] = S_H;
      const f = (v: Float64Array, out: Float64Array) => { compiled.rates(v, v[SH_VAR]!, vals); out[0] = vals[k]!; };
      const col = new Float64Array(1);
      const sc = (j: number) => stateScale(yy, j);
      for (let j = 0; j < W; j++) { fdColumn(f, yy, j, 1, col, sc(j)); fd[j] = col[0]!; }
      const w = worst((_i, j) => dRho[k * W + j]!, (_i, j) => fd[j]!, () => rho[k]!, 1, W, sc);
      expect(w.rel, `${label}: d rho/d ${j2name(w.j)} analytic ${w.an} vs FD ${w.fd}`).toBeLessThan(1e-6);
      // every variable the rate depends on is declared (so the Jacobian pattern holds it)
      const vs = new Set(compiled.vars(k));
      for (let j = 0; j < W; j++) if (Math.abs(fd[j]!) > 0 && !vs.has(j)) throw new Error(`${label}: rate ${k} depends on ${j2name(j)} but does not declare it`);
      checked++;
    }
    expect(checked).toBe(cases.length);
  });
});

const j2name = (j: number) => (j === SH_VAR ? 'S_H+' : STATE_NAMES[j]!);

describe('analytic Jacobian of the whole right-hand side', () => {
  const model = createAdm1Model(reactor, p);
  const influent = Float64Array.from(base, (v) => 3 * v);
  model.setFeed(170, influent);
  const n = N_STATES;
  const inPattern = new Uint8Array(n * n);
  for (let m = 0; m < model.pattern.rows.length; m++) inPattern[model.pattern.rows[m]! * n + model.pattern.cols[m]!] = 1;

  it('the pattern is sparse (about a third of the entries) and holds every non-zero entry', () => {
    expect(model.pattern.rows.length).toBeGreaterThan(150);
    expect(model.pattern.rows.length).toBeLessThan(0.45 * n * n);
  });

  it.each(states().map((s) => [s.label, s.y] as const))('%s', (_label, y0) => {
    const y = Float64Array.from(y0);
    const jac = new Float64Array(n * n);
    model.jacobian(0, y, jac);
    const fd = new Float64Array(n * n), col = new Float64Array(n);
    const f = (v: Float64Array, out: Float64Array) => model.rhs(0, v, out);
    const sc = (j: number) => stateScale(y, j);
    for (let j = 0; j < n; j++) {
      fdColumn(f, y, j, n, col, sc(j));
      for (let i = 0; i < n; i++) fd[i * n + j] = col[i]!;
    }
    const f0 = new Float64Array(n);
    model.rhs(0, y, f0);
    const w = worst((i, j) => jac[i * n + j]!, (i, j) => fd[i * n + j]!, (i) => f0[i]!, n, n, sc);
    expect(w.rel, `${_label}: d(d${STATE_NAMES[w.i]}/dt)/d${STATE_NAMES[w.j]}: analytic ${w.an} vs FD ${w.fd}`).toBeLessThan(1e-6);
    for (let k = 0; k < n * n; k++) if (jac[k] !== 0 && !inPattern[k]) throw new Error(`entry ${STATE_NAMES[Math.floor(k / n)]}/${STATE_NAMES[k % n]} is outside the pattern`);
  });
});
