// Process behaviour the literature warns about: dog faeces alone gives high free ammonia; co-digestion with garden
// waste lowers it, food waste (also N-rich) much less. Same digester, same VS loading (2 kg VS/m3/d), 10 % TS feed.
import { describe, expect, test } from 'vitest';
import { characteriseMixture, findFeedstock, type MixtureItem } from '../src/feed/index.js';
import { simulateDigester } from '../src/simulate/digester.js';
import type { Feedstock } from '../models/feedstocks/types.js';

const V_liq = 100, OLR = 2;   // m3, kg VS/m3/d (wet CSTR typically 2-4)

/** Feedstocks sharing the VS load in the given proportions, diluted with water to 10 % TS. */
function mix(parts: Array<[Feedstock, number]>) {
  const items: MixtureItem[] = parts.map(([f, share]) => ({ feedstock: f, rate: (OLR * V_liq * share) / (f.TS.value * f.VS_TS.value) }));
  const dry = characteriseMixture(items);
  const water_m3_d = Math.max(0, (dry.report.TS_kg_d / 0.10 - dry.report.FM_kg_d) / 1000);
  const c = characteriseMixture(items, { water_m3_d, V_liq_m3: V_liq });
  const r = simulateDigester({
    digester: { V_liq_m3: V_liq, V_gas_m3: 10, T_op_K: 308.15 },
    feed: [{ time_d: 0, q_m3_d: c.influent.q_m3_d, state: c.influent.state }],
    parameters: c.parameters,
    days: 150, output_every_d: 5,
  });
  return { c, r, fan: r.final.free_nh3_mgN_L!, I_nh3: r.final.I_nh3! };
}

describe('free ammonia directions', () => {
  const dog = findFeedstock('dog-faeces'), garden = findFeedstock('garden-waste'), food = findFeedstock('food-waste');
  const alone = mix([[dog, 1]]);
  const withGarden = mix([[dog, 0.5], [garden, 0.5]]);
  const withFood = mix([[dog, 0.5], [food, 0.5]]);

  test('dog faeces alone: free NH3 well above the inhibition constant, with a warning', () => {
    expect(alone.c.report.OLR_kgVS_m3_d).toBeCloseTo(OLR, 9);
    expect(alone.fan).toBeGreaterThan(2 * 25);   // K_I_nh3 = 0.0018 kmol N/m3 = 25 mg N/L
    expect(alone.I_nh3).toBeLessThan(0.5);
    expect(alone.r.warnings.join(' ')).toMatch(/ammonia/i);
  });
  test('garden waste lowers free NH3; food waste lowers it much less', () => {
    expect(withGarden.fan).toBeLessThan(0.8 * alone.fan);
    const dropGarden = alone.fan - withGarden.fan, dropFood = alone.fan - withFood.fan;
    expect(dropFood).toBeLessThan(0.5 * dropGarden);
    expect(withGarden.c.report.C_to_N).toBeGreaterThan(withFood.c.report.C_to_N);
  });
});
