// A feed list as written in run and scenario files: [{ "feedstock": "dog-faeces", "rate": "1.5 t/week" }, { "water": "2 m3/d" }].
import { InputError, show } from '../errors.js';
import { FEEDSTOCKS, type Feedstock } from '../../models/feedstocks/index.js';
import { findFeedstock } from './library.js';
import { parseRate } from '../units/quantity.js';
import { characteriseMixture, parseWaterRate_m3_d, type Characterisation, type MixtureItem } from './characterise.js';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Parses and characterises a feed list. Each item is a feedstock at a rate, or dilution water. */
export function characteriseFeedList(feed: unknown, field = 'feed', library: readonly Feedstock[] = FEEDSTOCKS, V_liq_m3?: number): Characterisation {
  if (!Array.isArray(feed) || feed.length === 0) {
    throw new InputError(field, `expected a list like [{"feedstock": "dog-faeces", "rate": "1.5 t/week"}], got ${show(feed)}`);
  }
  const items: MixtureItem[] = [];
  let water = 0;
  feed.forEach((it, i) => {
    const f = `${field}[${i}]`;
    if (!isObj(it)) throw new InputError(f, `expected {"feedstock": ..., "rate": ...} or {"water": ...}, got ${show(it)}`);
    for (const k of Object.keys(it)) {
      if (!['feedstock', 'rate', 'water', 'comment'].includes(k)) throw new InputError(`${f}.${k}`, 'unknown field; expected feedstock, rate, water or comment');
    }
    if ('water' in it) {
      if ('feedstock' in it) throw new InputError(f, 'give either a feedstock with a rate or water, not both');
      const w = parseWaterRate_m3_d(it.water, `${f}.water`);
      water += w;
      return;
    }
    if (it.rate === undefined) throw new InputError(`${f}.rate`, 'expected a rate such as "1.5 t/week" or "2 m3/d"');
    items.push({ feedstock: findFeedstock(it.feedstock, library, `${f}.feedstock`), rate: parseRate(it.rate, `${f}.rate`) });
  });
  if (items.length === 0) throw new InputError(field, 'expected at least one feedstock with a rate');
  return characteriseMixture(items, { water_m3_d: water, ...(V_liq_m3 !== undefined ? { V_liq_m3 } : {}) }, field);
}

