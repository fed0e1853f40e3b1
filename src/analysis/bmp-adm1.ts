// Fits a feedstock record's ADM1 characterisation (its BMP and hydrolysis rate k_hyd) to a measured BMP curve through
// the simulated assay (src/bmp: inoculum bottle minus blank), and writes the user-feedstock override that updates it.
import { InputError, show } from '../errors.js';
import type { Feedstock, Sourced } from '../../models/feedstocks/types.js';
import { simulateBmp, type BmpOptions } from '../bmp/bmp.js';
import { adm1BmpLimit, unrounded } from '../feed/validate.js';
import { fitLeastSquares, type FitOptions, type FitParameter, type FitResult } from './fit.js';

/** Record fields the fit can vary. */
export const FEEDSTOCK_BMP_FIELDS = ['BMP', 'k_hyd'] as const;
export type FeedstockBmpField = (typeof FEEDSTOCK_BMP_FIELDS)[number];

export interface FeedstockBmpFitOptions extends FitOptions {
  /** Fields to fit; default both. */
  fields?: readonly FeedstockBmpField[];
  /** The simulated assay's settings (ISR, temperature, bottle); its length follows the data. */
  assay?: Omit<BmpOptions, 'days'>;
  /** Where the data came from, for the override's `source`. */
  source?: string;
}

export interface FeedstockBmpFitResult extends FitResult {
  feedstock: string;
  /** Record values before the fit. */
  record: Record<FeedstockBmpField, number>;
  /** The simulated assay with the fitted record, on its own output grid (NL CH4/kg VS). */
  curve: { t_d: number[]; B: number[] };
  /** A user-feedstock file (`--feedstocks`, docs/feedstocks.md) that sets the fitted values in the record. */
  override: { feedstocks: [{ id: string } & Partial<Record<FeedstockBmpField, Sourced>>] };
}

/** "NmL/gVS", "NL CH4/kg VS", "Nm3/t VS" -> factor to NL CH4/kg VS; null if the unit is not a specific yield. */
export function specificYieldFactor(unit: string): { factor: number; normal: boolean } | null {
  const m = /^(N?)(m3|L|l|mL|ml)\s*(CH4)?\s*\/\s*(g|kg|t)\s*(o?VS|oTS)$/.exec(unit.trim());
  if (!m) return null;
  const vol = { m3: 1000, L: 1, l: 1, mL: 1e-3, ml: 1e-3 }[m[2] as 'm3'] ;
  const mass = { g: 1e-3, kg: 1, t: 1000 }[m[4] as 'g'];
  return { factor: vol / mass, normal: m[1] === 'N' };
}

/**
 * How the override's low-high is set. The fit's 95 % interval is the uncertainty of this one curve's parameters (one
 * sample, one lab, replicate bottles at best), not the spread between batches of the waste, which the record's range
 * stands for; used as the range it would make every Monte Carlo range downstream falsely narrow. So the record's range
 * is kept, widened only as far as needed to hold the fitted value and its 95 % interval.
 */
export const FIT_RANGE_RULE = 'the range stays the record\'s (the spread between batches and sources, which one assay does not narrow), '
  + 'widened where needed to hold the fitted value and its 95 % interval';

const round4 = (v: number) => Number(v.toPrecision(4));

/** The override's low-high for a fitted field (FIT_RANGE_RULE); `kept` when the record's range already held the fit. */
export function fittedRange(rec: Sourced, value: number, ci95: readonly [number, number] | null | undefined): { low: number; high: number; kept: boolean } {
  const lo = Math.min(value, ci95?.[0] ?? value), hi = Math.max(value, ci95?.[1] ?? value);
  const low = round4(Math.min(rec.low, lo)), high = round4(Math.max(rec.high, hi));
  return { low: Math.min(low, round4(value)), high: Math.max(high, round4(value)), kept: lo >= rec.low && hi <= rec.high };
}

/** The record with the fitted values in place. */
export function withValues(f: Feedstock, values: Partial<Record<FeedstockBmpField, number>>): Feedstock {
  const out = { ...f };
  for (const [k, v] of Object.entries(values) as [FeedstockBmpField, number][]) out[k] = { ...f[k], value: v };
  return out;
}

/** Linear interpolation of a sampled curve at `t` (the assay's grid covers the data times). */
function interp(tg: ArrayLike<number>, yg: ArrayLike<number>, t: number): number {
  if (t <= tg[0]!) return yg[0]!;
  let i = 1;
  while (i < tg.length - 1 && tg[i]! < t) i++;
  const t0 = tg[i - 1]!, t1 = tg[i]!;
  return yg[i - 1]! + ((yg[i]! - yg[i - 1]!) * (t - t0)) / (t1 - t0 || 1);
}

/**
 * Fits the record's BMP (ultimate yield the characterisation turns into degradable COD) and k_hyd (first-order
 * hydrolysis of that COD) so the simulated assay's net curve matches `B_NL_kgVS` (NL CH4/kg VS, 0 C) at `t_d`.
 * Bounds: BMP from 1 to the most ADM1 makes of the composition (above it the simulated assay no longer changes, so
 * the fitted BMP would mean nothing), k_hyd 0.01-10 1/d (wider than the library's ranges, so a measurement is not
 * forced into an estimate). A curve that wants more than ADM1 can make ends with BMP held at that limit: a converged
 * fit, with a warning that says so and by how much the measurement is above it.
 */
export function fitFeedstockBmp(f: Feedstock, t_d: readonly number[], B_NL_kgVS: readonly number[], opts: FeedstockBmpFitOptions = {}): FeedstockBmpFitResult {
  const fields = [...(opts.fields ?? FEEDSTOCK_BMP_FIELDS)];
  if (fields.length === 0) throw new InputError('--fit', 'expected at least one of BMP, k_hyd');
  for (const x of fields) if (!FEEDSTOCK_BMP_FIELDS.includes(x)) throw new InputError('--fit', `expected BMP and/or k_hyd, got ${show(x)}`);
  if (t_d.length !== B_NL_kgVS.length) throw new InputError('data', `time and yield columns differ in length (${t_d.length} vs ${B_NL_kgVS.length})`);
  if (t_d.length < fields.length + 1) throw new InputError('data', `fitting ${fields.join(' and ')} needs at least ${fields.length + 1} points, got ${t_d.length}`);
  if (!(B_NL_kgVS.reduce((m, x) => Math.max(m, x), -Infinity) > 0)) throw new InputError('data', 'the yield column never rises above 0: nothing to fit');
  const tEnd = t_d[t_d.length - 1]!;
  if (!(tEnd > 0 && tEnd <= 365)) throw new InputError('data', `expected the last time in (0, 365] d, got ${tEnd}`);
  const days = Math.ceil(tEnd);
  const Bmax = B_NL_kgVS.reduce((m, x) => Math.max(m, x), -Infinity);
  const limit = adm1BmpLimit(f);
  const bmpHigh = limit.max_NL_kgVS;
  const start: Record<FeedstockBmpField, FitParameter> = {
    BMP: { name: 'BMP', unit: 'NL CH4/kg VS', initial: Math.min(bmpHigh * 0.99, Math.max(Bmax * 1.02, 2)), low: 1, high: bmpHigh },
    k_hyd: { name: 'k_hyd', unit: '1/d', initial: Math.min(10, Math.max(0.01, f.k_hyd.value)), low: 0.01, high: 10 },
  };
  const parameters = fields.map((x) => start[x]);
  const assay = (theta: number[]) => simulateBmp(withValues(f, Object.fromEntries(fields.map((x, j) => [x, theta[j]!]))), { ...opts.assay, days });
  const problem = {
    parameters,
    predict: (theta: number[]) => { const r = assay(theta); return t_d.map((t) => interp(r.t_d, r.net_NL_kgVS, t)); },
    data: B_NL_kgVS,
    groups: [{ name: 'B', start: 0, end: B_NL_kgVS.length, unit: 'NL CH4/kg VS', as_given: { unit: 'NL CH4/kg VS', factor: 1, basis: 'cumulative methane per kg VS added, dry, 0 C, 101.325 kPa' } }],
  };
  // An ODE model under the least-squares driver: a relative difference step well above the solver's error.
  const fit = fitLeastSquares(problem, { diffStep: 1e-3, ...opts });
  const theta = fit.parameters.map((p) => p.value);
  const bmpAtLimit = fit.parameters.find((p) => p.name === 'BMP' && p.atBound && p.value >= bmpHigh * (1 - 1e-9));
  if (bmpAtLimit) {
    // Not a failed fit: the data ask for more methane than ADM1 can make of this composition after biomass growth.
    fit.warnings = fit.warnings.filter((w) => !w.startsWith('BMP ended at a bound'));
    fit.warnings.unshift(`BMP is held at the most ADM1 with its default biomass yields makes of this composition, ${unrounded(bmpHigh)} NL CH4/kg VS `
      + `(theoretical ${unrounded(limit.theoretical_NL_kgVS)}): the measured curve asks for more (it reaches ${unrounded(Bmax)}). `
      + `A record may carry the measured BMP up to the theoretical value; the simulated assay then falls short by the difference`);
  }
  const r = assay(theta);
  const entry: { id: string } & Partial<Record<FeedstockBmpField, Sourced>> = { id: f.id };
  fit.parameters.forEach((p, j) => {
    const x = fields[j]!;
    const range = fittedRange(f[x], p.value, p.ci95);
    const ci = p.ci95 ? `95 % interval of the fit ${round4(p.ci95[0])}-${round4(p.ci95[1])}` : 'no 95 % interval (parameter at a bound or not identifiable)';
    const source = `fit of the simulated ADM1 BMP assay to ${opts.source ?? 'a measured BMP curve'} (adsim fit-bmp --feedstock ${f.id}); `
      + `${ci}, the precision of this one curve; low-high ${range.kept ? 'kept from' : 'widened from'} the record's range ${round4(f[x].low)}-${round4(f[x].high)} `
      + `(${f[x].evidence}): ${FIT_RANGE_RULE}`;
    entry[x] = { value: round4(p.value), low: range.low, high: range.high, unit: f[x].unit, source, evidence: 'measured' };
  });
  return {
    ...fit, feedstock: f.id,
    record: { BMP: f.BMP.value, k_hyd: f.k_hyd.value },
    curve: { t_d: Array.from(r.t_d), B: Array.from(r.net_NL_kgVS) },
    override: { feedstocks: [entry] },
  };
}
