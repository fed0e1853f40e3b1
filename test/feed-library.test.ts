// The feedstock library: every record validates; lookups suggest names; user overrides go through the same checks.
import { describe, expect, test } from 'vitest';
import { FEEDSTOCKS } from '../models/feedstocks/index.js';
import { findFeedstock, mergeFeedstocks, validateFeedstock, buswell, CH4_NL_PER_KG_COD, codPerVs } from '../src/feed/index.js';
import { InputError } from '../src/errors.js';
import { feedAmounts } from '../src/feed/characterise.js';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const dog = () => clone(findFeedstock('dog-faeces')) as unknown as Record<string, any>;

describe('built-in records', () => {
  test('the library has the streams the issue asks for', () => {
    const ids = FEEDSTOCKS.map((f) => f.id);
    for (const id of ['dog-faeces', 'food-waste', 'garden-waste', 'grass', 'cattle-slurry', 'pig-slurry', 'sewage-sludge']) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  test.each(FEEDSTOCKS.map((f) => [f.id, f] as const))('%s validates and its BMP is below Buswell theory', (_id, f) => {
    expect(validateFeedstock(clone(f))).toEqual(f);
    // Theoretical methane from the composition by Buswell on each fraction's formula, independent of the COD route.
    const c = f.composition;
    const th = c.carbohydrate.value * buswell('C6H10O5').CH4_NL_kg + c.protein.value * buswell('C5H7O2N').CH4_NL_kg
      + c.lipid.value * buswell('C57H104O6').CH4_NL_kg + c.lignin.value * buswell('C10H12O3').CH4_NL_kg;
    expect(f.BMP.value).toBeLessThan(th);
    expect(f.BMP.high).toBeLessThanOrEqual(th * 1.05);
  });
  test('dog faeces is marked as an estimate with a caveat', () => {
    const f = findFeedstock('dog-faeces');
    expect(f.BMP.evidence).toBe('estimate');
    expect(f.caveat).toMatch(/no peer-reviewed standard BMP/);
  });
});

describe('lookup', () => {
  test('finds by id, case-insensitive', () => {
    expect(findFeedstock('Food-Waste').id).toBe('food-waste');
  });
  test('unknown names suggest the closest', () => {
    expect(() => findFeedstock('dog-feces')).toThrow(/unknown feedstock "dog-feces"; did you mean dog-faeces/);
    expect(() => findFeedstock('dog')).toThrow(/did you mean dog-faeces/);
    expect(() => findFeedstock('pig slury')).toThrow(/pig-slurry/);
    expect(() => findFeedstock('zzzzzzzzzz')).toThrow(InputError);
  });
});

describe('validation errors name the field', () => {
  test('fractions must sum to 1', () => {
    const d = dog(); d.composition.protein.value = 0.5; d.composition.protein.high = 0.6;
    expect(() => validateFeedstock(d)).toThrow(/feedstock\[dog-faeces\]\.composition: fractions must sum to 1/);
  });
  test('ranges must be ordered', () => {
    const d = dog(); d.TS.low = 0.5;
    expect(() => validateFeedstock(d)).toThrow(/feedstock\[dog-faeces\]\.TS: range not ordered/);
  });
  test('units must match the field', () => {
    const d = dog(); d.BMP.unit = 'L CH4/kg FM';
    expect(() => validateFeedstock(d)).toThrow(/BMP\.unit: expected "NL CH4\/kg VS"/);
  });
  test('BMP above theoretical is rejected', () => {
    const d = dog();
    const cod = codPerVs({ carbohydrate: 0.49, protein: 0.39, lipid: 0.09, lignin: 0.03 }).total;
    d.BMP = { ...d.BMP, value: Math.ceil(cod * CH4_NL_PER_KG_COD) + 1, high: 1200 };
    expect(() => validateFeedstock(d)).toThrow(/BMP: .* exceeds the theoretical maximum/);
  });
  test('a BMP that ADM1 cannot produce after biomass growth is accepted (below theory), with the shortfall said', () => {
    const d = dog();
    d.BMP = { ...d.BMP, value: 490, high: 500 };   // below 509 (theory) but needs > non-lignin COD after biomass growth
    const f = validateFeedstock(d);
    expect(feedAmounts(f, '1 kg/d').warnings.join(' ')).toMatch(/BMP 490 NL CH4\/kg VS is accepted .* at most [0-9.]+ NL CH4\/kg VS .* short by/);
  });
  test('ammonium above total N is rejected', () => {
    const d = dog(); d.NH4_N = { ...d.NH4_N, value: 20, high: 20 };
    expect(() => validateFeedstock(d)).toThrow(/NH4_N: ammonium N 20/);
  });
  test('missing source or bad evidence', () => {
    const d = dog(); d.pH.source = '';
    expect(() => validateFeedstock(d)).toThrow(/pH\.source/);
    const e = dog(); e.pH.evidence = 'guess';
    expect(() => validateFeedstock(e)).toThrow(/pH\.evidence/);
  });
});

describe('user overrides and additions', () => {
  test('an override replaces only the given fields and is validated', () => {
    const lib = mergeFeedstocks({ feedstocks: [{ id: 'dog-faeces', BMP: 280, TS: 0.25 }] });
    const d = findFeedstock('dog-faeces', lib);
    expect(d.BMP.value).toBe(280);
    expect(d.BMP.evidence).toBe('measured');
    expect(d.TS.value).toBe(0.25);
    expect(d.VS_TS).toEqual(findFeedstock('dog-faeces').VS_TS);
    expect(findFeedstock('dog-faeces').BMP.value).toBe(250);   // the built-in is untouched
  });
  test('an override keeps the built-in caveat but names the figures it replaced, so the caveat no longer contradicts them', () => {
    const builtIn = findFeedstock('dog-faeces').caveat!;
    expect(builtIn).toMatch(/BMP \(250 NL CH4\/kg VS/);
    const lib = mergeFeedstocks({ feedstocks: [{ id: 'dog-faeces', BMP: { value: 237.7, low: 236.1, high: 239.4, unit: 'NL CH4/kg VS', source: 'lab fit', evidence: 'measured' }, k_hyd: 0.159 }] }, FEEDSTOCKS, 'my-feedstocks.json');
    const c = findFeedstock('dog-faeces', lib).caveat!;
    expect(c.startsWith(builtIn)).toBe(true);
    expect(c).toMatch(/Replaced by my-feedstocks\.json: BMP 237\.7 NL CH4\/kg VS \(measured\); k_hyd 0\.159 1\/d \(measured\); the rest of this caveat still applies\./);
    // A record without a caveat gets none, and an override that restates the caveat keeps the user's words.
    expect(findFeedstock('grass', mergeFeedstocks({ feedstocks: [{ id: 'grass', BMP: 260 }] })).caveat).toBeUndefined();
    expect(findFeedstock('dog-faeces', mergeFeedstocks({ feedstocks: [{ id: 'dog-faeces', BMP: 240, caveat: 'own words' }] })).caveat).toBe('own words');
  });
  test('a new feedstock is added', () => {
    const base = dog();
    const lib = mergeFeedstocks({ feedstocks: [{ ...base, id: 'cat-litter-free-faeces', name: 'Cat faeces' }] });
    expect(lib.length).toBe(FEEDSTOCKS.length + 1);
    expect(findFeedstock('cat-litter-free-faeces', lib).name).toBe('Cat faeces');
  });
  test('a bad override is rejected with the entry path', () => {
    expect(() => mergeFeedstocks({ feedstocks: [{ id: 'grass', BMP: 900 }] })).toThrow(/feedstocks\[0\]\[grass\]\.BMP/);
    expect(() => mergeFeedstocks({ feedstocks: [{ id: 'new-one', name: 'x' }] })).toThrow(InputError);
    expect(() => mergeFeedstocks({ nope: 1 })).toThrow(/feedstocks: expected/);
  });
});
