// Two `adsim compare` runs of 8 scenarios each at the same time, each on its own pool of real worker threads, give
// exactly the figures of one sequential in-process run: no state shared between runs, jobs or workers leaks into a
// result, and results come back to the scenario they belong to.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { findNodeWorker } from '../src/worker/pool.node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'adsim-concurrent-'));
const env = process.env.ADSIM_WORKERS;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (env === undefined) delete process.env.ADSIM_WORKERS; else process.env.ADSIM_WORKERS = env;
});

const read = (f: string) => JSON.parse(readFileSync(join(root, 'scenarios', f), 'utf8')) as Record<string, unknown> & { name: string };
// Six bundled scenarios and two variants (other bins, another name) so that two runs of one model differ.
const weekly = read('weekly-small-digester.json');
const garden = read('dog-garden-codigestion.json');
const docs: Record<string, unknown>[] = [
  read('baseline-efw.json'), weekly, garden, read('fortnightly-small-digester.json'), read('existing-food-waste-plant.json'),
  read('region-rollout.json'),
  { ...weekly, name: `${weekly.name} (variant)`, areas: (weekly.areas as Record<string, unknown>[]).map((a) => ({ ...a, bins: Math.round(Number(a.bins) * 1.7) })) },
  { ...garden, name: `${garden.name} (variant)`, areas: (garden.areas as Record<string, unknown>[]).map((a) => ({ ...a, bins: Math.round(Number(a.bins) * 0.6) })) },
];
const files = docs.map((d, i) => { const f = join(dir, `s${i}.json`); writeFileSync(f, JSON.stringify(d)); return f; });

async function compare(): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(['compare', ...files, '--json'], { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: dir, tty: false });
  return { code, out, err };
}

describe('concurrent compares', () => {
  it('two concurrent 8-scenario compares in worker threads equal a sequential in-process run, figure for figure', async () => {
    expect(() => findNodeWorker(), 'the worker must be built for the threaded path to run').not.toThrow();
    process.env.ADSIM_WORKERS = '0';
    const sequential = await compare();
    expect(sequential.code, sequential.err).toBe(0);
    delete process.env.ADSIM_WORKERS;   // each compare now runs its scenarios on its own worker pool
    const [a, b] = await Promise.all([compare(), compare()]);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    const seq = JSON.parse(sequential.out) as { scenarios: { name: string; annual: Record<string, number> }[] };
    expect(seq.scenarios).toHaveLength(8);
    expect(new Set(seq.scenarios.map((s) => s.annual.methane_Nm3)).size).toBe(8);   // eight different results to mix up
    // Every key and every number, bit for bit (typed arrays and all).
    expect(JSON.parse(a.out)).toEqual(seq);
    expect(JSON.parse(b.out)).toEqual(seq);
  }, 600_000);
});
