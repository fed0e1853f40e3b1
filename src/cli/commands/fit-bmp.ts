// `adsim fit-bmp data.csv [--model first-order|first-order-lag|two-pool|gompertz]`: fits a BMP kinetic curve.
import { resolve } from 'node:path';
import { flagString, parseArgs } from '../args.js';
import { fmt, jsonReplacer, readText } from '../io.js';
import type { CliCommand } from '../types.js';
import { InputError } from '../../errors.js';
import { BMP_MODELS, fitBmp, type BmpModel } from '../../analysis/bmp-curve.js';
import { parseMapping, parseMeasuredCsv } from '../../analysis/measured.js';
import { printFit } from './fit.js';

export const fitBmpCommand: CliCommand = {
  name: 'fit-bmp',
  summary: 'Fit a BMP curve (cumulative specific methane yield vs time): B0 and k, optional lag, two-pool or Gompertz.',
  usage: 'adsim fit-bmp data.csv [--model first-order|first-order-lag|two-pool|gompertz] [--map "col=B [NmL/gVS]"] [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, { model: 'value', map: 'value', method: 'value', json: 'boolean' });
    const [file, ...extra] = args.positionals;
    if (!file) throw new InputError('FILE', 'expected a CSV with time and cumulative yield, e.g. "time [d],B [NmL/gVS]"');
    if (extra.length) throw new InputError('FILE', `expected one file, got ${args.positionals.length}`);
    const model = (flagString(args, 'model') ?? 'first-order') as BmpModel;
    if (!BMP_MODELS.includes(model)) throw new InputError('--model', `expected one of ${BMP_MODELS.join(', ')}, got ${JSON.stringify(model)}`);
    const method = flagString(args, 'method') ?? 'lm';
    if (method !== 'lm' && method !== 'nelder-mead') throw new InputError('--method', `expected lm or nelder-mead, got ${JSON.stringify(method)}`);
    const mapText = flagString(args, 'map');
    const data = parseMeasuredCsv(readText(resolve(io.cwd, file), 'FILE'), { source: file, mapping: mapText ? parseMapping(mapText) : undefined });
    const b = data.series.find((s) => s.kind === 'B');
    if (!b) throw new InputError(file, `no yield column; expected a column named B (e.g. "B [NmL/gVS]"), got ${data.series.map((s) => s.column).join(', ')}`);
    const fit = fitBmp(b.t_d, b.values, model, { unit: b.unitGiven || undefined, method });
    if (args.flags.has('json')) {
      io.out(JSON.stringify({ file, ...fit }, jsonReplacer) + '\n');
      return fit.converged ? 0 : 1;
    }
    io.out(`${file}: ${model} BMP fit to ${b.values.length} points${b.unitGiven ? ` (${b.unitGiven})` : ''}\n`);
    printFit(io, fit);
    io.out(`  t90 (90 % of B0 reached): ${fmt(fit.t90_d, 3)} d\n`);
    return fit.converged ? 0 : 1;
  },
};
