// e2e: open the app, load a bundled scenario, edit it, validation next to a field; a long run cancelled.

/** Steps 1-4: sets t.state.loadedId (the edited copy) and t.state.newName. */
export async function openAndEdit(t) {
  const { page, store, selectedId, waitRun, check, figures, out, profile } = t;
  // 1. Open the app.
  await page.goto(t.url);
  await page.waitForSelector('adsim-app nav.list li');
  const bundledNames = await store((s) => Object.keys(s.bundled));
  check(bundledNames.length >= 1, `app opened with ${bundledNames.length} bundled scenario(s)`);
  // A one-year scenario with a digester (so there are daily series to draw), the small weekly one if bundled.
  const pick = await store((s) => {
    const withAD = Object.keys(s.bundled).filter((f) => s.bundled[f].destination !== 'today' && !s.bundled[f].rollout);
    return withAD.find((f) => /weekly-small/.test(f)) ?? withAD[0];
  });

  // 2. Load a bundled scenario (a fresh copy) into the editor.
  const before = await store((s) => s.scenarios.length);
  await page.selectOption('#bundled', pick);
  await page.waitForFunction((n) => window.adsim.store.scenarios.length === n + 1, before);
  const loadedId = await selectedId();
  await page.waitForSelector('scenario-editor h2');
  check((await page.textContent('scenario-editor h2')).includes('Edit:'), 'a bundled scenario is loaded in the editor');

  // 3. Edit a field (the name, so the reload check can find it, and the digester temperature).
  const newName = `E2E variant ${Date.now() % 100000}`;
  await page.fill('scenario-editor [id="f-name"]', newName);
  await page.press('scenario-editor [id="f-name"]', 'Tab');
  await page.fill('scenario-editor [id="f-digester-T"]', '38 degC');
  await page.press('scenario-editor [id="f-digester-T"]', 'Tab');
  check(await store((s, id) => s.byId(id).json.digester.T === '38 degC' && s.byId(id).json.name, loadedId) === newName, 'edits reach the store');

  // 4. A bad value shows a message next to its field; fixing it clears the message.
  const binsSel = 'scenario-editor [id="f-areas-0-bins"]';
  const goodBins = await page.inputValue(binsSel);
  await page.fill(binsSel, '-5');
  await page.press(binsSel, 'Tab');
  const errSel = 'scenario-editor [id="f-areas-0-bins-e"]';
  await page.waitForFunction((sel) => { const q = (root, s) => root.querySelector('adsim-app').shadowRoot.querySelector('scenario-editor').shadowRoot.querySelector(s); return q(document, sel)?.textContent.trim().length > 0; }, '[id="f-areas-0-bins-e"]');
  const errText = (await page.textContent(errSel)).trim();
  check(/0 or more|-5/.test(errText), `validation message next to the field: "${errText}"`);
  await page.screenshot({ path: `${out}/editor-validation.png`, fullPage: false });
  await page.fill(binsSel, goodBins);
  await page.press(binsSel, 'Tab');
  check((await page.textContent(errSel)).trim() === '', 'the message clears when the value is fixed');

  Object.assign(t.state, { loadedId, newName, pick });
}

/** Steps 9-10: the edited scenario survives a reload; a long run is cancelled and the pool runs again. */
export async function reloadAndCancel(t) {
  const { page, store, selectedId, waitRun, check, figures, out, profile } = t;
  const { loadedId, newName } = t.state;
  // 9. Reload: the edited scenario is still there.
  await page.reload();
  await page.waitForSelector('adsim-app nav.list li');
  const names = await page.$$eval('adsim-app nav.list li button', (bs) => bs.map((b) => b.textContent.trim()));
  check(names.some((n) => n.startsWith(newName)), `after reload the saved scenario "${newName}" is listed`);

  // 10. Cancel a long run: ten simulated years, cancelled once it has started.
  await store((s, id) => { s.select(id); s.setView('editor'); s.setField(id, 'horizon.years', 10); }, loadedId);
  await page.click('scenario-editor button.primary');
  await page.waitForFunction((id) => window.adsim.store.runs[id]?.status === 'running' && window.adsim.store.runs[id].progress > 0, loadedId);
  await page.screenshot({ path: `${out}/editor-running.png`, fullPage: false });
  const c0 = Date.now();
  await page.click('scenario-editor .status button');
  await waitRun(loadedId, ['cancelled', 'done', 'error']);
  figures.cancel_ms = Date.now() - c0;
  check(await store((s, id) => s.runs[id].status, loadedId) === 'cancelled', `a long run was cancelled (in ${figures.cancel_ms} ms)`);
  // The pool keeps working after a cancel: a one-year run still completes.
  await store((s, id) => { s.setField(id, 'horizon.years', 1); s.run(id); }, loadedId);
  await waitRun(loadedId);
  check(await store((s, id) => s.runs[id].status, loadedId) === 'done', 'the pool runs again after a cancel');
  await page.screenshot({ path: `${out}/editor.png`, fullPage: false });

}
