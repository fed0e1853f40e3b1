// Every source key the product cites ([Key]) is an entry of docs/sources.md, and every default, parameter and
// feedstock figure names a source key or says that it is an estimate or computed
// (an estimate names the docs section where its derivation is written out).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { DEFAULTS } from '../src/scenario/defaults.js';
import { PARAMETERS, MODEL_SOURCES } from '../models/adm1/parameters.js';
import { FEEDSTOCKS } from '../models/feedstocks/index.js';
import { literatureRangeWarnings } from '../src/simulate/validate.js';

const doc = readFileSync(new URL('../docs/sources.md', import.meta.url), 'utf8');
const entries = [...doc.matchAll(/^- \*\*\[([A-Za-z0-9]+)\]\*\*/gm)].map((m) => m[1]!);
/** Keys as the product writes them: a capital, letters, then digits or more letters, e.g. [Banks2011], [OfgemTDCV]. */
const KEY = /\[([A-Z][A-Za-z0-9]{3,})\]/g;
const keysIn = (text: string): string[] => [...text.matchAll(KEY)].map((m) => m[1]!);

/** Every source text of the data the product shows: [where, text]. */
function sourceTexts(): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, d] of Object.entries(DEFAULTS)) out.push([`default ${name}`, d.source]);
  for (const p of PARAMETERS) out.push([`parameter ${p.name}`, p.source]);
  for (const p of PARAMETERS) if (p.range) out.push([`parameter ${p.name} range`, p.range_source ?? '']);
  MODEL_SOURCES.forEach((s, i) => out.push([`model source ${i}`, s]));
  for (const f of FEEDSTOCKS) {
    if (f.caveat) out.push([`${f.id}.caveat`, f.caveat]);
    const walk = (o: unknown, path: string): void => {
      if (!o || typeof o !== 'object') return;
      const rec = o as Record<string, unknown>;
      if (typeof rec.source === 'string' && typeof rec.value === 'number') { out.push([`${f.id}.${path}`, rec.source]); return; }
      for (const [k, v] of Object.entries(rec)) walk(v, path ? `${path}.${k}` : k);
    };
    walk(f, '');
  }
  return out;
}

describe('docs/sources.md', () => {
  it('has entries, each key once, in alphabetical order', () => {
    expect(entries.length).toBeGreaterThan(40);
    expect(new Set(entries).size).toBe(entries.length);
    const sorted = [...entries].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    expect(entries).toEqual(sorted);
  });

  it('has an entry for every key a default, parameter or feedstock record cites', () => {
    const known = new Set(entries);
    const missing = sourceTexts().flatMap(([where, text]) => keysIn(text).filter((k) => !known.has(k)).map((k) => `${where}: [${k}]`));
    expect(missing).toEqual([]);
  });

  it('every key cited in the docs, the README and the bundled scenarios has an entry', () => {
    const known = new Set(entries);
    const files = ['README.md', ...readdirSync(new URL('../docs/', import.meta.url)).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
      ...readdirSync(new URL('../scenarios/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => `scenarios/${f}`)];
    const missing = files.flatMap((f) => keysIn(readFileSync(new URL(`../${f}`, import.meta.url), 'utf8')).filter((k) => !known.has(k)).map((k) => `${f}: [${k}]`));
    expect(missing).toEqual([]);
  });

  it('every figure names a source key, or says it is an estimate or computed', () => {
    const bare = sourceTexts().filter(([, text]) => keysIn(text).length === 0 && !/estimate|computed|physics|no primary source traced|docs\/[a-z-]+\.md/i.test(text))
      .map(([where, text]) => `${where}: ${text}`);
    expect(bare).toEqual([]);
  });

  it('the key pattern finds keys and skips tags such as [S] or [D]', () => {
    expect(keysIn('a [Banks2011] b [S] c [D] d [OfgemTDCV] e [EU142of2011]')).toEqual(['Banks2011', 'OfgemTDCV', 'EU142of2011']);
  });

  it('no parameter range is credited to the BSM2 report, which gives values only: a range cites its own source or says estimate', () => {
    const wrong = PARAMETERS.filter((p) => p.range).filter((p) => {
      const text = p.range_source ?? '';
      const keys = keysIn(text).filter((k) => k !== 'RosenJeppsson2006');
      return !(keys.length > 0 || /estimate/i.test(text));
    }).map((p) => p.name);
    expect(wrong).toEqual([]);
    expect(PARAMETERS.filter((p) => p.range).length).toBeGreaterThan(10);
    // The warning for a value outside the range names the range's own source, not the BSM2 report.
    const [w] = literatureRangeWarnings({ k_m_ac: 20 });
    expect(w).toMatch(/k_m_ac = 20 .* outside its plausible range 5-12 \(estimate/);
    expect(w).not.toMatch(/RosenJeppsson2006/);
  });
});
