// e2e: small things users trip over: a share link pasted into the open tab, a broken link, delete then Undo, the
// skip link, and the annual/daily CSV headers (date, versions, caveat; no start-up days unless asked).
import { readFileSync } from 'node:fs';
import { parseCsv } from './research-exports.mjs';

export async function smallThings(t) {
  const { page, check, store } = t;
  await page.click('[role=tab]#tab-editor');
  // Share link into this open tab: no reload, only the fragment changes.
  const n0 = await store((s) => s.scenarios.length);
  const frag = await page.evaluate(() => {
    const s = window.adsim.store.selected.json;
    const text = JSON.stringify({ ...s, name: 'Shared into the open tab' });
    return '#s=' + btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  });
  await page.evaluate((h) => { location.hash = h; }, frag);
  await page.waitForFunction((n) => window.adsim.store.scenarios.length === n + 1, n0);
  const added = (await page.textContent('adsim-app .notice')).trim();
  check(/Added the shared scenario “Shared into the open tab”/.test(added) && await page.evaluate(() => location.hash === ''),
    `a share link pasted into the open tab is added and named: "${added.slice(0, 90)}…"`);
  // A broken link: cut in half.
  await page.evaluate((h) => { location.hash = h; }, frag.slice(0, Math.floor(frag.length / 2)));
  await page.waitForSelector('adsim-app .notice.error');
  const broken = (await page.textContent('adsim-app .notice.error')).trim();
  check(/share link is broken, so nothing was added/.test(broken) && await store((s) => s.scenarios.length) === n0 + 1, `a broken link says so in words: "${broken.slice(0, 100)}…"`);
  // Delete, then Undo.
  const id = await store((s) => s.selectedId);
  await page.click('scenario-editor #delete-scenario');
  await page.waitForSelector('adsim-app #undo-delete');
  check(await store((s, i) => !s.byId(i), id), 'Delete removes the scenario and offers Undo');
  await page.click('adsim-app #undo-delete');
  check(await store((s, i) => !!s.byId(i) && s.selectedId === i, id), 'Undo puts the deleted scenario back, selected');
  await store((s, i) => s.remove(i), id);
  // Skip link: the first Tab reaches it, Enter moves focus to the main content.
  // From a fresh page, so the focus starting point is the top of the document.
  await page.reload();
  await page.waitForSelector('adsim-app nav.list li');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.querySelector('adsim-app').shadowRoot.activeElement?.id);
  await page.keyboard.press('Enter');
  const after = await page.evaluate(() => document.querySelector('adsim-app').shadowRoot.activeElement?.tagName);
  check(first === 'skip-link' && after === 'MAIN', `the first Tab reaches the skip link (${first}) and it moves focus to ${after}`);
  // The compare view's CSVs: provenance and caveat, plain labels with units; daily without start-up days.
  await page.click('[role=tab]#tab-compare');
  // After the reload journey the results are gone (they live in memory): run the comparison again.
  await page.click('compare-view #run-compare');
  await page.waitForFunction(() => { const s = window.adsim.store; return s.compareIds.length > 0 && s.compareIds.every((i) => ['done', 'error'].includes(s.runs[i]?.status)); }, null, { timeout: 180_000, polling: 200 });
  await page.waitForSelector('compare-view #csv-annual:not([disabled])');
  const save = async (sel) => { const [dl] = await Promise.all([page.waitForEvent('download'), page.click(sel)]); return readFileSync(await dl.path(), 'utf8'); };
  const annual = await save('compare-view #csv-annual');
  const rows = parseCsv(annual);
  const el = rows.find((r) => r.key === 'electricity_net_kWh');
  check(/^# adsim \S+, model adm1-bsm2 \S+, exported \d{4}-\d\d-\d\d/.test(annual) && /# Figures are simulated estimates/.test(annual) && el && el.unit === 'kWh/yr' && !/_/.test(el.figure),
    `annual CSV: date and versions, estimate caveat, "${el?.figure}" in ${el?.unit}`);
  const daily = await save('compare-view #csv-daily');
  const d = parseCsv(daily);
  const startup = await store((s) => { const id = s.compareIds.find((i) => s.runs[i]?.status === 'done'); return s.runs[id].result.run.startup_d; });
  check(Number(d[0]['day [d]']) === startup && Object.keys(d[0]).every((k) => /\[.+\]$/.test(k)), `daily CSV starts on day ${d[0]['day [d]']} (start-up of ${startup} d left out), a unit in every column head`);
}
