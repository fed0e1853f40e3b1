// en-GB number formatting with cached formatters: x.toLocaleString('en-GB', ...) builds a new ICU formatter on every
// call (~40-70 us in Node), which a scenario's messages and verdict did dozens of times per run. Same output.
const cache = new Map<number, Intl.NumberFormat>();

/** x.toLocaleString('en-GB') (maximumFractionDigits 3, the default), or with at most `maxFractionDigits`. */
export function formatGB(x: number, maxFractionDigits = 3): string {
  let f = cache.get(maxFractionDigits);
  if (!f) { f = new Intl.NumberFormat('en-GB', { maximumFractionDigits: maxFractionDigits }); cache.set(maxFractionDigits, f); }
  return f.format(x);
}
