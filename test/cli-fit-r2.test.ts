// The fit report prints R2 as a number a reader can trust: "n/a" for data that do not vary (never "NaN"), four
// decimals for a good fit that would round to a bare "1".
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { r2Text } from '../src/cli/commands/fit.js';

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

describe('r2Text', () => {
  it('never prints NaN, Infinity or a rounded-up 1', () => {
    expect(r2Text(Number.NaN)).toBe('n/a');
    expect(r2Text(null)).toBe('n/a');
    expect(r2Text(Number.POSITIVE_INFINITY)).toBe('n/a');
    expect(r2Text(0.99966)).toBe('0.9996');
    expect(r2Text(1)).toBe('1');
    expect(r2Text(0.987)).toBe('0.987');
    expect(r2Text(-0.25)).toBe('-0.25');
  });
});

describe('fit-bmp report', () => {
  it('a near-perfect curve shows its R2 to four decimals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adsim-r2-'));
    const pts = [0, 1, 2, 3, 5, 7, 10, 14, 21, 28, 35, 42];
    const B = [0, 30, 58, 82, 118, 148, 176, 198, 218, 226, 229, 231];
    writeFileSync(join(dir, 'lab.csv'), ['time [d],B [NmL/gVS]', ...pts.map((t, i) => `${t},${B[i]}`)].join('\n'));
    const r = await cli(['fit-bmp', 'lab.csv'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/R2 0\.99\d\d\n/);
    expect(r.out).not.toMatch(/R2 (1|NaN)\n/);
  });
});
