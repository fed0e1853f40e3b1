#!/usr/bin/env node
// adsim command: runs the bundled CLI (dist-node/, shipped in the package; built on first use in a source checkout).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Output piped into `head` and the like: a closed pipe ends the command quietly, as for any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
}
// In a checkout (sources and dev dependencies present) build dist-node when missing or older than the sources.
const ensure = new URL('../scripts/ensure-built.mjs', import.meta.url);
if (existsSync(fileURLToPath(ensure))) {
  const { canBuild, ensureNodeBuild } = await import(ensure.href);
  if (canBuild()) {
    try { ensureNodeBuild(); } catch (e) { console.error(`adsim: ${e.message}`); process.exit(2); }
  }
}
const cli = new URL('../dist-node/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('adsim: the CLI is not built yet. Run `npm install` and then `npm run build:node` in the adsim checkout.');
  process.exit(2);
}
// Started through a wrapper (npx, npm exec) that dies without passing on SIGTERM: stop too, rather than run on
// for seconds writing output nobody reads. Checked while the event loop is free (worker-pool studies); a
// synchronous in-process run is stopped by the signal itself, which node's default handling obeys at once.
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent) process.exit(143); }, 500).unref();
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
