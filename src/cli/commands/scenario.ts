// `adsim scenario FILE [--json] [--csv OUT]`: one collection scenario, its annual results and daily series.
import { parseArgs, flagString } from '../args.js';
import type { CliCommand, CliIo } from '../types.js';
import { InputError, clipMessage } from '../../errors.js';
import { jsonReplacer, readJson, writeCsv } from '../io.js';
import { parseScenario } from '../../scenario/parse.js';
import { ScenarioError, type Issue } from '../../scenario/read.js';
import type { Scenario } from '../../scenario/types.js';
import { runScenario } from '../../pipeline/run.js';
import { withSimulatedSwitching } from '../../pipeline/switching.js';
import { compareScenarios } from '../../compare/compare.js';
import { fullRollout } from '../../pipeline/project.js';
import { comparisonTable } from '../../compare/table.js';
import { JSON_FLAG, type FlagTable } from '../args.js';

/** An InputError's message without its leading "field: " (the issue carries the field separately). */
export function messageOf(e: InputError): string {
  return e.field && e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
}

/** Reads and validates a scenario file; every problem is reported with the file and the field path. */
export function loadScenario(path: string): Scenario {
  let json: unknown;
  try {
    json = readJson(path);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // "file not found: x.json" -> "x.json: file not found" (the file is named once).
    const msg = messageOf(e).replace(`: ${path}`, '').replace(`${path} `, '');
    throw new ScenarioError([{ field: path, message: msg }]);
  }
  if (typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === 'digester-run') {
    throw new ScenarioError([{ field: path, message: 'is a digester-run file ("kind": "digester-run"): run it with adsim run, not as a scenario' }]);
  }
  try {
    return parseScenario(json);
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioError(e.issues.map((i) => ({ field: `${path}: ${i.field}`, message: i.message })));
    throw e;
  }
}

/** Runs `work`; a user error it raises (e.g. a digester too small for the feed) is reported against the file. */
export function withFile<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    throw inFile(file, e);
  }
}

/** Prefixes an InputError's field with the file it came from (other errors unchanged). */
export function inFile(file: string, e: unknown): unknown {
  if (!(e instanceof InputError) || e instanceof ScenarioError || e.field.startsWith(`${file}: `)) return e;
  return new InputError(`${file}: ${e.field}`, messageOf(e));
}

/** In --json mode a user error is printed as JSON on stdout (so tools read it) as well as one line on stderr. */
export function jsonError(io: CliIo, e: unknown): number {
  if (!(e instanceof InputError)) throw e;
  const issues: Issue[] = e instanceof ScenarioError ? e.issues : [{ field: e.field, message: messageOf(e) }];
  io.out(JSON.stringify({ ok: false, errors: issues.slice(0, 20).map((i) => ({ field: clipMessage(i.field, 200), message: clipMessage(i.message, 600) })) }, null, 1) + '\n');
  io.err(`${clipMessage(e.message)}\n`);
  return 2;
}

/** Every option of `adsim scenario`: the parser and `adsim scenario --help` both read this table. */
export const SCENARIO_FLAGS: FlagTable = [
  JSON_FLAG,
  { name: 'csv', kind: 'value', arg: 'OUT.csv', help: 'also write the daily series to this CSV file' },
];

export const scenarioCommand: CliCommand = {
  name: 'scenario',
  summary: 'Run one collection scenario (bins -> digester -> kWh, CO2e, GBP); --json prints {name, annual, years, daily, stability, warnings, assumptions}.',
  usage: 'adsim scenario FILE.json [--json] [--csv OUT.csv]',
  flags: SCENARIO_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, SCENARIO_FLAGS);
    const asJson = args.flags.has('json');
    const file = args.positionals[0];
    try {
      if (!file) throw new InputError('FILE', 'expected a scenario file, e.g. adsim scenario scenarios/weekly-small-digester.json');
      if (args.positionals.length > 1) throw new InputError('FILE', `expected one scenario file, got ${args.positionals.length}; use adsim compare for several`);
      const roll = fullRollout(loadScenario(file));
      const s = roll.scenario;
      const r = withFile(file, () => withSimulatedSwitching(s, runScenario(s, { onProgress: progress(io, s.name) })));
      if (io.tty) io.err('\n');
      const csv = flagString(args, 'csv');
      if (csv) writeCsv(csv, r.daily);
      if (asJson) { io.out(JSON.stringify({ ok: true, ...r }, jsonReplacer) + '\n'); return 0; }
      io.out(`${r.name}\n${r.comment}\n\n`);
      io.out(comparisonTable(compareScenarios([r], undefined, roll.configuration ? { [r.name]: roll.configuration } : {})));
      io.out(`\nAssumed defaults (${r.assumptions.length}): ${r.assumptions.map((a) => a.field).join(', ') || 'none'}; see --json for values and sources.\n`);
      return 0;
    } catch (e) {
      if (asJson) return jsonError(io, e);
      throw e;
    }
  },
};

/** A progress line on stderr (terminals only), updated every ~10 % of the run and cleared at the end. */
export function progress(io: CliIo, name: string): (t_d: number, days: number) => void {
  let last = -1;
  return (t, days) => {
    if (!io.tty) return;
    const pct = Math.floor((10 * t) / days);
    if (pct === last) return;
    last = pct;
    io.err(t >= days ? '\r\x1b[K' : `\r${name}: day ${Math.floor(t)} of ${days}`);
  };
}
