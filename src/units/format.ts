// en-GB number formatting with cached formatters: x.toLocaleString('en-GB', ...) builds a new ICU formatter on every
// call (~40-70 us in Node), which a scenario's messages and verdict did dozens of times per run. Same output.
const cache = new Map<number, Intl.NumberFormat>();

/** x.toLocaleString('en-GB') (maximumFractionDigits 3, the default), or with at most `maxFractionDigits`. */
export function formatGB(x: number, maxFractionDigits = 3): string {
  let f = cache.get(maxFractionDigits);
  if (!f) { f = new Intl.NumberFormat('en-GB', { maximumFractionDigits: maxFractionDigits }); cache.set(maxFractionDigits, f); }
  return f.format(x);
}

const fixed = new Map<number, Intl.NumberFormat>();

/** x in en-GB with exactly `digits` decimals (trailing zeros kept: 4.20, so a column of figures lines up). */
export function formatFixedGB(x: number, digits: number): string {
  let f = fixed.get(digits);
  if (!f) { f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }); fixed.set(digits, f); }
  return f.format(x);
}
