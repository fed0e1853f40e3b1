// `adsim fit-bmp data.csv [--model first-order|first-order-lag|two-pool|gompertz]`: fits a BMP kinetic curve; with
// `--feedstock ID`, fits that record's BMP and k_hyd through the simulated ADM1 assay and prints the record update.
import { resolve } from 'node:path';
import { FIT_METHOD_FLAG, FEEDSTOCKS_FLAG, flagNumber, flagString, flagValue, parseArgs, type ParsedArgs } from '../args.js';
import { fmt, readText } from '../io.js';
import { fitDocument, jsonText } from '../../export/research.js';
import type { CliCommand, CliIo } from '../types.js';
import { InputError, show } from '../../errors.js';
import { BMP_MODELS, fitBmp, type BmpModel } from '../../analysis/bmp-curve.js';
import { parseMapping, parseMeasuredCsv, type MeasuredSeries } from '../../analysis/measured.js';
import { printFit } from './fit.js';
import { libraryFrom } from './feedlib.js';
import { findFeedstock } from '../../feed/library.js';
import { FEEDSTOCK_BMP_FIELDS, FIT_RANGE_RULE, fitFeedstockBmp, specificYieldFactor, type FeedstockBmpField } from '../../analysis/bmp-adm1.js';
import { JSON_FLAG, type FlagTable } from '../args.js';

/** Every option of `adsim fit-bmp`: the parser and `adsim fit-bmp --help` both read this table. */
export const FIT_BMP_FLAGS: FlagTable = [
  { name: 'model', kind: 'value', arg: 'first-order|first-order-lag|two-pool|gompertz', default: 'first-order', help: 'kinetic model of the curve' },
  { name: 'map', kind: 'value', arg: '"col=B [NmL/gVS]"', defaultText: 'read from the headers', help: 'what a column is and its unit, when its header does not say' },
  FIT_METHOD_FLAG,
  { name: 'feedstock', kind: 'value', arg: 'ID', defaultText: 'a kinetic model', help: 'fit this feedstock record through the simulated ADM1 assay instead of a kinetic model' },
  { name: 'fit', kind: 'value', arg: 'BMP,k_hyd', defaultText: 'BMP and k_hyd', help: 'with --feedstock: what to fit' },
  { name: 'isr', kind: 'value', arg: 'R', default: 2, help: 'with --feedstock: inoculum-to-substrate ratio, VS basis' },
  FEEDSTOCKS_FLAG,
  JSON_FLAG,
];

export const fitBmpCommand: CliCommand = {
  name: 'fit-bmp',
  summary: 'Fit a BMP curve (cumulative specific methane yield vs time): B0 and k, optional lag, two-pool or Gompertz.',
  usage: 'adsim fit-bmp data.csv [--model first-order|first-order-lag|two-pool|gompertz] [--map "col=B [NmL/gVS]"] [--json]\n'
    + '       adsim fit-bmp data.csv --feedstock ID [--fit BMP,k_hyd] [--isr 2] [--feedstocks USER.json] [--json]',
  flags: FIT_BMP_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, FIT_BMP_FLAGS);
    const [file, ...extra] = args.positionals;
    if (!file) throw new InputError('FILE', 'expected a CSV with time and cumulative yield, e.g. "time [d],B [NmL/gVS]"');
    if (extra.length) throw new InputError('FILE', `expected one file, got ${args.positionals.length}`);
    const model = flagValue(args, 'model') as BmpModel;
    if (!BMP_MODELS.includes(model)) throw new InputError('--model', `expected one of ${BMP_MODELS.join(', ')}, got ${show(model)}`);
    const method = flagValue(args, 'method')!;
    if (method !== 'lm' && method !== 'nelder-mead') throw new InputError('--method', `expected lm or nelder-mead, got ${show(method)}`);
    const mapText = flagString(args, 'map');
    const data = parseMeasuredCsv(readText(resolve(io.cwd, file), 'FILE'), { source: file, mapping: mapText ? parseMapping(mapText) : undefined });
    const b = data.series.find((s) => s.kind === 'B');
    if (!b) throw new InputError(file, `no yield column; expected a column named B (e.g. "B [NmL/gVS]"), got ${data.series.map((s) => s.column).join(', ')}`);
    if (flagString(args, 'feedstock') !== undefined) {
      if (args.flags.has('model')) throw new InputError('--model', 'a kinetic model is not used with --feedstock (the simulated ADM1 assay is the model); give one or the other');
      return fitFeedstock(args, io, file, b, method);
    }
    for (const flag of ['fit', 'isr', 'feedstocks']) if (args.flags.has(flag)) throw new InputError(`--${flag}`, 'applies only with --feedstock ID');
    const fit = fitBmp(b.t_d, b.values, model, { unit: b.unitGiven || undefined, method });
    if (args.flags.has('json')) {
      io.out(jsonText(fitDocument(file, undefined, fit), 0));
      return fit.converged ? 0 : 1;
    }
    io.out(`${file}: ${model} BMP fit to ${b.values.length} points${b.unitGiven ? ` (${b.unitGiven})` : ''}\n`);
    printFit(io, fit);
    io.out(`  t90 (90 % of B0 reached): ${fmt(fit.t90_d, 3)} d\n`);
    return fit.converged ? 0 : 1;
  },
};

/** `--feedstock ID`: the record's BMP and k_hyd fitted through the simulated assay; prints the override to apply. */
function fitFeedstock(args: ParsedArgs, io: CliIo, file: string, b: MeasuredSeries, method: 'lm' | 'nelder-mead'): number {
  const lib = libraryFrom(args, io.cwd);
  const f = findFeedstock(flagString(args, 'feedstock')!, lib, '--feedstock');
  const unit = b.unitGiven;
  const conv = unit ? specificYieldFactor(unit) : null;
  if (!conv) throw new InputError(`column ${JSON.stringify(b.column)}`, `a feedstock fit needs the yield's unit to compare with the model (NL CH4/kg VS), e.g. "B [NmL/gVS]"; got ${unit ? JSON.stringify(unit) : 'no unit'}`);
  const fields = (flagString(args, 'fit') ?? FEEDSTOCK_BMP_FIELDS.join(',')).split(',').map((x) => x.trim()).filter(Boolean) as FeedstockBmpField[];
  for (const x of fields) if (!FEEDSTOCK_BMP_FIELDS.includes(x)) throw new InputError('--fit', `expected BMP and/or k_hyd, got ${show(x)}`);
  const isr = flagNumber(args, 'isr', undefined, (x) => x > 0, 'an inoculum-to-substrate ratio > 0 (VS basis)');
  const B = b.values.map((v) => v * conv.factor);
  const fit = fitFeedstockBmp(f, b.t_d, B, { fields, method, assay: { isr }, source: file });
  if (!conv.normal) fit.warnings.unshift(`${JSON.stringify(unit)} has no N: taken as normal conditions (0 C, 1.01325 bar), as the simulated assay reports; convert lab-condition volumes first`);
  if (args.flags.has('json')) {
    io.out(jsonText(fitDocument(file, undefined, fit), 0));
    return fit.converged ? 0 : 1;
  }
  io.out(`${file}: ${f.id} record (BMP, k_hyd) fitted through the simulated ADM1 BMP assay (ISR ${fmt(isr)}, 35 C, ${b.values.length} points, NL CH4/kg VS)\n`);
  printFit(io, fit);
  for (const p of fit.parameters) {
    const rec = f[p.name as FeedstockBmpField];
    const w = fit.override.feedstocks[0][p.name as FeedstockBmpField];
    io.out(`  ${p.name}: record ${fmt(rec.value)} (${fmt(rec.low)}-${fmt(rec.high)} ${rec.unit}, ${rec.evidence}) -> fitted ${fmt(p.value)}`
      + `${p.ci95 ? ` (95 % interval of the fit ${fmt(p.ci95[0])}-${fmt(p.ci95[1])})` : ''}; range written ${w ? `${fmt(w.low)}-${fmt(w.high)}` : '-'} ${rec.unit}\n`);
  }
  io.out(`  Range written: ${FIT_RANGE_RULE}.\n`);
  io.out(`\nTo update the record, save this as e.g. my-feedstocks.json and pass --feedstocks my-feedstocks.json (docs/feedstocks.md):\n`);
  io.out(JSON.stringify(fit.override, null, 2) + '\n');
  return fit.converged ? 0 : 1;
}
