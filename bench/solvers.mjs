// Solver benchmark: median wall time after warm-up, steps and evaluations for classic stiff problems (Rodas4 vs odex).
// Usage: node bench/solvers.mjs [path/to/index.mjs]   (default ../dist-node/index.mjs, built by `npm run build:node`)
import { pathToFileURL } from 'node:url';
import { resolve as resolvePath } from 'node:path';

const modPath = process.argv[2] ? pathToFileURL(resolvePath(process.argv[2])).href : new URL('../dist-node/index.mjs', import.meta.url).href;
const { solve } = await import(modPath);

const robertson = (tEnd) => ({
  f: (_t, y, d) => { const r1 = 0.04 * y[0], r2 = 1e4 * y[1] * y[2], r3 = 3e7 * y[1] * y[1]; d[0] = -r1 + r2; d[1] = r1 - r2 - r3; d[2] = r3; },
  y0: [1, 0, 0], t0: 0, tEnd,
});
const vdp = { f: (_t, y, d) => { d[0] = y[1]; d[1] = 1000 * (1 - y[0] * y[0]) * y[1] - y[0]; }, y0: [2, 0], t0: 0, tEnd: 2000 };

// 38-state linear system A = Q diag(lambda) Q^T + constant forcing, lambda log-spaced from -1e-2 to -lambdaMax (per day).
function linear38(lambdaMax) {
  const n = 38;
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  const q = Array.from({ length: n }, () => Array.from({ length: n }, rand));
  for (let i = 0; i < n; i++) { // Gram-Schmidt: rows become orthonormal
    for (let k = 0; k < i; k++) { let dot = 0; for (let j = 0; j < n; j++) dot += q[i][j] * q[k][j]; for (let j = 0; j < n; j++) q[i][j] -= dot * q[k][j]; }
    let norm = 0; for (let j = 0; j < n; j++) norm += q[i][j] ** 2; norm = Math.sqrt(norm); for (let j = 0; j < n; j++) q[i][j] /= norm;
  }
  const lam = Array.from({ length: n }, (_, i) => -1e-2 * Math.pow(lambdaMax / 1e-2, i / (n - 1)));
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { let s = 0; for (let k = 0; k < n; k++) s += q[k][i] * lam[k] * q[k][j]; a[i * n + j] = s; }
  return { f: (_t, y, d) => { for (let i = 0; i < n; i++) { let s = 1; for (let j = 0; j < n; j++) s += a[i * n + j] * y[j]; d[i] = s; } }, y0: new Array(n).fill(1), t0: 0, tEnd: 100 };
}

function bench(name, problem, options, reps = 7) {
  let sol;
  const times = [];
  for (let r = 0; r < reps + 2; r++) {
    const t0 = performance.now();
    sol = solve(problem, options);
    if (r >= 2) times.push(performance.now() - t0); // two warm-up runs
  }
  times.sort((x, y) => x - y);
  const s = sol.stats;
  console.log([name, `${options.method ?? 'rosenbrock'} ${options.rtol}/${options.atol}`, s.steps, s.rejected, s.fEvals, s.jacEvals, times[times.length >> 1].toFixed(2)].join(' | '));
}

console.log('problem | solver rtol/atol | steps | rejected | f evals | jac evals | median ms');
bench('Robertson t=40', robertson(40), { rtol: 1e-4, atol: 1e-8 });
bench('Robertson t=40', robertson(40), { rtol: 1e-6, atol: 1e-10 });
bench('Robertson t=40', robertson(40), { rtol: 1e-8, atol: 1e-12 });
bench('Robertson t=1e5', robertson(1e5), { rtol: 1e-6, atol: 1e-10 });
bench('Robertson t=40', robertson(40), { method: 'odex', rtol: 1e-4, atol: 1e-8, maxSteps: 1e6 }, 3);
bench('van der Pol mu=1000 t=2000', vdp, { rtol: 1e-4, atol: 1e-6 });
bench('van der Pol mu=1000 t=2000', vdp, { rtol: 1e-6, atol: 1e-8 });
bench('van der Pol mu=1000 t=2000', vdp, { rtol: 1e-8, atol: 1e-10 });
bench('linear38 lmax=1e4 100 d', linear38(1e4), { rtol: 1e-4, atol: 1e-6 });
bench('linear38 lmax=1e4 100 d', linear38(1e4), { rtol: 1e-6, atol: 1e-8 });
bench('linear38 lmax=1e2 100 d', linear38(1e2), { rtol: 1e-4, atol: 1e-6 });
bench('linear38 lmax=1e2 100 d', linear38(1e2), { method: 'odex', rtol: 1e-4, atol: 1e-6 }, 3);
