// Chart configurations for the research view: tornado (sensitivity), fan (Monte Carlo bands), fit against data,
// residuals, BMP curve. Pure functions from results to chart.js configs, Okabe-Ito colours, dashes as well as hue.
import { Chart, Filler, type ChartConfiguration } from 'chart.js';
import type { LocalResult } from '../../../src/analysis/local.js';
import type { MorrisResult } from '../../../src/analysis/morris.js';
import type { SobolResult } from '../../../src/analysis/sobol.js';
import type { Band } from '../../../src/analysis/montecarlo.js';
import type { DigesterFitResult } from '../../../src/analysis/digester-fit.js';
import type { BmpFitResult } from '../../../src/analysis/bmp-curve.js';
import { colour, dash } from './palette.js';
import { NORMAL_BASIS } from '../fields/basis.js';

// Bands are filled areas between two lines.
Chart.register(Filler);

/** A bar per input, largest influence on top: mu* and sigma for Morris, S1 and ST for Sobol, the signed normalised
 *  coefficient S for local. */
export function tornadoConfig(r: LocalResult | MorrisResult | SobolResult, output: string, max = 15): ChartConfiguration {
  if (r.method === 'sobol') {
    const list = (r.outputs[output]?.indices ?? []).slice(0, max);
    return {
      type: 'bar',
      data: {
        labels: list.map((x) => x.input),
        datasets: [
          { label: 'ST (total: alone and with others)', data: list.map((x) => (Number.isFinite(x.ST) ? x.ST : 0)), backgroundColor: colour(0) },
          { label: 'S1 (first order: alone)', data: list.map((x) => (Number.isFinite(x.S1) ? x.S1 : 0)), backgroundColor: colour(1) },
        ],
      },
      options: { indexAxis: 'y', plugins: { title: { display: true, text: `${output}: Sobol indices (N = ${r.N})` } },
        scales: { x: { title: { display: true, text: `share of the variance of ${output} (0 to 1)` } } } },
    };
  }
  if (r.method === 'morris') {
    const list = (r.ranked[output] ?? []).filter((x) => Number.isFinite(x.muStar)).slice(0, max);
    return {
      type: 'bar',
      data: {
        labels: list.map((x) => x.factor),
        datasets: [
          { label: 'mu* (mean |elementary effect|)', data: list.map((x) => x.muStar), backgroundColor: colour(0) },
          { label: 'sigma (non-linearity, interactions)', data: list.map((x) => (Number.isFinite(x.sigma) ? x.sigma : 0)), backgroundColor: colour(1) },
        ],
      },
      options: { indexAxis: 'y', plugins: { title: { display: true, text: `${output}: Morris screening (${r.trajectories} trajectories)` } },
        scales: { x: { title: { display: true, text: `change in ${output} over each input's range` } } } },
    };
  }
  const list = (r.ranked[output] ?? []).slice(0, max);
  const vals = list.map((x) => x.S ?? 0);
  return {
    type: 'bar',
    data: {
      labels: list.map((x) => x.parameter),
      datasets: [{ label: 'S = (dy/y)/(dp/p)', data: vals, backgroundColor: vals.map((v) => (v >= 0 ? colour(0) : colour(5))) }],
    },
    options: { indexAxis: 'y', plugins: { title: { display: true, text: `${output}: local normalised sensitivity (blue raises, vermilion lowers)` } },
      scales: { x: { title: { display: true, text: 'S (a 1 % change in the input moves the output by S %)' } } } },
  };
}

/** P10-P90 band and P50 line of a daily series over time. */
export function fanConfig(t: ArrayLike<number>, band: Band, label: string, unit: string): ChartConfiguration {
  const pts = (ys: number[]) => ys.map((y, i) => ({ x: t[i]!, y }));
  return {
    type: 'line',
    data: {
      datasets: [
        { label: 'P10', data: pts(band.p10), borderColor: colour(4), borderWidth: 1, pointRadius: 0, fill: false },
        { label: 'P10-P90 band', data: pts(band.p90), borderColor: colour(4), borderWidth: 1, pointRadius: 0, fill: '-1', backgroundColor: 'rgba(86,180,233,0.35)' },
        { label: 'P50 (median)', data: pts(band.p50), borderColor: colour(0), borderWidth: 2, pointRadius: 0, fill: false },
      ],
    },
    options: {
      plugins: { title: { display: true, text: `${label}: P10-P90 across Monte Carlo samples` } },
      scales: { x: { type: 'linear', title: { display: true, text: 'day' } }, y: { title: { display: true, text: unit } } },
    },
  };
}

/** A fitted series with the unit to show: the data's own (Nm3/d for flows given at normal conditions). */
export type ShownSeries = Pick<DigesterFitResult['series'][number], 'column' | 't_d' | 'data' | 'model'> & { unit: string };

/** Measured points and the fitted model of one series. */
export function fitConfig(s: ShownSeries, curve?: { t_d: number[]; y?: number[] }): ChartConfiguration {
  const datasets: ChartConfiguration<'line'>['data']['datasets'] = [
    { label: `${s.column} measured`, data: s.t_d.map((x, i) => ({ x, y: s.data[i]! })), showLine: false, pointRadius: 3, borderColor: colour(5), backgroundColor: colour(5) },
    { label: 'model at the measurement times', data: s.t_d.map((x, i) => ({ x, y: s.model[i]! })), borderColor: colour(0), borderDash: dash(1), pointRadius: 0 },
  ];
  if (curve?.y) datasets.push({ label: 'fitted model', data: curve.t_d.map((x, i) => ({ x, y: curve.y![i]! })), borderColor: colour(0), pointRadius: 0, borderWidth: 2 });
  return {
    type: 'line', data: { datasets },
    options: { plugins: { title: { display: true, text: `${s.column}: fit against data` } },
      scales: { x: { type: 'linear', title: { display: true, text: 'day' } }, y: { title: { display: true, text: s.unit } } } },
  };
}

/**
 * Residuals (measured minus model) of one series over time, on its own axis in its own unit: series of different
 * scales (methane +/-60 Nm3/d, pH +/-0.01) sharing one axis would flatten the small one. A zero line for reference.
 */
export function residualConfig(s: ShownSeries): ChartConfiguration {
  const t0 = s.t_d[0] ?? 0, t1 = s.t_d[s.t_d.length - 1] ?? 1;
  return {
    type: 'line',
    data: {
      datasets: [
        { label: `${s.column}: measured minus model`, data: s.t_d.map((x, i) => ({ x, y: s.data[i]! - s.model[i]! })),
          showLine: false, pointRadius: 3, borderColor: colour(5), backgroundColor: colour(5) },
        { label: 'zero', data: [{ x: t0, y: 0 }, { x: t1, y: 0 }], borderColor: '#777', borderDash: dash(1), borderWidth: 1, pointRadius: 0 },
      ],
    },
    options: { plugins: { title: { display: true, text: `Residuals of ${s.column}` } },
      scales: { x: { type: 'linear', title: { display: true, text: 'day' } }, y: { title: { display: true, text: `residual (${s.unit})` } } } },
  };
}

/** Measured cumulative yield and the fitted BMP curve. */
export function bmpConfig(t_d: number[], B: number[], fit: BmpFitResult, unit: string): ChartConfiguration {
  return {
    type: 'line',
    data: {
      datasets: [
        { label: 'measured', data: t_d.map((x, i) => ({ x, y: B[i]! })), showLine: false, pointRadius: 3, borderColor: colour(5), backgroundColor: colour(5) },
        { label: `${fit.model} fit`, data: fit.curve.t_d.map((x, i) => ({ x, y: fit.curve.B[i]! })), borderColor: colour(0), pointRadius: 0, borderWidth: 2 },
      ],
    },
    options: { plugins: { title: { display: true, text: `BMP curve: ${fit.model}` } },
      scales: { x: { type: 'linear', title: { display: true, text: 'day' } }, y: { title: { display: true, text: unit || 'cumulative yield' } } } },
  };
}

/** Measured yield (converted to NL CH4/kg VS) and the simulated ADM1 assay with the fitted record. */
export function feedstockBmpConfig(t_d: number[], B_NL_kgVS: number[], curve: { t_d: number[]; B: number[] }, name: string): ChartConfiguration {
  return {
    type: 'line',
    data: {
      datasets: [
        { label: 'measured', data: t_d.map((x, i) => ({ x, y: B_NL_kgVS[i]! })), showLine: false, pointRadius: 3, borderColor: colour(5), backgroundColor: colour(5) },
        { label: 'simulated ADM1 assay, fitted record', data: curve.t_d.map((x, i) => ({ x, y: curve.B[i]! })), borderColor: colour(0), pointRadius: 0, borderWidth: 2 },
      ],
    },
    options: { plugins: { title: { display: true, text: `${name}: BMP assay with the fitted record` } },
      scales: { x: { type: 'linear', title: { display: true, text: 'day' } }, y: { title: { display: true, text: `NL CH4/kg VS (${NORMAL_BASIS})` } } } },
  };
}
