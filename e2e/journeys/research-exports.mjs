// e2e: research results downloaded as CSV and JSON and read back (Morris, Sobol, Monte Carlo, calibration, BMP fit).
// Runs after the research journey, which leaves its results in the research store.
import { readFileSync } from 'node:fs';

/** RFC 4180 rows, '#' comment lines skipped (the files start with a provenance line). */
export function parseCsv(text) {
  const rows = [];
  let row = [], cur = '', quoted = false, lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (lineStart && c === '#') { const nl = text.indexOf('\n', i); i = nl < 0 ? text.length : nl; continue; }
    lineStart = false;
    if (quoted) { if (c === '"' && text[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c; }
    else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cur); cur = ''; }
    else if (c === '\n' || c === '\r') { if (c === '\r' && text[i + 1] === '\n') i++; row.push(cur); rows.push(row); row = []; cur = ''; lineStart = true; }
    else cur += c;
  }
  if (cur !== '' || row.length) { row.push(cur); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((k, j) => [k, r[j]])));
}

export async function researchExports(t) {
  const { page, check, figures } = t;
  const rq = (sel) => `adsim-app >> research-view >> ${sel}`;
  /** Clicks a download button and returns the file's name and text. */
  const save = async (sel) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(rq(sel))]);
    return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
  };
  const waitResearch = (which) => page.waitForFunction((w) => {
    const x = document.querySelector('adsim-app').shadowRoot.querySelector('research-view')?.research?.tasks[w];
    return x && x.status !== 'running';
  }, which, { timeout: 180_000, polling: 100 });
  const task = (which) => page.evaluate((w) => {
    const x = document.querySelector('adsim-app').shadowRoot.querySelector('research-view').research.tasks[w];
    return JSON.parse(JSON.stringify({ status: x?.status, error: x?.error, result: x?.result }));
  }, which);

  // Morris of the scenario (left by the research journey): the CSV ranks as the page's table, the JSON parses.
  const shownFirst = (await page.textContent(rq('#rank-table tbody tr td:nth-child(2)'))).trim();
  const output = await page.inputValue(rq('#r-output'));
  const morrisCsv = await save('#dl-sensitivity-ranking');
  check(/^# adsim \d+\.\d+\.\d+, model adm1-bsm2 \S+, exported \d{4}-\d\d-\d\d\r?\n/.test(morrisCsv.text) && /# Dog faeces has no published standard BMP/.test(morrisCsv.text),
    `Morris CSV (${morrisCsv.name}) opens with the versions, the date and the estimate caveat`);
  const morrisRows = parseCsv(morrisCsv.text).filter((r) => r.output === output);
  check(morrisRows.length >= 2 && morrisRows[0].factor.replace(/\s/g, '') === shownFirst.replace(/\s/g, '') && Number.isFinite(Number(morrisRows[0].muStar)),
    `Morris CSV ranks ${output} as the page does (first ${morrisRows[0]?.factor}, mu* ${morrisRows[0]?.muStar})`);
  const morrisJson = JSON.parse((await save('#dl-sensitivity-json')).text);
  check(morrisJson.method === 'morris' && morrisJson.kind === 'scenario' && morrisJson.ranked[output][0].factor === morrisRows[0].factor,
    'Morris JSON parses with the CLI\'s keys (file, kind, evaluation, method, ranked)');

  // Monte Carlo of the scenario: percentiles, every sample, the JSON.
  const mc = await task('uncertainty');
  const pct = parseCsv((await save('#dl-uncertainty-percentiles')).text);
  const meth = pct.find((r) => r.output === 'methane_Nm3');
  check(meth && Math.abs(Number(meth.P50) - mc.result.scalars.methane_Nm3.p50) <= 1e-6 * Math.abs(mc.result.scalars.methane_Nm3.p50),
    `Monte Carlo percentiles CSV: methane P50 ${meth?.P50} Nm3/yr as computed`);
  const samples = parseCsv((await save('#dl-uncertainty-samples')).text);
  const inside = samples.every((s) => Number(s.methane_Nm3) >= Number(meth.min) - 1e-6 && Number(s.methane_Nm3) <= Number(meth.max) + 1e-6);
  check(samples.length === mc.result.samples && inside && Number.isFinite(Number(samples[0]['feedstocks.dog-faeces.BMP'])),
    `Monte Carlo samples CSV: ${samples.length} rows, each with its sampled dog-faeces BMP and its methane inside [min, max]`);
  const mcJson = JSON.parse((await save('#dl-uncertainty-json')).text);
  check(mcJson.method === 'monte-carlo' && mcJson.table.inputs.length === mc.result.samples && Object.keys(mcJson.series)[0] === 't_d', 'Monte Carlo JSON parses (samples table, series with t_d first)');

  // Calibration (BSM2, k_dis): the parameters CSV gives the value the table shows; residuals are measured minus model.
  const fitRq = (sel) => `research-fit >> ${sel}`;
  const fit = await task('fit');
  const params = parseCsv((await save(fitRq('#dl-fit-parameters'))).text);
  const kdis = params.find((p) => p.parameter === 'k_dis');
  check(kdis && Math.abs(Number(kdis.value) - fit.result.parameters[0].value) < 1e-9 * fit.result.parameters[0].value && Number(kdis.ci95_low) < Number(kdis.value) && Number(kdis.value) < Number(kdis.ci95_high),
    `calibration parameters CSV: k_dis ${Number(kdis?.value).toPrecision(4)} within its 95 % interval ${Number(kdis?.ci95_low).toPrecision(3)}-${Number(kdis?.ci95_high).toPrecision(3)}`);
  const res = parseCsv((await save(fitRq('#dl-fit-residuals'))).text);
  const nPoints = fit.result.series.reduce((a, s) => a + s.t_d.length, 0);
  check(res.length === nPoints && res.every((r) => Math.abs(Number(r.residual) - (Number(r.measured) - Number(r.model))) <= 1e-6 * Math.max(1, Math.abs(Number(r.measured)))) && res.some((r) => r.unit === 'Nm3/d, dry, 0 C, 101.325 kPa'),
    `calibration residuals CSV: ${res.length} points, residual = measured - model, gas in Nm3/d on its basis (dry, 0 C, 101.325 kPa)`);
  const fitJson = JSON.parse((await save(fitRq('#dl-fit-json'))).text);
  check(fitJson.file === 'BSM2 benchmark digester' && fitJson.parameters[0].name === 'k_dis' && Array.isArray(fitJson.residuals), 'calibration JSON parses and names the BSM2 run it was fitted on');

  // BMP curve fit of the example (B0 260).
  const bmp = parseCsv((await save(fitRq('#dl-bmp-parameters'))).text);
  const b0 = bmp.find((p) => p.parameter === 'B0');
  check(b0 && Math.abs(Number(b0.value) - 260) < 15, `BMP fit parameters CSV: B0 ${Number(b0?.value).toFixed(1)} (260 used to make the curve)`);

  // Sobol of the BSM2 run, small N: the indices CSV with intervals, and the page's warning that N is small.
  await page.selectOption(rq('#r-model'), 'bsm2');
  await page.selectOption(rq('#r-method'), 'sobol');
  await page.fill(rq('#r-sobol-n'), '8');
  const s0 = Date.now();
  await page.click(rq('#run-sensitivity'));
  await waitResearch('sensitivity');
  figures.sobol_n8_wall_s = (Date.now() - s0) / 1000;
  const sob = await task('sensitivity');
  check(sob.status === 'done' && sob.result.method === 'sobol', `Sobol indices ran in the page (${sob.error ?? `${sob.result.runs} runs`})`);
  const sobRows = parseCsv((await save('#dl-sensitivity-ranking')).text);
  check(sobRows.length > 0 && sobRows.every((r) => r.S1 !== undefined && r.ST_low !== undefined) && /below 128/.test(await page.textContent('adsim-app >> research-view >> section[aria-labelledby=h-sens]')),
    `Sobol CSV: ${sobRows.length} rows with S1, ST and their intervals; the page warns that N = 8 is below 128`);
}
