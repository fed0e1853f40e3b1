// The research tools' state: one task each for sensitivity, uncertainty, calibration and BMP fits, with progress,
// cancellation and results. The analysis loops run here (cheap bookkeeping); every model run is a worker job.
import { localSensitivity, type LocalResult } from '../../../src/analysis/local.js';
import { morris, type MorrisResult } from '../../../src/analysis/morris.js';
import { sobol, type SobolResult } from '../../../src/analysis/sobol.js';
import { monteCarlo, type MonteCarloResult } from '../../../src/analysis/montecarlo.js';
import type { UncertainInput } from '../../../src/analysis/distributions.js';
import type { Point } from '../../../src/analysis/evaluate.js';
import type { DigesterFitResult } from '../../../src/analysis/digester-fit.js';
import type { BmpFitResult, BmpModel } from '../../../src/analysis/bmp-curve.js';
import type { MeasuredData } from '../../../src/analysis/measured.js';
import type { FeedstockBmpField, FeedstockBmpFitResult } from '../../../src/analysis/bmp-adm1.js';
import type { Feedstock } from '../../../models/feedstocks/types.js';
import type { DigesterRun } from '../../../src/simulate/types.js';
import { evaluatorFor, type ResearchModel } from './research-inputs.js';
import type { ResearchRunner } from './research-runner.js';

export type TaskName = 'sensitivity' | 'uncertainty' | 'fit' | 'bmp' | 'feedstock';
export type TaskStatus = 'running' | 'done' | 'error' | 'cancelled';

export interface TaskState<T> {
  status: TaskStatus;
  /** Runs finished and planned (fits report a fraction of their run budget instead). */
  done: number;
  total: number;
  fraction: number;
  result?: T;
  error?: string;
  /** Wall time from start to result, ms. */
  ms?: number;
  /** What the result was computed for (shown with it). */
  label: string;
  /** The model it was computed on, so a result still names it after the view's model choice changes. */
  subject?: { name: string; kind: ResearchModel['kind'] };
}

export interface SensitivitySpec {
  model: ResearchModel;
  method: 'local' | 'morris' | 'sobol';
  /** Morris and Sobol: the inputs and their ranges. Local: the same inputs, perturbed around `nominal`. */
  inputs: UncertainInput[];
  nominal: Point;
  trajectories: number;
  /** Sobol base sample N (runs = N(k+2)); unused by the other methods. */
  samples?: number;
  seed: number;
  relStep: number;
  outputs: string[];
}

export interface UncertaintySpec {
  model: ResearchModel;
  inputs: UncertainInput[];
  samples: number;
  seed: number;
}

export interface FitSpec {
  run: DigesterRun;
  data: MeasuredData;
  names: string[];
  bounds: Record<string, [number, number]>;
  maxEvaluations: number;
  /** The model the run belongs to (the BSM2 benchmark run), for the result's files. */
  subject?: { name: string; kind: ResearchModel['kind'] };
}

export interface BmpSpec {
  t_d: number[];
  B: number[];
  unit?: string;
  model: BmpModel;
}

export interface FeedstockBmpSpec {
  feedstock: Feedstock;
  t_d: number[];
  /** Measured cumulative yield converted to NL CH4/kg VS (the simulated assay's unit). */
  B_NL_kgVS: number[];
  fields: FeedstockBmpField[];
  /** Inoculum-to-substrate ratio, VS basis. */
  isr: number;
  /** Where the data came from, for the override's source. */
  source: string;
  maxEvaluations: number;
}

export interface Tasks {
  sensitivity?: TaskState<LocalResult | MorrisResult | SobolResult>;
  uncertainty?: TaskState<MonteCarloResult>;
  fit?: TaskState<DigesterFitResult>;
  bmp?: TaskState<BmpFitResult>;
  feedstock?: TaskState<FeedstockBmpFitResult>;
}

export class ResearchStore extends EventTarget {
  tasks: Tasks = {};
  private readonly runner: ResearchRunner;
  private readonly now: () => number;
  private readonly controllers = new Map<TaskName, AbortController>();

  constructor(runner: ResearchRunner, now: () => number = () => performance.now()) {
    super();
    this.runner = runner;
    this.now = now;
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }

  isRunning(task: TaskName): boolean {
    return this.tasks[task]?.status === 'running';
  }

  cancel(task: TaskName): void {
    this.controllers.get(task)?.abort();
  }

  /** Runs `work` as `task`: a fresh state, progress updates, and a settled state whether it succeeds, fails or is cancelled. */
  private start<K extends TaskName>(task: K, label: string, subject: TaskState<unknown>['subject'], work: (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<NonNullable<Tasks[K]>['result']>): Promise<void> {
    this.controllers.get(task)?.abort();
    const ctl = new AbortController();
    this.controllers.set(task, ctl);
    const t0 = this.now();
    const state = { status: 'running', done: 0, total: 0, fraction: 0, label, ...(subject ? { subject } : {}) } as NonNullable<Tasks[K]>;
    this.tasks[task] = state;
    this.changed();
    const progress = (done: number, total: number) => {
      if (this.tasks[task] !== state) return;
      state.done = done; state.total = total; state.fraction = total > 0 ? done / total : 0;
      this.changed();
    };
    return work(ctl.signal, progress).then(
      (result) => { if (this.tasks[task] === state) this.tasks[task] = { ...state, status: 'done', fraction: 1, result, ms: this.now() - t0 } as Tasks[K]; },
      (e: unknown) => {
        if (this.tasks[task] !== state) return;
        const cancelled = ctl.signal.aborted;
        this.tasks[task] = { ...state, status: cancelled ? 'cancelled' : 'error', ...(cancelled ? {} : { error: e instanceof Error ? e.message : String(e) }) } as Tasks[K];
      },
    ).finally(() => {
      if (this.controllers.get(task) === ctl) this.controllers.delete(task);
      this.changed();
    });
  }

  runSensitivity(spec: SensitivitySpec): Promise<void> {
    const label = `${{ local: 'local', morris: 'Morris', sobol: 'Sobol' }[spec.method]} sensitivity of ${spec.model.name}`;
    return this.start('sensitivity', label, { name: spec.model.name, kind: spec.model.kind }, (signal, progress) => {
      const evaluate = evaluatorFor(spec.model, this.runner, false, signal);
      const onProgress = (done: number, total: number) => { progress(done, total); return !signal.aborted; };
      const common = { concurrency: this.runner.concurrency, onProgress, outputs: spec.outputs };
      if (spec.method === 'local') {
        return localSensitivity(spec.nominal, spec.inputs.map((i) => i.name), evaluate, { ...common, relStep: spec.relStep });
      }
      if (spec.method === 'sobol') return sobol(spec.inputs, evaluate, { ...common, samples: spec.samples ?? 64, seed: spec.seed });
      return morris(spec.inputs, evaluate, { ...common, trajectories: spec.trajectories, seed: spec.seed });
    });
  }

  runUncertainty(spec: UncertaintySpec): Promise<void> {
    return this.start('uncertainty', `Monte Carlo of ${spec.model.name}`, { name: spec.model.name, kind: spec.model.kind }, (signal, progress) => {
      const evaluate = evaluatorFor(spec.model, this.runner, true, signal);
      return monteCarlo(spec.inputs, evaluate, {
        // Every sample's inputs and outputs are kept: the researcher downloads them (a few hundred rows at most).
        samples: spec.samples, seed: spec.seed, sampling: 'lhs', concurrency: this.runner.concurrency, keepSamples: true,
        onProgress: (done, total) => { progress(done, total); return !signal.aborted; },
      });
    });
  }

  runFit(spec: FitSpec): Promise<void> {
    return this.start('fit', `fit of ${spec.names.join(', ')}`, spec.subject, (signal, progress) =>
      this.runner.fitDigester(spec.run, spec.data, spec.names, { bounds: spec.bounds, maxEvaluations: spec.maxEvaluations },
        (f) => progress(Math.round(f * spec.maxEvaluations), spec.maxEvaluations), signal));
  }

  runBmp(spec: BmpSpec): Promise<void> {
    return this.start('bmp', `${spec.model} BMP fit`, undefined, (signal) => this.runner.fitBmp(spec.t_d, spec.B, spec.model, spec.unit, signal));
  }

  runFeedstockBmp(spec: FeedstockBmpSpec): Promise<void> {
    const { feedstock: f, maxEvaluations } = spec;
    return this.start('feedstock', `${f.name}: ${spec.fields.join(' and ')} fitted through the ADM1 BMP assay`, undefined, (signal, progress) =>
      this.runner.fitFeedstockBmp(f, spec.t_d, spec.B_NL_kgVS, { fields: spec.fields, assay: { isr: spec.isr }, source: spec.source, maxEvaluations },
        (x) => progress(Math.round(x * maxEvaluations), maxEvaluations), signal));
  }
}

/** Intent from the research elements to <adsim-app>, which applies it to the research store (events up, properties down). */
export type ResearchOp = 'runSensitivity' | 'runUncertainty' | 'runFit' | 'runBmp' | 'runFeedstockBmp' | 'cancel';
export interface ResearchActionDetail<K extends ResearchOp = ResearchOp> { op: K; args: Parameters<ResearchStore[K]> }

export function researchAct<K extends ResearchOp>(from: EventTarget, op: K, ...args: Parameters<ResearchStore[K]>): void {
  from.dispatchEvent(new CustomEvent<ResearchActionDetail<K>>('research-action', { detail: { op, args }, bubbles: true, composed: true }));
}
