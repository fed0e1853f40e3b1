// One plain sentence per scenario against its baseline: money over the plant life (with its likely range), carbon,
// payback and the switching condition. Shown above every table (`adsim scenario`, `adsim compare`).
import type { AnnualAccount } from '../accounting/annual.js';
import type { Scenario } from '../scenario/types.js';
import type { Economics, SwitchingValue } from './types.js';
import { formatGB } from '../units/format.js';

/** "£1.1 M", "£56,400", "£820": money for people, 2-3 significant figures. */
export function money(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e6) return `£${formatGB(Number((a / 1e6).toPrecision(2)))} M`;
  return `£${formatGB(Number(a.toPrecision(3)))}`;
}

const tonnes = (x: number) => formatGB(Number(Math.abs(x).toPrecision(2)));

/** Inputs named first in the switching condition: the ones a council can check or change. */
const ORDER = ['areas[*].fill_per_bin', 'feedstocks.dog-faeces.BMP', 'CAPEX', 'today.gate_fee_per_t', 'prices.export_electricity'];

export function verdictOf(s: Scenario, e: Economics, a: AnnualAccount): string {
  if (s.destination !== 'digester') {
    return `This is today's route for these bins, the baseline the other scenarios are measured against: it costs ${money(a.cost_net_gbp)} a year and emits ${tonnes(a.co2e_net_t)} t CO2e a year.`;
  }
  const L = e.lifetime_yr;
  const worse = e.npv_gbp < 0;
  const r = e.ranges?.npv_gbp;
  // From too few samples the range is said to be rough in the same breath (MIN_PERCENTILE_SAMPLES, docs/limits.md).
  const rough = e.ranges?.caution ? `, a rough guide from only ${e.ranges.samples} samples` : '';
  const range = r ? `; likely ${rangeText(r.p10, r.p90, worse)}${rough}` : '';
  const money1 = worse ? `costs ${money(e.npv_gbp)} more than sending the same bins to today's route` : `saves ${money(e.npv_gbp)} against sending the same bins to today's route`;
  const co2 = e.co2e_saved_life_t >= 0 ? `saves ${tonnes(e.co2e_saved_life_t)} t CO2e` : `adds ${tonnes(e.co2e_saved_life_t)} t CO2e`;
  const pay = e.payback_yr === null ? 'it never pays back within the plant life'
    : e.capex_gbp === 0 ? 'there is no plant to build' : `it pays back in year ${e.payback_yr}`;
  const sw = e.switching_values.filter((v) => v.value !== null && !(v.input === 'CAPEX' && worse && v.value <= 0))
    .sort((x, y) => rank(x) - rank(y)).slice(0, 2);
  const cond = sw.length === 0
    ? (worse ? 'no single input within its range makes it break even' : 'it stays ahead over the range of each input tested')
    : `${worse ? 'it breaks even only if' : 'it stops paying if'} ${sw.map(condition).join(', or ')}`;
  // The default-input NPV outside or at one end of its range is said plainly (projection-ranges.ts centralNote).
  const note = e.ranges?.note ? ` ${e.ranges.note}` : '';
  return `Over ${L} years this ${money1} (NPV at ${pctText(e)}${range}) and ${co2}; ${pay}; ${cond}.${note}`;
}

function rank(v: SwitchingValue): number {
  const i = ORDER.indexOf(v.input);
  return i < 0 ? ORDER.length : i;
}

/** The condition part of a switching value's text ("it breaks even if X" -> "X"). */
function condition(v: SwitchingValue): string {
  return v.text.replace(/^it (breaks even|stops paying) if /, '').replace(/ \((estimate|now) [^)]*\)$/, '');
}

function rangeText(p10: number, p90: number, worse: boolean): string {
  const lo = Math.min(p10, p90), hi = Math.max(p10, p90);
  if (worse && hi <= 0) return `${money(hi)}-${money(lo).replace('£', '')} more`;
  if (!worse && lo >= 0) return `${money(lo)}-${money(hi).replace('£', '')} saved`;
  return `between ${money(lo)} ${lo < 0 ? 'more' : 'saved'} and ${money(hi)} ${hi < 0 ? 'more' : 'saved'}`;
}

function pctText(e: Economics): string {
  const p = `${Math.round(e.discount_rate * 1000) / 10} %`;
  return e.discount_schedule === 'green-book' && e.lifetime_yr > 30 ? `${p}, 3 % after year 30` : p;
}
