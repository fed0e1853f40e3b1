// The compare verdict names a change of collection, which the whole-life NPV (same bins, emptied the same way) leaves out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/pipeline/run.js';
import { compareScenarios } from '../src/compare/compare.js';
import { collectionChangeNote } from '../src/compare/collection-note.js';
import { money } from '../src/appraisal/verdict.js';

const bundled = (f: string) => runScenario(JSON.parse(readFileSync(new URL(`../scenarios/${f}`, import.meta.url), 'utf8')));

describe('collection change in the compare verdict', () => {
  it('says what emptying the bins fortnightly saves against a weekly baseline, and nothing where collection is the same', () => {
    const base = bundled('baseline-efw.json'), weekly = bundled('weekly-small-digester.json'), fortnightly = bundled('fortnightly-small-digester.json');
    const c = compareScenarios([base, weekly, fortnightly]);
    const saved = base.annual.collection_cost_gbp - fortnightly.annual.collection_cost_gbp;
    expect(saved).toBeGreaterThan(0);
    const f = c.scenarios.find((s) => s.name === fortnightly.name)!;
    expect(f.verdict.startsWith(fortnightly.verdict)).toBe(true);
    // Plain English ("saves X a year compared with", not "saves X a year than in"), and the NPV it leaves out quoted beside it.
    expect(f.verdict).toContain(`Emptying the bins as this scenario does saves ${money(saved)} a year compared with "${base.name}". That saving is not in the NPV (${fortnightly.economics.npv_gbp < 0 ? '-' : ''}${money(fortnightly.economics.npv_gbp)}) above`);
    expect(f.verdict).not.toMatch(/a year than in/);
    // Weekly collection as in the baseline: the verdict is the scenario's own.
    expect(c.scenarios.find((s) => s.name === weekly.name)!.verdict).toBe(weekly.verdict);
    expect(c.scenarios.find((s) => s.name === base.name)!.verdict).toBe(base.verdict);
  });

  it('stays quiet within 0.5 % and for missing figures, and says "more" when collection costs more', () => {
    expect(collectionChangeNote(1000, 1004, 'B')).toBeUndefined();
    expect(collectionChangeNote(undefined, 1000, 'B')).toBeUndefined();
    expect(collectionChangeNote(Number.NaN, 1000, 'B')).toBeUndefined();
    expect(collectionChangeNote(2000, 1000, 'B')).toBe('Emptying the bins as this scenario does costs £1,000 a year more than "B". That cost is not in the NPV above, which compares the same bins, emptied the same way, with today\'s route (see the money rows).');
    expect(collectionChangeNote(1000, 2000, 'B', -56400)).toContain('saves £1,000 a year compared with "B". That saving is not in the NPV (-£56,400) above');
  });
});
