// Finds the daily series a chart needs in a scenario result, whatever the engine names them exactly.
import type { ScenarioResultLike } from '../../../src/worker/engine.js';

type Daily = Record<string, ArrayLike<number> | unknown>;

const isSeries = (v: unknown): v is ArrayLike<number> => ArrayBuffer.isView(v) || (Array.isArray(v) && typeof v[0] === 'number');

export function findSeries(r: ScenarioResultLike | undefined, patterns: RegExp[]): { key: string; values: ArrayLike<number> } | undefined {
  const daily = (r?.daily ?? {}) as Daily;
  for (const p of patterns) {
    const key = Object.keys(daily).find((k) => p.test(k) && isSeries(daily[k]));
    if (key) return { key, values: daily[key] as ArrayLike<number> };
  }
  return undefined;
}

/** Day numbers for the x axis: the result's own time column, or 1..n. */
export function days(r: ScenarioResultLike | undefined, n: number): ArrayLike<number> {
  const t = findSeries(r, [/^t_d$/, /^day$/, /^t$/]);
  return t && t.values.length === n ? t.values : Array.from({ length: n }, (_, i) => i + 1);
}

export const BIOGAS = [/^biogas.*_d$/i, /biogas/i, /q_gas/i];
export const METHANE = [/^methane.*_d$/i, /methane/i, /ch4/i];
export const PH = [/^pH$/, /pH/];
export const FREE_NH3 = [/free_nh3/i, /nh3/i];

/** Every series as CSV columns: day plus each numeric column. */
export function dailyColumns(r: ScenarioResultLike): Array<{ key: string; values: ArrayLike<number> }> {
  const daily = r.daily as Daily;
  return Object.keys(daily).filter((k) => isSeries(daily[k])).map((k) => ({ key: k, values: daily[k] as ArrayLike<number> }));
}

/** The annual figures as a plain name -> number map. */
export function annualOf(r: ScenarioResultLike | undefined): Record<string, number> {
  return (r?.annual ?? {}) as unknown as Record<string, number>;
}

/** The compared year of a daily series (the run starts with a start-up period): indices [from, to). */
export function yearWindow(r: ScenarioResultLike | undefined, n: number): [number, number] {
  const from = Math.min(n, Math.max(0, r?.run?.startup_d ?? 0));
  return [from, Math.min(n, from + 365)];
}
