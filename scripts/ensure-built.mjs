// Builds dist-node/ (library, CLI, worker; optionally the .d.ts) in a checkout when it is missing or older than the sources.
// npm install no longer builds (a `prepare` script would also run in a consumer's install), so the CLI, `npm start`
// and the tests call this instead; the published tarball ships dist-node/ built by `prepack`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of a file or anything under a directory (0 when absent). */
function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const e of readdirSync(p)) t = Math.max(t, newest(join(p, e)));
  return t;
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : -1);
const sourcesTime = () => Math.max(newest(join(root, 'src')), newest(join(root, 'models')), newest(join(root, 'package.json')));

function run(args, what, log) {
  log(`Building ${what}…`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`building ${what} failed (exit ${r.status}); run \`npm run build:node\` to see why`);
}

/**
 * Rebuilds what is stale. `types: true` also emits dist-node/types (slower: a tsc pass), which only the package
 * tests and `npm pack` need. Returns what was built. `log` receives one line per build step.
 */
export function ensureNodeBuild({ types = false, log = (m) => console.error(m) } = {}) {
  const built = [];
  const src = Math.max(sourcesTime(), newest(join(root, 'vite.node.config.ts')));
  if (mtime(join(root, 'dist-node', 'cli.mjs')) < src || mtime(join(root, 'dist-node', 'worker.node.mjs')) < src) {
    run([join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.node.config.ts', '--logLevel', 'warn'], 'the library and CLI (dist-node/)', log);
    built.push('dist-node');
  }
  const typesIndex = join(root, 'dist-node', 'types', 'src', 'index.d.ts');
  if (types && mtime(typesIndex) < Math.max(sourcesTime(), newest(join(root, 'tsconfig.types.json')))) {
    run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.types.json'], 'the type declarations (dist-node/types/)', log);
    built.push('types');
  }
  return built;
}

/** True in a source checkout with its dev dependencies (where building is possible), false in an installed package. */
export function canBuild() {
  return existsSync(join(root, 'vite.node.config.ts')) && existsSync(join(root, 'node_modules', 'vite', 'bin', 'vite.js'));
}

// `node scripts/ensure-built.mjs [--types]`
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try { ensureNodeBuild({ types: process.argv.includes('--types') }); } catch (e) { console.error(`adsim: ${e.message}`); process.exit(1); }
}
