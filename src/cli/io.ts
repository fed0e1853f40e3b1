// File helpers for CLI commands: read JSON/text with one-line errors, write CSV, format numbers for people.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';

export function readText(path: string, field = 'FILE'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(field, code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path} (${code ?? (e as Error).message})`);
  }
}

/** Reads and parses a JSON file; a syntax error names the file and the line. */
export function readJson(path: string, field = 'FILE'): unknown {
  const text = readText(path, field);
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new InputError(field, `${path} is not valid JSON${line ? ` (line ${line})` : ''}: ${msg}`);
  }
}

/** A reader for files named inside `file`, resolved relative to its folder. */
export function relativeReader(file: string): (rel: string) => string {
  const base = dirname(resolve(file));
  return (rel) => readFileSync(resolve(base, rel), 'utf8');
}

/** Writes columns as CSV (header = column names). */
export function writeCsv(path: string, columns: Record<string, ArrayLike<number>>): void {
  const names = Object.keys(columns);
  const n = names.length ? columns[names[0]!]!.length : 0;
  const lines = [names.join(',')];
  for (let i = 0; i < n; i++) lines.push(names.map((k) => String(columns[k]![i])).join(','));
  try {
    writeFileSync(path, lines.join('\n') + '\n');
  } catch (e) {
    throw new InputError('--csv', `cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

// One replacer for the CLI's --json output and the web app's downloads.
export { jsonReplacer } from '../export/csv.js';

/** A number for people: 3-4 significant digits, thousands separators for big values. */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e7)) return x.toExponential(digits - 1);
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-GB');
  return Number(x.toPrecision(digits)).toString();
}
