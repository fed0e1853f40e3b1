// Scenario schema: units in values, defaults recorded, and bad input reported with the field path, the value and what is expected.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/parse.js';
import { ScenarioError, parseFraction, parseMoney } from '../src/scenario/read.js';
import { DEFAULTS } from '../src/scenario/defaults.js';
import { InputError } from '../src/errors.js';

const base = () => ({
  schema: 'adsim-scenario/1',
  name: 'test',
  comment: 'a test scenario',
  areas: [{ name: 'A', bins: 100, fill_per_bin: '10 kg/week' }],
  digester: { V_liq: '150 m3', V_gas: '15 m3' },
});

function issuesOf(json: unknown): { field: string; message: string }[] {
  try {
    parseScenario(json);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    expect(e).toBeInstanceOf(InputError);
    return (e as ScenarioError).issues;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('parseScenario', () => {
  it('reads values with units and converts them', () => {
    const s = parseScenario({
      ...base(),
      collection: { frequency: 'fortnightly', round_length: '7.5 mi', fuel: '12 L/100km', cost_per_emptying: '£4.20' },
      co_substrates: [{ feedstock: 'garden-waste', rate: '2.5 t/week' }],
      digester: { V_liq: '150000 L', V_gas: '15 m3', T: '38 degC', pasteurisation: true },
      prices: { export_electricity: '£80/MWh' },
      grid_carbon: '0.2 kgCO2e/kWh',
    });
    expect(s.areas[0]!.fill).toEqual({ kind: 'rate', kg_d: expect.closeTo(10 / 7, 12) });
    expect(s.areas[0]!.collection.round_km).toBeCloseTo(7.5 * 1.609344, 6);
    expect(s.areas[0]!.collection.vehicle_kgCO2e_km).toBeCloseTo(0.12 * 2.51, 9);
    expect(s.areas[0]!.collection.cost_per_emptying_gbp).toBe(4.2);
    expect(s.co_substrates[0]!.rate_kg_d).toBeCloseTo(2500 / 7, 9);
    expect(s.digester.V_liq_m3).toBeCloseTo(150, 9);
    expect(s.digester.T_op_K).toBeCloseTo(311.15, 9);
    expect(s.digester.pasteurisation.enabled).toBe(true);
    expect(s.prices.export_gbp_kWh).toBeCloseTo(0.08, 12);
    expect(s.grid_kgCO2e_kWh).toBe(0.2);
  });

  it('a mass without "/time" is a fill per emptying; a rate is per bin and day', () => {
    const s = parseScenario({ ...base(), areas: [{ name: 'A', bins: 3, fill_per_bin: '12 kg' }] });
    expect(s.areas[0]!.fill).toEqual({ kind: 'per_emptying', kg: 12 });
  });

  it('records the defaults it used, each of which has a unit and a source', () => {
    const s = parseScenario(base());
    expect(s.defaulted['gas_use.eta_el']).toBe('eta_el');
    expect(s.gas_use.eta_el).toBe(DEFAULTS.eta_el.value);
    expect(s.defaulted['areas[0].fill_per_bin']).toBeUndefined();
    for (const d of Object.values(DEFAULTS)) {
      expect(d.unit.length).toBeGreaterThan(0);
      expect(d.source.length).toBeGreaterThan(5);
      if (d.range) expect(d.range[0]).toBeLessThanOrEqual(d.range[1]);
    }
  });

  it('estimates bin fill from dogs, pick-up and binning rates (bags included)', () => {
    const s = parseScenario({ ...base(), bags: { mass_fraction: '5 %' }, areas: [{ name: 'A', bins: 10, dogs: 1000, faeces_per_dog: '0.2 kg/d', pickup_rate: '80 %', binning_rate: 0.25 }] });
    // 1000 dogs x 0.2 kg x 0.8 x 0.25 = 40 kg/d of faeces into 10 bins; bins hold faeces + 5 % bags.
    expect(s.areas[0]!.fill).toEqual({ kind: 'rate', kg_d: expect.closeTo(40 / 10 / 0.95, 12) });
    expect(s.areas[0]!.fill_source).toBe('estimated from dogs');
  });

  it('rejects negative bins naming the field and the value', () => {
    const issues = issuesOf({ ...base(), areas: [{ name: 'A', bins: 5 }, { name: 'B', bins: -3 }] });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe('areas[1].bins');
    expect(issues[0]!.message).toMatch(/-3/);
  });

  it('rejects efficiencies above 1 and electrical + thermal above 0.95', () => {
    expect(issuesOf({ ...base(), gas_use: { eta_el: 1.2 } })[0]!.field).toBe('gas_use.eta_el');
    expect(issuesOf({ ...base(), gas_use: { eta_el: '45 %', eta_th: '55 %' } })[0]!.field).toBe('gas_use.eta_th');
  });

  it('rejects wrong units, unknown fields and bad choices, all at once', () => {
    const issues = issuesOf({
      ...base(),
      collection: { frequency: 'monthly', round_length: '12 kg' },
      digester: { V_liq: '150 m3', V_gas: '15 m3', Tmp: 37 },
      areas: [{ name: 'A', bins: 2.5 }],
    });
    const fields = issues.map((i) => i.field);
    expect(fields).toContain('collection.frequency');
    expect(fields).toContain('collection.round_length');
    expect(fields).toContain('digester.Tmp');
    expect(fields).toContain('areas[0].bins');
    const freq = issues.find((i) => i.field === 'collection.frequency')!;
    expect(freq.message).toMatch(/"monthly"/);
    expect(freq.message).toMatch(/weekly/);
  });

  it('rejects a wrong schema, a missing name and an empty area list', () => {
    const issues = issuesOf({ schema: 'adsim-scenario/0', comment: 'x', areas: [] });
    const fields = issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['schema', 'name', 'digester.V_liq']));
  });

  it('rejects unknown ADM1 parameter names under digester.parameters', () => {
    const issues = issuesOf({ ...base(), digester: { V_liq: 100, V_gas: 10, parameters: { k_m_acc: 8 } } });
    expect(issues[0]!.field).toBe('digester.parameters.k_m_acc');
  });

  it('helpers read percentages and money per unit', () => {
    expect(parseFraction('4 %')).toBeCloseTo(0.04, 12);
    expect(parseFraction('3 %/yr')).toBeCloseTo(0.03, 12);
    expect(parseFraction('four')).toBeUndefined();
    expect(parseMoney('£65/MWh', 'kWh')).toBeCloseTo(0.065, 12);
    expect(parseMoney('£24/t', 't')).toBe(24);
    expect(parseMoney('£24/kWh', 't')).toBeUndefined();
  });

  it('parses every bundled scenario, each with a comment saying what it answers', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'bsm2-steady-state.json');
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const s = parseScenario(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')));
      expect(s.comment.length, f).toBeGreaterThan(40);
    }
  });
});
