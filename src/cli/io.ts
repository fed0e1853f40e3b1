// File helpers for CLI commands: read JSON/text with one-line errors, write CSV, format numbers for people.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { folderReader, readUserFile, showPath } from '../input/file.js';
import { parseJsonStrict } from '../input/json.js';
import { roundSig } from '../export/csv.js';

/** Reads a user's text file through the one safe reader (regular files only, size limit, BOM dropped). */
export function readText(path: string, field = 'FILE'): string {
  return readUserFile(path, field);
}

/** Reads and parses a JSON file strictly (duplicate keys, prototype keys, depth); errors name the file and the line. */
export function readJson(path: string, field = 'FILE'): unknown {
  const text = readUserFile(path, field);
  try {
    return parseJsonStrict(text, field);
  } catch (e) {
    if (e instanceof InputError && e.field === field) {
      const msg = e.message.slice(field.length + 2);
      throw new InputError(field, `${showPath(path)}${msg.startsWith('not valid JSON') ? ' is ' : ': '}${msg}`);
    }
    throw e;
  }
}

/** A reader for files named inside `file`, resolved relative to its folder and kept inside it (unless allowOutside). */
export function relativeReader(file: string, allowOutside = false): (rel: string) => string {
  return folderReader(file, { allowOutside });
}

/** Writes a file whole or not at all: to a temporary name beside it, then renamed (an interrupted run leaves no
 *  half-written file that looks complete). */
export function writeFileAtomic(path: string, text: string, field = '--csv'): void {
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    try { rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
    throw new InputError(field, `cannot write ${showPath(path)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** Writes columns as CSV (header = column names). */
export function writeCsv(path: string, columns: Record<string, ArrayLike<number>>): void {
  const names = Object.keys(columns);
  const n = names.length ? columns[names[0]!]!.length : 0;
  const lines = [names.join(',')];
  // One precision for every cell (10 significant digits, as the research exports): no 0.30000000000000004 beside 0.3.
  for (let i = 0; i < n; i++) lines.push(names.map((k) => String(roundSig(columns[k]![i]!, 10))).join(','));
  writeFileAtomic(path, lines.join('\n') + '\n');
}

// One replacer for the CLI's --json output and the web app's downloads.
export { jsonReplacer } from '../export/csv.js';

/** A number for people: 3-4 significant digits, thousands separators for big values. */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  // Exponent form with only the digits that matter: 1e-4 and 2.58e-7, not 1.000e-4 and 2.580e-7.
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e7)) return Number(x.toPrecision(digits)).toExponential();
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-GB');
  return Number(x.toPrecision(digits)).toString();
}
