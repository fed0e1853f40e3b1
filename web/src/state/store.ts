// The scenario store: the app's one place of state. Elements read it through properties and change it through methods.
import { parseScenario } from '../../../src/scenario/parse.js';
import type { PartialProjectionLike, ProjectionLike, ScenarioResultLike } from '../../../src/worker/engine.js';
import type { JobProgress } from '../../../src/worker/types.js';
import type { SimPool } from '../../../src/worker/pool.js';
import { projectionBatches } from '../../../src/worker/batch.js';
import { DEFAULT_RANGE_SAMPLES, DEFAULT_RANGE_SEED, projectionRanges, type Projector, type ProjectionRanges } from '../../../src/analysis/projection-ranges.js';
import { blankScenario } from './blank.js';
import { clone, setPath } from './paths.js';
import { QUESTIONS, guidedScenarios, questionScenario, type GuidedAnswers } from './questions.js';
import { exportJson, loadSaved, scenariosInFile, writeSaved, type SavedScenario, type ScenarioJson } from '../io/storage.js';

export type View = 'start' | 'editor' | 'compare' | 'projection' | 'model' | 'research';
export type Status = 'queued' | 'running' | 'done' | 'error' | 'cancelled';

export interface Issue { field: string; message: string }

export interface RunState {
  status: Status;
  progress: number;
  result?: ScenarioResultLike;
  error?: string;
  /** The scenario JSON the result belongs to (a later edit makes it stale). */
  input: string;
  /** Time from submit to result, ms (what the user waits). */
  ms?: number;
  /** The result this one replaced, so a rerun can show what a change did. */
  previous?: ScenarioResultLike;
}

/**
 * A failed run in a sentence a user can act on: a solver breakdown ("step size underflow", NaN, too many steps) comes
 * from inputs the model cannot integrate, usually a parameter far outside its range; the raw text follows as detail.
 */
export function plainRunError(message: string): string {
  if (/step size underflow|step-underflow|non-finite|\bNaN\b|max(imum)?[- ]steps|singular|odex ended/i.test(message)) {
    const detail = message.length > 160 ? `${message.slice(0, 157)}…` : message;
    return `The simulation could not be solved with these inputs: the digester model broke down numerically. This usually means a model parameter or input is far outside its usual range; check the values you changed. (Solver: ${detail})`;
  }
  return message;
}

export interface ProjectionState extends Omit<RunState, 'result'> {
  years: number;
  /** The whole projection, or (`partial: true`) the years that ran and each failed year with its reason. */
  result?: ProjectionLike | PartialProjectionLike;
}

/** True when some projection years failed: there are no whole-life economics, verdict or ranges to show. */
export const isPartial = (r: ProjectionState['result']): r is PartialProjectionLike => !!r && (r as PartialProjectionLike).partial === true;

/** The Monte Carlo ranges of a projection, computed after its central result shows. */
export interface RangeState {
  status: Status;
  done: number;
  total: number;
  result?: ProjectionRanges;
  error?: string;
  /** The scenario JSON and years the ranges belong to. */
  input: string;
  years: number;
}

/** A job the runner started: its promise and a way to stop it. */
export interface Started<T> { promise: Promise<T>; cancel(): void }

/** What the store needs from the simulation service (the worker pool in the app, a fake in tests). */
export interface Runner {
  run(json: ScenarioJson, onProgress: (p: JobProgress) => void): Started<ScenarioResultLike>;
  project(json: ScenarioJson, years: number, onProgress: (p: JobProgress) => void): Started<ProjectionLike | PartialProjectionLike>;
  /** The worker pool behind the runner, when there is one (the research tools submit their own jobs to it). */
  pool?: SimPool;
  /** Runs one projection sample of the ranges (tests pass one; otherwise the pool's projectScenario job). */
  projector?: (signal: AbortSignal) => Projector;
}

export interface StoreOptions {
  storage: Storage;
  runner: Runner;
  /** Bundled scenarios by file name. */
  bundled: Record<string, ScenarioJson>;
  /** Delay before an edit reruns its scenario (ms); edits within it coalesce. */
  rerunDelay_ms?: number;
  now?: () => number;
  /** Monte Carlo samples behind the projection ranges (the CLI's default unless a test asks for fewer). */
  rangeSamples?: number;
}

/** Problems in a scenario, each with its field path; empty when it is valid. Parsing is cheap and runs on this thread. */
export function validate(json: ScenarioJson): Issue[] {
  try {
    parseScenario(json);
    return [];
  } catch (e) {
    const issues = (e as { issues?: Issue[] }).issues;
    if (Array.isArray(issues)) return issues;
    const field = (e as { field?: string }).field ?? '';
    return [{ field, message: e instanceof Error ? e.message : String(e) }];
  }
}

/** JSON with object keys sorted, so two scenarios with the same content compare equal whatever their key order. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Delay before an edit reruns its scenario: edits within it coalesce; short enough (with a ~30 ms engine run) that a
 *  result follows an edit in about a third of a second. */
export const RERUN_DEBOUNCE_MS = 250;

let seq = 0;
const newId = () => `s${Date.now().toString(36)}${(seq++).toString(36)}`;

export class ScenarioStore extends EventTarget {
  scenarios: SavedScenario[] = [];
  selectedId?: string;
  baselineId?: string;
  compareIds: string[] = [];
  /** The start view on opening: what adsim answers, the ready questions and the guided path. */
  view: View = 'start';
  runs: Record<string, RunState> = {};
  projections: Record<string, ProjectionState> = {};
  ranges: Record<string, RangeState> = {};
  issues: Record<string, Issue[]> = {};
  notice?: { kind: 'error' | 'info'; text: string; /** Offers an Undo button for the last deletion. */ undo?: boolean };
  /** The last deleted scenario and where it was, until it is restored or another is deleted. */
  removed?: { scenario: SavedScenario; index: number; compared: boolean; baseline: boolean; selected: boolean };
  readonly bundled: Record<string, ScenarioJson>;

  private readonly storage: Storage;
  private readonly runner: Runner;
  private readonly jobs = new Map<string, Started<unknown>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly rerunDelay_ms: number;
  private readonly now: () => number;
  private readonly rangeSamples: number;

  constructor(o: StoreOptions) {
    super();
    this.storage = o.storage;
    this.runner = o.runner;
    this.bundled = o.bundled;
    this.rerunDelay_ms = o.rerunDelay_ms ?? RERUN_DEBOUNCE_MS;
    this.rangeSamples = o.rangeSamples ?? DEFAULT_RANGE_SAMPLES;
    this.now = o.now ?? (() => performance.now());
    const { state, warning } = loadSaved(o.storage);
    if (warning) this.notice = { kind: 'error', text: warning };
    if (state) {
      this.scenarios = state.scenarios;
      this.baselineId = state.baselineId;
      this.compareIds = state.compareIds.filter((id) => state.scenarios.some((s) => s.id === id));
    } else if (!warning) {
      this.seedBundled();
    }
    for (const s of this.scenarios) this.issues[s.id] = validate(s.json);
    this.selectedId = this.scenarios[0]?.id;
  }

  /** First visit: every bundled scenario, the "today" route as baseline, the first two digester ones to compare. */
  private seedBundled(): void {
    for (const [file, json] of Object.entries(this.bundled)) this.scenarios.push({ id: newId(), json: clone(json), origin: file, updated: Date.now() });
    const isToday = (s: SavedScenario) => s.json.destination === 'today' || /baseline|today/i.test(s.origin ?? '');
    this.baselineId = (this.scenarios.find(isToday) ?? this.scenarios[0])?.id;
    this.compareIds = this.scenarios.slice(0, 3).map((s) => s.id);
    if (this.baselineId && !this.compareIds.includes(this.baselineId)) this.compareIds.unshift(this.baselineId);
    this.persist();
  }

  /** The worker pool, for the research tools. */
  get pool(): SimPool | undefined {
    return this.runner.pool;
  }

  get selected(): SavedScenario | undefined {
    return this.scenarios.find((s) => s.id === this.selectedId);
  }

  byId(id: string): SavedScenario | undefined {
    return this.scenarios.find((s) => s.id === id);
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }

  private persist(): void {
    try {
      writeSaved(this.storage, { scenarios: this.scenarios, baselineId: this.baselineId, compareIds: this.compareIds });
    } catch (e) {
      this.notice = { kind: 'error', text: `Could not save in this browser: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  setView(view: View): void {
    this.view = view;
    this.changed();
  }

  select(id: string): void {
    if (!this.byId(id)) return;
    this.selectedId = id;
    this.changed();
  }

  dismissNotice(): void {
    this.notice = undefined;
    this.changed();
  }

  /** Adds a scenario (a copy), makes it the selected one, and saves. Names are kept unique. */
  add(json: ScenarioJson, origin?: string): string {
    const copy = clone(json);
    const names = new Set(this.scenarios.map((s) => String(s.json.name)));
    let name = String(copy.name ?? 'Scenario');
    for (let i = 2; names.has(name); i++) name = `${String(copy.name ?? 'Scenario')} (${i})`;
    copy.name = name;
    const id = newId();
    this.scenarios.push({ id, json: copy, ...(origin ? { origin } : {}), updated: Date.now() });
    this.issues[id] = validate(copy);
    this.selectedId = id;
    this.persist();
    this.changed();
    return id;
  }

  /** The saved scenario with exactly this content (name included), if any. */
  findSame(json: ScenarioJson): SavedScenario | undefined {
    const c = canonical(json);
    return this.scenarios.find((s) => canonical(s.json) === c);
  }

  addBundled(file: string): string {
    const json = this.bundled[file];
    if (!json) throw new Error(`no bundled scenario ${file}`);
    return this.add(json, file);
  }

  addBlank(): string {
    return this.add(blankScenario());
  }

  /** A copy to vary: it joins the comparison beside its original. */
  duplicate(id: string): string | undefined {
    const s = this.byId(id);
    if (!s) return undefined;
    const copy = this.add({ ...s.json, name: `${String(s.json.name)} (variant)` }, s.origin);
    if (!this.compareIds.includes(id)) this.compareIds.push(id);
    this.toggleCompare(copy, true);
    return copy;
  }

  /** A saved scenario with this exact content, or a new one: a question reopened twice adds nothing the second time. */
  private ensure(json: ScenarioJson, origin?: string): string {
    return this.findSame(json)?.id ?? this.add(json, origin);
  }

  /** One of the start view's ready questions: its scenarios compared (the first the baseline) and run. */
  openQuestion(qid: string): void {
    const q = QUESTIONS.find((x) => x.id === qid);
    if (!q) return;
    const ids = q.files.map((f) => { const j = questionScenario(this.bundled, f); return j ? this.ensure(j, f.split('#')[0]) : undefined; }).filter((x): x is string => !!x);
    if (!ids.length) return;
    this.compareIds = ids;
    this.baselineId = ids[0];
    this.selectedId = ids[1] ?? ids[0];
    this.view = 'compare';
    this.persist();
    this.runComparison();
  }

  /** The guided path: today's route and the plan built from the answers, compared and run; returns the plan's id. */
  addGuided(a: GuidedAnswers, expected_t_yr?: number): string {
    const { today, plan } = guidedScenarios(a, this.bundled, expected_t_yr);
    const base = this.ensure(today);
    const id = this.add(plan);
    this.compareIds = [base, id];
    this.baselineId = base;
    this.selectedId = id;
    this.view = 'compare';
    this.persist();
    this.runComparison();
    return id;
  }

  /** Deletes a scenario; the notice offers Undo, which puts it back where it was (see undoRemove). */
  remove(id: string): void {
    const index = this.scenarios.findIndex((s) => s.id === id);
    if (index < 0) return;
    this.removed = { scenario: this.scenarios[index]!, index, compared: this.compareIds.includes(id), baseline: this.baselineId === id, selected: this.selectedId === id };
    this.notice = { kind: 'info', text: `Deleted “${String(this.scenarios[index]!.json.name)}”.`, undo: true };
    this.cancel(id);
    this.scenarios = this.scenarios.filter((s) => s.id !== id);
    this.compareIds = this.compareIds.filter((c) => c !== id);
    if (this.baselineId === id) this.baselineId = this.scenarios[0]?.id;
    if (this.selectedId === id) this.selectedId = this.scenarios[0]?.id;
    delete this.runs[id];
    delete this.issues[id];
    this.persist();
    this.changed();
  }

  /** Restores the last deleted scenario: same place in the list, comparison, baseline and selection as before. */
  undoRemove(): void {
    const r = this.removed;
    if (!r) return;
    this.removed = undefined;
    const s = r.scenario;
    this.scenarios = [...this.scenarios.slice(0, r.index), s, ...this.scenarios.slice(r.index)];
    this.issues[s.id] = validate(s.json);
    if (r.compared && !this.compareIds.includes(s.id)) this.compareIds = [...this.compareIds, s.id];
    if (r.baseline) this.baselineId = s.id;
    if (r.selected) this.selectedId = s.id;
    this.notice = { kind: 'info', text: `Restored “${String(s.json.name)}”.` };
    this.persist();
    this.changed();
  }

  /** One field edited: saved at once, validated, and (if it was run before and is valid) rerun after a short pause. */
  setField(id: string, path: string, value: unknown): void {
    const s = this.byId(id);
    if (!s) return;
    s.json = setPath(s.json, path, value);
    s.updated = Date.now();
    this.issues[id] = validate(s.json);
    this.persist();
    if (this.runs[id] && this.issues[id]!.length === 0) this.scheduleRerun(id);
    this.changed();
  }

  /** Replaces a scenario's JSON wholesale (e.g. the model view's parameter table). */
  setJson(id: string, json: ScenarioJson): void {
    const s = this.byId(id);
    if (!s) return;
    s.json = clone(json);
    s.updated = Date.now();
    this.issues[id] = validate(s.json);
    this.persist();
    this.changed();
  }

  private scheduleRerun(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.set(id, setTimeout(() => { this.timers.delete(id); this.run(id); }, this.rerunDelay_ms));
  }

  toggleCompare(id: string, on: boolean): void {
    this.compareIds = on ? [...new Set([...this.compareIds, id])] : this.compareIds.filter((c) => c !== id);
    this.persist();
    this.changed();
  }

  setBaseline(id: string): void {
    this.baselineId = id;
    if (!this.compareIds.includes(id)) this.compareIds = [id, ...this.compareIds];
    this.persist();
    this.changed();
  }

  /** Starts (or restarts) a scenario's run in the simulation service; an invalid scenario is not sent. */
  run(id: string): void {
    const s = this.byId(id);
    if (!s) return;
    const issues = this.issues[id] ?? validate(s.json);
    if (issues.length) {
      this.runs[id] = { status: 'error', progress: 0, error: `Fix the scenario first: ${issues[0]!.field}: ${issues[0]!.message}`, input: '' };
      this.changed();
      return;
    }
    this.jobs.get(id)?.cancel();
    // A run started by hand replaces a rerun the last edit scheduled (it would only repeat this one).
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const input = JSON.stringify(s.json);
    const t0 = this.now();
    const old = this.runs[id];
    // "Before" is the last result of different inputs: running the same scenario again must not compare it with itself.
    const previous = old?.status === 'done' && old.input !== input ? old.result : old?.previous;
    const state: RunState = { status: 'queued', progress: 0, input, ...(previous ? { previous } : {}) };
    this.runs[id] = state;
    const job = this.runner.run(s.json, (p) => {
      if (this.runs[id] !== state) return;
      state.status = 'running';
      state.progress = p.fraction;
      this.changed();
    });
    this.jobs.set(id, job);
    job.promise.then(
      (result) => { if (this.runs[id] === state) this.runs[id] = { status: 'done', progress: 1, result, input, ms: this.now() - t0, ...(previous ? { previous } : {}) }; },
      (e: Error) => {
        if (this.runs[id] !== state) return;
        const cancelled = e?.name === 'CancelledError';
        this.runs[id] = { status: cancelled ? 'cancelled' : 'error', progress: state.progress, input, ...(previous ? { previous } : {}), ...(cancelled ? {} : { error: plainRunError(e?.message ?? String(e)) }) };
      },
    ).finally(() => {
      if (this.jobs.get(id) === job) this.jobs.delete(id);
      this.changed();
    });
    this.changed();
  }

  /** Runs every scenario in the comparison; the pool spreads them over the workers. */
  runComparison(): void {
    for (const id of this.compareIds) this.run(id);
  }

  cancel(id: string): void {
    clearTimeout(this.timers.get(id));
    this.jobs.get(id)?.cancel();
  }

  isBusy(id: string): boolean {
    return this.jobs.has(id) || this.jobs.has(`project:${id}`);
  }

  /** A result is stale when the scenario changed after it was computed. */
  isStale(id: string): boolean {
    const r = this.runs[id];
    const s = this.byId(id);
    return !!(r && s && r.status === 'done' && r.input !== JSON.stringify(s.json));
  }

  project(id: string, years: number): void {
    const s = this.byId(id);
    if (!s) return;
    const key = `project:${id}`;
    this.jobs.get(key)?.cancel();
    this.jobs.get(`ranges:${id}`)?.cancel();
    delete this.ranges[id];
    const input = JSON.stringify(s.json);
    const t0 = this.now();
    const state: ProjectionState = { status: 'queued', progress: 0, input, years };
    this.projections[id] = state;
    const job = this.runner.project(s.json, years, (p) => {
      if (this.projections[id] !== state) return;
      state.status = 'running';
      state.progress = p.fraction;
      this.changed();
    });
    this.jobs.set(key, job);
    job.promise.then(
      (result) => {
        if (this.projections[id] !== state) return;
        this.projections[id] = { status: 'done', progress: 1, years, result, input, ms: this.now() - t0 };
        // Each range sample projects every year: with a year that does not solve, the ranges cannot be worked out.
        if (!isPartial(result)) this.projectRanges(id, years, input);
      },
      (e: Error) => {
        if (this.projections[id] !== state) return;
        const cancelled = e?.name === 'CancelledError';
        this.projections[id] = { status: cancelled ? 'cancelled' : 'error', progress: state.progress, years, input, ...(cancelled ? {} : { error: e?.message ?? String(e) }) };
      },
    ).finally(() => {
      if (this.jobs.get(key) === job) this.jobs.delete(key);
      this.changed();
    });
    this.changed();
  }

  cancelProjection(id: string): void {
    this.jobs.get(`project:${id}`)?.cancel();
    this.jobs.get(`ranges:${id}`)?.cancel();
  }

  /** Stops the likely-range simulations only; the central projection stays. */
  cancelRanges(id: string): void {
    this.jobs.get(`ranges:${id}`)?.cancel();
  }

  /** Works the likely ranges out again for the projection on screen (after a cancel or a failure). */
  retryRanges(id: string): void {
    const p = this.projections[id];
    if (p?.status !== 'done' || isPartial(p.result)) return;
    this.projectRanges(id, p.years, p.input);
  }

  /** After the central projection shows: P10-P90 ranges by a small seeded Monte Carlo, each sample a worker job. */
  private projectRanges(id: string, years: number, input: string): void {
    const key = `ranges:${id}`;
    this.jobs.get(key)?.cancel();
    const pool = this.runner.pool;
    const ctl = new AbortController();
    // The same Monte Carlo as `adsim project` (src/analysis/projection-ranges.ts): each sample is the scenario JSON with
    // its sampled feedstock values and defaults written in, projected as one worker job that the signal cancels.
    // With the pool, samples go in batches (several a job, only the ranged figures back), behind any edited
    // scenario's rerun (background jobs), so an edit waits at most for the batch running now.
    const given = this.runner.projector?.(ctl.signal);
    const batch = !given && pool ? projectionBatches(pool, { signal: ctl.signal }) : undefined;
    const project: Projector | undefined = given
      ?? (pool ? (j, y) => pool.run('projectScenario', [j, y], { signal: ctl.signal }) : undefined);
    if (!project) return;
    const state: RangeState = { status: 'running', done: 0, total: 0, input, years };
    this.ranges[id] = state;
    const promise = projectionRanges(JSON.parse(input) as ScenarioJson, years, project, {
      samples: this.rangeSamples, seed: DEFAULT_RANGE_SEED, signal: ctl.signal, batch, concurrency: pool ? 2 * pool.size : 4,
      onProgress: (done, total) => { if (this.ranges[id] !== state) return; state.done = done; state.total = total; this.changed(); },
    });
    const job: Started<ProjectionRanges> = { promise, cancel: () => ctl.abort() };
    this.jobs.set(key, job);
    promise.then(
      (result) => {
        if (this.ranges[id] !== state) return;
        this.ranges[id] = ctl.signal.aborted ? { ...state, status: 'cancelled' } : { ...state, status: 'done', result };
      },
      (e: Error) => {
        if (this.ranges[id] !== state) return;
        const cancelled = ctl.signal.aborted;
        this.ranges[id] = { ...state, status: cancelled ? 'cancelled' : 'error', ...(cancelled ? {} : { error: e?.message ?? String(e) }) };
      },
    ).finally(() => {
      if (this.jobs.get(key) === job) this.jobs.delete(key);
      this.changed();
    });
    this.changed();
  }

  /**
   * Imports a JSON file. All-or-nothing: if any scenario in it is not readable or not valid, nothing is added and the
   * saved scenarios stay exactly as they were.
   */
  importText(text: string, fileName = 'file'): { ok: boolean; message: string } {
    let list: ScenarioJson[];
    try {
      list = scenariosInFile(text);
      const bad = list.map((j, i) => ({ i, issues: validate(j) })).find((x) => x.issues.length > 0);
      if (bad) {
        const where = list.length > 1 ? `scenario ${bad.i + 1}: ` : '';
        throw new Error(`${where}${bad.issues[0]!.field}: ${bad.issues[0]!.message}`);
      }
    } catch (e) {
      const message = `Import of ${fileName} failed, nothing was changed: ${e instanceof Error ? e.message : String(e)}`;
      this.notice = { kind: 'error', text: message };
      this.changed();
      return { ok: false, message };
    }
    // A scenario identical to a saved one (e.g. an export re-imported after the bundled ones were seeded again) is not
    // added a second time: it would only reappear as "name (2)".
    let last = '';
    let added = 0;
    for (const j of list) {
      const same = this.findSame(j);
      if (same) { last = same.id; continue; }
      last = this.add(j);
      added++;
    }
    this.selectedId = last;
    const skipped = list.length - added;
    const plural = (n: number) => `${n} scenario${n === 1 ? '' : 's'}`;
    const message = `Imported ${plural(added)} from ${fileName}${skipped ? `; ${plural(skipped)} already saved here (identical) ${skipped === 1 ? 'was' : 'were'} not added again` : ''}.`;
    this.notice = { kind: 'info', text: message };
    this.changed();
    return { ok: true, message };
  }

  exportText(ids: string[] = this.scenarios.map((s) => s.id)): string {
    return exportJson(ids.map((id) => this.byId(id)).filter((s): s is SavedScenario => !!s).map((s) => s.json));
  }
}
