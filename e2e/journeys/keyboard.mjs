// e2e: keyboard only. The skip link; Tab between radio groups (one stop per group) and arrow keys within them in the
// start view's guided path, submitted with Enter; the compare view's baseline radios moved with the arrows. No clicks.

/** The focused element, through shadow roots. */
const focused = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a ? { id: a.id, tag: a.tagName, type: a.type ?? '', name: a.getAttribute?.('name') ?? '', checked: !!a.checked, value: a.value ?? '' } : null;
});

/** Presses Tab until the element with `id` has focus (at most `max` presses); returns how many it took. */
async function tabTo(page, id, max = 60) {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press('Tab');
    if ((await focused(page))?.id === id) return n;
  }
  throw new Error(`e2e: Tab never reached #${id} in ${max} presses (stopped at ${JSON.stringify(await focused(page))})`);
}

export async function keyboardOnly(t) {
  const { page, check, store, waitRun } = t;
  await store((s) => s.setView('start'));
  await page.reload();
  await page.waitForSelector('adsim-app start-view #guided');
  // The skip link is the first stop; Enter puts focus on the main content.
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  await page.keyboard.press('Enter');
  const main = await focused(page);
  check(skip?.id === 'skip-link' && main?.tag === 'MAIN', `keyboard: the first Tab reaches the skip link, Enter moves focus to the main content (${main?.tag})`);
  // The guided path by keyboard: type the answers, Tab from field to field.
  const toName = await tabTo(page, 'g-name');
  await page.keyboard.type('Keyshire');
  await page.keyboard.press('Tab');
  await page.keyboard.type('640');
  await page.keyboard.press('Tab');
  check((await focused(page))?.id === 'g-frequency', 'keyboard: Tab goes from the bins to the emptying frequency');
  await page.keyboard.press('ArrowDown');   // every week -> every two weeks
  await tabTo(page, 'g-today-efw', 3);
  // One Tab stop per radio group: the checked radio; the arrows move the choice within the group.
  await page.keyboard.press('ArrowDown');
  const landfill = await focused(page);
  await page.keyboard.press('Tab');
  const afterToday = await focused(page);
  check(landfill?.id === 'g-today-landfill' && landfill.checked && afterToday?.id === 'g-fee',
    `keyboard: ArrowDown picks "Landfill" in question 5, and Tab leaves the group for the gate fee (${afterToday?.id}), not the next radio`);
  await page.keyboard.press('Tab');
  const firstTo = await focused(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = await focused(page);
  await page.keyboard.press('ArrowUp');
  const second = await focused(page);
  await page.keyboard.press('Tab');
  const build = await focused(page);
  check(firstTo?.name === 'to' && third?.id === 'g-to-garden-codigestion' && third.checked && second?.id === 'g-to-food-waste-plant' && second.checked && build?.id === 'g-build',
    `keyboard: question 6's three choices all reachable by the arrows (down to "${third?.id}", up to "${second?.id}"), then Tab to the build button`);
  const before = await store((s) => s.scenarios.length);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => window.adsim.store.scenarios.length === n + 2, before);
  const made = await store((s) => { const p = s.byId(s.selectedId).json; return { name: p.name, route: p.today?.route, frequency: p.collection?.frequency, bins: p.areas[0].bins }; });
  check(made.name === 'Keyshire: an existing food-waste digester nearby' && made.route === 'landfill' && made.frequency === 'fortnightly' && made.bins === 640,
    `keyboard: Enter builds the scenario from the keyed answers (${JSON.stringify(made)}; ${toName} Tabs from the main content to the first question)`);
  const ids = await store((s) => s.compareIds);
  for (const id of ids) await waitRun(id);
  await page.waitForSelector('compare-view .verdict');
  // Compare view: the baseline is a radio group across the scenario rows; Tab reaches the checked one, arrows move it.
  const baseId = await store((s) => s.baselineId);
  const order = await store((s) => s.scenarios.map((x) => x.id));
  await page.keyboard.press('Tab');   // focus is still on the build button's place; walk forward to the baseline radio
  await tabTo(page, `b-${baseId}`, 80);
  await page.keyboard.press('ArrowDown');
  const moved = await store((s) => s.baselineId);
  const nextId = order[(order.indexOf(baseId) + 1) % order.length];
  await page.keyboard.press('ArrowUp');
  const back = await store((s) => s.baselineId);
  check(moved === nextId && back === baseId, 'keyboard: in the compare view the arrows move the baseline radio to the next scenario and back');
  await page.keyboard.press('Tab');
  const leaves = await focused(page);
  check(leaves?.type !== 'radio', `keyboard: Tab leaves the baseline group in one stop (to ${leaves?.tag.toLowerCase()}#${leaves?.id})`);
  t.state.keyboardIds = ids;
}
