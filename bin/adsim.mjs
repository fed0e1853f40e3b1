#!/usr/bin/env node
// adsim command: runs the bundled CLI (built into dist-node by `npm install`'s prepare step or `npm run build:node`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Output piped into `head` and the like: a closed pipe ends the command quietly, as for any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
}
const cli = new URL('../dist-node/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('adsim: the CLI is not built yet. Run `npm run build:node` (npm install does it for you).');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
