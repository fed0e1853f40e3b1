// Node build: bundles the library entry, the CLI and the Node worker into dist-node/*.mjs (Node 20 cannot run .ts).
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist-node',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: {
        index: 'src/index.ts',
        cli: 'src/cli/main.ts',
        'worker.node': 'src/worker/worker.node.ts',
      },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
  ssr: { noExternal: true },
});
