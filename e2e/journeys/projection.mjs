// e2e: the projection view, its likely ranges and the A4 printout.

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
  // The councillors' printout: one A4 page with a dated, versioned footer.
  const footer = await page.textContent('projection-view .footer');
  check(/adsim \d+\.\d+\.\d+, model adm1-bsm2/.test(footer) && /\d{4}/.test(footer), `the projection carries a footer: "${footer.trim()}"`);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ path: `${out}/projection.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  figures.projection_pdf_pages = pages;
  check(pages === 1, `the projection prints on one A4 page (${pages})`);

}
