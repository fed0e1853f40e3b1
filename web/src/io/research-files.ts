// The files the research view offers for each result: CSV tables and one JSON document, built by src/export/research.ts
// (the same shapes `adsim sensitivity|uncertainty|fit --json` print), named after the result and the model.
import type { MonteCarloResult } from '../../../src/analysis/montecarlo.js';
import type { FitResult } from '../../../src/analysis/fit.js';
import { csvWithHeader } from '../../../src/export/csv.js';
import {
  bandRows, fitDocument, fitGroupRows, fitNotes, fitParameterRows, jsonText, monteCarloNotes, percentileRows, residualRows,
  sampleRows, sensitivityDocument, sensitivityNotes, sensitivityRows, uncertaintyDocument, type ResultSource, type SensitivityResult,
} from '../../../src/export/research.js';
import { slug } from './download.js';
import { FRACTION_BASIS, NORMAL_BASIS } from '../fields/basis.js';

export interface DownloadFile {
  /** Short id for the button ("ranking", "samples", "json"). */
  key: string;
  /** What the button says ("Ranking (CSV)"). */
  label: string;
  name: string;
  type: 'text/csv' | 'application/json';
  text: () => string;
}

/** What a result was computed on, as the files record it. */
export interface ResearchSubject {
  name: string;
  /** 'assay': a measured BMP curve, fitted on its own (no digester model behind it). */
  kind: 'digester-run' | 'scenario' | 'assay';
}

/** Scenario inputs lean on the dog-waste estimates: every file made from a scenario says so. */
export const ESTIMATE_CAVEAT = 'Dog faeces has no published standard BMP: its composition, methane potential and kinetics are derived estimates with ranges; replace them with lab data before relying on a number.';

const EVALUATION = 'web app worker pool';
/** The gas basis of every file's figures, in its header (names with Nm3 or NL carry no basis of their own). */
export const GAS_BASIS_NOTE = `Gas basis: normal volumes (Nm3, NL, NmL; e.g. q_ch4_Nm3_d, q_biogas_dry_Nm3_d, biogas_Nm3, methane_Nm3) are ${NORMAL_BASIS}; methane fractions (ch4_fraction_dry) are of ${FRACTION_BASIS} gas, CH4/(CH4+CO2); biogas_wet_Nm3 includes the water vapour`;
const source = (m: ResearchSubject & { kind: ResultSource['kind'] }): ResultSource => ({ file: m.name, kind: m.kind, evaluation: EVALUATION });
const KIND_WORDS = { scenario: 'scenario', 'digester-run': 'digester run', assay: 'BMP assay' } as const;
const notes = (m: ResearchSubject, extra: string[]) => [`${KIND_WORDS[m.kind]}: ${m.name}`, ...extra, GAS_BASIS_NOTE, ...(m.kind === 'scenario' ? [ESTIMATE_CAVEAT] : [])];
const csv = (key: string, label: string, name: string, rows: () => unknown[][], head: () => string[], date?: Date): DownloadFile =>
  ({ key, label, name, type: 'text/csv', text: () => csvWithHeader(rows(), head(), { date }) });
const json = (name: string, doc: () => unknown): DownloadFile => ({ key: 'json', label: 'Everything (JSON)', name, type: 'application/json', text: () => jsonText(doc()) });

export function sensitivityFiles(r: SensitivityResult, m: ResearchSubject & { kind: ResultSource['kind'] }, date?: Date): DownloadFile[] {
  const base = `adsim-${r.method}-${slug(m.name)}`;
  const label = r.method === 'sobol' ? 'Sobol indices (CSV)' : 'Ranking (CSV)';
  return [
    csv('ranking', label, `${base}.csv`, () => sensitivityRows(r), () => notes(m, sensitivityNotes(r)), date),
    json(`${base}.json`, () => sensitivityDocument(source(m), r)),
  ];
}

export function uncertaintyFiles(r: MonteCarloResult, m: ResearchSubject & { kind: ResultSource['kind'] }, date?: Date): DownloadFile[] {
  const base = `adsim-monte-carlo-${slug(m.name)}`;
  const head = () => notes(m, monteCarloNotes(r));
  const samples = sampleRows(r), bands = bandRows(r);
  return [
    csv('percentiles', 'Percentiles (CSV)', `${base}-percentiles.csv`, () => percentileRows(r), head, date),
    ...(samples ? [csv('samples', 'Every sample (CSV)', `${base}-samples.csv`, () => samples, head, date)] : []),
    ...(bands ? [csv('bands', 'Bands over time (CSV)', `${base}-bands.csv`, () => bands, head, date)] : []),
    json(`${base}.json`, () => uncertaintyDocument(source(m), r)),
  ];
}

/**
 * A fit's parameters (with intervals and each series' goodness of fit), its residuals and the whole result.
 * `t_d`: one time per measured point for fits that do not carry their own (BMP curves); `units` by series name.
 */
export function fitFiles(f: FitResult, what: string, m: ResearchSubject, data: string, opts: { t_d?: ArrayLike<number>; units?: Record<string, string>; date?: Date } = {}): DownloadFile[] {
  const base = `adsim-${slug(what)}-${slug(m.name)}`;
  const head = () => notes(m, fitNotes(f));
  return [
    csv('parameters', 'Fitted parameters (CSV)', `${base}-parameters.csv`, () => fitParameterRows(f), head, opts.date),
    csv('goodness', 'Goodness of fit (CSV)', `${base}-goodness.csv`, () => fitGroupRows(f), head, opts.date),
    csv('residuals', 'Residuals (CSV)', `${base}-residuals.csv`, () => residualRows(f, opts.t_d, opts.units), head, opts.date),
    json(`${base}.json`, () => fitDocument(m.name, data, f)),
  ];
}
