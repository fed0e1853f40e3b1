// `adsim uncertainty FILE [--samples N] [--seed S]`: Monte Carlo (Latin hypercube) over uncertain inputs; P10/P50/P90.
import { flagNumber, flagString, flagValue, parseArgs } from '../args.js';
import { fmt } from '../io.js';
import { jsonText, uncertaintyDocument } from '../../export/research.js';
import type { CliCommand } from '../types.js';
import { InputError, show } from '../../errors.js';
import { describe } from '../../analysis/distributions.js';
import { MIN_PERCENTILE_SAMPLES, failedSampleLines, failureSummary, monteCarlo } from '../../analysis/montecarlo.js';
import { MAX_SAMPLES, chooseInputs, chooseOutputs, loadModel, makeEvaluator, progressReporter, renameOutputsError } from './sensitivity.js';
import { ALLOW_OUTSIDE_FLAG, JSON_FLAG, QUIET_FLAG, type FlagTable } from '../args.js';
import { INPUTS_FLAG, PARAMS_FLAG, RANGES_FLAG } from './sensitivity.js';

/** Every option of `adsim uncertainty`: the parser and `adsim uncertainty --help` both read this table. */
export const UNCERTAINTY_FLAGS: FlagTable = [
  { name: 'samples', kind: 'value', arg: 'N', defaultText: '200 for a digester run, 50 for a scenario', help: 'Monte Carlo samples' },
  { name: 'seed', kind: 'value', arg: 'S', default: 1, help: 'random seed (same seed, same answer)' },
  PARAMS_FLAG,
  RANGES_FLAG,
  INPUTS_FLAG,
  { name: 'outputs', kind: 'value', arg: 'x,y', defaultText: 'every scalar output', help: 'outputs to summarise (with their series in --json)' },
  { name: 'sampling', kind: 'value', arg: 'lhs|random', default: 'lhs', help: 'Latin hypercube or plain random sampling' },
  { name: 'workers', kind: 'value', arg: 'W', defaultText: 'all cores', help: 'worker threads for the runs (1 = in-process)' },
  JSON_FLAG,
  QUIET_FLAG,
  ALLOW_OUTSIDE_FLAG,
];

export const uncertaintyCommand: CliCommand = {
  name: 'uncertainty',
  summary: 'Monte Carlo with Latin hypercube sampling over input ranges: P10/P50/P90 of the outputs (bands over time with --json).',
  usage: 'adsim uncertainty FILE [--samples N] [--seed S] [--params a,b] [--ranges a=lo:hi] [--inputs F.json] [--outputs x,y] [--sampling lhs|random] [--workers W] [--json] [--quiet] [--allow-outside]',
  flags: UNCERTAINTY_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, UNCERTAINTY_FLAGS);
    const [file, ...extra] = args.positionals;
    if (!file) throw new InputError('FILE', 'expected a digester-run or scenario JSON file');
    if (extra.length) throw new InputError('FILE', `expected one file, got ${args.positionals.length}`);
    const model = loadModel(file, io, args.flags.has('allow-outside'));
    const samples = flagNumber(args, 'samples', model.kind === 'scenario' ? MIN_PERCENTILE_SAMPLES : 200, (x) => Number.isInteger(x) && x >= 2 && x <= MAX_SAMPLES, `a whole number >= 2 (at most ${MAX_SAMPLES})`);
    const seed = flagNumber(args, 'seed', undefined, Number.isInteger, 'an integer');
    const sampling = flagValue(args, 'sampling')!;
    if (sampling !== 'lhs' && sampling !== 'random') throw new InputError('--sampling', `expected lhs or random, got ${show(sampling)}`);
    const inputs = chooseInputs(args, io, model);
    // Without --outputs every scalar the model gives is summarised; with it, only those (and their series).
    const outputs = flagString(args, 'outputs') === undefined ? undefined : chooseOutputs(args, model);
    const json = args.flags.has('json');
    const ev = await makeEvaluator(model, args, json);
    const prog = progressReporter(io, args.flags.has('quiet') || json);
    let r;
    try {
      r = await monteCarlo(inputs, ev.evaluate, { samples, seed, sampling, concurrency: ev.concurrency, onProgress: prog.onProgress, outputs });
    } catch (e) {
      throw renameOutputsError(e);
    } finally {
      prog.finish();
      ev.close();
    }
    // Some samples failed: the study is reported, and the exit code says it is incomplete (docs/limits.md).
    const code = r.failedRuns ? 4 : 0;
    if (json) {
      io.out(jsonText(uncertaintyDocument({ file, kind: model.kind, evaluation: ev.mode }, r), 0));
      if (r.failedRuns) io.err(`adsim uncertainty: ${failureSummary(r.failedRuns, r.samples)}\n`);
      return code;
    }
    io.out(`${model.name}: Monte Carlo, ${r.samples} ${r.sampling === 'lhs' ? 'Latin hypercube' : 'random'} samples, seed ${r.seed} (${ev.mode})\n\n`);
    if (r.caution) io.out(`${r.caution}\n\n`);
    const names = [...model.headlines.filter((h) => r.scalars[h]), ...Object.keys(r.scalars).filter((k) => !model.headlines.includes(k))];
    const rows = [['output', 'P10', 'P50', 'P90', 'mean', 'sd'], ...names.map((k) => { const s = r.scalars[k]!; return [k, fmt(s.p10), fmt(s.p50), fmt(s.p90), fmt(s.mean), fmt(s.sd, 2)]; })];
    const w = rows[0]!.map((_, j) => Math.max(...rows.map((x) => x[j]!.length)));
    io.out(rows.map((x) => '  ' + x.map((c, j) => (j === 0 ? c.padEnd(w[j]!) : c.padStart(w[j]!))).join('  ')).join('\n') + '\n');
    io.out(`\ninputs:\n${inputs.map((i) => `  ${i.name}: ${describe(i.dist)}${i.unit ? ` ${i.unit}` : ''}${i.source ? ` (${i.source})` : ''}`).join('\n')}\n`);
    if (r.failedRuns) {
      io.out(`\nfailed samples:\n${failedSampleLines(r.failedRuns, r.samples, r.failedSamples).map((l) => `  ${l}`).join('\n')}\n`);
      io.err(`adsim uncertainty: ${failureSummary(r.failedRuns, r.samples)}\n`);
    }
    return code;
  },
};
