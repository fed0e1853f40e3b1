// Capital cost of a new digester by item, scaled from reference plants by a power law (cost ~ size^n), or from a
// quoted lump sum, quoted items or a whole-plant rate (GBP/kWe or GBP per t/yr of capacity).
import type { CapexItem } from './types.js';
import { ECONOMICS_DEFAULTS, ev } from './defaults.js';
import type { Scenario } from '../scenario/types.js';
import { formatGB } from '../units/format.js';

/** The size figures the costs scale with (the largest year of the plant's life: it is built for the full rollout). */
export interface PlantSize {
  /** Installed CHP capacity, kWe: mean generation while available, not below the smallest engine costed. */
  kWe: number;
  /** Mean electrical output, kWe, before the floor (for the per-kWe comparison). */
  kWe_mean: number;
  V_liq_m3: number;
  /** Feed through the pasteuriser (fresh feed + dilution water), t/yr. */
  feed_in_t_yr: number;
  /** Fresh feed (dog waste + co-substrates), t/yr: the default capacity for a per-tonne rate. */
  feed_t_yr: number;
  /** Bagged dog waste through depackaging, t/yr. */
  dog_t_yr: number;
}

const src = (name: keyof typeof ECONOMICS_DEFAULTS): string => ECONOMICS_DEFAULTS[name].source.match(/\[[^\]]+\]/)?.[0] ?? 'estimate';
const gbp = (x: number) => `£${formatGB(Math.round(x))}`;

export function capexItems(s: Scenario, size: PlantSize): CapexItem[] {
  const e = s.economics;
  if (e.existing_plant || s.destination !== 'digester') return [];
  if (e.capex_lump_gbp !== null) return [{ item: 'plant (quoted lump sum)', gbp: e.capex_lump_gbp, source: 'scenario file' }];
  if (e.capex_gbp_kWe !== null) {
    return [{ item: 'plant (quoted rate per kWe)', gbp: e.capex_gbp_kWe * size.kWe, source: 'scenario file', basis: `${gbp(e.capex_gbp_kWe)}/kWe x ${size.kWe.toFixed(1)} kWe` }];
  }
  if (e.capex_gbp_t_yr !== null) {
    const cap = e.capacity_t_yr ?? size.feed_t_yr;
    return [{ item: 'plant (quoted rate per t/yr)', gbp: e.capex_gbp_t_yr * cap, source: 'scenario file', basis: `${gbp(e.capex_gbp_t_yr)} per t/yr x ${Math.round(cap)} t/yr` }];
  }
  const n = e.capex_scale_exponent;
  const q = e.capex_items_gbp;
  const out: CapexItem[] = [];
  const add = (key: keyof typeof q, item: string, scaled: number, source: string, basis: string, estimate: boolean) => {
    const quoted = q[key];
    out.push(quoted !== undefined ? { item, gbp: quoted, source: 'scenario file' } : { item, gbp: scaled, source, basis, estimate });
    return quoted ?? scaled;
  };
  const refV = ev('capex_digester_ref_m3');
  const digester = add('digester', 'digester and gas handling', e.capex_digester_ref_gbp * Math.pow(size.V_liq_m3 / refV, n), src('capex_digester_ref_gbp'),
    `${gbp(e.capex_digester_ref_gbp)} x (${Math.round(size.V_liq_m3)} m3 / ${refV} m3)^${n}`, true);
  let plant = digester;
  if (s.gas_use.kind === 'chp') {
    plant += add('chp', 'CHP engine', e.capex_chp_ref_gbp * Math.pow(size.kWe / 20, n), src('capex_chp_ref_gbp'),
      `${gbp(e.capex_chp_ref_gbp)} x (${size.kWe.toFixed(1)} kWe / 20 kWe)^${n}`, true);
  } else {
    plant += add('chp', 'flare or boiler (no CHP)', ev('capex_flare_gbp'), 'estimate', 'no sourced price', true);
  }
  if (s.digester.pasteurisation.enabled) {
    const ref = ev('capex_pasteuriser_ref_t_yr');
    plant += add('pasteuriser', 'pasteuriser', e.capex_pasteuriser_ref_gbp * Math.pow(size.feed_in_t_yr / ref, n), src('capex_pasteuriser_ref_gbp'),
      `${gbp(e.capex_pasteuriser_ref_gbp)} x (${Math.round(size.feed_in_t_yr)} t/yr / ${formatGB(ref)} t/yr)^${n}`, true);
  }
  if (size.dog_t_yr > 0) {
    plant += add('depackaging', 'depackaging (bag removal)', e.capex_depackaging_ref_gbp * Math.pow(size.dog_t_yr / 1000, n), 'estimate',
      `${gbp(e.capex_depackaging_ref_gbp)} x (${Math.round(size.dog_t_yr)} t/yr / 1,000 t/yr)^${n}`, true);
  }
  plant += add('reception', 'reception', e.capex_reception_fraction * digester, 'estimate', `${pct(e.capex_reception_fraction)} of the digester item`, true);
  plant += add('site_grid', 'site works and grid connection', e.capex_site_grid_fraction * plant, 'estimate', `${pct(e.capex_site_grid_fraction)} of the plant items`, true);
  add('development', 'development (feasibility, planning, permits)', e.capex_development_fraction * plant, src('capex_development_fraction'), `${pct(e.capex_development_fraction)} of the items above`, false);
  return out;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** The CHP item (what an engine overhaul is a share of): 0 for a lump sum or a whole-plant rate, where it is not known. */
export function chpItem(items: CapexItem[]): number {
  return items.find((i) => i.item === 'CHP engine')?.gbp ?? 0;
}
