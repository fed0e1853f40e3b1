// One backup-heat price: digester.heating.gas_price and its alias economics.backup_heat_price set the same figure,
// used by the heat balance and the appraisal alike; both given and different is an error naming the field.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/scenario/parse.js';
import { heatYear } from '../src/accounting/heat.js';
import { DEFAULTS } from '../src/scenario/defaults.js';
import { writerFor } from '../src/analysis/scenario-model.js';

const base = { schema: 'adsim-scenario/1', name: 'price', comment: 'gas price test', areas: [{ name: 'A', bins: 100 }] };
const days = 365;
const q = new Float64Array(days).fill(4.1), water = new Float64Array(days).fill(2.0);
const costOf = (s: ReturnType<typeof parseScenario>) =>
  heatYear({ scenario: s, q_m3: q, water_m3: water, methane_Nm3: new Float64Array(days), year: 1, from_d: 0, to_d: days }).backup_heat_cost_gbp.reduce((a, b) => a + b, 0);

describe('backup-heat gas price', () => {
  it('has one sourced default with a unit and a range', () => {
    const d = DEFAULTS.gas_price_gbp_kWh;
    expect(d.unit).toBe('GBP/kWh');
    expect(d.source).toMatch(/per kWh of gas/);
    // Ranged and an estimate: sampled by the projection ranges (a plain number in GBP/kWh written back).
    expect(writerFor('gas_price_gbp_kWh')!(0.07)).toBe(0.07);
    expect(d.source).toMatch(/\[CommonsLibrary2024\]/);
    expect(d.range![0]).toBeLessThan(d.value); expect(d.range![1]).toBeGreaterThan(d.value);
    expect(Object.keys(DEFAULTS)).not.toContain('backup_heat_gbp_kWh');
  });

  it('economics.backup_heat_price alone sets the heat balance price, exactly as digester.heating.gas_price does', () => {
    const viaHeating = parseScenario({ ...base, digester: { V_liq: 100, heating: { gas_price: 0.09 } } });
    const viaAlias = parseScenario({ ...base, digester: { V_liq: 100 }, economics: { backup_heat_price: '£90/MWh' } });
    const dflt = parseScenario({ ...base, digester: { V_liq: 100 } });
    expect(viaAlias.digester.heat.gas_price_gbp_kWh).toBeCloseTo(0.09, 12);
    expect(costOf(viaAlias)).toBeCloseTo(costOf(viaHeating), 9);
    expect(costOf(viaAlias) / costOf(dflt)).toBeCloseTo(0.09 / DEFAULTS.gas_price_gbp_kWh.value, 9);
  });

  it('both keys with the same figure are accepted; different figures are an error naming both', () => {
    expect(() => parseScenario({ ...base, digester: { V_liq: 100, heating: { gas_price: 0.07 } }, economics: { backup_heat_price: 0.07 } })).not.toThrow();
    expect(() => parseScenario({ ...base, digester: { V_liq: 100, heating: { gas_price: 0.07 } }, economics: { backup_heat_price: 0.05 } }))
      .toThrow(/economics\.backup_heat_price.*digester\.heating\.gas_price.*0\.05.*0\.07/);
  });
});

describe('heat deficit warning', () => {
  it('never says the CHP covers 100 % of the heat demand when a deficit remains', async () => {
    const { accountWarnings } = await import('../src/pipeline/checks.js');
    const s = parseScenario({ ...base, digester: { V_liq: 100 } });
    const a = { year: 1, heat_demand_kWh: 200000, heat_deficit_kWh: 73, electricity_net_kWh: 1 } as Parameters<typeof accountWarnings>[1];
    const w = accountWarnings(s, a).join(' ');
    expect(w).toMatch(/covers 99\.9 % of the heat demand/);
    expect(w).toMatch(/73 kWh must come from elsewhere/);
  });
});
