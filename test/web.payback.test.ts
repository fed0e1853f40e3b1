// The projection's payback card says each thing once: the year or "never", what it means, and a range that adds to it.
import { describe, expect, it } from 'vitest';
import { paybackCard, type Economics } from '../web/src/state/economics.js';

const econ = (payback_yr: number | null): Economics => ({ capex_items: [], cashflows_gbp: [], switching_values: [], lifetime_yr: 20, discount_rate: 0.035, payback_yr });
/** The card as one text, and whether any word group of 3+ words appears twice in it (the repetition found in review). */
const said = (c: ReturnType<typeof paybackCard>) => [c.big, c.what, c.range ?? ''].join(' | ');
const repeats = (t: string) => {
  const w = t.toLowerCase().replace(/[|,:()]/g, ' ').split(/\s+/).filter(Boolean);
  const seen = new Set<string>();
  for (let i = 0; i + 3 <= w.length; i++) { const k = w.slice(i, i + 3).join(' '); if (seen.has(k)) return k; seen.add(k); }
  return undefined;
};

describe('payback card', () => {
  it('never paying back: said once, and the range says how sure rather than "never to never"', () => {
    const c = paybackCard(econ(null), { p10: null, p90: null });
    expect(c.big).toBe('never');
    expect(c.what).toMatch(/within the 20-year plant life/);
    expect(c.range).toBe('likely range: never, in at least 9 of 10 simulations');
    expect(said(c)).not.toMatch(/never to never/);
    expect(repeats(said(c))).toBeUndefined();
    expect(said(c).match(/plant life/g)).toHaveLength(1);
  });

  it('a payback year: the year once, the range as "year 6 to 9"', () => {
    const c = paybackCard(econ(7), { p10: 6, p90: 9 });
    expect(c.big).toBe('year 7');
    expect(c.range).toBe('likely range: year 6 to 9');
    expect(said(c).match(/year 7/g)).toHaveLength(1);
    expect(repeats(said(c))).toBeUndefined();
  });

  it('a range running past the plant life, a range equal to the centre, and no range yet', () => {
    expect(paybackCard(econ(12), { p10: 9, p90: null }).range).toBe('likely range: year 9 to never within the 20-year plant life');
    const same = paybackCard(econ(5), { p10: 5, p90: 5 });
    expect(same.range).toBe('likely range: year 5 in at least 8 of 10 simulations');
    const none = paybackCard(econ(5));
    expect(none.range).toBeUndefined();
    expect(repeats(said(paybackCard(econ(12), { p10: 9, p90: null })))).toBeUndefined();
    const never = paybackCard(econ(null), { p10: 6, p90: null });
    expect(never.range).toBe('likely range: year 6 to never');
    expect(repeats(said(never))).toBeUndefined();
  });
});
