// Scenario runs use SCENARIO_SOLVER (rtol 1e-4): their annual figures and health indicators must stay within 1e-4
// relative of a tight (rtol 1e-9) run on every bundled scenario, while taking far fewer steps.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SOLVER, runScenario } from '../src/pipeline/run.js';

const dir = new URL('../scenarios/', import.meta.url);
const bundled = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8'))] as const)
  .filter(([, j]) => String(j.schema ?? '').startsWith('adsim-scenario') && j.destination === 'digester');

/** Annual figures the issue names (gas, electricity, homes) for every year. */
const ANNUAL = ['methane_Nm3', 'biogas_Nm3', 'electricity_gross_kWh', 'electricity_net_kWh', 'homes_equivalent'] as const;

describe('scenario tolerance', () => {
  it('covers the bundled digester scenarios', () => expect(bundled.length).toBeGreaterThanOrEqual(4));
  it.each(bundled)('%s: annual figures and health at the scenario tolerance within 1e-4 of rtol 1e-9', (_name, json) => {
    const fast = runScenario(json);
    const tight = runScenario(json, { solver: { rtol: 1e-9, atol: 1e-10 } });
    expect(SCENARIO_SOLVER.rtol).toBeGreaterThanOrEqual(1e-4);
    expect(fast.run.solver_steps).toBeLessThan(tight.run.solver_steps / 4);
    fast.years.forEach((y, i) => {
      for (const k of ANNUAL) {
        const ref = tight.years[i]![k];
        expect(Math.abs(y[k] - ref), `year ${i + 1} ${k}: ${y[k]} vs ${ref}`).toBeLessThanOrEqual(1e-4 * Math.abs(ref));
      }
    });
    for (const [k, v] of Object.entries(fast.stability)) {
      const ref = (tight.stability as unknown as Record<string, unknown>)[k];
      if (typeof v !== 'number' || typeof ref !== 'number') { expect(v, k).toBe(ref); continue; }
      // day counts must be equal; continuous indicators within 1e-4 relative
      if (k.startsWith('days_')) expect(v, k).toBe(ref);
      else expect(Math.abs(v - ref), `${k}: ${v} vs ${ref}`).toBeLessThanOrEqual(1e-4 * Math.abs(ref));
    }
  });
});
