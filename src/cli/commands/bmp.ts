// `adsim bmp FEEDSTOCK [--days 60] [--isr 2] [--json] [--csv OUT]`: a simulated BMP assay, net of the inoculum blank.
import { resolve } from 'node:path';
import { FEEDSTOCKS_FLAG, parseArgs, flagNumber, flagString } from '../args.js';
import { fmt, jsonReplacer, writeCsv } from '../io.js';
import type { CliCommand } from '../types.js';
import { InputError } from '../../errors.js';
import { findFeedstock } from '../../feed/library.js';
import { simulateBmp } from '../../bmp/bmp.js';
import { libraryFrom, wrap } from './feedlib.js';
import { JSON_FLAG, type FlagTable } from '../args.js';

/** Every option of `adsim bmp`: the parser and `adsim bmp --help` both read this table. */
export const BMP_FLAGS: FlagTable = [
  { name: 'days', kind: 'value', arg: 'D', default: 60, help: 'assay length (d), at most 365' },
  { name: 'isr', kind: 'value', arg: 'R', default: 2, help: 'inoculum-to-substrate ratio, VS basis' },
  JSON_FLAG,
  { name: 'csv', kind: 'value', arg: 'OUT.csv', help: 'also write the cumulative curves to this CSV file' },
  FEEDSTOCKS_FLAG,
];

export const bmpCommand: CliCommand = {
  name: 'bmp',
  summary: 'Simulate a BMP assay (batch bottle, default inoculum, minus blank): cumulative NL CH4/kg VS and the ultimate yield.',
  usage: 'adsim bmp FEEDSTOCK [--days 60] [--isr 2] [--json] [--csv OUT.csv] [--feedstocks USER.json]',
  flags: BMP_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, BMP_FLAGS);
    const lib = libraryFrom(args, io.cwd);
    const [id, ...extra] = args.positionals;
    if (!id || extra.length) throw new InputError('FEEDSTOCK', `expected one feedstock id; known: ${lib.map((f) => f.id).join(', ')}`);
    const f = findFeedstock(id, lib, 'FEEDSTOCK');
    const days = flagNumber(args, 'days', undefined, (x) => x > 0 && x <= 365, 'an assay length in days (0-365]');
    const isr = flagNumber(args, 'isr', undefined, (x) => x > 0, 'an inoculum-to-substrate ratio > 0 (VS basis)');
    const r = simulateBmp(f, { days, isr });
    if (args.flags.has('json')) for (const cv of r.caveats) io.err(`caveat: ${cv}\n`);
    for (const w of r.warnings) io.err(`warning: ${w}\n`);
    const csv = flagString(args, 'csv');
    if (csv) writeCsv(resolve(io.cwd, csv), { t_d: r.t_d, net_NL_kgVS: r.net_NL_kgVS, test_NL: r.test_NL, blank_NL: r.blank_NL });
    if (args.flags.has('json')) { io.out(JSON.stringify(r, jsonReplacer) + '\n'); return 0; }
    const at = (d: number) => {
      let i = 0;
      while (i < r.t_d.length - 1 && r.t_d[i]! < d) i++;
      return r.net_NL_kgVS[i]!;
    };
    const marks = [1, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120].filter((d) => d < days).concat([days]);
    const bar = (v: number) => '#'.repeat(Math.max(0, Math.round((40 * v) / Math.max(r.ultimate_NL_kgVS, f.BMP.value))));
    let out = `${f.id}: simulated BMP assay, ${fmt(days)} d at 35 C, ISR ${fmt(isr)} (VS), ${fmt(r.VS_added_kg * 1000, 3)} g VS in 400 mL\n`;
    out += `  inoculum: ${r.inoculum_source}\n`;
    for (const d of marks) out += `  day ${String(d).padStart(4)}  ${fmt(at(d), 4).padStart(7)} NL CH4/kg VS  ${bar(at(d))}\n`;
    out += `  ultimate ${fmt(r.ultimate_NL_kgVS, 4)} NL CH4/kg VS (record ${fmt(f.BMP.value)}, range ${fmt(f.BMP.low)}-${fmt(f.BMP.high)}, ${f.BMP.evidence}); T90 ${fmt(r.t90_d, 3)} d\n`;
    out += `  bottle: minimum pH ${fmt(r.min_pH, 3)}, maximum free ammonia ${fmt(r.max_free_nh3_mgN_L, 3)} mg N/L (blank, inoculum alone: ${fmt(r.blank_max_free_nh3_mgN_L, 3)})\n`;
    for (const cv of r.caveats) out += wrap(`CAVEAT: ${cv}`, '');
    io.out(out);
    return 0;
  },
};
