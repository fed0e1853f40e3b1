// The Node build (what the first `npx adsim` runs) prints no warning, and the CLI loads the worker pool (worker
// threads, comlink) only when it uses one: cli.mjs reaches the pool chunk through import() alone.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, createLogger } from 'vite';

const outDir = mkdtempSync(join(tmpdir(), 'adsim-build-quiet-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('node build', () => {
  it('has no warnings, and the pool chunk is loaded lazily by the CLI', async () => {
    const warnings: string[] = [];
    const logger = createLogger('warn');
    const keep = (m: string) => { warnings.push(m); };
    logger.warn = keep;
    logger.warnOnce = keep;
    await build({ configFile: 'vite.node.config.ts', logLevel: 'warn', customLogger: logger, build: { outDir, emptyOutDir: true, sourcemap: false } });
    expect(warnings).toEqual([]);
    const pool = readdirSync(join(outDir, 'chunks')).find((f) => /^pool\.node-.*\.mjs$/.test(f));
    expect(pool, 'the worker pool is a chunk of its own').toBeDefined();
    const cli = readFileSync(join(outDir, 'cli.mjs'), 'utf8');
    const statics = [...cli.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(statics.some((s) => s!.includes(pool!))).toBe(false);
    expect(cli).toContain(`import("./chunks/${pool}")`);
    // The library keeps exporting the pool functions (public API).
    expect(readFileSync(join(outDir, 'index.mjs'), 'utf8')).toContain(`./chunks/${pool}`);
  });
});
