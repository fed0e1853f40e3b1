// `npm run bench`: runs every bench/*.mjs script (engine, solvers, Monte Carlo) one after another.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const scripts = readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs').sort((a, b) => (a === 'engine.mjs' ? -1 : b === 'engine.mjs' ? 1 : a.localeCompare(b)));
let failed = 0;
for (const s of scripts) {
  console.log(`\n=== bench/${s} ===`);
  const r = spawnSync(process.execPath, [dir + s], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
