#!/usr/bin/env node
// adsim command: runs the bundled CLI (built into dist-node by `npm install`'s prepare step or `npm run build:node`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const cli = new URL('../dist-node/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('adsim: the CLI is not built yet. Run `npm run build:node` (npm install does it for you).');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
