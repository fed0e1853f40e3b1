// <scenario-editor> under happy-dom: labelled controls with unit and default, messages placed next to their field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../web/src/views/editor.js';
import type { ScenarioEditor } from '../web/src/views/editor.js';
import type { ActionDetail } from '../web/src/state/action.js';
import { ScenarioStore } from '../web/src/state/store.js';
import { SECTIONS } from '../web/src/fields/fields.js';
import { bundled, fakeResult, fakeRunner, flush } from './web.fakes.js';

let store: ScenarioStore;
let el: ScenarioEditor;

/** Mounts the editor the way <adsim-app> does: store down as a property, intents up as events applied to the store. */
async function mount(): Promise<void> {
  el = document.createElement('scenario-editor') as ScenarioEditor;
  el.store = store;
  el.addEventListener('adsim-action', (e) => {
    const d = (e as CustomEvent<ActionDetail>).detail;
    (store[d.op] as (...a: unknown[]) => unknown).apply(store, d.args as unknown[]);
    el.rev++;
  });
  document.body.append(el);
  await el.updateComplete;
}

const q = <T extends Element>(sel: string) => el.shadowRoot!.querySelector<T>(sel);

async function type(id: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(`[id="${id}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

beforeEach(async () => {
  localStorage.clear();
  store = new ScenarioStore({ storage: localStorage, runner: fakeRunner(), bundled, rerunDelay_ms: 10_000 });
  store.addBundled('weekly-small-digester.json');
  await mount();
});
afterEach(() => el.remove());

describe('<scenario-editor>', () => {
  it('gives every non-list field of the form a label tied to its control', () => {
    const plain = SECTIONS.filter((s) => !s.list).flatMap((s) => s.fields);
    for (const f of plain) {
      const id = `f-${f.key.replace(/[^a-zA-Z0-9]+/g, '-')}`;
      const label = q<HTMLLabelElement>(`label[for="${id}"]`);
      expect(label, f.key).not.toBeNull();
      expect(label!.textContent).toContain(f.label);
      expect(q(`[id="${id}"]`), f.key).not.toBeNull();
    }
  });

  it('shows the unit, the default and its source for a field with a named default', () => {
    const label = q('label[for="f-digester-T"]')!.textContent!;
    expect(label).toContain('degC');
    const def = q<HTMLElement>('[id="f-digester-T-d"]')!;
    expect(def.textContent).toMatch(/Default: 37 degC/);
    expect(def.title).toMatch(/\[DwrCymru2021\]/);   // the primary source's key into docs/sources.md
  });

  it('shows a message next to a bad value, marks the control invalid, and clears both when fixed', async () => {
    await type('f-areas-0-bins', '-5');
    expect(q('[id="f-areas-0-bins-e"]')!.textContent).toMatch(/expected 0 or more, got -5/);
    expect(q('[id="f-areas-0-bins"]')!.getAttribute('aria-invalid')).toBe('true');
    expect((q<HTMLButtonElement>('button.primary'))!.disabled).toBe(true);
    await type('f-areas-0-bins', '800');
    expect(q('[id="f-areas-0-bins-e"]')!.textContent!.trim()).toBe('');
    expect(q('[id="f-areas-0-bins"]')!.getAttribute('aria-invalid')).toBe('false');
    expect((store.selected!.json.areas as Array<{ bins: number }>)[0]!.bins).toBe(800);
  });

  it('stores plain numbers as numbers, text with units as text, and a blank field as absent (the default)', async () => {
    await type('f-digester-V-liq', '200');
    await type('f-digester-T', '38 degC');
    await type('f-collection-round-length', '');
    const j = store.selected!.json as { digester: Record<string, unknown>; collection: Record<string, unknown> };
    expect(j.digester.V_liq).toBe(200);
    expect(j.digester.T).toBe('38 degC');
    expect('round_length' in j.collection).toBe(false);
  });

  it('lists a problem that has no control of its own at the top', async () => {
    store.setField(store.selectedId!, 'colour', 'blue');
    el.rev++;
    await el.updateComplete;
    expect(q('.summary')!.textContent).toMatch(/colour: unknown field/);
  });

  it('after a run, an invalid edit says the scenario will rerun once valid (it does not promise a rerun)', async () => {
    const id = store.selectedId!;
    const runner = (store as unknown as { runner: ReturnType<typeof fakeRunner> }).runner;
    store.run(id);
    runner.jobs[0]!.resolve(fakeResult(store.byId(id)!.json));
    await flush();
    await type('f-areas-0-bins', '-1');
    expect(q('.status')!.textContent).toMatch(/will rerun when every field is valid/);
    expect(q('.status')!.textContent).not.toMatch(/rerunning/);
    await type('f-areas-0-bins', '80');
    expect(q('.status')!.textContent).toMatch(/rerunning/);
  });

  it('offers the library feedstocks as a list for a co-substrate', async () => {
    store.setField(store.selectedId!, 'co_substrates', [{ feedstock: 'grass', rate: '1 t/week' }]);
    el.rev++;
    await el.updateComplete;
    const sel = q<HTMLSelectElement>('[id="f-co-substrates-0-feedstock"]')!;
    expect(sel.tagName).toBe('SELECT');
    const opts = [...sel.options].map((o) => o.value);
    expect(opts).toContain('garden-waste');
    expect(opts).toContain('food-waste');
    expect(sel.querySelector('option[selected]')!.getAttribute('value')).toBe('grass');
  });

  it('shows the full citation of each source key a default names (the page cannot open docs/sources.md)', async () => {
    const input = q<HTMLInputElement>('[id="f-areas-0-fill-per-bin"]')!;
    input.dispatchEvent(new Event('focus'));
    input.dispatchEvent(new Event('focusin', { bubbles: true, composed: true }));
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll('aside .citations li')].map((li) => li.textContent ?? '');
    expect(items.map((t) => /^\[(\w+)\]/.exec(t)?.[1])).toEqual(['RCT2015', 'RCTND', 'BlaenauGwent2023']);
    for (const t of items) expect(t.length, t).toBeGreaterThan(40);   // the citation itself, not only the key
    const tip = q('[id="f-areas-0-fill-per-bin-d"]')!.getAttribute('title')!;
    expect(tip).toMatch(/\[BlaenauGwent2023\] .*Blaenau Gwent/);
  });
});
