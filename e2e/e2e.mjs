// End-to-end walk through the web app in a real Chromium: the user journeys, one module per view in e2e/journeys/.
import { rmSync } from 'node:fs';
import { openHarness } from './harness.mjs';
import { openAndEdit, reloadAndCancel } from './journeys/editor.mjs';
import { compareTwo, readmePicture } from './journeys/compare.mjs';
import { partialProjection, projectOneYear, rangesAndPrint, rangesProgressCancel } from './journeys/projection.mjs';
import { guidedPath, readyQuestions } from './journeys/start.mjs';
import { everyViewBothSizes } from './journeys/views.mjs';
import { modelChange } from './journeys/model.mjs';
import { modelOverlay } from './journeys/model-overlay.mjs';
import { research } from './journeys/research.mjs';
import { researchExports } from './journeys/research-exports.mjs';
import { failedImport, reimport } from './journeys/storage.mjs';
import { smallThings } from './journeys/small-things.mjs';
import { chartPngCaption } from './journeys/chart-png.mjs';
import { keyboardOnly } from './journeys/keyboard.mjs';
import { axeEveryView } from './journeys/axe.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const t = await openHarness();
t.url = url;
const timings = {};
// E2E_ONLY=readyQuestions,everyViewBothSizes runs only those journeys (while working on one view; the full run is the test).
const only = process.env.E2E_ONLY ? new Set(process.env.E2E_ONLY.split(',')) : undefined;
/** Runs one journey and records its wall time (seconds) under its name. */
const run = async (fn) => { if (only && !only.has(fn.name)) return; const t0 = Date.now(); await fn(t); timings[fn.name] = (Date.now() - t0) / 1000; };
try {
  await t.page.goto(url);
  await run(readyQuestions);
  await run(guidedPath);
  await run(keyboardOnly);
  await run(rangesProgressCancel);
  await run(openAndEdit);
  await run(compareTwo);
  await run(chartPngCaption);
  await run(projectOneYear);
  await run(modelChange);
  await run(modelOverlay);
  await run(research);
  await run(researchExports);
  await run(rangesAndPrint);
  await run(partialProjection);
  await run(everyViewBothSizes);
  await run(axeEveryView);
  await run(reloadAndCancel);
  await run(failedImport);
  await run(smallThings);
  await run(readmePicture);
  await run(reimport);
  t.check(t.problems.length === 0, `no console errors${t.problems.length ? `: ${t.problems.join(' | ')}` : ''}`);
  console.log(`e2e figures: ${JSON.stringify(t.figures)}`);
  console.log(`e2e journey wall times (s): ${JSON.stringify(timings)}`);
  console.log('e2e: all checks passed');
} catch (e) {
  try { await t.page.screenshot({ path: `${t.out}/failure.png`, fullPage: true }); } catch { /* page gone */ }
  if (t.problems.length) console.error(`console problems: ${t.problems.join(' | ')}`);
  throw e;
} finally {
  await t.ctx.close();
  rmSync(t.profile, { recursive: true, force: true });
}
