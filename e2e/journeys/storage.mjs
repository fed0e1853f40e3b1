// e2e: saved scenarios: a failed import changes nothing; an export re-imported adds no duplicates.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Step 11. */
export async function failedImport(t) {
  const { page, store, selectedId, waitRun, check, figures, out, profile } = t;
  // 11. A failed import leaves the saved scenarios untouched.
  const savedBefore = await page.evaluate(() => localStorage.getItem('adsim.saved'));
  await page.setInputFiles('#import', { name: 'not-a-scenario.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await page.waitForSelector('adsim-app .notice.error');
  check(await page.evaluate(() => localStorage.getItem('adsim.saved')) === savedBefore, 'a failed import changed nothing saved');
  // Real files on disk, read by the strict JSON reader: a key given twice (JSON.parse would keep the valid last copy)
  // and a __proto__ key are refused with the field in the page's error; the saved scenarios survive.
  const dir = mkdtempSync(join(tmpdir(), 'adsim-e2e-import-'));
  try {
    const exported = JSON.parse(await store((s) => s.exportText()));
    const one = { ...exported, scenarios: exported.scenarios.slice(0, 1).map((x) => ({ ...x, name: `${x.name} (imported)` })) };
    const text = JSON.stringify(one, null, 1);
    const files = [
      ['duplicate-key.json', text.replace(/"bins": (\d+)/, '"bins": -5, "bins": $1'), /scenarios\[0\]\.areas\[0\]\.bins: duplicate key "bins"/],
      ['proto-key.json', text.replace(/"name": /, '"__proto__": {"x": 1}, "name": '), /scenarios\[0\]\.__proto__: the field name "__proto__" is not allowed/],
    ];
    const namesBefore = await store((s) => s.scenarios.map((x) => x.json.name));
    for (const [name, content, why] of files) {
      const path = join(dir, name);
      writeFileSync(path, content);
      await page.setInputFiles('#import', path);
      await page.waitForFunction((n) => document.querySelector('adsim-app')?.shadowRoot?.querySelector('.notice.error')?.textContent?.includes(n), name);
      const shown = await page.evaluate(() => document.querySelector('adsim-app').shadowRoot.querySelector('.notice.error').textContent);
      check(why.test(shown) && /nothing was changed/.test(shown), `a bad import (${name}) names the field in the page: ${shown.trim().replace(/\s+/g, " ").slice(0, 160)}`);
      check(await page.evaluate(() => localStorage.getItem('adsim.saved')) === savedBefore, `${name}: saved scenarios byte for byte as before`);
      const namesAfter = await store((s) => s.scenarios.map((x) => x.json.name));
      check(JSON.stringify(namesAfter) === JSON.stringify(namesBefore), `${name}: the scenario list is unchanged (${namesAfter.length})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

}

/** Step 13. */
export async function reimport(t) {
  const { page, store, selectedId, waitRun, check, figures, out, profile } = t;
  // 13. Export all, clear the browser's storage, reload, import: nothing is listed twice.
  const exported = await store((s) => s.exportText());
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('adsim-app nav.list li');
  const seeded = await store((s) => s.scenarios.map((x) => x.json.name));
  await page.setInputFiles('#import', { name: 'adsim-scenarios.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.waitForSelector('adsim-app .notice.info');
  const afterImport = await store((s) => s.scenarios.map((x) => x.json.name));
  // The export also holds scenarios the start view built (not bundled): those are added once, the bundled ones not again.
  const expected = new Set([...seeded, ...JSON.parse(exported).scenarios.map((x) => x.name)]).size;
  check(afterImport.length === expected && new Set(afterImport).size === afterImport.length && !afterImport.some((n) => / \(2\)$/.test(n)),
    `re-importing an export adds no duplicates (${seeded.length} seeded -> ${afterImport.length}, ${expected} distinct in both)`);

}
