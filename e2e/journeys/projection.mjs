// e2e: the projection view, its likely ranges and the A4 printout.
import { execFileSync } from 'node:child_process';

/** The text of one page of a PDF, by poppler's pdftotext (apt poppler-utils). */
export function pdfPageText(file, n) {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' });
}

/** Step 7: years validated next to the box; a one-year projection of the edited copy. */
export async function projectOneYear(t) {
  const { page, store, selectedId, waitRun, check, figures, out, profile } = t;
  const { loadedId } = t.state;
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

}

/** Step 8c: the likely ranges have finished; the printout is one dated A4 page. */
export async function rangesAndPrint(t) {
  const { page, store, selectedId, waitRun, check, figures, out, profile } = t;
  const { loadedId } = t.state;
  // 8c. Projection ranges: the Monte Carlo behind the councillors' ranges has finished for the projection run above.
  await page.click('[role=tab]#tab-projection');
  await page.waitForFunction((id) => ['done', 'error'].includes(window.adsim.store.ranges[id]?.status), loadedId, { timeout: 180_000 });
  const ranges = await store((s, id) => ({ status: s.ranges[id].status, error: s.ranges[id].error, el: s.ranges[id].result?.years.at(-1)?.electricity_net_kWh, samples: s.ranges[id].result?.samples, seed: s.ranges[id].result?.seed }), loadedId);
  check(ranges.status === 'done' && ranges.el.p10 < ranges.el.p90, `projection ranges from Monte Carlo (${ranges.error ?? `electricity P10 ${Math.round(ranges.el.p10)} - P90 ${Math.round(ranges.el.p90)} kWh`})`);
  const covers = await page.textContent('projection-view .covers');
  check(/percentile/.test(covers) && covers.includes(`of ${ranges.samples} simulations`) && covers.includes(`seed ${ranges.seed}`), 'the projection says what its ranges cover, with sample count and seed');
  await page.screenshot({ path: `${out}/projection-ranges.png`, fullPage: true });
  // The payback card says each thing once: no "never to never", no three words said twice, with its likely range.
  const pay = (await page.textContent('projection-view #payback-card')).replace(/\s+/g, ' ').trim();
  const words = pay.toLowerCase().replace(/[,.:()]/g, ' ').split(/\s+/).filter(Boolean);
  const triples = words.slice(0, -2).map((_, i) => words.slice(i, i + 3).join(' '));
  check(!/never to never/.test(pay) && new Set(triples).size === triples.length && /likely range/.test(pay), `the payback card says it once, with the range: "${pay}"`);
  // The councillors' printout: one A4 page with a dated, versioned footer.
  const footer = await page.textContent('projection-view .footer');
  check(/adsim \d+\.\d+\.\d+, model adm1-bsm2/.test(footer) && /\d{4}/.test(footer), `the projection carries a footer: "${footer.trim()}"`);
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(300);   // charts redraw for the print box
  const pdf = await page.pdf({ path: `${out}/projection.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  figures.projection_pdf_pages = pages;
  // With the whole-life economics (NPV and payback cards) a one-year projection may take a second page; what must be on
  // page 1 is checked below from the PDF's own text.
  check(pages >= 1 && pages <= 2, `the projection prints on at most two A4 pages (${pages})`);
  // Page 1 of the PDF itself (pdftotext): the verdict, the year table and the chart's caption.
  const page1 = pdfPageText(`${out}/projection.pdf`, 1);
  const verdict = (await page.textContent('projection-view #proj-verdict')).trim();
  check(page1.replace(/\s+/g, ' ').includes(verdict.slice(0, 40)) && /Year by year/.test(page1) && /Saved each year|cash flow/.test(page1) && (/net present value/.test(page1) || /not costed/.test(page1)),
    `page 1 of the PDF has the verdict ("${verdict.slice(0, 50)}…"), the chart and the year table`);
  // The totals carry their likely ranges on screen and on paper, as adsim project prints them.
  const totalsRange = (await page.textContent('projection-view #proj-totals-range'))?.replace(/\s+/g, ' ').trim() ?? '';
  const printed = Array.from({ length: pages }, (_, i) => pdfPageText(`${out}/projection.pdf`, i + 1)).join(' ').replace(/\s+/g, ' ');
  check(/^Likely range over .*money saved .*£[\d,]+ to .*£[\d,]+/.test(totalsRange) && printed.includes('Likely range over'), `the totals' likely ranges show and print: "${totalsRange.slice(0, 120)}"`);
  // A 30-year projection's printout (its layout only: the year just projected, repeated as years 1-30): page 1 is full,
  // the year table starts on it and runs on, rows whole.
  await store((s, id) => {
    const p = s.projections[id];
    const y1 = p.result.years[0];
    s.projections[id] = { ...p, years: 30, result: { ...p.result, years: Array.from({ length: 30 }, (_, i) => ({ ...y1, year: i + 1 })) } };
    s.cancelRanges(id);
    delete s.ranges[id];
    s.setView('projection');
  }, loadedId);
  await page.waitForFunction(() => document.querySelector('adsim-app').shadowRoot.querySelector('projection-view').shadowRoot.querySelectorAll('tbody tr').length >= 30);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${out}/projection-30-years.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const p30 = pdfPageText(`${out}/projection-30-years.pdf`, 1);
  const rowsOnPage1 = p30.split('\n').filter((l) => /^\s*\d{1,2}\s+1,000\s/.test(l)).length;
  figures.projection_30yr_rows_on_page_1 = rowsOnPage1;
  // The verdict speaks of the plant life of the appraisal (economics.lifetime_yr), not of the projection's years.
  check(p30.includes('Year by year') && rowsOnPage1 >= 3 && /Over \d+ years/.test(p30), `a 30-year printout fills page 1: verdict, chart and the table's first ${rowsOnPage1} years`);
  // The years box says what is on the page: 30 after printing the 30-year projection, and still 30 after a tab switch.
  const boxNow = await page.inputValue('projection-view #proj-years');
  await page.click('[role=tab]#tab-compare');
  await page.click('[role=tab]#tab-projection');
  const boxBack = await page.inputValue('projection-view #proj-years');
  check(boxNow === '30' && boxBack === '30', `the years box shows the 30 years on the page after printing (${boxNow}) and after a tab switch (${boxBack})`);

}

/** Step P2: the likely ranges show their progress and can be cancelled, then worked out again. */
export async function rangesProgressCancel(t) {
  const { page, store, check, figures, out } = t;
  const id = t.state.guidedId;
  await store((s, i) => { s.select(i); s.setView('projection'); }, id);
  await page.fill('projection-view #proj-years', '1');
  await page.press('projection-view #proj-years', 'Tab');
  await page.click('projection-view #run-projection');
  await page.waitForFunction((i) => window.adsim.store.ranges[i]?.status === 'running' && window.adsim.store.ranges[i].done >= 1, id, { timeout: 180_000, polling: 100 });
  await page.waitForSelector('projection-view #ranges-progress');
  const progress = (await page.textContent('projection-view #ranges-status')).replace(/\s+/g, ' ').trim();
  check(/\d+ of \d+ simulations/.test(progress) && !/\?/.test(progress), `the likely ranges show their progress: "${progress}"`);
  await page.screenshot({ path: `${out}/projection-ranges-progress.png`, fullPage: false });
  const c0 = Date.now();
  await page.click('projection-view #cancel-ranges');
  await page.waitForFunction((i) => window.adsim.store.ranges[i]?.status !== 'running', id, { timeout: 60_000, polling: 50 });
  figures.ranges_cancel_ms = Date.now() - c0;
  const after = await store((s, i) => s.ranges[i].status, id);
  const said = (await page.textContent('projection-view #ranges-status')).replace(/\s+/g, ' ').trim();
  check(after === 'cancelled' && /cancelled/.test(said), `Cancel stops the ranges (${figures.ranges_cancel_ms} ms): "${said}"`);
  check(await store((s, i) => s.projections[i].status, id) === 'done', 'the central projection stays after the ranges are cancelled');
  await page.click('projection-view #retry-ranges');
  check(await store((s, i) => s.ranges[i]?.status, id) === 'running', 'the ranges can be worked out again');
  // A printout made while they run says so.
  await page.emulateMedia({ media: 'print' });
  const note = await page.evaluate(() => {
    const el = document.querySelector('adsim-app').shadowRoot.querySelector('projection-view').shadowRoot.querySelector('.print-only');
    return el && getComputedStyle(el).display !== 'none' ? el.textContent.trim() : '';
  });
  await page.emulateMedia({ media: 'screen' });
  check(/still being worked out/.test(note), `printed while the ranges run, the page says so: "${note}"`);
  await store((s, i) => s.cancelRanges(i), id);
}

/**
 * Step 8d: a projection in which a year failed to solve (the worker's partial result, as `adsim project --json` gives
 * it: the years that ran, failed_years with reasons, no economics) shows those years, marks the failed one, and makes
 * up no NPV, payback or ranges. The solver failure itself is injected (no bundled scenario fails a year); the result
 * is the real one of the year projected above, repeated as years 1 and 3.
 */
export async function partialProjection(t) {
  const { page, store, check, out } = t;
  const { loadedId } = t.state;
  await store((s, id) => {
    const p = s.projections[id];
    const { cashflow_gbp: _a, discounted_cashflow_gbp: _b, cumulative_discounted_gbp: _c, ...y1 } = p.result.years[0];
    const years = [{ ...y1, year: 1 }, { ...y1, year: 3 }];
    const failed_years = [{ year: 2, areas_joined: y1.areas_joined, bins: y1.bins, reason: 'solver failed: step size too small at t = 100 d (year 2)' }];
    s.projections[id] = { ...p, years: 3, result: { ok: false, partial: true, schema: 'adsim-project/1', name: p.result.name, comment: '', years, failed_years,
      totals: {}, totals_years: [1, 3], warnings: [], assumptions: p.result.assumptions, note: '1 of 3 projection years failed to solve' } };
    s.cancelRanges(id);
    delete s.ranges[id];
    s.setView('projection');
  }, loadedId);
  await page.waitForSelector('projection-view #failed-years');
  const said = (await page.textContent('projection-view #failed-years')).replace(/\s+/g, ' ').trim();
  const rows = await page.$$eval('projection-view tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.replace(/\s+/g, ' ').trim()).join(' | ')));
  check(/1 of 3 projection years could not be simulated/.test(said) && /Year 2 .*step size too small/.test(said), `a failed year is named with its reason: "${said.slice(0, 90)}…"`);
  check(rows.length === 3 && /^2 \| .*Failed: solver failed/.test(rows[1]) && !/Failed/.test(rows[0] + rows[2]), `the year table shows the years that ran and marks year 2 failed (${rows.length} rows)`);
  const cards = await page.$('projection-view #economics-cards');
  const verdict = (await page.textContent('projection-view #proj-verdict')).trim();
  check(!cards && /no whole-life verdict/.test(verdict) && !/The projection failed/.test(await page.textContent('projection-view')), 'no NPV or payback is made up from the years that ran, and the page is not one error');
  await page.screenshot({ path: `${out}/projection-partial.png`, fullPage: true });
  check(await page.inputValue('projection-view #proj-years') === '3', 'the years box shows the 3 years asked for');
}
