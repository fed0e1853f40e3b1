// The shape every CLI command has: a name, a one-line summary, usage, its options, and a run function returning the exit code.
import type { FlagTable } from './args.js';

export interface CliIo {
  out: (text: string) => void;   // stdout
  err: (text: string) => void;   // stderr (warnings, progress)
  cwd: string;
  /** stderr is a terminal: progress lines (rewritten with \r) are shown only then. */
  tty?: boolean;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Every option the command takes: parsed with it and printed by `adsim COMMAND --help`. */
  flags: FlagTable;
  run: (argv: string[], io: CliIo) => Promise<number>;
}
