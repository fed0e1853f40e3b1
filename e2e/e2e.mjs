// End-to-end walk through the web app in a real Chromium: the user journeys of issue 5, with screenshots of each view.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
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
try {
  const page = ctx.pages()[0] ?? await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.setDefaultTimeout(120_000);

  /** Reads the store in the page (window.adsim.store). */
  const store = (fn, arg) => page.evaluate(([f, a]) => new Function('s', 'a', `return (${f})(s, a)`)(window.adsim.store, a), [fn.toString(), arg]);
  const selectedId = () => store((s) => s.selectedId);
  const waitRun = (id, statuses = ['done', 'error']) => page.waitForFunction(([i, st]) => st.includes(window.adsim.store.runs[i]?.status), [id, statuses], { timeout: 180_000, polling: 100 });

  // 1. Open the app.
  await page.goto(url);
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

  // 5. Compare two scenarios: the bundled original and the edited copy.
  await page.click('[role=tab]#tab-compare');
  const originalId = await store((s, id) => s.scenarios.find((x) => x.id !== id && x.origin === s.byId(id).origin)?.id, loadedId);
  await store((s, ids) => { s.compareIds = []; ids.forEach((i) => s.toggleCompare(i, true)); s.setBaseline(ids[0]); }, [originalId, loadedId]);
  const t0 = Date.now();
  await page.click('#run-compare');
  await waitRun(originalId);
  await waitRun(loadedId);
  figures.compare_two_wall_s = (Date.now() - t0) / 1000;
  const runs = await store((s, ids) => ids.map((i) => ({ status: s.runs[i].status, error: s.runs[i].error, ms: s.runs[i].ms })), [originalId, loadedId]);
  check(runs.every((r) => r.status === 'done'), `both scenarios ran (${runs.map((r) => r.error ?? r.status).join(', ')})`);
  figures.time_to_result_one_year_ms = Math.round(runs[0].ms);
  await page.waitForSelector('compare-view table');
  await page.waitForSelector('compare-view adsim-chart#chart-nh3');
  const inked = await page.evaluate(() => {
    const cv = document.querySelector('adsim-app').shadowRoot.querySelector('compare-view').shadowRoot;
    return [...cv.querySelectorAll('adsim-chart')].map((c) => {
      const canvas = c.shadowRoot.querySelector('canvas');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++;
      return { id: c.id, ink, w: canvas.width, h: canvas.height };
    });
  });
  check(inked.length >= 4 && inked.every((c) => c.ink > 500), `charts drawn: ${inked.map((c) => `${c.id}=${c.ink}px`).join(' ')}`);
  await page.screenshot({ path: `${out}/compare.png`, fullPage: true });

  // 6. Export the annual CSV.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-annual')]);
  const csvPath = join(profile, 'annual.csv');
  await download.saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  check(download.suggestedFilename().endsWith('.csv') && csv.split('\n').length > 5 && csv.includes('electricity_net_kWh'), `CSV exported (${download.suggestedFilename()}, ${csv.split('\n').length - 1} rows)`);

  // 7. Projection view. A years box of 0 is refused next to the box (the projection does not silently run 5 years).
  await page.click('[role=tab]#tab-projection');
  await page.fill('projection-view #proj-years', '0');
  await page.press('projection-view #proj-years', 'Tab');
  const yearsErr = (await page.textContent('projection-view #proj-years-e')).trim();
  check(/1 to 30/.test(yearsErr) && await page.isDisabled('projection-view #run-projection'), `years = 0 is refused next to the box: "${yearsErr}"`);
  await page.fill('projection-view #proj-years', '1');
  await page.press('projection-view #proj-years', 'Tab');
  await page.click('projection-view #run-projection');
  await page.waitForFunction((id) => ['done', 'error'].includes(window.adsim.store.projections[id]?.status), loadedId, { timeout: 180_000 });
  const proj = await store((s, id) => ({ status: s.projections[id].status, error: s.projections[id].error }), loadedId);
  check(proj.status === 'done', `projection ran (${proj.error ?? 'ok'})`);
  await page.waitForSelector('projection-view .big');
  await page.screenshot({ path: `${out}/projection.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${out}/projection-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

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

  // 8b. Research view: Morris screening of the BSM2 run (tornado chart), then a small Monte Carlo (fan chart).
  const rq = (sel) => `adsim-app >> research-view >> ${sel}`;
  const researchStatus = (which) => page.evaluate((w) => {
    const rv = document.querySelector('adsim-app').shadowRoot.querySelector('research-view');
    return rv?.research?.tasks[w] ? { status: rv.research.tasks[w].status, error: rv.research.tasks[w].error, ms: rv.research.tasks[w].ms, runs: rv.research.tasks[w].result?.runs } : null;
  }, which);
  const waitResearch = (which) => page.waitForFunction((w) => {
    const t = document.querySelector('adsim-app').shadowRoot.querySelector('research-view')?.research?.tasks[w];
    return t && t.status !== 'running';
  }, which, { timeout: 180_000, polling: 100 });
  const chartInk = (id) => page.evaluate((cid) => {
    const rv = document.querySelector('adsim-app').shadowRoot.querySelector('research-view').shadowRoot;
    const c = rv.querySelector(`adsim-chart#${cid}`);
    const canvas = c?.shadowRoot.querySelector('canvas');
    if (!canvas) return 0;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++;
    return ink;
  }, id);
  await page.click('[role=tab]#tab-research');
  await page.waitForSelector(rq('#r-model'));
  // A bad bound first: the message appears next to that input's row.
  await page.fill(rq('#high-k_dis'), '0.01');
  await page.click(rq('#run-sensitivity'));
  const boundErr = (await page.textContent(rq('#err-k_dis'))).trim();
  check(/inverted/.test(boundErr), `inverted bounds are reported next to the input: "${boundErr}"`);
  await page.fill(rq('#high-k_dis'), '1');
  await page.fill(rq('#r-trajectories'), '8');
  const m0 = Date.now();
  await page.click(rq('#run-sensitivity'));
  await waitResearch('sensitivity');
  figures.morris_wall_s = (Date.now() - m0) / 1000;
  const sens = await researchStatus('sensitivity');
  check(sens.status === 'done', `Morris screening ran (${sens.error ?? `${sens.runs} runs in ${Math.round(sens.ms)} ms`})`);
  figures.morris_runs = sens.runs;
  figures.morris_ms = Math.round(sens.ms);
  await page.waitForSelector(rq('adsim-chart#chart-tornado'));
  const tornadoInk = await chartInk('chart-tornado');
  check(tornadoInk > 500 && (await page.$$(rq('#rank-table tbody tr'))).length >= 4, `tornado chart drawn (${tornadoInk} px) with a ranked table`);
  await page.screenshot({ path: `${out}/research-sensitivity.png`, fullPage: true });
  await page.fill(rq('#r-samples'), '12');
  const u0 = Date.now();
  await page.click(rq('#run-uncertainty'));
  await waitResearch('uncertainty');
  figures.monte_carlo_12_wall_s = (Date.now() - u0) / 1000;
  const unc = await researchStatus('uncertainty');
  check(unc.status === 'done', `Monte Carlo ran (${unc.error ?? `${Math.round(unc.ms)} ms`})`);
  await page.waitForSelector(rq('adsim-chart#chart-fan'));
  const fanInk = await chartInk('chart-fan');
  check(fanInk > 500 && (await page.$$(rq('#mc-table tbody tr'))).length >= 4, `fan chart drawn (${fanInk} px) with P10/P50/P90 table`);
  await page.screenshot({ path: `${out}/research-uncertainty.png`, fullPage: true });
  // Cancel: a long Morris run stops when asked, and the view says so.
  await page.fill(rq('#r-trajectories'), '200');
  await page.click(rq('#run-sensitivity'));
  await page.waitForSelector(rq('#run-sensitivity-cancel'));
  await page.click(rq('#run-sensitivity-cancel'));
  await waitResearch('sensitivity');
  check((await researchStatus('sensitivity')).status === 'cancelled', 'a long Morris run was cancelled');
  // Calibration of k_dis to the synthetic example data (made with k_dis = 0.35): fitted values, fit and residual plots.
  await page.click(rq('research-fit >> #fit-example'));
  const f0 = Date.now();
  await page.click(rq('research-fit >> #run-fit'));
  await waitResearch('fit');
  figures.fit_k_dis_wall_s = (Date.now() - f0) / 1000;
  const fitState = await researchStatus('fit');
  check(fitState.status === 'done', `calibration ran (${fitState.error ?? 'ok'})`);
  await page.waitForSelector(rq('research-fit >> adsim-chart#chart-residuals-0'));
  const residualAxes = await page.evaluate(() => {
    const rf = document.querySelector('adsim-app').shadowRoot.querySelector('research-view').shadowRoot.querySelector('research-fit').shadowRoot;
    return [...rf.querySelectorAll('adsim-chart.residuals')].map((c) => c.config.options.scales.y.title.text);
  });
  check(residualAxes.length === 2 && residualAxes[0] === 'residual (Nm3/d)' && residualAxes[1] === 'residual (-)', `one residual plot per measured series, each on its own axis (${residualAxes.join('; ')})`);
  const kdis = Number(await page.textContent(rq('research-fit >> #fit-table tbody tr td:nth-child(2)')));
  check(kdis > 0.15 && kdis < 0.5, `fitted k_dis = ${kdis} (0.35 used to make the data)`);
  await page.screenshot({ path: `${out}/research-fit.png`, fullPage: true });
  // Monte Carlo of a scenario: its feedstock ranges are written into the scenario's own `feedstocks` overrides per run.
  await page.selectOption(rq('#r-model'), loadedId);
  await page.waitForSelector(rq('[id="use-feedstocks_dog-faeces_BMP"]'));
  check(await page.isChecked(rq('[id="use-feedstocks_dog-faeces_BMP"]')), 'a scenario offers (and by default varies) the dog-faeces BMP range');
  await page.fill(rq('#r-samples'), '8');
  await page.click(rq('#run-uncertainty'));
  await waitResearch('uncertainty');
  const scUnc = await page.evaluate(() => {
    const t = document.querySelector('adsim-app').shadowRoot.querySelector('research-view').research.tasks.uncertainty;
    const m = t.result?.scalars?.methane_Nm3;
    return { status: t.status, error: t.error, failed: t.result?.failedRuns, p10: m?.p10, p90: m?.p90 };
  });
  check(scUnc.status === 'done' && scUnc.failed === 0 && scUnc.p10 < scUnc.p90, `scenario Monte Carlo ran with its feedstock ranges (${scUnc.error ?? `methane P10 ${Math.round(scUnc.p10)} - P90 ${Math.round(scUnc.p90)} Nm3/yr`})`);
  // Morris on the same scenario too: both result tables (long feedstock input names) must fit a 1280 px window.
  await page.fill(rq('#r-trajectories'), '2');
  await page.click(rq('#run-sensitivity'));
  await waitResearch('sensitivity');
  check((await researchStatus('sensitivity')).status === 'done', 'Morris screening of the scenario ran');
  await page.waitForSelector(rq('#rank-table'));
  const fit1280 = await page.evaluate(() => {
    const rv = document.querySelector('adsim-app').shadowRoot.querySelector('research-view').shadowRoot;
    const cut = (id) => { const t = rv.querySelector(id); const box = t.parentElement; return { table: t.scrollWidth, box: box.clientWidth, right: Math.round(t.getBoundingClientRect().right) }; };
    return { page: document.documentElement.scrollWidth, window: window.innerWidth, rank: cut('#rank-table'), mc: cut('#mc-table') };
  });
  figures.research_page_width_px = fit1280.page;
  check(fit1280.page <= fit1280.window, `research page does not scroll sideways at ${fit1280.window} px (page ${fit1280.page} px wide)`);
  check(fit1280.rank.table <= fit1280.rank.box && fit1280.rank.right <= fit1280.window && fit1280.mc.table <= fit1280.mc.box && fit1280.mc.right <= fit1280.window,
    `Morris and Monte Carlo tables fit (rank ${fit1280.rank.table}/${fit1280.rank.box} px ending at ${fit1280.rank.right}, percentiles ${fit1280.mc.table}/${fit1280.mc.box} px ending at ${fit1280.mc.right})`);
  await page.locator(rq('#rank-table')).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/research-scenario-tables.png`, fullPage: false });
  await page.locator(rq('#mc-table')).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/research-scenario-mc.png`, fullPage: false });
  // A BMP curve fit of the example data.
  await page.click(rq('research-fit >> #bmp-example'));
  await page.click(rq('research-fit >> #run-bmp'));
  await page.waitForSelector(rq('research-fit >> adsim-chart#chart-bmp'));
  const b0 = await page.textContent(rq('research-fit >> #bmp-table tbody tr td:nth-child(2)'));
  check(Math.abs(Number(b0.replace(/,/g, '')) - 260) < 15, `BMP fit of the example curve gives B0 = ${b0} (260 used to make it)`);
  // The same curve fitted through the simulated ADM1 assay of the dog-faeces record: record beside fitted, file to download.
  const fsq = (sel) => rq(`research-fit >> research-feedstock >> ${sel}`);
  check(await page.inputValue(fsq('#fsb-feedstock')) === 'dog-faeces', 'the feedstock fit offers the dog-faeces record');
  const fs0 = Date.now();
  await page.click(fsq('#run-feedstock'));
  await waitResearch('feedstock');
  figures.feedstock_bmp_fit_wall_s = (Date.now() - fs0) / 1000;
  const fsState = await researchStatus('feedstock');
  check(fsState.status === 'done', `feedstock record fit ran in the worker pool (${fsState.error ?? `${Math.round(fsState.ms)} ms`})`);
  const fsRow = await page.$$eval(fsq('#fsb-table tbody tr:first-child td'), (tds) => tds.map((td) => td.textContent.trim()));
  const fittedBmp = Number(fsRow[3].replace(/,/g, ''));
  figures.feedstock_bmp_record = fsRow[1];
  figures.feedstock_bmp_fitted = fsRow[3];
  figures.feedstock_bmp_interval = fsRow[4];
  check(fsRow[0] === 'BMP' && Math.abs(fittedBmp - 260) < 25, `dog-faeces BMP: record ${fsRow[1]}, fitted ${fsRow[3]} (${fsRow[4]}) NL CH4/kg VS from the example curve (B0 260)`);
  await page.waitForSelector(fsq('adsim-chart#chart-feedstock-bmp'));
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(fsq('#fsb-download'))]);
  const file = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  check(dl.suggestedFilename() === 'dog-faeces-fitted-bmp.json' && file.feedstocks[0].id === 'dog-faeces' && Math.abs(file.feedstocks[0].BMP.value - fittedBmp) < 1,
    `user-feedstock file downloaded (${dl.suggestedFilename()}: BMP ${file.feedstocks[0].BMP.value}, k_hyd ${file.feedstocks[0].k_hyd?.value})`);
  await page.locator(fsq('#fsb-table')).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/research-feedstock-bmp.png`, fullPage: false });
  await page.screenshot({ path: `${out}/research-bmp.png`, fullPage: true });

  // 8c. Projection ranges: the Monte Carlo behind the councillors' ranges has finished for the projection run above.
  await page.click('[role=tab]#tab-projection');
  await page.waitForFunction((id) => ['done', 'error'].includes(window.adsim.store.ranges[id]?.status), loadedId, { timeout: 180_000 });
  const ranges = await store((s, id) => ({ status: s.ranges[id].status, error: s.ranges[id].error, el: s.ranges[id].result?.years.at(-1)?.electricity_net_kWh, samples: s.ranges[id].result?.samples, seed: s.ranges[id].result?.seed }), loadedId);
  check(ranges.status === 'done' && ranges.el.p10 < ranges.el.p90, `projection ranges from Monte Carlo (${ranges.error ?? `electricity P10 ${Math.round(ranges.el.p10)} - P90 ${Math.round(ranges.el.p90)} kWh`})`);
  const covers = await page.textContent('projection-view .covers');
  check(/percentile/.test(covers) && covers.includes(`of ${ranges.samples} simulations`) && covers.includes(`seed ${ranges.seed}`), 'the projection says what its ranges cover, with sample count and seed');
  await page.screenshot({ path: `${out}/projection-ranges.png`, fullPage: true });
  // The councillors' printout: one A4 page with a dated, versioned footer.
  const footer = await page.textContent('projection-view .footer');
  check(/adsim \d+\.\d+\.\d+, model adm1-bsm2/.test(footer) && /\d{4}/.test(footer), `the projection carries a footer: "${footer.trim()}"`);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ path: `${out}/projection.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  figures.projection_pdf_pages = pages;
  check(pages === 1, `the projection prints on one A4 page (${pages})`);

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

  // 11. A failed import leaves the saved scenarios untouched.
  const savedBefore = await page.evaluate(() => localStorage.getItem('adsim.saved'));
  await page.setInputFiles('#import', { name: 'not-a-scenario.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await page.waitForSelector('adsim-app .notice.error');
  check(await page.evaluate(() => localStorage.getItem('adsim.saved')) === savedBefore, 'a failed import changed nothing saved');

  // 12. The README picture: today's route against three bundled alternatives (copied to docs/img/compare.png by hand).
  // The test's own edited copy is removed first, so the picture shows what a new user sees.
  await store((s, id) => s.remove(id), loadedId);
  const showcase = await store((s) => {
    const by = (re) => s.scenarios.find((x) => re.test(x.origin ?? ''))?.id;
    return [by(/baseline/), by(/weekly-small/), by(/fortnightly/), by(/garden/)].filter(Boolean);
  });
  if (showcase.length >= 2) {
    await store((s, ids) => { s.dismissNotice(); s.compareIds = []; ids.forEach((i) => s.toggleCompare(i, true)); s.setBaseline(ids[0]); s.setView('compare'); s.runComparison(); }, showcase);
    for (const id of showcase) await waitRun(id);
    await page.waitForSelector('compare-view adsim-chart#chart-money');
    await page.screenshot({ path: `${out}/compare-readme.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1560 } });
    for (const id of ['chart-carbon', 'chart-money', 'chart-nh3', 'chart-gas']) await page.locator(`compare-view adsim-chart#${id}`).screenshot({ path: `${out}/${id}.png` });
    // A saved chart PNG carries its title (drawn above the chart).
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('compare-view adsim-chart#chart-carbon >> button')]);
    await png.saveAs(`${out}/chart-carbon-saved.png`);
  }

  // 13. Export all, clear the browser's storage, reload, import: nothing is listed twice.
  const exported = await store((s) => s.exportText());
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('adsim-app nav.list li');
  const seeded = await store((s) => s.scenarios.map((x) => x.json.name));
  await page.setInputFiles('#import', { name: 'adsim-scenarios.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.waitForSelector('adsim-app .notice.info');
  const afterImport = await store((s) => s.scenarios.map((x) => x.json.name));
  check(afterImport.length === seeded.length && !afterImport.some((n) => / \(2\)$/.test(n)), `re-importing an export adds no duplicates (${seeded.length} -> ${afterImport.length})`);

  check(problems.length === 0, `no console errors${problems.length ? `: ${problems.join(' | ')}` : ''}`);
  console.log(`e2e figures: ${JSON.stringify(figures)}`);
  console.log('e2e: all checks passed');
} catch (e) {
  try { await ctx.pages()[0]?.screenshot({ path: `${out}/failure.png`, fullPage: true }); } catch { /* page gone */ }
  if (problems.length) console.error(`console problems: ${problems.join(' | ')}`);
  throw e;
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
