// Saved scenarios in localStorage (versioned), JSON export/import with migration, and share-by-URL encoding.
import { SCENARIO_SCHEMA } from '../../../src/scenario/types.js';
import { parseJsonStrict } from '../../../src/input/json.js';

export const STORE_KEY = 'adsim.saved';
export const STORE_SCHEMA = 'adsim-saved/1';
export const EXPORT_SCHEMA = 'adsim-export/1';

export type ScenarioJson = Record<string, unknown>;

export interface SavedScenario {
  id: string;
  json: ScenarioJson;
  /** The bundled file it started from, if any. */
  origin?: string;
  updated: number;
}

export interface SavedState {
  scenarios: SavedScenario[];
  baselineId?: string;
  compareIds: string[];
}

/** Reads the saved state. Data from an unknown version is moved aside (never deleted) and reported. */
export function loadSaved(storage: Storage): { state?: SavedState; warning?: string } {
  const raw = storage.getItem(STORE_KEY);
  if (raw === null) return {};
  try {
    const data = JSON.parse(raw) as { schema?: unknown } & Partial<SavedState>;
    if (data.schema !== STORE_SCHEMA || !Array.isArray(data.scenarios)) throw new Error(`unknown saved-data version ${JSON.stringify(data.schema)}`);
    return { state: { scenarios: data.scenarios, baselineId: data.baselineId, compareIds: Array.isArray(data.compareIds) ? data.compareIds : [] } };
  } catch (e) {
    // One copy per distinct unreadable content: a reload with the same broken data must not pile up copies.
    const existing = Array.from({ length: storage.length }, (_, i) => storage.key(i))
      .find((k): k is string => !!k && k.startsWith(`${STORE_KEY}.unreadable-`) && storage.getItem(k) === raw);
    const aside = existing ?? `${STORE_KEY}.unreadable-${Date.now()}`;
    if (!existing) storage.setItem(aside, raw);
    return { warning: `Saved scenarios could not be read (${e instanceof Error ? e.message : String(e)}); they were kept under "${aside}".` };
  }
}

export function writeSaved(storage: Storage, state: SavedState): void {
  storage.setItem(STORE_KEY, JSON.stringify({ schema: STORE_SCHEMA, ...state }));
}

/** A file holding the given scenarios, ready to download. */
export function exportJson(scenarios: ScenarioJson[]): string {
  return JSON.stringify({ schema: EXPORT_SCHEMA, exported: new Date().toISOString(), scenarios }, null, 2);
}

/**
 * Brings a scenario from an older schema to the current one, or says why it cannot.
 * Version 0 (files before the schema field existed, or tagged "adsim-scenario/0") had the same fields: setting the schema
 * tag migrates it.
 */
export function migrateScenario(json: unknown, where: string): ScenarioJson {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${where}: not a scenario (expected a JSON object)`);
  const s = json as ScenarioJson;
  if (s.schema === SCENARIO_SCHEMA) return s;
  if (s.schema === undefined || s.schema === 'adsim-scenario/0') {
    if (!('areas' in s) && !('name' in s)) throw new Error(`${where}: not a scenario (no "schema", "name" or "areas" field)`);
    const { schema: _old, ...rest } = s;
    return { schema: SCENARIO_SCHEMA, ...rest };
  }
  const m = /^adsim-scenario\/(\d+)$/.exec(String(s.schema));
  if (m && Number(m[1]) > 1) throw new Error(`${where}: written for scenario schema version ${m[1]}, newer than this app reads (1); update adsim`);
  throw new Error(`${where}: unknown schema ${JSON.stringify(s.schema)}; expected "${SCENARIO_SCHEMA}"`);
}

/** The scenarios in an imported file: an export, a list, or a single scenario. Throws with the reason. */
export function scenariosInFile(text: string): ScenarioJson[] {
  // The CLI's strict reader: a key given twice, __proto__/constructor/prototype keys, nesting deeper than 64 and
  // 1e999 are refused with the field and line, before anything is added (JSON.parse would keep the last copy).
  let data: unknown;
  try {
    data = parseJsonStrict(text, '');
  } catch (e) {
    throw new Error(`not a valid scenario file: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && (data as { schema?: unknown }).schema === EXPORT_SCHEMA) {
    const list = (data as { scenarios?: unknown }).scenarios;
    if (!Array.isArray(list)) throw new Error('export file without a "scenarios" list');
    return list.map((s, i) => migrateScenario(s, `scenarios[${i}]`));
  }
  if (Array.isArray(data)) return data.map((s, i) => migrateScenario(s, `[${i}]`));
  return [migrateScenario(data, 'file')];
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The URL fragment that carries a scenario ("#s=..."), UTF-8 safe. */
export function shareFragment(json: ScenarioJson): string {
  return `#s=${b64url(new TextEncoder().encode(JSON.stringify(json)))}`;
}

export function readShareFragment(hash: string): ScenarioJson | undefined {
  const m = /^#s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return undefined;
  const b = atob(m[1]!.replace(/-/g, '+').replace(/_/g, '/'));
  const text = new TextDecoder().decode(Uint8Array.from(b, (c) => c.charCodeAt(0)));
  let data: unknown;
  // A link cut short or tampered with (a key twice, __proto__): the page words it as damaged (state/share.ts).
  try { data = parseJsonStrict(text, ''); } catch (e) { throw new Error(`damaged share link (${e instanceof Error ? e.message : String(e)})`); }
  return migrateScenario(data, 'shared link');
}
