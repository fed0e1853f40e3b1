// Unit parsing of user quantities: conversions, plain-number defaults, and the errors for missing or wrong units.
import { describe, expect, test } from 'vitest';
import { parseMassRate_kg_d, parseQuantity, parseRate, parseVolumeRate_m3_d } from '../src/units/quantity.js';
import { InputError } from '../src/errors.js';

describe('parseQuantity', () => {
  test('converts mass rates', () => {
    expect(parseMassRate_kg_d('2.5 t/week')).toBeCloseTo(2500 / 7, 9);
    expect(parseMassRate_kg_d('350 kg/d')).toBeCloseTo(350, 12);
    expect(parseMassRate_kg_d('1 tonne/yr')).toBeCloseTo(1000 / 365.25, 6);
  });
  test('converts volume rates, lengths, volumes and temperatures', () => {
    expect(parseVolumeRate_m3_d('2 m3/d')).toBeCloseTo(2, 12);
    expect(parseVolumeRate_m3_d('500 L/day')).toBeCloseTo(0.5, 12);
    expect(parseQuantity('35 L', 'm3', 'bin.volume')).toBeCloseTo(0.035, 12);
    expect(parseQuantity('12 km', 'm', 'round.length')).toBeCloseTo(12000, 9);
    expect(parseQuantity('70 degC', 'K', 'T')).toBeCloseTo(343.15, 9);
    expect(parseQuantity('10 Nm3', 'm3', 'gas')).toBeCloseTo(10, 12);
  });
  test('plain JSON numbers are in the default unit', () => {
    expect(parseQuantity(42, 'kg/d', 'rate')).toBe(42);
  });
  test('a number without a unit in a string is an error naming the field', () => {
    expect(() => parseMassRate_kg_d('5', 'feed[0].rate')).toThrow(InputError);
    expect(() => parseMassRate_kg_d('5', 'feed[0].rate')).toThrow(/feed\[0\]\.rate: missing unit/);
  });
  test('wrong dimension is an error naming the field', () => {
    expect(() => parseMassRate_kg_d('5 kWh/week', 'rate')).toThrow(/rate: wrong kind of quantity/);
    expect(() => parseRate('5 kWh/week', 'co.rate')).toThrow(/co\.rate: wrong kind/);
  });
  test('garbage and non-finite values are errors', () => {
    expect(() => parseQuantity('abc kg', 'kg', 'm')).toThrow(/m: cannot read/);
    expect(() => parseQuantity(Number.NaN, 'kg', 'm')).toThrow(InputError);
    expect(() => parseQuantity('', 'kg', 'm')).toThrow(InputError);
    expect(() => parseQuantity({}, 'kg', 'm')).toThrow(InputError);
  });
});

describe('parseRate', () => {
  test('tells mass from volume', () => {
    expect(parseRate('10 t/week')).toEqual({ kind: 'mass', value: 10000 / 7, unit: 'kg/d' });
    const v = parseRate('2 m3/d');
    expect(v.kind).toBe('volume');
    expect(v.value).toBeCloseTo(2, 12);
    expect(parseRate(100)).toEqual({ kind: 'mass', value: 100, unit: 'kg/d' });
  });
  test('rejects negative rates', () => {
    expect(() => parseRate('-1 t/d', 'rate')).toThrow(/rate: expected a rate of zero or more/);
  });
});
