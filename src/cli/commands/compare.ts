// `adsim compare FILE... [--baseline FILE] [--json] [--csv OUT]`: scenarios side by side, with differences from a baseline.
import { parseArgs, flagString } from '../args.js';
import type { CliCommand } from '../types.js';
import { InputError, clipMessage } from '../../errors.js';
import { jsonReplacer, writeFileAtomic } from '../io.js';
import { ScenarioError, type Issue } from '../../scenario/read.js';
import type { Scenario } from '../../scenario/types.js';
import { runScenario, type ScenarioResult } from '../../pipeline/run.js';
import { withSimulatedSwitching } from '../../pipeline/switching.js';
import { compareScenarios } from '../../compare/compare.js';
import { fullRollout } from '../../pipeline/project.js';
import { comparisonCsv, comparisonTable } from '../../compare/table.js';
import { inFile, jsonError, loadScenario, messageOf, progress } from './scenario.js';
import { JSON_FLAG, type FlagTable } from '../args.js';

/** Every option of `adsim compare`: the parser and `adsim compare --help` both read this table. */
export const COMPARE_FLAGS: FlagTable = [
  { name: 'baseline', kind: 'value', arg: 'FILE.json', defaultText: "the scenario that keeps today's disposal route, else the first", help: 'the scenario the others are measured against (it need not be listed again)' },
  JSON_FLAG,
  { name: 'csv', kind: 'value', arg: 'OUT.csv', help: 'also write the comparison table to this CSV file' },
];

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'Compare scenarios side by side (plain-language table, or --json {baseline, scenarios:[{name, annual, difference, stability, warnings}]}).',
  usage: 'adsim compare FILE.json... [--baseline FILE.json] [--json] [--csv OUT.csv]',
  flags: COMPARE_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, COMPARE_FLAGS);
    const asJson = args.flags.has('json');
    try {
      const baseFile = flagString(args, 'baseline');
      const files = [...(baseFile ? [baseFile] : []), ...args.positionals.filter((f) => f !== baseFile)];
      if (files.length === 0) throw new InputError('FILE', 'expected one or more scenario files, e.g. adsim compare scenarios/baseline-efw.json scenarios/weekly-small-digester.json scenarios/dog-garden-codigestion.json');
      // Validate every file before running any, and report all problems at once.
      const issues: Issue[] = [];
      const scenarios: Scenario[] = [];
      for (const f of files) {
        try { scenarios.push(loadScenario(f)); } catch (e) {
          if (e instanceof ScenarioError) issues.push(...e.issues);
          else if (e instanceof InputError) issues.push({ field: e.field, message: messageOf(e) });
          else throw e;
        }
      }
      if (issues.length) throw new ScenarioError(issues);
      // A rollout scenario is compared in its full-rollout year, labelled, so it matches that year of adsim project.
      const configurations: Record<string, string> = {};
      scenarios.forEach((s, i) => {
        const r = fullRollout(s);
        scenarios[i] = r.scenario;
        if (r.configuration) configurations[s.name] = r.configuration;
      });
      const names = new Set<string>();
      scenarios.forEach((s, i) => {
        if (names.has(s.name)) throw new InputError(`${files[i]}: name`, `two scenarios are called ${JSON.stringify(s.name)}; names must differ to be compared`);
        names.add(s.name);
      });
      const bars = scenarios.map((s) => progress(io, s.name));
      const settled = await runAll(scenarios, (i, t, d) => bars[i]!(t, d), files);
      // One scenario that fails to run does not sink the others: every one that ran is reported, each failed one is
      // named with its file and reason, and the exit code (4) says that some failed.
      const failed: FailedScenario[] = [];
      const results: ScenarioResult[] = [];
      const fail = (i: number, error: unknown) => failed.push({ file: files[i]!, name: scenarios[i]!.name, kind: isInputError(error) ? 'input' : 'solver', reason: clipMessage(reasonOf(error), 600) });
      settled.forEach((r, i) => {
        if (!r.ok) { fail(i, r.error); return; }
        try { results.push(withSimulatedSwitching(scenarios[i]!, r.value)); } catch (e) {
          if (!isInputError(e) && (e as Error)?.name !== 'SolverError') throw e;
          fail(i, inFile(files[i]!, e));
          settled[i] = { ok: false, error: e };
        }
      });
      if (results.length === 0) throw (settled.find((r) => !r.ok) as { error: unknown }).error;
      const baseOk = baseFile !== undefined && settled[0]!.ok;
      const c = compareScenarios(results, baseOk ? scenarios[0]!.name : undefined, configurations);
      const csv = flagString(args, 'csv');
      if (csv) writeFileAtomic(csv, comparisonCsv(c));
      if (asJson) {
        io.out(JSON.stringify({ ok: failed.length === 0, ...c, ...(failed.length ? { failed } : {}) }, jsonReplacer) + '\n');
      } else {
        io.out(comparisonTable(c));
        for (const f of failed) io.out(`\nFAILED  ${f.name} (${f.file}): ${f.reason}\n`);
      }
      for (const f of failed) io.err(`adsim compare: ${f.file}: scenario ${JSON.stringify(f.name)} failed (${f.kind === 'input' ? 'bad input' : 'solver failure'}): ${f.reason}\n`);
      if (failed.length && baseFile !== undefined && !baseOk) io.err(`adsim compare: the baseline ${baseFile} failed; differences are against ${c.baseline} instead\n`);
      return failed.length ? EXIT_PARTIAL : 0;
    } catch (e) {
      if (asJson) return jsonError(io, e);
      throw e;
    }
  },
};

/**
 * Runs the scenarios: in parallel worker threads (one per core) when there are several and the worker is built,
 * otherwise in turn in this process (ADSIM_WORKERS=0 forces that). A failed scenario fails the comparison.
 */
type Settled = { ok: true; value: ScenarioResult } | { ok: false; error: unknown };

async function runAll(scenarios: Scenario[], onProgress: (i: number, t: number, days: number) => void, files: string[]): Promise<Settled[]> {
  const inProcess = (): Settled[] => scenarios.map((s, i) => {
    try { return { ok: true, value: runScenario(s, { onProgress: (t, d) => onProgress(i, t, d) }) }; } catch (e) {
      if (!isInputError(e) && (e as Error)?.name !== 'SolverError') throw e;   // a bug is not a scenario's failure
      return { ok: false, error: inFile(files[i]!, e) };
    }
  });
  if (scenarios.length < 2 || process.env.ADSIM_WORKERS === '0') return inProcess();
  // Loaded only when a pool is used (worker threads, comlink), as in project and sensitivity.
  const { findNodeWorker, runScenariosInPool } = await import('../../worker/pool.node.js');
  let worker: URL;
  try { worker = findNodeWorker(); } catch { return inProcess(); }
  const days = scenarios.map((s) => s.horizon.startup_d + 365 * s.horizon.years);
  const settled = await runScenariosInPool(scenarios, {
    workerUrl: worker,
    onProgress: (i, p) => onProgress(i, p.t_d ?? p.fraction * days[i]!, days[i]!),
  });
  return settled.map((r, i): Settled => (r.ok ? { ok: true, value: r.value } : { ok: false, error: inFile(files[i]!, r.error) }));
}

/** Exit code of a comparison in which some scenarios failed and the others are reported. */
export const EXIT_PARTIAL = 4;

/** A scenario that did not run, as `compare --json` reports it under "failed". */
export interface FailedScenario { file: string; name: string; kind: 'input' | 'solver'; reason: string }

function isInputError(e: unknown): boolean {
  return e instanceof InputError || (e as Error)?.name === 'InputError' || (e as Error)?.name === 'ScenarioError';
}

function reasonOf(e: unknown): string {
  const m = String((e as Error)?.message ?? e);
  return (e as Error)?.name === 'SolverError' ? `solver failed: ${m}` : m;
}
