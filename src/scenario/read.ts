// Field reader for scenario JSON: walks objects by path, parses values with units, records every problem with its path.
//
// Problems are collected rather than thrown one by one so a user sees all mistakes in a file at once; parseScenario
// throws them together as one ScenarioError at the end, so nothing is ever half-applied.
import { InputError, show, unknownFieldMessage } from '../errors.js';
import { parseQuantity } from '../units/quantity.js';
import { DEFAULTS, type DefaultName } from './defaults.js';

export interface Issue {
  field: string;
  message: string;
}

/** All problems found in a scenario file. `field` and the first line of `message` name the first problem. */
export class ScenarioError extends InputError {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const first = issues[0]!;
    const more = issues.slice(1).map((i) => `\n  ${i.field}: ${i.message}`).join('');
    super(first.field, first.message + more);
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

export interface Bounds {
  min?: number;
  max?: number;
  /** Strictly greater than min. */
  positive?: boolean;
  integer?: boolean;
}

export class Ctx {
  readonly issues: Issue[] = [];
  readonly defaulted: Record<string, string> = {};
  fail(field: string, message: string): number {
    this.issues.push({ field, message });
    return Number.NaN;
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class Reader {
  constructor(readonly ctx: Ctx, readonly obj: Record<string, unknown>, readonly path: string) {}

  static root(ctx: Ctx, value: unknown): Reader {
    if (!isObj(value)) { ctx.fail('(file)', `expected a JSON object, got ${show(value)}`); return new Reader(ctx, {}, ''); }
    return new Reader(ctx, value, '');
  }

  field(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined;
  }

  raw(key: string): unknown {
    return this.obj[key];
  }

  /** Reports keys this object does not know (typos would otherwise be silently ignored). */
  only(keys: readonly string[]): void {
    for (const k of Object.keys(this.obj)) {
      if (!keys.includes(k)) this.ctx.fail(this.field(k), unknownFieldMessage(k, keys));
    }
  }

  /** A nested object; absent gives an empty reader (all defaults), a non-object is a problem. */
  sub(key: string): Reader {
    const v = this.obj[key];
    if (v === undefined) return new Reader(this.ctx, {}, this.field(key));
    if (!isObj(v)) { this.ctx.fail(this.field(key), `expected an object, got ${show(v)}`); return new Reader(this.ctx, {}, this.field(key)); }
    return new Reader(this.ctx, v, this.field(key));
  }

  /** Array of objects. */
  list(key: string, required: boolean): Reader[] {
    const v = this.obj[key];
    if (v === undefined) { if (required) this.ctx.fail(this.field(key), 'missing; expected a list'); return []; }
    if (!Array.isArray(v)) { this.ctx.fail(this.field(key), `expected a list, got ${show(v)}`); return []; }
    const out: Reader[] = [];
    v.forEach((item, i) => {
      const f = `${this.field(key)}[${i}]`;
      if (!isObj(item)) this.ctx.fail(f, `expected an object, got ${show(item)}`);
      else out.push(new Reader(this.ctx, item, f));
    });
    return out;
  }

  str(key: string, fallback?: string): string {
    const v = this.obj[key];
    if (v === undefined) {
      if (fallback === undefined) { this.ctx.fail(this.field(key), 'missing; expected a text value'); return ''; }
      return fallback;
    }
    if (typeof v !== 'string' || v.trim() === '') { this.ctx.fail(this.field(key), `expected a non-empty text value, got ${show(v)}`); return ''; }
    return v;
  }

  choice<T extends string>(key: string, allowed: readonly T[], fallback?: T): T {
    const v = this.obj[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.ctx.fail(this.field(key), `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${show(v)}`);
    return allowed[0]!;
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.obj[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') { this.ctx.fail(this.field(key), `expected true or false, got ${show(v)}`); return fallback; }
    return v;
  }

  /** A quantity in `unit` (a plain number is taken in that unit); falls back to a named default or a literal. */
  qty(key: string, unit: string, fallback: DefaultName | number | null, bounds: Bounds = {}): number {
    const v = this.obj[key];
    if (v === undefined) return this.fallback(key, fallback, `a quantity in ${unit}`);
    let x: number;
    try {
      x = parseQuantity(stripCarbon(v), unit, this.field(key));
    } catch (e) {
      return this.ctx.fail(this.field(key), e instanceof InputError ? stripField(e, this.field(key)) : String(e));
    }
    return this.check(key, v, x, bounds, unit);
  }

  /** A fraction 0..1, given as 0.04 or "4 %". */
  frac(key: string, fallback: DefaultName | number | null, bounds: Bounds = { min: 0, max: 1 }): number {
    const v = this.obj[key];
    if (v === undefined) return this.fallback(key, fallback, 'a fraction (0-1) or a percentage ("4 %")');
    const x = parseFraction(v);
    if (x === undefined) return this.ctx.fail(this.field(key), `expected a fraction (0-1) or a percentage such as "4 %", got ${show(v)}`);
    return this.check(key, v, x, { min: 0, max: 1, ...bounds }, 'fraction');
  }

  /** Money in GBP per `perUnit` ("" for a plain amount): 3.75, "£3.75", "£65/MWh" (converted to per kWh). */
  money(key: string, perUnit: string, fallback: DefaultName | number | null, bounds: Bounds = {}): number {
    const v = this.obj[key];
    const what = perUnit ? `an amount in GBP per ${perUnit} (e.g. 12 or "£12/${perUnit}")` : 'an amount in GBP (e.g. 3.75 or "£3.75")';
    if (v === undefined) return this.fallback(key, fallback, what);
    const x = parseMoney(v, perUnit);
    if (x === undefined) return this.ctx.fail(this.field(key), `expected ${what}, got ${show(v)}`);
    return this.check(key, v, x, bounds, perUnit ? `GBP/${perUnit}` : 'GBP');
  }

  /** A plain count. */
  count(key: string, fallback: number | null, bounds: Bounds = { min: 0, integer: true }): number {
    const v = this.obj[key];
    if (v === undefined) return this.fallback(key, fallback, 'a whole number');
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.ctx.fail(this.field(key), `expected a whole number, got ${show(v)}`);
    return this.check(key, v, v, { integer: true, min: 0, ...bounds }, '');
  }

  private fallback(key: string, fallback: DefaultName | number | null, what: string): number {
    if (fallback === null) return this.ctx.fail(this.field(key), `missing; expected ${what}`);
    if (typeof fallback === 'number') return fallback;
    this.ctx.defaulted[this.field(key)] = fallback;
    return DEFAULTS[fallback].value;
  }

  private check(key: string, given: unknown, x: number, b: Bounds, unit: string): number {
    const f = this.field(key);
    const u = unit && unit !== 'fraction' ? ` ${unit}` : '';
    if (!Number.isFinite(x)) return this.ctx.fail(f, `expected a finite value, got ${show(given)}`);
    if (b.integer && !Number.isInteger(x)) return this.ctx.fail(f, `expected a whole number, got ${show(given)}`);
    if (b.positive && !(x > (b.min ?? 0))) return this.ctx.fail(f, `expected a value above ${b.min ?? 0}${u}, got ${show(given)}`);
    // A fraction typed as a percentage is answered in percent: "at most 100 %", not "at most 1".
    const pct = unit === 'fraction' && typeof given === 'string' && given.includes('%');
    const bound = (n: number) => (pct ? `${Number((n * 100).toPrecision(6))} %` : `${n}${u}`);
    if (b.min !== undefined && x < b.min) return this.ctx.fail(f, `expected ${bound(b.min)} or more, got ${show(given)}`);
    if (b.max !== undefined && x > b.max) return this.ctx.fail(f, `expected at most ${bound(b.max)}, got ${show(given)}`);
    return x;
  }
}

/** "4 %", "4%", 0.04 -> 0.04; anything else undefined. A trailing "/yr" or "per year" is allowed for growth rates. */
export function parseFraction(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*(%)?\s*(?:\/\s*(?:yr|year|a)|per\s+year)?\s*$/i.exec(v);
  if (!m) return undefined;
  const x = Number(m[1]);
  return m[2] ? x / 100 : x;
}

/** 3.75, "£3.75", "3.75 GBP", "£65/MWh" -> GBP per `perUnit`. */
export function parseMoney(v: unknown, perUnit: string): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(-?)\s*£?\s*(\d+(?:\.\d+)?)\s*(?:GBP)?\s*(?:\/\s*(.+?))?\s*$/i.exec(v);
  if (!m) return undefined;
  const amount = Number((m[1] ?? '') + m[2]);
  const per = m[3];
  if (!per) return amount;
  if (!perUnit) return undefined;
  try {
    // "£65/MWh" = 65 GBP per 1 MWh; per kWh that is 65 / (1 MWh in kWh).
    const size = parseQuantity(`1 ${per}`, perUnit, 'money');
    return size > 0 ? amount / size : undefined;
  } catch {
    return undefined;
  }
}

/** "0.27 kgCO2e/km" or "0.27 kg CO2e/km" -> "0.27 kg/km": carbon labels are not units. */
function stripCarbon(v: unknown): unknown {
  return typeof v === 'string' ? v.replace(/\s*CO2e?\b/g, '') : v;
}

/** InputError messages start with "field: "; drop it because the collected issue carries the field separately. */
function stripField(e: InputError, field: string): string {
  const prefix = `${field}: `;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}
