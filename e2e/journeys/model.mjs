// e2e: the model view (a constant refused, then changed and rerun with before -> after).

/** Step 8. */
export async function modelChange(t) {
  const { page, store, selectedId, waitRun, check, figures, out, profile } = t;
  const { loadedId } = t.state;
  // 8. Model view: a constant of 0 is refused next to its input; a valid change reruns and shows before -> after.
  await page.click('[role=tab]#tab-model');
  await page.waitForSelector('model-view table');
  await page.fill('model-view #p-K_I_nh3', '0');
  await page.press('model-view #p-K_I_nh3', 'Tab');
  const kiErr = (await page.textContent('model-view [id="p-K_I_nh3-e"]')).trim();
  check(/> 0/.test(kiErr), `K_I_nh3 = 0 is refused next to its input: "${kiErr}"`);
  await page.fill('model-view #p-K_I_nh3', '0.0036');
  await page.press('model-view #p-K_I_nh3', 'Tab');
  await page.click('model-view button.primary');
  await waitRun(loadedId);
  await page.waitForSelector('model-view table.effects');
  const effect = await page.textContent('model-view table.effects');
  check(/Before/.test(effect) && /Lowest pH/.test(effect), 'after a parameter change and rerun the model view shows before and after');
  await page.screenshot({ path: `${out}/model.png`, fullPage: false });
  await store((s, id) => s.setField(id, 'digester.parameters', undefined), loadedId);

}
