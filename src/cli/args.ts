// Minimal argv parser for the adsim CLI: positionals, --flag, --key value and --key=value, with unknown-flag errors.
import { InputError, show } from '../errors.js';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Parses argv. `known` maps each accepted option to whether it takes a value. */
export function parseArgs(argv: readonly string[], known: Record<string, 'value' | 'boolean'>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) { positionals.push(a); continue; }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    const kind = known[name];
    if (!kind || !Object.prototype.hasOwnProperty.call(known, name)) throw new InputError(`--${show(name).slice(1, -1)}`, `unknown option; expected one of ${Object.keys(known).map((k) => '--' + k).join(', ') || '(none)'}`);
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
  return { positionals, flags };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function flagNumber(args: ParsedArgs, name: string, fallback: number, check?: (x: number) => boolean, what = 'a number'): number {
  const v = flagString(args, name);
  if (v === undefined) return fallback;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || (check && !check(x))) throw new InputError(`--${name}`, `expected ${what}, got ${show(v)}`);
  return x;
}
