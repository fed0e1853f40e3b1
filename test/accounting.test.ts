// Accounting arithmetic against hand calculations, on synthetic schedules and methane series (no simulation needed).
import { describe, expect, it } from 'vitest';
import { annualAccount } from '../src/accounting/annual.js';
import { energyBlock, heatDemand_kWh } from '../src/accounting/energy.js';
import { dailyVolumes, toNormal } from '../src/accounting/gas.js';
import { healthOver } from '../src/accounting/health.js';
import { deliverySchedule } from '../src/collection/schedule.js';
import { dailyFeed, feedStreams } from '../src/collection/feed.js';
import { parseScenario } from '../src/scenario/parse.js';

const scenario = (over: Record<string, unknown> = {}) => parseScenario({
  schema: 'adsim-scenario/1', name: 't', comment: 'test',
  areas: [{ name: 'A', bins: 100, fill_per_bin: '10 kg/week' }],
  collection: { frequency: 'weekly', round_length: '30 km', distance_to_site: '10 km', vehicle_emission: '0.3 kg/km', cost_per_emptying: 4 },
  bags: { mass_fraction: '5 %' },
  depackaging: { faeces_in_reject: '10 %' },
  digester: { V_liq: 100, V_gas: 10, T: '37 degC', feed_TS: '10 %', ambient_T: '10 degC', heat_loss: '20 %' },
  gas_use: { kind: 'chp', eta_el: 0.38, eta_th: 0.45, parasitic_fraction: '8 %', availability: '90 %', methane_slip: '2 %', heat_sold_fraction: 0 },
  today: { route: 'efw', gate_fee_per_t: 100, emission_factor: '10 kg/t' },
  prices: { export_electricity: '£65/MWh', heat: 0.04 },
  grid_carbon: '0.2 kg/kWh',
  household_electricity: '2700 kWh/yr',
  ...over,
});

describe('energy', () => {
  it('CHP electricity and heat from methane, by hand', () => {
    const s = scenario();
    const e = energyBlock(s, 365_000, 0);
    // 365,000 Nm3 CH4: 2 % slips; 357,700 Nm3 x 9.94 kWh = 3,555,538 kWh; x 0.9 availability x 0.38 = 1,215,994 kWh_e.
    expect(e.methane_slip_Nm3).toBeCloseTo(7300, 6);
    expect(e.ch4_energy_kWh).toBeCloseTo(3_555_538, 3);
    expect(e.electricity_gross_kWh).toBeCloseTo(1_215_993.996, 3);
    expect(e.parasitic_kWh).toBeCloseTo(97_279.52, 2);
    expect(e.electricity_net_kWh).toBeCloseTo(1_118_714.476, 2);
    expect(e.heat_kWh).toBeCloseTo(1_439_992.89, 2);
    expect(e.heat_deficit_kWh).toBe(0);
  });

  it('a flare makes no electricity or heat but still slips methane', () => {
    const e = energyBlock(scenario({ gas_use: { kind: 'flare' } }), 1000, 0);
    expect(e.electricity_gross_kWh).toBe(0);
    expect(e.heat_kWh).toBe(0);
    expect(e.methane_slip_Nm3).toBeGreaterThan(0);
  });

  it('heat demand of the digester and the pasteuriser, by hand', () => {
    // 1000 m3 from 10 C to 37 C: 1000 x 1.163 x 27 = 31,401 kWh, + 20 % losses = 37,681.2 kWh.
    expect(heatDemand_kWh(scenario(), 1000)).toBeCloseTo(37_681.2, 6);
    // Pasteurised at 70 C with 50 % recovery: 1000 x 1.163 x 60 x 0.5 = 34,890; feed enters at 40 C (> 37, no warming); losses 6,280.2.
    const p = scenario({ digester: { V_liq: 100, V_gas: 10, T: '37 degC', ambient_T: '10 degC', heat_loss: '20 %', pasteurisation: { T: '70 degC', heat_recovery: '50 %' } } });
    expect(heatDemand_kWh(p, 1000)).toBeCloseTo(34_890 + 6_280.2, 6);
  });
});

describe('gas integration', () => {
  it('integrates sampled flows day by day (trapezoid) and converts to normal conditions', () => {
    const t = Float64Array.from([0, 0.5, 1, 1.5, 2]);
    const q = Float64Array.from([0, 10, 20, 20, 20]);
    const v = dailyVolumes(t, q, 2);
    expect(v[0]).toBeCloseTo(2.5 + 7.5, 12);
    expect(v[1]).toBeCloseTo(20, 12);
    expect(toNormal(310.15, 1.013)).toBeCloseTo((273.15 / 310.15) * (1.013 / 1.01325), 12);
  });
});

describe('annualAccount', () => {
  it('tonnes, energy, carbon and money over a year against a hand calculation', () => {
    const s = scenario();
    const days = 10 + 365;
    const sc = deliverySchedule(s, days, { faeces_VS_FM: 0.216 });
    const feed = dailyFeed(s, sc, feedStreams(s));
    const methane = new Float64Array(days).fill(40);   // synthetic: 40 Nm3/d
    const biogas = new Float64Array(days).fill(70);
    const a = annualAccount({ scenario: s, schedule: sc, feed, gas: { methane_Nm3: methane, biogas_Nm3: biogas }, year: 1, from_d: 10, to_d: days });
    // Weekly from day 0: collections on days 14..371 inside [10, 375) -> 52 emptyings of 100 bins x 10 kg.
    expect(a.dog_waste_collected_t).toBeCloseTo(52, 9);
    expect(a.bags_t).toBeCloseTo(2.6, 9);
    expect(a.reject_t).toBeCloseTo(2.6 + 0.1 * 49.4, 9);
    expect(a.to_today_route_t).toBeCloseTo(a.reject_t, 12);
    expect(a.dog_waste_fed_t).toBeCloseTo(49.4 * 0.9, 9);
    expect(a.methane_Nm3).toBeCloseTo(14_600, 9);
    expect(a.biogas_Nm3).toBeCloseTo(25_550, 9);
    // Electricity: 14,600 x 0.98 x 9.94 x 0.9 x 0.38 = 48,640 kWh gross; net x 0.92.
    const gross = 14_600 * 0.98 * 9.94 * 0.9 * 0.38;
    expect(a.electricity_gross_kWh).toBeCloseTo(gross, 6);
    expect(a.electricity_net_kWh).toBeCloseTo(gross * 0.92, 6);
    expect(a.homes_equivalent).toBeCloseTo((gross * 0.92) / 2700, 9);
    // Carbon: 52 rounds x (30 + 2 x 10) km x 0.3 kg = 780 kg; disposal 7.54 t x 10 kg; slip 292 Nm3 x 0.717 x 27; grid credit.
    expect(a.co2e_transport_t).toBeCloseTo(0.78, 9);
    expect(a.co2e_disposal_t).toBeCloseTo(7.54 * 0.01, 9);
    expect(a.co2e_methane_slip_t).toBeCloseTo((292 * 0.717 * 27) / 1000, 9);
    expect(a.co2e_avoided_grid_t).toBeCloseTo((gross * 0.92 * 0.2) / 1000, 9);
    expect(a.co2e_avoided_disposal_t).toBeCloseTo((52 - 7.54) * 0.01, 9);
    expect(a.co2e_net_t).toBeCloseTo(0.78 + 0.0754 + (292 * 0.717 * 27) / 1000 - (gross * 0.92 * 0.2) / 1000, 9);
    // Money: 5,200 emptyings x £4; disposal 7.54 t x £100; energy at £0.065/kWh.
    expect(a.collection_cost_gbp).toBeCloseTo(20_800, 9);
    expect(a.disposal_cost_gbp).toBeCloseTo(754, 9);
    expect(a.electricity_revenue_gbp).toBeCloseTo(gross * 0.92 * 0.065, 6);
    expect(a.avoided_gate_fees_gbp).toBeCloseTo((52 - 7.54) * 100, 9);
    expect(a.cost_net_gbp).toBeCloseTo(20_800 + 754 - gross * 0.92 * 0.065, 6);
    for (const [k, v] of Object.entries(a)) expect(Number.isFinite(v), k).toBe(true);
  });

  it('the baseline pays gate fee and landfill tax on everything and makes no energy', () => {
    const s = scenario({ destination: 'today', digester: undefined, today: { route: 'landfill', gate_fee_per_t: 26, landfill_tax_per_t: 126.15, emission_factor: '497 kg/t' } });
    const sc = deliverySchedule(s, 365, { faeces_VS_FM: 0.216 });
    const a = annualAccount({ scenario: s, schedule: sc, feed: null, gas: null, year: 1, from_d: 0, to_d: 365 });
    expect(a.dog_waste_collected_t).toBeCloseTo(53, 9);   // 53 weekly emptyings on days 0..364
    expect(a.disposal_cost_gbp).toBeCloseTo(53 * (26 + 126.15), 9);
    expect(a.co2e_disposal_t).toBeCloseTo(53 * 0.497, 9);
    expect(a.electricity_net_kWh).toBe(0);
    expect(a.co2e_avoided_disposal_t).toBe(0);
  });

  it('an existing plant is credited only with what the dog waste adds', () => {
    const s = scenario({ co_substrates: [{ feedstock: 'food-waste', rate: '10 t/d', existing: true }], digester: { V_liq: 3000, V_gas: 300, gate_fee_per_t: 24 } });
    const days = 365;
    const sc = deliverySchedule(s, days, { faeces_VS_FM: 0.216 });
    const st = feedStreams(s);
    const gas = { methane_Nm3: new Float64Array(days).fill(1100), biogas_Nm3: new Float64Array(days).fill(1800) };
    const ref = { methane_Nm3: new Float64Array(days).fill(1000), biogas_Nm3: new Float64Array(days).fill(1650) };
    const a = annualAccount({ scenario: s, schedule: sc, feed: dailyFeed(s, sc, st), referenceFeed: dailyFeed(s, sc, st, 'existing'), gas, referenceGas: ref, year: 1, from_d: 0, to_d: days });
    expect(a.methane_Nm3).toBeCloseTo(36_500, 6);
    expect(a.methane_plant_total_Nm3).toBeCloseTo(401_500, 6);
    expect(a.biogas_Nm3).toBeCloseTo(150 * 365, 6);
    expect(a.electricity_gross_kWh).toBeCloseTo(36_500 * 0.98 * 9.94 * 0.9 * 0.38, 4);
    expect(a.ad_gate_fee_gbp).toBeCloseTo(a.dog_waste_collected_t * 24, 9);
  });
});

describe('healthOver', () => {
  it('counts days with warnings once per day and reports ranges', () => {
    const t = Float64Array.from([0, 0.5, 1, 1.5, 2, 2.5]);
    const r = {
      t_d: t,
      series: {
        pH: Float64Array.from([7.2, 7.1, 6.6, 6.7, 7.3, 7.3]),
        VFA_kgCOD_m3: Float64Array.from([0.2, 0.3, 2.5, 0.1, 0.1, 0.1]),
        free_nh3_mgN_L: Float64Array.from([50, 60, 70, 80, 200, 90]),
        I_nh3: Float64Array.from([0.9, 0.9, 0.9, 0.9, 0.3, 0.9]),
        I_pH_ac: Float64Array.from([1, 1, 1, 1, 1, 1]),
      },
    };
    const h = healthOver(r, 0, 3);
    expect(h.pH_min).toBe(6.6);
    expect(h.pH_max).toBe(7.3);
    expect(h.VFA_max_kgCOD_m3).toBe(2.5);
    expect(h.free_nh3_max_mgN_L).toBe(200);
    expect(h.days_low_pH).toBe(1);
    expect(h.days_high_VFA).toBe(1);
    expect(h.days_high_free_nh3).toBe(1);
    expect(h.days_inhibited).toBe(1);
    expect(h.days_with_warning).toBe(2);
  });
});
