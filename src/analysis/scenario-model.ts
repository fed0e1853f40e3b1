// Adapter from a scenario file to the analysis vocabulary: inputs are JSON paths in the scenario ("gas_use.eta_el",
// "areas[0].fill_per_bin"), default uncertain inputs are the scenario defaults it falls back on that carry a range,
// outputs are the annual figures and (optionally) the daily series.
import { InputError, closest, show } from '../errors.js';
import { FORBIDDEN_KEYS } from '../input/json.js';
import { runScenario, type ScenarioResult } from '../pipeline/run.js';
import { DEFAULTS, type Default, type DefaultName } from '../scenario/defaults.js';
import { ECONOMICS_DEFAULTS } from '../appraisal/defaults.js';
import { parseScenario } from '../scenario/parse.js';
import { FEEDSTOCKS, type Feedstock, type Sourced } from '../../models/feedstocks/index.js';
import { findFeedstock } from '../feed/library.js';
import type { UncertainInput } from './distributions.js';
import type { Evaluate, Outputs, Point } from './evaluate.js';

/**
 * How a value is written back into the scenario JSON for a default (a plain number is read in the field's own unit).
 * A name with no default (a scenario's defaulted field that the table lost) is an error naming it, not a TypeError.
 */
export function writerFor(name: DefaultName): ((v: number) => unknown) | null {
  const def = (DEFAULTS as Partial<Record<string, Default>>)[name];
  if (!def) {
    const near = closest(String(name), Object.keys(DEFAULTS));
    throw new InputError(String(name), `no scenario default named ${JSON.stringify(name)}, so no way to write a sampled value for it${near.length ? `; did you mean ${near.join(', ')}?` : ''}`);
  }
  const unit = def.unit;
  if (name === 'fill_kg_bin_week') return (v) => `${v} kg/week`;
  // Cost and appraisal fields read a plain number in their default's unit (GBP, fraction, years, months).
  if (name in ECONOMICS_DEFAULTS) return (v) => v;
  if (unit.startsWith('fraction') || unit === 'GBP/kWh' || unit === 'kg CO2e/kWh' || name === 'faeces_kg_dog_d') return (v) => v;
  return null;
}

/** A scenario input path ("gas_use.eta_el", "areas[0].fill_per_bin", "feedstocks.dog-faeces.BMP"). */
const PATH_RE = /^[A-Za-z_][\w-]*(\[\d{1,6}\]|\.[A-Za-z_][\w-]*)*$/;

/** The keys of a scenario input path; refuses malformed paths and prototype keys (__proto__, constructor, prototype). */
export function scenarioPathKeys(path: string, field = path): string[] {
  if (typeof path !== 'string' || path.length > 200 || !PATH_RE.test(path)) {
    throw new InputError(field.length > 200 ? field.slice(0, 60) + '...' : field, `expected a scenario field path such as "gas_use.eta_el" or "areas[0].fill_per_bin", got ${show(path)}`);
  }
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  for (const k of keys) if (FORBIDDEN_KEYS.has(k)) throw new InputError(field, `${show(k)} is not a scenario field (it would reach JavaScript object prototypes)`);
  return keys;
}

/** Sets `path` ("a.b[0].c") in a deep copy of `json`. */
export function setPath(json: unknown, path: string, value: unknown): unknown {
  const root = structuredClone(json);
  setPathInPlace(root, path, value);
  return root;
}

/** Sets `path` in `root` itself (a copy the caller owns), creating objects and arrays on the way. */
function setPathInPlace(root: unknown, path: string, value: unknown): void {
  const keys = scenarioPathKeys(path);
  let o = root as Record<string, unknown>;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) { o[k] = value; return; }
    if (o[k] === undefined || o[k] === null || typeof o[k] !== 'object') o[k] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
    o = o[k] as Record<string, unknown>;
  });
}

/** Per-input writers for explicit inputs: "value unit" when a unit is given, else the plain number. */
export type InputWriters = Record<string, (v: number) => unknown>;

/** A writer shared by several JSON paths (one sample written to all of them). */
export type GroupWriter = ((v: number) => unknown) & { paths: string[] };

/**
 * The scenario's defaulted inputs that carry a range: triangular(low, default, high), marked as estimates where they
 * are. The same default in several areas ("areas[0].faeces_per_dog", "areas[3].faeces_per_dog") is one input,
 * "areas[*].faeces_per_dog", sampled once and written to each of those areas: it is one national estimate, so the
 * areas' values move together rather than averaging out.
 */
export function defaultScenarioInputs(json: unknown): { inputs: UncertainInput[]; writers: InputWriters } {
  const sc = parseScenario(json);
  const inputs: UncertainInput[] = [];
  const writers: InputWriters = {};
  const groups = new Map<string, string[]>();
  for (const path of Object.keys(sc.defaulted)) {
    const g = path.replace(/^areas\[\d+\]\./, 'areas[*].');
    groups.set(g, [...(groups.get(g) ?? []), path]);
  }
  for (const [group, paths] of groups) {
    const name = sc.defaulted[paths[0]!] as DefaultName;
    const def = (DEFAULTS as Partial<Record<string, Default>>)[name];
    const range = def?.range;
    if (!def || !range || !(range[0] < range[1])) continue;   // not a number with a range (e.g. "not costed")
    const w = writerFor(name);
    if (!w) continue;
    const mode = Math.min(range[1], Math.max(range[0], def.value));
    const key = paths.length > 1 ? group : paths[0]!;
    inputs.push({ name: key, dist: { kind: 'triangular', low: range[0], mode, high: range[1] }, unit: def.unit, source: `${def.source}${def.estimate ? ' (estimate)' : ''}${paths.length > 1 ? `; one value for ${paths.length} areas` : ''}` });
    writers[key] = paths.length > 1 ? Object.assign((v: number) => w(v), { paths }) : w;
  }
  return { inputs, writers };
}

/**
 * Feedstock properties sampled for a scenario, per feedstock it digests. BMP, TS and VS/TS set how much methane a
 * tonne gives; k_hyd how much of it a finite HRT recovers. Biodegradability is not sampled: the characterisation
 * derives the degradable COD from the BMP (src/feed/characterise.ts), so varying both would count it twice.
 */
export const SAMPLED_FEEDSTOCK_FIELDS = ['BMP', 'TS', 'VS_TS', 'k_hyd'] as const;

/**
 * Triangular(low, typical, high) over the feedstock records' own ranges (models/feedstocks), written into the
 * scenario's `feedstocks` overrides ("feedstocks.dog-faeces.BMP"). A property the file already sets (a lab value,
 * low = high) is not sampled; k_hyd is not sampled when the file sets the hydrolysis rates in digester.parameters.
 */
export function feedstockScenarioInputs(json: unknown): { inputs: UncertainInput[]; writers: InputWriters } {
  const sc = parseScenario(json);
  const inputs: UncertainInput[] = [];
  const writers: InputWriters = {};
  if (sc.destination !== 'digester') return { inputs, writers };
  const lib = sc.feedstocks ?? FEEDSTOCKS;
  const ids = [...new Set(['dog-faeces', ...sc.co_substrates.filter((c) => c.rate_kg_d > 0).map((c) => findFeedstock(c.feedstock, lib).id)])];
  const fixedHydrolysis = Object.keys(sc.digester.parameters).some((k) => k.startsWith('k_hyd'));
  for (const id of ids) {
    const rec = findFeedstock(id, lib) as Feedstock & Record<string, Sourced | undefined>;
    for (const field of SAMPLED_FEEDSTOCK_FIELDS) {
      const p = rec[field];
      if (!p || !(p.low < p.high) || (field === 'k_hyd' && fixedHydrolysis)) continue;
      const name = `feedstocks.${id}.${field}`;
      inputs.push({
        name, unit: p.unit,
        dist: { kind: 'triangular', low: p.low, mode: Math.min(p.high, Math.max(p.low, p.value)), high: p.high },
        source: `${rec.name} record: ${p.source}${p.evidence === 'estimate' ? ' (estimate)' : ` (${p.evidence})`}`,
      });
      writers[name] = (v) => v;
    }
  }
  return { inputs, writers };
}

/**
 * Every uncertain input of a scenario: the feedstock properties above, then the defaulted inputs with a range
 * (collection estimates such as the bin fill, plant and price figures). What `adsim uncertainty`, `sensitivity` and
 * the ranges of `adsim project` sample.
 */
export function scenarioUncertainInputs(json: unknown): { inputs: UncertainInput[]; writers: InputWriters } {
  const f = feedstockScenarioInputs(json);
  const d = defaultScenarioInputs(json);
  return { inputs: [...f.inputs, ...d.inputs], writers: { ...f.writers, ...d.writers } };
}

/** Scalars (annual figures of the first accounting year) and, optionally, daily series. */
export function scenarioOutputs(r: ScenarioResult, withSeries: boolean): Outputs {
  const out: Outputs = {};
  for (const [k, v] of Object.entries(r.annual)) if (typeof v === 'number' && k !== 'year' && k !== 'days') out[k] = v;
  if (withSeries) for (const [k, v] of Object.entries(r.daily)) out[k === 't_d' ? 't_d' : `series.${k}`] = v;
  return out;
}

/** Applies a point to the scenario JSON. */
export function applyScenarioPoint(json: unknown, point: Point, writers: InputWriters): unknown {
  // Every writer is checked before anything is copied; then one copy takes every value (not one copy per path).
  const entries = Object.entries(point);
  for (const [path] of entries) if (!writers[path]) throw new InputError(path, 'no way to write this scenario input; give it a unit in the inputs file');
  if (entries.length === 0) return json;
  const j = structuredClone(json);
  for (const [path, v] of entries) {
    const w = writers[path]!;
    for (const p of (w as Partial<GroupWriter>).paths ?? [path]) setPathInPlace(j, p, w(v));
  }
  return j;
}

/** In-process evaluator for a scenario. */
export function scenarioEvaluator(json: unknown, writers: InputWriters, opts: { series?: boolean } = {}): Evaluate {
  return (point) => scenarioOutputs(runScenario(applyScenarioPoint(json, point, writers)), opts.series ?? false);
}

/** Headline outputs for reports. */
export const SCENARIO_HEADLINES = ['methane_Nm3', 'electricity_net_kWh', 'heat_kWh', 'co2e_net_t', 'cost_net_gbp'] as const;
