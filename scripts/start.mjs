#!/usr/bin/env node
// `npm start`: builds the CLI if needed, shows the main job (the bundled scenarios compared), then serves the web app.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureNodeBuild, root } from './ensure-built.mjs';

const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const node = process.execPath;
const port = process.env.PORT ?? '5173';

/** Resolves when 127.0.0.1:port can be listened on; the reason (in use, not allowed) otherwise. */
function portFree(p) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', (e) => resolve(e.code === 'EADDRINUSE' ? 'is already in use' : `cannot be used (${e.code})`));
    srv.listen(Number(p), '127.0.0.1', () => srv.close(() => resolve(null)));
  });
}

// Checked first, so a taken port is one line naming PORT instead of a Vite stack trace after the comparison.
if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
  console.error(`adsim: PORT=${JSON.stringify(port)} is not a port number (1-65535).`);
  process.exit(1);
}
const busy = await portFree(port);
if (busy) {
  console.error(`adsim: port ${port} ${busy}; start on another one with PORT, e.g. \`PORT=5174 npm start\`.`);
  process.exit(1);
}

try { ensureNodeBuild({ log: (m) => console.log(m) }); } catch (e) { console.error(`adsim: ${e.message}`); process.exit(1); }

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
