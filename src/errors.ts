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
