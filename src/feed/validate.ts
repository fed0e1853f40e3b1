// Validation of feedstock records (built-in and user-supplied): units, ordered ranges, fractions, BMP against theory.
import { InputError, show, unknownField } from '../errors.js';
import { FIELD_UNITS, type Evidence, type Feedstock, type Sourced } from '../../models/feedstocks/types.js';
import { FACTORS, FRACTIONS } from './macromolecules.js';
import { CH4_NL_PER_KG_COD } from './buswell.js';
import { methaneEfficiency } from './adm1-composition.js';

/** Composition fractions must sum to 1 within this tolerance (kg/kg VS). */
export const COMPOSITION_TOLERANCE = 0.01;

const EVIDENCE: readonly Evidence[] = ['measured', 'literature', 'estimate'];
/** The fields of a sourced value and of a record: anything else is a typo and an error. */
const SOURCED_KEYS = ['value', 'low', 'high', 'unit', 'source', 'evidence'];
const RECORD_KEYS = ['id', 'name', 'description', 'caveat', 'composition',
  ...Object.keys(FIELD_UNITS).filter((k) => !['carbohydrate', 'protein', 'lipid', 'lignin'].includes(k))];
type FieldName = keyof typeof FIELD_UNITS;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks one sourced value: numbers finite, low <= value <= high, the field's unit, a source and an evidence level. */
function sourced(raw: unknown, path: string, name: FieldName, min: number, max: number): Sourced {
  const unit = FIELD_UNITS[name];
  if (!isObject(raw)) throw new InputError(path, `expected {value, low, high, unit, source, evidence} (unit ${unit}), got ${show(raw)}`);
  for (const k of Object.keys(raw)) if (!SOURCED_KEYS.includes(k)) unknownField(`${path}.${k}`, k, SOURCED_KEYS);
  for (const k of ['value', 'low', 'high'] as const) {
    const v = raw[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`${path}.${k}`, `expected a finite number, got ${show(v)}`);
    if (v < min || v > max) throw new InputError(`${path}.${k}`, `expected a value in [${min}, ${max}] ${unit}, got ${show(v)}`);
  }
  const { value, low, high } = raw as { value: number; low: number; high: number };
  if (!(low <= value && value <= high)) throw new InputError(path, `range not ordered: expected low <= value <= high, got low ${low}, value ${value}, high ${high}`);
  if (raw.unit !== unit) throw new InputError(`${path}.unit`, `expected ${show(unit)}, got ${show(raw.unit)}`);
  if (typeof raw.source !== 'string' || raw.source.trim() === '') throw new InputError(`${path}.source`, `expected a non-empty source citation, got ${show(raw.source)}`);
  if (!EVIDENCE.includes(raw.evidence as Evidence)) throw new InputError(`${path}.evidence`, `expected one of ${EVIDENCE.join(', ')}, got ${show(raw.evidence)}`);
  return { value, low, high, unit, source: raw.source, evidence: raw.evidence as Evidence };
}

function str(raw: unknown, path: string, pattern?: RegExp, what = 'a non-empty string'): string {
  if (typeof raw !== 'string' || raw.trim() === '' || (pattern && !pattern.test(raw))) throw new InputError(path, `expected ${what}, got ${show(raw)}`);
  return raw;
}

/** COD of the VS (kg COD/kg VS) and its parts, from a composition normalised to sum 1. */
export function codPerVs(comp: Record<(typeof FRACTIONS)[number], number>): { total: number; ch: number; pr: number; li: number; lignin: number } {
  const sum = comp.carbohydrate + comp.protein + comp.lipid + comp.lignin;
  const ch = (comp.carbohydrate / sum) * FACTORS.carbohydrate.COD_g_g;
  const pr = (comp.protein / sum) * FACTORS.protein.COD_g_g;
  const li = (comp.lipid / sum) * FACTORS.lipid.COD_g_g;
  const lignin = (comp.lignin / sum) * FACTORS.lignin.COD_g_g;
  return { total: ch + pr + li + lignin, ch, pr, li, lignin };
}

/** Validates a feedstock record (from the library or a user file) and returns it typed. `path` prefixes error fields. */
export function validateFeedstock(raw: unknown, path = 'feedstock'): Feedstock {
  if (!isObject(raw)) throw new InputError(path, `expected a feedstock object, got ${show(raw)}`);
  const id = str(raw.id, `${path}.id`, /^[a-z0-9][a-z0-9-]{0,63}$/, 'an id of lower-case letters, digits and dashes, at most 64 characters (e.g. "dog-faeces")');
  const p = `${path}[${id}]`;
  // A misspelt field ("bmp", "vaule") would otherwise be ignored and the library value used without a word.
  for (const k of Object.keys(raw)) if (!RECORD_KEYS.includes(k)) unknownField(`${p}.${k}`, k, RECORD_KEYS, 'feedstock field');
  const name = str(raw.name, `${p}.name`);
  if (raw.description !== undefined && typeof raw.description !== 'string') throw new InputError(`${p}.description`, `expected a text, got ${show(raw.description)}`);
  const description = typeof raw.description === 'string' ? raw.description : '';
  const caveat = raw.caveat === undefined ? undefined : str(raw.caveat, `${p}.caveat`);
  const comp = raw.composition;
  if (!isObject(comp)) throw new InputError(`${p}.composition`, `expected {carbohydrate, protein, lipid, lignin} in kg/kg VS, got ${show(comp)}`);
  for (const k of Object.keys(comp)) if (!(FRACTIONS as readonly string[]).includes(k)) unknownField(`${p}.composition.${k}`, k, FRACTIONS, 'composition field');
  const composition = {
    carbohydrate: sourced(comp.carbohydrate, `${p}.composition.carbohydrate`, 'carbohydrate', 0, 1),
    protein: sourced(comp.protein, `${p}.composition.protein`, 'protein', 0, 1),
    lipid: sourced(comp.lipid, `${p}.composition.lipid`, 'lipid', 0, 1),
    lignin: sourced(comp.lignin, `${p}.composition.lignin`, 'lignin', 0, 1),
  };
  const sum = FRACTIONS.reduce((s, k) => s + composition[k].value, 0);
  if (Math.abs(sum - 1) > COMPOSITION_TOLERANCE) {
    throw new InputError(`${p}.composition`, `fractions must sum to 1 (within ${COMPOSITION_TOLERANCE}); carbohydrate + protein + lipid + lignin = ${sum.toFixed(4)}`);
  }
  const f: Feedstock = {
    id, name, description,
    ...(caveat !== undefined ? { caveat } : {}),
    TS: sourced(raw.TS, `${p}.TS`, 'TS', 1e-6, 1),
    VS_TS: sourced(raw.VS_TS, `${p}.VS_TS`, 'VS_TS', 1e-6, 1),
    composition,
    ...(raw.fibre !== undefined ? { fibre: sourced(raw.fibre, `${p}.fibre`, 'fibre', 0, 1) } : {}),
    N_total: sourced(raw.N_total, `${p}.N_total`, 'N_total', 0, 0.2),
    NH4_N: sourced(raw.NH4_N, `${p}.NH4_N`, 'NH4_N', 0, 50),
    pH: sourced(raw.pH, `${p}.pH`, 'pH', 2, 12),
    alkalinity: sourced(raw.alkalinity, `${p}.alkalinity`, 'alkalinity', 0, 200),
    ...(raw.VFA !== undefined ? { VFA: sourced(raw.VFA, `${p}.VFA`, 'VFA', 0, 500) } : {}),
    biodegradability: sourced(raw.biodegradability, `${p}.biodegradability`, 'biodegradability', 0, 1),
    BMP: sourced(raw.BMP, `${p}.BMP`, 'BMP', 1e-6, 1500),
    k_hyd: sourced(raw.k_hyd, `${p}.k_hyd`, 'k_hyd', 1e-4, 100),
    density: sourced(raw.density, `${p}.density`, 'density', 100, 3000),
    ...(raw.S_I_fraction !== undefined ? { S_I_fraction: sourced(raw.S_I_fraction, `${p}.S_I_fraction`, 'S_I_fraction', 0, 0.3) } : {}),
  };
  if (f.fibre && f.fibre.value > f.composition.carbohydrate.value + 1e-9) {
    throw new InputError(`${p}.fibre`, `crude fibre is part of the carbohydrate: expected at most ${f.composition.carbohydrate.value} kg/kg VS, got ${f.fibre.value}`);
  }
  // Ammonium is part of the total N: g N/kg FM against kg N/kg TS x TS x 1000.
  const TN_g_kgFM = f.N_total.value * f.TS.value * 1000;
  if (f.NH4_N.value > TN_g_kgFM + 1e-9) {
    throw new InputError(`${p}.NH4_N`, `ammonium N ${f.NH4_N.value} g N/kg FM exceeds the total N ${TN_g_kgFM.toFixed(3)} g N/kg FM (N_total x TS)`);
  }
  checkBmp(f, p);
  return f;
}

/** A record's BMP may not exceed its theoretical methane (Buswell/COD route). A BMP above what ADM1 makes of the
 *  non-lignin COD after biomass growth is accepted (a measurement is not refused for a model limit); the
 *  characterisation says by how much the simulated assay falls short (adm1BmpLimit). */
function checkBmp(f: Feedstock, p: string): void {
  const c = f.composition;
  const cod = codPerVs({ carbohydrate: c.carbohydrate.value, protein: c.protein.value, lipid: c.lipid.value, lignin: c.lignin.value });
  const theory = cod.total * CH4_NL_PER_KG_COD;
  if (f.BMP.value > theory) {
    throw new InputError(`${p}.BMP`, `${f.BMP.value} NL CH4/kg VS exceeds the theoretical maximum ${unrounded(theory)} NL CH4/kg VS from the VS composition (COD/VS ${cod.total.toFixed(3)} x 350 NL/kg COD)`);
  }
  const eta = methaneEfficiency({ ch: cod.ch, pr: cod.pr, li: cod.li });
  const FM_VS = f.TS.value * f.VS_TS.value;   // kg VS per kg FM
  if (f.VFA) {
    const vfa_per_vs = f.VFA.value / 1000 / FM_VS;   // kg COD per kg VS
    const degradableCh = Math.min(f.BMP.value / (CH4_NL_PER_KG_COD * eta), cod.ch + cod.pr + cod.li) * (cod.ch / (cod.ch + cod.pr + cod.li));
    if (vfa_per_vs > degradableCh) {
      throw new InputError(`${p}.VFA`, `${f.VFA.value} g COD/kg FM is more than the degradable carbohydrate COD it is taken from (${(degradableCh * FM_VS * 1000).toFixed(1)} g COD/kg FM)`);
    }
  }
}

/** The most methane ADM1 makes of a record's VS (all non-lignin COD degraded, after biomass growth), NL CH4/kg VS. */
export function adm1BmpLimit(f: Pick<Feedstock, 'composition'>): { max_NL_kgVS: number; theoretical_NL_kgVS: number; methane_efficiency: number } {
  const c = f.composition;
  const cod = codPerVs({ carbohydrate: c.carbohydrate.value, protein: c.protein.value, lipid: c.lipid.value, lignin: c.lignin.value });
  const eta = methaneEfficiency({ ch: cod.ch, pr: cod.pr, li: cod.li });
  return { max_NL_kgVS: (cod.ch + cod.pr + cod.li) * CH4_NL_PER_KG_COD * eta, theoretical_NL_kgVS: cod.total * CH4_NL_PER_KG_COD, methane_efficiency: eta };
}

/** A bound printed as computed, to 6 significant digits (373.624, never rounded up to a BMP it refuses). */
export const unrounded = (x: number): string => String(Number(x.toPrecision(6)));

/**
 * The warning for a record whose BMP ADM1 cannot reach (all its non-lignin COD degraded still makes less after
 * biomass growth), or null. The measurement stands; the simulated assay falls short by the difference.
 */
export function adm1BmpShortfall(f: Pick<Feedstock, 'id' | 'BMP' | 'composition'>): string | null {
  const lim = adm1BmpLimit(f);
  const gap = f.BMP.value - lim.max_NL_kgVS;
  if (!(gap > 1e-9 * lim.max_NL_kgVS)) return null;
  return `${f.id}: BMP ${unrounded(f.BMP.value)} NL CH4/kg VS is accepted (theoretical ${unrounded(lim.theoretical_NL_kgVS)} from the composition), `
    + `but ADM1 with its default biomass yields makes at most ${unrounded(lim.max_NL_kgVS)} NL CH4/kg VS of it (methane efficiency ${unrounded(lim.methane_efficiency)}): `
    + `the simulated assay and digester fall short by ${unrounded(gap)} NL CH4/kg VS (${(100 * gap / f.BMP.value).toFixed(2)} %)`;
}
