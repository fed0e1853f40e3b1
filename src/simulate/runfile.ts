// Parses a digester-run file (`"kind": "digester-run"`, the `adsim run` contract) into a validated DigesterRun.
// File access is injected (`readText`) so this stays a pure function usable in the browser and in tests.
import { InputError, expected, unknownField } from '../errors.js';
import { cellNumber, excerpt } from '../input/json.js';
import { MODEL_NAME, N_LIQUID, STATE_NAMES } from '../../models/adm1/index.js';
import type { DigesterRun, FeedSegment } from './types.js';
import { MAX_CONCENTRATION, RUN_LIMITS, checkParameters, checkStateRecord, closest, validateRun } from './validate.js';
import { characteriseFeedList } from '../feed/feedlist.js';
import { KINETICS_MODES, type KineticsMode } from './temperature.js';

/** What a feed list turns into: the influent, suggested hydrolysis rates, and caveats to show with the result. */
export interface FeedCharacterisation {
  influent: { q_m3_d: number; state: Record<string, number> };
  parameters?: Partial<Record<string, number>>;
  caveats?: string[];
  warnings?: string[];
}

export interface RunFileContext {
  /** Reads a file named in the run file (e.g. a feed table), relative to the run file; absent in the browser. */
  readText?: (relativePath: string) => string;
  /** Turns `influent.feed` (feedstocks at rates) into one influent; default: the built-in feedstock library. */
  characteriseFeed?: (feed: unknown, field: string) => FeedCharacterisation;
}

const TOP_KEYS = ['kind', 'model', 'name', 'comment', 'digester', 'influent', 'initial', 'parameters', 'kinetics', 'days', 'output', 'solver'];
const NESTED_KEYS: Record<string, readonly string[]> = {
  digester: ['V_liq_m3', 'V_gas_m3', 'T_op_K'],
  output: ['every_d'],
  solver: ['method', 'rtol', 'atol', 'maxSteps', 'jacobian', 'linear'],
};

/** Unknown keys inside a nested object are typos (e.g. "every" for "every_d"): name them rather than ignore them. */
function checkKeys(field: string, obj: Record<string, unknown>, allowed: readonly string[]): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) unknownField(`${field}.${k}`, k, allowed);
  }
}
const INFLUENT_STATES = new Set<string>(STATE_NAMES.slice(0, N_LIQUID));

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Most data rows a feed table may have (one row per feed change: a year of hourly changes is 8,760). */
export const MAX_TABLE_ROWS = 100_000;

/**
 * Parses a feed table (CSV): `time_d,q_m3_d,<influent states...>`; each row holds until the next row's time. Every
 * problem is named by the CSV's row (file line) and column, never by a position in the parsed run.
 */
export function parseFeedTable(text: string, field = 'influent.table'): FeedSegment[] {
  const all = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lines: { row: number; text: string }[] = [];
  all.forEach((l, i) => { const t = l.trim(); if (t !== '' && !t.startsWith('#')) lines.push({ row: i + 1, text: t }); });
  if (lines.length < 2) expected(field, 'a CSV with a header row and at least one data row', `${lines.length} line(s)`);
  if (lines.length - 1 > MAX_TABLE_ROWS) throw new InputError(field, `${lines.length - 1} data rows; the limit is ${MAX_TABLE_ROWS}`);
  const header = lines[0]!.text.split(',').map((h) => h.trim());
  const headRow = lines[0]!.row;
  if (header[0] !== 'time_d' || header[1] !== 'q_m3_d') {
    throw new InputError(`${field} row ${headRow}`, `expected the first columns to be time_d,q_m3_d, got ${excerpt(header.slice(0, 2).join(','))}`);
  }
  const seen = new Set<string>();
  header.forEach((h, j) => {
    if (seen.has(h)) throw new InputError(`${field} row ${headRow}, column ${j + 1}`, `column ${excerpt(h)} appears twice; give each state once`);
    seen.add(h);
    if (j < 2) return;
    if (!INFLUENT_STATES.has(h)) {
      throw new InputError(`${field} row ${headRow}, column ${j + 1}`, `unknown influent state ${excerpt(h)}; did you mean ${closest(h, INFLUENT_STATES).join(', ')}?`);
    }
  });
  let last = -Infinity;
  return lines.slice(1).map(({ row, text: line }) => {
    const cells = line.split(',').map((c) => c.trim());
    const where = `${field} row ${row}`;
    if (cells.length !== header.length) throw new InputError(where, `expected ${header.length} cells (one per header column), got ${cells.length}`);
    const nums = cells.map((c, j) => {
      const at = `${where}, column ${header[j]}`;
      const x = cellNumber(c);
      if (!Number.isFinite(x)) throw new InputError(at, `expected a finite number, got ${excerpt(c)}`);
      if (j > 0 && x < 0) throw new InputError(at, `expected ${j === 1 ? 'a flow' : 'a concentration'} >= 0, got ${excerpt(c)}`);
      if (j === 1 && x > RUN_LIMITS.flow_m3_d) throw new InputError(at, `expected a flow of at most ${RUN_LIMITS.flow_m3_d} m3/d, got ${excerpt(c)}`);
      if (j > 1 && x > MAX_CONCENTRATION) throw new InputError(at, `expected a concentration of at most ${MAX_CONCENTRATION}, got ${excerpt(c)}`);
      return x;
    });
    if (!(nums[0]! > last)) throw new InputError(`${where}, column time_d`, `times must increase row by row; got ${nums[0]} after ${last}`);
    last = nums[0]!;
    const state: Record<string, number> = {};
    header.slice(2).forEach((h, j) => { state[h] = nums[j + 2]!; });
    return { time_d: nums[0]!, q_m3_d: nums[1]!, state };
  });
}

interface ParsedInfluent { feed: FeedSegment[]; parameters?: Partial<Record<string, number>>; notes: string[] }

function parseInfluent(v: unknown, ctx: RunFileContext): ParsedInfluent {
  if (!isObject(v)) expected('influent', 'an object with q_m3_d and state, a table, or a feed list', v);
  if ('table' in v) {
    if (typeof v.table !== 'string') expected('influent.table', 'a CSV file path relative to the run file', v.table);
    if (!ctx.readText) throw new InputError('influent.table', 'feed tables can only be read from files (CLI or library with readText)');
    for (const k of Object.keys(v)) {
      if (k !== 'table') throw new InputError(`influent.${k}`, `a feed table gives the whole influent; remove ${JSON.stringify(k)} or the table (expected only "table")`);
    }
    let text: string;
    try { text = ctx.readText(v.table); } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError('influent.table', `cannot read ${excerpt(v.table)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const feed = parseFeedTable(text);
    if (feed[0]!.time_d > 0) throw new InputError('influent.table, first data row, column time_d', `expected the first row to start at or before t = 0 d, got ${feed[0]!.time_d}`);
    return { feed, notes: [] };
  }
  if ('feed' in v) {
    for (const k of Object.keys(v)) {
      if (k !== 'feed') throw new InputError(`influent.${k}`, `a feed list gives the whole influent; remove ${JSON.stringify(k)} or the feed list (expected only "feed")`);
    }
    const c = (ctx.characteriseFeed ?? characteriseFeedList)(v.feed, 'influent.feed');
    return {
      feed: [{ time_d: 0, q_m3_d: c.influent.q_m3_d, state: c.influent.state }],
      parameters: c.parameters,
      notes: [...(c.caveats ?? []), ...(c.warnings ?? [])],
    };
  }
  if ('influent' in v && !('state' in v)) {
    throw new InputError('influent.influent', 'this looks like `adsim characterise --json --full` output: use its "influent" object, or characterise without --full');
  }
  checkKeys('influent', v, ['q_m3_d', 'state', 'parameters', 'caveats']);
  if (typeof v.q_m3_d !== 'number' || !Number.isFinite(v.q_m3_d) || v.q_m3_d < 0) expected('influent.q_m3_d', 'a flow >= 0 m3/d', v.q_m3_d);
  checkStateRecord('influent.state', v.state, false);
  // From `adsim characterise --json`: the feedstocks' hydrolysis rates (suggested; the file's parameters win) and caveats.
  checkParameters('influent.parameters', v.parameters);
  if (v.caveats !== undefined && !(Array.isArray(v.caveats) && v.caveats.every((c) => typeof c === 'string'))) expected('influent.caveats', 'a list of texts', v.caveats);
  return {
    feed: [{ time_d: 0, q_m3_d: v.q_m3_d, state: v.state as Record<string, number> }],
    parameters: v.parameters as Partial<Record<string, number>> | undefined,
    notes: (v.caveats as string[] | undefined) ?? [],
  };
}

/** A note naming the influent states that no feed row gives (they are taken as 0, which sets alkalinity and pH too). */
export function missingInfluentNote(feed: readonly FeedSegment[]): string[] {
  const missing = STATE_NAMES.slice(0, N_LIQUID).filter((k) => feed.every((row) => row.state[k] === undefined));
  if (missing.length === 0) return [];
  const key = missing.filter((k) => ['S_IC', 'S_IN', 'S_cation', 'S_anion'].includes(k));
  return [`influent: no value for ${missing.join(', ')}; taken as 0${key.length ? ` (${key.join(', ')} set the feed's alkalinity and pH: check them)` : ''}`];
}

export function parseRunFile(json: unknown, ctx: RunFileContext = {}): DigesterRun {
  if (!isObject(json)) expected('(file)', 'a JSON object', json);
  if (json.kind !== 'digester-run') expected('kind', '"digester-run"', json.kind);
  if (json.model !== undefined && json.model !== MODEL_NAME) expected('model', JSON.stringify(MODEL_NAME), json.model);
  for (const k of ['name', 'comment'] as const) {
    if (json[k] !== undefined && (typeof json[k] !== 'string' || (json[k] as string).length > 10_000)) expected(k, 'a text (at most 10,000 characters)', json[k]);
  }
  for (const k of Object.keys(json)) {
    if (!TOP_KEYS.includes(k)) unknownField(k, k, TOP_KEYS);
  }
  const digester = json.digester;
  if (!isObject(digester)) expected('digester', 'an object with V_liq_m3, V_gas_m3, T_op_K', digester);
  const output = json.output;
  if (output !== undefined && !isObject(output)) expected('output', 'an object like {"every_d": 1}', output);
  const solver = json.solver;
  if (solver !== undefined && !isObject(solver)) expected('solver', 'an object like {"method": "rosenbrock", "rtol": 1e-6, "atol": 1e-8}', solver);
  checkKeys('digester', digester, NESTED_KEYS.digester!);
  if (output) checkKeys('output', output, NESTED_KEYS.output!);
  if (solver) checkKeys('solver', solver, NESTED_KEYS.solver!);
  if (json.kinetics !== undefined && !KINETICS_MODES.includes(json.kinetics as KineticsMode)) expected('kinetics', `${KINETICS_MODES.map((m) => JSON.stringify(m)).join(' or ')} (rates at their 35 C values, or corrected to T_op)`, json.kinetics);
  const influent = parseInfluent(json.influent, ctx);
  const run: DigesterRun = {
    digester: { V_liq_m3: digester.V_liq_m3 as number, V_gas_m3: digester.V_gas_m3 as number, T_op_K: digester.T_op_K as number },
    feed: influent.feed,
    initial: json.initial as DigesterRun['initial'],
    // a feed list suggests hydrolysis rates for its feedstocks; the file's own parameters take precedence
    parameters: { ...influent.parameters, ...(json.parameters as DigesterRun['parameters']) },
    // The file's own parameters are taken at its temperature; a feed list's suggested hydrolysis rates are 35 C values.
    ...(json.kinetics !== undefined ? { kinetics: { mode: json.kinetics as KineticsMode, given: Object.keys((json.parameters as object | undefined) ?? {}) } } : {}),
    days: json.days as number,
    output_every_d: (output?.every_d as number | undefined) ?? 1,
    solver: solver as DigesterRun['solver'],
    notes: [...influent.notes, ...missingInfluentNote(influent.feed)],
  };
  validateRun(run);
  return run;
}
