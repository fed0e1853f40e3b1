// e2e: saved scenarios: a failed import changes nothing; an export re-imported adds no duplicates.

/** Step 11. */
export async function failedImport(t) {
  const { page, store, selectedId, waitRun, check, figures, out, profile } = t;
  // 11. A failed import leaves the saved scenarios untouched.
  const savedBefore = await page.evaluate(() => localStorage.getItem('adsim.saved'));
  await page.setInputFiles('#import', { name: 'not-a-scenario.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await page.waitForSelector('adsim-app .notice.error');
  check(await page.evaluate(() => localStorage.getItem('adsim.saved')) === savedBefore, 'a failed import changed nothing saved');

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
