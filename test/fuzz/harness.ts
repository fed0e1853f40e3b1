// Runs fuzz cases through the CLI's main() in this process (stdout/stderr captured, file reads audited) and checks
// the invariants of issue 14: no internal error, no hang, known-bad input exits 2, no NaN/Infinity/null in output,
// no read outside the case folder, messages under 2 KB, and {ok: false, errors} on stdout for --json failures.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { main } from '../../src/cli/main.js';
import { readAudit } from '../../src/input/file.js';
import type { Case, Kind } from './generate.js';

export type Violation = 'internal' | 'hang' | 'accepted-bad' | 'non-finite' | 'outside-read' | 'long-message' | 'no-json-error' | 'control-chars';

export interface Outcome {
  id: string;
  kind: Kind;
  /** Second-campaign mutation class, if any. */
  cls?: string;
  op: string;
  code: number;
  ms: number;
  violations: Violation[];
  /** First line of stderr, for the report. */
  err: string;
}

/** A case counts as hung when it takes longer than this (in process it cannot be stopped, only measured). */
export const HANG_MS = 30_000;
/** Largest message allowed on stderr (bytes), and per line of warnings. */
export const MAX_MESSAGE_BYTES = 2048;

/** Nulls that mean "does not exist", documented in docs/limits.md: a scenario without a digester has no pH or heat
 *  balance; a plant that never pays back has no payback year or switching value, and one that diverts nothing no cost per tonne (economics); a digester whose health
 *  never changes has no first-change day (docs/scenarios.md); a fitted parameter at a bound has no standard error. */
const ALLOWED_NULL = new RegExp([
  /(^|\.)stability\.pH_(min|max)$/, /(^|\.)economics\.(payback_yr|switching_values\[\d+\]\.value|cost_per_t_diverted_gbp)$/,
  /(^|\.)health(_by_year\[\d+\])?\.first_change_(run_)?day$/,
  // No digester, no heat balance (src/pipeline/run.ts); a fitted parameter at a bound or not identifiable has no
  // standard error, interval or correlation (src/analysis/fit.ts).
  /^heat$/, /^parameters\[\d+\]\.(se|ci95)$/, /^correlation\[\d+\]\[\d+\]$/,
].map((r) => r.source).join('|'));

/** Counts NaN, Infinity and null values in parsed JSON (iteratively). */
export function badNumbers(v: unknown): string[] {
  const out: string[] = [];
  const stack: Array<[unknown, string]> = [[v, '']];
  while (stack.length && out.length < 5) {
    const [x, p] = stack.pop()!;
    if (x === null) { if (!ALLOWED_NULL.test(p)) out.push(`${p} = null`); }
    else if (typeof x === 'number' && !Number.isFinite(x)) out.push(`${p} = ${x}`);
    else if (Array.isArray(x)) x.forEach((y, i) => stack.push([y, `${p}[${i}]`]));
    else if (typeof x === 'object') for (const [k, y] of Object.entries(x as object)) stack.push([y, p ? `${p}.${k}` : k]);
  }
  return out;
}

function materialise(c: Case, root: string): string {
  const dir = mkdtempSync(join(root, `${c.id}-`));
  for (const [name, f] of Object.entries(c.files)) {
    const path = name.startsWith('../') ? join(dir, '..', `${c.id}-${name.slice(3)}`) : join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof f === 'string' || f instanceof Uint8Array) writeFileSync(path, f);
    else if ('fifo' in f) execFileSync('mkfifo', [path]);
    else symlinkSync(f.symlink.startsWith('../') ? `../${c.id}-${f.symlink.slice(3)}` : f.symlink, path);
  }
  return dir;
}

/** Rewrites "../outside.csv" in run files to the per-case outside name materialise() used. */
function fixOutside(c: Case): Case {
  const files: Case['files'] = {};
  for (const [k, v] of Object.entries(c.files)) files[k] = typeof v === 'string' ? v.replace(/"\.\.\/outside\.csv"/g, `"../${c.id}-outside.csv"`) : v;
  return { ...c, files };
}

export async function runCase(c0: Case, root: string): Promise<Outcome> {
  const c = fixOutside(c0);
  const dir = materialise(c, root);
  const real = realpathSync(dir);
  const argv = c.argv.map((a) => a.replace(/^@\//, `${dir}/`));
  let out = '', err = '', nonFinite = '';
  readAudit.paths = [];
  const t0 = performance.now();
  let code: number;
  try {
    code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: dir, tty: false });
  } catch (e) {
    code = -1;
    err += `uncaught: ${(e as Error).message}`;
  }
  const ms = performance.now() - t0;
  const reads = readAudit.paths;
  readAudit.paths = null;
  const v = new Set<Violation>();
  if (code === -1 || /internal error/.test(err) || ![0, 1, 2, 3, 4].includes(code)) v.add('internal');
  if (ms > HANG_MS) v.add('hang');
  if (c.bad && code !== 2) v.add('accepted-bad');
  // Results (not error reports, which may quote what the user typed) hold no NaN or Infinity.
  if (code !== 2 && code !== 3 && /\b(NaN|Infinity)\b/.test(out)) v.add('non-finite');
  // After "--" every word is a plain argument: "--json" there asks for nothing.
  const dd = argv.indexOf('--');
  const json = (dd < 0 ? argv : argv.slice(0, dd)).includes('--json');
  // User text echoed raw could drive a terminal (ESC sequences) or hide in a log (NUL, CR tricks): messages and text
  // reports hold no control characters but tab and line ends (JSON escapes its own).
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(err) || (!json && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(out.replace(/\r\x1b\[K|\r/g, '')))) v.add('control-chars');
  if (json && out.trim()) {
    try {
      const parsed = JSON.parse(out) as { ok?: unknown; errors?: unknown };
      if (code !== 2 && code !== 3 && badNumbers(parsed).length) { v.add('non-finite'); nonFinite = badNumbers(parsed).join('; '); }
      if (code === 2 && !(parsed.ok === false && Array.isArray(parsed.errors))) v.add('no-json-error');
    } catch {
      if (code === 2) v.add('no-json-error');
    }
  } else if (json && code === 2) v.add('no-json-error');
  for (const p of reads) {
    const r = relative(real, p);
    if (r.startsWith('..') || r.startsWith('/')) v.add('outside-read');
  }
  if (code !== 0 && Buffer.byteLength(err) > MAX_MESSAGE_BYTES) v.add('long-message');
  if (err.split('\n').some((l) => Buffer.byteLength(l) > MAX_MESSAGE_BYTES)) v.add('long-message');
  rmSync(dir, { recursive: true, force: true });
  return { id: c.id, kind: c.kind, cls: c.cls, op: c.op, code, ms, violations: [...v], err: (nonFinite ? `${nonFinite} | ` : '') + err.split('\n')[0]!.slice(0, 300) };
}

/** Figures by kind: cases, exit codes, known-bad cases, violations. */
export function summarise(outcomes: readonly Outcome[]): string {
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  const head = ['kind', 'cases', 'exit 0', 'exit 1', 'exit 2', 'exit 3', 'exit 4', 'violations', 'slowest ms'];
  const rows = kinds.map((k) => {
    const os = outcomes.filter((o) => o.kind === k);
    const n = (c: number) => String(os.filter((o) => o.code === c).length);
    return [k, String(os.length), n(0), n(1), n(2), n(3), n(4), String(os.filter((o) => o.violations.length).length), String(Math.round(Math.max(...os.map((o) => o.ms))))];
  });
  const all = ['all', String(outcomes.length), ...[0, 1, 2, 3, 4].map((c) => String(outcomes.filter((o) => o.code === c).length)), String(outcomes.filter((o) => o.violations.length).length), String(Math.round(outcomes.reduce((m, o) => Math.max(m, o.ms), 0)))];
  const table = [head, ...rows, all];
  const w = head.map((_, j) => Math.max(...table.map((r) => r[j]!.length)));
  const byViolation = ['internal', 'hang', 'accepted-bad', 'non-finite', 'outside-read', 'long-message', 'no-json-error', 'control-chars']
    .map((x) => `${x} ${outcomes.filter((o) => o.violations.includes(x as Violation)).length}`).join(', ');
  const fmtTable = (t: string[][]) => {
    const ww = t[0]!.map((_, j) => Math.max(...t.map((r) => r[j]!.length)));
    return t.map((r) => r.map((c, j) => (j === 0 ? c.padEnd(ww[j]!) : c.padStart(ww[j]!))).join('  ')).join('\n');
  };
  // Second-campaign classes, across kinds.
  const classes = [...new Set(outcomes.map((o) => o.cls).filter((x): x is string => !!x))].sort();
  const clsHead = ['class (2nd campaign)', 'cases', 'exit 0', 'exit 1', 'exit 2', 'exit 3', 'exit 4', 'violations'];
  const clsRows = classes.map((k) => {
    const os = outcomes.filter((o) => o.cls === k);
    return [k, String(os.length), ...[0, 1, 2, 3, 4].map((c) => String(os.filter((o) => o.code === c).length)), String(os.filter((o) => o.violations.length).length)];
  });
  void w;
  return fmtTable(table) + `\nviolations: ${byViolation}\n` + (classes.length ? `\n${fmtTable([clsHead, ...clsRows])}\n` : '');
}
