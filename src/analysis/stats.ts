// Descriptive statistics for analysis results: percentiles (P10/P50/P90), mean, standard deviation.

/** Percentile q in [0,1] of finite values, linear interpolation between order statistics (Hyndman & Fan type 7). */
export function percentile(values: ArrayLike<number>, q: number): number {
  const v = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  return percentileSorted(v, q);
}

/** Percentile of an already sorted array of finite values; NaN when empty. */
export function percentileSorted(v: ArrayLike<number>, q: number): number {
  const n = v.length;
  if (n === 0) return NaN;
  if (n === 1) return v[0]!;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return v[lo]! + (h - lo) * (v[hi]! - v[lo]!);
}

/**
 * Nearest-rank percentile (Hyndman & Fan type 1) of an already sorted array: always one of the values, so a figure
 * that is a whole number in every sample (a payback year) stays a whole number. NaN when empty.
 */
export function percentileNearestRank(v: ArrayLike<number>, q: number): number {
  const n = v.length;
  if (n === 0) return NaN;
  return v[Math.min(n - 1, Math.max(0, Math.ceil(Math.min(1, Math.max(0, q)) * n) - 1))]!;
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return values.length ? s / values.length : NaN;
}

/** Sample variance (n - 1 denominator). */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i]! - m) ** 2;
  return s / (n - 1);
}

export function sd(values: ArrayLike<number>): number {
  return Math.sqrt(variance(values));
}

/** Summary of a scalar output over a sample. */
export interface Summary {
  n: number;
  mean: number;
  sd: number;
  min: number;
  p10: number;
  p50: number;
  p90: number;
  max: number;
}

export function summarise(values: ArrayLike<number>): Summary {
  const v = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  return {
    n: v.length,
    mean: mean(v),
    sd: sd(v),
    min: v.length ? v[0]! : NaN,
    p10: percentileSorted(v, 0.1),
    p50: percentileSorted(v, 0.5),
    p90: percentileSorted(v, 0.9),
    max: v.length ? v[v.length - 1]! : NaN,
  };
}
