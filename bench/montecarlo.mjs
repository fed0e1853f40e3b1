// Monte Carlo throughput, the pool rows of the engine-speed table. Every ratio is measured side by side in this one
// process, in interleaved rounds (in-process, 1-worker pool, 2-worker pool, ...), on warm pools (workers started once
// and reused, as the CLI and the web app use them), so the machine's load moves all of them alike. Absolute rates are
// printed with the load average they were measured under. Needs `npm run build:node` (npm run bench does it).
import { availableParallelism, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  cli, createNodePool, digesterBatches, digesterDefaultInput, digesterEvaluator, monteCarlo, parseRunFile, projectScenario,
  projectionBatches, projectionRanges, scenarioBatches, scenarioEvaluator, scenarioUncertainInputs,
} from '../dist-node/index.mjs';

const cores = availableParallelism();
const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const readJson = (f) => JSON.parse(readFileSync(here(f), 'utf8'));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]); };
const range = (xs) => `${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * Runs each lane once per round, lanes interleaved; returns per lane the runs/s of every round, and the CPU time per
 * run of the whole process (every thread) and of the main thread alone. CPU per run does not depend on the machine's
 * load the way wall time does: a pool whose CPU per run equals in-process wastes nothing on messages.
 */
async function sideBySide(lanes, rounds = ROUNDS) {
  const rates = Object.fromEntries(lanes.map((l) => [l.label, []]));
  const cpu = Object.fromEntries(lanes.map((l) => [l.label, { all: 0, main: 0, runs: 0 }]));
  // Rounds of 60-120 scenario samples (0.6-1.3 s): with fewer, the last batch of a round (~150 ms on one worker while
  // the other has finished) is a large share of the round and the 2-worker ratio measures that tail, not the pool.
  // JIT, worker start-up and the switch to straight-line code (after 20,000 LU factorisations and 50,000 rhs calls in
  // each thread: docs/model.md), not timed, so every lane is measured in the steady state a long study runs in.
  for (const l of lanes) await l.run(l.warmup ?? 4);
  for (let r = 0; r < rounds; r++) {
    for (const l of lanes) {
      const c0 = process.cpuUsage(), e0 = performance.eventLoopUtilization(), t0 = performance.now();
      const n = await l.run(l.samples);
      rates[l.label].push(n / ((performance.now() - t0) / 1000));
      const c = process.cpuUsage(c0), e = performance.eventLoopUtilization(e0);
      const k = cpu[l.label];
      k.all += (c.user + c.system) / 1000; k.main += e.active; k.runs += n;
    }
  }
  return Object.assign(rates, { cpu });
}

function show(title, rates, lanes) {
  console.log(title);
  for (const l of lanes) {
    const xs = rates[l.label], c = rates.cpu[l.label];
    console.log(`  ${l.label.padEnd(26)} ${String(l.samples).padStart(5)} runs: ${median(xs).toFixed(1).padStart(7)} runs/s  (rounds ${range(xs)}); CPU ${(c.all / c.runs).toFixed(2)} ms/run all threads, main thread busy ${(c.main / c.runs).toFixed(2)} ms/run`);
  }
}

const ratio = (rates, a, b) => median(rates[a]) / median(rates[b]);
const pools = [];
const warmPool = (n) => { const p = createNodePool(n).warm(); pools.push(p); return p; };

try {
  console.log(`load average at start: ${load()} (${cores} cores); ${ROUNDS} interleaved rounds a case`);

  // --- BSM2 digester, 200 d, three uncertain ADM1 parameters (the `adsim uncertainty` default case) ---
  const runFile = here('../scenarios/bsm2-steady-state.json');
  const run = parseRunFile(readJson('../scenarios/bsm2-steady-state.json'), { readText: (p) => readFileSync(new URL(p, new URL(`file://${runFile}`)), 'utf8') });
  const inputs = ['k_hyd_ch', 'k_m_ac', 'K_I_nh3'].map((n) => digesterDefaultInput(run, n));
  const p1 = warmPool(1), p2 = cores > 1 ? warmPool(2) : null;
  let q1, q2;
  const bsm2 = [
    { label: '1 core, in-process', samples: 400, warmup: 800, run: async (n) => { q1 = await monteCarlo(inputs, digesterEvaluator(run), { samples: n, seed: 1 }); return n; } },
    { label: '1 worker, pool (batches)', samples: 400, warmup: 800, run: async (n) => { await monteCarlo(inputs, digesterBatches(p1, run, false), { samples: n, seed: 1, concurrency: 2 }); return n; } },
  ];
  if (p2) bsm2.push({ label: '2 workers, pool (batches)', samples: 800, warmup: 1600, run: async (n) => { q2 = await monteCarlo(inputs, digesterBatches(p2, run, false), { samples: n, seed: 1, concurrency: 4 }); return n; } });
  const r1 = await sideBySide(bsm2);
  show(`\nMonte Carlo, BSM2 digester 200 d, LHS over k_hyd_ch, k_m_ac, K_I_nh3 (warm pools; load ${load()})`, r1, bsm2);
  console.log(`  1-worker pool / in-process: ${ratio(r1, bsm2[1].label, bsm2[0].label).toFixed(2)}x (what the pool's messages cost)`);
  if (p2) {
    console.log(`  2-worker pool / 1-worker pool: ${ratio(r1, bsm2[2].label, bsm2[1].label).toFixed(2)}x (goal 1.8x on a quiet machine)`);
    console.log(`  2-worker pool / in-process: ${ratio(r1, bsm2[2].label, bsm2[0].label).toFixed(2)}x`);
  }
  const p = q1.scalars.q_ch4_Nm3_d;
  console.log(`  q_ch4 (Nm3/d) P10/P50/P90 with ${bsm2[0].samples} samples: ${p.p10.toFixed(0)} / ${p.p50.toFixed(0)} / ${p.p90.toFixed(0)}`);
  if (q2) {
    const same = JSON.stringify((await monteCarlo(inputs, digesterBatches(p2, run, false, { batchSize: 7 }), { samples: bsm2[0].samples, seed: 1, concurrency: 4 })).scalars) === JSON.stringify(q1.scalars);
    console.log(`  same ${bsm2[0].samples} samples through the 2-worker pool in batches of 7: percentiles ${same ? 'identical' : 'DIFFERENT'} to in-process`);
  }

  // --- Scenario Monte Carlo: weekly-small-digester, one year + start-up per sample ---
  const weekly = readJson('../scenarios/weekly-small-digester.json');
  const { inputs: wIn, writers: wW } = scenarioUncertainInputs(weekly);
  const sc = [
    { label: '1 core, in-process', samples: 60, warmup: 20, run: async (n) => { await monteCarlo(wIn, scenarioEvaluator(weekly, wW), { samples: n, seed: 1 }); return n; } },
    { label: '1 worker, pool (batches)', samples: 60, warmup: 20, run: async (n) => { await monteCarlo(wIn, scenarioBatches(p1, weekly, wW, false), { samples: n, seed: 1, concurrency: 2 }); return n; } },
  ];
  if (p2) sc.push({ label: '2 workers, pool (batches)', samples: 120, warmup: 40, run: async (n) => { await monteCarlo(wIn, scenarioBatches(p2, weekly, wW, false), { samples: n, seed: 1, concurrency: 4 }); return n; } });
  const r2 = await sideBySide(sc);
  show(`\nScenario Monte Carlo, weekly-small-digester (one year + start-up per sample, scenario tolerance; load ${load()})`, r2, sc);
  if (p2) {
    const rate = median(r2[sc[2].label]);
    console.log(`  2-worker pool / 1-worker pool: ${ratio(r2, sc[2].label, sc[1].label).toFixed(2)}x; / in-process: ${ratio(r2, sc[2].label, sc[0].label).toFixed(2)}x`);
    console.log(`  10,000 runs at the 2-worker rate: ${(10000 / rate / 60).toFixed(1)} min (goal 3 min or less)`);
  }

  // --- Projection ranges, region rollout, 200 samples (what `adsim project --ranges 200` and the web's ranges run) ---
  const region = readJson('../scenarios/region-rollout.json');
  const years = 5;
  const t0 = performance.now(); projectScenario(region, years); projectScenario(region, years);
  const oneMs = (performance.now() - t0) / 2;
  console.log(`\nProjection ranges, region rollout (${years} years; load ${load()})`);
  console.log(`  one projection sample in-process: ${oneMs.toFixed(0)} ms`);
  if (p2) {
    const tr = performance.now();
    const rr = await projectionRanges(region, years, () => { throw new Error('unused'); }, { samples: 200, batch: projectionBatches(p2), concurrency: 4 });
    const wall = (performance.now() - tr) / 1000;
    console.log(`  200 samples, 2 workers (warm pool, batches): ${wall.toFixed(1)} s wall, ${rr.ok} of ${rr.samples} ok (goal 15 s or less)`);
    // The same through the CLI: its pool is started for the command, so worker start-up is counted.
    let out = '', err = '';
    const tc = performance.now();
    const code = await cli(['project', here('../scenarios/region-rollout.json'), '--ranges', '200', '--workers', '2', '--json'], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: process.cwd() });
    if (code !== 0) throw new Error(`adsim project exited ${code}: ${err}`);
    const same = JSON.stringify(JSON.parse(out).ranges.totals) === JSON.stringify(rr.totals);
    console.log(`  adsim project --ranges 200 --workers 2 (CLI, incl. worker start-up and the central projection): ${((performance.now() - tc) / 1000).toFixed(1)} s wall; ranges ${same ? 'identical' : 'DIFFERENT'} to the warm pool's`);
  }
  console.log(`\nload average at end: ${load()}`);
} finally {
  for (const p of pools) p.close();
}
