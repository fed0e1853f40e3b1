// e2e: axe-core (Deque's accessibility rule set, WCAG 2 A/AA) on every view at 1280x800 and 390x844, through the
// app's open shadow roots. Serious and critical violations fail the walk; every violation is counted in the figures.
// Left as moderate on every view: 'skip-link' and 'region' on the skip link. axe looks the link's #main up with
// document.getElementById, which cannot see into the app's shadow root, so it never finds the target (which exists and
// takes focus: the keyboard journey checks that) and then counts the link as content outside a landmark.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const VIEWS = ['start', 'editor', 'compare', 'projection', 'model', 'research'];
const SIZES = [{ name: 'desktop', width: 1280, height: 800 }, { name: 'phone', width: 390, height: 844 }];
const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's violations on the page as it is: rule id, impact, how many elements and the first few targets. */
export async function axeViolations(page) {
  if (!await page.evaluate(() => !!window.axe)) await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)), help: v.help }));
  });
}

/** Step A: every view at both sizes through axe-core; no serious or critical violation anywhere. */
export async function axeEveryView(t) {
  const { page, store, check, figures } = t;
  const counts = {};
  const serious = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const v of VIEWS) {
      await store((s, view) => s.setView(view), v);
      await page.waitForSelector(`adsim-app >> ${v === 'editor' ? 'scenario-editor' : `${v}-view`}`);
      await page.waitForTimeout(250);
      const found = await axeViolations(page);
      const by = (imp) => found.filter((f) => f.impact === imp).reduce((a, f) => a + f.nodes, 0);
      counts[`${v}@${size.width}`] = { critical: by('critical'), serious: by('serious'), moderate: by('moderate'), minor: by('minor') };
      for (const f of found) {
        if (f.impact === 'serious' || f.impact === 'critical') serious.push(`${v}@${size.width} ${f.impact} ${f.id} x${f.nodes}: ${f.help} ${f.targets.join(' ')}`);
        else console.log(`e2e: axe ${f.impact} (not failing) ${v}@${size.width} ${f.id} x${f.nodes}: ${f.help} ${f.targets.join(' ')}`);
      }
    }
  }
  figures.axe_violations = counts;
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const s of serious) console.log(`e2e: axe ${s}`);
  check(serious.length === 0, `axe-core: no serious or critical violations on any view at 1280x800 and 390x844 (${serious.length} found)`);
}
