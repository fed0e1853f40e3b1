// The compare view's figures and differences against `adsim compare --json` for the same scenarios: each at 3
// significant figures of its own exact value (money in whole pounds at most), never worked out from rounded figures.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import '../web/src/views/compare-view.js';
import type { CompareView } from '../web/src/views/compare-view.js';
import { ScenarioStore } from '../web/src/state/store.js';
import { bundled, fakeResult, fakeRunner, flush } from './web.fakes.js';

interface CliScenario { name: string; destination: string; annual: Record<string, number>; difference?: Record<string, number> }

let cli: { baseline: string; scenarios: CliScenario[] };
let el: CompareView;

/** A shown figure as a number: "−£4,450" -> -4450, "+5.42" -> 5.42. */
const parse = (t: string): number => Number(t.replace(/\u2212/g, '-').replace(/[±+£,\s]/g, '').replace(/vsbaseline.*$/, ''));
/** What the CLI's exact value should read as: 3 significant figures, money in whole pounds at most. */
const expected = (x: number, money: boolean): number => {
  const r = Number(x.toPrecision(3));
  return money && Math.abs(r) < 100 ? Math.round(x) : r;
};

beforeAll(async () => {
  cli = JSON.parse(execFileSync(process.execPath, ['bin/adsim.mjs', 'compare', 'scenarios/baseline-efw.json', 'scenarios/weekly-small-digester.json', '--json'], { encoding: 'utf8' }));
  localStorage.clear();
  const runner = fakeRunner();
  const store = new ScenarioStore({ storage: localStorage, runner, bundled, rerunDelay_ms: 10_000 });
  const base = store.scenarios.find((s) => s.json.name === cli.baseline)!;
  store.compareIds = [];
  for (const s of store.scenarios.filter((x) => cli.scenarios.some((c) => c.name === x.json.name))) store.toggleCompare(s.id, true);
  store.setBaseline(base.id);
  store.runComparison();
  for (const job of runner.jobs) {
    const c = cli.scenarios.find((s) => s.name === job.json.name)!;
    // The worker's result for a scenario carries the same annual account the CLI prints (one engine).
    job.resolve({ ...fakeResult(job.json), destination: c.destination, annual: c.annual });
  }
  await flush();
  el = document.createElement('compare-view') as CompareView;
  el.store = store;
  document.body.append(el);
  await el.updateComplete;
}, 120_000);

describe('<compare-view> against adsim compare --json', () => {
  it('shows every figure and difference as the CLI works them out, from the exact values', () => {
    const root = el.shadowRoot!;
    const names = [...root.querySelectorAll('table[aria-label="Annual figures"] thead th')].slice(1).map((th) => th.textContent!.trim());
    expect(names.length).toBe(cli.scenarios.length);
    let checked = 0, diffs = 0;
    for (const tr of root.querySelectorAll('tr[data-key]')) {
      const key = tr.getAttribute('data-key')!;
      const money = /£/.test(tr.querySelector('th')!.textContent!);
      [...tr.querySelectorAll('td')].forEach((td, i) => {
        const s = cli.scenarios.find((x) => names[i]!.startsWith(x.name))!;
        if (td.textContent!.trim() === 'n/a') return;
        const span = td.querySelector('span')!;
        const diffEl = span.querySelector('.diff');
        const valueText = span.textContent!.slice(0, span.textContent!.length - (diffEl?.textContent?.length ?? 0));
        expect(parse(valueText), `${key} of ${s.name}: "${valueText}"`).toBeCloseTo(expected(s.annual[key]!, money), 6);
        checked++;
        if (!diffEl) return;
        const d = s.difference![key]!;
        const text = diffEl.textContent!;
        if (text.startsWith('same as baseline')) {
          const b = cli.scenarios.find((x) => x.name === cli.baseline)!.annual[key]!;
          expect(expected(s.annual[key]!, money), `${key}: "same" only when equal as shown`).toBe(expected(b, money));
        } else {
          expect(parse(text), `difference in ${key} of ${s.name}: "${text}"`).toBeCloseTo(expected(d, money), 6);
          diffs++;
        }
      });
    }
    expect(checked).toBeGreaterThan(40);
    expect(diffs).toBeGreaterThan(20);
  });

  it('reads the figures the review found wrong as the CLI does (net cost +£4,450, homes 5.47)', () => {
    const row = (k: string) => el.shadowRoot!.querySelector(`tr[data-key="${k}"]`)!;
    const weekly = cli.scenarios.find((s) => s.name !== cli.baseline)!;
    expect(weekly.difference!.cost_net_gbp).toBeGreaterThan(4_445);
    expect(weekly.difference!.cost_net_gbp).toBeLessThan(4_455);
    expect(row('cost_net_gbp').textContent).toContain('+4,450 vs baseline');
    expect(row('homes_equivalent').textContent).toContain('5.47');
    expect(row('homes_equivalent').textContent).toContain('+5.47 vs baseline');
  });
});
