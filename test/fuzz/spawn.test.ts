// A few real processes for what in-process fuzzing cannot see: a FIFO or /dev/zero must not hang the command
// (checked with a wall-clock kill as the failure, not as an assertion on speed), SIGTERM and SIGINT during a long
// Monte Carlo stop it with no JSON written, and --csv output appears whole or not at all.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', '..', 'bin', 'adsim.mjs');
const dir = mkdtempSync(join(tmpdir(), 'adsim-spawn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ran { code: number | null; signal: NodeJS.Signals | null; out: string; err: string; killedByUs: boolean }

function run(args: string[], opts: { killAfterMs?: number; signal?: NodeJS.Signals; limitMs?: number } = {}): Promise<Ran> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '', killedByUs = false;
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { err += d; });
    const timers: NodeJS.Timeout[] = [];
    if (opts.killAfterMs) timers.push(setTimeout(() => p.kill(opts.signal ?? 'SIGTERM'), opts.killAfterMs));
    // A hang is a failure, reported as such (the process is killed so the suite goes on).
    timers.push(setTimeout(() => { killedByUs = true; p.kill('SIGKILL'); }, opts.limitMs ?? 60_000));
    p.on('close', (code, signal) => { timers.forEach(clearTimeout); done({ code, signal, out, err, killedByUs }); });
  });
}

const run3 = JSON.parse(readFileSync(join(__dirname, '..', '..', 'scenarios', 'bsm2-steady-state.json'), 'utf8')) as Record<string, unknown>;

describe('adsim as a process, under hostile files and signals', () => {
  it('refuses a FIFO and /dev/zero at once instead of blocking on them', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    writeFileSync(join(dir, 'zero-table.json'), JSON.stringify({ ...run3, days: 2, influent: { table: '/dev/zero' } }));
    for (const args of [['run', 'pipe.json'], ['run', '/dev/zero'], ['scenario', '/dev/urandom', '--json'], ['run', 'zero-table.json']]) {
      const r = await run(args, { limitMs: 30_000 });
      expect(r.killedByUs, args.join(' ')).toBe(false);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2);
      expect(r.err).toMatch(/named pipe|character device|absolute path/);
    }
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('%s during a long uncertainty run stops it with no output written', async (signal) => {
    writeFileSync(join(dir, 'long.json'), JSON.stringify({ ...run3, days: 200 }));
    const r = await run(['uncertainty', 'long.json', '--samples', '20000', '--workers', '2', '--quiet', '--json'], { killAfterMs: 2500, signal });
    expect(r.killedByUs).toBe(false);
    expect(r.signal ?? r.code).not.toBe(0);
    expect(r.out).toBe('');   // nothing half-written that a script could take for a result
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('%s during a long project --ranges on worker threads stops it with no output written', async (signal) => {
    const region = join(__dirname, '..', '..', 'scenarios', 'region-rollout.json');
    const r = await run(['project', region, '--ranges', '1000', '--workers', '2', '--json'], { killAfterMs: 3000, signal });
    expect(r.killedByUs).toBe(false);
    expect(r.signal ?? r.code).not.toBe(0);
    expect(r.out).toBe('');
  });

  it('SIGTERM to a wrapper that does not pass it on (as npx) still stops adsim: it notices its parent has gone', async () => {
    // The wrapper starts adsim and prints its pid, then is killed; adsim must not run on to the end of the study.
    const wrapper = `const { spawn } = require('node:child_process');
      const c = spawn(process.execPath, ${JSON.stringify([BIN, 'uncertainty', 'long.json', '--samples', '20000', '--workers', '2', '--quiet', '--json'])}, { stdio: ['ignore', 'ignore', 'ignore'] });
      console.log(c.pid); setInterval(() => undefined, 1000);`;
    writeFileSync(join(dir, 'long.json'), JSON.stringify({ ...run3, days: 200 }));
    const w = spawn(process.execPath, ['-e', wrapper], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    const pid = await new Promise<number>((ok) => w.stdout.once('data', (d) => ok(Number(String(d).trim()))));
    const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
    expect(alive()).toBe(true);
    await new Promise((ok) => setTimeout(ok, 1500));   // the study is under way
    w.kill('SIGTERM');
    // A hang is the failure: adsim still running 30 s after its parent went (the study itself runs for minutes).
    let waited = 0;
    while (alive() && waited < 30_000) { await new Promise((ok) => setTimeout(ok, 100)); waited += 100; }
    const still = alive();
    if (still) process.kill(pid, 'SIGKILL');
    expect(still).toBe(false);
  });

  it('writes --csv through a temporary name: the file is complete, and no temporary file is left', async () => {
    writeFileSync(join(dir, 'short.json'), JSON.stringify({ ...run3, days: 5 }));
    const r = await run(['run', 'short.json', '--csv', 'out.csv']);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(7);   // header + days 0..5
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
