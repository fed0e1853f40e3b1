// Seeded generator of hostile CLI cases over every input kind: mutations of valid bundled files (wrong types, extreme
// numbers, unknown, duplicate and prototype keys, deep nesting, unit strings, BOM, broken syntax), CSV damage, special
// files (FIFO, /dev/zero, symlinks and paths out of the folder), bad flags. A case says whether it is known-bad.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEEDSTOCKS } from '../../models/feedstocks/index.js';
import { PARAMETERS } from '../../models/adm1/index.js';
import { physicalLimit, withinLimit } from '../../models/adm1/limits.js';

export type Kind = 'run' | 'table' | 'feed' | 'scenario' | 'compare' | 'project' | 'feedstocks' | 'measured' | 'flags' | 'inputs';
export const KINDS: readonly Kind[] = ['run', 'table', 'feed', 'scenario', 'compare', 'project', 'feedstocks', 'measured', 'flags', 'inputs'];

/** A file of a case: text, or a special the harness makes (FIFO, symlink). */
export type CaseFile = string | Uint8Array | { fifo: true } | { symlink: string };

export interface Case {
  id: string;
  kind: Kind;
  /** What was done, for the report. */
  op: string;
  /** Files in the case folder (names may contain "sub/"); "../outside.csv" is written beside the folder. */
  files: Record<string, CaseFile>;
  /** argv; "@/x" is replaced by the case folder's absolute path + "/x". */
  argv: string[];
  /** Known-bad: must exit 2. */
  bad: boolean;
  /** The mutation class, for classes added in the second campaign (reported per class). */
  cls?: string;
}

const ROOT = join(__dirname, '..', '..');
const readJsonFile = (p: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, unknown>;

// ---------------------------------------------------------------- PRNG
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// ---------------------------------------------------------------- base documents
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function bsmRun(): Record<string, unknown> {
  const j = readJsonFile('scenarios/bsm2-steady-state.json');
  j.days = 3;
  j.output = { every_d: 1 };
  return j;
}
const feedRun = (): Record<string, unknown> => ({
  kind: 'digester-run', name: 'feed list run',
  digester: { V_liq_m3: 150, V_gas_m3: 15, T_op_K: 308.15 },
  influent: { feed: [{ feedstock: 'dog-faeces', rate: '1.5 t/week' }, { water: '0.5 m3/d' }] },
  days: 3, output: { every_d: 1 },
});
const tableRun = (table = 'feed.csv'): Record<string, unknown> => ({
  kind: 'digester-run', name: 'table run',
  digester: { V_liq_m3: 3400, V_gas_m3: 300, T_op_K: 308.15 },
  influent: { table }, days: 3, output: { every_d: 1 },
});
const TABLE = 'time_d,q_m3_d,X_ch,X_pr,X_li,S_IC,S_IN,S_cation\n0,170,5,20,5,0.04,0.01,0.04\n1,150,4,18,5,0.04,0.01,0.04\n2,170,5,20,5,0.04,0.01,0.04\n';
const SCENARIOS = ['scenarios/weekly-small-digester.json', 'scenarios/baseline-efw.json', 'scenarios/dog-garden-codigestion.json', 'scenarios/fortnightly-small-digester.json'];
const BMP_CSV = ['time [d],B [NmL/gVS]', ...[0, 1, 2, 3, 5, 7, 10, 14, 21, 28].map((t) => `${t},${(300 * (1 - Math.exp(-0.2 * t))).toFixed(2)}`)].join('\n') + '\n';
const PLANT_CSV = 'time [d],q_ch4 [m3/d],pH\n1,1000,7.3\n2,1010,7.3\n3,1020,7.31\n';
const feedstockFile = (): Record<string, unknown> => {
  const rec = clone(FEEDSTOCKS.find((f) => f.id === 'garden-waste') ?? FEEDSTOCKS[1]!) as unknown as Record<string, unknown>;
  rec.id = 'my-waste';
  rec.name = 'My waste';
  return { feedstocks: [{ id: 'dog-faeces', BMP: 300 }, rec] };
};
const inputsRun = (): Record<string, unknown> => ({ inputs: [{ name: 'k_dis', dist: { kind: 'uniform', low: 0.2, high: 0.8 }, unit: '1/d' }, { name: 'K_I_nh3', dist: { kind: 'triangular', low: 0.002, mode: 0.005, high: 0.02 } }] });
const inputsScenario = (): Record<string, unknown> => ({ inputs: [{ name: 'gas_use.availability', dist: { kind: 'uniform', low: 0.85, high: 0.95 } }] });

// ---------------------------------------------------------------- JSON mutation
type Path = (string | number)[];
function leaves(v: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []): { path: Path; value: unknown }[] {
  out.push({ path, value: v });
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
  return out;
}
function getAt(doc: unknown, path: Path): unknown { return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], doc); }
function setAt(doc: unknown, path: Path, v: unknown): void {
  const parent = getAt(doc, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = v;
}
function delAt(doc: unknown, path: Path): void {
  const parent = getAt(doc, path.slice(0, -1)) as Record<string, unknown> | unknown[];
  const k = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(k as number, 1); else delete parent[k as string];
}
const INJECT = '\u0001INJECT';
/** The document as text with `raw` members injected first into the object at `path`. */
function withRaw(doc: unknown, path: Path, raw: string): string {
  const d = clone(doc);
  const o = getAt(d, path) as Record<string, unknown>;
  const rebuilt: Record<string, unknown> = { [INJECT]: 0, ...o };
  if (path.length === 0) return JSON.stringify(rebuilt, null, 1).replace(`${JSON.stringify(INJECT)}: 0`, raw);
  setAt(d, path, rebuilt);
  return JSON.stringify(d, null, 1).replace(`${JSON.stringify(INJECT)}: 0`, raw);
}
const QUANTITY = /^\s*[-+£]?\s*\d[\d.]*(e[-+]?\d+)?\s*\S/i;

/** One mutation of a JSON document: the new text, what was done, and whether the result is known to be bad. */
export function mutateJson(r: R, base: unknown, opts: { valueOnly?: Path } = {}): Mutation {
  let all = leaves(base);
  if (opts.valueOnly) all = all.filter((l) => opts.valueOnly!.every((k, i) => l.path[i] === k));
  const objects = all.filter((l) => l.value && typeof l.value === 'object' && !Array.isArray(l.value));
  const nums = all.filter((l) => typeof l.value === 'number');
  const strs = all.filter((l) => typeof l.value === 'string');
  // Free text (citations, names) may start with a number; only value fields are quantities.
  const quantities = strs.filter((l) => QUANTITY.test(l.value as string) && !/(source|description|caveat|comment|name)$/.test(String(l.path[l.path.length - 1])));
  const at = (l: { path: Path }) => l.path.join('.') || '(root)';
  const arrays = all.filter((l) => Array.isArray(l.value) && l.path.length);
  const ops: Array<() => Mutation> = [
    () => { // unknown (misspelt) key
      const o = pick(r, objects); const keys = Object.keys(o.value as object);
      const k = keys.length ? pick(r, keys) : 'x';
      const typo = `${k.slice(0, 1)}${pick(r, ['q', 'zz', 'x_', 'Q'])}${k.slice(1)}`;
      return { text: withRaw(base, o.path, `"${typo}": 1,`), op: `unknown key ${typo} at ${at(o)}`, bad: true };
    },
    () => { // prototype keys
      const o = pick(r, objects); const k = pick(r, ['__proto__', 'constructor', 'prototype']);
      return { text: withRaw(base, o.path, `"${k}": {"availability": 0.01},`), op: `${k} at ${at(o)}`, bad: true };
    },
    () => { // duplicate key, bad value first
      const o = pick(r, objects.filter((x) => Object.keys(x.value as object).length)); if (!o) return { text: '{', op: 'syntax', bad: true };
      const k = pick(r, Object.keys(o.value as object));
      return { text: withRaw(base, o.path, `"${k}": -5,`), op: `duplicate ${k} at ${at(o)}`, bad: true };
    },
    () => { // number leaf: wrong type
      const l = pick(r, nums); if (!l) return { text: '[', op: 'syntax', bad: true };
      const d = clone(base); setAt(d, l.path, pick(r, [true, [], {}, 'abc', null]));
      return { text: JSON.stringify(d), op: `wrong type at ${at(l)}`, bad: true };
    },
    () => { // number leaf: extreme value (may be accepted; must not break anything)
      const l = pick(r, nums); if (!l) return { text: JSON.stringify(base), op: 'none', bad: false };
      const d = clone(base); const v = pick(r, [0, -1, 1e-308, 1e308, -1e308, 1e6, 1e-6, 0.5, 2, 1e15, -0]);
      setAt(d, l.path, v);
      return { text: JSON.stringify(d), op: `value ${v} at ${at(l)}`, bad: false };
    },
    () => { // number literal outside the double range
      const l = pick(r, nums); if (!l) return { text: '1e999', op: '1e999', bad: true };
      const d = clone(base); setAt(d, l.path, 424242.4242);
      return { text: JSON.stringify(d).replace('424242.4242', pick(r, ['1e999', '-1e999', '1e400'])), op: `1e999 at ${at(l)}`, bad: true };
    },
    () => { // unit string without a number, with an unknown unit, or out of range
      const l = quantities.length ? pick(r, quantities) : undefined; if (!l) return { text: '{"a":', op: 'syntax', bad: true };
      const s = l.value as string; const unit = s.replace(/^\s*[-+£]?\s*\d[\d.]*(e[-+]?\d+)?\s*/i, '');
      const d = clone(base); const v = pick(r, unit.trim() ? [unit, `5 furlongs`, `1e999 ${unit}`, `${unit} 5`, `five ${unit}`] : ['5 furlongs', `1e999 ${s.trim()}`, 'five']);
      setAt(d, l.path, v);
      return { text: JSON.stringify(d), op: `quantity ${JSON.stringify(v)} at ${at(l)}`, bad: true };
    },
    () => { // string leaf: container or boolean
      const l = pick(r, strs); if (!l) return { text: '{', op: 'syntax', bad: true };
      const d = clone(base); setAt(d, l.path, pick(r, [[], {}, true]));
      return { text: JSON.stringify(d), op: `container at ${at(l)}`, bad: !/comment|description|caveat|source/.test(at(l)) };
    },
    () => { // long string (echo limits)
      const l = pick(r, strs); if (!l) return { text: JSON.stringify(base), op: 'none', bad: false };
      const d = clone(base); setAt(d, l.path, 'A'.repeat(200_000) + '\u0007\u001b[31m');
      return { text: JSON.stringify(d), op: `200 kB string at ${at(l)}`, bad: false };
    },
    () => { // deletion
      const l = pick(r, all.filter((x) => x.path.length)); if (!l) return { text: JSON.stringify(base), op: 'none', bad: false };
      const d = clone(base); delAt(d, l.path);
      return { text: JSON.stringify(d), op: `delete ${at(l)}`, bad: false };
    },
    () => { // deep nesting
      const n = pick(r, [65, 1000, 100_000]);
      const o = pick(r, objects);
      return { text: withRaw(base, o.path, `"deep": ${'['.repeat(n)}${']'.repeat(n)},`), op: `nesting ${n} at ${at(o)}`, bad: true };
    },
    () => { // broken syntax
      const t = JSON.stringify(base, null, 1);
      const cut = Math.floor(r() * (t.length - 2)) + 1;
      const v = pick(r, [t.slice(0, cut), t.slice(0, cut) + '}}}', t + ' trailing', t.replace(/:/, '::'), `{${t}`]);
      return { text: v, op: 'broken syntax', bad: true };
    },
    () => ({ text: '\uFEFF' + JSON.stringify(base, null, 2), op: 'BOM', bad: false }),
    () => ({ text: JSON.stringify(base).replace(/^\{/, '{\n').replace(/,/g, ',\r\n'), op: 'CRLF', bad: false }),
  ];
  // Second campaign (issue 14: "the next campaign uses new cases"): classes the first did not produce.
  const added: Array<() => Mutation> = [
    () => { // unicode inside a text value: NUL, a lone surrogate, zero-width and direction marks, ESC; may be accepted
      const l = pick(r, strs); if (!l) return { text: JSON.stringify(base), op: 'none', bad: false, cls: 'json-unicode' };
      const ch = pick(r, ['\\u0000', '\\ud800', '\\u200b', '\\u202e', '\\u001b[2J', '\\ufeff', '\\u0085']);
      const d = clone(base); setAt(d, l.path, '\u0001MARK');
      const v = l.value as string;
      return { text: JSON.stringify(d).replace('"\\u0001MARK"', JSON.stringify(v).replace(/^"/, `"${ch}`)), op: `unicode ${ch} in ${at(l)}`, bad: false, cls: 'json-unicode' };
    },
    () => { // raw bytes: NUL outside a string, invalid UTF-8, UTF-16
      const t = JSON.stringify(base, null, 1);
      const v = pick(r, ['nul', 'latin1', 'utf16', 'nul-in-string']);
      if (v === 'nul') return { bytes: Buffer.from(t.replace('\n', '\n\u0000')), op: 'raw NUL between tokens', bad: true, cls: 'json-bytes' };
      if (v === 'nul-in-string') return { bytes: Buffer.from(t.replace(/": "/, '": "\u0000')), op: 'raw NUL inside a string', bad: true, cls: 'json-bytes' };
      if (v === 'utf16') return { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]), op: 'UTF-16 file', bad: true, cls: 'json-bytes' };
      const b = Buffer.from(t.replace(/": "/, '": "\u0001'));
      b[b.indexOf(1)] = 0xe9;   // Latin-1 e-acute: not UTF-8
      return { bytes: b, op: 'Latin-1 byte in a string', bad: true, cls: 'json-bytes' };
    },
    () => { // a number written as text, with or without a unit, in odd forms
      const l = pick(r, nums); if (!l) return { text: '{"a":', op: 'syntax', bad: true, cls: 'number-as-text' };
      const n = l.value as number;
      const known: [string, boolean][] = [[String(n), false], [`${n} `, false], [`${String(n).replace('.', ',')}`, String(n).includes('.')], [`0x${Math.abs(Math.round(n)).toString(16)}`, true],
        ['Infinity', true], ['NaN', true], [`${n}.5.2`, true], [`\u2212${n}`, true], [`${n}e999`, true], ['', true], [`${n} ${n}`, true]];
      const [v, bad] = pick(r, known);
      const d = clone(base); setAt(d, l.path, v);
      return { text: JSON.stringify(d), op: `number as text ${JSON.stringify(v)} at ${at(l)}`, bad, cls: 'number-as-text' };
    },
    () => { // a quantity in odd forms
      const l = quantities.length ? pick(r, quantities) : undefined; if (!l) return { text: '[', op: 'syntax', bad: true, cls: 'quantity-odd' };
      const s0 = (l.value as string).trim();
      const m = /^([-+£]?\s*\d[\d.]*(?:e[-+]?\d+)?)\s*(.*)$/i.exec(s0)!;
      const [num, unit] = [m[1]!, m[2]!];
      const forms: [string, boolean][] = [
        [`${num.replace('.', ',')} ${unit}`, num.includes('.')], [`${num}${unit}`, false], [`${num} ${unit.toUpperCase()}`, false], [`${num}\u00a0${unit}`, false],
        [`${num} ${unit} ${unit}`, !!unit], [`\u0661\u066b\u0665 ${unit}`, true], [`${num} ${unit}\u0000`, true], [`0x10 ${unit}`, true], [`Infinity ${unit}`, true],
        [`NaN ${unit}`, true], [`${num}.5.2 ${unit}`, true], [`\u2212${num} ${unit}`, true], [`1e-400 ${unit}`, false], [`${num} ${unit}/week/week`, !!unit],
        [`${num}e999 ${unit}`, true], [`${' '.repeat(50)}${num} ${unit}`, false], [`${num} ${'x'.repeat(5000)}`, true], [`${num} ${unit}\u200b`, !!unit],
      ];
      const [v, bad] = pick(r, forms);
      const d = clone(base); setAt(d, l.path, v);
      return { text: JSON.stringify(d), op: `odd quantity ${JSON.stringify(v).slice(0, 60)} at ${at(l)}`, bad, cls: 'quantity-odd' };
    },
    () => { // a very long key or number literal
      const o = pick(r, objects);
      const v = pick(r, ['key', 'digits', 'tiny']);
      if (v === 'key') return { text: withRaw(base, o.path, `"${'k'.repeat(100_000)}": 1,`), op: `100 kB key at ${at(o)}`, bad: true, cls: 'long-token' };
      const l = pick(r, nums); if (!l) return { text: '{', op: 'syntax', bad: true, cls: 'long-token' };
      const d = clone(base); setAt(d, l.path, 424242.4242);
      const lit = v === 'digits' ? `1${'0'.repeat(400)}` : `0.${'0'.repeat(100_000)}1`;
      return { text: JSON.stringify(d).replace('424242.4242', lit), op: `${v === 'digits' ? '401-digit integer' : '100,000-digit fraction'} at ${at(l)}`, bad: v === 'digits', cls: 'long-token' };
    },
    () => { // nesting of arrays where a number, a string or a list belongs (within the depth limit)
      const depth = pick(r, [1, 2, 5, 60]);
      const wrap = (x: unknown) => { let y = x; for (let k = 0; k < depth; k++) y = [y]; return y; };
      const pool = [...nums, ...strs.filter((x) => !/(source|description|caveat|comment|name)$/.test(String(x.path[x.path.length - 1]))), ...arrays];
      const l = pick(r, pool); if (!l) return { text: '{', op: 'syntax', bad: true, cls: 'array-nesting' };
      const d = clone(base); setAt(d, l.path, wrap(l.value));
      return { text: JSON.stringify(d), op: `value in ${depth} arrays at ${at(l)}`, bad: true, cls: 'array-nesting' };
    },
    () => ({ text: pick(r, ['', ' \n\t', '\uFEFF', '\uFEFF\n', 'null', '[]', '0', '""']), op: 'empty or bare file', bad: true, cls: 'empty-file' }),
  ];
  // One case in three is a second-campaign class, so every class gets a few hundred cases over the campaign.
  return r() < 1 / 3 ? pick(r, added)() : pick(r, ops)();
}

/** A mutation: text (or raw bytes), what was done, whether it is known-bad, and its class (second campaign). */
export interface Mutation { text?: string; bytes?: Uint8Array; op: string; bad: boolean; cls?: string }
/** The file content of a mutation. */
export const content = (m: Mutation): CaseFile => m.bytes ?? m.text ?? '';

// ---------------------------------------------------------------- CSV mutation
export function mutateCsv(r: R, csv: string, na = false): Mutation {
  const lines = csv.trimEnd().split('\n');
  const cols = lines[0]!.split(',');
  const row = 1 + Math.floor(r() * (lines.length - 1));
  const col = Math.floor(r() * cols.length);
  const setCell = (v: string) => lines.map((l, i) => (i === row ? l.split(',').map((c, j) => (j === col ? v : c)).join(',') : l)).join('\n') + '\n';
  const ops: Array<() => Mutation> = [
    () => { const v = pick(r, ['abc', '', '1e999', 'NaN', 'Infinity', '0x10', '1,2', '--1', '0b11', '1_000', ' 5 ']); return { text: setCell(v), op: `cell ${JSON.stringify(v)} row ${row + 1} col ${col + 1}`, bad: v !== ' 5 ' && !(na && v === 'NaN' && col > 0) }; },
    () => ({ text: setCell(pick(r, ['-1', '1e300', '0', '1e-300', '5'])), op: `number row ${row + 1} col ${col + 1}`, bad: false }),
    () => ({ text: [lines[0] + ',' + cols[cols.length - 1], ...lines.slice(1).map((l) => l + ',7')].join('\n') + '\n', op: 'duplicate column', bad: true }),
    () => ({ text: [lines[0]!.replace(/[^,]+$/, pick(r, ['constructor', '__proto__', 'toString', 'hasOwnProperty'])), ...lines.slice(1)].join('\n') + '\n', op: 'prototype header', bad: true }),
    () => ({ text: lines.map((l, i) => (i === row ? l + ',9' : l)).join('\n') + '\n', op: 'extra cell', bad: true }),
    () => ({ text: [lines[0], ...lines.slice(1).reverse()].join('\n') + '\n', op: 'times reversed', bad: lines.length > 2 }),
    () => ({ text: '\uFEFF' + lines.join('\r\n') + '\r\n', op: 'BOM + CRLF', bad: false }),
    () => ({ text: lines[0] + '\n', op: 'header only', bad: true }),
    () => ({ text: '', op: 'empty', bad: true }),
    () => ({ text: lines.join('\n').replace(/\n/g, '\n# comment\n') + '\n', op: 'comments', bad: false }),
    () => ({ text: '\u0000\u0001\u0002binary' + lines.join('\n'), op: 'binary', bad: true }),
  ];
  const added: Array<() => Mutation> = [
    () => { // huge and tiny exponents, over-long integers
      const [v, bad] = pick(r, [['1e308', false], ['1e309', true], ['-1e400', true], ['9'.repeat(400), true], ['1e-400', false], ['4.9e-324', false], ['1e+308', false], ['1E99999', true]] as [string, boolean][]);
      return { text: setCell(v), op: `cell ${v.length > 20 ? `${v.slice(0, 8)}... (${v.length} chars)` : v} row ${row + 1} col ${col + 1}`, bad, cls: 'csv-exponent' };
    },
    () => { // unicode and control characters in a cell or the header
      const [v, bad] = pick(r, [['\u22125', true], ['\uff15', true], ['\u200b5', true], ['5\u0000', true], ['\ufeff5', false], ['5\u00a0', false], ['5\u001b[2J', true], ['\u0665', true]] as [string, boolean][]);
      return { text: setCell(v), op: `cell ${JSON.stringify(v)} row ${row + 1} col ${col + 1}`, bad, cls: 'csv-unicode' };
    },
    () => { // another delimiter, quoting, UTF-16, CR-only line ends, whitespace-only file, a 1 MB cell
      const v = pick(r, ['semicolon', 'tab', 'quoted', 'utf16', 'cr', 'blank', 'huge-cell']);
      // Measured data may be comma, semicolon or tab separated (docs/research.md); feed tables are comma separated.
      if (v === 'semicolon') return { text: lines.map((l) => l.replace(/,/g, ';')).join('\n') + '\n', op: 'semicolon-separated', bad: !na, cls: 'csv-format' };
      if (v === 'tab') return { text: lines.map((l) => l.replace(/,/g, '\t')).join('\n') + '\n', op: 'tab-separated', bad: !na, cls: 'csv-format' };
      if (v === 'quoted') return { text: lines.map((l, i) => (i ? l.split(',').map((c) => `"${c}"`).join(',') : l)).join('\n') + '\n', op: 'quoted cells', bad: false, cls: 'csv-format' };
      if (v === 'utf16') return { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]), op: 'UTF-16 CSV', bad: true, cls: 'csv-format' };
      if (v === 'cr') return { text: lines.join('\r') + '\r', op: 'CR-only line ends', bad: false, cls: 'csv-format' };
      if (v === 'blank') return { text: pick(r, [' \n', '\n\n\n', '\uFEFF', ',,,\n']), op: 'blank file', bad: true, cls: 'csv-format' };
      return { text: setCell('7'.repeat(1_000_000)), op: `1 MB cell row ${row + 1}`, bad: true, cls: 'csv-format' };
    },
  ];
  return r() < 1 / 3 ? pick(r, added)() : pick(r, ops)();
}

/** 100,001 data rows: over every CSV row limit. */
function hugeCsv(header: string, row: (i: number) => string): string {
  const out = [header];
  for (let i = 0; i <= 100_000; i++) out.push(row(i));
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- per-kind generators
type Gen = (r: R, id: string) => Omit<Case, 'files'> & { files: Record<string, CaseFile | undefined> };
const text = (j: unknown) => JSON.stringify(j, null, 1);

const SPECIAL_TABLES: Array<{ table: string; files: Record<string, CaseFile>; op: string; bad: boolean }> = [
  { table: '../outside.csv', files: { '../outside.csv': TABLE }, op: 'table outside the folder', bad: true },
  { table: '/etc/passwd', files: {}, op: 'absolute /etc/passwd', bad: true },
  { table: '/proc/self/environ', files: {}, op: '/proc/self/environ', bad: true },
  { table: '/dev/zero', files: {}, op: '/dev/zero', bad: true },
  { table: '../../../../../../etc/passwd', files: {}, op: 'dot-dot to /etc/passwd', bad: true },
  { table: 'fifo.csv', files: { 'fifo.csv': { fifo: true } }, op: 'FIFO table', bad: true },
  { table: 'link.csv', files: { '../outside.csv': TABLE, 'link.csv': { symlink: '../outside.csv' } }, op: 'symlink out of the folder', bad: true },
  { table: 'link.csv', files: { 'feed.csv': TABLE, 'link.csv': { symlink: 'feed.csv' } }, op: 'symlink inside the folder', bad: false },
  { table: 'sub/feed.csv', files: { 'sub/feed.csv': TABLE }, op: 'table in a subfolder', bad: false },
  { table: 'sub', files: { 'sub/x.csv': TABLE }, op: 'table is a folder', bad: true },
  { table: 'missing.csv', files: {}, op: 'missing table', bad: true },
  { table: 'loop.csv', files: { 'loop.csv': { symlink: 'loop2.csv' }, 'loop2.csv': { symlink: 'loop.csv' } }, op: 'table symlink loop', bad: true },
  { table: 'empty.csv', files: { 'empty.csv': '' }, op: 'empty table file', bad: true },
  { table: 'feed.csv/', files: { 'feed.csv': TABLE }, op: 'table path with a trailing slash', bad: true },
  { table: 'x.csv', files: { 'x.csv/inner.csv': TABLE }, op: 'a folder named x.csv', bad: true },
  { table: '', files: {}, op: 'empty table path', bad: true },
  { table: 'feed.csv\u0000.txt', files: { 'feed.csv': TABLE }, op: 'NUL in the table path', bad: true },
];

const SPECIAL_FILES: Array<{ name: string; files: Record<string, CaseFile>; op: string; path?: string }> = [
  { name: 'fifo.json', files: { 'fifo.json': { fifo: true } }, op: 'FIFO' },
  { name: '/dev/zero', files: {}, op: '/dev/zero', path: '/dev/zero' },
  { name: '/dev/urandom', files: {}, op: '/dev/urandom', path: '/dev/urandom' },
  { name: 'dir', files: { 'dir/a': '{}' }, op: 'a folder' },
  { name: 'missing.json', files: {}, op: 'missing file' },
  { name: 'big.json', files: { 'big.json': `{"comment": "${'x'.repeat(17 * 1024 * 1024)}"}` }, op: '17 MB file' },
];
/** Second campaign: symbolic-link loops, a folder with a file's name, empty files, a dangling link. */
const SPECIAL_FILES_2: Array<{ name: string; files: Record<string, CaseFile>; op: string }> = [
  { name: 'loop.json', files: { 'loop.json': { symlink: 'loop2.json' }, 'loop2.json': { symlink: 'loop.json' } }, op: 'symlink loop' },
  { name: 'self.json', files: { 'self.json': { symlink: 'self.json' } }, op: 'symlink to itself' },
  { name: 'x.json', files: { 'x.json/inner.json': '{}' }, op: 'a folder named x.json' },
  { name: 'empty.json', files: { 'empty.json': '' }, op: 'empty file' },
  { name: 'dangling.json', files: { 'dangling.json': { symlink: 'nowhere.json' } }, op: 'dangling symlink' },
];

function special(r: R): { file: string; files: Record<string, CaseFile>; op: string; cls?: string } {
  if (r() < 0.5) { const t = pick(r, SPECIAL_FILES_2); return { file: `@/${t.name}`, files: t.files, op: `special file: ${t.op}`, cls: 'special-file-2' }; }
  const s = pick(r, SPECIAL_FILES.filter((x) => x.name !== 'big.json' || r() < 0.2));
  return { file: s.path ?? `@/${s.name}`, files: s.files, op: `special file: ${s.op}` };
}

const GENS: Record<Kind, Gen> = {
  run: (r, id) => {
    if (r() < 0.06) { const s = special(r); return { id, kind: 'run', op: s.op, files: s.files, argv: ['run', s.file], bad: true, cls: s.cls }; }
    if (r() < 0.25) {
      // One ADM1 parameter or solver option at an extreme value: refused outside its physical limit, else run.
      const j = bsmRun();
      const v = pick(r, [0, -1, 1e-300, 1e6, 1e21, 1e300, 0.5, 2, 14.5, 1e-12]);
      if (r() < 0.2) {
        const k = pick(r, ['rtol', 'atol', 'maxSteps']);
        j.solver = { [k]: v };
        const lim: Record<string, [number, number]> = { rtol: [1e-12, 0.1], atol: [1e-20, 1], maxSteps: [1, 1e7] };
        const ok = v >= lim[k]![0] && v <= lim[k]![1] && (k !== 'maxSteps' || Number.isInteger(v));
        return { id, kind: 'run', op: `solver.${k} = ${v}`, files: { 'run.json': text(j) }, argv: ['run', '@/run.json', '--json'], bad: !ok };
      }
      const p = pick(r, PARAMETERS.filter((x) => !/^(Y|f)_/.test(x.name)));
      j.parameters = { [p.name]: v };
      return { id, kind: 'run', op: `parameter ${p.name} = ${v}`, files: { 'run.json': text(j) }, argv: ['run', '@/run.json', '--json'], bad: !withinLimit(v, physicalLimit(p.name)) };
    }
    const base = pick(r, [bsmRun, feedRun])();
    const m = mutateJson(r, base);
    return { id, kind: 'run', op: m.op, files: { 'run.json': content(m) }, argv: ['run', '@/run.json', ...(r() < 0.5 ? ['--json'] : [])], bad: m.bad, cls: m.cls };
  },
  table: (r, id) => {
    if (r() < 0.3) {
      const s = pick(r, SPECIAL_TABLES);
      const second = SPECIAL_TABLES.indexOf(s) >= 11;
      return { id, kind: 'table', op: s.op, files: { ...s.files, 'run.json': text(tableRun(s.table)) }, argv: ['run', '@/run.json', '--json'], bad: s.bad, cls: second ? 'special-file-2' : undefined };
    }
    if (r() < 0.03) return { id, kind: 'table', op: '100,001 rows', files: { 'feed.csv': hugeCsv('time_d,q_m3_d,X_ch', (i) => `${i / 100},170,5`), 'run.json': text(tableRun()) }, argv: ['run', '@/run.json'], bad: true };
    const m = mutateCsv(r, TABLE);
    return { id, kind: 'table', op: m.op, files: { 'feed.csv': content(m), 'run.json': text(tableRun()) }, argv: ['run', '@/run.json', '--json'], bad: m.bad, cls: m.cls };
  },
  feed: (r, id) => {
    if (r() < 0.4) {
      // characterise with flags
      const rate = pick(r, ['1.5 t/week', 't/week', '1e999 t/week', '5 furlongs', '-1 t/week', '2 m3/d', '0 kg/d', '', 'abc', '1.5 t/week extra', '5e306 t/d']);
      const water = pick(r, [undefined, '0.5 m3/d', '1e999 m3/d', 'm3/d', '-2 m3/d', '2 kg/d', '3 K']);
      const vol = pick(r, [undefined, '150', '1e-308', '0', '-5', '1e308', 'abc']);
      const known = ['t/week', '1e999 t/week', '5 furlongs', '-1 t/week', '', 'abc', '1.5 t/week extra', '5e306 t/d'].includes(rate) || ['1e999 m3/d', 'm3/d', '-2 m3/d', '3 K'].includes(water ?? '') || ['1e-308', '0', '-5', 'abc'].includes(vol ?? '');
      const fid = pick(r, ['dog-faeces', 'dog-faeces', 'garden-waste', 'constructor', '__proto__', 'dogfaeces']);
      return {
        id, kind: 'feed', op: `characterise ${fid} --rate ${JSON.stringify(rate)} --water ${JSON.stringify(water)} --volume ${JSON.stringify(vol)}`, files: {},
        argv: ['characterise', fid, '--rate', rate, ...(water ? ['--water', water] : []), ...(vol ? ['--volume', vol] : []), '--json'],
        bad: known || !['dog-faeces', 'garden-waste'].includes(fid),
      };
    }
    const m = mutateJson(r, feedRun(), { valueOnly: ['influent'] });
    return { id, kind: 'feed', op: m.op, files: { 'run.json': content(m) }, argv: ['run', '@/run.json', '--json'], bad: m.bad, cls: m.cls };
  },
  scenario: (r, id) => {
    if (r() < 0.05) { const s = special(r); return { id, kind: 'scenario', op: s.op, files: s.files, argv: ['scenario', s.file, '--json'], bad: true, cls: s.cls }; }
    const base = readJsonFile(pick(r, SCENARIOS));
    let m = mutateJson(r, base);
    // Accepted scenarios run a whole year (about a second each): keep most cases known-bad so CI stays quick.
    if (!m.bad && r() < 0.6) m = mutateJson(r, base);
    return { id, kind: 'scenario', op: m.op, files: { 's.json': content(m) }, argv: ['scenario', '@/s.json', ...(r() < 0.7 ? ['--json'] : [])], bad: m.bad, cls: m.cls };
  },
  compare: (r, id) => {
    const a = readJsonFile('scenarios/baseline-efw.json');
    const b = readJsonFile(pick(r, SCENARIOS.slice(1)));
    if (r() < 0.35) {
      const flag = pick(r, [['--bogus'], ['--json=false'], ['--csv'], ['--baseline', '@/none.json'], ['--baseline']]);
      return { id, kind: 'compare', op: `bad flag ${flag.join(' ')}`, files: { 'a.json': text(a), 'b.json': text(b) }, argv: ['compare', '@/a.json', '@/b.json', '--json', ...flag], bad: true };
    }
    let m = mutateJson(r, b);
    while (!m.bad) m = mutateJson(r, b);
    return { id, kind: 'compare', op: m.op, files: { 'a.json': text(a), 'b.json': content(m) }, argv: ['compare', '@/a.json', '@/b.json', '--json'], bad: true, cls: m.cls };
  },
  project: (r, id) => {
    const base = readJsonFile(pick(r, ['scenarios/region-rollout.json', 'scenarios/weekly-small-digester.json']));
    if (r() < 0.6) {
      const flag = pick(r, [['--ranges', '1e308'], ['--ranges', '1e9'], ['--ranges', '-1'], ['--ranges', '1'], ['--years', '0'], ['--years', '1e308'], ['--years', '2.5'], ['--workers', '32'], ['--workers', '0'], ['--seed', 'x'], ['--ranges', ''], ['--bogus'], ['--json=1']]);
      return { id, kind: 'project', op: `flag ${flag.join(' ')}`, files: { 's.json': text(base) }, argv: ['project', '@/s.json', '--json', ...flag], bad: true };
    }
    let m = mutateJson(r, base);
    while (!m.bad) m = mutateJson(r, base);
    return { id, kind: 'project', op: m.op, files: { 's.json': content(m) }, argv: ['project', '@/s.json', '--ranges', '0', '--json'], bad: true, cls: m.cls };
  },
  feedstocks: (r, id) => {
    if (r() < 0.06) { const s = special(r); return { id, kind: 'feedstocks', op: s.op, files: s.files, argv: ['feedstocks', '--feedstocks', s.file, '--json'], bad: true, cls: s.cls }; }
    const m = mutateJson(r, feedstockFile());
    return { id, kind: 'feedstocks', op: m.op, files: { 'f.json': content(m) }, argv: ['feedstocks', '--feedstocks', '@/f.json', '--json'], bad: m.bad, cls: m.cls };
  },
  measured: (r, id) => {
    if (r() < 0.04) return { id, kind: 'measured', op: '100,001 rows', files: { 'b.csv': hugeCsv('time [d],B [NmL/gVS]', (i) => `${i},${300 * (1 - Math.exp(-i / 1e4))}`) }, argv: ['fit-bmp', '@/b.csv'], bad: true };
    if (r() < 0.05) { const s = special(r); return { id, kind: 'measured', op: s.op, files: s.files, argv: ['fit-bmp', s.file], bad: true, cls: s.cls }; }
    if (r() < 0.2) {
      const map = pick(r, ['__proto__=B [NmL/gVS]', 'constructor=B', 'nope=B', 'B [NmL/gVS]=B [NmL/gVS];B [NmL/gVS]=B']);
      return { id, kind: 'measured', op: `--map ${map}`, files: { 'b.csv': BMP_CSV }, argv: ['fit-bmp', '@/b.csv', '--map', map, '--json'], bad: true };
    }
    const m = mutateCsv(r, BMP_CSV, true);
    return { id, kind: 'measured', op: m.op, files: { 'b.csv': content(m) }, argv: ['fit-bmp', '@/b.csv', '--json'], bad: m.bad, cls: m.cls };
  },
  flags: (r, id) => {
    const cmd = pick(r, ['run', 'uncertainty', 'sensitivity', 'fit', 'bmp', 'characterise', 'parameters', 'buswell']);
    const bad = pick(r, [
      ['--bogus'], ['--json=false'], ['--samples', '1e308'], ['--samples', '-1'], ['--samples', 'NaN'], ['--samples', '0x10'],
      ['--workers', '32'], ['--workers', '0'], ['--workers', '1.5'], ['--ranges', 'k_dis=1e-300:1e300'], ['--ranges', '__proto__=1:2'],
      ['--ranges', 'k_dis=1:0.1'], ['--ranges', 'K_S_su=0:1'], ['--ranges', 'P_atm=0:1'], ['--params', 'k_nope'], ['--seed', '1.5'],
      ['--sigma', 'constructor=1'], ['--sigma', 'q_ch4=-1'], ['--bounds', '__proto__=1:2'], ['--days', '1e308'], ['--isr', '-2'],
      ['--rate', 't/week'], ['--water', '1e999 m3/d'], ['--volume', '1e-308'], ['--group', 'nope'], ['--outputs', 'nope'],
    ]);
    const files = { 'run.json': text(bsmRun()), 'plant.csv': PLANT_CSV };
    const base: Record<string, string[]> = {
      run: ['run', '@/run.json'], uncertainty: ['uncertainty', '@/run.json', '--samples', '4', '--workers', '1', '--quiet'],
      sensitivity: ['sensitivity', '@/run.json', '--params', 'k_dis', '--trajectories', '2', '--workers', '1', '--quiet'],
      fit: ['fit', '@/run.json', '--data', '@/plant.csv', '--params', 'k_dis', '--max-runs', '5', '--quiet'],
      bmp: ['bmp', 'dog-faeces', '--days', '5'], characterise: ['characterise', 'dog-faeces', '--rate', '1 t/week'],
      parameters: ['parameters'], buswell: ['buswell', 'C6H12O6'],
    };
    if (r() < 0.4) {
      // Second campaign: repeated options, options after "--" (plain arguments there), odd dashes and values that
      // look like options.
      const forms: [string[], boolean][] = [
        [['--seed', '1', '--seed', '2'], true], [['--seed', '1', '--seed=1'], true], [['--json', '--json'], false], [['--', '--json'], true],
        [['--', '--bogus'], true], [['-json'], true], [['\u2014json'], true], [['---json'], true], [['--='], true], [['--seed', '--json'], true],
        [['--seed='], true], [['--', '@/run.json'], true],
      ];
      const [extra, isBad] = pick(r, forms);
      const argvBase = base[cmd]!;
      // "--" then a file: with the file named only after "--" the command must run (not bad) where it takes one file.
      if (extra[0] === '--' && extra[1] === '@/run.json' && ['run', 'uncertainty', 'sensitivity'].includes(cmd)) {
        return { id, kind: 'flags', op: `${cmd} [options] -- FILE`, files, argv: [argvBase[0]!, ...argvBase.slice(2), '--', argvBase[1]!], bad: false, cls: 'flags-2' };
      }
      const takesSeed = ['uncertainty', 'sensitivity'].includes(cmd);
      // After "--" a word is a plain argument: an extra file for the commands that take exactly one.
      const oneFile = ['run', 'uncertainty', 'sensitivity', 'fit'].includes(cmd);
      const bad2 = extra[0] === '--' ? oneFile : isBad || (!takesSeed && extra.some((x) => x.startsWith('--seed')));
      return { id, kind: 'flags', op: `${cmd} ${extra.join(' ')}`, files, argv: [...argvBase, ...extra], bad: bad2, cls: 'flags-2' };
    }
    // A flag the command does not take is an unknown option: bad as well.
    return { id, kind: 'flags', op: `${cmd} ${bad.join(' ')}`, files, argv: [...base[cmd]!, ...bad, ...(r() < 0.5 ? ['--json'] : [])], bad: true };
  },
  inputs: (r, id) => {
    const onScenario = r() < 0.3;
    const base = onScenario ? inputsScenario() : inputsRun();
    const model = onScenario ? { 's.json': text(readJsonFile('scenarios/weekly-small-digester.json')) } : { 'run.json': text(bsmRun()) };
    const file = onScenario ? '@/s.json' : '@/run.json';
    const argv = (inputs: string) => ['uncertainty', file, '--inputs', inputs, '--samples', '3', '--workers', '1', '--quiet', '--json'];
    if (r() < 0.3) {
      const entries = onScenario
        ? [{ name: '__proto__.availability', dist: { kind: 'uniform', low: 0, high: 1 } }, { name: 'areas[0].fill_per_bin', unit: 'furlongs', dist: { kind: 'uniform', low: 1, high: 2 } },
          { name: 'areas[0].fill_per_bin', unit: 't/week', dist: { kind: 'uniform', low: 1, high: 5 } }, { name: 'gas_use.availability', dist: { kind: 'uniform', low: 0.5, high: 1.5 } },
          { name: 'gas_use.nope', dist: { kind: 'uniform', low: 0.5, high: 0.6 } }, { name: 'constructor', dist: { kind: 'uniform', low: 0, high: 1 } }]
        : [{ name: 'k_dis', dist: { kind: 'uniform', low: 1e-300, high: 1e300 } }, { name: 'K_S_su', dist: { kind: 'uniform', low: 0, high: 1 } },
          { name: 'P_atm', dist: { kind: 'normal', mean: 1, sd: 1 } }, { name: 'k_dis', dist: { kind: 'uniform', low: 0.1, high: 1, extra: 1 } },
          { name: 'k_dis', unit: 'furlongs', dist: { kind: 'uniform', low: 0.1, high: 1 } }, { name: 'k_dis', dist: { kind: 'triangular', low: -1e308, mode: 0, high: 1e308 } }];
      const e = pick(r, entries);
      return { id, kind: 'inputs', op: `entry ${JSON.stringify(e).slice(0, 80)}`, files: { ...model, 'in.json': text({ inputs: [e] }) }, argv: argv('@/in.json'), bad: true };
    }
    if (r() < 0.05) { const s = special(r); return { id, kind: 'inputs', op: s.op, files: { ...model, ...s.files }, argv: argv(s.file), bad: true, cls: s.cls }; }
    let m = mutateJson(r, base);
    if (onScenario) while (!m.bad) m = mutateJson(r, base);   // accepted scenario studies cost seconds
    return { id, kind: 'inputs', op: m.op, files: { ...model, 'in.json': content(m) }, argv: argv('@/in.json'), bad: m.bad, cls: m.cls };
  },
};

/** Cases per kind in the full campaign (2,100 in all). */
export const FULL_COUNTS: Record<Kind, number> = {
  run: 330, table: 250, feed: 220, scenario: 240, compare: 120, project: 120, feedstocks: 250, measured: 200, flags: 220, inputs: 150,
};

/** The campaign: `counts` cases per kind from `seed`. The same seed gives the same cases. */
export function generate(seed: number, counts: Record<Kind, number> = FULL_COUNTS): Case[] {
  const out: Case[] = [];
  for (const kind of KINDS) {
    const r = rng(seed * 7919 + KINDS.indexOf(kind) * 104729);
    for (let i = 0; i < counts[kind]; i++) out.push(GENS[kind](r, `${kind}-${i}`) as Case);
  }
  return out;
}
