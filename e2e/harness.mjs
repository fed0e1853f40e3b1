// e2e harness: one Chromium profile and page, and the helpers every journey uses (check, store access, waits, ink count).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Opens Chromium on a fresh profile; returns the context and `t`, the object passed to every journey. */
export async function openHarness() {
  const out = 'test-artifacts';
  mkdirSync(out, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'adsim-e2e-'));
  const problems = [];
  const figures = {};
  const step = (s) => console.log(`e2e: ${s}`);
  const check = (ok, what) => { if (!ok) throw new Error(`e2e check failed: ${what}`); step(`ok - ${what}`); };
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] ?? await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.setDefaultTimeout(120_000);

  /** Reads the store in the page (window.adsim.store). */
  const store = (fn, arg) => page.evaluate(([f, a]) => new Function('s', 'a', `return (${f})(s, a)`)(window.adsim.store, a), [fn.toString(), arg]);
  const selectedId = () => store((s) => s.selectedId);
  const waitRun = (id, statuses = ['done', 'error']) => page.waitForFunction(([i, st]) => st.includes(window.adsim.store.runs[i]?.status), [id, statuses], { timeout: 180_000, polling: 100 });
  /** Width check: the page itself never scrolls sideways. */
  const pageWidth = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  // `state` carries ids between journeys (the edited copy, its original).
  const t = { ctx, page, out, profile, problems, figures, step, check, store, selectedId, waitRun, pageWidth, state: {} };
  return t;
}
