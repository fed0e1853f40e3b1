// Appraisal arithmetic against a hand-worked example, the Green Book schedule, switching values put back into the
// scenario, the digestate mass balance, weighbridge tonnages and the refusals of absurd cost inputs.
import { describe, expect, it } from 'vitest';
import { appraise } from '../src/appraisal/appraise.js';
import { discountFactor } from '../src/appraisal/discount.js';
import { CH4_KG_NM3, CO2_KG_NM3 } from '../src/accounting/digestate.js';
import type { AnnualAccount } from '../src/accounting/annual.js';
import { parseScenario } from '../src/scenario/parse.js';
import { runScenario } from '../src/pipeline/run.js';
import { simulatedSwitching } from '../src/pipeline/switching.js';

const small = (over: Record<string, unknown> = {}) => ({
  schema: 'adsim-scenario/1', name: 'small', comment: 'test',
  areas: [{ name: 'A', bins: 200, fill_per_bin: '10 kg/week' }],
  collection: { frequency: 'weekly', cost_per_emptying: 4 },
  storage: { reception_tank: '7 d' },
  digester: { V_liq: '40 m3', V_gas: '4 m3', feed_TS: '8 %' },
  horizon: { startup: '30 d' },
  ...over,
});

/** A today's-route account (no simulation) to build hand-made accounts from. */
const todayAccount = (): AnnualAccount => runScenario(small({ destination: 'today', digester: undefined })).annual;

/** An account whose operating cost (collection + disposal + fees - energy income) is `cost` GBP a year. */
function withCost(a: AnnualAccount, cost: number, over: Partial<AnnualAccount> = {}): AnnualAccount {
  return {
    ...a, collection_cost_gbp: cost, disposal_cost_gbp: 0, ad_gate_fee_gbp: 0, co_substrate_cost_gbp: 0,
    electricity_revenue_gbp: 0, heat_revenue_gbp: 0, electricity_gross_kWh: 0, heat_deficit_kWh: 0, ...over,
  };
}

describe('appraise: hand-worked example', () => {
  // £100,000 to build, no optimism bias, no running costs; it saves £15,000 a year for 10 years at 3.5 %.
  //   annuity factor AF(10) = (1 - 1.035^-10) / 0.035 = 8.316605
  //   NPV = -100,000 + 15,000 x 8.316605 = 24,749.08
  //   cumulative discounted savings: AF(7) = 6.114544 (91,718) < 100,000 <= AF(8) = 6.873956 (103,109) -> payback year 8
  //   annualised: -NPV / AF = -2,975.86 a year; CAPEX annualised 100,000 / 8.316605 = 12,024.14 a year
  const s = parseScenario(small({ economics: { capex: 100000, optimism_bias: 0, om_share: 0, chp_maintenance: 0, lifetime: 10, digestate: { value_per_t: 0 } } }));
  const base = todayAccount();
  const a = withCost(base, 5000, { dog_waste_collected_t: 100, to_today_route_t: 0, co2e_net_t: 0 });
  const b = withCost(base, 20000, { co2e_net_t: 0 });
  const { economics: e } = appraise({ scenario: s, accounts: [a], baseline: [b] });

  it('cash flows, NPV, payback and annualisation match the hand calculation', () => {
    expect(e.cashflows_gbp.length).toBe(11);
    expect(e.cashflows_gbp[0]).toBeCloseTo(-100000, 6);
    for (let t = 1; t <= 10; t++) expect(e.cashflows_gbp[t]).toBeCloseTo(15000, 6);
    // NPV recomputed from the returned cash flows at 3.5 %.
    const npv = e.cashflows_gbp.reduce((x, c, t) => x + c / Math.pow(1.035, t), 0);
    expect(e.npv_gbp).toBeCloseTo(npv, 6);
    expect(e.npv_gbp).toBeCloseTo(24749.08, 1);
    expect(e.payback_yr).toBe(8);
    expect(e.annualised_cost_gbp_yr).toBeCloseTo(-2975.86, 1);
    expect(e.capex_annualised_gbp_yr).toBeCloseTo(12024.14, 1);
    // 100 t diverted a year: levelised cost = -NPV / (100 t x AF).
    expect(e.cost_per_t_diverted_gbp).toBeCloseTo(-24749.08 / (100 * 8.316605), 2);
    expect(e.discount_schedule).toBe('green-book');
  });

  it('a scenario that never pays back has payback null and says so', () => {
    const worse = appraise({ scenario: s, accounts: [withCost(base, 19000)], baseline: [b] }).economics;
    expect(worse.payback_yr).toBeNull();
    expect(worse.npv_gbp).toBeLessThan(0);
    expect(Number.isFinite(worse.annualised_cost_gbp_yr)).toBe(true);
  });

  it('optimism bias is separate from the CAPEX and included in year 0', () => {
    const s2 = parseScenario(small({ economics: { capex: 100000, optimism_bias: '44 %', om_share: 0, chp_maintenance: 0, lifetime: 10 } }));
    const e2 = appraise({ scenario: s2, accounts: [a], baseline: [b] }).economics;
    expect(e2.capex_gbp).toBe(100000);
    expect(e2.optimism_bias_gbp).toBeCloseTo(44000, 6);
    expect(e2.cashflows_gbp[0]).toBeCloseTo(-144000, 6);
  });

  it('carbon saved is valued beside the financial NPV, never in it', () => {
    const e3 = appraise({ scenario: s, accounts: [{ ...a, co2e_net_t: -10 }], baseline: [b] }).economics;
    expect(e3.npv_gbp).toBeCloseTo(e.npv_gbp, 6);
    expect(e3.npv_with_carbon_gbp).toBeGreaterThan(e3.npv_gbp + 10 * 10 * 273 * 0.7);
    expect(e3.npv_with_carbon_low_gbp).toBeLessThan(e3.npv_with_carbon_gbp);
    expect(e3.npv_with_carbon_high_gbp).toBeGreaterThan(e3.npv_with_carbon_gbp);
  });
});

describe('Green Book discounting', () => {
  it('3.5 % to year 30, then 3.0 %', () => {
    expect(discountFactor(30, null)).toBeCloseTo(Math.pow(1.035, -30), 12);
    expect(discountFactor(35, null)).toBeCloseTo(Math.pow(1.035, -30) * Math.pow(1.03, -5), 12);
    expect(discountFactor(5, 0.1)).toBeCloseTo(Math.pow(1.1, -5), 12);
  });
});

describe('bad cost inputs name the field', () => {
  const bad = (economics: Record<string, unknown>) => () => parseScenario(small({ economics }));
  it('refuses absurd values', () => {
    expect(bad({ discount_rate: '25 %' })).toThrow(/economics\.discount_rate: expected at most (0\.2|20 %)/);
    expect(bad({ discount_rate: '-3 %' })).toThrow(/economics\.discount_rate/);
    expect(bad({ lifetime: 0 })).toThrow(/economics\.lifetime/);
    expect(bad({ lifetime: 61 })).toThrow(/economics\.lifetime.*at most 60/);
    expect(bad({ capex: -5 })).toThrow(/economics\.capex/);
    expect(bad({ capex: 1e12 })).toThrow(/economics\.capex/);
    expect(bad({ labour: '£-100' })).toThrow(/economics\.labour/);
    expect(bad({ capex: 100000, capex_items: { chp: 20000 } })).toThrow(/economics\.capex: a lump-sum CAPEX cannot be given together with economics\.capex_items/);
    expect(bad({ capex_per_kWe: 5000, capex_items: { chp: 20000 } })).toThrow(/economics\.capex_items/);
    expect(bad({ capex_itmes: {} })).toThrow(/economics\.capex_itmes: unknown field/);
  });
});

describe('switching values put back into the scenario', () => {
  const json = small();
  const s = parseScenario(json);
  const r = runScenario(s);
  const tol = 0.01 * (r.economics.capex_gbp + r.economics.optimism_bias_gbp);

  it('the analytic ones (gate fee, CAPEX) give NPV ~ 0', () => {
    const fee = r.economics.switching_values.find((v) => v.input === 'today.gate_fee_per_t');
    expect(fee?.value).not.toBeNull();
    const back = runScenario({ ...json, today: { route: 'efw', gate_fee_per_t: fee!.value! } });
    expect(Math.abs(back.economics.npv_gbp)).toBeLessThan(tol);
    const capex = r.economics.switching_values.find((v) => v.input === 'CAPEX');
    expect(capex?.value).not.toBeNull();
    const back2 = runScenario({ ...json, economics: { capex: capex!.value! } });
    expect(Math.abs(back2.economics.npv_gbp)).toBeLessThan(tol);
  });

  it('the bin fill, found by root finding on the pipeline, gives NPV ~ 0', () => {
    const fill = simulatedSwitching(s, r).find((v) => v.input === 'areas[*].fill_per_bin');
    expect(fill?.value).not.toBeNull();
    expect(fill!.value).not.toBeCloseTo(10, 1);
    const back = runScenario({ ...json, areas: [{ name: 'A', bins: 200, fill_per_bin: `${fill!.value} kg/week` }] });
    expect(Math.abs(back.economics.npv_gbp)).toBeLessThan(tol);
  });
});

describe('digestate', () => {
  it('feed = gas + digestate within 0.5 %, and digestate is 85-99 % of the feed', () => {
    const a = runScenario(small()).annual;
    const feed = a.feed_t + a.dilution_water_m3;
    const gas = (a.methane_Nm3 * CH4_KG_NM3 + (a.biogas_Nm3 - a.methane_Nm3) * CO2_KG_NM3) / 1000;
    expect(Math.abs(feed - gas - a.digestate_wet_t) / feed).toBeLessThan(0.005);
    expect(a.digestate_wet_t / feed).toBeGreaterThan(0.85);
    expect(a.digestate_wet_t / feed).toBeLessThan(0.99);
    expect(a.digestate_dry_t).toBeGreaterThan(0);
    expect(a.digestate_N_t).toBeCloseTo(a.feed_N_t, 9);
    expect(a.digestate_N_available_t).toBeGreaterThan(0);
    expect(a.digestate_N_available_t).toBeLessThanOrEqual(a.digestate_N_t);
  });
});

describe('bin fill evidence', () => {
  it('a weighbridge tonnage replaces the fill per bin, and everything scales from it', () => {
    const r = runScenario(small({ destination: 'today', digester: undefined, areas: [{ name: 'A', bins: 1000, collected_t_yr: '100 t/yr' }] }));
    expect(r.annual.dog_waste_collected_t).toBeCloseTo(100, 0);
    expect(() => parseScenario(small({ areas: [{ name: 'A', bins: 1000, collected_t_yr: 100, fill_per_bin: '3 kg/week' }] }))).toThrow(/areas\[0\]\.collected_t_yr: give either/);
  });
  it('the default fill follows the council evidence (about 2.5 kg/bin/week, range 1-14)', () => {
    const s = parseScenario(small({ areas: [{ name: 'A', bins: 1000 }] }));
    const f = s.areas[0]!.fill;
    expect(f.kind === 'rate' ? f.kg_d * 7 : NaN).toBeCloseTo(2.5, 6);
  });
});
