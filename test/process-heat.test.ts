// Seasonal heat balance: geometry and U-values, Cardiff monthly ambient (or a scenario's own), feed and water
// temperature by month, pasteurisation with heat recovery, CHP heat against demand month by month, backup boiler gas.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/parse.js';
import { geometryOf, heatYear, chpHeat_kWh_per_Nm3 } from '../src/accounting/heat.js';
import { CARDIFF_1991_2020_C, MONTH_DAYS, monthOfDay } from '../src/accounting/climate.js';
import { runScenario } from '../src/pipeline/run.js';

const root = new URL('..', import.meta.url).pathname;
const base = { schema: 'adsim-scenario/1', name: 'heat', comment: 'heat test', areas: [{ name: 'A', bins: 100 }] };
// A 150 m3 cylinder with D = H (V_liq + V_gas), 37 C, 4.1 m3/d of feed: the worked example of a small Welsh digester.
const s = parseScenario({ ...base, digester: { V_liq: 136.36, V_gas: 13.64, T: '37 degC' } });
const days = 365;
const q = new Float64Array(days).fill(4.1), water = new Float64Array(days).fill(2.0);

describe('seasonal heat balance', () => {
  it('a 150 m3 D = H cylinder at 37 C: January walls + roof 29 kWh/d, floor 5 kWh/d, feed warming 150 kWh/d', () => {
    const g = geometryOf(s);
    expect(g.diameter_m).toBeCloseTo(5.759, 3);
    expect(g.height_m).toBeCloseTo(g.diameter_m, 12);
    const h = heatYear({ scenario: s, q_m3: q, water_m3: water, methane_Nm3: new Float64Array(days), year: 1, from_d: 0, to_d: days });
    expect(h.ambient_C).toEqual(CARDIFF_1991_2020_C);
    expect(h.days).toEqual([...MONTH_DAYS]);
    expect(h.wall_roof_loss_kWh[0]! / 31).toBeCloseTo(0.3 * (g.wall_m2 + g.roof_m2) * (37 - 5.6) * 0.024, 9);
    expect(h.wall_roof_loss_kWh[0]! / 31).toBeCloseTo(29.4, 1);
    expect(h.wall_roof_loss_kWh[6]! / 31).toBeCloseTo(18.3, 1);        // July, 17.5 C
    expect(h.floor_loss_kWh[0]! / 31).toBeCloseTo(4.9, 1);             // to the annual mean 11.1 C
    expect(h.feed_warming_kWh[0]! / 31).toBeCloseTo(4.1 * 1.163 * (37 - 5.6), 6);
    expect(h.feed_warming_kWh[6]! / 31).toBeCloseTo(4.1 * 1.163 * (37 - 17.5), 6);
    // Flared or no gas: every kWh of demand is a deficit for the backup boiler, at its efficiency and the gas price.
    expect(h.deficit_kWh).toEqual(h.demand_kWh);
    expect(h.backup_gas_kWh[0]).toBeCloseTo(h.demand_kWh[0]! / 0.9, 9);
    expect(h.backup_heat_cost_gbp[0]).toBeCloseTo(h.demand_kWh[0]! / 0.9 * 0.06, 9);
  });

  it('feed and water temperatures by month, pasteurisation with recovery, and a scenario\'s own twelve ambient values', () => {
    const own = parseScenario({ ...base, digester: { V_liq: 100, T: '37 degC', pasteurisation: { T: '70 degC', heat_recovery: '50 %' },
      heating: { ambient_T_monthly: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], feed_T_monthly: 8, water_T_monthly: '12 degC', H_D: 2, U_wall: 0.2 } } });
    const h = heatYear({ scenario: own, q_m3: q, water_m3: water, methane_Nm3: new Float64Array(days), year: 1, from_d: 0, to_d: days });
    const T_in = (2.1 * 8 + 2.0 * 12) / 4.1;
    expect(h.feed_in_C[3]).toBeCloseTo(T_in, 9);
    expect(h.pasteuriser_kWh[3]! / 30).toBeCloseTo(4.1 * 1.163 * (70 - T_in) * 0.5, 6);
    expect(h.feed_warming_kWh[3]! / 30).toBeCloseTo(4.1 * 1.163 * Math.max(0, 37 - (70 - 0.5 * (70 - T_in))), 6);
    const g = geometryOf(own);
    expect(g.height_m / g.diameter_m).toBeCloseTo(2, 12);
    expect(h.wall_roof_loss_kWh[1]! / 28).toBeCloseTo((0.2 * g.wall_m2 + 0.3 * g.roof_m2) * (37 - 1) * 0.024, 9);
    expect(() => parseScenario({ ...base, digester: { V_liq: 100, heating: { ambient_T_monthly: [1, 2, 3] } } })).toThrow(/heating.ambient_T_monthly: expected twelve monthly values/);
    expect(() => parseScenario({ ...base, digester: { V_liq: 100, heating: { U_wal: 1 } } })).toThrow(/digester.heating.U_wal/);
  });

  it('CHP heat is balanced month by month: a summer surplus does not pay a winter deficit', () => {
    const ch4 = new Float64Array(days).fill(35);
    const h = heatYear({ scenario: s, q_m3: q, water_m3: water, methane_Nm3: ch4, year: 1, from_d: 0, to_d: days });
    const perDay = 35 * chpHeat_kWh_per_Nm3(s);
    expect(h.chp_heat_kWh[0]).toBeCloseTo(perDay * 31, 6);
    expect(h.deficit_kWh[0]).toBeGreaterThan(0);         // January short
    expect(h.deficit_kWh[6]).toBe(0);                    // July covered
    expect(h.surplus_kWh[6]).toBeGreaterThan(0);
    for (let m = 0; m < 12; m++) expect(h.covered_kWh[m]! + h.deficit_kWh[m]!).toBeCloseTo(h.demand_kWh[m]!, 6);
    expect(monthOfDay(0)).toBe(0); expect(monthOfDay(31)).toBe(1); expect(monthOfDay(364)).toBe(11); expect(monthOfDay(365)).toBe(0);
  });

  it('a bundled scenario reports monthly heat and the annual backup cost beside the other figures', () => {
    const r = runScenario(JSON.parse(readFileSync(`${root}scenarios/dog-garden-codigestion.json`, 'utf8')));
    expect(r.heat!.months).toHaveLength(12);
    const sum = (x: number[]) => x.reduce((a, b) => a + b, 0);
    expect(r.annual.heat_demand_kWh).toBeCloseTo(sum(r.heat!.demand_kWh), 6);
    expect(r.annual.heat_deficit_kWh).toBeCloseTo(sum(r.heat!.deficit_kWh), 6);
    expect(r.annual.backup_heat_cost_gbp).toBeCloseTo(sum(r.heat!.backup_heat_cost_gbp), 6);
    expect(r.annual.heat_feed_warming_kWh + r.annual.heat_pasteuriser_kWh + r.annual.heat_losses_kWh).toBeCloseTo(r.annual.heat_demand_kWh, 6);
    expect(r.assumptions.some((a) => a.field === 'digester.heating.ambient_T_monthly' && /MetOfficeCardiff/.test(String(a.value)))).toBe(true);
  });
});
