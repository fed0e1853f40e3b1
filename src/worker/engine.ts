// The one place the worker reaches into the engine. TEMPORARY stand-in until src/scenario and src/compare land.
import { InputError, expected } from '../errors.js';
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

function record(json: unknown): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) expected('scenario', 'a JSON object', json);
  return json as Record<string, unknown>;
}

/** Stand-in: a smooth synthetic year so the service and UI can be exercised before the engine exists. */
export function runScenario(json: unknown, tick?: Tick): ScenarioResultLike {
  const s = record(json);
  const name = typeof s.name === 'string' ? s.name : expected('name', 'a string', s.name);
  const days = s.days === undefined ? 365 : Number(s.days);
  if (!Number.isFinite(days) || days <= 0) throw new InputError('days', `expected a positive number, got ${String(s.days)}`);
  const bins = Number((s as { bins?: unknown }).bins ?? 100);
  const t = new Float64Array(days), gas = new Float64Array(days), pH = new Float64Array(days), nh3 = new Float64Array(days);
  for (let i = 0; i < days; i++) {
    let x = 0;
    for (let k = 0; k < 2000; k++) x += Math.sin(i + k);   // simulated cost per day
    t[i] = i + 1; gas[i] = bins * 0.5 * (1 - Math.exp(-i / 20)) + 1e-9 * x; pH[i] = 7.2; nh3[i] = 80;
    tick?.(i + 1, days);
  }
  const biogas = gas.reduce((a, b) => a + b, 0);
  return {
    name,
    annual: { dog_waste_collected_t: bins * 0.3, biogas_Nm3: biogas, methane_Nm3: biogas * 0.6, electricity_net_kWh: biogas * 2, co2e_net_t: -bins * 0.01, cost_net_gbp: bins * 10 },
    daily: { t_d: t, q_biogas_Nm3_d: gas, q_ch4_Nm3_d: gas.map((g) => g * 0.6), pH, free_nh3_mgN_L: nh3 },
    stability: {}, warnings: [], assumptions: {},
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
