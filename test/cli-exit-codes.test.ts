// Exit codes scripts rely on (docs/limits.md): a bug (internal error) has its own code, distinct from 1 (a fit did
// not converge), 2 (bad input) and 3 (solver failure), and the help lists them all.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_INTERNAL, InputError } from '../src/errors.js';
import { commands, main } from '../src/cli/main.js';
import type { CliCommand } from '../src/cli/types.js';

async function cli(argv: string[]) {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: process.cwd(), tty: false });
  return { code, out, err };
}

/** A command that fails the given way: stands in for a bug (a TypeError) somewhere in a real command. */
function failing(name: string, fail: () => never): CliCommand {
  return { name, summary: 'test only', usage: `adsim ${name}`, flags: [], run: async () => fail() };
}

describe('exit codes', () => {
  const added: string[] = [];
  afterEach(() => { for (const n of added.splice(0)) commands.splice(commands.findIndex((c) => c.name === n), 1); });
  const add = (c: CliCommand) => { commands.push(c); added.push(c.name); };

  it('a bug exits with EXIT_INTERNAL (70), not 1, and says it is adsim\'s fault; --json gets {ok: false}', async () => {
    expect(EXIT_INTERNAL).toBe(70);
    add(failing('x-bug', () => { throw new TypeError("Cannot read properties of undefined (reading 'trim')"); }));
    const r = await cli(['x-bug']);
    expect(r.code).toBe(EXIT_INTERNAL);
    expect(r.err).toMatch(/internal error: Cannot read properties .*please report it/);
    const j = await cli(['x-bug', '--json']);
    expect(j.code).toBe(EXIT_INTERNAL);
    expect(JSON.parse(j.out)).toMatchObject({ ok: false, errors: [{ field: '(internal)' }] });
  });

  it('a user mistake is 2 and a solver failure 3, whatever command raises them', async () => {
    add(failing('x-input', () => { throw new InputError('digester.V_liq_m3', 'expected a number above 0, got -1'); }));
    const solver = new Error('step size too small at t = 3 d');
    solver.name = 'SolverError';   // as rebuilt from a worker thread
    add(failing('x-solver', () => { throw solver; }));
    expect((await cli(['x-input'])).code).toBe(2);
    expect((await cli(['x-solver'])).code).toBe(3);
  });

  it('a fit that does not converge still exits 1 (a real fit stopped after five model runs)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adsim-exit-'));
    const run = JSON.parse(readFileSync('scenarios/bsm2-steady-state.json', 'utf8'));
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ ...run, days: 3, output: { every_d: 1 } }));
    writeFileSync(join(dir, 'plant.csv'), 'time [d],q_ch4 [m3/d]\n1,1000\n2,1010\n3,1020\n');
    const r = await cli(['fit', join(dir, 'run.json'), '--data', join(dir, 'plant.csv'), '--params', 'k_dis,k_m_ac,K_S_ac', '--max-runs', '5', '--quiet']);
    rmSync(dir, { recursive: true, force: true });
    expect(r.out).toMatch(/NOT CONVERGED/);
    expect(r.code).toBe(1);
  });

  it('help and every COMMAND --help list the exit codes, the internal one included', async () => {
    expect((await cli(['help'])).out).toMatch(new RegExp(`Exit codes: 0 .*1 a fit did not converge.*2 bad input.*3 solver failure.*4 .*${EXIT_INTERNAL} internal error`));
    for (const c of commands) expect((await cli([c.name, '--help'])).out, c.name).toMatch(`${EXIT_INTERNAL} internal error`);
  });
});
