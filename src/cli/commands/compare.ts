// `adsim compare FILE... [--baseline FILE] [--json] [--csv OUT]`: scenarios side by side, with differences from a baseline.
import { parseArgs, flagString } from '../args.js';
import type { CliCommand } from '../types.js';
import { InputError } from '../../errors.js';
import { jsonReplacer } from '../io.js';
import { writeFileSync } from 'node:fs';
import { ScenarioError, type Issue } from '../../scenario/read.js';
import type { Scenario } from '../../scenario/types.js';
import { runScenario, type ScenarioResult } from '../../pipeline/run.js';
import { withSimulatedSwitching } from '../../pipeline/switching.js';
import { compareScenarios } from '../../compare/compare.js';
import { fullRollout } from '../../pipeline/project.js';
import { comparisonCsv, comparisonTable } from '../../compare/table.js';
import { inFile, jsonError, loadScenario, messageOf, progress } from './scenario.js';
import { findNodeWorker, runScenariosInPool } from '../../worker/pool.node.js';
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
      const results: ScenarioResult[] = (await runAll(scenarios, (i, t, d) => bars[i]!(t, d), files))
        .map((r, i) => { try { return withSimulatedSwitching(scenarios[i]!, r); } catch (e) { throw inFile(files[i]!, e); } });
      const c = compareScenarios(results, baseFile ? scenarios[0]!.name : undefined, configurations);
      const csv = flagString(args, 'csv');
      if (csv) {
        try { writeFileSync(csv, comparisonCsv(c)); } catch (e) { throw new InputError('--csv', `cannot write ${csv} (${(e as Error).message})`); }
      }
      if (asJson) { io.out(JSON.stringify({ ok: true, ...c }, jsonReplacer) + '\n'); return 0; }
      io.out(comparisonTable(c));
      return 0;
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
async function runAll(scenarios: Scenario[], onProgress: (i: number, t: number, days: number) => void, files: string[]): Promise<ScenarioResult[]> {
  const inProcess = () => scenarios.map((s, i) => {
    try { return runScenario(s, { onProgress: (t, d) => onProgress(i, t, d) }); } catch (e) { throw inFile(files[i]!, e); }
  });
  if (scenarios.length < 2 || process.env.ADSIM_WORKERS === '0') return inProcess();
  let worker: URL;
  try { worker = findNodeWorker(); } catch { return inProcess(); }
  const days = scenarios.map((s) => s.horizon.startup_d + 365 * s.horizon.years);
  const settled = await runScenariosInPool(scenarios, {
    workerUrl: worker,
    onProgress: (i, p) => onProgress(i, p.t_d ?? p.fraction * days[i]!, days[i]!),
  });
  return settled.map((r, i) => { if (!r.ok) throw inFile(files[i]!, r.error); return r.value; });
}
