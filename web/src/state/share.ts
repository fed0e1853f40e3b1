// Opening a share link (#s=...): the scenario it carries is added (or found among the saved ones), and the user is
// told in words what happened: what was added, that it was already there, or that the link is broken and why.
import { readShareFragment } from '../io/storage.js';
import type { ScenarioStore } from './store.js';

export const SHARE_PREFIX = '#s=';

export interface ShareOutcome { kind: 'info' | 'error'; text: string; id?: string }

/** Why a link does not read, in words (the decoder's own message is technical: "Unexpected token", "InvalidCharacterError"). */
function brokenReason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/^shared link: /.test(m)) return m.replace(/^shared link: /, 'what it carries is ');
  return 'the scenario it carries is cut short or damaged (links break when only part of them is copied)';
}

/**
 * Applies a share link to the store. Nothing is added unless the whole scenario reads; a hash that is not a share
 * link returns undefined (the page ignores it).
 */
export function openShareLink(store: ScenarioStore, hash: string): ShareOutcome | undefined {
  if (!hash.startsWith(SHARE_PREFIX)) return undefined;
  const broken = (why: string): ShareOutcome => ({ kind: 'error', text: `This share link is broken, so nothing was added: ${why}. Ask for the link again and paste all of it.` });
  if (hash.length === SHARE_PREFIX.length) return broken('it carries no scenario');
  let json;
  try {
    json = readShareFragment(hash);
  } catch (e) {
    return broken(brokenReason(e));
  }
  if (!json) return broken('it holds characters a share link never has (it may have been changed when it was pasted)');
  const same = store.findSame(json);
  if (same) {
    store.select(same.id);
    return { kind: 'info', text: `The shared scenario “${String(same.json.name)}” is already in your scenarios; it is now selected.`, id: same.id };
  }
  const id = store.add(json);
  const added = store.byId(id)!;
  const problems = store.issues[id]?.length ?? 0;
  const renamed = String(json.name ?? '') !== String(added.json.name) ? ` (renamed from “${String(json.name)}”: you already have one by that name)` : '';
  const state = problems ? ` It has ${problems} problem${problems > 1 ? 's' : ''} to fix before it runs; each is marked in the editor.` : ' Run it from the editor, or add it to the comparison.';
  return { kind: 'info', text: `Added the shared scenario “${String(added.json.name)}”${renamed} to your scenarios.${state}`, id };
}
