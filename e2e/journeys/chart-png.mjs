// e2e: a saved chart PNG stands on its own: title, legend and a caption with units and basis, scenario names, adsim's
// version and the date are drawn into the image (read back from the canvas text calls and the file's own size).
import { readFileSync } from 'node:fs';

/** Width and height from a PNG file's IHDR chunk. */
export const pngSize = (buf) => ({ width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) });

/** Step P: the compare view's daily gas chart saved as PNG (needs a comparison on screen: after compareTwo). */
export async function chartPngCaption(t) {
  const { page, check, store, out } = t;
  await store((s) => s.setView('compare'));
  await page.waitForSelector('compare-view adsim-chart#chart-gas');
  const names = await store((s) => s.compareIds.filter((i) => s.runs[i]?.status === 'done').map((i) => String(s.byId(i).json.name)));
  // Record every text the page draws on a canvas while the PNG is made.
  await page.evaluate(() => {
    const proto = CanvasRenderingContext2D.prototype;
    window.__drawn = [];
    window.__fillText = proto.fillText;
    proto.fillText = function (text, ...rest) { window.__drawn.push(String(text)); return window.__fillText.call(this, text, ...rest); };
  });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('compare-view adsim-chart#chart-gas >> button.save')]);
  const drawn = await page.evaluate(() => { CanvasRenderingContext2D.prototype.fillText = window.__fillText; return window.__drawn; });
  const path = `${out}/chart-gas-saved.png`;
  await dl.saveAs(path);
  const size = pngSize(readFileSync(path));
  const canvas = await page.evaluate(() => {
    const c = document.querySelector('adsim-app').shadowRoot.querySelector('compare-view').shadowRoot.querySelector('#chart-gas').shadowRoot.querySelector('canvas');
    return { width: c.width, height: c.height };
  });
  const text = drawn.join(' | ');
  const title = await page.evaluate(() => document.querySelector('adsim-app').shadowRoot.querySelector('compare-view').shadowRoot.querySelector('#chart-gas').label);
  check(drawn.some((d) => title.startsWith(d) || d === title), `the PNG carries the chart's title ("${title}")`);
  check(/Units: Nm3\/d \(dry, 0 C, 101\.325 kPa\)/.test(text), 'the PNG caption gives the unit and its basis (Nm3/d, dry, 0 C, 101.325 kPa)');
  check(names.every((n) => text.includes(n)), `the PNG names every scenario drawn (${names.join('; ')})`);
  check(/adsim \d+\.\d+\.\d+, model \S+ \S+, exported \d{4}-\d\d-\d\d/.test(text), 'the PNG caption says adsim, its version, the model and the date');
  check(size.width === canvas.width && size.height > canvas.height + 60, `the saved image (${size.width}x${size.height}) is the chart (${canvas.width}x${canvas.height}) plus its title, legend and caption`);
}
