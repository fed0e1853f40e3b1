// e2e: every view at 1280x800 and 390x844: screenshots saved, and on the phone no page-level horizontal scroll.

const VIEWS = ['start', 'editor', 'compare', 'projection', 'model', 'research'];
const SIZES = [{ name: 'desktop', width: 1280, height: 800 }, { name: 'phone', width: 390, height: 844 }];

/** The elements (through shadow roots) that reach past the window's right edge, outermost first: what makes a page scroll. */
const widest = (page) => page.evaluate(() => {
  const out = [];
  const up = (el) => el.parentElement ?? el.getRootNode()?.host ?? null;
  // Content clipped by a scrolling box that itself fits does not widen the page.
  const clipped = (el) => { for (let a = up(el); a; a = up(a)) if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= window.innerWidth + 1 && getComputedStyle(el).position !== 'fixed') return true; return false; };
  const walk = (root, path) => {
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      const name = `${path}${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      if (r.right > window.innerWidth + 1 && out.length < 6 && !clipped(el)) out.push(`${name} right=${Math.round(r.right)}`);
      if (el.shadowRoot) walk(el.shadowRoot, `${name} >> `);
    }
  };
  walk(document, '');
  return out;
});

/** Step V: each view at both sizes; on the phone the scenario list is a menu and nothing scrolls sideways. */
export async function everyViewBothSizes(t) {
  const { page, store, check, out, figures } = t;
  // The edited copy has a projection on screen (the 30-year printout test), so the phone sees a long year table too.
  const id = t.state.loadedId ?? t.state.guidedId ?? await store((s) => s.selectedId);
  await store((s, i) => { s.select(i); s.setBaseline(s.compareIds[0]); }, id);
  const widths = {};
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const v of VIEWS) {
      await store((s, view) => s.setView(view), v);
      await page.waitForSelector(`adsim-app >> ${v === 'editor' ? 'scenario-editor' : `${v}-view`}`);
      await page.waitForTimeout(250);   // charts lay out on resize
      const w = await t.pageWidth();
      widths[`${v}@${size.width}`] = w.scroll;
      if (size.name === 'phone' && w.scroll > w.inner) console.log(`e2e: too wide in ${v}: ${JSON.stringify(await widest(page))}`);
      if (size.name === 'phone') check(w.scroll <= w.inner, `${v} view at ${size.width}x${size.height}: no sideways page scroll (page ${w.scroll} px, window ${w.inner} px)`);
      if (size.name === 'phone' && v === 'research') {
        // The research tables of inputs and fitted values reflow to one card per row: nothing in them scrolls sideways.
        const cards = await page.evaluate(() => {
          const found = [];
          const walk = (root) => { for (const el of root.querySelectorAll('*')) { if (el.matches('table.cards')) found.push(el); if (el.shadowRoot) walk(el.shadowRoot); } };
          walk(document);
          return found.map((tb) => ({ id: tb.id || tb.getAttribute('aria-label'), rows: tb.tBodies[0]?.rows.length ?? 0, display: tb.tBodies[0]?.rows[0] ? getComputedStyle(tb.tBodies[0].rows[0]).display : '',
            fits: tb.scrollWidth <= tb.clientWidth + 1 && tb.getBoundingClientRect().right <= window.innerWidth + 1 }));
        });
        const inputs = cards.find((c) => c.id === 'Inputs to vary');
        check(inputs && inputs.rows > 0 && cards.every((c) => c.display === 'block' && c.fits),
          `at 390 px the research tables are cards that fit the width (${cards.map((c) => `${c.id}: ${c.rows} ${c.display} ${c.fits ? 'fits' : 'TOO WIDE'}`).join('; ')})`);
      }
      if (size.name === 'phone' && v === 'compare') {
        // The compare figures reflow to one labelled card per figure: each value names its scenario, nothing scrolls.
        const cards = await page.evaluate(() => {
          const cv = document.querySelector('adsim-app').shadowRoot.querySelector('compare-view').shadowRoot;
          cv.querySelector('details')?.setAttribute('open', '');
          return [...cv.querySelectorAll('table')].map((tb) => {
            const row = tb.tBodies[0]?.rows[0];
            const td = row?.querySelector('td');
            return { id: tb.id || tb.getAttribute('aria-label'), rows: tb.tBodies[0]?.rows.length ?? 0, display: row ? getComputedStyle(row).display : '',
              label: td ? getComputedStyle(td, '::before').content : '', fits: tb.scrollWidth <= tb.clientWidth + 1 && tb.getBoundingClientRect().right <= window.innerWidth + 1 };
          });
        });
        check(cards.length >= 2 && cards.every((c) => c.rows > 0 && c.display === 'block' && c.fits && c.label.length > 2),
          `at 390 px the compare tables are labelled cards that fit the width (${cards.map((c) => `${c.id}: ${c.rows} ${c.display} ${c.label} ${c.fits ? 'fits' : 'TOO WIDE'}`).join('; ')})`);
        await page.locator('compare-view table').first().screenshot({ path: `${out}/compare-cards-phone.png` });
        await page.evaluate(() => document.querySelector('adsim-app').shadowRoot.querySelector('compare-view').shadowRoot.querySelector('details')?.removeAttribute('open'));
      }
      await page.screenshot({ path: `${out}/view-${v}-${size.name}.png`, fullPage: true });
      await page.screenshot({ path: `${out}/view-${v}-${size.name}-top.png`, fullPage: false });
    }
    if (size.name === 'phone') {
      const hidden = await page.evaluate(() => getComputedStyle(document.querySelector('adsim-app').shadowRoot.querySelector('nav.list')).display === 'none');
      await page.click('adsim-app #menu');
      const shown = await page.evaluate(() => getComputedStyle(document.querySelector('adsim-app').shadowRoot.querySelector('nav.list')).display !== 'none');
      check(hidden && shown, 'at 390 px the scenario list is a menu: hidden until the menu button opens it');
      await page.screenshot({ path: `${out}/view-menu-phone.png`, fullPage: false });
      await page.click('adsim-app #menu');
    }
  }
  figures.page_widths_px = widths;
  await page.setViewportSize({ width: 1280, height: 900 });
}
