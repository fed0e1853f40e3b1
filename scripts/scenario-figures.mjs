// Records or checks every bundled scenario's annual figures (all years, digester health, projections), so an engine
// change can show it left them unchanged. `node scripts/scenario-figures.mjs --record FILE` writes them;
// `node scripts/scenario-figures.mjs FILE [--rtol 1e-4]` compares the current engine with FILE. Needs `npm run build:node`.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { runScenario, projectScenario } from '../dist-node/index.mjs';

const dir = new URL('../scenarios/', import.meta.url);
const args = process.argv.slice(2);
const record = args[0] === '--record';
const file = record ? args[1] : args[0];
const rtolAt = args.indexOf('--rtol');
const rtol = rtolAt >= 0 ? Number(args[rtolAt + 1]) : 1e-4;
if (!file) { console.error('usage: node scripts/scenario-figures.mjs [--record] FILE [--rtol R]'); process.exit(2); }

/** Numeric fields of an object (nested objects flattened with dots; arrays and strings left out). */
function numbers(o, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'number') out[prefix + k] = v;
    else if (v && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v)) numbers(v, `${prefix}${k}.`, out);
  }
  return out;
}

/** For a net figure, the sum of |x| over the figures of its kind in the same row; 0 for other figures. */
function netScale(f, key) {
  const m = /^(.*\.)(co2e_net_t|cost_net_gbp)$/.exec(key);
  if (!m) return 0;
  const [, row, name] = m;
  const kind = name.startsWith('co2e') ? (k) => k.startsWith('co2e_') && !k.startsWith('co2e_saving') && !k.startsWith('co2e_avoided_disposal')
    : (k) => k.endsWith('_gbp') && !k.startsWith('saving') && !k.startsWith('avoided') && !k.startsWith('today');
  let s = 0;
  for (const [k, v] of Object.entries(f)) if (k.startsWith(row) && kind(k.slice(row.length)) && k !== key) s += Math.abs(v);
  return s;
}

const figures = {};
const t0 = performance.now();
for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const json = JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
  if (json.kind === 'digester-run' || !String(json.schema ?? '').startsWith('adsim-scenario')) continue;
  const r = runScenario(json);
  const f = {};
  r.years.forEach((y, i) => Object.assign(f, numbers(y, `years[${i}].`)));
  Object.assign(f, numbers(r.stability, 'stability.'));
  if (json.rollout || (json.areas ?? []).some((a) => a.joins_year > 1)) {
    const p = projectScenario(json);
    p.years.forEach((y, i) => Object.assign(f, numbers(y, `project.years[${i}].`)));
  }
  figures[name] = f;
}
const wall = performance.now() - t0;

if (record) {
  writeFileSync(file, JSON.stringify({ recorded: new Date().toISOString(), figures }, null, 1) + '\n');
  console.log(`recorded ${Object.values(figures).reduce((a, f) => a + Object.keys(f).length, 0)} figures of ${Object.keys(figures).length} scenarios in ${file} (${(wall / 1000).toFixed(1)} s)`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')).figures;
  let worst = { rel: 0, where: '' }, bad = 0, count = 0;
  for (const [scen, f] of Object.entries(before)) {
    for (const [k, v] of Object.entries(f)) {
      const now = figures[scen]?.[k];
      if (now === undefined) continue;   // a figure removed since (not an engine question)
      count++;
      // Relative to the figure; a net figure (co2e_net_t, cost_net_gbp: a small difference of large terms) relative to
      // the sum of the magnitudes of its terms, the figures of the same kind (co2e_*, *_gbp) in the same year.
      const rel = Math.abs(now - v) / Math.max(Math.abs(v), netScale(f, k), 1e-9);
      if (rel > worst.rel) worst = { rel, where: `${scen} ${k}: ${v} -> ${now}` };
      if (rel > rtol && Math.abs(now - v) > 1e-6) { bad++; console.log(`  ${scen} ${k}: ${v} -> ${now} (rel ${rel.toExponential(2)})`); }
    }
  }
  console.log(`${count} figures compared, ${bad} beyond ${rtol} relative; worst ${worst.rel.toExponential(2)} at ${worst.where} (${(wall / 1000).toFixed(1)} s)`);
  process.exit(bad ? 1 : 0);
}
