// The web app's scenario store: saving, validation, runs through the runner, import that never loses saved work.
import { beforeEach, describe, expect, it } from 'vitest';
import { ScenarioStore } from '../web/src/state/store.js';
import { EXPORT_SCHEMA, STORE_KEY, readShareFragment, shareFragment } from '../web/src/io/storage.js';
import { bundled, fakeResult, fakeRunner, flush } from './web.fakes.js';

const make = (runner = fakeRunner(), rerunDelay_ms = 0) => ({ runner, store: new ScenarioStore({ storage: localStorage, runner, bundled, rerunDelay_ms }) });

beforeEach(() => localStorage.clear());

describe('ScenarioStore: saving', () => {
  it('seeds the bundled scenarios on a first visit, with the today route as baseline, and saves them', () => {
    const { store } = make();
    expect(store.scenarios.map((s) => s.origin).sort()).toEqual(Object.keys(bundled).sort());
    expect(store.byId(store.baselineId!)!.origin).toBe('baseline-efw.json');
    expect(JSON.parse(localStorage.getItem(STORE_KEY)!).scenarios).toHaveLength(2);
  });

  it('keeps edits across a reload (a new store on the same storage)', () => {
    const { store } = make();
    const id = store.addBundled('weekly-small-digester.json');
    store.setField(id, 'name', 'My variant');
    store.setField(id, 'digester.T', '38 degC');
    const again = make().store;
    const s = again.scenarios.find((x) => x.json.name === 'My variant');
    expect(s).toBeDefined();
    expect((s!.json.digester as Record<string, unknown>).T).toBe('38 degC');
  });

  it('moves unreadable saved data aside instead of overwriting it', () => {
    localStorage.setItem(STORE_KEY, '{"schema":"adsim-saved/99","scenarios":[]}');
    const { store } = make();
    expect(store.notice?.kind).toBe('error');
    expect(store.scenarios).toHaveLength(0);
    const aside = Object.keys(localStorage).filter((k) => k.startsWith(`${STORE_KEY}.unreadable-`));
    expect(aside).toHaveLength(1);
    expect(localStorage.getItem(aside[0]!)).toContain('adsim-saved/99');
  });

  it('duplicates a scenario as a variant with a unique name', () => {
    const { store } = make();
    const id = store.scenarios[1]!.id;
    const copy = store.duplicate(id)!;
    expect(copy).not.toBe(id);
    expect(store.byId(copy)!.json.name).toBe(`${String(store.byId(id)!.json.name)} (variant)`);
    expect(store.selectedId).toBe(copy);
  });
});

describe('ScenarioStore: validation', () => {
  it('records each problem with its field path, and clears it when fixed', () => {
    const { store } = make();
    const id = store.addBundled('weekly-small-digester.json');
    store.setField(id, 'areas[0].bins', -5);
    expect(store.issues[id]!.map((i) => i.field)).toEqual(['areas[0].bins']);
    expect(store.issues[id]![0]!.message).toMatch(/-5/);
    store.setField(id, 'areas[0].bins', 100);
    expect(store.issues[id]).toEqual([]);
  });

  it('does not send an invalid scenario to the runner', () => {
    const { store, runner } = make();
    const id = store.addBundled('weekly-small-digester.json');
    store.setField(id, 'digester.V_liq', 'lots');
    store.run(id);
    expect(runner.jobs).toHaveLength(0);
    expect(store.runs[id]!.status).toBe('error');
    expect(store.runs[id]!.error).toMatch(/digester\.V_liq/);
  });
});

describe('ScenarioStore: runs', () => {
  it('goes queued -> running -> done, with progress, and marks the result stale after an edit', async () => {
    const { store, runner } = make(fakeRunner(), 10_000);
    const id = store.addBundled('weekly-small-digester.json');
    store.run(id);
    expect(store.runs[id]!.status).toBe('queued');
    runner.jobs[0]!.progress({ fraction: 0.5 });
    expect(store.runs[id]).toMatchObject({ status: 'running', progress: 0.5 });
    runner.jobs[0]!.resolve(fakeResult(runner.jobs[0]!.json));
    await flush();
    expect(store.runs[id]!.status).toBe('done');
    expect(store.runs[id]!.result!.annual.electricity_net_kWh).toBe(50_000);
    expect(store.isStale(id)).toBe(false);
    store.setField(id, 'areas[0].bins', 10);
    expect(store.isStale(id)).toBe(true);
  });

  it('reruns a scenario that was run before when a field changes', async () => {
    const { store, runner } = make(fakeRunner(), 0);
    const id = store.addBundled('weekly-small-digester.json');
    store.run(id);
    runner.jobs[0]!.resolve(fakeResult(runner.jobs[0]!.json));
    await flush();
    store.setField(id, 'areas[0].bins', 20);
    await new Promise((r) => setTimeout(r, 5));
    expect(runner.jobs).toHaveLength(2);
    expect((runner.jobs[1]!.json.areas as Array<{ bins: number }>)[0]!.bins).toBe(20);
  });

  it('cancels a run, and a failure in one scenario does not touch another', async () => {
    const { store, runner } = make();
    const [a, b] = store.scenarios.map((s) => s.id) as [string, string];
    store.run(a);
    store.run(b);
    store.cancel(a);
    runner.jobs[1]!.reject(new Error('the simulation worker stopped'));
    await flush();
    expect(runner.jobs[0]!.cancelled).toBe(true);
    expect(store.runs[a]!.status).toBe('cancelled');
    expect(store.runs[b]).toMatchObject({ status: 'error', error: 'the simulation worker stopped' });
  });
});

describe('ScenarioStore: import and export', () => {
  const savedBytes = () => localStorage.getItem(STORE_KEY);

  it('refuses a file that is not a scenario and keeps saved scenarios byte for byte', () => {
    const { store } = make();
    const before = savedBytes();
    for (const text of ['not json', '{"hello":"world"}', '[1,2]', JSON.stringify({ ...bundled['weekly-small-digester.json'], schema: 'adsim-scenario/7' })]) {
      const r = store.importText(text, 'bad.json');
      expect(r.ok).toBe(false);
      expect(store.notice?.kind).toBe('error');
      expect(savedBytes()).toBe(before);
    }
    expect(store.importText(JSON.stringify({ ...bundled['weekly-small-digester.json'], schema: 'adsim-scenario/7' })).message).toMatch(/version 7/);
  });

  it('reads imports with the strict JSON reader: a duplicate key, a prototype key or deep nesting is refused, naming the field, and nothing is added', () => {
    const { store } = make();
    const before = savedBytes();
    const names = store.scenarios.map((x) => x.json.name);
    const good = bundled['weekly-small-digester.json']!;
    const other = { ...good, name: 'Second' };
    const exported = JSON.stringify({ schema: EXPORT_SCHEMA, scenarios: [good, other] }, null, 1);
    // JSON.parse keeps the last copy of a key: "bins": -5 then a valid value would be half-read as valid.
    const dup = exported.replace(/"bins": (\d+)/g, (m, n, off) => (off > exported.indexOf('"Second"') ? `"bins": -5, "bins": ${n}` : m));
    const cases: [string, RegExp][] = [
      [dup, /scenarios\[1\]\.areas\[0\]\.bins: duplicate key "bins" \(line \d+\)/],
      [exported.replace('"name": "Second"', '"name": "Second", "__proto__": {"polluted": 1}'), /scenarios\[1\]\.__proto__: the field name "__proto__" is not allowed/],
      [exported.replace('"name": "Second"', '"name": "Second", "constructor": 1'), /scenarios\[1\]\.constructor: the field name "constructor" is not allowed/],
      [`{"schema": "${EXPORT_SCHEMA}", "scenarios": [{"deep": ${'['.repeat(100)}${']'.repeat(100)}}]}`, /nesting deeper than 64 levels/],
      [exported.replace(/"bins": \d+/, '"bins": 1e999'), /outside the range of a double/],
    ];
    for (const [text, why] of cases) {
      const r = store.importText(text, 'hostile.json');
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(/^Import of hostile\.json failed, nothing was changed: /);
      expect(r.message).toMatch(why);
      expect(store.notice).toEqual({ kind: 'error', text: r.message });
      expect(savedBytes()).toBe(before);
      expect(store.scenarios.map((x) => x.json.name)).toEqual(names);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The same file without the damage imports.
    expect(store.importText(exported, 'good.json').ok).toBe(true);
    expect(store.scenarios.map((x) => x.json.name)).toContain('Second');
  });

  it('is all-or-nothing: one invalid scenario in an export adds none', () => {
    const { store } = make();
    const before = savedBytes();
    const good = bundled['weekly-small-digester.json']!;
    const bad = { ...good, name: 'Bad', areas: [{ name: 'A', bins: -1 }] };
    const r = store.importText(JSON.stringify({ schema: EXPORT_SCHEMA, scenarios: [good, bad] }));
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/scenario 2: areas\[0\]\.bins/);
    expect(savedBytes()).toBe(before);
  });

  it('round-trips an export, and migrates a scenario written before the schema field', () => {
    const { store } = make();
    const text = store.exportText();
    localStorage.clear();
    const fresh = make().store;
    for (const s of [...fresh.scenarios]) fresh.remove(s.id);
    expect(fresh.importText(text).ok).toBe(true);
    expect(fresh.scenarios).toHaveLength(2);
    const { schema: _drop, ...old } = bundled['weekly-small-digester.json']!;
    void _drop;
    expect(fresh.importText(JSON.stringify(old)).ok).toBe(true);
    expect(fresh.selected!.json.schema).toBe('adsim-scenario/1');
  });

  it('shares a scenario through the URL fragment, including non-ASCII text', () => {
    const json = { ...bundled['weekly-small-digester.json']!, name: 'Caerdydd £ – test' };
    expect(readShareFragment(shareFragment(json))).toEqual(json);
  });
});

describe('ScenarioStore: QA round 2', () => {
  it('re-importing an export after the saved data was cleared does not duplicate the bundled scenarios', () => {
    const { store } = make();
    const text = store.exportText();
    localStorage.clear();
    const fresh = make().store;   // seeds the bundled scenarios again
    const names = fresh.scenarios.map((s) => s.json.name);
    const r = fresh.importText(text, 'adsim-scenarios.json');
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/2 scenarios already saved here/);
    expect(fresh.scenarios.map((s) => s.json.name)).toEqual(names);
    // A changed scenario in the same file is still added.
    const changed = { ...bundled['weekly-small-digester.json']!, name: 'Changed copy' };
    expect(fresh.importText(JSON.stringify(changed)).ok).toBe(true);
    expect(fresh.scenarios).toHaveLength(names.length + 1);
  });

  it('migrates a scenario tagged "adsim-scenario/0" the same way as one without a schema', () => {
    const { store } = make();
    const old = { ...bundled['weekly-small-digester.json']!, name: 'Old file', schema: 'adsim-scenario/0' };
    const r = store.importText(JSON.stringify(old));
    expect(r.ok).toBe(true);
    expect(store.selected!.json.schema).toBe('adsim-scenario/1');
    expect(store.selected!.json.name).toBe('Old file');
  });

  it('keeps one backup of the same unreadable saved data however often the page reloads', () => {
    localStorage.setItem(STORE_KEY, '{broken');
    make(); make(); make();
    expect(Object.keys(localStorage).filter((k) => k.startsWith(`${STORE_KEY}.unreadable-`))).toHaveLength(1);
  });

  it('reports out-of-range values next to their field even where they are not used, and an unknown feedstock with the closest names', () => {
    const { store } = make();
    const id = store.addBundled('weekly-small-digester.json');
    const fieldOf = () => store.issues[id]!.map((i) => i.field);
    store.setField(id, 'areas[0].pickup_rate', 1.7);
    expect(fieldOf()).toEqual(['areas[0].pickup_rate']);
    store.setField(id, 'areas[0].pickup_rate', undefined);
    store.setField(id, 'collection.first_day', 400);
    expect(fieldOf()).toEqual(['collection.first_day']);
    store.setField(id, 'collection.first_day', undefined);
    store.setField(id, 'co_substrates', [{ feedstock: 'gras', rate: '1 t/week' }]);
    expect(fieldOf()).toEqual(['co_substrates[0].feedstock']);
    expect(store.issues[id]![0]!.message).toMatch(/unknown feedstock "gras"; did you mean grass/);
    store.setField(id, 'co_substrates', undefined);
    expect(store.issues[id]).toEqual([]);
  });

  it('rejects ADM1 parameters that break the model, naming the parameter', () => {
    const { store } = make();
    const id = store.addBundled('weekly-small-digester.json');
    store.setField(id, 'digester.parameters.K_I_nh3', 0);
    expect(store.issues[id]!.map((i) => i.field)).toEqual(['digester.parameters.K_I_nh3']);
    expect(store.issues[id]![0]!.message).toMatch(/> 0/);
    store.setField(id, 'digester.parameters.K_I_nh3', 0.01);
    expect(store.issues[id]).toEqual([]);
    store.setField(id, 'digester.parameters.Y_ac', 1.5);
    expect(store.issues[id]![0]!.field).toBe('digester.parameters.Y_ac');
    store.setField(id, 'digester.parameters.Y_ac', undefined);
    store.setField(id, 'digester.parameters.f_ch_xc', 0.5);
    expect(store.issues[id]![0]!.field).toMatch(/^digester\.parameters\..*f_ch_xc.*\+/);
    expect(store.issues[id]![0]!.message).toMatch(/sum to 1/);
  });

  it('turns a solver breakdown into a plain sentence and keeps the previous result for comparison', async () => {
    const { store, runner } = make();
    const id = store.addBundled('weekly-small-digester.json');
    store.run(id);
    runner.jobs[0]!.resolve(fakeResult(store.byId(id)!.json));
    await flush();
    const first = store.runs[id]!.result;
    store.setJson(id, { ...store.byId(id)!.json, name: 'changed' });
    store.run(id);
    runner.jobs[1]!.reject(new Error('step size underflow at t=3.2: h=1e-300 is below the rounding limit'));
    await flush();
    expect(store.runs[id]!.status).toBe('error');
    expect(store.runs[id]!.error).toMatch(/^The simulation could not be solved with these inputs/);
    expect(store.runs[id]!.error).toMatch(/step size underflow/);
    store.run(id);
    runner.jobs[2]!.resolve(fakeResult(store.byId(id)!.json));
    await flush();
    expect(store.runs[id]!.previous).toBe(first);
    // Running the same inputs again keeps comparing with the run before the change, not with itself.
    store.run(id);
    runner.jobs[3]!.resolve(fakeResult(store.byId(id)!.json));
    await flush();
    expect(store.runs[id]!.previous).toBe(first);
  });

  it('a run started by hand replaces the rerun an edit scheduled', async () => {
    const runner = fakeRunner();
    const store = new ScenarioStore({ storage: localStorage, runner, bundled, rerunDelay_ms: 5 });
    const id = store.addBundled('weekly-small-digester.json');
    store.run(id);
    runner.jobs[0]!.resolve(fakeResult(store.byId(id)!.json));
    await flush();
    store.setField(id, 'areas[0].bins', 90);   // schedules a rerun in 5 ms
    store.run(id);
    await new Promise((r) => setTimeout(r, 30));
    expect(runner.jobs).toHaveLength(2);
  });
});
