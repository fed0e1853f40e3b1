// Per-feedstock influent per tonne of fresh mass: volume and ADM1 concentrations, plus TS/VS/COD for the accounting.
//
// The concentrations are intensive (independent of the rate), so one characterisation per feedstock is scaled by the
// day's tonnage and mixed linearly with the other streams and dilution water (see feed.ts).
import type { Feedstock } from '../../models/feedstocks/index.js';
import { findFeedstock as lookUp } from '../feed/library.js';
import type { InfluentState } from '../simulate/types.js';
import type { StateName } from '../../models/adm1/components.js';
import { characteriseFeedstock } from './characterise.js';

export interface FeedstockInfluent {
  id: string;
  record: Feedstock;
  name: string;
  caveat?: string;
  /** kg TS per kg fresh mass. */
  TS: number;
  /** kg VS per kg fresh mass. */
  VS_FM: number;
  /** kg N per kg fresh mass. */
  N_FM: number;
  /** m3 of influent per tonne fresh mass. */
  m3_per_t: number;
  /** kg COD per tonne fresh mass (all COD states). */
  COD_kg_t: number;
  /** ADM1 influent concentrations of the undiluted material. */
  state: InfluentState;
}

const COD_STATES: readonly StateName[] = ['S_su', 'S_aa', 'S_fa', 'S_va', 'S_bu', 'S_pro', 'S_ac', 'S_h2', 'S_ch4', 'S_I', 'X_xc', 'X_ch', 'X_pr', 'X_li',
  'X_su', 'X_aa', 'X_fa', 'X_c4', 'X_pro', 'X_ac', 'X_h2', 'X_I'];

/** Sum of the COD-bearing states (kg COD/m3). */
export function codOf(state: InfluentState): number {
  let s = 0;
  for (const n of COD_STATES) s += state[n] ?? 0;
  return s;
}

/** The influent of one feedstock per tonne of fresh mass. */
export function feedstockInfluent(id: string, field: string, library?: readonly Feedstock[]): FeedstockInfluent {
  const f = lookUp(id, library, field);
  const { q_m3_d, state } = characteriseFeedstock(f, 1000);
  const m3_per_t = q_m3_d;
  const out: FeedstockInfluent = {
    id: f.id, record: f, name: f.name,
    TS: f.TS.value,
    VS_FM: f.TS.value * f.VS_TS.value,
    N_FM: f.TS.value * f.N_total.value,
    m3_per_t,
    COD_kg_t: codOf(state) * m3_per_t,
    state,
  };
  if (f.caveat) out.caveat = f.caveat;
  return out;
}
