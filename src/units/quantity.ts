// Quantities with units for user input ("2.5 t/week", "35 L", "70 degC"), parsed by a small mathjs bundle.
import { create, unitDependencies, createUnitDependencies, type Unit } from 'mathjs';
import { InputError, show } from '../errors.js';

// Only the unit parser: keeps the bundle small (mathjs's full bundle would add several hundred kB). No evaluate, no arithmetic.
const math = create({ unitDependencies, createUnitDependencies });

// Units people write in waste and AD work that mathjs lacks. mathjs already has `t` (tonne, 1000 kg),
// `tonne`, `L`, `m3`, `day`, `week`, `degC`, `kWh`. Note mathjs `ton` is the US short ton (907.18 kg).
math.createUnit({
  d: '1 day',
  wk: '1 week',
  yr: '1 year',
  Nm3: '1 m3',   // normal cubic metre (0 C, 1.01325 bar): dimensionally a volume; the reference state is the caller's business
  NL: '1 L',
});

type MathUnit = Unit;

/** Parses `text` and converts it to `targetUnit` (any mathjs unit expression, e.g. "kg/d", "m3", "K").
 *  A plain number (JSON number or numeric string) is taken in `targetUnit`, the documented default unit of the field. */
export function parseQuantity(text: unknown, targetUnit: string, field: string): number {
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) throw new InputError(field, `expected a finite number (in ${targetUnit}), got ${show(text)}`);
    return text;
  }
  if (typeof text !== 'string' || text.trim() === '') {
    throw new InputError(field, `expected a quantity with a unit such as "${example(targetUnit)}", got ${show(text)}`);
  }
  const u = parseUnit(text, targetUnit, field);
  if (u.units.length === 0) {
    throw new InputError(field, `missing unit in ${show(text)}; expected a quantity in ${targetUnit} (e.g. "${example(targetUnit)}")`);
  }
  const target = math.unit(targetUnit) as Unit;
  if (!u.equalBase(target)) {
    throw new InputError(field, `wrong kind of quantity in ${show(text)}; expected a unit convertible to ${targetUnit}`);
  }
  const value = u.toNumber(targetUnit);
  if (!Number.isFinite(value)) throw new InputError(field, `expected a finite quantity, got ${show(text)}`);
  return value;
}

/** Longest quantity text read (a real one is "2.5 t/week"); longer text is refused before mathjs sees it. */
const MAX_QUANTITY_CHARS = 100;

/**
 * Parses "number unit". Refuses text without a number ("t/week" would otherwise read as 1 t/week), numbers outside
 * the double range ("1e999 m3/d"), unknown units and overlong text, naming the field.
 */
function parseUnit(text: string, targetUnit: string, field: string): MathUnit {
  if (text.length > MAX_QUANTITY_CHARS) throw new InputError(field, `expected a quantity such as "${example(targetUnit)}", got ${text.length} characters of text`);
  let u: MathUnit;
  try {
    u = math.unit(text.trim()) as Unit;
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 80) : 'unreadable';
    throw new InputError(field, `cannot read ${show(text)} as a quantity (${why}); expected e.g. "${example(targetUnit)}"`);
  }
  if (u.units.length > 0 && (u.value === null || u.value === undefined)) {
    throw new InputError(field, `no number in ${show(text)}; expected a quantity such as "${example(targetUnit)}"`);
  }
  const lead = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/i.exec(text);
  if (!lead || !Number.isFinite(Number(lead[0])) || (u.units.length > 0 && !Number.isFinite(u.value as number))) {
    throw new InputError(field, `expected a finite quantity such as "${example(targetUnit)}", got ${show(text)}`);
  }
  return u;
}

function example(targetUnit: string): string {
  return `1 ${targetUnit}`;
}

/** A mass flow in kg (fresh mass) per day, e.g. "2.5 t/week", "350 kg/d". Plain numbers are kg/d. */
export function parseMassRate_kg_d(text: unknown, field = 'rate'): number {
  return parseQuantity(text, 'kg/d', field);
}

/** A volume flow in m3 per day, e.g. "2 m3/d", "500 L/d". Plain numbers are m3/d. */
export function parseVolumeRate_m3_d(text: unknown, field = 'rate'): number {
  return parseQuantity(text, 'm3/d', field);
}

export type Rate = { kind: 'mass'; value: number; unit: 'kg/d' } | { kind: 'volume'; value: number; unit: 'm3/d' };

/** A feed rate that may be a mass flow (kg/d) or a volume flow (m3/d); plain numbers are kg/d. Negative rates are rejected. */
export function parseRate(text: unknown, field = 'rate'): Rate {
  let rate: Rate;
  if (typeof text === 'string' && text.trim() !== '' && !isPlainNumber(text)) {
    const u = parseUnit(text, 'kg/d', field);
    if (u.units.length > 0 && u.equalBase(math.unit('m3/d') as Unit)) {
      rate = { kind: 'volume', value: u.toNumber('m3/d'), unit: 'm3/d' };
    } else if (u.units.length > 0 && !u.equalBase(math.unit('kg/d') as Unit)) {
      throw new InputError(field, `wrong kind of quantity in ${show(text)}; expected a mass rate (e.g. "2.5 t/week", "350 kg/d") or a volume rate (e.g. "2 m3/d")`);
    } else {
      rate = { kind: 'mass', value: parseMassRate_kg_d(text, field), unit: 'kg/d' };
    }
  } else {
    rate = { kind: 'mass', value: parseMassRate_kg_d(text, field), unit: 'kg/d' };
  }
  if (!Number.isFinite(rate.value)) throw new InputError(field, `expected a finite rate, got ${show(text)}`);
  if (!(rate.value >= 0)) throw new InputError(field, `expected a rate of zero or more, got ${show(text)}`);
  return rate;
}

function isPlainNumber(s: string): boolean {
  return s.trim() !== '' && Number.isFinite(Number(s));
}
