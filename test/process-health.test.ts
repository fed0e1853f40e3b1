// Digester health: acclimation sets K_I_nh3, operators' indicators against sourced thresholds, status per year with
// the reason and the day it first changes; an ammonia overload is caught on the right day for the right reason.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseRunFile } from '../src/simulate/runfile.js';
import { simulateDigester } from '../src/simulate/digester.js';
import { digesterHealth, indicatorsAt } from '../src/accounting/digester-health.js';
import { ACCLIMATION, thresholdsFor } from '../src/accounting/health-thresholds.js';
import { runScenario } from '../src/pipeline/run.js';
import { parseScenario } from '../src/scenario/parse.js';
import type { DigesterRun } from '../src/simulate/types.js';

const root = new URL('..', import.meta.url).pathname;
const bsm2 = parseRunFile(JSON.parse(readFileSync(`${root}scenarios/bsm2-steady-state.json`, 'utf8')));
const weekly = JSON.parse(readFileSync(`${root}scenarios/weekly-small-digester.json`, 'utf8'));

describe('digester health', () => {
  it('indicators from the state: VFA as acetic acid, bicarbonate alkalinity as CaCO3, FOS/TAC their ratio', () => {
    const r = { t_d: Float64Array.of(0), series: { S_ac: Float64Array.of(0.64), S_pro: Float64Array.of(0), S_bu: Float64Array.of(0), S_va: Float64Array.of(0), S_hco3_ion: Float64Array.of(0.1), S_IN: Float64Array.of(0.1), free_nh3_mgN_L: Float64Array.of(50), pH: Float64Array.of(7.2), I_nh3: Float64Array.of(0.9), I_pH_ac: Float64Array.of(0.5) } };
    const x = indicatorsAt(r, 0);
    expect(x.vfa_mgHAc_L).toBeCloseTo(600.5, 1);           // 0.64 g COD/L / 64 g COD/mol x 60.05 g/mol
    expect(x.bicarbonate_alkalinity_mgCaCO3_L).toBeCloseTo(5004, 0); // 0.1 mol/L x 50.04 g/eq
    expect(x.fos_tac).toBeCloseTo(600.5 / 5004, 6);
    expect(x.tan_mgN_L).toBeCloseTo(1400, 6);
    expect(x.methanogen_activity).toBeCloseTo(0.45, 12);
  });

  it('the BSM2 benchmark run keeps the BSM2 K_I_nh3; acclimation values are sourced', () => {
    expect(bsm2.parameters?.K_I_nh3).toBeUndefined();
    const r = simulateDigester({ ...bsm2, days: 5 });
    expect(r.final.I_nh3).toBeCloseTo(1 / (1 + r.final.S_nh3! / 0.0018), 10);
    expect(ACCLIMATION.unacclimated.K_I_nh3_kmolN_m3).toBe(0.0018);
    expect(ACCLIMATION.acclimated.K_I_nh3_kmolN_m3 * 14000).toBeCloseTo(602, 0);
    for (const a of ['unacclimated', 'acclimated'] as const) for (const t of thresholdsFor(a)) expect(t.source).toMatch(/\[[A-Z][A-Za-z]+\d{4}\]|estimate/);
  });

  it('an ammonia overload turns a stable digester at risk, then failing, on the day free ammonia crosses the limits', () => {
    // The BSM2 digester at steady state; from day 20 its feed carries 0.6 kmol N/m3 of ammonium (8.4 g N/L) with a
    // matching cation, so pH and free ammonia climb as the liquid is exchanged (1/HRT = 0.05 /d).
    const feed0 = bsm2.feed[0]!;
    const run: DigesterRun = {
      ...bsm2, days: 140, output_every_d: 0.25,
      initial: Object.fromEntries(Object.entries(simulateDigester(bsm2).final).filter(([k]) => k in feed0.state || k.startsWith('S_gas'))),
      feed: [feed0, { time_d: 20, q_m3_d: feed0.q_m3_d, state: { ...feed0.state, S_IN: 0.6, S_cation: 0.6 } }],
      parameters: { K_I_nh3: ACCLIMATION.acclimated.K_I_nh3_kmolN_m3 },
    };
    const sim = simulateDigester(run);
    const h = digesterHealth(sim, 0, 140, 1, 'acclimated');
    expect(h.status).toBe('failing');
    // Independently: the first day any sample passes an acclimated at-risk threshold.
    const th = thresholdsFor('acclimated');
    let firstDay = -1;
    for (let i = 0; i < sim.t_d.length && firstDay < 0; i++) {
      const x = indicatorsAt(sim, i);
      if (th.some((t) => (t.direction === 'above' ? x[t.indicator]! > t.at_risk : x[t.indicator]! < t.at_risk))) firstDay = Math.floor(sim.t_d[i]!);
    }
    expect(firstDay).toBeGreaterThan(20);
    expect(h.first_change_day).toBe(firstDay + 1);
    expect(h.first_change_run_day).toBe(firstDay);
    expect(h.reason).toMatch(/ammoni/);
    expect(h.reason).toMatch(/acclimated digester/);
    expect(h.days_failing).toBeGreaterThan(0);
    expect(h.indicators.free_nh3_mgN_L!.max).toBeGreaterThan(1100);
    // Before the step the same digester is stable.
    expect(digesterHealth(sim, 0, 20, 1, 'acclimated').status).toBe('stable');
  });

  it('the weekly dog-waste digester is stable when acclimated and at risk from free ammonia when not', () => {
    const acc = runScenario(weekly);
    expect(acc.health.status).toBe('stable');
    expect(acc.health.acclimation).toBe('acclimated');
    expect(acc.run.parameters.K_I_nh3).toBe(ACCLIMATION.acclimated.K_I_nh3_kmolN_m3);
    expect(acc.warnings.some((w) => /inhibited|digester at risk|digester failing/.test(w))).toBe(false);
    const un = runScenario({ ...weekly, digester: { ...weekly.digester, acclimation: 'unacclimated' } });
    expect(un.health.status).not.toBe('stable');
    expect(un.health.reason).toMatch(/(free ammonia|total ammonium) [0-9,.]+ mg N\/L above [0-9,]+ \(unacclimated digester; /);
    expect(un.health.first_change_day).toBeGreaterThanOrEqual(1);
    expect(un.warnings.some((w) => w.startsWith(`year 1: digester ${un.health.status} from day ${un.health.first_change_day}`))).toBe(true);
    // A researcher's K_I_nh3 still wins over the acclimation.
    const set = runScenario({ ...weekly, digester: { ...weekly.digester, parameters: { K_I_nh3: 0.0018 } } });
    expect(set.health.K_I_nh3_kmolN_m3).toBe(0.0018);
  });

  it('a baseline without a digester reports "no digester", not a fake status', () => {
    const base = runScenario(JSON.parse(readFileSync(`${root}scenarios/baseline-efw.json`, 'utf8')));
    expect(base.health.status).toBe('no digester');
    expect(base.health_by_year).toHaveLength(1);
  });
});

describe('acclimation labels match their K_I_nh3', () => {
  // A bundled scenario that calls its plant acclimated must run with the acclimated constant, and any K_I_nh3 its
  // text quotes must be the one it runs with (0.011 called "acclimated" beside a 0.043 default misled readers).
  const files = readdirSync(`${root}scenarios`).filter((f) => f.endsWith('.json'));
  it.each(files)('%s', (file) => {
    const json = JSON.parse(readFileSync(`${root}scenarios/${file}`, 'utf8'));
    if (json.kind === 'digester-run' || !json.digester) return;
    const s = parseScenario(json);
    const used = s.digester.parameters.K_I_nh3 ?? ACCLIMATION[s.digester.acclimation].K_I_nh3_kmolN_m3;
    const text = `${json.comment ?? ''}`;
    for (const m of text.matchAll(/K_I_nh3 (\d+(?:\.\d+)?)/g)) expect(Number(m[1]), `${file} quotes K_I_nh3 ${m[1]}`).toBe(used);
    if (/\bacclimated\b/.test(text.replace(/unacclimated/g, ''))) {
      expect(s.digester.acclimation).toBe('acclimated');
      expect(used).toBe(ACCLIMATION.acclimated.K_I_nh3_kmolN_m3);
    }
  });
  it('the food-waste plant runs acclimated and reports it', () => {
    const r = runScenario(JSON.parse(readFileSync(`${root}scenarios/existing-food-waste-plant.json`, 'utf8')));
    expect(r.health.acclimation).toBe('acclimated');
    expect(r.health.K_I_nh3_kmolN_m3).toBe(ACCLIMATION.acclimated.K_I_nh3_kmolN_m3);
  });
});
