// `adsim buswell FORMULA [--json]`: theoretical CH4, CO2, NH3 (and H2S) per kg VS by Buswell/Boyle, and the methane fraction.
import { parseArgs } from '../args.js';
import { fmt } from '../io.js';
import type { CliCommand } from '../types.js';
import { InputError } from '../../errors.js';
import { buswell } from '../../feed/buswell.js';
import { parseFormula } from '../../feed/formula.js';
import { JSON_FLAG, type FlagTable } from '../args.js';

/** Every option of `adsim buswell`: the parser and `adsim buswell --help` both read this table. */
export const BUSWELL_FLAGS: FlagTable = [
  JSON_FLAG,
];

export const buswellCommand: CliCommand = {
  name: 'buswell',
  summary: 'Theoretical methane of an elemental formula (Buswell/Boyle): NL CH4, CO2, NH3, H2S per kg VS (0 C, 1 atm) and CH4 fraction.',
  usage: 'adsim buswell FORMULA [--json]   (e.g. C6H12O6, C5H7O2N, CH1.8O0.5N0.2)',
  flags: BUSWELL_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, BUSWELL_FLAGS);
    const [formula, ...extra] = args.positionals;
    if (!formula || extra.length) throw new InputError('FORMULA', 'expected one elemental formula such as C6H12O6 or C5H7O2N');
    const r = buswell(parseFormula(formula, 'FORMULA'));
    if (args.flags.has('json')) { io.out(JSON.stringify({ input: formula, ...r }, null, 1) + '\n'); return 0; }
    io.out([
      `${formula}: M = ${fmt(r.molarMass_g_mol, 5)} g/mol, COD ${fmt(r.COD_g_g, 4)} g/g`,
      `  ${formula} + ${fmt(r.mol.H2O_consumed)} H2O -> ${fmt(r.mol.CH4)} CH4 + ${fmt(r.mol.CO2)} CO2 + ${fmt(r.mol.NH3)} NH3 + ${fmt(r.mol.H2S)} H2S`,
      `  CH4  ${fmt(r.CH4_NL_kg)} NL/kg VS   CO2 ${fmt(r.CO2_NL_kg)} NL/kg VS   NH3 ${fmt(r.NH3_NL_kg)} NL/kg VS   H2S ${fmt(r.H2S_NL_kg)} NL/kg VS`,
      `  methane fraction ${fmt(100 * r.ch4_fraction, 3)} % of CH4 + CO2 (NH3 and H2S mostly stay dissolved)`,
      `  a theoretical maximum: real BMPs are lower by the biodegradability (Labatut et al. 2011, [Labatut2011])`,
    ].join('\n') + '\n');
    return 0;
  },
};
