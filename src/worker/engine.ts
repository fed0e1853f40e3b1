// The one place the worker reaches into the engine. TEMPORARY stand-in until src/scenario and src/compare land.
import { parseScenario } from '../scenario/parse.js';
import type { DigesterResult, DigesterRun } from '../simulate/types.js';

export interface ScenarioResultLike {
  name: string;
  annual: Record<string, number>;
  daily: Record<string, Float64Array>;
  stability: Record<string, unknown>;
  warnings: string[];
  assumptions: unknown;
}

export interface ProjectionLike {
  name: string;
  years: Array<Record<string, number>>;
  [k: string]: unknown;
}

type Tick = (t_d: number, days: number) => void;

/** Stand-in: validates with the real parser, then a smooth synthetic year so the service and UI can be exercised. */
export function runScenario(json: unknown, tick?: Tick): ScenarioResultLike {
  const sc = parseScenario(json);
  const days = sc.horizon.startup_d + 365 * sc.horizon.years;
  const bins = sc.areas.reduce((n, a) => n + a.bins, 0);
  const t = new Float64Array(365), gas = new Float64Array(365), ch4 = new Float64Array(365), pH = new Float64Array(365), nh3 = new Float64Array(365);
  let x = 0;
  for (let i = 0; i < days; i++) {
    for (let k = 0; k < 20000; k++) x += Math.sin(i + k);   // simulated cost per day
    const j = i - (days - 365);
    if (j >= 0) { t[j] = j + 1; gas[j] = bins * 0.05 * (1.2 + 0.2 * Math.sin(j / 9)); ch4[j] = gas[j]! * 0.6; pH[j] = 7.3 + 0.05 * Math.sin(j / 30); nh3[j] = 90 + bins * 0.1 + 1e-12 * x; }
    tick?.(i + 1, days);
  }
  const biogas = gas.reduce((a, b) => a + b, 0);
  const e = biogas * 0.6 * 9.94 * sc.gas_use.eta_el;
  return {
    name: sc.name,
    annual: {
      dog_waste_collected_t: bins * 0.5, feed_t: bins * 0.55, biogas_Nm3: biogas, methane_Nm3: biogas * 0.6,
      electricity_gross_kWh: e, electricity_net_kWh: e * (1 - sc.gas_use.parasitic_fraction), heat_kWh: e * 1.2,
      homes_equivalent: e / sc.home_kWh_yr, co2e_net_t: -e * sc.grid_kgCO2e_kWh / 1000, cost_net_gbp: bins * 3.75 * 52 - e * 0.065,
    },
    daily: { t_d: t, biogas_Nm3_d: gas, methane_Nm3_d: ch4, pH, free_nh3_mgN_L: nh3 },
    stability: {}, warnings: [], assumptions: sc.defaulted,
  };
}

export function projectScenario(json: unknown, years: number, tick?: Tick): ProjectionLike {
  const r = runScenario(json, tick);
  return { name: r.name, years: Array.from({ length: years }, (_, i) => ({ year: i + 1, ...r.annual })) };
}

export function simulateDigester(run: DigesterRun): DigesterResult {
  void run;
  throw new Error('simulateDigester is not available yet');
}
