// User-facing errors: a user's mistake is reported as one line naming the field, the value and what is expected.

/** A mistake in user input (file, flag, field). The CLI prints `message` alone and exits with code 2. */
export class InputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'InputError';
    this.field = field;
  }
}

/** Formats a value for an error message: short, JSON-like, never "[object Object]". */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  const s = JSON.stringify(value);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
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
  const a = name.toLowerCase();
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
