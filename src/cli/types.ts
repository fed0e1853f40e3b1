// The shape every CLI command has: a name, a one-line summary, usage, and a run function returning the exit code.

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
  run: (argv: string[], io: CliIo) => Promise<number>;
}
