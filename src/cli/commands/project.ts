// `adsim project FILE [--years N] [--ranges N] [--seed S] [--json]`: the multi-year projection of a scenario with its
// rollout, and P10/P50/P90 ranges from a small Monte Carlo over the scenario's uncertain inputs.
import { parseArgs, flagNumber } from '../args.js';
import type { CliCommand, CliIo } from '../types.js';
import { InputError } from '../../errors.js';
import { jsonReplacer, readJson } from '../io.js';
import { ProjectionFailedError, describeYearFailure, projectScenario, projectYears, type PartialProjection, type Projection } from '../../pipeline/project.js';
import { failedSampleLines, failureSummary } from '../../analysis/montecarlo.js';
import { fmt } from '../io.js';
import { projectionTable } from '../../compare/table.js';
import { money, verdictOf } from '../../appraisal/verdict.js';
import { centralNote, DEFAULT_RANGE_SAMPLES, DEFAULT_RANGE_SEED, projectionRanges, type Projector, type ProjectionBatch, type ProjectionRanges } from '../../analysis/projection-ranges.js';
import { projectionBatches } from '../../worker/batch.js';
import { jsonError, loadScenario, progress, withFile } from './scenario.js';
import { progressReporter, workersFlag } from './sensitivity.js';
import { JSON_FLAG, type FlagTable } from '../args.js';

/** Every option of `adsim project`: the parser and `adsim project --help` both read this table. */
export const PROJECT_FLAGS: FlagTable = [
  { name: 'years', kind: 'value', arg: 'N', defaultText: "the scenario's rollout.years", help: 'years to project, 1-30' },
  { name: 'ranges', kind: 'value', arg: 'N', default: DEFAULT_RANGE_SAMPLES, help: 'Monte Carlo samples for the P10-P90 ranges; 0 for none' },
  { name: 'seed', kind: 'value', arg: 'S', default: DEFAULT_RANGE_SEED, help: 'random seed of the ranges (same seed, same ranges)' },
  { name: 'workers', kind: 'value', arg: 'W', defaultText: 'all cores', help: 'worker threads for the runs (1 = in-process)' },
  JSON_FLAG,
];

/** Most Monte Carlo samples for projection ranges (each is a multi-year scenario run, about a second). */
export const MAX_RANGE_SAMPLES = 1000;

export const projectCommand: CliCommand = {
  name: 'project',
  summary: 'Project a scenario year by year with its rollout (areas joining, bins growing) and P10-P90 ranges; --json prints {years, totals, warnings, ranges}.',
  usage: 'adsim project FILE.json [--years N] [--ranges N] [--seed S] [--workers W] [--json]',
  flags: PROJECT_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, PROJECT_FLAGS);
    const asJson = args.flags.has('json');
    try {
      const file = args.positionals[0];
      if (!file) throw new InputError('FILE', 'expected a scenario file, e.g. adsim project scenarios/region-rollout.json');
      if (args.positionals.length > 1) throw new InputError('FILE', `expected one scenario file, got ${args.positionals.length}`);
      const s = loadScenario(file);
      const years = flagNumber(args, 'years', s.rollout.years, (x) => Number.isInteger(x) && x >= 1 && x <= 30, 'a whole number of years from 1 to 30');
      const samples = flagNumber(args, 'ranges', undefined, (x) => Number.isInteger(x) && (x === 0 || (x >= 2 && x <= MAX_RANGE_SAMPLES)), `a whole number of samples (0 for none, or 2 to ${MAX_RANGE_SAMPLES})`);
      const seed = flagNumber(args, 'seed', undefined, Number.isInteger, 'an integer');
      const workers = workersFlag(args);
      const run = withFile(file, () => projectYears(s, years, { onProgress: progress(io, s.name) }));
      if ('partial' in run) return partialReport(io, file, run.partial, asJson);
      const p = run.projection;
      const ranges = samples > 0 ? await rangesOf(readJson(file), years, samples, seed, workers, io, asJson) : undefined;
      if (ranges) {
        // The verdict carries the likely range of the NPV.
        const note = centralNote(p.economics.npv_gbp, ranges.economics.npv_gbp, ranges.inputs, money);
        p.economics.ranges = { ...ranges.economics, samples: ranges.samples, covers: ranges.covers, ...(ranges.caution ? { caution: ranges.caution } : {}), ...(note ? { note } : {}) };
        p.verdict = verdictOf(s, p.economics, p.years[p.years.length - 1]!);
      }
      // Failed range samples are reported with the ranges; the exit code says the study is incomplete.
      const code = ranges && ranges.ok < ranges.samples ? 4 : 0;
      if (code) io.err(`adsim project: ranges: ${failureSummary(ranges!.samples - ranges!.ok, ranges!.samples)}\n`);
      // ok is true exactly when the exit code is 0 (as compare, uncertainty and sensitivity): failed range samples make it false.
      if (asJson) { io.out(JSON.stringify({ ok: code === 0, ...p, ...(ranges ? { ranges } : {}) }, jsonReplacer) + '\n'); return code; }
      io.out(projectionTable(p, ranges && { ...ranges, failedLines: failedSampleLines(ranges.samples - ranges.ok, ranges.samples, ranges.failedSamples) }));
      return code;
    } catch (e) {
      if (asJson) return jsonError(io, e);
      throw e;
    }
  },
};

/** The Monte Carlo ranges, through the worker pool when it is built (batches of samples per job), else in process. */
async function rangesOf(json: unknown, years: number, samples: number, seed: number, workers: number, io: CliIo, quiet: boolean): Promise<ProjectionRanges> {
  const project: Projector = (j, y) => projectScenario(j, y);
  let batch: ProjectionBatch | undefined;
  let close = () => undefined as void;
  let concurrency = 1;
  if (workers > 1 && process.env.ADSIM_WORKERS !== '0') {
    try {
      const { createNodePool } = await import('../../worker/pool.node.js');
      const pool = createNodePool(workers).warm();
      batch = projectionBatches(pool);
      close = () => pool.close();
      concurrency = 2 * workers;
    } catch { /* worker not built: in process */ }
  }
  const prog = progressReporter(io, quiet || !io.tty);
  try {
    return await projectionRanges(json, years, project, { samples, seed, concurrency, batch, onProgress: prog.onProgress });
  } finally {
    prog.finish();
    close();
  }
}

/**
 * Some projection years failed to solve: the years that ran and each failed year (year, areas, bins, reason), in the
 * table and in the JSON (`"ok": false`, `failed_years`), exit 4. Every year failed: exit 3, as for one failed run.
 */
function partialReport(io: CliIo, file: string, p: PartialProjection, asJson: boolean): number {
  if (!p.years.length) throw new ProjectionFailedError(p.failed_years, p.failed_years.length);
  for (const f of p.failed_years) io.err(`adsim project: ${file}: ${describeYearFailure(f)}\n`);
  if (asJson) { io.out(JSON.stringify({ ok: false, partial: true, ...p }, jsonReplacer) + '\n'); return 4; }
  const n = p.years.length + p.failed_years.length;
  const head = ['Year', 'Areas', 'Dog bins', 'Waste collected (t)', 'Electricity exported (kWh)', 'Net carbon (t CO2e)', 'Net cost (£)'];
  const rows = [head, ...p.years.map((y) => [String(y.year), String(y.areas_joined.length), fmt(y.bins), fmt(y.dog_waste_collected_t), fmt(y.electricity_net_kWh), fmt(y.co2e_net_t), fmt(y.cost_net_gbp)])];
  const w = head.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  const lines = [`${p.name}: ${n}-year projection, ${p.failed_years.length} of ${n} years FAILED`, '',
    ...rows.map((r) => r.map((c, j) => (j === 0 ? c.padEnd(w[j]!) : c.padStart(w[j]!))).join('  ')), '',
    ...p.failed_years.map((f) => `FAILED  ${describeYearFailure(f)}`), '', p.note];
  if (p.warnings.length) lines.push('', 'Warnings:', ...p.warnings.map((x) => `  - ${x}`));
  io.out(lines.join('\n') + '\n');
  return 4;
}
