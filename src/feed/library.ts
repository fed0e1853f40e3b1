// Feedstock lookup (with closest-name suggestions) and user additions/overrides from a JSON document.
import { InputError, show } from '../errors.js';
import { FEEDSTOCKS } from '../../models/feedstocks/index.js';
import { FIELD_UNITS, type Feedstock } from '../../models/feedstocks/types.js';
import { validateFeedstock } from './validate.js';

/** Looks a feedstock up by id (case-insensitive; also accepts its name). Unknown ids get the closest names suggested. */
export function findFeedstock(id: unknown, library: readonly Feedstock[] = FEEDSTOCKS, field = 'feedstock'): Feedstock {
  if (typeof id !== 'string' || id.trim() === '') throw new InputError(field, `expected a feedstock id such as "dog-faeces", got ${show(id)}`);
  const key = id.trim().toLowerCase();
  const hit = library.find((f) => f.id === key || f.name.toLowerCase() === key);
  if (hit) return hit;
  const close = closestIds(key, library.map((f) => f.id));
  throw new InputError(field, `unknown feedstock ${show(id)}; ${close.length ? `did you mean ${close.join(' or ')}? ` : ''}known: ${library.map((f) => f.id).join(', ')}`);
}

function closestIds(key: string, ids: readonly string[]): string[] {
  const scored = ids.map((id) => ({ id, d: id.includes(key) || key.includes(id) ? 0 : editDistance(key, id) }));
  scored.sort((a, b) => a.d - b.d);
  const best = scored[0];
  if (!best) return [];
  const limit = Math.max(2, Math.floor(key.length / 2));
  return scored.filter((s) => s.d <= limit && s.d <= best.d + 1).slice(0, 3).map((s) => s.id);
}

/** Levenshtein distance: number of single-character edits between two strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A bare number in a user file stands for a lab value: {value, low = high = value, unit of the field, evidence measured}. */
function expandShorthand(raw: Json, source: string): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'composition' && isObj(v)) out[k] = expandShorthand(v, source);
    else if (typeof v === 'number' && k in FIELD_UNITS) {
      out[k] = { value: v, low: v, high: v, unit: FIELD_UNITS[k as keyof typeof FIELD_UNITS], source, evidence: 'measured' };
    } else out[k] = v;
  }
  return out;
}

/** The sourced figures an override sets, as "BMP 237.7 NL CH4/kg VS (measured)", composition fields included. */
function replacedFigures(expanded: Json): string[] {
  const out: string[] = [];
  const one = (k: string, v: unknown) => {
    if (!isObj(v) || typeof v.value !== 'number') return;
    const unit = typeof v.unit === 'string' && v.unit ? ` ${v.unit}` : '';
    const ev = typeof v.evidence === 'string' ? ` (${v.evidence})` : '';
    out.push(`${k} ${v.value}${unit}${ev}`);
  };
  for (const [k, v] of Object.entries(expanded)) {
    if (k === 'composition' && isObj(v)) for (const [ck, cv] of Object.entries(v)) one(ck, cv);
    else one(k, v);
  }
  return out;
}

/** Merges a user file `{ "feedstocks": [ {...}, ... ] }` into the library. An entry whose id exists overrides the given
 *  fields of that record (composition field by field); a new id must be complete. Every result is validated as a whole,
 *  so nothing is half-applied: on any error the library is returned unchanged (an InputError is thrown). */
export function mergeFeedstocks(doc: unknown, base: readonly Feedstock[] = FEEDSTOCKS, fileLabel = 'feedstocks file'): Feedstock[] {
  const list = isObj(doc) ? doc.feedstocks : doc;
  if (!Array.isArray(list)) throw new InputError('feedstocks', `expected {"feedstocks": [ ... ]} or an array of feedstock records, got ${show(doc)}`);
  const out = base.slice();
  list.forEach((entry, i) => {
    const path = `feedstocks[${i}]`;
    if (!isObj(entry)) throw new InputError(path, `expected a feedstock object, got ${show(entry)}`);
    const expanded = expandShorthand(entry, `user: ${fileLabel}`);
    const idx = typeof entry.id === 'string' ? out.findIndex((f) => f.id === entry.id) : -1;
    let merged: Json = expanded;
    if (idx >= 0) {
      const prev = out[idx]! as unknown as Json;
      merged = { ...prev, ...expanded };
      if (isObj(expanded.composition)) merged.composition = { ...(prev.composition as Json), ...expanded.composition };
      // An override that changes a value without restating the caveat keeps the built-in caveat on purpose (the
      // figures it does not replace are still estimates), but says which figures now come from the user's file: the
      // built-in caveat quotes its own values (dog faeces: "BMP (250 ...)"), which would otherwise contradict them.
      if (typeof prev.caveat === 'string' && expanded.caveat === undefined) {
        const replaced = replacedFigures(expanded);
        if (replaced.length) merged.caveat = `${prev.caveat} Replaced by ${fileLabel}: ${replaced.join('; ')}; the rest of this caveat still applies.`;
      }
    }
    const rec = validateFeedstock(merged, path);
    if (idx >= 0) out[idx] = rec; else out.push(rec);
  });
  return out;
}
