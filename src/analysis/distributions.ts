// Input distributions for uncertainty and sensitivity analysis: uniform, triangular, (truncated) normal, each stated
// per input, mapped from a unit sample u in (0,1) by its inverse CDF (so Latin hypercube strata carry over).
import { InputError, expected, unknownField } from '../errors.js';
import { normalCdf, normalQuantile } from './special.js';

export type Distribution =
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'triangular'; low: number; mode: number; high: number }
  /** Normal with optional truncation bounds (either may be omitted). */
  | { kind: 'normal'; mean: number; sd: number; low?: number; high?: number }
  /** Log-uniform: uniform in log space, for rate constants spanning decades. */
  | { kind: 'loguniform'; low: number; high: number };

/** An uncertain input: a name (parameter or scenario path) and its distribution. */
export interface UncertainInput {
  name: string;
  dist: Distribution;
  /** Unit, for reports only. */
  unit?: string;
  /** Where the range comes from (source or "estimate"). */
  source?: string;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Validates a distribution; the field names the input in errors ("inputs.k_dis.high"). */
/** The fields each kind of distribution has; any other is a typo and an error. */
const DIST_KEYS: Record<string, readonly string[]> = {
  uniform: ['kind', 'low', 'high'], loguniform: ['kind', 'low', 'high'], triangular: ['kind', 'low', 'mode', 'high'],
  normal: ['kind', 'mean', 'sd', 'low', 'high'],
};

export function checkDistribution(field: string, d: Distribution): Distribution {
  if (!d || typeof d !== 'object' || Array.isArray(d)) expected(field, 'a distribution object', d);
  const keys = typeof d.kind === 'string' && Object.prototype.hasOwnProperty.call(DIST_KEYS, d.kind) ? DIST_KEYS[d.kind]! : null;
  if (keys) for (const k of Object.keys(d)) if (!keys.includes(k)) unknownField(`${field}.${k}`, k, keys, `field of a ${d.kind} distribution`);
  switch (d.kind) {
    case 'uniform':
    case 'loguniform':
      if (!finite(d.low)) expected(`${field}.low`, 'a finite number', d.low);
      if (!finite(d.high)) expected(`${field}.high`, 'a finite number', d.high);
      if (!(d.low < d.high)) throw new InputError(field, `bounds inverted or empty: low ${d.low} must be below high ${d.high}`);
      if (!finite(d.high - d.low)) expected(field, 'a range whose width (high - low) is a finite number', `${d.low}..${d.high}`);
      if (d.kind === 'loguniform' && !(d.low > 0)) expected(`${field}.low`, 'a positive number for a log-uniform range', d.low);
      return d;
    case 'triangular':
      if (!finite(d.low)) expected(`${field}.low`, 'a finite number', d.low);
      if (!finite(d.high)) expected(`${field}.high`, 'a finite number', d.high);
      if (!finite(d.mode)) expected(`${field}.mode`, 'a finite number', d.mode);
      if (!(d.low < d.high)) throw new InputError(field, `bounds inverted or empty: low ${d.low} must be below high ${d.high}`);
      if (!finite(d.high - d.low)) expected(field, 'a range whose width (high - low) is a finite number', `${d.low}..${d.high}`);
      if (!(d.mode >= d.low && d.mode <= d.high)) expected(`${field}.mode`, `a value within [${d.low}, ${d.high}]`, d.mode);
      return d;
    case 'normal':
      if (!finite(d.mean)) expected(`${field}.mean`, 'a finite number', d.mean);
      if (!finite(d.sd) || d.sd <= 0) expected(`${field}.sd`, 'a positive number', d.sd);
      if (!finite(d.mean - 5 * d.sd) || !finite(d.mean + 5 * d.sd)) expected(`${field}.sd`, 'a standard deviation small enough that mean ± 5 sd is finite', d.sd);
      if (d.low !== undefined && !finite(d.low)) expected(`${field}.low`, 'a finite number', d.low);
      if (d.high !== undefined && !finite(d.high)) expected(`${field}.high`, 'a finite number', d.high);
      if (d.low !== undefined && d.high !== undefined && !(d.low < d.high)) throw new InputError(field, `bounds inverted or empty: low ${d.low} must be below high ${d.high}`);
      return d;
    default:
      return expected(`${field}.kind`, '"uniform", "triangular", "normal" or "loguniform"', (d as { kind?: unknown }).kind);
  }
}

/** Inverse CDF: maps u in [0,1] to a value of the distribution. */
export function quantile(d: Distribution, u: number): number {
  switch (d.kind) {
    case 'uniform': return d.low + u * (d.high - d.low);
    case 'loguniform': return Math.exp(Math.log(d.low) + u * (Math.log(d.high) - Math.log(d.low)));
    case 'triangular': {
      const w = d.high - d.low;
      const fc = (d.mode - d.low) / w;
      return u < fc ? d.low + Math.sqrt(u * w * (d.mode - d.low)) : d.high - Math.sqrt((1 - u) * w * (d.high - d.mode));
    }
    case 'normal': {
      // Truncation by inverse-CDF restriction: u is rescaled to [Phi(a), Phi(b)] so every sample lands inside.
      const pa = d.low === undefined ? 0 : normalCdf((d.low - d.mean) / d.sd);
      const pb = d.high === undefined ? 1 : normalCdf((d.high - d.mean) / d.sd);
      const p = Math.min(1 - 1e-12, Math.max(1e-12, pa + u * (pb - pa)));
      let x = d.mean + d.sd * normalQuantile(p);
      if (d.low !== undefined && x < d.low) x = d.low;
      if (d.high !== undefined && x > d.high) x = d.high;
      return x;
    }
  }
}

/** A finite range covering the distribution: its bounds, or mean ± 2 sd for an untruncated normal (Morris levels, local steps). */
export function support(d: Distribution): [number, number] {
  switch (d.kind) {
    case 'uniform': case 'loguniform': case 'triangular': return [d.low, d.high];
    case 'normal': return [d.low ?? d.mean - 2 * d.sd, d.high ?? d.mean + 2 * d.sd];
  }
}

/** The central value: mode of a triangular, mean of a normal, midpoint of a uniform, geometric mean of a log-uniform. */
export function centre(d: Distribution): number {
  switch (d.kind) {
    case 'uniform': return (d.low + d.high) / 2;
    case 'loguniform': return Math.sqrt(d.low * d.high);
    case 'triangular': return d.mode;
    case 'normal': return Math.min(d.high ?? Infinity, Math.max(d.low ?? -Infinity, d.mean));
  }
}

/** Short description for reports: "triangular(0.2, 0.3, 0.5)". */
export function describe(d: Distribution): string {
  switch (d.kind) {
    case 'uniform': return `uniform(${d.low}, ${d.high})`;
    case 'loguniform': return `loguniform(${d.low}, ${d.high})`;
    case 'triangular': return `triangular(${d.low}, ${d.mode}, ${d.high})`;
    case 'normal': return `normal(${d.mean}, sd ${d.sd}${d.low !== undefined || d.high !== undefined ? `, in [${d.low ?? '-inf'}, ${d.high ?? 'inf'}]` : ''})`;
  }
}
