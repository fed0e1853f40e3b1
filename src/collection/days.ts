// Collection calendars: on which simulated days a round empties the bins, and how many days of filling each emptying holds.
import type { Frequency } from '../scenario/types.js';

/** Nominal days between emptyings (twice weekly: 3.5 on average). */
export function intervalDays(f: Frequency): number {
  switch (f.kind) {
    case 'twice-weekly': return 3.5;
    case 'weekly': return 7;
    case 'fortnightly': return 14;
    case 'every': return f.every_d;
  }
}

/** Emptyings per year of 365 days, on average. */
export function emptyingsPerYear(f: Frequency): number {
  return 365 / intervalDays(f);
}

/**
 * Collection days in [0, days): weekly on first_day + 7k, fortnightly + 14k, every N on + Nk, twice weekly on
 * first_day + 7k and first_day + 3 + 7k (e.g. Monday and Thursday). Each entry carries the days of filling it empties:
 * the gap since the previous emptying (for the first one, the same gap as in steady operation).
 */
export function collectionDays(f: Frequency, first_day: number, days: number): { day: number; filling_d: number }[] {
  const offsets: number[] = [];
  const period = f.kind === 'twice-weekly' ? 7 : intervalDays(f);
  const start = first_day % period;
  if (f.kind === 'twice-weekly') {
    // Days 0 and 3 of each week, shifted by first_day; gaps alternate 3 and 4 days.
    for (let w = -1; w * 7 < days + 7; w++) { offsets.push(w * 7 + start, w * 7 + start + 3); }
  } else {
    for (let k = -1; k * period < days + period; k++) offsets.push(k * period + start);
  }
  offsets.sort((a, b) => a - b);
  const out: { day: number; filling_d: number }[] = [];
  for (let i = 1; i < offsets.length; i++) {
    const day = offsets[i]!;
    if (day >= 0 && day < days) out.push({ day, filling_d: day - offsets[i - 1]! });
  }
  return out;
}
