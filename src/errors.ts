// User-facing errors: a user's mistake is reported as one line naming the field, the value and what is expected.

/** Exit code of an internal error (a bug in adsim, not the user's mistake): sysexits' EX_SOFTWARE, distinct from
 *  1 (a fit did not converge), 2 (bad input), 3 (solver failure) and 4 (partial failure). */
export const EXIT_INTERNAL = 70;

/** A mistake in user input (file, flag, field). The CLI prints `message` alone and exits with code 2. */
export class InputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'InputError';
    this.field = field;
  }
}

/** Model runs failed (not the user's input): every Monte Carlo sample, or too many to summarise. The CLI exits 3,
 *  as for one failed solve, and says how many failed and the first reason. */
export class RunsFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunsFailedError';
  }
}

/** Formats a value for an error message: short, JSON-like, never "[object Object]". */
export function show(value: unknown): string {
  // Echoed user text is cut short: a 10 MB field value must not come back as a 10 MB message.
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  let s: string;
  try { s = JSON.stringify(value) ?? String(value); } catch { s = Object.prototype.toString.call(value); }
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

/**
 * Text for a terminal or a log: control characters (NUL, ESC and other C0/C1 codes, DEL) in echoed user text are
 * written as \\uXXXX escapes, so a value cannot clear the screen, recolour it or hide in a log. Line ends and tabs stay;
 * so does the progress bar's own "erase line" (CR, ESC [ K).
 */
export function terminalSafe(text: string): string {
  if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text)) return text;
  return text.replace(/\x1b\[K|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => (c === '\x1b[K' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Longest message the CLI prints for one error (bytes of text); longer ones are cut with a note. */
export const MAX_MESSAGE_CHARS = 1800;

/** Cuts a message to MAX_MESSAGE_CHARS, saying how much was left out. */
export function clipMessage(text: string, max = MAX_MESSAGE_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)} ... (${text.length - max} more characters left out)`;
}

/** Throws an InputError for a field name that `allowed` does not hold, with the closest names as a hint. */
export function unknownField(field: string, key: string, allowed: Iterable<string>, what = 'field'): never {
  throw new InputError(field, unknownFieldMessage(key, allowed, what));
}

/** The message of unknownField, for readers that collect problems rather than throw. */
export function unknownFieldMessage(key: string, allowed: Iterable<string>, what = 'field'): string {
  const list = [...allowed];
  const near = closest(key, list).filter((c) => c.toLowerCase() === key.toLowerCase() || closeEnough(key, c));
  const hint = near.length ? ` (did you mean ${near.map((c) => JSON.stringify(c)).join(' or ')}?)` : '';
  const shown = list.length > 30 ? `${list.slice(0, 30).join(', ')}, ...` : list.join(', ');
  return `unknown ${what}; expected one of ${shown}${hint}`;
}

/** Near enough to suggest: contained in each other, or a few edits apart relative to the length. */
function closeEnough(a: string, b: string): boolean {
  const x = a.toLowerCase(), y = b.toLowerCase();
  if (x.includes(y) || y.includes(x)) return true;
  return editDistance(x, y) <= Math.max(2, Math.floor(Math.min(x.length, y.length) / 3));
}

function editDistance(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return Math.abs(a.length - b.length) + 200;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Throws an InputError of the form `field: expected X, got Y`. */
export function expected(field: string, what: string, got: unknown): never {
  throw new InputError(field, `expected ${what}, got ${show(got)}`);
}

/**
 * The names closest to `name`, for "did you mean" hints: names that contain it or are contained in it come first,
 * then by edit distance (case-insensitive).
 */
export function closest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const a = name.toLowerCase().slice(0, 200);   // a megabyte "name" must not cost a megabyte-squared distance
  const dist = (b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]!; row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const tmp = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = tmp;
      }
    }
    return row[b.length]!;
  };
  const score = (c: string): number => {
    const b = c.toLowerCase();
    return dist(b) - (b.includes(a) || a.includes(b) ? 100 : 0);
  };
  return [...candidates].map((c) => [c, score(c)] as const).sort((x, y) => x[1] - y[1]).slice(0, max).map((x) => x[0]);
}
