// e2e: the research view (Morris, Monte Carlo, calibration, BMP and feedstock fits).
import { readFileSync } from 'node:fs';

/** Step 8b. */
export async function research(t) {
  const { page, store, selectedId, waitRun, check, figures, out, profile } = t;
  const { loadedId } = t.state;
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
  check(residualAxes.length === 2 && residualAxes[0] === 'residual (Nm3/d, dry, 0 C, 101.325 kPa)' && residualAxes[1] === 'residual (-)', `one residual plot per measured series, each on its own axis (${residualAxes.join('; ')})`);
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

}
