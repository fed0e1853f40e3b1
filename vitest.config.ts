// Test projects: "node" for the engine and CLI, "dom" for Lit elements under happy-dom.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'node', environment: 'node', include: ['test/**/*.test.ts'], exclude: ['test/**/*.dom.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
      { extends: true, test: { name: 'dom', environment: 'happy-dom', include: ['test/**/*.dom.test.ts'], testTimeout: 60_000 } },
    ],
  },
});
