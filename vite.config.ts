// Web app build and dev server: Lit front end in web/, simulations in module web workers.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: './',
  publicDir: false,
  // The page bundles the scenario parser (mathjs units) for instant validation: ~520 kB, so raise the warning limit.
  build: { outDir: '../dist-web', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 800 },
  worker: { format: 'es' },
  optimizeDeps: { include: ['odex', 'comlink', 'lit', 'chart.js', 'mathjs'] },
  server: { host: '127.0.0.1', fs: { allow: ['..'] } },
  preview: { host: '127.0.0.1' },
});
