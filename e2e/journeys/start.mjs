// e2e: the start view: the three ready questions each to a verdict with health, colours by good and bad; the guided path.

/** In the app's shadow DOM: compare-view's elements matching a selector, mapped by fn (run in the page). */
const inCompare = (page, sel, fn) => page.evaluate(([s, f]) => {
  const cv = document.querySelector('adsim-app').shadowRoot.querySelector('compare-view')?.shadowRoot;
  return [...(cv?.querySelectorAll(s) ?? [])].map((el) => new Function('el', `return (${f})(el)`)(el));
}, [sel, fn.toString()]);

/** Waits until every compared scenario has a result, then for the verdict lines. */
async function waitCompared(t) {
  const { page, store } = t;
  const ids = await store((s) => s.compareIds);
  await page.waitForFunction((list) => list.every((i) => ['done', 'error'].includes(window.adsim.store.runs[i]?.status)), ids, { timeout: 240_000, polling: 200 });
  const runs = await store((s, list) => list.map((i) => ({ name: s.byId(i).json.name, status: s.runs[i].status, error: s.runs[i].error })), ids);
  await page.waitForSelector('compare-view .verdict');
  return { ids, runs };
}

/** Steps S1-S3: the start view, each ready question to its verdicts and health, and the colours of a good and a bad change. */
export async function readyQuestions(t) {
  const { page, store, check, figures, out } = t;
  await page.goto(t.url);
  await page.waitForSelector('adsim-app start-view #what');
  const what = (await page.textContent('start-view #what')).trim();
  check(/digester/.test(what) && /today/.test(what), `the app opens on the start view, saying what it answers ("${what.slice(0, 60)}…")`);
  const header = (await page.textContent('adsim-app header p')).trim();
  check(/dog bins/.test(header) && !/^Dog waste to energy: compare collection scenarios, simulated with ADM1$/.test(header), `the header says what the tool is for: "${header}"`);
  await page.screenshot({ path: `${out}/start.png`, fullPage: true });
  const questions = await page.$$eval('adsim-app >> start-view >> .questions button', (bs) => bs.map((b) => ({ id: b.id.replace(/^q-/, ''), text: b.textContent.trim() })));
  check(questions.length === 3, `three ready questions: ${questions.map((q) => `"${q.text}"`).join(', ')}`);
  figures.questions_wall_s = {};
  for (const q of questions) {
    await store((s) => s.setView('start'));
    await page.waitForSelector(`start-view #q-${q.id}`);
    const q0 = Date.now();
    await page.click(`start-view #q-${q.id}`);
    const { ids, runs } = await waitCompared(t);
    figures.questions_wall_s[q.id] = (Date.now() - q0) / 1000;
    check(runs.every((r) => r.status === 'done'), `"${q.text}": ${runs.length} scenarios ran (${runs.map((r) => r.error ?? r.name).join('; ')})`);
    const verdicts = await inCompare(page, '.verdict', (el) => el.textContent.trim());
    check(verdicts.length === ids.length && verdicts.slice(1).every((v) => /£|CO2e|NPV/.test(v)), `"${q.text}": a verdict per scenario, e.g. "${verdicts[1]}"`);
    const health = await inCompare(page, 'tr.health-row td', (el) => el.textContent.replace(/\s+/g, ' ').trim());
    check(health.length === ids.length && /^n\/a/.test(health[0]) && health.slice(1).every((h) => /^(stable|at risk|failing)/.test(h)), `"${q.text}": digester health in the table (${health.join(' | ')})`);
    const tonnage = await inCompare(page, '#tonnage-warning', (el) => el.textContent);
    check(tonnage.length === 0, `"${q.text}": its scenarios collect the same tonnage (no different-tonnage warning)`);
    await page.screenshot({ path: `${out}/question-${q.id}.png`, fullPage: true });
    if (q.id === 'small-digester') {
      // Good for the council in green, bad in red, context uncoloured; the words are there for screen readers too.
      await page.click('compare-view details summary');
      const cell = (key) => inCompare(page, `tr[data-key=${key}] td:nth-child(3) .diff`, (el) => ({ cls: el.className, colour: getComputedStyle(el).color, text: el.textContent.trim() }));
      const [cost] = await cell('cost_net_gbp');
      const [el] = await cell('electricity_net_kWh');
      const [slip] = await cell('co2e_methane_slip_t');
      const [para] = await cell('parasitic_kWh');
      check(/better/.test(el.cls) && el.colour === 'rgb(0, 100, 63)' && /^\+/.test(el.text) && /better for the council/.test(el.text), `more electricity exported is green (${el.colour}: "${el.text}")`);
      // Net cost: lower is better, so its colour follows the sign of the difference (whichever way the figures fall).
      const costUp = /^\+/.test(cost.text);
      check((costUp ? /worse/ : /better/).test(cost.cls) && cost.colour === (costUp ? 'rgb(164, 0, 15)' : 'rgb(0, 100, 63)'), `a net cost ${costUp ? 'above' : 'below'} the baseline is ${costUp ? 'red' : 'green'} (${cost.colour}: "${cost.text}")`);
      // Net carbon: lower is better (the small digester emits less than today's route).
      const [carbon] = await cell('co2e_net_t');
      check(/better/.test(carbon.cls) && carbon.colour === 'rgb(0, 100, 63)' && /better for the council/.test(carbon.text), `a lower net carbon is green (${carbon.colour}: "${carbon.text}")`);
      check(/worse/.test(slip.cls) && slip.colour === 'rgb(164, 0, 15)' && /worse for the council/.test(slip.text), `more methane leaking is red (${slip.colour}: "${slip.text}")`);
      check(para && !/better|worse/.test(para.cls), `the plant's own electricity use is neutral (uncoloured: "${para?.text}")`);
      const units = await inCompare(page, 'table[aria-label="Annual figures"] tbody th', (el) => el.textContent.trim());
      check(units.slice(1).every((u) => /\((t\/yr|Nm3\/yr, dry, 0 C, 101\.325 kPa|kWh\/yr|homes|t CO2e\/yr|£\/yr)\)$/.test(u)), `every headline figure has its unit per year, gas with its basis (${units.slice(1).map((u) => u.replace(/^.*\(/, '(')).join(' ')})`);
      const hyphens = await inCompare(page, 'td', (el) => el.textContent).then((tds) => tds.filter((x) => /(^|\s)-\d/.test(x)));
      check(hyphens.length === 0, `one minus sign (−) in every figure (${hyphens.length} hyphen-minus found)`);
      const warnItems = await inCompare(page, '#warnings li', (el) => el.textContent.trim());
      check(warnItems.length >= 1 && warnItems.every((w) => !/\w\[\d+\]\.|\b[a-z]+_[a-z_]+\.[a-z]/.test(w)), `warnings as ${warnItems.length} plain items without field paths`);
    }
  }
}

/** Step S4: the guided path builds the council's baseline and plan, compares them and gives the verdict. */
export async function guidedPath(t) {
  const { page, store, check, out } = t;
  await store((s) => s.setView('start'));
  await page.waitForSelector('start-view #guided');
  const before = await store((s) => s.scenarios.length);
  // A wrong answer is refused next to its question.
  await page.fill('start-view #g-name', 'Testshire');
  await page.fill('start-view #g-bins', '0');
  await page.click('start-view #g-build');
  const binsErr = (await page.textContent('start-view #g-bins-e')).trim();
  check(/whole number/.test(binsErr) && await store((s) => s.scenarios.length) === before, `a wrong answer is refused next to its question: "${binsErr}"`);
  await page.fill('start-view #g-bins', '400');
  await page.selectOption('start-view #g-frequency', 'fortnightly');
  await page.fill('start-view #g-tonnage', '52');
  await page.check('start-view #g-today-landfill');
  await page.check('start-view #g-to-small-digester');
  await page.click('start-view #g-build');
  await page.waitForFunction((n) => window.adsim.store.scenarios.length === n + 2, before);
  const ids = await store((s) => s.compareIds);
  await page.waitForFunction((list) => list.every((i) => ['done', 'error'].includes(window.adsim.store.runs[i]?.status)), ids, { timeout: 240_000, polling: 200 });
  const made = await store((s, list) => list.map((i) => ({ name: s.byId(i).json.name, status: s.runs[i].status, fill: s.byId(i).json.areas[0].fill_per_bin, collected: s.runs[i].result?.annual.dog_waste_collected_t })), ids);
  check(made.every((m) => m.status === 'done') && made[1].name === 'Testshire: a small digester of our own', `the guided path built and ran "${made[0].name}" and "${made[1].name}"`);
  check(Math.abs(made[1].collected - 52) < 0.5, `the measured 52 t/yr is what the plan collects (${made[1].collected} t/yr, ${made[1].fill} per emptying)`);
  await page.waitForSelector('compare-view .verdict');
  const verdict = await page.textContent('compare-view .verdict:not(.base)');
  check(/£/.test(verdict) && /CO2e/.test(verdict), `the new scenario has its verdict: "${verdict.trim()}"`);
  await page.screenshot({ path: `${out}/guided-compare.png`, fullPage: true });
  t.state.guidedId = ids[1];
}
