// runScenario end to end (one short simulation), compareScenarios differences, projection with rollout, the readable table.
import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioResult } from '../src/pipeline/run.js';
import { compareScenarios } from '../src/compare/compare.js';
import { projectScenario } from '../src/pipeline/project.js';
import { comparisonTable, fmt, gbp } from '../src/compare/table.js';
import { InputError } from '../src/errors.js';
import { DEFAULTS } from '../src/scenario/defaults.js';

const scenario = (over: Record<string, unknown> = {}) => ({
  schema: 'adsim-scenario/1', name: 'small', comment: 'test',
  areas: [{ name: 'A', bins: 200, fill_per_bin: '10 kg/week' }],
  collection: { frequency: 'weekly', cost_per_emptying: 4 },
  storage: { reception_tank: '7 d' },
  digester: { V_liq: '40 m3', V_gas: '4 m3', feed_TS: '8 %' },
  horizon: { startup: '30 d' },
  ...over,
});

describe('runScenario', () => {
  it('runs bins -> digester -> energy with no NaN and no negative energy', () => {
    const r = runScenario(scenario());
    const a = r.annual;
    for (const [k, v] of Object.entries(a)) expect(Number.isFinite(v), k).toBe(true);
    expect(a.dog_waste_collected_t).toBeCloseTo(200 * 10 * 52 / 1000, 6);
    expect(a.methane_Nm3).toBeGreaterThan(0);
    expect(a.electricity_gross_kWh).toBeGreaterThan(0);
    expect(a.electricity_net_kWh).toBeGreaterThan(0);
    expect(a.heat_kWh).toBeGreaterThan(0);
    // Methane per tonne of dog waste fed stays below the record's BMP-based ceiling (TS 0.3 x VS 0.72 x 250 NL = 54 Nm3/t).
    expect(a.methane_Nm3 / a.dog_waste_fed_t).toBeLessThan(54);
    expect(a.methane_Nm3 / a.dog_waste_fed_t).toBeGreaterThan(10);
    expect(r.daily.t_d!.length).toBe(30 + 365);
    expect(Number.isFinite(r.stability.pH_min)).toBe(true);
    expect(r.warnings.some((w) => w.includes('ESTIMATE'))).toBe(true);
    expect(r.assumptions.find((x) => x.field === 'gas_use.eta_el')?.source).toBe(DEFAULTS.eta_el.source);
  });

  it('a digester too small for its feed is an error naming digester.V_liq', () => {
    let err: unknown;
    try { runScenario(scenario({ digester: { V_liq: '5 m3', V_gas: '1 m3', feed_TS: '8 %' } })); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toBe('digester.V_liq');
    expect((err as Error).message).toMatch(/washout/);
  });

  it('the baseline (destination today) runs without a digester', () => {
    const r = runScenario(scenario({ destination: 'today', digester: undefined, storage: undefined }));
    expect(r.annual.electricity_net_kWh).toBe(0);
    expect(r.annual.to_today_route_t).toBeCloseTo(r.annual.dog_waste_collected_t, 9);
    expect(r.run.model).toMatch(/none/);
  });
});

describe('compareScenarios', () => {
  const fake = (name: string, destination: 'today' | 'digester', kWh: number, cost: number): ScenarioResult => {
    const r = runScenario({ ...scenario({ destination: 'today', digester: undefined, storage: undefined }), name });
    return { ...r, destination, annual: { ...r.annual, electricity_net_kWh: kWh, cost_net_gbp: cost } };
  };

  it('takes the today-route scenario as baseline and reports differences', () => {
    const c = compareScenarios([fake('AD', 'digester', 5000, 100), fake('Today', 'today', 0, 300)]);
    expect(c.baseline).toBe('Today');
    const ad = c.scenarios.find((s) => s.name === 'AD')!;
    expect(ad.difference!.electricity_net_kWh).toBe(5000);
    expect(ad.difference!.cost_net_gbp).toBe(-200);
    expect(c.scenarios.find((s) => s.name === 'Today')!.difference).toBeUndefined();
    for (const k of ['dog_waste_collected_t', 'feed_t', 'biogas_Nm3', 'methane_Nm3', 'electricity_gross_kWh', 'electricity_net_kWh', 'heat_kWh', 'homes_equivalent', 'co2e_net_t', 'cost_net_gbp']) {
      expect(ad.annual).toHaveProperty(k);
    }
    const table = comparisonTable(c);
    expect(table).toMatch(/Today \[baseline\]/);
    expect(table).toMatch(/Net cost/);
    expect(table).toMatch(/\(-200\)/);
    expect(() => compareScenarios([fake('A', 'today', 0, 0)], 'B')).toThrow(/--baseline/);
  });

  it('keeps every cell of the table apart, the economics rows included (a long payback cell ran into the next)', () => {
    const ex = fake('X', 'digester', 5000, 100);
    const once = { ...ex, economics: { ...ex.economics, payback_yr: 0, capex_gbp: 0 } };
    const c = compareScenarios([fake('Today', 'today', 0, 300), once, fake('Y', 'digester', 4000, 100)]);
    const table = comparisonTable(c);
    const row = table.split('\n').find((l) => l.startsWith('  Pays back in year'))!;
    expect(row).toBeDefined();
    // Label, then one cell per scenario, each at least two spaces from the one before.
    expect(row.trim().split(/\s{2,}/)).toEqual(['Pays back in year', '-', 'at once (no plant to build)', expect.any(String)]);
    for (const label of ['Net present value vs today (NPV)', 'Extra cost per tonne diverted', 'Status (operators\' indicators)']) {
      const l = table.split('\n').find((x) => x.startsWith(`  ${label}`))!;
      expect(l.trim().split(/\s{2,}/)).toHaveLength(4);
    }
  });
});

describe('projectScenario', () => {
  it('areas join year by year and bins grow', () => {
    const p = projectScenario({
      ...scenario({ destination: 'today', digester: undefined, storage: undefined }),
      areas: [{ name: 'A', bins: 100, fill_per_bin: '10 kg/week' }, { name: 'B', bins: 50, fill_per_bin: '10 kg/week', joins_year: 3 }],
      rollout: { years: 4, bins_growth: '10 %/yr' },
    });
    expect(p.years.map((y) => y.bins)).toEqual([100, 110, 121 + 61, 133 + 67]);
    expect(p.years.map((y) => y.areas_joined.length)).toEqual([1, 1, 2, 2]);
    expect(p.years[2]!.dog_waste_collected_t / p.years[0]!.dog_waste_collected_t).toBeCloseTo(182 / 100, 6);
    expect(p.totals.dog_waste_collected_t).toBeCloseTo(p.years.reduce((a, y) => a + y.dog_waste_collected_t, 0), 9);
    // A baseline projected against itself saves nothing.
    for (const y of p.years) expect(y.saving_vs_today_gbp).toBe(0);
  });
});

describe('fmt', () => {
  it('rounds to three significant figures with separators', () => {
    expect(fmt(123456)).toBe('123,000');
    expect(fmt(0.4263)).toBe('0.43');
    expect(fmt(-8.96)).toBe('-8.96');
    expect(fmt(Number.NaN)).toBe('n/a');
    expect(fmt(-0.004)).toBe('0');
  });
});

describe('gbp', () => {
  it('puts one minus sign before the pound sign', () => {
    expect(gbp(-63249)).toBe('-£63,200');
    expect(gbp(-92.84)).toBe('-£92.8');
    expect(gbp(154000)).toBe('£154,000');
    expect(gbp(-0.001)).toBe('£0');
  });
  it('the economics rows of a loss-making digester read -£, never £-', () => {
    const few = [{ name: 'A', bins: 200, fill_per_bin: '2 kg/week' }];
    const r = runScenario(scenario({ areas: few }));
    const c = compareScenarios([runScenario({ ...scenario({ areas: few, destination: 'today', digester: undefined, storage: undefined }), name: 'Today' }), r]);
    const table = comparisonTable(c);
    expect(r.economics.npv_gbp).toBeLessThan(0);
    expect(table).toMatch(/Net present value vs today \(NPV\) .* -£[\d,]+/);
    expect(table).not.toMatch(/£-/);
  });
});

describe('no NaN reaches a user', () => {
  /** Every number anywhere in a result (typed arrays included) that is NaN, by path. */
  const nanPaths = (v: unknown, path = ''): string[] => {
    if (typeof v === 'number') return Number.isNaN(v) ? [path] : [];
    if (ArrayBuffer.isView(v)) return Array.from(v as Float64Array).some(Number.isNaN) ? [path] : [];
    if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => nanPaths(x, `${path}.${k}`));
    return [];
  };
  it('today\'s route (no digester) reports its pH range as null, not NaN', () => {
    const r = runScenario(scenario({ destination: 'today', digester: undefined }));
    expect(nanPaths(r)).toEqual([]);
    expect(r.stability.pH_min).toBeNull();
  });
  it('a digester scenario has no NaN in its annual figures, stability or daily series', () => {
    expect(nanPaths(runScenario(scenario()))).toEqual([]);
  });
});
