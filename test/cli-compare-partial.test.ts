// compare with one scenario that fails to solve: the others are reported, the failed one is named with its file,
// name and reason (table and JSON), and the exit code is 4. The failure is injected into runScenario.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SolverError } from '../src/solvers/types.js';

vi.mock('../src/pipeline/run.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../src/pipeline/run.js')>();
  return {
    ...m,
    runScenario: (s: { name: string }, o?: unknown) => {
      if (s.name === 'Fails to solve') throw new SolverError('nan', 12.5, 'S_ac became NaN at t = 12.5 d');
      return (m.runScenario as (s: unknown, o?: unknown) => unknown)(s, o);
    },
  };
});

const { main } = await import('../src/cli/main.js');

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: process.cwd(), tty: false });
  return { code, out, err };
}

describe('adsim compare with a failing scenario', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adsim-partial-'));
  const base = JSON.parse(readFileSync(join(__dirname, '..', 'scenarios', 'baseline-efw.json'), 'utf8')) as Record<string, unknown>;
  const good = join(dir, 'good.json'), bad = join(dir, 'bad.json');
  writeFileSync(good, JSON.stringify(base));
  writeFileSync(bad, JSON.stringify({ ...base, name: 'Fails to solve' }));
  process.env.ADSIM_WORKERS = '0';

  it('reports the good scenario and names the failed one in JSON, exit 4', async () => {
    const r = await cli(['compare', good, bad, '--json']);
    expect(r.code).toBe(4);
    const j = JSON.parse(r.out) as { ok: boolean; scenarios: { name: string }[]; failed: { file: string; name: string; kind: string; reason: string }[] };
    expect(j.ok).toBe(false);
    expect(j.scenarios.map((s) => s.name)).toEqual([base.name]);
    expect(j.failed).toEqual([{ file: bad, name: 'Fails to solve', kind: 'solver', reason: expect.stringMatching(/solver failed: S_ac became NaN at t = 12\.5 d/) }]);
    expect(r.err).toMatch(/bad\.json: scenario "Fails to solve" failed \(solver failure\)/);
  });

  it('marks the failed scenario in the table too', async () => {
    const r = await cli(['compare', good, bad]);
    expect(r.code).toBe(4);
    expect(r.out).toContain(String(base.name));
    expect(r.out).toMatch(/FAILED {2}Fails to solve \(.*bad\.json\): solver failed/);
  });

  it('exits 3 with no table when every scenario fails', async () => {
    const r = await cli(['compare', bad]);
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
  });
});
