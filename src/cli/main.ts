// adsim CLI entry: dispatches to commands; a user's mistake prints one line and exits 2, never a stack trace.
import { EXIT_INTERNAL, InputError, clipMessage, show, terminalSafe } from '../errors.js';
import { SolverError } from '../solvers/types.js';
import type { CliCommand, CliIo } from './types.js';
import { flagHelp } from './args.js';
import { runCommand } from './commands/run.js';
import pkg from '../../package.json';
import { MODEL_NAME, MODEL_VERSION } from '../../models/adm1/parameters.js';
import { parametersCommand } from './commands/parameters.js';
import { scenarioCommand } from './commands/scenario.js';
import { compareCommand } from './commands/compare.js';
import { projectCommand } from './commands/project.js';
import { feedstocksCommand } from './commands/feedstocks.js';
import { characteriseCommand } from './commands/characterise.js';
import { bmpCommand } from './commands/bmp.js';
import { buswellCommand } from './commands/buswell.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { uncertaintyCommand } from './commands/uncertainty.js';
import { fitCommand } from './commands/fit.js';
import { fitBmpCommand } from './commands/fit-bmp.js';

export const commands: CliCommand[] = [
  // Each module registers one command; keep this list in the order `adsim help` shows it.
  runCommand,
  parametersCommand,
  scenarioCommand,
  compareCommand,
  projectCommand,
  feedstocksCommand,
  characteriseCommand,
  bmpCommand,
  buswellCommand,
  sensitivityCommand,
  uncertaintyCommand,
  fitCommand,
  fitBmpCommand,
];

/** Exit codes as scripts see them (docs/limits.md): shown by `adsim help` and every `adsim COMMAND --help`. */
export const EXIT_CODES_HELP = 'Exit codes: 0 success; 1 a fit did not converge; 2 bad input (a file, field, flag or value); '
  + `3 solver failure; 4 some compared scenarios, projection years or samples failed (the rest are reported); ${EXIT_INTERNAL} internal error (a bug in adsim, please report it).`;

function commandHelp(c: CliCommand): string {
  return `Usage: ${c.usage}\n  ${c.summary}\n\n${flagHelp(c.flags)}\n${EXIT_CODES_HELP}\n`;
}

function help(io: CliIo): void {
  io.out('adsim: anaerobic-digestion simulator (IWA ADM1, BSM2 variant)\n\nUsage: adsim <command> [options]\n\nCommands:\n');
  for (const c of commands) io.out(`  ${c.usage}\n      ${c.summary}\n`);
  io.out('\nadsim COMMAND --help explains every option of that command, with its default.\n'
    + '  -h, --help       this list\n  -V, --version    the adsim and model versions\n\n'
    + `${EXIT_CODES_HELP}\n`);
}

export async function main(argv: string[], rawIo: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  tty: process.stderr.isTTY === true,
}): Promise<number> {
  // Everything the CLI prints goes through here: echoed user text never reaches the terminal as control codes.
  const io: CliIo = { ...rawIo, out: (s) => rawIo.out(terminalSafe(s)), err: (s) => rawIo.err(terminalSafe(s)) };
  const [name, ...rest] = argv;
  const dd = rest.indexOf('--');   // after "--" a word is a plain argument, not an option
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = commands.find((c) => c.name === rest[0]);
    if (topic) { io.out(commandHelp(topic)); return 0; }
    help(io);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V' || name === 'version') { io.out(`adsim ${pkg.version} (model ${MODEL_NAME} ${MODEL_VERSION})\n`); return 0; }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) { io.err(`adsim: unknown command ${show(name)}; expected one of ${commands.map((c) => c.name).join(', ')} (adsim help lists them)\n`); return 2; }
  if ((dd < 0 ? rest : rest.slice(0, dd)).some((a) => a === '--help' || a === '-h')) { io.out(commandHelp(cmd)); return 0; }
  // With --json a tool reads stdout: every failure the command did not report itself is printed there as
  // {ok: false, errors: [{field, message}]} too, whatever the command (bad flags included).
  const asJson = (dd < 0 ? rest : rest.slice(0, dd)).some((a) => a === '--json' || a.startsWith('--json='));
  const jsonFail = (issues: Array<{ field: string; message: string }>): void => {
    if (asJson) io.out(JSON.stringify({ ok: false, errors: issues.slice(0, 20).map((i) => ({ field: clipMessage(i.field, 200), message: clipMessage(i.message, 600) })) }, null, 1) + '\n');
  };
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      const issues = (e as InputError & { issues?: Array<{ field: string; message: string }> }).issues
        ?? [{ field: e.field, message: e.field && e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message }];
      jsonFail(issues);
      io.err(`adsim ${name}: ${clipMessage(e.message)}\n`);
      return 2;
    }
    if (e instanceof SolverError || (e as Error)?.name === 'SolverError' || (e as Error)?.name === 'RunsFailedError') {   // also when rebuilt from a worker
      jsonFail([{ field: 'solver', message: `solver failed: ${(e as Error).message}` }]);
      io.err(`adsim ${name}: solver failed: ${clipMessage((e as Error).message)}\n`);
      return 3;
    }
    // Not the user's mistake: say so plainly; the stack only on request.
    jsonFail([{ field: '(internal)', message: `internal error: ${(e as Error)?.message ?? e}` }]);
    io.err(`adsim ${name}: internal error: ${clipMessage(String((e as Error)?.message ?? e), 400)} (please report it; set ADSIM_DEBUG=1 for details)\n`);
    if (process.env.ADSIM_DEBUG) io.err(`${(e as Error).stack}\n`);
    // Its own code: 1 means "fit did not converge", which a script may accept; a bug must never look like that.
    return EXIT_INTERNAL;
  }
}
