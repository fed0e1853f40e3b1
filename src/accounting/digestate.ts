// Digestate leaving the digester from the simulated mass balance: fresh feed + dilution water - biogas, its dry matter
// (solids fed - biogas mass) and nitrogen (all feed N stays in the liquid; ammonia in the gas is negligible).
import { sumRange } from '../collection/schedule.js';
import type { DailyFeed } from '../collection/feed.js';
import type { DailyGas } from './annual.js';

/** kg per Nm3 at 0 C and 1.01325 bar: methane 0.717 (ideal 16.04/22.414 = 0.716), CO2 1.977 (real gas). */
export const CH4_KG_NM3 = 0.717;
export const CO2_KG_NM3 = 1.977;

export interface DigestateMass {
  /** Fresh feed + dilution water in, t. */
  in_t: number;
  /** Biogas out (methane + CO2), t. */
  gas_t: number;
  wet_t: number;
  dry_t: number;
  N_t: number;
}

/** Mass balance over days [from, to). Biogas other than methane is counted as CO2 (H2 and H2S are traces). */
export function digestateOf(feed: DailyFeed | null | undefined, gas: DailyGas | null | undefined, from: number, to: number): DigestateMass {
  if (!feed) return { in_t: 0, gas_t: 0, wet_t: 0, dry_t: 0, N_t: 0 };
  const sum = (x: Float64Array | undefined) => (x ? sumRange(x, from, to) : 0);
  const in_t = sum(feed.feed_t) + sum(feed.water_m3);   // water at 1 t/m3
  const ch4 = sum(gas?.methane_Nm3);
  const co2 = Math.max(0, sum(gas?.biogas_Nm3) - ch4);
  const gas_t = (ch4 * CH4_KG_NM3 + co2 * CO2_KG_NM3) / 1000;
  // The gas is made from degraded solids (the water taken up in hydrolysis is neglected): dry matter falls by its mass.
  const dry_t = Math.max(0, sum(feed.TS_t) - gas_t);
  return { in_t, gas_t, wet_t: Math.max(0, in_t - gas_t), dry_t, N_t: sum(feed.N_kg) / 1000 };
}

/** a - b for each figure (what the dog waste adds to a plant that digests other waste already). */
export function subtractDigestate(a: DigestateMass, b: DigestateMass): DigestateMass {
  return { in_t: a.in_t - b.in_t, gas_t: a.gas_t - b.gas_t, wet_t: a.wet_t - b.wet_t, dry_t: a.dry_t - b.dry_t, N_t: a.N_t - b.N_t };
}
