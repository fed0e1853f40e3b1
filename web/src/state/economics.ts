// The whole-life economics of a scenario result (the engine's appraisal), read defensively: absent until the engine has it.
import type { ResultLike } from './verdict.js';

export interface Economics {
  capex_gbp?: number;
  capex_items: Array<{ item: string; gbp: number; source?: string }>;
  optimism_bias_gbp?: number;
  opex_gbp_yr?: number;
  lifetime_yr?: number;
  discount_rate?: number;
  cashflows_gbp: number[];
  npv_gbp?: number;
  npv_with_carbon_gbp?: number;
  /** null: never pays back within the plant life. */
  payback_yr: number | null | undefined;
  annualised_cost_gbp_yr?: number;
  cost_per_t_diverted_gbp?: number;
  switching_values: Array<{ input: string; value: number | null; unit?: string }>;
  digestate?: { wet_t?: number; dry_t?: number; N_t?: number; value_gbp?: number };
}

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** The result's economics, or undefined when the engine gave none (then nothing is shown as if it had). */
export function economicsOf(r: ResultLike | undefined): Economics | undefined {
  const e = r?.economics as Record<string, unknown> | undefined;
  if (!e || typeof e !== 'object') return undefined;
  const d = (r as { digestate?: Record<string, unknown> }).digestate;
  const items = Array.isArray(e.capex_items) ? (e.capex_items as Array<Record<string, unknown>>).filter((i) => num(i.gbp) !== undefined)
    .map((i) => ({ item: String(i.item ?? ''), gbp: i.gbp as number, ...(typeof i.source === 'string' ? { source: i.source } : {}) })) : [];
  const sw = Array.isArray(e.switching_values) ? (e.switching_values as Array<Record<string, unknown>>)
    .map((v) => ({ input: String(v.input ?? ''), value: num(v.value) ?? null, ...(typeof v.unit === 'string' ? { unit: v.unit } : {}) })) : [];
  const pick = (k: string) => num(e[k]);
  return {
    capex_gbp: pick('capex_gbp'), capex_items: items, optimism_bias_gbp: pick('optimism_bias_gbp'), opex_gbp_yr: pick('opex_gbp_yr'),
    lifetime_yr: pick('lifetime_yr'), discount_rate: pick('discount_rate'),
    cashflows_gbp: Array.isArray(e.cashflows_gbp) ? (e.cashflows_gbp as unknown[]).map((x) => num(x) ?? 0) : [],
    npv_gbp: pick('npv_gbp'), npv_with_carbon_gbp: pick('npv_with_carbon_gbp'),
    payback_yr: e.payback_yr === null ? null : pick('payback_yr'),
    annualised_cost_gbp_yr: pick('annualised_cost_gbp_yr'), cost_per_t_diverted_gbp: pick('cost_per_t_diverted_gbp'), switching_values: sw,
    ...(d && typeof d === 'object' ? { digestate: { wet_t: num(d.wet_t), dry_t: num(d.dry_t), N_t: num(d.N_t), value_gbp: num(d.value_gbp) } } : {}),
  };
}

/** Cumulative discounted cash flow by year (year 0 = build), at the appraisal's discount rate. */
export function cumulativeDiscounted(e: Economics): number[] {
  const r = e.discount_rate ?? 0.035;
  let sum = 0;
  return e.cashflows_gbp.map((cf, t) => (sum += cf / (1 + r) ** t));
}

/** Payback in words: a year, or "never within the plant life" (never Infinity or a negative year). */
export function paybackText(e: Economics): string {
  if (e.payback_yr === null) return `never within the ${e.lifetime_yr ?? ''}${e.lifetime_yr ? '-year ' : ''}plant life`.replace('  ', ' ');
  if (e.payback_yr === undefined) return '–';
  return `year ${Math.round(e.payback_yr * 10) / 10}`;
}

/** P10 and P90 of the payback year from the ranges (null: never within the plant life in that share of simulations). */
export interface PaybackRange { p10: number | null; p90: number | null }

/**
 * The payback card in three parts, each said once: the year (or "never"), what it means, and the likely range when
 * it adds something (the central value is not repeated in words). Payback is the first year from which the
 * cumulative discounted cash flow against today's route stays at or above zero (year 0 is the build).
 */
export function paybackCard(e: Economics, r?: PaybackRange): { big: string; what: string; range?: string } {
  const life = e.lifetime_yr ? `the ${e.lifetime_yr}-year plant life` : 'the plant life';
  const year = (x: number) => `year ${Math.round(x * 10) / 10}`;
  if (e.payback_yr === undefined) return { big: '–', what: 'payback: not appraised' };
  const big = e.payback_yr === null ? 'never' : year(e.payback_yr);
  const what = e.payback_yr === null
    ? `payback: the savings do not repay the building cost within ${life}`
    : 'payback: the year the savings have repaid the building cost (discounted)';
  if (!r) return { big, what };
  const { p10, p90 } = r;
  let range: string;
  if (p10 === null && p90 === null) range = 'likely range: never, in at least 9 of 10 simulations';
  // "Within the plant life" is said once: in `what` when the central value is never, else here.
  else if (p10 !== null && p90 === null) range = `likely range: ${year(p10)} to never${e.payback_yr === null ? '' : ` within ${life}`}`;
  else if (p10 === null || p90 === null) range = `likely range: never to ${year((p10 ?? p90)!)}`;
  else if (Math.round(p10 * 10) === Math.round(p90 * 10)) range = `likely range: ${year(p10)} in at least 8 of 10 simulations`;
  else range = `likely range: ${year(Math.min(p10, p90))} to ${Math.round(Math.max(p10, p90) * 10) / 10}`;
  return { big, what, range };
}
