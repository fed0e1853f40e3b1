// Measured data for calibration: a CSV with a time column and any of biogas/methane flow or cumulative volume,
// methane fraction, pH, VFA, ammonium (or a BMP yield), units in the header ("q_ch4 [m3/d]") or via a mapping.
// Values are converted to the model's units; every bad cell, column or unit is reported by row and column.
import { InputError, show } from '../errors.js';
import { cellNumber } from '../input/json.js';
import { parseQuantity } from '../units/quantity.js';
import { RUN_LIMITS } from '../simulate/validate.js';

/** What a measured column is. */
export type MeasureKind = 'q_gas' | 'q_ch4' | 'V_gas' | 'V_ch4' | 'ch4_fraction' | 'pH' | 'VFA' | 'NH4' | 'B';

interface KindInfo {
  /** Accepted column names (case-insensitive). */
  names: string[];
  /** Canonical unit the values are converted to. */
  unit: string;
  /** Unit assumed when the header gives none (undefined: a unit is required). */
  defaultUnit?: string;
  description: string;
}

export const MEASURE_KINDS: Record<MeasureKind, KindInfo> = {
  q_gas: { names: ['q_gas', 'q_biogas', 'biogas', 'biogas_flow'], unit: 'm3/d', description: 'biogas flow' },
  q_ch4: { names: ['q_ch4', 'methane_flow', 'ch4_flow'], unit: 'm3/d', description: 'methane flow' },
  V_gas: { names: ['v_gas', 'v_biogas', 'biogas_cumulative', 'cum_biogas'], unit: 'm3', description: 'cumulative biogas volume' },
  V_ch4: { names: ['v_ch4', 'methane_cumulative', 'cum_ch4'], unit: 'm3', description: 'cumulative methane volume' },
  ch4_fraction: { names: ['ch4_fraction', 'ch4', 'methane_fraction', 'ch4_content'], unit: '-', defaultUnit: '-', description: 'methane fraction of biogas' },
  pH: { names: ['ph'], unit: '-', defaultUnit: '-', description: 'pH' },
  VFA: { names: ['vfa', 'tvfa', 'vfa_total'], unit: 'kg COD/m3', description: 'total volatile fatty acids' },
  NH4: { names: ['nh4', 'nh4_n', 'tan', 'ammonium', 's_in'], unit: 'kmol N/m3', description: 'total ammonium nitrogen' },
  B: { names: ['b', 'bmp', 'yield', 'b_ch4'], unit: '(as given)', defaultUnit: '', description: 'cumulative specific methane yield (BMP)' },
};

/** One measured series in canonical units; times where the cell said NA are left out. */
export interface MeasuredSeries {
  kind: MeasureKind;
  column: string;
  /** Unit as written in the file, and the canonical unit of `values`. */
  unitGiven: string;
  unit: string;
  /** Gas volumes/flows given at normal conditions (Nm3, NL, NmL: 0 C, 1.01325 bar). */
  normal: boolean;
  /**
   * Biogas volumes and methane fractions: dry (water vapour removed: BMP guidelines, gas meters after a condensate
   * trap) unless the header says "wet" ("q_gas [Nm3/d wet]", "ch4 [% wet]", "q_gas_wet [m3/d]"). Methane volumes do
   * not depend on it. Optional so hand-built series stay valid: absent means dry.
   */
  basis?: 'dry' | 'wet';
  /** values = figure as given x factor (so a residual in canonical units / factor is in the file's unit). */
  factor?: number;
  t_d: number[];
  values: number[];
}

export interface MeasuredData {
  /** All times of the file (d), strictly increasing. */
  t_d: number[];
  series: MeasuredSeries[];
}

/** Most data rows a measured-data CSV may have (ten years of hourly readings is 87,600). */
export const MAX_MEASURED_ROWS = 100_000;

const M_N = 14.0067;          // kg N/kmol
const COD_PER_HAC = 64 / 60.052; // kg COD per kg acetic acid (2 mol O2 per mol)
const COD_PER_MOL_AC = 0.064; // kg COD per mol acetate

/** Splits "name [unit]" or "name (unit)"; otherwise recognises a unit suffix in the name ("time_d", "q_ch4_m3_d"). */
export function splitHeader(h: string): { name: string; unit?: string } {
  const m = /^(.*?)\s*[[(]\s*(.*?)\s*[\])]\s*$/.exec(h.trim());
  if (m) return { name: m[1]!.trim(), unit: m[2]! };
  const s = h.trim();
  const suffixes: [RegExp, string][] = [
    [/^(time|t)_(d|h|min|s)$/i, '$2'],
    // Compound units first, so "VFA_kgCOD_m3" is not read as "VFA_kgCOD" in m3.
    [/_kgcod_m3$/i, 'kg COD/m3'], [/_gcod_l$/i, 'g COD/L'], [/_mgcod_l$/i, 'mg COD/L'],
    [/_mgn_l$/i, 'mg N/L'], [/_gn_l$/i, 'g N/L'], [/_kmoln_m3$/i, 'kmol N/m3'], [/_pct$/i, '%'],
    [/_m3_d$/i, 'm3/d'], [/_nm3_d$/i, 'Nm3/d'], [/_l_d$/i, 'L/d'], [/_nl_d$/i, 'NL/d'], [/_ml_d$/i, 'mL/d'],
    [/_m3$/i, 'm3'], [/_nm3$/i, 'Nm3'], [/_l$/i, 'L'], [/_nl$/i, 'NL'], [/_ml$/i, 'mL'], [/_nml$/i, 'NmL'],
  ];
  for (const [re, unit] of suffixes) {
    if (re.test(s)) {
      if (re.source.startsWith('^(time')) { const mm = re.exec(s)!; return { name: mm[1]!, unit: mm[2]! }; }
      return { name: s.replace(re, ''), unit };
    }
  }
  return { name: s };
}

/** Identifies the kind of a column name, or throws listing what is accepted. */
export function kindOf(name: string, column: string): MeasureKind {
  const n = name.toLowerCase();
  for (const [k, info] of Object.entries(MEASURE_KINDS) as [MeasureKind, KindInfo][]) if (info.names.includes(n)) return k;
  throw new InputError(`column ${show(column)}`, `unknown measured quantity ${show(name)}; expected one of ${
    Object.values(MEASURE_KINDS).map((i) => i.names[0]).join(', ')} (with a unit in brackets, e.g. "q_ch4 [m3/d]"), or map it with --map`);
}

/** "NmL/gVS", "NL CH4/kg VS", "mL CH4 / g VS", "Nm3/t VS": volume of methane per mass of volatile solids. */
const SPECIFIC_YIELD = /^N?(m3|L|l|mL|ml)\s*(CH4)?\s*\/\s*(g|kg|t)\s*(o?VS|oTS)$/;

/** Factor that converts values in `unit` to the kind's canonical unit; throws naming the column when it cannot. */
export function unitFactor(kind: MeasureKind, unit: string | undefined, column: string): { factor: number; normal: boolean } {
  const info = MEASURE_KINDS[kind];
  const field = `column ${show(column)}`;
  const u = (unit ?? info.defaultUnit)?.trim();
  if (u === undefined) throw new InputError(field, `no unit given; write it in the header, e.g. "${info.names[0]} [${info.unit}]"`);
  const bad = (what: string): never => { throw new InputError(field, `unit ${show(u)} does not convert to ${what}`); };
  switch (kind) {
    case 'B':
      // A specific methane yield: (N)L, (N)mL or (N)m3 of CH4 per g, kg or t of VS. No unit: the data's own unit.
      if (u !== '' && !SPECIFIC_YIELD.test(u)) bad('a specific methane yield (e.g. "NmL CH4/g VS", "NL/kg VS")');
      return { factor: 1, normal: /^N/.test(u) };
    case 'pH': if (u === '' || u === '-') return { factor: 1, normal: false }; return bad('pH (write "pH" or "pH [-]")');
    case 'ch4_fraction':
      if (u === '' || u === '-' || u === 'fraction' || u === 'mol/mol' || u === 'v/v') return { factor: 1, normal: false };
      if (u === '%' || u === 'vol%' || u === '% v/v' || u === 'vol-%') return { factor: 0.01, normal: false };
      return bad('a fraction ("-" or "%")');
    case 'q_gas': case 'q_ch4': case 'V_gas': case 'V_ch4': {
      const normal = /^N(m3|L|mL|l|ml)\b/.test(u);
      // mathjs knows L, mL and m3; strip the N (normal conditions) and convert the dimension.
      const plain = normal ? u.slice(1) : u;
      try { return { factor: parseQuantity(`1 ${plain}`, info.unit, field), normal }; } catch { return bad(`${info.unit} (a ${kind.startsWith('q') ? 'volume per time, e.g. m3/d, L/h, NL/d' : 'volume, e.g. m3, L, NmL'})`); }
    }
    case 'VFA': {
      if (/COD/i.test(u)) {
        try { return { factor: parseQuantity(`1 ${u.replace(/\s*COD\s*/i, '')}`, 'kg/m3', field), normal: false }; } catch { return bad('kg COD/m3'); }
      }
      if (/HAc|acetic/i.test(u)) {
        try { return { factor: COD_PER_HAC * parseQuantity(`1 ${u.replace(/\s*(HAc|acetic acid|acetic)\s*/i, '')}`, 'kg/m3', field), normal: false }; } catch { return bad('kg COD/m3'); }
      }
      if (/mol/.test(u)) {
        // Molar VFA counted as acetate equivalents (64 g COD/mol).
        try { return { factor: COD_PER_MOL_AC * parseQuantity(`1 ${u}`, 'mol/m3', field), normal: false }; } catch { return bad('kg COD/m3'); }
      }
      throw new InputError(field, `unit ${show(u)} is ambiguous for VFA; say COD or acetic acid, e.g. "g COD/L", "mg HAc/L", or "mmol/L"`);
    }
    case 'NH4': {
      if (/mol/.test(u)) {
        try { return { factor: parseQuantity(`1 ${u.replace(/\s*N\b/, '')}`, 'kmol/m3', field), normal: false }; } catch { return bad('kmol N/m3'); }
      }
      if (/\bN\b|NH4-N|NH4\+-N/.test(u)) {
        try { return { factor: parseQuantity(`1 ${u.replace(/\s*(NH4\+?-N|N)\b\s*/, '')}`, 'kg/m3', field) / M_N, normal: false }; } catch { return bad('kmol N/m3'); }
      }
      throw new InputError(field, `unit ${show(u)} is ambiguous for ammonium; give it as nitrogen, e.g. "mg N/L", "g N/L" or "mmol/L"`);
    }
  }
}

export interface ParseMeasuredOptions {
  /** Renames columns before they are read: original header -> "kind [unit]". */
  mapping?: Record<string, string>;
  /** Source name for errors (file name). */
  source?: string;
}

/** Kinds whose value depends on whether the gas is counted with its water vapour. */
const BASIS_KINDS: ReadonlySet<MeasureKind> = new Set(['q_gas', 'V_gas', 'ch4_fraction']);

/**
 * The gas basis a header states: a word "wet" or "dry" in the unit ("Nm3/d wet", "% (dry)", "NL/d, wet") or a
 * "_wet"/"_dry" suffix on the name. Returns the name and unit without it. Default dry: the lab convention.
 */
export function splitBasis(name: string, unit: string | undefined): { name: string; unit: string | undefined; basis: 'dry' | 'wet'; stated: boolean } {
  let basis: 'dry' | 'wet' = 'dry', stated = false;
  let n = name, u = unit;
  const suffix = /_(wet|dry)$/i.exec(n);
  if (suffix) { basis = suffix[1]!.toLowerCase() as 'dry' | 'wet'; stated = true; n = n.slice(0, -suffix[0].length); }
  if (u !== undefined) {
    const m = /[\s,;(]*\b(wet|dry)\b\)?\s*$/i.exec(u);
    if (m) { basis = m[1]!.toLowerCase() as 'dry' | 'wet'; stated = true; u = u.slice(0, m.index).trim(); }
  }
  return { name: n, unit: u, basis, stated };
}

/** Parses a CSV of measurements (comma, semicolon or tab separated; `#` comments; `NA` marks a value not measured). */
export function parseMeasuredCsv(text: string, opts: ParseMeasuredOptions = {}): MeasuredData {
  const src = opts.source ?? 'data';
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lines: { row: number; text: string }[] = [];
  raw.forEach((l, i) => { const t = l.trim(); if (t !== '' && !t.startsWith('#')) lines.push({ row: i + 1, text: t }); });
  if (lines.length < 2) throw new InputError(src, `expected a header row and at least one data row, got ${lines.length} line(s)`);
  if (lines.length - 1 > MAX_MEASURED_ROWS) throw new InputError(src, `${lines.length - 1} data rows; the limit is ${MAX_MEASURED_ROWS} (average or thin the data first)`);
  const head = lines[0]!.text;
  const sep = head.includes('\t') ? '\t' : head.includes(';') ? ';' : ',';
  const headers = head.split(sep).map((h) => h.trim());
  const mapping = opts.mapping ?? {};
  for (const k of Object.keys(mapping)) {
    if (!headers.includes(k)) throw new InputError(`mapping ${show(k)}`, `no such column in ${src}; columns are ${show(headers.join(', '))}`);
  }
  const seenHeader = new Set<string>();
  headers.forEach((h, j) => {
    if (seenHeader.has(h)) throw new InputError(`${src} row ${lines[0]!.row}, column ${j + 1}`, `column ${show(h)} appears twice; keep one`);
    seenHeader.add(h);
  });
  const cols = headers.map((h) => {
    // Own keys only: a column called "constructor" must not find Object.prototype.constructor.
    const head = splitHeader(Object.prototype.hasOwnProperty.call(mapping, h) ? mapping[h]! : h);
    const { name, unit, basis, stated } = /^(time|t)$/i.test(head.name) ? { ...head, basis: 'dry' as const, stated: false } : splitBasis(head.name, head.unit);
    return { header: h, name, unit, basis, stated };
  });
  const timeIdx = cols.findIndex((c) => /^(time|t)$/i.test(c.name));
  if (timeIdx < 0) throw new InputError(`${src} header`, `no time column; expected one named "time [d]", "time_d" or "time [h]", got ${headers.map((h) => show(h)).slice(0, 20).join(', ')}`);
  const tCol = cols[timeIdx]!;
  let tFactor: number;
  try { tFactor = parseQuantity(`1 ${tCol.unit ?? 'd'}`, 'd', `column ${show(tCol.header)}`); } catch {
    throw new InputError(`column ${show(tCol.header)}`, `unit ${show(tCol.unit)} does not convert to days (use d, h, min or s)`);
  }
  const seen = new Set<MeasureKind>();
  const specs = cols.map((c, j) => {
    if (j === timeIdx) return null;
    const kind = kindOf(c.name, c.header);
    if (seen.has(kind)) throw new InputError(`column ${show(c.header)}`, `a second ${MEASURE_KINDS[kind].description} column; keep one per file`);
    seen.add(kind);
    if (c.stated && !BASIS_KINDS.has(kind) && kind !== 'q_ch4' && kind !== 'V_ch4') {
      throw new InputError(`column ${show(c.header)}`, `"${c.basis}" applies to biogas volumes and methane fractions only, not to ${MEASURE_KINDS[kind].description}`);
    }
    const { factor, normal } = unitFactor(kind, c.unit, c.header);
    return { kind, column: c.header, unitGiven: c.unit ?? MEASURE_KINDS[kind].defaultUnit ?? '', factor, normal, basis: c.basis };
  });
  if (specs.every((s) => s === null)) throw new InputError(`${src} header`, 'no measured column besides time');
  const t_d: number[] = [];
  const series: MeasuredSeries[] = specs.filter((s): s is NonNullable<typeof s> => s !== null).map((s) => ({
    kind: s.kind, column: s.column, unitGiven: s.unitGiven, unit: MEASURE_KINDS[s.kind].unit, normal: s.normal, basis: s.basis, factor: s.factor, t_d: [], values: [],
  }));
  for (const { row, text: line } of lines.slice(1)) {
    const cells = line.split(sep).map((c) => c.trim());
    if (cells.length !== headers.length) throw new InputError(`${src} row ${row}`, `expected ${headers.length} cells, got ${cells.length}`);
    const cellNum = (j: number): number | null => {
      const c = cells[j]!;
      const where = `${src} row ${row}, column ${show(headers[j])}`;
      if (c === '') throw new InputError(where, 'missing value (write NA if it was not measured)');
      if (/^(na|n\/a|nan)$/i.test(c)) return null;
      const x = cellNumber(c);
      if (!Number.isFinite(x)) throw new InputError(where, `expected a number, got ${show(c)}`);
      return x;
    };
    const t = cellNum(timeIdx);
    if (t === null) throw new InputError(`${src} row ${row}, column ${show(headers[timeIdx])}`, 'time must be given on every row');
    const td = t * tFactor;
    if (t_d.length && !(td > t_d[t_d.length - 1]!)) {
      throw new InputError(`${src} row ${row}, column ${show(headers[timeIdx])}`, `times must increase strictly; ${t} follows ${t_d[t_d.length - 1]! / tFactor}`);
    }
    if (td < 0) throw new InputError(`${src} row ${row}, column ${show(headers[timeIdx])}`, `time must be >= 0, got ${t}`);
    // Beyond the longest run adsim simulates the time is a unit mistake, and a model curve out to 1e308 d overflows.
    if (td > RUN_LIMITS.days) throw new InputError(`${src} row ${row}, column ${show(headers[timeIdx])}`, `time must be at most ${RUN_LIMITS.days} d (100 years, the longest run), got ${show(cells[timeIdx])}`);
    t_d.push(td);
    let k = 0;
    specs.forEach((s, j) => {
      if (!s) return;
      const v = cellNum(j);
      const ser = series[k++]!;
      if (v === null) return;
      if (s.kind === 'pH' && !(v >= 0 && v <= 14)) throw new InputError(`${src} row ${row}, column ${show(headers[j])}`, `expected a pH in 0..14, got ${v}`);
      ser.t_d.push(td);
      ser.values.push(v * s.factor);
    });
  }
  for (const s of series) if (s.values.length === 0) throw new InputError(`column ${show(s.column)}`, 'every value is NA');
  return { t_d, series };
}

/** Parses a mapping option: "Gas (L/h)=q_gas [L/h];Methane %=ch4_fraction [%]". */
export function parseMapping(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of text.split(';').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    if (eq <= 0) throw new InputError('--map', `expected "column=kind [unit]" pairs separated by ";", got ${show(part)}`);
    const key = part.slice(0, eq).trim();
    if (Object.prototype.hasOwnProperty.call(out, key)) throw new InputError('--map', `column ${show(key)} is mapped twice`);
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}

/**
 * How a residual (or RMSE) of a series reads: in the unit the file gave, the nitrogen or COD basis kept ("mg N/L",
 * "g COD/L"), a methane fraction in percentage points of dry (or wet) biogas, gas volumes with their basis, pH in pH
 * units. `factor` turns a canonical residual into the file's unit (divide by it). Canonical unit and basis for JSON.
 */
export function residualUnit(s: Pick<MeasuredSeries, 'kind' | 'unit' | 'unitGiven' | 'normal' | 'basis' | 'factor'>): { unit: string; factor: number; basis: string } {
  const gas = s.basis === 'wet' ? 'wet biogas (with water vapour)' : 'dry biogas';
  const given = s.unitGiven.trim();
  const f = s.factor ?? 1;
  switch (s.kind) {
    case 'ch4_fraction':
      return /%/.test(given) ? { unit: `percentage points of CH4 in ${gas}`, factor: f, basis: `CH4 share of ${gas}` }
        : { unit: `fraction of CH4 in ${gas} (x 100 = percentage points)`, factor: 1, basis: `CH4 share of ${gas}` };
    case 'pH': return { unit: 'pH units', factor: 1, basis: 'pH' };
    case 'q_gas': case 'V_gas': case 'q_ch4': case 'V_ch4': {
      const what = s.kind === 'q_gas' || s.kind === 'V_gas' ? gas : 'methane';
      const cond = s.normal ? '0 C, 101.325 kPa' : 'at atmospheric pressure and the digester temperature';
      return { unit: given || s.unit, factor: given ? f : 1, basis: `${what}, ${cond}` };
    }
    case 'NH4': {
      // "mmol/L" of ammonium is mmol N/L; a unit that names N keeps it.
      const u = !given ? s.unit : /\bN\b|NH4\+?-N/.test(given) ? given : given.replace(/mol/, 'mol N');
      return { unit: u, factor: given ? f : 1, basis: 'total ammonium nitrogen (NH4+-N + NH3-N)' };
    }
    case 'VFA': {
      const u = !given ? s.unit : /COD|HAc|acetic/i.test(given) ? given : given.replace(/mol/, 'mol acetate-equivalent');
      return { unit: u, factor: given ? f : 1, basis: 'total volatile fatty acids' };
    }
    default: return { unit: given || s.unit, factor: given ? f : 1, basis: '' };
  }
}
