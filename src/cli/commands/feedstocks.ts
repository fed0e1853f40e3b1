// `adsim feedstocks [--json] [--feedstocks FILE]`: the feedstock library with values, ranges, units, evidence and sources.
import { FEEDSTOCKS_FLAG, parseArgs } from '../args.js';
import { fmt } from '../io.js';
import type { CliCommand } from '../types.js';
import { InputError } from '../../errors.js';
import type { Feedstock, Sourced } from '../../../models/feedstocks/index.js';
import { libraryFrom, wrap } from './feedlib.js';
import { adm1BmpShortfall } from '../../feed/validate.js';
import { JSON_FLAG, type FlagTable } from '../args.js';

const EV = { measured: 'M', literature: 'L', estimate: 'E' } as const;

function cell(s: Sourced, scale = 1): string {
  return `${fmt(s.value * scale, 3)} (${fmt(s.low * scale, 3)}-${fmt(s.high * scale, 3)}) ${EV[s.evidence]}`;
}

function describe(f: Feedstock): string {
  const c = f.composition;
  const rows: Array<[string, Sourced, string, number?]> = [
    ['TS', f.TS, '% FM', 100], ['VS/TS', f.VS_TS, '%', 100],
    ['carbohydrate', c.carbohydrate, '% VS', 100], ['protein', c.protein, '% VS', 100], ['lipid', c.lipid, '% VS', 100], ['lignin', c.lignin, '% VS', 100],
    ['total N', f.N_total, '% TS', 100], ['NH4-N', f.NH4_N, f.NH4_N.unit], ['pH', f.pH, ''], ['alkalinity', f.alkalinity, f.alkalinity.unit],
    ...(f.VFA ? [['VFA', f.VFA, f.VFA.unit] as [string, Sourced, string]] : []),
    ['biodegradability', f.biodegradability, 'kg/kg VS'], ['BMP', f.BMP, f.BMP.unit], ['k_hyd', f.k_hyd, '1/d'], ['density', f.density, 'kg/m3'],
  ];
  let out = `${f.id}: ${f.name}\n${wrap(f.description)}`;
  if (f.caveat) out += wrap(`CAVEAT: ${f.caveat}`);
  for (const [name, s, unit, scale] of rows) out += `    ${name.padEnd(17)}${cell(s, scale).padEnd(26)}${unit.padEnd(15)}${s.source}\n`;
  const short = adm1BmpShortfall(f);
  if (short) out += wrap(`NOTE: ${short}`);
  return out;
}

/** Every option of `adsim feedstocks`: the parser and `adsim feedstocks --help` both read this table. */
export const FEEDSTOCKS_FLAGS: FlagTable = [
  JSON_FLAG,
  FEEDSTOCKS_FLAG,
];

export const feedstocksCommand: CliCommand = {
  name: 'feedstocks',
  summary: 'List the feedstock library: typical value (range), evidence (M measured, L literature, E estimate), unit and source.',
  usage: 'adsim feedstocks [ID...] [--json] [--feedstocks USER.json]',
  flags: FEEDSTOCKS_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, FEEDSTOCKS_FLAGS);
    const lib = libraryFrom(args, io.cwd);
    const ids = args.positionals;
    const list = ids.length ? ids.map((id) => {
      const f = lib.find((x) => x.id === id.toLowerCase());
      if (!f) throw new InputError('ID', `unknown feedstock ${JSON.stringify(id)}; known: ${lib.map((x) => x.id).join(', ')}`);
      return f;
    }) : lib;
    if (args.flags.has('json')) { io.out(JSON.stringify({ feedstocks: list }, null, 1) + '\n'); return 0; }
    io.out(list.map(describe).join('\n'));
    io.out('\nEvidence: M measured in a cited study, L literature value, E estimate. Sources: each [Key] is an entry of docs/sources.md;\nestimates are derived in docs/feedstocks.md (dog faeces: "Dog faeces: how the record is derived").\n');
    return 0;
  },
};
