// e2e: the compare view (two scenarios, charts, annual CSV) and the README picture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Steps 5-6: compare the bundled original against the edited copy. */
export async function compareTwo(t) {
  const { page, store, selectedId, waitRun, check, figures, out, profile } = t;
  const { loadedId } = t.state;
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
  // Each figure and difference at 3 significant figures of its own value (as adsim compare), money without pence
  // except a unit price (£/t, £/kWh), which has exactly two.
  const rounding = await tableRounding(page, 'compare-view');
  check(rounding.rows >= 10 && rounding.bad.length === 0, `compare tables show each figure to 3 significant figures (${rounding.rows} rows${rounding.bad.length ? `; not: ${rounding.bad.slice(0, 4).join(' | ')}` : ''})`);

  // 6. Export the annual CSV.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-annual')]);
  const csvPath = join(profile, 'annual.csv');
  await download.saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  check(download.suggestedFilename().endsWith('.csv') && csv.split('\n').length > 5 && csv.includes('electricity_net_kWh'), `CSV exported (${download.suggestedFilename()}, ${csv.split('\n').length - 1} rows)`);

  t.state.originalId = originalId;
}

/** Step 12: today's route against three bundled alternatives (copied to docs/img/compare.png by hand). */
export async function readmePicture(t) {
  const { page, store, selectedId, waitRun, check, figures, out, profile } = t;
  const { loadedId } = t.state;
  // 12. The README picture: today's route against three bundled alternatives (copied to docs/img/compare.png by hand).
  // The test's own edited copy is removed first, so the picture shows what a new user sees.
  await store((s, id) => s.remove(id), loadedId);
  // So are the scenarios the start view built (the guided path's, the region's today): only the bundled originals stay.
  await store((s) => s.scenarios.filter((x) => !x.origin || s.bundled[x.origin]?.name !== x.json.name).forEach((x) => s.remove(x.id)));
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
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('compare-view adsim-chart#chart-carbon >> button.save')]);
    await png.saveAs(`${out}/chart-carbon-saved.png`);
  }

}

/**
 * The rows of a view's figure tables with a number of more than 3 significant figures, and money with pence (a unit
 * price with other than two decimals). Rows of words (health, payback, plant life) are skipped.
 */
export async function tableRounding(page, view) {
  return page.evaluate((v) => {
    const root = document.querySelector('adsim-app').shadowRoot.querySelector(v).shadowRoot;
    const bad = [];
    let rows = 0;
    for (const tr of root.querySelectorAll('tbody tr')) {
      const label = tr.querySelector('th')?.textContent.trim() ?? '';
      if (tr.classList.contains('health-row') || /Payback|Plant life/.test(label)) continue;
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent);
      const nums = cells.join(' ').match(/[0-9][0-9,]*(\.[0-9]+)?/g) ?? [];
      if (!nums.length) continue;
      rows++;
      const decimals = new Set(nums.map((n) => (n.split('.')[1] ?? '').length));
      // Significant figures: leading zeros never count, an integer's trailing zeros do not (12,300 has 3).
      const sig = (n) => { const d = n.replace(/,/g, ''); return (d.includes('.') ? d.replace('.', '').replace(/^0+/, '') : d.replace(/^0+/, '').replace(/0+$/, '')).length; };
      const price = /£\/(t|kWh)/.test(label), money = /£/.test(label) && !price;
      if ((!price && nums.some((n) => sig(n) > 3)) || (money && [...decimals].some((x) => x > 0)) || (price && nums.some((n) => Number(n.replace(/,/g, '')) < 100 && (n.split('.')[1] ?? '').length !== 2))) bad.push(`${label}: ${nums.join(' ')}`);
    }
    return { rows, bad };
  }, view);
}
