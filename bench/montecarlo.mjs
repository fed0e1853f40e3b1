// Monte Carlo throughput: runs per second of `adsim uncertainty` on the BSM2 digester (200 d, 3 uncertain ADM1
// parameters, Latin hypercube), in-process on 1 core and through the worker pool on every core. Needs `npm run build:node`.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cli } from '../dist-node/index.mjs';

const file = fileURLToPath(new URL('../scenarios/bsm2-steady-state.json', import.meta.url));
const cores = availableParallelism();

async function measure(workers, samples) {
  let out = '', err = '';
  const io = { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: process.cwd() };
  const argv = ['uncertainty', file, '--samples', String(samples), '--seed', '1', '--params', 'k_hyd_ch,k_m_ac,K_I_nh3', '--workers', String(workers), '--json', '--quiet'];
  const t0 = performance.now();
  const code = await cli(argv, io);
  const wall = performance.now() - t0;
  if (code !== 0) throw new Error(`adsim uncertainty exited ${code}: ${err}`);
  const r = JSON.parse(out);
  return { wall, r };
}

await measure(1, 4); // warm-up (JIT)
const rows = [];
const one = await measure(1, 200);
rows.push(['1 core, in-process', one]);
if (cores > 1) {
  await measure(cores, 2 * cores); // warm-up of the pool path (worker start-up and JIT are still counted below)
  const all = await measure(cores, 200 * cores);
  rows.push([`${cores} workers, pool`, all]);
} else {
  console.log('only 1 core available: the pool figure is not measured');
}
console.log('Monte Carlo, BSM2 digester 200 d, LHS over k_hyd_ch, k_m_ac, K_I_nh3 (wall time includes pool start-up)');
for (const [label, { wall, r }] of rows) {
  const runs = r.samples;
  console.log(`  ${label.padEnd(22)} ${String(runs).padStart(4)} runs in ${(wall / 1000).toFixed(2)} s = ${(runs / (wall / 1000)).toFixed(1)} runs/s  [${r.evaluation}; failed ${r.failedRuns}]`);
}
if (rows.length === 2) {
  const s1 = rows[0][1].r.samples / rows[0][1].wall, s2 = rows[1][1].r.samples / rows[1][1].wall;
  console.log(`  speed-up ${(s2 / s1).toFixed(2)}x on ${cores} cores`);
}
const p = rows[0][1].r.scalars.q_ch4_Nm3_d;
console.log(`  q_ch4 (Nm3/d) P10/P50/P90 with 200 samples: ${p.p10.toFixed(0)} / ${p.p50.toFixed(0)} / ${p.p90.toFixed(0)}`);

// Scenario rows of the engine-speed table: a one-year scenario Monte Carlo on one core and on the pool, the
// 10,000-run figure extrapolated from the pool's rate, and projection ranges (200 samples) of the region rollout.
async function cliRun(argv) {
  let out = '', err = '';
  const io = { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: process.cwd() };
  const c0 = process.cpuUsage(), t0 = performance.now();
  const code = await cli(argv, io);
  const wall = performance.now() - t0, c = process.cpuUsage(c0);
  if (code !== 0) throw new Error(`adsim ${argv[0]} exited ${code}: ${err}`);
  return { wall, cpu: (c.user + c.system) / 1000, out };
}
const weeklyFile = fileURLToPath(new URL('../scenarios/weekly-small-digester.json', import.meta.url));
const regionFile = fileURLToPath(new URL('../scenarios/region-rollout.json', import.meta.url));
const mc = (workers, samples) => cliRun(['uncertainty', weeklyFile, '--samples', String(samples), '--seed', '1', '--workers', String(workers), '--json', '--quiet']);
await mc(1, 4);
const s1 = await mc(1, 40);
console.log('\nScenario Monte Carlo, weekly-small-digester (one year + start-up per sample, scenario tolerance)');
console.log(`  1 core, in-process   40 runs: ${(40 / (s1.wall / 1000)).toFixed(1)} runs/s wall, ${(40 / (s1.cpu / 1000)).toFixed(1)} runs/s of CPU time`);
if (cores > 1) {
  const sN = await mc(cores, 40 * cores);
  const rate = (40 * cores) / (sN.wall / 1000);
  console.log(`  ${cores} workers, pool     ${40 * cores} runs: ${rate.toFixed(1)} runs/s wall (incl. worker start-up) = ${(rate / (40 / (s1.wall / 1000))).toFixed(2)}x one core; 10,000 runs at this rate: ${(10000 / rate / 60).toFixed(1)} min`);
  const pr = await cliRun(['project', regionFile, '--ranges', '200', '--workers', String(cores), '--json']);
  console.log(`  projection ranges, region rollout, 200 samples, ${cores} workers: ${(pr.wall / 1000).toFixed(1)} s wall`);
}
