// Strict JSON for user files: duplicate keys, prototype keys (__proto__, constructor, prototype), numbers outside the
// double range and very deep nesting are errors naming the line and column. Iterative (no recursion), so a
// 100,000-deep file is refused cleanly instead of overflowing the stack. Pure: also used by the web app.
import { InputError } from '../errors.js';

/** Deepest nesting of objects and arrays a user file may have (the deepest real file, a scenario, has about 5). */
export const MAX_JSON_DEPTH = 64;
/** Keys that would reach an object's prototype when written into a plain object, and are never field names here. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A short, escaped excerpt of user text for a message: never more than `max` characters of it. */
export function excerpt(text: string, max = 40): string {
  const s = text.length > max ? `${text.slice(0, max)}...` : text;
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Line and column (1-based) of offset `pos` in `text`. */
export function lineCol(text: string, pos: number): { line: number; col: number } {
  let line = 1, start = 0;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; start = i + 1; }
  return { line, col: pos - start + 1 };
}

interface Frame {
  value: Record<string, unknown> | unknown[];
  isArray: boolean;
  /** Key waiting for its value (objects). */
  key: string;
  /** Path for messages: "digester.V_liq_m3", "influent[2]". */
  path: string;
}

/**
 * Parses JSON text (a leading UTF-8 byte-order mark is allowed). `source` names the file in errors (the InputError
 * field). Throws InputError for syntax errors, duplicate keys, forbidden keys, non-finite numbers and depth.
 */
export function parseJsonStrict(text: string, source = 'JSON'): unknown {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const stack: Frame[] = [];
  const fail = (pos: number, what: string): never => {
    const { line, col } = lineCol(text, pos);
    throw new InputError(source, `not valid JSON at line ${line}, column ${col}: ${what}`);
  };
  const got = (pos: number): string => (pos >= n ? 'the end of the file' : excerpt(text.slice(pos, pos + 12), 12));
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++; else break;
    }
  };
  const readString = (): string => {
    const start = i;   // at the opening quote
    i++;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) { escaped = true; i += 2; continue; }
      if (c < 0x20) fail(i, 'a control character inside a text value (write it as an escape, e.g. \\n)');
      i++;
    }
    if (i >= n) fail(start, 'a text value that is never closed (missing ")');
    i++;
    const raw = text.slice(start, i);
    if (!escaped) return raw.slice(1, -1);
    try { return JSON.parse(raw) as string; } catch { return fail(start, `a bad escape sequence in ${excerpt(raw)}`); }
  };
  const readNumber = (): number => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (text[i]! >= '1' && text[i]! <= '9') while (text[i]! >= '0' && text[i]! <= '9') i++;
    else fail(start, `expected a value, got ${got(start)}`);
    if (text[i] === '.') {
      i++;
      if (!(text[i]! >= '0' && text[i]! <= '9')) fail(i, 'expected digits after the decimal point');
      while (text[i]! >= '0' && text[i]! <= '9') i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!(text[i]! >= '0' && text[i]! <= '9')) fail(i, 'expected digits in the exponent');
      while (text[i]! >= '0' && text[i]! <= '9') i++;
    }
    const lexeme = text.slice(start, i);
    const x = Number(lexeme);
    if (!Number.isFinite(x)) fail(start, `the number ${excerpt(lexeme)} is outside the range of a double (about ±1.8e308)`);
    return x;
  };
  const word = (w: string, v: unknown): unknown => {
    if (text.startsWith(w, i)) { i += w.length; return v; }
    return fail(i, `expected a value, got ${got(i)}`);
  };
  const childPath = (f: Frame | undefined, key: string | number): string => {
    if (!f) return '';
    if (typeof key === 'number') return `${f.path}[${key}]`;
    return f.path ? `${f.path}.${key}` : key;
  };

  let root: unknown;
  let done = false;
  // Main loop: read one value (opening containers push a frame), then attach it to the open container.
  outer: while (!done) {
    ws();
    if (i >= n) fail(i, stack.length ? 'the file ends inside an object or list' : 'expected a value, got an empty file');
    const c = text[i]!;
    let value: unknown;
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_JSON_DEPTH) fail(i, `nesting deeper than ${MAX_JSON_DEPTH} levels`);
      const top = stack[stack.length - 1];
      const path = childPath(top, top ? (top.isArray ? (top.value as unknown[]).length : top.key) : '');
      const isArray = c === '[';
      i++;
      stack.push({ value: isArray ? [] : {}, isArray, key: '', path });
      ws();
      const close = isArray ? ']' : '}';
      if (text[i] === close) { i++; value = stack.pop()!.value; } else {
        if (!isArray) readKey();
        continue outer;
      }
    } else if (c === '"') value = readString();
    else if (c === 't') value = word('true', true);
    else if (c === 'f') value = word('false', false);
    else if (c === 'n') value = word('null', null);
    else value = readNumber();
    // Attach `value`, then close as many containers as end here.
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) {
        root = value;
        ws();
        if (i < n) fail(i, `unexpected text after the end of the JSON value: ${got(i)}`);
        done = true;
        continue outer;
      }
      if (top.isArray) (top.value as unknown[]).push(value);
      else (top.value as Record<string, unknown>)[top.key] = value;
      ws();
      const sep = text[i];
      if (sep === ',') {
        i++;
        if (!top.isArray) readKey();
        continue outer;
      }
      if (sep === (top.isArray ? ']' : '}')) { i++; value = stack.pop()!.value; continue; }
      fail(i, `expected ${top.isArray ? '"," or "]"' : '"," or "}"'}, got ${got(i)}`);
    }
  }
  return root;

  /** Reads `"key" :` into the open object's frame, checking duplicates and prototype keys. */
  function readKey(): void {
    const top = stack[stack.length - 1]!;
    ws();
    if (text[i] !== '"') fail(i, `expected a field name in double quotes, got ${got(i)}`);
    const at = i;
    const key = readString();
    const where = childPath(top, key);
    if (FORBIDDEN_KEYS.has(key)) {
      throw new InputError(source, `${where}: the field name ${JSON.stringify(key)} is not allowed (line ${lineCol(text, at).line}): it is never a field of adsim's files, and would reach JavaScript object prototypes`);
    }
    if (Object.prototype.hasOwnProperty.call(top.value, key)) {
      throw new InputError(source, `${where}: duplicate key ${excerpt(key)} (line ${lineCol(text, at).line}); each field may be given once (JSON readers differ on which copy wins)`);
    }
    ws();
    if (text[i] !== ':') fail(i, `expected ":" after the field name ${excerpt(key)}, got ${got(i)}`);
    i++;
    top.key = key;
  }
}

/** A decimal number as people write it in a CSV cell ("12", "-0.5", "1.2e-3"); hex, binary, "Infinity" and the
 *  like are not numbers here, whatever Number() makes of them. */
export const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** The number in a CSV cell, or NaN when the cell is not a finite decimal number. */
export function cellNumber(cell: string): number {
  if (!DECIMAL.test(cell)) return NaN;
  const x = Number(cell);
  return Number.isFinite(x) ? x : NaN;
}
