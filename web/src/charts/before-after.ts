// What a parameter change did: the parameters that differ between two runs, a title naming them, before/after overlay
// charts of a daily series over the compared year, and changes in the right unit (pH in pH units, never percent).
import type { ChartConfiguration } from 'chart.js';
import { parameterDef } from '../../../models/adm1/parameters.js';
import type { ScenarioResultLike } from '../../../src/worker/engine.js';
import { fmt } from '../fields/metrics.js';
import { colour, dash } from './palette.js';
import { findSeries, yearWindow } from './series.js';

/** A parameter absent from a run's overrides ran at its table default: `before`/`after` then hold the default. */
export interface ParameterChange { name: string; unit: string; before?: number; after?: number; beforeDefault?: boolean; afterDefault?: boolean }

/** The ADM1 parameters whose values differ between the runs (the mixture's hydrolysis rates included), by name. */
export function changedParameters(before: ScenarioResultLike, after: ScenarioResultLike): ParameterChange[] {
  const a = before.run?.parameters ?? {}, b = after.run?.parameters ?? {};
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((n) => a[n] !== b[n] && !(Number.isNaN(a[n]) && Number.isNaN(b[n])))
    .map((n) => {
      const def = parameterDef(n);
      return { name: n, unit: def?.unit ?? '', before: a[n] ?? def?.value, after: b[n] ?? def?.value, ...(a[n] === undefined ? { beforeDefault: true } : {}), ...(b[n] === undefined ? { afterDefault: true } : {}) };
    });
}

// Parameter values to 4 significant figures (fmt's fixed decimals would show 0.0018 as 0.002).
const val = (x: number | undefined, unit: string, isDefault = false) => (x === undefined ? 'default'
  : `${Number(x.toPrecision(4))}${unit && unit !== '-' ? ` ${unit}` : ''}${isDefault ? ' (default)' : ''}`);

/** "K_I_nh3 0.0018 → 0.0036 M", or the names when several changed; "no parameter changed" when the runs differ otherwise. */
export function changeTitle(changes: ParameterChange[]): string {
  if (changes.length === 0) return 'no ADM1 parameter changed (another input did)';
  if (changes.length === 1) { const c = changes[0]!; return `${c.name} ${val(c.before, c.unit, c.beforeDefault)} → ${val(c.after, c.unit, c.afterDefault)}`; }
  const shown = changes.slice(0, 4).map((c) => c.name).join(', ');
  return `${changes.length} parameters changed (${shown}${changes.length > 4 ? ', …' : ''})`;
}

/** Short dataset labels: "before (K_I_nh3 = 0.0018)". */
function runLabel(which: 'before' | 'after', changes: ParameterChange[]): string {
  if (changes.length !== 1) return which;
  const c = changes[0]!;
  return `${which} (${c.name} = ${which === 'before' ? val(c.before, c.unit, c.beforeDefault) : val(c.after, c.unit, c.afterDefault)})`;
}

/** One daily series of both runs over the compared year (after start-up), on one axis. */
export function overlayConfig(before: ScenarioResultLike, after: ScenarioResultLike, patterns: RegExp[], what: string, unit: string,
  changes: ParameterChange[]): ChartConfiguration | undefined {
  const pts = (r: ScenarioResultLike) => {
    const s = findSeries(r, patterns);
    if (!s) return undefined;
    const [from, to] = yearWindow(r, s.values.length);
    return Array.from(s.values).slice(from, to).map((y, k) => ({ x: k + 1, y }));
  };
  const b = pts(before), a = pts(after);
  if (!a || !b) return undefined;
  return {
    type: 'line',
    data: {
      datasets: [
        { label: runLabel('before', changes), data: b, borderColor: colour(1), backgroundColor: colour(1), borderDash: dash(1), borderWidth: 1.5, pointRadius: 0 },
        { label: runLabel('after', changes), data: a, borderColor: colour(0), backgroundColor: colour(0), borderWidth: 1.5, pointRadius: 0 },
      ],
    },
    options: {
      parsing: false,
      plugins: { title: { display: true, text: `${what} before and after: ${changeTitle(changes)}` }, legend: { position: 'bottom' } },
      scales: { x: { type: 'linear', title: { display: true, text: 'day of the compared year (after start-up)' } }, y: { title: { display: true, text: unit } } },
    },
  };
}

/**
 * A change in words: pH (a logarithmic scale, where a percentage means nothing) in pH units; other figures as an
 * absolute change with its percentage of the value before.
 */
export function changeText(before: number | undefined, after: number | undefined, unit: string): string {
  if (before === undefined || after === undefined) return '–';
  const d = after - before;
  if (d === 0) return 'no change';
  const sign = d > 0 ? '+' : '−';
  if (unit === 'pH') return `${sign}${Math.abs(d).toFixed(Math.abs(d) < 0.01 ? 3 : 2)} pH units`;
  const pct = before ? ` (${sign}${fmt(Math.abs((100 * d) / before))} %)` : '';
  return `${sign}${fmt(Math.abs(d))}${pct}`;
}
