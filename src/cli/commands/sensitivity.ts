// `adsim sensitivity FILE [--method local|morris|sobol]`: which inputs matter. Also holds what the analysis commands
// share: loading a digester-run or scenario file as a model, choosing inputs, running through the worker pool.
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { flagNumber, flagString, flagValue, parseArgs, type ParsedArgs } from '../args.js';
import { fmt, readJson, relativeReader } from '../io.js';
import { jsonText, sensitivityDocument, sensitivityFailedRuns } from '../../export/research.js';
import { describeFailedSample, type FailedSample } from '../../analysis/montecarlo.js';
import type { CliCommand, CliIo } from '../types.js';
import { InputError, expected, show, unknownField } from '../../errors.js';
import { FORBIDDEN_KEYS } from '../../input/json.js';
import { parseQuantity } from '../../units/quantity.js';
import { validateRun } from '../../simulate/validate.js';
import { parseScenario } from '../../scenario/parse.js';
import type { ScenarioError } from '../../scenario/read.js';
import { parameterDef } from '../../../models/adm1/index.js';
import { parseRunFile } from '../../simulate/runfile.js';
import type { DigesterRun } from '../../simulate/types.js';
import { runFileHooks } from './run.js';
import { checkDistribution, describe, support, type Distribution, type UncertainInput } from '../../analysis/distributions.js';
import { checkOutputNames, type BatchEvaluate, type Evaluate, type Evaluator } from '../../analysis/evaluate.js';
import { digesterBatches, scenarioBatches } from '../../worker/batch.js';
import type { SimPool } from '../../worker/pool.js';
import {
  DIGESTER_OUTPUT_NAMES, DIGESTER_SCALARS, checkDigesterInput, defaultInput, digesterEvaluator, kineticParameterNames,
  nominalValue, rangedParameterNames, applyPoint,
} from '../../analysis/digester-model.js';
import {
  SCENARIO_HEADLINES, applyScenarioPoint, scenarioPathKeys, scenarioUncertainInputs, scenarioEvaluator, type InputWriters,
} from '../../analysis/scenario-model.js';
import { progressLine } from '../../analysis/progress.js';
import { localSensitivity } from '../../analysis/local.js';
import { morris } from '../../analysis/morris.js';
import { sobol } from '../../analysis/sobol.js';
import { ALLOW_OUTSIDE_FLAG, JSON_FLAG, QUIET_FLAG, type FlagSpec, type FlagTable } from '../args.js';

/** A file loaded as something the analysis tools can run. */
export interface LoadedModel {
  kind: 'digester-run' | 'scenario';
  name: string;
  run?: DigesterRun;
  json?: unknown;
  writers: InputWriters;
  /** Default inputs for global methods and Monte Carlo. */
  defaultInputs(): UncertainInput[];
  /** Default parameters for local sensitivity. */
  defaultLocal(): string[];
  /** Default range of one input. */
  inputFor(name: string): UncertainInput;
  nominal(name: string): number;
  headlines: readonly string[];
  inProcess(series: boolean): Evaluate;
  /** Throws an InputError (under `field`) when `value` for input `name` is outside what the run or scenario accepts. */
  checkValue(name: string, value: number, field: string): void;
  /** The points as worker-pool batches: several runs a job, only the outputs read here sent back. */
  poolBatches(pool: SimPool, series: boolean): BatchEvaluate;
}

export function loadModel(file: string, io: CliIo, allowOutside = false): LoadedModel {
  const path = resolve(io.cwd, file);
  const json = readJson(path) as Record<string, unknown>;
  const name = typeof json?.name === 'string' ? json.name : file;
  if (json && json.kind === 'digester-run') {
    const run = parseRunFile(json, { readText: relativeReader(path, allowOutside), ...runFileHooks });
    return {
      kind: 'digester-run', name, run, writers: {},
      defaultInputs: () => rangedParameterNames().map((n) => defaultInput(run, n)),
      defaultLocal: () => kineticParameterNames(),
      inputFor: (n) => defaultInput(run, n),
      nominal: (n) => nominalValue(run, n),
      headlines: DIGESTER_SCALARS,
      checkValue: (n, v, field) => {
        try { validateRun(applyPoint(run, { [n]: v })); } catch (e) {
          if (e instanceof InputError) throw new InputError(field, `${v} is outside what ${n} allows (${e.message})`);
          throw e;
        }
      },
      inProcess: (series) => digesterEvaluator(run, { series }),
      poolBatches: (pool, series) => digesterBatches(pool, run, series),
    };
  }
  if (json && typeof json.schema === 'string') {
    const { inputs, writers } = scenarioUncertainInputs(json);
    const byName = new Map(inputs.map((i) => [i.name, i]));
    return {
      kind: 'scenario', name, json, writers,
      defaultInputs: () => inputs,
      defaultLocal: () => inputs.map((i) => i.name),
      inputFor: (n) => {
        const x = byName.get(n);
        if (!x) throw new InputError(n, `not an uncertain scenario input with a range; give it in --inputs (inputs with ranges: ${[...byName.keys()].join(', ') || 'none'})`);
        return x;
      },
      nominal: (n) => {
        const x = byName.get(n);
        if (!x) throw new InputError(n, 'no nominal value known; give it in --inputs with a distribution');
        return x.dist.kind === 'triangular' ? x.dist.mode : NaN;
      },
      headlines: SCENARIO_HEADLINES,
      checkValue: (n, v, field) => {
        // Written into the file and read back by the scenario's own schema, so every field (new ones included)
        // gets its own limits and units checked before any run.
        try { parseScenario(applyScenarioPoint(json, { [n]: v }, writers)); } catch (e) {
          if (e instanceof InputError) {
            const issues = (e as ScenarioError).issues ?? [{ field: e.field, message: e.message }];
            throw new InputError(field, `${v} is outside what ${n} allows (${issues.slice(0, 2).map((i) => `${i.field}: ${i.message}`).join('; ')})`);
          }
          throw e;
        }
      },
      inProcess: (series) => scenarioEvaluator(json, writers, { series }),
      poolBatches: (pool, series) => scenarioBatches(pool, json, writers, series),
    };
  }
  throw new InputError('FILE', `expected a digester-run file ("kind": "digester-run") or a scenario file ("schema": "adsim-scenario/1"), got ${file}`);
}

/** Checks every input's range against the field's own limits (both ends of its support) before any run. */
export function checkInputRanges(inputs: readonly UncertainInput[], model: LoadedModel, fieldOf: (i: number) => string): void {
  inputs.forEach((inp, i) => {
    const d = inp.dist;
    const ends = d.kind === 'normal' ? [d.low ?? d.mean - 4 * d.sd, d.high ?? d.mean + 4 * d.sd] : support(d);
    for (const v of ends) model.checkValue(inp.name, v, fieldOf(i));
  });
}

const INPUTS_FILE_KEYS = ['inputs', 'comment'];
const INPUT_KEYS = ['name', 'dist', 'unit', 'source'];

/** Reads an inputs file: {"inputs": [{"name": "k_dis", "dist": {"kind": "uniform", "low": 0.1, "high": 1}, "unit"?: "1/d"}]}. */
export function readInputsFile(file: string, io: CliIo, model: LoadedModel): UncertainInput[] {
  const json = readJson(resolve(io.cwd, file), '--inputs') as { inputs?: unknown };
  if (!json || typeof json !== 'object' || Array.isArray(json) || !Array.isArray(json.inputs)) throw new InputError('--inputs', 'expected {"inputs": [{"name": ..., "dist": {...}}]}');
  for (const k of Object.keys(json)) if (!INPUTS_FILE_KEYS.includes(k)) unknownField(`--inputs ${k}`, k, INPUTS_FILE_KEYS);
  if (json.inputs.length === 0) throw new InputError('--inputs inputs', 'expected at least one input');
  if (json.inputs.length > MAX_INPUTS) throw new InputError('--inputs inputs', `${json.inputs.length} inputs; the limit is ${MAX_INPUTS}`);
  const seen = new Set<string>();
  const inputs = json.inputs.map((x: unknown, i: number) => {
    const o = x as { name?: unknown; dist?: unknown; unit?: unknown; source?: unknown };
    const field = `inputs[${i}]`;
    if (!o || typeof o !== 'object' || Array.isArray(o)) expected(field, 'an object {"name": ..., "dist": {...}}', o);
    for (const k of Object.keys(o)) if (!INPUT_KEYS.includes(k)) unknownField(`${field}.${k}`, k, INPUT_KEYS);
    if (typeof o.name !== 'string') throw new InputError(`${field}.name`, 'expected an input name (ADM1 parameter, or a scenario JSON path)');
    if (seen.has(o.name)) throw new InputError(`${field}.name`, `${show(o.name)} is given twice`);
    seen.add(o.name);
    if (o.unit !== undefined && (typeof o.unit !== 'string' || o.unit.trim() === '')) expected(`${field}.unit`, 'a unit text such as "t/week"', o.unit);
    if (o.source !== undefined && typeof o.source !== 'string') expected(`${field}.source`, 'a text', o.source);
    const dist = checkDistribution(`${field}.dist`, o.dist as Distribution);
    if (model.kind === 'digester-run') {
      checkDigesterInput(o.name, `${field}.name`);
      if (o.unit !== undefined) {
        const u = inputUnit(o.name);
        if (o.unit !== u) throw new InputError(`${field}.unit`, `${o.name} is sampled in ${u || 'its own unit'}; expected ${show(u)} or no unit, got ${show(o.unit)}`);
      }
    } else {
      scenarioPathKeys(o.name, `${field}.name`);
      if (typeof o.unit === 'string') {
        // A stated unit is used as given (never replaced by the field's default unit) and must be a real unit;
        // whether it fits the field is checked by checkInputRanges through the scenario schema.
        const unit = o.unit.trim();
        if (!['%', 'GBP', '£'].includes(unit)) {
          try { parseQuantity(`1 ${unit}`, unit, `${field}.unit`); } catch (e) {
            if (e instanceof InputError) throw new InputError(`${field}.unit`, `${show(unit)} is not a unit adsim knows (e.g. "kg/week", "t/week", "m3", "degC")`);
            throw e;
          }
        }
        model.writers[o.name] = (v: number) => `${v} ${unit}`;
      } else {
        model.writers[o.name] ??= (v: number) => v;
      }
    }
    return { name: o.name, dist, unit: typeof o.unit === 'string' ? o.unit : undefined, source: typeof o.source === 'string' ? o.source : 'inputs file' };
  });
  checkInputRanges(inputs, model, (i) => `inputs[${i}].dist`);
  return inputs;
}

/** Most uncertain inputs in one study. */
export const MAX_INPUTS = 200;

/** The unit a digester input is sampled in (the parameter table's, or the run field's). */
function inputUnit(name: string): string {
  const def = parameterDef(name);
  if (def) return def.unit;
  if (name === 'T_op_K') return 'K';
  if (name === 'V_liq_m3' || name === 'V_gas_m3') return 'm3';
  if (name === 'q_m3_d') return 'm3/d';
  return name.startsWith('influent.') ? 'kg COD/m3' : '';
}

/** Inputs chosen by --inputs, or --params (default ranges, overridden by --ranges), or the model's defaults. */
export function chooseInputs(args: ParsedArgs, io: CliIo, model: LoadedModel): UncertainInput[] {
  const file = flagString(args, 'inputs');
  if (file) return readInputsFile(file, io, model);
  const ranges = parseRanges(flagString(args, 'ranges'));
  const names = flagString(args, 'params')?.split(',').map((s) => s.trim()).filter(Boolean);
  const inputs = names ? names.map((n) => model.inputFor(n)) : model.defaultInputs();
  for (const [n, r] of Object.entries(ranges)) {
    const i = inputs.findIndex((x) => x.name === n);
    const inp = { name: n, dist: checkDistribution(`--ranges ${n}`, { kind: 'uniform', low: r[0], high: r[1] }), source: '--ranges' };
    if (model.kind === 'digester-run') checkDigesterInput(n, `--ranges ${n}`);
    else {
      scenarioPathKeys(n, `--ranges ${n}`);
      if (!model.writers[n]) throw new InputError(`--ranges ${n}`, 'not an uncertain scenario input with a known unit; give it in an --inputs file with its unit');
    }
    model.checkValue(n, r[0], `--ranges ${n}`);
    model.checkValue(n, r[1], `--ranges ${n}`);
    if (i >= 0) inputs[i] = inp; else inputs.push(inp);
  }
  if (inputs.length === 0) throw new InputError('--params', 'no uncertain inputs: name them with --params or --inputs');
  if (inputs.length > MAX_INPUTS) throw new InputError('--params', `${inputs.length} inputs; the limit is ${MAX_INPUTS}`);
  return inputs;
}

/** "k_dis=0.1:1,K_I_nh3=0.002:0.02" -> bounds; errors name `option`, the flag the text came from. */
export function parseRanges(text: string | undefined, option = '--ranges'): Record<string, [number, number]> {
  // No prototype: a name such as "__proto__" stays an ordinary (unknown, rejected) key.
  const out = Object.create(null) as Record<string, [number, number]>;
  if (!text) return out;
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=]+)=([^:]+):(.+)$/.exec(part);
    const lo = m ? Number(m[2]) : NaN, hi = m ? Number(m[3]) : NaN;
    if (!m || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new InputError(option, `expected name=low:high with finite numbers, got ${show(part)}`);
    const name = m[1]!.trim();
    if (FORBIDDEN_KEYS.has(name)) throw new InputError(`${option} ${name}`, 'not an input name');
    if (!(lo < hi)) throw new InputError(`${option} ${show(name).slice(1, -1)}`, `bounds inverted or empty: low ${lo} must be below high ${hi}`);
    if (Object.prototype.hasOwnProperty.call(out, name)) throw new InputError(`${option} ${show(name).slice(1, -1)}`, 'given twice');
    out[name] = [lo, hi];
  }
  return out;
}

/** Most samples (model runs) a Monte Carlo or Sobol study may ask for: about an hour of digester runs on one core. */
export const MAX_SAMPLES = 20_000;

/** Most worker threads: twice the cores (each holds ~30 MB), and never more than 16. */
export function maxWorkers(): number {
  return Math.max(1, Math.min(16, 2 * availableParallelism()));
}

/** --workers W, checked against maxWorkers(); default one per core. */
export function workersFlag(args: ParsedArgs): number {
  const max = maxWorkers();
  return flagNumber(args, 'workers', Math.min(max, availableParallelism()), (x) => Number.isInteger(x) && x >= 1 && x <= max, `a whole number from 1 to ${max} (twice the ${availableParallelism()} cores, at most 16)`);
}

/**
 * An evaluator: the worker pool when it is built and more than one worker is asked for, else in-process. The pool's
 * workers start at once and stay up for the whole study; runs go to them in batches (evaluate.ts sizes them), two
 * batches in flight a worker so a worker never waits for the next one.
 */
export async function makeEvaluator(model: LoadedModel, args: ParsedArgs, series: boolean): Promise<{ evaluate: Evaluator; concurrency: number; mode: string; close: () => void }> {
  const workers = workersFlag(args);
  if (workers > 1) {
    try {
      const { createNodePool } = await import('../../worker/pool.node.js');
      const pool = createNodePool(workers).warm();
      return { evaluate: model.poolBatches(pool, series), concurrency: 2 * workers, mode: `worker pool (${workers} workers)`, close: () => pool.close() };
    } catch (e) {
      return { evaluate: model.inProcess(series), concurrency: 1, mode: `in-process (worker pool unavailable: ${(e as Error).message})`, close: () => undefined };
    }
  }
  return { evaluate: model.inProcess(series), concurrency: 1, mode: 'in-process', close: () => undefined };
}

/** Progress on stderr for long runs; silent for short ones and when --quiet. */
export function progressReporter(io: CliIo, quietFlag: boolean): { onProgress: (done: number, total: number) => void; finish: () => void } {
  // A bar rewritten with \r only makes sense on a terminal; redirected stderr gets warnings, not bar frames.
  const quiet = quietFlag || !io.tty;
  const started = Date.now();
  let last = 0, shown = false;
  return {
    onProgress: (done, total) => {
      const now = Date.now();
      if (quiet || total < 2 || (now - last < 200 && done < total)) return;
      if (now - started < 500 && done < total) return;
      last = now; shown = true;
      io.err(`\r${progressLine(done, total, now - started)}`);
    },
    finish: () => { if (shown) io.err('\n'); },
  };
}

/**
 * The outputs named by --outputs (default: the model's headlines). A digester run's outputs are known before any run,
 * so a wrong name fails at once; a scenario's are checked against its first run (evaluateAll, option `outputs`).
 */
export function chooseOutputs(args: ParsedArgs, model: LoadedModel): string[] {
  const text = flagString(args, 'outputs');
  if (text === undefined) return [...model.headlines];
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new InputError('--outputs', `expected output names separated by commas, got ${show(text)}`);
  if (model.kind === 'digester-run') withOptionName(() => checkOutputNames(names, Object.fromEntries(DIGESTER_OUTPUT_NAMES.map((n) => [n, 0]))));
  return names;
}

/** Runs `f`, reporting an unknown output under the flag the user typed (--outputs) rather than the library's field. */
export function withOptionName<T>(f: () => T): T {
  try { return f(); } catch (e) { throw renameOutputsError(e); }
}

export function renameOutputsError(e: unknown): unknown {
  return e instanceof InputError && e.field === 'outputs' ? new InputError('--outputs', e.message.slice('outputs: '.length)) : e;
}

// Where Sobol indices stop being noise: in the analysis module, so the web app warns at the same limits.
export { SOBOL_MAX_CI_WIDTH, SOBOL_MIN_SAMPLES } from '../../analysis/sobol.js';
import { SOBOL_MAX_CI_WIDTH, SOBOL_MIN_SAMPLES } from '../../analysis/sobol.js';

const table = (rows: string[][]): string => {
  const w = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  return rows.map((r) => '  ' + r.map((c, j) => (j === 0 ? c.padEnd(w[j]!) : c.padStart(w[j]!))).join('  ')).join('\n') + '\n';
};

/** Options sensitivity and uncertainty share. */
export const PARAMS_FLAG: FlagSpec = { name: 'params', kind: 'value', arg: 'a,b', defaultText: "the model's default uncertain inputs", help: 'inputs to vary: ADM1 parameters (or scenario paths), with their documented ranges' };
export const RANGES_FLAG: FlagSpec = { name: 'ranges', kind: 'value', arg: 'a=lo:hi,...', defaultText: 'the documented ranges', help: 'uniform ranges replacing (or adding to) the documented ones' };
export const INPUTS_FLAG: FlagSpec = { name: 'inputs', kind: 'value', arg: 'F.json', defaultText: 'none', help: 'inputs with distributions from a JSON file (instead of --params/--ranges)' };

/** Every option of `adsim sensitivity`: the parser and `adsim sensitivity --help` both read this table. */
export const SENSITIVITY_FLAGS: FlagTable = [
  { name: 'method', kind: 'value', arg: 'local|morris|sobol', default: 'morris', help: 'local coefficients, Morris screening or Sobol indices' },
  PARAMS_FLAG,
  RANGES_FLAG,
  INPUTS_FLAG,
  { name: 'outputs', kind: 'value', arg: 'x,y', defaultText: "the model's headline outputs", help: 'outputs to rank the inputs for' },
  { name: 'trajectories', kind: 'value', arg: 'R', default: 10, help: 'Morris: number of trajectories' },
  { name: 'samples', kind: 'value', arg: 'N', default: 256, help: 'Sobol: base sample size' },
  { name: 'step', kind: 'value', arg: 'H', default: 0.01, help: 'local: relative step of the finite differences' },
  { name: 'seed', kind: 'value', arg: 'S', default: 1, help: 'random seed (same seed, same answer)' },
  { name: 'workers', kind: 'value', arg: 'W', defaultText: 'all cores', help: 'worker threads for the runs (1 = in-process)' },
  JSON_FLAG,
  QUIET_FLAG,
  ALLOW_OUTSIDE_FLAG,
];

export const sensitivityCommand: CliCommand = {
  name: 'sensitivity',
  summary: 'Which inputs matter: local normalised coefficients, Morris screening (mu*, sigma) or Sobol indices (S1, ST).',
  usage: 'adsim sensitivity FILE [--method local|morris|sobol] [--params a,b] [--ranges a=lo:hi] [--inputs F.json] [--outputs x,y] [--trajectories R] [--samples N] [--step H] [--seed S] [--workers W] [--json] [--quiet] [--allow-outside]',
  flags: SENSITIVITY_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, SENSITIVITY_FLAGS);
    const [file, ...extra] = args.positionals;
    if (!file) throw new InputError('FILE', 'expected a digester-run or scenario JSON file');
    if (extra.length) throw new InputError('FILE', `expected one file, got ${args.positionals.length}`);
    const method = flagValue(args, 'method')!;
    if (!['local', 'morris', 'sobol'].includes(method)) throw new InputError('--method', `expected local, morris or sobol, got ${show(method)}`);
    // Every count is checked whatever the method, so a bad value is never silently ignored; one the method does not
    // use is named in a warning.
    const trajectories = flagNumber(args, 'trajectories', undefined, (x) => Number.isInteger(x) && x >= 2 && x <= 1000, 'a whole number >= 2 (at most 1000)');
    const samples = flagNumber(args, 'samples', undefined, (x) => Number.isInteger(x) && x >= 8 && x <= MAX_SAMPLES, `a whole number >= 8 (at most ${MAX_SAMPLES})`);
    const relStep = flagNumber(args, 'step', undefined, (x) => x > 0 && x < 0.5, 'a relative step in (0, 0.5)');
    const uses: Record<string, string> = { trajectories: 'morris', samples: 'sobol', step: 'local' };
    const warnings: string[] = [];
    for (const [flag, m] of Object.entries(uses)) {
      if (args.flags.has(flag) && m !== method) warnings.push(`--${flag} applies to --method ${m} only; ignored by ${method}`);
    }
    const model = loadModel(file, io, args.flags.has('allow-outside'));
    const outputs = chooseOutputs(args, model);
    const seed = flagNumber(args, 'seed', undefined, Number.isInteger, 'an integer');
    const ev = await makeEvaluator(model, args, false);
    const prog = progressReporter(io, args.flags.has('quiet') || args.flags.has('json'));
    const common = { concurrency: ev.concurrency, onProgress: prog.onProgress, outputs };
    let result;
    try {
      if (method === 'local') {
        const names = flagString(args, 'params')?.split(',').map((s) => s.trim()).filter(Boolean) ?? model.defaultLocal();
        const nominal = Object.fromEntries(names.map((n) => [n, model.nominal(n)]));
        result = await localSensitivity(nominal, names, ev.evaluate, { ...common, relStep });
      } else if (method === 'morris') {
        result = await morris(chooseInputs(args, io, model), ev.evaluate, { ...common, trajectories, seed });
      } else {
        if (samples < SOBOL_MIN_SAMPLES) warnings.push(`--samples ${samples} is below ${SOBOL_MIN_SAMPLES}: Sobol indices this small a sample are mostly noise (see the 95 % intervals); use --samples ${SOBOL_MIN_SAMPLES} or more, or Morris for screening`);
        result = await sobol(chooseInputs(args, io, model), ev.evaluate, { ...common, samples, seed });
        const wide = Object.entries(result.outputs).flatMap(([o, r]) => r.indices
          .filter((c) => [c.S1_ci, c.ST_ci].some((ci) => ci && ci[1] - ci[0] > SOBOL_MAX_CI_WIDTH))
          .map((c) => `${o}/${c.input}`));
        if (wide.length) warnings.push(`${wide.length} index pair${wide.length > 1 ? 's have' : ' has'} a 95 % interval wider than ${SOBOL_MAX_CI_WIDTH} (${wide.slice(0, 4).join(', ')}${wide.length > 4 ? ', ...' : ''}): not resolved at N = ${result.N}; increase --samples`);
      }
    } catch (e) {
      throw renameOutputsError(e);
    } finally {
      prog.finish();
      ev.close();
    }
    for (const w of warnings) io.err(`warning: ${w}\n`);
    // Runs that failed are left out and reported; the exit code says the study is incomplete (docs/limits.md).
    const code = sensitivityFailedRuns(result) ? 4 : 0;
    if (args.flags.has('json')) {
      io.out(jsonText(sensitivityDocument({ file, kind: model.kind, evaluation: ev.mode }, result, warnings), 0));
      if (result.method !== 'local' && result.failedRuns) io.err(`adsim sensitivity: ${result.failedRuns} of ${result.runs} runs failed and are left out\n`);
      return code;
    }
    io.out(`${model.name}: ${method} sensitivity, ${result.runs} runs (${ev.mode})\n`);
    if (result.method === 'local') {
      for (const [o, list] of Object.entries(result.ranked)) {
        io.out(`\n${o} (nominal ${fmt(result.nominal[o]!)}), S = (dy/y)/(dp/p), step ±${result.relStep * 100} %:\n`);
        io.out(table([['parameter', 'value', 'S', 'dy/dp'], ...list.map((c) => [c.parameter, fmt(c.p0), c.S === null ? '-' : fmt(c.S, 3), fmt(c.dydp, 3)])]));
      }
      for (const f of result.failures) io.err(`warning: runs for ${f.parameter} failed: ${f.error}\n`);
    } else if (result.method === 'morris') {
      for (const [o, list] of Object.entries(result.ranked)) {
        io.out(`\n${o}: elementary effects per full input range (${result.trajectories} trajectories, seed ${result.seed})\n`);
        io.out(table([['input', 'mu*', 'mu', 'sigma'], ...list.map((c) => [c.factor, fmt(c.muStar, 3), fmt(c.mu, 3), fmt(c.sigma, 3)])]));
      }
      if (result.failedRuns) failedRunsReport(io, result, 'their elementary effects are left out');
    } else {
      for (const [o, r] of Object.entries(result.outputs)) {
        io.out(`\n${o}: Sobol indices (N = ${result.N}, seed ${result.seed}; 95 % bootstrap intervals)\n`);
        const ci = (c?: [number, number]) => (c ? ` [${fmt(c[0], 2)}, ${fmt(c[1], 2)}]` : '');
        io.out(table([['input', 'S1', 'ST'], ...r.indices.map((c) => [c.input, fmt(c.S1, 3) + ci(c.S1_ci), fmt(c.ST, 3) + ci(c.ST_ci)])]));
      }
      if (result.failedRuns) failedRunsReport(io, result, `${result.droppedRows} of ${result.N} sample rows are dropped`);
    }
    if (result.method !== 'local') {
      const inputs = chooseInputs(args, io, model);
      io.out(`\nranges: ${inputs.map((i) => `${i.name} ${describe(i.dist)}`).join('; ')}\n`);
    }
    return code;
  },
};

/** Morris or Sobol runs that failed: the count, what is left out, and the first ten with their inputs and reasons. */
function failedRunsReport(io: CliIo, r: { runs: number; failedRuns: number; failedSamples: FailedSample[] }, leftOut: string): void {
  const listed = r.failedSamples.slice(0, 10);
  const more = r.failedRuns - listed.length;
  io.out(`\nfailed runs: ${r.failedRuns} of ${r.runs} failed; ${leftOut}\n${listed.map((f) => `  ${describeFailedSample(f, 'run')}\n`).join('')}`
    + (more > 0 ? `  ... and ${more} more (${r.failedSamples.length} listed in --json)\n` : ''));
  io.err(`adsim sensitivity: ${r.failedRuns} of ${r.runs} runs failed and are left out\n`);
}
