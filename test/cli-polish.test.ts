// What a newcomer meets first: help with every option and its default (from the table the parser uses), -V, progress
// bars only on a terminal, and messages that point to a command that works.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, main } from '../src/cli/main.js';
import { progressReporter } from '../src/cli/commands/sensitivity.js';
import { parseRunFile } from '../src/simulate/runfile.js';
import { simulateDigester } from '../src/simulate/digester.js';
import pkg from '../package.json';
import { fmt } from '../src/cli/io.js';
import { pHRange } from '../src/compare/table.js';
import { findFeedstock } from '../src/feed/library.js';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'adsim-polish-'));
const bsm2 = JSON.parse(readFileSync(join(root, 'scenarios/bsm2-steady-state.json'), 'utf8'));

async function cli(argv: string[], opts: { cwd?: string; tty?: boolean } = {}) {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: opts.cwd ?? root, tty: opts.tty ?? false });
  return { code, out, err };
}

describe('help and version', () => {
  it('-V and --version print the version, and the help lists both', async () => {
    for (const flag of ['-V', '--version']) {
      const r = await cli([flag]);
      expect(r.code, flag).toBe(0);
      expect(r.out).toBe(`adsim ${pkg.version} (model adm1-bsm2 1.0.0)\n`);
    }
    const h = await cli(['help']);
    expect(h.out).toMatch(/^ {2}-V, --version /m);
    expect(h.out).toMatch(/^ {2}-h, --help /m);
  });

  it.each(commands.map((c) => c.name))('adsim %s --help explains every option with its default, the same options the parser takes', async (name) => {
    const cmd = commands.find((c) => c.name === name)!;
    const r = await cli([name, '--help']);
    expect(r.code).toBe(0);
    const options = [...r.out.matchAll(/^ {2}--([a-z-]+)\b.*\(default: [^)]+\)$/gm)].map((m) => m[1]);
    expect(options).toEqual(cmd.flags.map((f) => f.name));
    for (const f of cmd.flags) expect(f.help.length, `--${f.name} has no help text`).toBeGreaterThan(10);
    // An unknown option is refused with the list of known ones: the parser's list is the help's list.
    const bad = await cli([name, 'x', '--no-such-option']);
    expect(bad.code).toBe(2);
    const known = /expected one of (.*)$/m.exec(bad.err)?.[1]?.split(', ').map((s) => s.replace(/^--/, ''));
    expect(known).toEqual(options);
  });

  it('--quiet is listed where a progress bar can appear', async () => {
    for (const name of ['sensitivity', 'uncertainty', 'fit']) {
      const r = await cli([name, '--help']);
      expect(r.out, name).toMatch(/\[--quiet\]/);
      expect(r.out, name).toMatch(/^ {2}--quiet /m);
    }
  });

  it('a default in the help is the value the command uses', async () => {
    // bmp --days: the help's 60 d default gives the same curve length as --days 60.
    const help = (await cli(['bmp', '--help'])).out;
    const days = Number(/--days D .*\(default: (\d+)\)/.exec(help)?.[1]);
    expect(days).toBe(60);
    const a = JSON.parse((await cli(['bmp', 'food-waste', '--json'])).out);
    const b = JSON.parse((await cli(['bmp', 'food-waste', '--json', '--days', String(days)])).out);
    expect(a.days).toBe(days);
    expect(a.ultimate_NL_kgVS).toBe(b.ultimate_NL_kgVS);
  });
});

describe('progress bars only on a terminal', () => {
  const capture = (tty: boolean) => {
    let err = '';
    const io = { out: () => undefined, err: (s: string) => { err += s; }, cwd: root, tty };
    return { io, text: () => err };
  };

  it('sensitivity and uncertainty: a bar on a terminal, nothing when stderr is redirected', () => {
    for (const tty of [true, false]) {
      const c = capture(tty);
      const p = progressReporter(c.io, false);
      p.onProgress(10, 10);   // the final tick is always drawn when the bar is on
      p.finish();
      if (tty) expect(c.text()).toMatch(/^\r\[#+\] /);
      else expect(c.text()).toBe('');
    }
  });

  it('fit writes no \\r bar into redirected stderr', async () => {
    const run = parseRunFile({ ...bsm2, days: 10, output: { every_d: 1 } });
    const r = simulateDigester(run);
    const csv = ['time [d],q_gas [m3/d]', ...Array.from(r.t_d, (t, i) => `${t},${r.series.q_gas_norm_m3_d[i]!.toFixed(3)}`)].join('\n');
    writeFileSync(join(dir, 'gas.csv'), csv);
    writeFileSync(join(dir, 'short.json'), JSON.stringify({ ...bsm2, days: 10, output: { every_d: 1 } }));
    const res = await cli(['fit', 'short.json', '--data', 'gas.csv', '--params', 'k_dis', '--max-runs', '20'], { cwd: dir, tty: false });
    expect(res.err).not.toMatch(/\r/);
    expect(res.out).toMatch(/k_dis/);
  });
});

describe('messages that point to a command that works', () => {
  it('compare with no files suggests a comparison that runs', async () => {
    const r = await cli(['compare']);
    expect(r.code).toBe(2);
    const suggested = /e\.g\. adsim (compare .*)$/m.exec(r.err)?.[1];
    expect(suggested).toBeDefined();
    const ok = await cli(suggested!.split(' '));
    expect(ok.err).not.toMatch(/error|expected/);
    expect(ok.code).toBe(0);
  });

  it('run on a scenario file names it and the command for it', async () => {
    const r = await cli(['run', 'scenarios/weekly-small-digester.json']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('adsim run: scenarios/weekly-small-digester.json: is a collection scenario ("schema": "adsim-scenario/1"), not a digester run: '
      + 'run it with `adsim scenario scenarios/weekly-small-digester.json` (or `adsim compare` with others)\n');
  });

  it('run on characterise --json output (plain and --full) says it is an influent for a run file', async () => {
    for (const extra of [[], ['--full']]) {
      const c = await cli(['characterise', 'dog-faeces', '--rate', '1.5 t/week', '--json', ...extra]);
      expect(c.code).toBe(0);
      writeFileSync(join(dir, 'influent.json'), c.out);
      const r = await cli(['run', 'influent.json'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^adsim run: influent\.json: is an ADM1 influent \(the output of `adsim characterise --json`\), not a digester run: put it under "influent" in a run file/);
    }
  });
});

describe('doubled words and odd numbers', () => {
  it('a fit says "converged:" once', async () => {
    writeFileSync(join(dir, 'bmp.csv'), ['time [d],B [NmL/gVS]', '0,0', '1,38', '2,72', '4,128', '7,190', '10,228', '14,258', '21,281', '28,290'].join('\n'));
    for (const model of ['first-order', 'gompertz']) {
      const r = await cli(['fit-bmp', 'bmp.csv', '--model', model], { cwd: dir });
      expect(r.out, model).toMatch(/^(converged|NOT CONVERGED): /m);
      expect(r.out, model).not.toMatch(/converged: converged/i);
    }
  });

  it('BMP curve bounds start at 0 and small numbers print without padding zeros', async () => {
    const r = await cli(['fit-bmp', 'bmp.csv'], { cwd: dir });
    const b0 = r.out.split('\n').find((l) => /^ {2}B0 /.test(l))!;
    expect(b0).toMatch(/ 0 \.\. 2,900 /);
    expect(r.out).not.toMatch(/\d\.\d*0e[-+]\d/);   // no 1.000e-4, 2.580e-7
    expect(fmt(1e-4)).toBe('1e-4');
    expect(fmt(2.58e-7)).toBe('2.58e-7');
    expect(fmt(0.1443)).toBe('0.1443');
  });

  it('characterise suggests the record hydrolysis rate exactly for one feedstock', async () => {
    const r = await cli(['characterise', 'dog-faeces', '--rate', '1.5 t/week', '--json']);
    const p = JSON.parse(r.out).parameters as Record<string, number>;
    const dog = findFeedstock('dog-faeces');
    for (const k of ['k_hyd_ch', 'k_hyd_pr', 'k_hyd_li']) expect(p[k], k).toBe(dog.k_hyd.value);
    expect(r.out).not.toMatch(/\d\.\d*0000000\d/);
  });

  it('the sources line of parameters names each source once', async () => {
    const r = await cli(['parameters']);
    const block = r.out.slice(r.out.indexOf('Sources: '));
    const first = block.split('\n')[0]!.slice('Sources: '.length).split('; ');
    expect(new Set(first).size).toBe(first.length);
    for (const s of first) expect(block.split(s).length - 1, s).toBe(1);
    expect(block).toMatch(/^ {2}K_I_nh3 0.0018-0.0786: .*estimate/m);
  });

  it('a pH range that rounds to one value gets a second decimal', () => {
    expect(pHRange(7.21, 7.24)).toBe('pH 7.21-7.24');
    expect(pHRange(6.94, 7.31)).toBe('pH 6.9-7.3');
    expect(pHRange(7.2, 7.2)).toBe('pH 7.20');
  });

  it('compare: a stand-alone digester gets a plain ENERGY heading, and an uncosted digester says "not costed"', async () => {
    const r = await cli(['compare', 'scenarios/baseline-efw.json', 'scenarios/weekly-small-digester.json']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ENERGY \(a year\)$/m);
    expect(r.out).not.toMatch(/already digests other waste/);
    expect(r.out).not.toMatch(/\b0 not costed \(0\)/);
    expect(r.out).not.toMatch(/pH (\d\.\d+)-\1\b/);
    const plant = await cli(['compare', 'scenarios/baseline-efw.json', 'scenarios/existing-food-waste-plant.json']);
    expect(plant.out).toMatch(/^ENERGY \(a year; for "[^"]+" \(a plant that already digests other waste\): what the dog waste adds\)$/m);
  });
});

describe('CSV output', () => {
  it('every cell of a row has the same precision rule (at most 10 significant digits, no float noise)', async () => {
    const r = await cli(['scenario', 'scenarios/weekly-small-digester.json', '--csv', join(dir, 'daily.csv')]);
    expect(r.code).toBe(0);
    const rows = readFileSync(join(dir, 'daily.csv'), 'utf8').trim().split('\n').slice(1);
    const cmp = await cli(['compare', 'scenarios/baseline-efw.json', 'scenarios/weekly-small-digester.json', '--csv', join(dir, 'cmp.csv')]);
    expect(cmp.code).toBe(0);
    rows.push(...readFileSync(join(dir, 'cmp.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(1).join(',')));
    const digits = (cell: string) => cell.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').length;
    for (const row of rows) {
      for (const cell of row.split(',')) {
        expect(Number.isFinite(Number(cell)), `${cell} in ${row}`).toBe(true);
        expect(digits(cell), `${cell} in ${row}`).toBeLessThanOrEqual(10);
      }
    }
  });
});
