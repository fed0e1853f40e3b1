#!/usr/bin/env node
// `npm start`: builds the CLI if needed, shows the main job (the bundled scenarios compared), then serves the web app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const node = process.execPath;
const port = process.env.PORT ?? '5173';

/** Newest modification time under a directory (to rebuild the CLI only when sources changed). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const cli = join(root, 'dist-node', 'cli.mjs');
if (!existsSync(cli) || statSync(cli).mtimeMs < Math.max(newest(join(root, 'src')), newest(join(root, 'models')))) {
  console.log('Building the CLI (dist-node/)…');
  const b = spawnSync(node, [vite, 'build', '-c', 'vite.node.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

// The main job: every bundled collection scenario side by side (the BSM2 file is a digester benchmark, not a scenario).
const scenarios = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .filter((f) => { try { return String(JSON.parse(readFileSync(join(root, 'scenarios', f), 'utf8')).schema ?? '').startsWith('adsim-scenario/'); } catch { return false; } })
  .map((f) => join('scenarios', f));
if (scenarios.length && process.env.ADSIM_SKIP_COMPARE !== '1') {
  console.log(`\n$ adsim compare ${scenarios.join(' ')}\n`);
  const c = spawnSync(node, [join(root, 'bin', 'adsim.mjs'), 'compare', ...scenarios], { cwd: root, stdio: 'inherit' });
  if (c.status !== 0) console.log(`(adsim compare exited with ${c.status}; the web app starts anyway)`);
}

console.log(`\nStarting the web app on http://127.0.0.1:${port}/ (Ctrl+C to stop)…`);
const server = spawn(node, [vite, '--host', '127.0.0.1', '--port', port, '--strictPort'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
server.stdout.on('data', (d) => {
  process.stdout.write(d);
  if (String(d).includes('ready')) console.log(`\nadsim web app: http://127.0.0.1:${port}/\n`);
});
const stop = () => { server.kill('SIGTERM'); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
