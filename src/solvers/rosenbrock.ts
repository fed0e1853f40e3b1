// Rodas4: a stiff, L-stable, stiffly accurate Rosenbrock method of order 4(3) with dense output (Hairer & Wanner).
//
// Coefficients are the published RODAS set (METH=1) from E. Hairer, G. Wanner, "Solving Ordinary Differential
// Equations II", 2nd ed., Springer 1996, sec. IV.7 (Table 7.1 transformed to the "a/c" variables used by rodas.f).
// The method needs the exact Jacobian (it is not a W-method), so J is recomputed after every accepted step and only
// reused after a rejection, where (t, y) has not moved.
import { SolverError } from './types.js';
import type { Solution, SolverStats } from './types.js';
import type { ResolvedProblem } from './options.js';
import { createLu, luFactor, luSolve } from './linalg.js';
import { createSparseLu, sparseFactorShifted, sparseSolve, symbolicFor } from './sparse.js';
import { OutputRows, fastestComponent, firstNonFinite, maxStepsError, nextDown, throwNonFinite, componentName } from './common.js';

// Stage times (c_i) and the gamma_i sums used for the time derivative term.
const C2 = 0.386, C3 = 0.21, C4 = 0.63;
const GAMMA = 0.25;
const D1 = 0.25, D2 = -0.1043, D3 = 0.1035, D4 = -0.3620000000000023e-1;
// Stage coefficients a_ij (on the k's) and c_ij (divided by h).
const A21 = 1.544;
const A31 = 0.9466785280815826, A32 = 0.2557011698983284;
const A41 = 3.314825187068521, A42 = 2.896124015972201, A43 = 0.9986419139977817;
const A51 = 1.221224509226641, A52 = 6.019134481288629, A53 = 12.53708332932087, A54 = -0.6878860361058950;
const C21 = -5.6688;
const C31 = -2.430093356833875, C32 = -0.2063599157091915;
const C41 = -0.1073529058151375, C42 = -9.594562251023355, C43 = -20.47028614809616;
const C51 = 7.496443313967647, C52 = -10.24680431464352, C53 = -33.99990352819905, C54 = 11.70890893206160;
const C61 = 8.083246795921522, C62 = -7.981132988064893, C63 = -31.52159432874371, C64 = 16.31930543123136, C65 = -6.058818238834054;
// Dense output (continuous extension of order 3).
const D21 = 10.12623508344586, D22 = -7.487995877610167, D23 = -34.80091861555747, D24 = -7.992771707568823, D25 = 1.025137723295662;
const D31 = -0.6762803392801253, D32 = 6.087714651680015, D33 = 16.43084320892478, D34 = 24.76722511418386, D35 = -6.594389125716872;

// Step-size control (rodas.f defaults): 0.2 <= h_new/h <= 6, safety 0.9, Gustafsson's predictive controller.
const FAC_MIN = 0.2, FAC_MAX = 6, SAFE = 0.9;
// Starting steps: the error a first attempt aims at, and the most the learnt correction may scale the estimate by.
const START_ERR = 0.1, START_SCALE_MAX = 100;
const EPS = 2.220446049250313e-16;
const SQRT_EPS = Math.sqrt(EPS);
// After this many consecutive failed attempts (non-finite stage values or singular matrices) the run is abandoned.
const MAX_BAD_ATTEMPTS = 12;
const STAGES_OK = 0, BAD_STATE = 1, BAD_DERIVATIVE = 2;

export function solveRosenbrock(p: ResolvedProblem): Solution {
  const { n, f, rtol, atol } = p;
  const stats: SolverStats = { method: 'rosenbrock', steps: 0, rejected: 0, fEvals: 0, jacEvals: 0, luDecomps: 0, restarts: 0, luFallbacks: 0 };

  // All work arrays, allocated once per solve.
  let y = Float64Array.from(p.y0);
  let ynew = new Float64Array(n);
  const dy = new Float64Array(n), fx = new Float64Array(n), ftmp = new Float64Array(n), ytmp = new Float64Array(n);
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n);
  const k4 = new Float64Array(n), k5 = new Float64Array(n), k6 = new Float64Array(n);
  const cont3 = new Float64Array(n), cont4 = new Float64Array(n), scratch = new Float64Array(n);
  const jac = new Float64Array(n * n);
  const lu = createLu(n);
  // Sparse LU on the problem's pattern when it gives one; the dense LU stays as the fallback for a failed pivot.
  const slu = p.pattern ? createSparseLu(symbolicFor(n, p.pattern)) : null;
  let sparseNow = false;
  const out = new OutputRows(p);

  // Outputs requested at t0 itself.
  while (out.next() <= p.t0) out.take().set(y);

  let t = p.t0;
  // f is never evaluated beyond tLimit: the left limit of the current segment's end.
  let tLimit = p.tEnd;
  let stopped = false;
  let attempts = 0;
  // The most recent attempt that failed on non-finite values, so a later step-size underflow can name the cause.
  let nanAttempt = -1, nanT = NaN, nanStatus = STAGES_OK;
  const nanVec = new Float64Array(n);

  // Factor applied to the starting-step estimate at every restart, learnt from the first attempts so far.
  let startScale = 1;
  const nSeg = p.tStops.length + 1;
  for (let seg = 0; seg < nSeg && !stopped; seg++) {
    const isStop = seg < p.tStops.length;
    const segEnd = isStop ? p.tStops[seg] : p.tEnd;
    // At a stop the RHS may jump; stages that land on segEnd must see the left limit.
    tLimit = isStop ? nextDown(segEnd) : segEnd;
    if (seg > 0) stats.restarts++;

    evalF(t, y, dy);
    if (firstNonFinite(dy, n) >= 0) throwNonFinite(p, t, dy, 'derivative', seg > 0 ? `at the restart after the discontinuity at t=${t}` : 'at the initial state');

    // Hairer's estimate, scaled by what the first attempts after earlier restarts of this solve showed (restarts at
    // the stops of one problem tend to be alike, and the estimate is typically off by the same factor each time).
    let h = p.initialStep > 0 ? p.initialStep : Math.min(initialStep(t, segEnd) * startScale, p.maxStep, segEnd - t);
    let firstAttempt = p.initialStep > 0 ? false : true;
    let needJac = true;
    let reject = false;
    let firstInSeg = true;
    let hAcc = 0, errAcc = 0;
    let badAttempts = 0;
    let badReason = '';

    while (t < segEnd) {
      if (attempts >= p.maxSteps) throw maxStepsError(p, t, attempts, h, fastestComponent(p, y, dy));
      attempts++;
      h = Math.min(h, p.maxStep);
      let last = false;
      if (t + 1.0001 * h >= segEnd) { h = segEnd - t; last = true; }
      const hMin = 16 * EPS * Math.max(Math.abs(t), Math.abs(segEnd - p.t0) * 1e-3);
      if (!(h >= hMin)) {
        if (nanAttempt >= 0 && attempts - nanAttempt <= 50) {
          throwNonFinite(p, nanT, nanVec, nanStatus === BAD_DERIVATIVE ? 'derivative' : 'state', `the step size shrank to ${h.toExponential(3)} at t=${t} trying to avoid it`);
        }
        throw new SolverError('step-underflow', t, `step size underflow at t=${t}: h=${h.toExponential(3)} is below the rounding limit ${hMin.toExponential(3)}${badReason ? ` after ${badReason}` : ''}${fastestComponent(p, y, dy)}; the problem may have a singularity or a non-smooth right-hand side here (add a tStop at known discontinuities)`);
      }

      if (needJac) {
        jacobian(t, h);
        needJac = false;
      }

      // Iteration matrix E = I/(h*gamma) - J, factored.
      const fac = 1 / (h * GAMMA);
      stats.luDecomps++;
      try {
        sparseNow = slu !== null && sparseFactorShifted(slu, jac, fac, t);
        if (!sparseNow) {
          if (slu) stats.luFallbacks!++;
          const a = lu.a;
          for (let i = 0; i < n * n; i++) a[i] = -jac[i];
          for (let i = 0; i < n; i++) a[i * n + i] += fac;
          luFactor(lu, t);
        }
      } catch (e) {
        if (!(e instanceof SolverError) || ++badAttempts > MAX_BAD_ATTEMPTS) throw e;
        // A singular I/(h gamma) - J can be cured by a smaller step (rodas.f halves h).
        badReason = 'singular iteration matrices';
        h *= 0.5; reject = true; last = false; stats.rejected++;
        continue;
      }

      let status = stages(t, h);
      const ok = status === STAGES_OK;
      let err = Infinity;
      if (ok) {
        // Error estimate: k6 is the difference of the embedded (order 3) and main (order 4) solutions.
        let sum = 0;
        for (let i = 0; i < n; i++) {
          const sk = atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(ynew[i]));
          const r = k6[i] / sk;
          sum += r * r;
        }
        err = Math.sqrt(sum / n);
      }
      let dyNewOk = false;
      if (ok && err <= 1) {
        // f at the new state is needed for the next step anyway; checking it here lets a bad state be rejected.
        evalF(last ? segEnd : t + h, ynew, ftmp);
        dyNewOk = firstNonFinite(ftmp, n) < 0;
        if (!dyNewOk) { status = BAD_DERIVATIVE; ytmp.set(ynew); }
      }
      if (!ok || !Number.isFinite(err) || (err <= 1 && !dyNewOk)) {
        // Non-finite values inside the step: shrink hard and retry, as an overflow usually means h was too big.
        nanAttempt = attempts; nanT = t; nanStatus = status;
        nanVec.set(status === BAD_DERIVATIVE ? ftmp : ytmp);
        if (++badAttempts > MAX_BAD_ATTEMPTS) {
          const hint = `${badAttempts} attempts with smaller steps all failed; last h=${h.toExponential(3)}`;
          if (status === BAD_DERIVATIVE) throwNonFinite(p, t, ftmp, 'derivative', hint);
          if (status === BAD_STATE) throwNonFinite(p, t, ytmp, 'state', hint);
          throw new SolverError('nan', t, `non-finite values at t=${t} in ${badAttempts} attempts with smaller steps (last h=${h.toExponential(3)})`);
        }
        badReason = 'non-finite values in the stages';
        stats.rejected++;
        reject = true;
        h *= 0.25;
        continue;
      }

      if (firstAttempt) {
        // The step this attempt's error asks for (err ~ h^3 to h^4 just after a discontinuity: aim at err ~ 0.1, well inside the tolerance).
        firstAttempt = false;
        // (not from a step cut short by the segment end or maxStep: its small error says nothing of the estimate)
        if (!last && h < p.maxStep) startScale = Math.min(START_SCALE_MAX, Math.max(1 / START_SCALE_MAX, startScale * Math.pow(START_ERR / Math.max(err, 1e-10), 0.25)));
      }
      let hFac = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, Math.pow(err, 0.25) / SAFE));
      let hNew = h / hFac;
      if (err <= 1) {
        stats.steps++;
        badAttempts = 0; badReason = '';
        if (!firstInSeg) {
          // Gustafsson's predictive controller: smoother step sequences on stiff problems.
          let facGus = (hAcc / h) * Math.pow((err * err) / errAcc, 0.25) / SAFE;
          facGus = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, facGus));
          hFac = Math.max(hFac, facGus);
          hNew = h / hFac;
        }
        hAcc = h;
        errAcc = Math.max(1e-2, err);
        firstInSeg = false;

        const tNew = last ? segEnd : t + h;
        if (out.next() <= tNew) {
          for (let i = 0; i < n; i++) {
            cont3[i] = D21 * k1[i] + D22 * k2[i] + D23 * k3[i] + D24 * k4[i] + D25 * k5[i];
            cont4[i] = D31 * k1[i] + D32 * k2[i] + D33 * k3[i] + D34 * k4[i] + D35 * k5[i];
          }
          while (out.next() <= tNew) {
            const tq = out.next();
            const row = out.take();
            if (tq === tNew) { row.set(ynew); continue; }
            const s = (tq - t) / h, s1 = 1 - s;
            for (let i = 0; i < n; i++) row[i] = y[i] * s1 + s * (ynew[i] + s1 * (cont3[i] + s * cont4[i]));
          }
        }
        const swap = y; y = ynew; ynew = swap;
        dy.set(ftmp);
        t = tNew;
        needJac = true;
        if (reject) hNew = Math.min(hNew, h); // no growth straight after a rejection
        reject = false;
        h = hNew;
        if (p.onStep && p.onStep(t) === false) { stopped = true; break; }
      } else {
        stats.rejected++;
        // A rejected first step of a segment means the starting estimate was off: cut by what its error asks for
        // with the lower order a step across a fresh transient shows (err ~ h^3), at most tenfold (rodas.f's cut).
        h = firstInSeg ? h * Math.max(0.1, 0.8 * Math.pow(err, -1 / 3)) : hNew;
        reject = true;
      }
    }
  }

  const rows = out.result();
  return { t: rows.t, y: rows.y, n, stats, outcome: stopped ? 'stopped' : 'done', tReached: t };

  function linSolve(b: Float64Array): void {
    if (sparseNow) sparseSolve(slu!, b);
    else luSolve(lu, b, scratch);
  }

  function evalF(tt: number, yy: Float64Array, res: Float64Array): void {
    stats.fEvals++;
    f(tt < tLimit ? tt : tLimit, yy, res);
  }

  /** The Jacobian (analytic if the problem gives one, else finite differences by column), plus df/dt into fx. */
  function jacobian(tt: number, hh: number): void {
    stats.jacEvals++;
    if (p.jacobian) p.jacobian(tt, y, jac);
    else for (let j = 0; j < n; j++) {
      const yj = y[j];
      // Relative increment sqrt(eps) with atol as the floor of the scale, made exactly representable.
      const delta = (yj + SQRT_EPS * Math.max(Math.abs(yj), atol[j])) - yj;
      y[j] = yj + delta;
      stats.fEvals++;
      f(tt, y, ftmp);
      y[j] = yj;
      const inv = 1 / delta;
      for (let i = 0; i < n; i++) jac[i * n + j] = (ftmp[i] - dy[i]) * inv;
    }
    if (p.autonomous) fx.fill(0);   // f(t, y) = f(y): no df/dt term, and no 1/dt amplification of rounding noise
    else {
      // Time derivative: forward difference, or backward when a forward one would cross the segment end.
      const dt = SQRT_EPS * Math.max(Math.abs(tt), hh * 1e-3, 1e-10);
      const forward = tt + dt <= tLimit;
      stats.fEvals++;
      f(forward ? tt + dt : tt - dt, y, ftmp);
      const s = forward ? 1 / dt : -1 / dt;
      let finite = true;
      for (let i = 0; i < n; i++) { fx[i] = (ftmp[i] - dy[i]) * s; if (!Number.isFinite(fx[i])) finite = false; }
      if (!finite) fx.fill(0);
    }
    // x * 0 is 0 for every finite x and NaN otherwise: one branch-free pass, the search only when something is wrong.
    // Four independent sums, so the pass is not bound by the latency of one chain of additions.
    let p0 = 0, p1 = 0, p2 = 0, p3 = 0, i4 = 0;
    for (const e = n * n - 3; i4 < e; i4 += 4) { p0 += jac[i4] * 0; p1 += jac[i4 + 1] * 0; p2 += jac[i4 + 2] * 0; p3 += jac[i4 + 3] * 0; }
    for (; i4 < n * n; i4++) p0 += jac[i4] * 0;
    if (p0 + p1 + p2 + p3 !== 0) for (let i = 0; i < n * n; i++) {
      if (!Number.isFinite(jac[i])) {
        const row = Math.floor(i / n), col = i % n;
        throw new SolverError('nan', tt, `Jacobian entry d(d${componentName(p, row)}/dt)/d${componentName(p, col)} is ${jac[i]} at t=${tt}: the right-hand side is not finite near the current state`);
      }
    }
  }

  /**
   * The six stages. Leaves the new solution in ynew and the error estimate in k6. Returns STAGES_OK, or
   * BAD_STATE (non-finite stage state, left in ytmp) or BAD_DERIVATIVE (non-finite f, left in ftmp).
   */
  function stages(tt: number, hh: number): number {
    const hc21 = C21 / hh, hc31 = C31 / hh, hc32 = C32 / hh, hc41 = C41 / hh, hc42 = C42 / hh, hc43 = C43 / hh;
    const hc51 = C51 / hh, hc52 = C52 / hh, hc53 = C53 / hh, hc54 = C54 / hh;
    const hc61 = C61 / hh, hc62 = C62 / hh, hc63 = C63 / hh, hc64 = C64 / hh, hc65 = C65 / hh;
    const hd1 = hh * D1, hd2 = hh * D2, hd3 = hh * D3, hd4 = hh * D4;

    // probe: the sum of x * 0 over a vector is 0 exactly when every x is finite (checked inside the loops that write it).
    let probe = 0;
    for (let i = 0; i < n; i++) k1[i] = dy[i] + hd1 * fx[i];
    linSolve(k1);

    for (let i = 0; i < n; i++) ytmp[i] = y[i] + A21 * k1[i];
    evalF(tt + C2 * hh, ytmp, ftmp);
    probe = 0;
    for (let i = 0; i < n; i++) { const fi = ftmp[i]; probe += fi * 0; k2[i] = fi + hd2 * fx[i] + hc21 * k1[i]; }
    if (probe !== 0) return BAD_DERIVATIVE;
    linSolve(k2);

    for (let i = 0; i < n; i++) ytmp[i] = y[i] + A31 * k1[i] + A32 * k2[i];
    evalF(tt + C3 * hh, ytmp, ftmp);
    probe = 0;
    for (let i = 0; i < n; i++) { const fi = ftmp[i]; probe += fi * 0; k3[i] = fi + hd3 * fx[i] + hc31 * k1[i] + hc32 * k2[i]; }
    if (probe !== 0) return BAD_DERIVATIVE;
    linSolve(k3);

    for (let i = 0; i < n; i++) ytmp[i] = y[i] + A41 * k1[i] + A42 * k2[i] + A43 * k3[i];
    evalF(tt + C4 * hh, ytmp, ftmp);
    probe = 0;
    for (let i = 0; i < n; i++) { const fi = ftmp[i]; probe += fi * 0; k4[i] = fi + hd4 * fx[i] + hc41 * k1[i] + hc42 * k2[i] + hc43 * k3[i]; }
    if (probe !== 0) return BAD_DERIVATIVE;
    linSolve(k4);

    probe = 0;
    for (let i = 0; i < n; i++) { const v = y[i] + A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]; probe += v * 0; ytmp[i] = v; }
    if (probe !== 0) return BAD_STATE;
    evalF(tt + hh, ytmp, ftmp);
    probe = 0;
    for (let i = 0; i < n; i++) { const fi = ftmp[i]; probe += fi * 0; k5[i] = fi + hc51 * k1[i] + hc52 * k2[i] + hc53 * k3[i] + hc54 * k4[i]; }
    if (probe !== 0) return BAD_DERIVATIVE;
    linSolve(k5);

    // Embedded solution (stiffly accurate, order 3): ytmp + k5.
    probe = 0;
    for (let i = 0; i < n; i++) { const v = ytmp[i] + k5[i]; probe += v * 0; ytmp[i] = v; }
    if (probe !== 0) return BAD_STATE;
    evalF(tt + hh, ytmp, ftmp);
    probe = 0;
    for (let i = 0; i < n; i++) { const fi = ftmp[i]; probe += fi * 0; k6[i] = fi + hc61 * k1[i] + hc62 * k2[i] + hc63 * k3[i] + hc64 * k4[i] + hc65 * k5[i]; }
    if (probe !== 0) return BAD_DERIVATIVE;
    linSolve(k6);

    probe = 0;
    for (let i = 0; i < n; i++) { const v = ytmp[i] + k6[i]; probe += v * 0; ynew[i] = v; }
    if (probe !== 0) { ytmp.set(ynew); return BAD_STATE; }
    return STAGES_OK;
  }

  /** Hairer's starting step (HINIT): from |y0|, |f0| and a second derivative estimate, for an order-4 method. */
  function initialStep(tt: number, segEnd: number): number {
    const span = segEnd - tt;
    const hMax = Math.min(p.maxStep, span);
    let d0 = 0, d1 = 0;
    for (let i = 0; i < n; i++) {
      const sk = atol[i] + rtol * Math.abs(y[i]);
      d0 += (y[i] / sk) ** 2;
      d1 += (dy[i] / sk) ** 2;
    }
    d0 = Math.sqrt(d0 / n); d1 = Math.sqrt(d1 / n);
    let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 * span : 0.01 * (d0 / d1);
    h0 = Math.min(h0, hMax);
    for (let i = 0; i < n; i++) ytmp[i] = y[i] + h0 * dy[i];
    evalF(tt + h0, ytmp, ftmp);
    let d2 = 0;
    for (let i = 0; i < n; i++) {
      const sk = atol[i] + rtol * Math.abs(y[i]);
      d2 += ((ftmp[i] - dy[i]) / sk) ** 2;
    }
    d2 = Math.sqrt(d2 / n) / h0;
    if (!Number.isFinite(d2)) return Math.max(h0 * 1e-2, 16 * EPS * Math.abs(tt));
    const dm = Math.max(d1, d2);
    const h1 = dm <= 1e-15 ? Math.max(1e-6 * span, h0 * 1e-3) : Math.pow(0.01 / dm, 1 / 5);
    return Math.min(100 * h0, h1, hMax);
  }
}
