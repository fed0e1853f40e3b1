// Adapter to the feedstock characterisation (src/feed): feedstock + mass rate -> ADM1 influent, and the mixture's hydrolysis rates.
import type { Feedstock } from '../../models/feedstocks/index.js';
import { characterise, characteriseMixture } from '../feed/characterise.js';
import type { InfluentState } from '../simulate/types.js';

/** Influent for `kg_d` kg fresh mass per day of feedstock `f`, undiluted (src/feed's mapping, COD/N/C balanced). */
export function characteriseFeedstock(f: Feedstock, kg_d: number): { q_m3_d: number; state: InfluentState } {
  const c = characterise(f, { kind: 'mass', value: kg_d, unit: 'kg/d' });
  return { q_m3_d: c.influent.q_m3_d, state: { ...c.influent.state } };
}

/** First-order hydrolysis rates (1/d) for the mixture at its mean rates: degradable-COD-weighted feedstock k_hyd. */
export function mixtureHydrolysis(items: { feedstock: Feedstock; kg_d: number }[]): Record<string, number> {
  const used = items.filter((i) => i.kg_d > 0);
  if (used.length === 0) return {};
  const c = characteriseMixture(used.map((i) => ({ feedstock: i.feedstock, rate: { kind: 'mass', value: i.kg_d, unit: 'kg/d' } })));
  return { ...c.parameters };
}
