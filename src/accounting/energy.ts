// Methane -> CHP electricity and heat, parasitic load, heat demand (digester + pasteuriser) and what heat is used or sold.
import { dv } from '../scenario/defaults.js';
import type { Scenario } from '../scenario/types.js';

export interface EnergyBlock {
  methane_Nm3: number;
  methane_slip_Nm3: number;
  /** Methane energy (LHV) reaching the engine or flare. */
  ch4_energy_kWh: number;
  electricity_gross_kWh: number;
  parasitic_kWh: number;
  electricity_net_kWh: number;
  heat_kWh: number;
  heat_demand_kWh: number;
  /** Heat from the CHP that does something useful: covers the demand, or is sold. */
  heat_used_kWh: number;
  heat_sold_kWh: number;
  /** Demand the CHP cannot cover (needs a boiler: reported, not costed). */
  heat_deficit_kWh: number;
}

/** Heat to bring `feed_m3` of feed to temperature (and through the pasteuriser), kWh. */
export function heatDemand_kWh(s: Scenario, feed_m3: number): number {
  const d = s.digester;
  const c = dv('water_heat_kWh_m3_K');
  const T_op_C = d.T_op_K - 273.15;
  let T_in = d.T_ambient_C;
  let past = 0;
  if (d.pasteurisation.enabled) {
    // Feed is heated to T_past; a heat exchanger recovers a share from the hot product, which then enters warm.
    past = feed_m3 * c * (d.pasteurisation.T_C - d.T_ambient_C) * (1 - d.pasteurisation.heat_recovery);
    T_in = d.pasteurisation.T_C - d.pasteurisation.heat_recovery * (d.pasteurisation.T_C - d.T_ambient_C);
  }
  const warm = feed_m3 * c * Math.max(0, T_op_C - T_in);
  // Wall and roof losses as a share of the heat to warm cold feed to the digester temperature (estimate).
  const losses = feed_m3 * c * Math.max(0, T_op_C - d.T_ambient_C) * d.heat_loss_fraction;
  return past + warm + losses;
}

/** Energy from `methane_Nm3` produced while `feed_m3` was fed. */
export function energyBlock(s: Scenario, methane_Nm3: number, feed_m3: number): EnergyBlock {
  const g = s.gas_use;
  const slip = methane_Nm3 * g.methane_slip;
  const ch4_energy_kWh = (methane_Nm3 - slip) * dv('ch4_LHV_kWh_Nm3');
  const chp = g.kind === 'chp';
  // While the CHP is down (1 - availability) the gas is flared.
  const burnt = chp ? ch4_energy_kWh * g.availability : 0;
  const gross = burnt * g.eta_el;
  const parasitic = gross * g.parasitic_fraction;
  const heat = burnt * g.eta_th;
  const demand = heatDemand_kWh(s, feed_m3);
  const covered = Math.min(heat, demand);
  const sold = (heat - covered) * g.heat_sold_fraction;
  return {
    methane_Nm3, methane_slip_Nm3: slip, ch4_energy_kWh,
    electricity_gross_kWh: gross, parasitic_kWh: parasitic, electricity_net_kWh: gross - parasitic,
    heat_kWh: heat, heat_demand_kWh: demand, heat_used_kWh: covered + sold, heat_sold_kWh: sold,
    heat_deficit_kWh: demand - covered,
  };
}

/** a - b, field by field (what the dog waste adds to an existing plant's output). */
export function subtractBlocks(a: EnergyBlock, b: EnergyBlock): EnergyBlock {
  const out = { ...a };
  for (const k of Object.keys(a) as (keyof EnergyBlock)[]) out[k] = a[k] - b[k];
  return out;
}
