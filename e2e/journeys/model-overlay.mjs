// e2e: the model view after a parameter change (left by the model journey): overlay charts naming the parameter,
// the lowest-pH change in pH units.

export async function modelOverlay(t) {
  const { page, check, waitRun, out } = t;
  const { loadedId } = t.state;
  await page.click('[role=tab]#tab-model');
  await waitRun(loadedId);
  await page.waitForSelector('model-view #overlay-change', { timeout: 180_000 });
  const change = (await page.textContent('model-view #overlay-change')).trim();
  check(/K_I_nh3/.test(change) && /→/.test(change), `model view names the changed parameter above its overlays: "${change}"`);
  await page.waitForSelector('model-view adsim-chart#chart-overlay-methane');
  const ink = await page.evaluate(() => {
    const mv = document.querySelector('adsim-app').shadowRoot.querySelector('model-view').shadowRoot;
    return ['chart-overlay-methane', 'chart-overlay-ph'].map((id) => {
      const canvas = mv.querySelector(`adsim-chart#${id}`)?.shadowRoot.querySelector('canvas');
      if (!canvas) return 0;
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) n++;
      return n;
    });
  });
  check(ink.every((n) => n > 500), `before/after overlays of methane and pH drawn (${ink.join(', ')} px)`);
  const phRow = await page.$$eval('model-view table.effects tbody tr', (trs) => trs.map((tr) => tr.textContent).find((x) => /Lowest pH/.test(x)) ?? '');
  check(/pH units|no change/.test(phRow) && !/%/.test(phRow), `lowest-pH change in pH units, no percent: "${phRow.replace(/\s+/g, ' ').trim()}"`);
  await page.screenshot({ path: `${out}/model-overlay.png`, fullPage: true });
}
