// Totals of a multi-year projection: sums of the additive figures, mean and peak of per-year ones (homes powered).
// No imports, so the web page can read PER_YEAR_FIGURES without pulling in the engine.

/**
 * Per-year figures that do not add up over years: homes powered is how many homes a year's electricity would supply,
 * so 100 homes for 30 years is 100 homes, not 3,000. `totals` gives their mean over the years (`<key>_mean`) and
 * their largest year (`<key>_peak`); `totals.<key>` itself is kept for older scripts and now holds the mean (it was
 * a sum over years before 2 Dec 2026; docs/scenarios.md).
 */
export const PER_YEAR_FIGURES = ['homes_equivalent'] as const;
type PerYearFigure = (typeof PER_YEAR_FIGURES)[number];

/** Sums of the additive figures, and the mean and peak of each per-year figure. */
export type ProjectionTotals<Y> = Partial<Record<keyof Y, number>> & Partial<Record<`${PerYearFigure}_mean` | `${PerYearFigure}_peak`, number>>;

/** Fields not summed over the years in `totals` (rates or per-year characteristics). */
const NOT_ADDITIVE = new Set(['year', 'days', 'HRT_d', 'OLR_kgVS_m3_d', 'bins', 'cumulative_discounted_gbp', ...PER_YEAR_FIGURES]);

export function sumYears<Y extends object>(rows: readonly Y[]): ProjectionTotals<Y> {
  const totals: Record<string, number> = {};
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      if (typeof v !== 'number' || NOT_ADDITIVE.has(k)) continue;
      totals[k] = (totals[k] ?? 0) + v;
    }
  }
  for (const k of PER_YEAR_FIGURES) {
    const xs = rows.map((r) => (r as Record<string, unknown>)[k]).filter((v): v is number => typeof v === 'number');
    if (!xs.length) continue;
    const mean = xs.reduce((a, v) => a + v, 0) / xs.length;
    totals[`${k}_mean`] = mean;
    totals[`${k}_peak`] = Math.max(...xs);
    totals[k] = mean; // the old key, kept for scripts: the mean, never a sum over years
  }
  return totals as ProjectionTotals<Y>;
}
