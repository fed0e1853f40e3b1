// `adsim run FILE.json [--json] [--csv OUT.csv]`: runs a digester-run file and prints a summary or the JSON contract.
import { parseArgs, flagString } from '../args.js';
import { fmt, jsonReplacer, readJson, relativeReader, writeCsv } from '../io.js';
import type { CliCommand } from '../types.js';
import { refuseOtherKinds } from '../file-kind.js';
import { InputError } from '../../errors.js';
import { parseRunFile, type RunFileContext } from '../../simulate/runfile.js';
import { simulateDigester } from '../../simulate/digester.js';
import type { DigesterResult } from '../../simulate/types.js';
import { resolve } from 'node:path';
import { ALLOW_OUTSIDE_FLAG, JSON_FLAG, type FlagTable } from '../args.js';

/** Optional overrides of how run files are read (e.g. a user feedstock library); empty by default. */
export const runFileHooks: Pick<RunFileContext, 'characteriseFeed'> = {};

export function summarise(name: string, r: DigesterResult): string {
  const f = r.final;
  const lines = [
    `${name}: ${fmt(f.t_d!)} days simulated (${r.outcome})`,
    `  biogas        ${fmt(f.q_biogas_dry_Nm3_d!)} Nm3/d dry (0 C, 1.01325 bar; as labs and gas meters report it)`,
    `  methane       ${fmt(f.q_ch4_Nm3_d!)} Nm3/d; ${fmt(100 * f.ch4_fraction_dry!, 4)} % of dry gas (CH4/(CH4+CO2))`,
    `  BSM2 basis    q_gas_norm ${fmt(f.q_gas_norm_m3_d!)} m3/d wet at P_atm, T_op (raw headspace outflow ${fmt(f.q_gas_m3_d!)} m3/d); q_ch4_norm ${fmt(f.q_ch4_norm_m3_d!)} m3/d; CH4 ${fmt(100 * f.ch4_fraction!, 3)} % of wet gas`,
    `  pH            ${fmt(f.pH!, 4)}`,
    `  total VFA     ${fmt(f.VFA_kgCOD_m3!)} kg COD/m3 (acetate ${fmt(f.S_ac!)})`,
    `  free ammonia  ${fmt(f.free_nh3_mgN_L!, 3)} mg N/L (acetoclast activity factor I_nh3 = ${fmt(f.I_nh3!, 3)})`,
    `  gas pressure  ${fmt(f.P_gas_bar!)} bar (CH4 ${fmt(f.p_gas_ch4_bar!)}, CO2 ${fmt(f.p_gas_co2_bar!)})`,
    `  solver        ${r.stats.method}: ${r.stats.steps} steps, ${r.stats.rejected} rejected, ${r.stats.fEvals} f evals, ${r.stats.jacEvals} Jacobians, ${fmt(r.stats.wall_ms, 3)} ms`,
  ];
  return lines.join('\n') + '\n';
}

/** Every option of `adsim run`: the parser and `adsim run --help` both read this table. */
export const RUN_FLAGS: FlagTable = [
  JSON_FLAG,
  { name: 'csv', kind: 'value', arg: 'OUT.csv', help: 'also write every output series (t_d first) to this CSV file' },
  ALLOW_OUTSIDE_FLAG,
];

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'Run an ADM1 digester file (kind "digester-run"); --json prints {final, series, stats, warnings}.',
  usage: 'adsim run FILE.json [--json] [--csv OUT.csv] [--allow-outside]',
  flags: RUN_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, RUN_FLAGS);
    const [file, ...extra] = args.positionals;
    if (!file) throw new InputError('FILE', 'expected a digester-run JSON file, e.g. adsim run scenarios/bsm2-steady-state.json');
    if (extra.length) throw new InputError('FILE', `expected one file, got ${args.positionals.length}`);
    const path = resolve(io.cwd, file);
    const json = readJson(path);
    refuseOtherKinds(json, file);
    const run = parseRunFile(json, { readText: relativeReader(path, args.flags.has('allow-outside')), ...runFileHooks });
    const result = simulateDigester(run);
    for (const w of result.warnings) io.err(`warning: ${w}\n`);
    const csv = flagString(args, 'csv');
    if (csv) writeCsv(resolve(io.cwd, csv), { t_d: result.t_d, ...result.series });
    if (args.flags.has('json')) {
      io.out(JSON.stringify({ final: result.final, series: { t_d: result.t_d, ...result.series }, stats: result.stats, warnings: result.warnings, outcome: result.outcome }, jsonReplacer) + '\n');
    } else {
      const name = (json as { name?: unknown }).name;
      io.out(summarise(typeof name === 'string' ? name : file, result));
    }
    return 0;
  },
};
