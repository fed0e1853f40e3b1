// Root fixes from the second fuzz campaign (issue 14): control characters in echoed text, "--" and mistyped
// dashes, a table path naming a folder, a measured time beyond any run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalSafe } from '../src/errors.js';
import { parseArgs } from '../src/cli/args.js';
import { folderReader } from '../src/input/file.js';
import { parseMeasuredCsv } from '../src/analysis/measured.js';
import { main } from '../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'adsim-hostile2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: dir, tty: false });
  return { code, out, err };
}

describe('second fuzz campaign: root fixes', () => {
  it('terminalSafe escapes NUL, ESC and other control codes, keeps line ends, tabs and the progress bar erase', () => {
    expect(terminalSafe('a\u0000b\u001b[2Jc\u007f\u0085')).toBe('a\\u0000b\\u001b[2Jc\\u007f\\u0085');
    expect(terminalSafe('line\n\tnext\r\x1b[K')).toBe('line\n\tnext\r\x1b[K');
  });

  it('no control character of a user value reaches stderr', async () => {
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ kind: 'digester-run', name: 'x', digester: { V_liq_m3: 150, V_gas_m3: 15, T_op_K: 308.15 },
      influent: { feed: [{ feedstock: 'dog-faeces', rate: '1.5 t/week\u001b[2J\u0000' }] }, days: 3 }));
    const r = await cli(['run', 'run.json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/influent\.feed\[0\]\.rate/);
    expect(r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(r.err).toMatch(/\\u001b\[2J/);
  });

  it('"--" ends the options; "-json" and "\u2014json" are refused as mistyped options, negative numbers are not', () => {
    const flags = [{ name: 'json', kind: 'boolean' as const, help: 'x' }, { name: 'isr', kind: 'value' as const, help: 'y' }];
    expect(parseArgs(['--', '--json', 'a'], flags).positionals).toEqual(['--json', 'a']);
    expect(parseArgs(['f.json', '--json', '--'], flags).flags.get('json')).toBe(true);
    expect(() => parseArgs(['-json'], flags)).toThrow(/two ASCII dashes/);
    expect(() => parseArgs(['\u2014json'], flags)).toThrow(/two ASCII dashes/);
    expect(parseArgs(['--isr', '-2', '-3'], flags).positionals).toEqual(['-3']);
  });

  it('adsim parameters refuses a stray argument instead of ignoring it; project takes one file', async () => {
    expect((await cli(['parameters', 'k_dis'])).code).toBe(2);
    expect((await cli(['project', 'a.json', 'b.json'])).err).toMatch(/expected one scenario file, got 2/);
  });

  it('a table path ending in a slash names a folder and is refused (Node would read the file)', () => {
    writeFileSync(join(dir, 'feed.csv'), 'time_d,q_m3_d\n0,1\n');
    const read = folderReader(join(dir, 'run.json'));
    expect(read('feed.csv')).toMatch(/^time_d/);
    expect(() => read('feed.csv/')).toThrow(/ends with a slash, so it names a folder/);
  });

  it('a measured time beyond the longest run (36,500 d) is refused, naming row and column', () => {
    expect(() => parseMeasuredCsv('time [d],B [NmL/gVS]\n0,0\n1e308,300\n', { source: 'b.csv' })).toThrow(/b\.csv row 3, column "time \[d\]": time must be at most 36500 d/);
    expect(parseMeasuredCsv('time [d],B [NmL/gVS]\n0,0\n36500,300\n').t_d).toEqual([0, 36500]);
  });
});
