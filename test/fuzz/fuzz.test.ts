// Fuzz suite (issue 14): seeded hostile cases over every input kind through the CLI's main(). CI runs a bounded
// sample (every kind, about a tenth of the campaign); `npm run fuzz` runs all 2,100 cases and writes the figures.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FULL_COUNTS, KINDS, generate, type Kind } from './generate.js';
import { runCase, summarise, type Outcome } from './harness.js';

const FULL = process.env.FUZZ === 'full';
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const counts = Object.fromEntries(KINDS.map((k) => [k, FULL ? FULL_COUNTS[k] : Math.max(8, Math.round(FULL_COUNTS[k] / 12))])) as Record<Kind, number>;

describe(`fuzz: ${FULL ? 'full campaign' : 'CI sample'} (seed ${SEED})`, () => {
  const root = mkdtempSync(join(tmpdir(), 'adsim-fuzz-'));
  const outcomes: Outcome[] = [];
  const workers = process.env.ADSIM_WORKERS;
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    if (workers === undefined) delete process.env.ADSIM_WORKERS; else process.env.ADSIM_WORKERS = workers;
  });

  it('generates the same cases from the same seed, known-bad ones of every kind', () => {
    const a = generate(SEED, counts), b = generate(SEED, counts);
    expect(a.map((c) => c.op)).toEqual(b.map((c) => c.op));
    for (const k of KINDS) expect(a.filter((c) => c.kind === k && c.bad).length).toBeGreaterThan(0);
    expect(generate(SEED + 1, counts).map((c) => c.op)).not.toEqual(a.map((c) => c.op));
  });

  it('no internal errors, hangs, accepted bad values, NaN/Infinity/null, reads outside the folder or long messages', async () => {
    process.env.ADSIM_WORKERS = '0';   // in process: the figures do not depend on the worker build
    // FUZZ_NEW=1: only the second campaign's classes (while fixing them; the campaign is the full run).
    const cases = generate(SEED, counts).filter((c) => !process.env.FUZZ_NEW || c.cls);
    for (const c of cases) outcomes.push(await runCase(c, root));
    const report = summarise(outcomes);
    console.log(`fuzz seed ${SEED}, ${outcomes.length} cases\n${report}`);
    if (FULL) writeFileSync(join(process.cwd(), 'fuzz-report.txt'), `fuzz seed ${SEED}, ${outcomes.length} cases\n${report}`);
    const bad = outcomes.filter((o) => o.violations.length).map((o) => `${o.id}${o.cls ? ` (${o.cls})` : ''} [${o.violations.join(',')}] exit ${o.code}: ${o.op} -> ${o.err}`);
    expect(bad).toEqual([]);
    // The sample covers every kind and both outcomes.
    if (process.env.FUZZ_NEW) return;
    for (const k of KINDS) expect(outcomes.some((o) => o.kind === k)).toBe(true);
    expect(outcomes.some((o) => o.code === 0)).toBe(true);
    expect(outcomes.some((o) => o.code === 2)).toBe(true);
  }, FULL ? 3_600_000 : 300_000);
});
