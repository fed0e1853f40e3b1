// `adsim fit FILE --data data.csv --params k_hyd_ch,k_dis`: calibrates ADM1 parameters of a digester run to measured data.
import { resolve } from 'node:path';
import { FIT_METHOD_FLAG, flagNumber, flagString, flagValue, parseArgs } from '../args.js';
import { fmt, readText } from '../io.js';
import { fitDocument, fitQuality, jsonText } from '../../export/research.js';
import type { CliCommand, CliIo } from '../types.js';
import { InputError, show } from '../../errors.js';
import { fitDigester } from '../../analysis/digester-fit.js';
import { MEASURE_KINDS, parseMapping, parseMeasuredCsv, type MeasureKind } from '../../analysis/measured.js';
import type { FitResult } from '../../analysis/fit.js';
import { rmseText } from '../../analysis/rmse-text.js';
import { loadModel, parseRanges } from './sensitivity.js';
import { progressLine } from '../../analysis/progress.js';
import { ALLOW_OUTSIDE_FLAG, JSON_FLAG, QUIET_FLAG, type FlagTable } from '../args.js';

/** R2 as text: "n/a" where it cannot be computed (data that do not vary; the warning below says why), never "NaN";
 *  and never a bare "1" for a good but imperfect fit (0.9997 stays 0.9997). */
export function r2Text(r2: number | null | undefined): string {
  if (typeof r2 !== 'number' || !Number.isFinite(r2)) return 'n/a';
  const short = fmt(r2, 3);
  return r2 !== 1 && Number(short) === 1 ? (Math.floor(r2 * 1e4) / 1e4).toFixed(4) : short;
}

/** Prints fitted values, intervals, correlations and goodness of fit. */
export function printFit(io: CliIo, fit: FitResult): void {
  io.out(`${fit.converged ? 'converged' : 'NOT CONVERGED'}: ${fit.message} (${fit.method}, ${fit.evaluations} model runs)\n\n`);
  const rows = [['parameter', 'value', '95 % interval', 'start', 'bounds', 'unit'], ...fit.parameters.map((p) => [
    p.name, fmt(p.value), p.ci95 ? `${fmt(p.ci95[0])} .. ${fmt(p.ci95[1])}${p.ci95Clipped ? ' (clipped)' : ''}` : (p.atPhysicalLimit ? `none: at its physical limit (${p.atPhysicalLimit})` : p.atBound ? 'at bound' : '-'), fmt(p.initial), `${fmt(p.low)} .. ${fmt(p.high)}`, p.unit ?? '',
  ])];
  const w = rows[0]!.map((_, j) => Math.max(...rows.map((x) => x[j]!.length)));
  io.out(rows.map((x) => '  ' + x.map((c, j) => (j === 0 || j === 5 ? c.padEnd(w[j]!) : c.padStart(w[j]!))).join('  ')).join('\n') + '\n');
  if (fit.parameters.length > 1) {
    io.out('\ncorrelations:\n');
    fit.parameters.forEach((p, a) => io.out(`  ${p.name.padEnd(12)} ${fit.correlation[a]!.map((c) => (c === null ? '   -  ' : c.toFixed(2).padStart(6))).join(' ')}\n`));
  }
  io.out('\nfit:\n');
  for (const g of fit.groups) io.out(`  ${g.name}: n = ${g.n}, ${rmseText(g, (x) => fmt(x, 3))}, R2 ${r2Text(g.r2)}\n`);
  for (const w2 of fit.warnings) io.err(`warning: ${w2}\n`);
  for (const g of fit.groups) { const q = fitQuality(g); if (q.little) io.err(`warning: ${q.text}\n`); }
}

/** Every option of `adsim fit`: the parser and `adsim fit --help` both read this table. */
export const FIT_FLAGS: FlagTable = [
  { name: 'data', kind: 'value', arg: 'data.csv', defaultText: 'none: required', help: 'measured data: a time column plus gas flow or volume, CH4 %, pH, VFA or NH4 columns' },
  { name: 'params', kind: 'value', arg: 'a,b', defaultText: 'none: required', help: 'ADM1 parameters to fit' },
  { name: 'bounds', kind: 'value', arg: 'a=lo:hi,...', defaultText: "each parameter's documented range", help: 'bounds of the fitted parameters' },
  { name: 'sigma', kind: 'value', arg: 'kind=sd,...', defaultText: 'a typical error for each kind', help: 'measurement standard deviation per kind, in its canonical unit (weights are 1/sd^2)' },
  { name: 'map', kind: 'value', arg: '"col=kind [unit]"', defaultText: 'read from the headers', help: 'what a column measures, when its header does not say' },
  FIT_METHOD_FLAG,
  { name: 'max-runs', kind: 'value', arg: 'N', default: 400, help: 'model runs allowed' },
  JSON_FLAG,
  QUIET_FLAG,
  ALLOW_OUTSIDE_FLAG,
];

export const fitCommand: CliCommand = {
  name: 'fit',
  summary: 'Calibrate ADM1 parameters of a digester run to measured data (CSV: time plus gas flow/volume, CH4 %, pH, VFA, NH4) by weighted least squares.',
  usage: 'adsim fit FILE --data data.csv --params k_hyd_ch,k_dis [--bounds k_dis=0.1:1] [--sigma q_ch4=20,pH=0.05] [--map "col=kind [unit]"] [--method lm|nelder-mead] [--max-runs N] [--json] [--quiet] [--allow-outside]',
  flags: FIT_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, FIT_FLAGS);
    const [file, ...extra] = args.positionals;
    if (!file) throw new InputError('FILE', 'expected a digester-run JSON file');
    if (extra.length) throw new InputError('FILE', `expected one file, got ${args.positionals.length}`);
    const dataFile = flagString(args, 'data');
    if (!dataFile) throw new InputError('--data', 'expected a CSV of measurements, e.g. --data plant.csv');
    const params = flagString(args, 'params')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (!params?.length) throw new InputError('--params', 'expected the parameters to fit, e.g. --params k_hyd_ch,k_dis');
    const method = flagValue(args, 'method')!;
    if (method !== 'lm' && method !== 'nelder-mead') throw new InputError('--method', `expected lm or nelder-mead, got ${show(method)}`);
    const model = loadModel(file, io, args.flags.has('allow-outside'));
    if (model.kind !== 'digester-run' || !model.run) throw new InputError('FILE', 'fit works on digester-run files; for a BMP curve use `adsim fit-bmp`');
    const mapText = flagString(args, 'map');
    const data = parseMeasuredCsv(readText(resolve(io.cwd, dataFile), '--data'), { source: dataFile, mapping: mapText ? parseMapping(mapText) : undefined });
    const sigma: Partial<Record<MeasureKind, number>> = {};
    for (const part of (flagString(args, 'sigma') ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      const [k, v] = part.split('=');
      if (!k || !Object.prototype.hasOwnProperty.call(MEASURE_KINDS, k)) throw new InputError('--sigma', `expected kind=value with kind one of ${Object.keys(MEASURE_KINDS).join(', ')}, got ${show(part)}`);
      const x = Number(v);
      if (Object.prototype.hasOwnProperty.call(sigma, k)) throw new InputError(`--sigma ${k}`, 'given twice');
      if (!(x > 0) || !Number.isFinite(x)) throw new InputError(`--sigma ${k}`, `expected a standard deviation > 0 (in the canonical unit ${MEASURE_KINDS[k as MeasureKind].unit}), got ${show(v)}`);
      sigma[k as MeasureKind] = x;
    }
    const bounds = parseRanges(flagString(args, 'bounds'), '--bounds');
    for (const b of Object.keys(bounds)) if (!params.includes(b)) throw new InputError(`--bounds ${b}`, `not among --params (${params.join(', ')})`);
    for (const [b, [lo, hi]] of Object.entries(bounds)) { model.checkValue(b, lo, `--bounds ${b}`); model.checkValue(b, hi, `--bounds ${b}`); }
    const maxEvaluations = flagNumber(args, 'max-runs', undefined, (x) => Number.isInteger(x) && x >= 5 && x <= 100_000, 'a whole number >= 5 (at most 100000)');
    const quiet = args.flags.has('quiet') || args.flags.has('json') || !io.tty;   // the \r bar only on a terminal
    const started = Date.now();
    let shown = false;
    const fit = fitDigester(model.run, data, params, {
      sigma, bounds, method, maxEvaluations,
      onProgress: (evals, cost) => { if (!quiet) { shown = true; io.err(`\r${progressLine(evals, maxEvaluations, Date.now() - started)} cost ${fmt(cost, 4)}   `); } },
    });
    if (shown) io.err('\n');
    if (args.flags.has('json')) {
      io.out(jsonText(fitDocument(file, dataFile, fit), 0));
      return fit.converged ? 0 : 1;
    }
    io.out(`${model.name}: fitted ${params.join(', ')} to ${dataFile} (${data.series.map((s) => `${s.column}: ${s.values.length} points`).join('; ')})\n`);
    printFit(io, fit);
    return fit.converged ? 0 : 1;
  },
};
