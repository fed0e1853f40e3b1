// Checks on a scenario run: sizing checks on the mean feed (errors and warnings), per-year account warnings, no NaN.
import type { AnnualAccount } from '../accounting/annual.js';
import type { DailyFeed } from '../collection/feed.js';
import { InputError } from '../errors.js';
import { dv } from '../scenario/defaults.js';
import type { Scenario } from '../scenario/types.js';
import { formatGB } from '../units/format.js';

/** Sizing checks on the mean feed: a digester whose HRT is below methanogen washout is an error naming digester.V_liq. */
export function designChecks(s: Scenario, feed: DailyFeed, from: number, to: number): string[] {
  const w: string[] = [];
  let q = 0, vs = 0;
  for (let i = from; i < to; i++) { q += feed.q_m3[i]!; vs += feed.VS_t[i]!; }
  const n = to - from;
  const meanQ = q / n;
  const V = s.digester.V_liq_m3;
  if (meanQ > 0) {
    const hrt = V / meanQ;
    if (hrt < dv('washout_hrt_d')) {
      throw new InputError('digester.V_liq', `${V} m3 gives a hydraulic retention time of ${hrt.toFixed(1)} d for the mean feed of ${meanQ.toFixed(2)} m3/d, shorter than methanogen washout (~${dv('washout_hrt_d')} d); expected at least ${Math.ceil(meanQ * dv('hrt_warn_d'))} m3`);
    }
    if (hrt < dv('hrt_warn_d')) w.push(`digester.V_liq: HRT ${hrt.toFixed(1)} d is short (below ${dv('hrt_warn_d')} d); a larger digester would be more stable`);
  } else {
    w.push('digester: no feed reaches the digester (no bins, or everything rejected)');
  }
  const olr = (vs * 1000) / n / V;
  if (olr > dv('olr_warn_kgVS_m3_d')) w.push(`digester.V_liq: organic loading ${olr.toFixed(1)} kg VS/m3/d is above ${dv('olr_warn_kgVS_m3_d')} ([Banks2008]): risk of overload`);
  s.areas.forEach((a, i) => {
    const capacity = dv('bin_volume_L') * dv('bin_bulk_density_kg_L');
    const worst = a.fill.kind === 'per_emptying' ? a.fill.kg : a.fill.kg_d * (a.collection.frequency.kind === 'twice-weekly' ? 4 : intervalOf(a));
    if (worst > capacity) w.push(`areas[${i}].fill_per_bin: ${worst.toFixed(1)} kg per emptying is more than a ${dv('bin_volume_L')} L bin holds (~${capacity} kg): bins would overflow; collect more often`);
  });
  return w;
}

function intervalOf(a: Scenario['areas'][number]): number {
  const f = a.collection.frequency;
  return f.kind === 'weekly' ? 7 : f.kind === 'fortnightly' ? 14 : f.kind === 'every' ? f.every_d : 3.5;
}

export function accountWarnings(s: Scenario, a: AnnualAccount): string[] {
  const w: string[] = [];
  if (s.destination === 'digester' && a.heat_deficit_kWh > 1) {
    // Rounded down to 0.1 %: a deficit is never shown as "covers 100 %".
    const share = Math.floor((1000 * (a.heat_demand_kWh - a.heat_deficit_kWh)) / Math.max(a.heat_demand_kWh, 1e-9)) / 10;
    w.push(`year ${a.year}: the CHP's heat covers ${share.toFixed(1)} % of the heat demand (digester${s.digester.pasteurisation.enabled ? ' + pasteuriser' : ''}); ${formatGB(Number(a.heat_deficit_kWh.toPrecision(3)))} kWh must come from elsewhere (${s.economics.existing_plant ? "the plant operator's" : 'costed as backup heat in the OPEX'})`);
  }
  if (s.destination === 'digester' && a.electricity_net_kWh < 0) w.push(`year ${a.year}: parasitic load exceeds generation; the plant imports electricity`);
  return w;
}

/** No NaN or infinity may reach a user silently. */
export function checkFinite(accounts: AnnualAccount[]): void {
  for (const a of accounts) {
    for (const [k, v] of Object.entries(a)) {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`internal error: year ${a.year} ${k} is ${v}`);
    }
  }
}
