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
