// Builds the Node worker bundle into a private temporary folder, so a worker test never races another over dist-node/.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

/** The worker (plus any extra entry points) built for node20 into `outDir`; the caller removes it. */
export async function buildTestWorker(outDir: string, extra: Record<string, string> = {}): Promise<void> {
  await build({
    configFile: false, logLevel: 'warn', root: process.cwd(),
    ssr: { noExternal: true },
    build: {
      ssr: true, outDir, emptyOutDir: true, target: 'node20', minify: false,
      rollupOptions: {
        input: { 'worker.node': 'src/worker/worker.node.ts', ...extra },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
}

/** A new temporary folder for a worker build, and the URL its worker will have. */
export function workerBuildDir(prefix: string): { outDir: string; workerUrl: URL } {
  const outDir = mkdtempSync(join(tmpdir(), prefix));
  return { outDir, workerUrl: pathToFileURL(join(outDir, 'worker.node.mjs')) };
}
