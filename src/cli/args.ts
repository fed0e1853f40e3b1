// Minimal argv parser for the adsim CLI: positionals, --flag, --key value and --key=value, with unknown-flag errors.
// Each command declares its options once, as a FlagTable: the parser accepts exactly those, `--help` prints them with
// their defaults, and flagNumber/flagValue fall back to the same defaults.
import { InputError, show } from '../errors.js';
import { DECIMAL } from '../input/json.js';

export interface FlagSpec {
  /** Without the leading "--". */
  name: string;
  kind: 'value' | 'boolean';
  /** Placeholder for the value in the help, e.g. N, OUT.csv. */
  arg?: string;
  /** The default the parser applies when the option is absent (and the help shows). */
  default?: number | string;
  /** The default in words when it depends on the input (e.g. "all cores"); shown in the help only. */
  defaultText?: string;
  /** One line: what the option does. */
  help: string;
}
export type FlagTable = readonly FlagSpec[];

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
  /** The table the arguments were parsed against (for defaults). */
  specs: FlagTable;
}

/** Options every command that prints a result accepts. */
export const JSON_FLAG: FlagSpec = { name: 'json', kind: 'boolean', help: 'print one JSON object on stdout instead of the text report' };
/** bmp, characterise, feedstocks and fit-bmp: a user's feedstock file beside the built-in library. */
export const FEEDSTOCKS_FLAG: FlagSpec = { name: 'feedstocks', kind: 'value', arg: 'USER.json', defaultText: 'the built-in library only', help: 'add or replace records from your own feedstock file (format: docs/feedstocks.md)' };
/** fit and fit-bmp: the optimiser. */
export const FIT_METHOD_FLAG: FlagSpec = { name: 'method', kind: 'value', arg: 'lm|nelder-mead', default: 'lm', help: 'Levenberg-Marquardt or Nelder-Mead' };
/** run, sensitivity, uncertainty and fit: lets a run file's influent.table lie outside its folder (docs/limits.md). */
export const ALLOW_OUTSIDE_FLAG: FlagSpec = { name: 'allow-outside', kind: 'boolean', help: "influent.table may lie outside the run file's folder" };
export const QUIET_FLAG: FlagSpec = { name: 'quiet', kind: 'boolean', help: 'no progress bar on stderr (it is shown only when stderr is a terminal anyway)' };

/** Parses argv against the command's table (or, for old callers, a map of option name to kind). */
export function parseArgs(argv: readonly string[], known: FlagTable | Record<string, 'value' | 'boolean'>): ParsedArgs {
  const specs: FlagTable = Array.isArray(known)
    ? known
    : Object.entries(known as Record<string, 'value' | 'boolean'>).map(([name, kind]) => ({ name, kind, help: '' }));
  const byName = new Map(specs.map((s) => [s.name, s]));
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    // "--" ends the options (the Unix convention): every word after it is a plain argument, e.g. a file named "--x".
    if (a === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('--')) {
      // "-json", or "—json" pasted from a document with an em dash, is an option mistyped, not a file name.
      if (/^(-[a-z]|[\u2010-\u2015\u2212][-\u2010-\u2015\u2212]?[a-z])/i.test(a) && !/^-\d/.test(a)) {
        throw new InputError(show(a).slice(1, -1).slice(0, 40), `looks like an option but does not start with two ASCII dashes; options are written --name (expected one of ${specs.map((s) => '--' + s.name).join(', ') || '(none)'})`);
      }
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    const kind = byName.get(name)?.kind;   // a Map: "--constructor" is not an option either
    if (!kind) throw new InputError(`--${show(name).slice(1, -1)}`, `unknown option; expected one of ${specs.map((s) => '--' + s.name).join(', ') || '(none)'}`);
    if (kind === 'boolean') {
      // "--json=false" would otherwise switch JSON on: a switch takes no value.
      if (eq >= 0) throw new InputError(`--${name}`, `is a switch and takes no value; write --${name} alone (got ${show(a.slice(eq + 1))})`);
      flags.set(name, true);
      continue;
    }
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new InputError(`--${name}`, 'expected a value after the option');
    if (flags.has(name)) throw new InputError(`--${name}`, 'given twice; give each option once');
    flags.set(name, value);
  }
  return { positionals, flags, specs };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** The option's value, else its table default (as text), else undefined. */
export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const d = args.specs.find((s) => s.name === name)?.default;
  return flagString(args, name) ?? (d === undefined ? undefined : String(d));
}

/** A numeric option; `fallback` undefined means the table's default. */
export function flagNumber(args: ParsedArgs, name: string, fallback: number | undefined, check?: (x: number) => boolean, what = 'a number'): number {
  const v = flagString(args, name);
  if (v === undefined) {
    const d = fallback ?? args.specs.find((s) => s.name === name)?.default;
    if (typeof d !== 'number') throw new Error(`internal error: --${name} has no numeric default`);
    return d;
  }
  const x = DECIMAL.test(v.trim()) ? Number(v) : NaN;   // no hex, binary or "Infinity"
  if (v.trim() === '' || !Number.isFinite(x) || (check && !check(x))) throw new InputError(`--${name}`, `expected ${what}, got ${show(v)}`);
  return x;
}

/** The "Options:" block of `adsim COMMAND --help`: every option, what it does and its default. */
export function flagHelp(specs: FlagTable): string {
  const left = (s: FlagSpec) => `--${s.name}${s.kind === 'value' ? ` ${s.arg ?? 'VALUE'}` : ''}`;
  const rows = [...specs.map((s) => {
    const d = s.default !== undefined ? String(s.default) : s.defaultText ?? (s.kind === 'boolean' ? 'off' : 'none');
    return [left(s), `${s.help} (default: ${d})`] as const;
  }), ['-h, --help', 'this help'] as const];
  const w = Math.max(...rows.map((r) => r[0].length));
  return 'Options:\n' + rows.map(([l, r]) => `  ${l.padEnd(w)}  ${r}\n`).join('');
}
