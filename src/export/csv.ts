// CSV and JSON text for files people download or write: RFC 4180 cells, numbers without float noise, and a
// provenance line ("# adsim 0.1.0, model adm1-bsm2 1.0.0, exported 2026-12-01 ...") that spreadsheets can skip.
import pkg from '../../package.json';
import { MODEL_NAME, MODEL_VERSION } from '../../models/adm1/parameters.js';

/** A number to `digits` significant figures, without binary-fraction noise (187.20000000000002 -> 187.2). */
export const roundSig = (x: number, digits: number): number => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits)));

// A non-finite number is an empty cell: "NaN" or "Infinity" in a file is read as text, or worse as a number.
const cell = (v: unknown, digits: number): string => {
  const s = v === undefined || v === null ? '' : typeof v === 'number' ? (Number.isFinite(v) ? String(roundSig(v, digits)) : '')
    : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV from rows of cells (CRLF line ends); numbers to `digits` significant figures (10: float noise only). */
export function toCsv(rows: unknown[][], digits = 10): string {
  return rows.map((r) => r.map((v) => cell(v, digits)).join(',')).join('\r\n') + '\r\n';
}

/** Who wrote a file and when: the program and model versions and the export date. */
export function provenance(date: Date = new Date()): string {
  return `adsim ${pkg.version}, model ${MODEL_NAME} ${MODEL_VERSION}, exported ${date.toISOString().slice(0, 10)}`;
}

/**
 * CSV preceded by comment lines ("# ..."): the provenance first, then `notes` (what the numbers are, caveats).
 * pandas (`comment='#'`), R (`comment.char='#'`) and `adsim`'s own readers skip them.
 */
export function csvWithHeader(rows: unknown[][], notes: string[] = [], opts: { date?: Date; digits?: number } = {}): string {
  const head = [provenance(opts.date), ...notes].map((n) => `# ${n.replace(/[\r\n]+/g, ' ')}`).join('\r\n');
  return `${head}\r\n${toCsv(rows, opts.digits)}`;
}

/** Typed arrays become plain arrays so JSON.stringify prints them as lists (it writes non-finite numbers as null). */
export function jsonReplacer(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as unknown as ArrayLike<number>) : value;
}

/**
 * Reads CSV text written by `toCsv`/`csvWithHeader` (or a spreadsheet): quoted cells, CRLF or LF, comment lines
 * skipped. Returns the rows of cells as strings.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cur = '', quoted = false, atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (atLineStart && c === '#') { const nl = text.indexOf('\n', i); i = nl < 0 ? text.length : nl; continue; }
    atLineStart = false;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cur); cur = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cur); rows.push(row); row = []; cur = ''; atLineStart = true;
    } else cur += c;
  }
  if (cur !== '' || row.length) { row.push(cur); rows.push(row); }
  return rows;
}
