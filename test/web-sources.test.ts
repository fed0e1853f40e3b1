// The page's reading of docs/sources.md: every key a default cites resolves to its citation text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationsIn, parseSources, sourceTooltip } from '../web/src/fields/sources.js';
import { DEFAULTS } from '../src/scenario/defaults.js';

const md = readFileSync(new URL('../docs/sources.md', import.meta.url), 'utf8');

describe('web bibliography', () => {
  it('reads every entry of docs/sources.md with its continuation lines, without markdown marks', () => {
    const entries = parseSources(md);
    expect(entries.size).toBe((md.match(/^- \*\*\[/gm) ?? []).length);
    const b = entries.get('Batstone2002')!;
    expect(b).toMatch(/^Batstone D\.J\..*IWA Scientific and Technical Report No\. 13.*chapter 6/);
    expect(b).not.toMatch(/\*|`/);
  });

  it('resolves every source key that a scenario default cites', () => {
    for (const [name, d] of Object.entries(DEFAULTS)) {
      const keys = [...new Set([...d.source.matchAll(/\[([A-Za-z][A-Za-z0-9]*)\]/g)].map((m) => m[1]))];
      expect(citationsIn(d.source).map((c) => c.key), name).toEqual(keys);
    }
  });

  it('leaves a source without keys as it is, and appends citations to one with keys', () => {
    expect(sourceTooltip('computed')).toBe('computed');
    expect(sourceTooltip(undefined)).toBe('');
    expect(sourceTooltip('see [Banks2011]')).toMatch(/^see \[Banks2011\]\n\n\[Banks2011\] Banks C\.J\./);
  });
});
