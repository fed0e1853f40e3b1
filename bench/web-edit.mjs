// Web: "edit a field to updated result (incl. debounce)". Builds the app into a private directory, serves it on a free
// port, and drives it in Debian's Chromium (playwright-core, as e2e/ does): a one-year scenario is run once, then a
// field is edited again and again like a user (fill, Tab); each edit is timed in the page from the moment it reaches
// the store to the first frame after the rerun's result is in. Prints the median and range, never asserts a time.
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const EDITS = Number(process.env.BENCH_EDITS ?? 9);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

if (!existsSync(chromiumPath)) {
  console.log(`web edit-to-result: not measured (no Chromium at ${chromiumPath}; set CHROMIUM or apt-get install chromium)`);
  process.exit(0);
}
const { chromium } = await import('playwright-core');

const outDir = mkdtempSync(join(tmpdir(), 'adsim-bench-web-'));
const profile = mkdtempSync(join(tmpdir(), 'adsim-bench-profile-'));
const built = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('vite build failed');

// A static server for the built files (module workers need a JavaScript MIME type).
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(outDir, path);
  if (!file.startsWith(outDir) || !existsSync(file) || path.endsWith('/')) file = join(outDir, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath, headless: true, viewport: { width: 1280, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = ctx.pages()[0] ?? await ctx.newPage();
  page.setDefaultTimeout(180_000);
  await page.goto(url);
  await page.waitForSelector('adsim-app nav.list li');
  const store = (fn, arg) => page.evaluate(([f, a]) => new Function('s', 'a', `return (${f})(s, a)`)(window.adsim.store, a), [fn.toString(), arg]);
  // The bundled weekly small digester, loaded into the editor and run once (an edit reruns only a scenario run before).
  const before = await store((s) => s.scenarios.length);
  await page.selectOption('#bundled', 'weekly-small-digester.json');
  await page.waitForFunction((n) => window.adsim.store.scenarios.length === n + 1, before);
  const id = await store((s) => s.selectedId);
  await store((s, i) => s.run(i), id);
  await page.waitForFunction((i) => window.adsim.store.runs[i]?.status === 'done', id, { polling: 50 });
  // In the page: the first setField of an edit starts the clock; the first frame after the rerun of exactly the edited
  // scenario is done stops it.
  await store((s, i) => {
    const w = window;
    w.__edit = { t0: 0, ms: [] };
    const set = s.setField.bind(s);
    s.setField = (...a) => { if (!w.__edit.t0) w.__edit.t0 = performance.now(); return set(...a); };
    s.addEventListener('change', () => {
      const r = s.runs[i];
      if (!w.__edit.t0 || r?.status !== 'done' || r.input !== JSON.stringify(s.byId(i).json)) return;
      const t0 = w.__edit.t0;
      w.__edit.t0 = 0;
      requestAnimationFrame(() => w.__edit.ms.push(performance.now() - t0));
    });
  }, id);
  const field = 'scenario-editor [id="f-digester-T"]';
  await page.waitForSelector(field);
  const runMs = [];
  for (let k = 0; k < EDITS + 1; k++) {
    await page.fill(field, k % 2 ? '37 degC' : '38 degC');
    await page.press(field, 'Tab');
    await page.waitForFunction((n) => window.__edit.ms.length === n, k + 1, { polling: 20 });
    runMs.push(await store((s, i) => s.runs[i].ms, id));
    await page.waitForTimeout(300);
  }
  const ms = (await page.evaluate(() => window.__edit.ms)).slice(1);   // the first edit warms the page's code paths
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const runs = runMs.slice(1).sort((a, b) => a - b);
  console.log(`web: edit a field to updated result (incl. the ${await store((s) => s.rerunDelay_ms)} ms debounce), weekly-small-digester, ${ms.length} edits in Chromium (load ${load()}):`);
  console.log(`  median ${(median / 1000).toFixed(3)} s (range ${(sorted[0] / 1000).toFixed(3)}-${(sorted[sorted.length - 1] / 1000).toFixed(3)} s; goal 0.35 s or less); the worker run itself (store's ms, job submit to result): median ${(runs[runs.length >> 1] / 1000).toFixed(3)} s`);
} finally {
  await ctx.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
