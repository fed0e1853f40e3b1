// Small things users trip over, under happy-dom: a share link pasted into an open tab is added and named, a broken
// link says so in words, a deletion can be undone, and the skip link moves focus to the main content.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../web/src/app.js';
import type { AdsimApp } from '../web/src/app.js';
import { ScenarioStore } from '../web/src/state/store.js';
import { openShareLink } from '../web/src/state/share.js';
import { shareFragment } from '../web/src/io/storage.js';
import { bundled, fakeRunner, flush } from './web.fakes.js';

let store: ScenarioStore;
let app: AdsimApp;

beforeEach(async () => {
  localStorage.clear();
  history.replaceState(null, '', '/');
  store = new ScenarioStore({ storage: localStorage, runner: fakeRunner(), bundled, rerunDelay_ms: 10_000 });
  app = document.createElement('adsim-app') as AdsimApp;
  app.store = store;
  document.body.append(app);
  await app.updateComplete;
});
afterEach(() => app.remove());

const shared = { ...(bundled['weekly-small-digester.json'] as Record<string, unknown>), name: 'Shared by a colleague' };
const noticeText = () => app.shadowRoot!.querySelector('.notice')?.textContent ?? '';
async function paste(hash: string): Promise<void> {
  location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  await flush();
  await app.updateComplete;
}

describe('share links', () => {
  it('a link pasted into the open tab adds its scenario and says what was added; the fragment is cleared', async () => {
    const n = store.scenarios.length;
    await paste(shareFragment(shared));
    expect(store.scenarios).toHaveLength(n + 1);
    expect(store.selected!.json.name).toBe('Shared by a colleague');
    expect(noticeText()).toMatch(/Added the shared scenario “Shared by a colleague” to your scenarios/);
    expect(location.hash).toBe('');
    // The same link again: nothing added twice, and it says so.
    await paste(shareFragment(shared));
    expect(store.scenarios).toHaveLength(n + 1);
    expect(noticeText()).toMatch(/already in your scenarios/);
  });

  it('a broken link says so in words and adds nothing', async () => {
    const n = store.scenarios.length;
    const good = shareFragment(shared);
    await paste(good.slice(0, Math.floor(good.length / 2)));
    expect(store.scenarios).toHaveLength(n);
    expect(app.shadowRoot!.querySelector('.notice.error')!.getAttribute('role')).toBe('alert');
    expect(noticeText()).toMatch(/This share link is broken, so nothing was added: the scenario it carries is cut short or damaged/);
    expect(noticeText()).not.toMatch(/Unexpected|JSON|token|atob/i);
    expect(openShareLink(store, '#s=not*base64')!.text).toMatch(/characters a share link never has/);
    expect(openShareLink(store, `#s=${btoa('[1,2]').replace(/=+$/, '')}`)!.text).toMatch(/broken.*not a scenario/);
    expect(openShareLink(store, '#main')).toBeUndefined();
    expect(store.scenarios).toHaveLength(n);
  });
});

describe('delete and undo', () => {
  it('deleting says what was deleted and Undo puts it back where it was, in the comparison and as baseline', async () => {
    const s = store.scenarios.find((x) => x.id === store.baselineId)!;
    const index = store.scenarios.indexOf(s);
    const json = JSON.stringify(s.json);
    store.remove(s.id);
    await app.updateComplete;
    expect(store.byId(s.id)).toBeUndefined();
    expect(noticeText()).toMatch(new RegExp(`Deleted “${String(s.json.name).replace(/[()]/g, '.')}”`));
    app.shadowRoot!.querySelector<HTMLButtonElement>('#undo-delete')!.click();
    await app.updateComplete;
    expect(store.scenarios[index]!.id).toBe(s.id);
    expect(JSON.stringify(store.byId(s.id)!.json)).toBe(json);
    expect(store.baselineId).toBe(s.id);
    expect(store.compareIds).toContain(s.id);
    expect(noticeText()).toMatch(/Restored/);
    expect(app.shadowRoot!.querySelector('#undo-delete')).toBeNull();
    // Saved too: a new store on the same storage lists it.
    expect(new ScenarioStore({ storage: localStorage, runner: fakeRunner(), bundled }).byId(s.id)).toBeDefined();
  });
});

describe('skip link', () => {
  it('is the first focusable element and moves focus to <main>', async () => {
    const first = app.shadowRoot!.querySelector('a, button, input, select, textarea')!;
    expect(first.id).toBe('skip-link');
    expect(first.textContent).toMatch(/Skip to the main content/);
    (first as HTMLAnchorElement).click();
    expect(app.shadowRoot!.activeElement?.tagName).toBe('MAIN');
    expect(location.hash).toBe('');
  });
});
