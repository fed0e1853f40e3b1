// The published package as a consumer meets it: `npm pack`, install the tarball into an empty project (offline, no
// scripts), compile strict TypeScript against its declarations (a misspelt result key must fail), run the examples
// of docs/library.md and the installed CLI.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureNodeBuild } from '../scripts/ensure-built.mjs';

const root = new URL('..', import.meta.url).pathname;
let dir = '';
let consumer = '';
let packed: { filename: string; size: number; unpackedSize: number; files: { path: string }[] };
let installed: string[] = [];
let tscOutput = '';
let tscStatus: number | null = null;

/** The ```ts blocks of docs/library.md, in order. */
function docExamples(): string[] {
  const md = readFileSync(join(root, 'docs', 'library.md'), 'utf8');
  return [...md.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

const OK = `// A strict consumer: run file, digester result, scenario JSON and result types from the package.
import { readFileSync } from 'node:fs';
import { parseRunFile, runScenario, simulateDigester, type DigesterRun, type OutputName, type ScenarioResult } from 'adsim';

const file = new URL(import.meta.resolve('adsim/scenarios/bsm2-steady-state.json'));
const run: DigesterRun = parseRunFile(JSON.parse(readFileSync(file, 'utf8')));
const inline: DigesterRun = { digester: { V_liq_m3: 10, V_gas_m3: 1, T_op_K: 308.15 }, feed: [{ time_d: 0, q_m3_d: 0.5, state: { S_su: 0.01, X_ch: 5 } }], days: 5 };
const r = simulateDigester(run);
const q: number = r.final.q_gas_m3_d;
const name: OutputName = 'pH';
const s: ScenarioResult = runScenario(JSON.parse(readFileSync(new URL(import.meta.resolve('adsim/scenarios/weekly-small-digester.json')), 'utf8')));
const kWh: number = s.annual.electricity_net_kWh;
console.log(JSON.stringify({ q, pH: r.final[name], kWh, inlineDays: simulateDigester(inline).final.t_d }));
`;

const BAD = `import { readFileSync } from 'node:fs';
import { parseRunFile, simulateDigester } from 'adsim';

const r = simulateDigester(parseRunFile(JSON.parse(readFileSync('run.json', 'utf8'))));
export const q: number = r.final.q_gas;
`;

function sh(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function runNode(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, args, { cwd });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(() => {
  ensureNodeBuild({ types: true, log: (m: string) => console.log(`[package.test] ${m}`) });
  dir = mkdtempSync(join(tmpdir(), 'adsim-pack-'));
  // --ignore-scripts: dist-node is fresh (built above); prepack would rebuild it under the other test files' feet.
  packed = JSON.parse(sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root))[0];

  consumer = join(dir, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  // Offline: the package must need nothing from the registry (no runtime dependencies).
  sh('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', join(dir, packed.filename)], consumer);
  installed = readdirSync(join(consumer, 'node_modules')).filter((n) => !n.startsWith('.'));

  // The compiler and Node's types come from this checkout (no network); the package itself from the tarball.
  mkdirSync(join(consumer, 'node_modules', '@types'));
  symlinkSync(join(root, 'node_modules', 'typescript'), join(consumer, 'node_modules', 'typescript'), 'dir');
  symlinkSync(join(root, 'node_modules', '@types', 'node'), join(consumer, 'node_modules', '@types', 'node'), 'dir');
  const files = ['ok.ts', 'bad.ts'];
  writeFileSync(join(consumer, 'ok.ts'), OK);
  writeFileSync(join(consumer, 'bad.ts'), BAD);
  docExamples().forEach((code, i) => { files.push(`doc-${i + 1}.ts`); writeFileSync(join(consumer, `doc-${i + 1}.ts`), code); });
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, types: ['node'], outDir: 'out' },
    files,
  }));
  // One compiler pass for everything (emits even with bad.ts's error, so the examples can run afterwards).
  const tsc = spawnSync(process.execPath, [join(consumer, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: consumer, encoding: 'utf8', timeout: 120_000 });
  tscStatus = tsc.status;
  tscOutput = tsc.stdout + tsc.stderr;
}, 300_000);

afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe('npm pack', () => {
  test('ships the built library, CLI, worker, types, scenarios, docs, LICENSE and README, and nothing of the development', () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of ['dist-node/index.mjs', 'dist-node/cli.mjs', 'dist-node/worker.node.mjs', 'dist-node/types/src/index.d.ts', 'bin/adsim.mjs',
      'scenarios/bsm2-steady-state.json', 'scenarios/weekly-small-digester.json', 'docs/library.md', 'docs/scenarios.md', 'LICENSE', 'README.md', 'package.json']) {
      expect(paths, p).toContain(p);
    }
    const unwanted = paths.filter((p) => /^(test|e2e|bench|src|models|web|scripts)\/|\.map$|\.png$|^tsconfig|^vite|^vitest/.test(p));
    expect(unwanted).toEqual([]);
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} adsim contributors/);
  });

  test('installs with no runtime dependencies, offline, and without running a build', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.prepare, 'prepare would run in a consumer install').toBeUndefined();
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(installed).toEqual(['adsim']);
  });
});

describe('a strict TypeScript consumer of the tarball', () => {
  test('compiles against the declarations, and a misspelt result key is the only error', () => {
    const errors = tscOutput.split('\n').filter((l) => /error TS\d+/.test(l));
    expect(tscStatus).not.toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^bad\.ts\(5,\d+\): error TS2339: Property 'q_gas' does not exist/);
  });

  test('runs: the typed consumer and the installed CLI give the BSM2 biogas flow', async () => {
    const [ok, cli] = await Promise.all([
      runNode(['out/ok.js'], consumer),
      runNode(['node_modules/adsim/bin/adsim.mjs', 'run', 'node_modules/adsim/scenarios/bsm2-steady-state.json', '--json'], consumer),
    ]);
    expect(ok.stderr).toBe('');
    const got = JSON.parse(ok.stdout) as { q: number; pH: number; kWh: number; inlineDays: number };
    expect(got.inlineDays).toBe(5);
    expect(got.pH).toBeGreaterThan(6.5);
    expect(got.pH).toBeLessThan(8);
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout).final.q_gas_m3_d).toBeCloseTo(got.q, 9);
  });
});

describe('docs/library.md', () => {
  test('has one example per entry point, and each compiles (see the test above: no error outside bad.ts)', () => {
    const titles = [...readFileSync(join(root, 'docs', 'library.md'), 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(titles).toEqual(['Run a digester file', 'Run and compare scenarios', 'Characterise a feedstock', 'Fit a BMP curve', 'Run a Monte Carlo through the worker pool']);
    expect(docExamples()).toHaveLength(titles.length);
    expect(tscOutput).not.toMatch(/^doc-/m);
  });

  test('every example runs against the installed package', async () => {
    const n = docExamples().length;
    const runs = await Promise.all(Array.from({ length: n }, (_, i) => runNode([`out/doc-${i + 1}.js`], consumer)));
    runs.forEach((r, i) => {
      expect(r.status, `doc-${i + 1}: ${r.stderr}`).toBe(0);
      expect(r.stdout, `doc-${i + 1}`).not.toMatch(/NaN|undefined|Infinity/);
    });
    expect(runs[0]!.stdout).toMatch(/^after 200 d: pH 7\.\d\d, methane \d+ m3\/d at P_atm/);
    expect(runs[4]!.stdout).toMatch(/methane P10-P90: \d+-\d+ N?m3\/d \(0 failed runs\)/);
  });
});
