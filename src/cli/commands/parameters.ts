// `adsim parameters [--json] [--group G]`: the ADM1 parameter table with units, defaults, sources and ranges.
import { parseArgs, flagString } from '../args.js';
import type { CliCommand } from '../types.js';
import { InputError, show } from '../../errors.js';
import { PARAMETERS, MODEL_NAME, MODEL_VERSION } from '../../../models/adm1/index.js';
import { fmt } from '../io.js';
import { JSON_FLAG, type FlagTable } from '../args.js';
import { groupFactor, kineticGroupOf } from '../../simulate/temperature.js';

/** How "kinetics": "temperature-corrected" treats a parameter, with its factor at 55 C (for the table). */
function correction(name: string): { group: string; law: string; value: number; unit: string; factor_55C: number; source: string; estimate: boolean } | undefined {
  const g = kineticGroupOf(name);
  return g ? { group: g.name, law: g.law, value: g.value, unit: g.unit, factor_55C: groupFactor(g, 328.15), source: g.source, estimate: g.estimate } : undefined;
}

const GROUPS = [...new Set(PARAMETERS.map((p) => p.group))];

/**
 * The sources of the listed parameters, each once. A source may carry a note after "; " about one parameter (its
 * range is an estimate, ...): the note is listed under the parameter's name instead of repeating the source.
 */
export function sourcesBlock(rows: readonly { name: string; source: string; range?: readonly [number, number]; range_source?: string }[]): string {
  const sources = new Set<string>();
  const notes: string[] = [];
  for (const p of rows) {
    const [main, ...rest] = p.source.split('; ');
    sources.add(main!);
    if (rest.length) notes.push(`  ${p.name}: ${rest.join('; ')}`);
  }
  // The BSM2 report gives values only: each range says where it comes from, or that it is an estimate.
  const ranged = rows.filter((p) => p.range);
  if (ranged.length) notes.push('Ranges:', ...ranged.map((p) => `  ${p.name} ${fmt(p.range![0])}-${fmt(p.range![1])}: ${p.range_source ?? 'estimate'}`));
  return `Sources: ${[...sources].join('; ')}\n${notes.map((n) => `${n}\n`).join('')}`;
}

/** Every option of `adsim parameters`: the parser and `adsim parameters --help` both read this table. */
export const PARAMETERS_FLAGS: FlagTable = [
  { name: 'group', kind: 'value', arg: 'GROUP', defaultText: 'every group', help: 'only one group: stoichiometric, composition, biochemical, inhibition or physicochemical' },
  JSON_FLAG,
];

export const parametersCommand: CliCommand = {
  name: 'parameters',
  summary: 'List every ADM1 parameter with unit, default, range, source and description.',
  usage: `adsim parameters [--group ${GROUPS.join('|')}] [--json]`,
  flags: PARAMETERS_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, PARAMETERS_FLAGS);
    if (args.positionals.length) throw new InputError(show(args.positionals[0]), 'adsim parameters takes no file or name, only options (--group to pick a group)');
    const group = flagString(args, 'group');
    if (group !== undefined && !GROUPS.includes(group as never)) throw new InputError('--group', `expected one of ${GROUPS.join(', ')}, got ${show(group)}`);
    const rows = PARAMETERS.filter((p) => !group || p.group === group);
    if (args.flags.has('json')) {
      const out = rows.map((p) => { const c = correction(p.name); return c ? { ...p, temperature_correction: c } : p; });
      io.out(JSON.stringify({ model: MODEL_NAME, model_version: MODEL_VERSION, parameters: out }, null, 1) + '\n');
      return 0;
    }
    for (const g of GROUPS) {
      const inGroup = rows.filter((p) => p.group === g);
      if (!inGroup.length) continue;
      io.out(`\n${g}\n`);
      for (const p of inGroup) {
        const range = p.range ? ` (range ${fmt(p.range[0])}-${fmt(p.range[1])})` : '';
        const c = correction(p.name);
        const tc = c ? ` [temperature-corrected: x${c.factor_55C.toFixed(2)} at 55 C]` : '';
        io.out(`  ${p.name.padEnd(16)} ${fmt(p.value).padStart(10)} ${p.unit.padEnd(16)} ${p.description}${range}${tc}\n`);
      }
    }
    io.out(`\n${sourcesBlock(rows)}Kinetic parameters are 35 C values; with "kinetics": "temperature-corrected" the rates marked are scaled to T_op (factor shown at 55 C; docs/model.md, Temperature).\n`);
    return 0;
  },
};
