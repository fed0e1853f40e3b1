// Digester acclimation (K_I_nh3) and the operators' health thresholds (at risk / failing), each with unit and source key.
//
// Sources are keys into docs/sources.md. Where a figure is this project's reading of a range, it is marked estimate.

export type Acclimation = 'unacclimated' | 'acclimated';
export const ACCLIMATIONS: readonly Acclimation[] = ['unacclimated', 'acclimated'];

export interface AcclimationSpec {
  /** ADM1 free-ammonia inhibition constant of acetoclastic methanogens (50 % inhibition), kmol N/m3. */
  K_I_nh3_kmolN_m3: number;
  range: [number, number];
  source: string;
  estimate: boolean;
}

/**
 * K_I_nh3 by acclimation. Unacclimated: ADM1's constant (25 mg N/L). Acclimated: 600 mg N/L (0.043 kmol N/m3), the
 * low end of the 600-1,100 mg N/L free ammonia that acclimated digesters tolerate; the range runs from the 80 mg N/L
 * onset of inhibition in unacclimated digesters to the 1.1 g N/L at which [Hansen1998] saw acclimated swine-manure
 * cultures inhibited.
 */
export const ACCLIMATION: Readonly<Record<Acclimation, AcclimationSpec>> = {
  unacclimated: { K_I_nh3_kmolN_m3: 0.0018, range: [0.0018, 0.0107], source: '[Batstone2002] table 6.2; [RosenJeppsson2006]; range to 150 mg N/L: [YenigunDemirel2013]', estimate: false },
  acclimated: { K_I_nh3_kmolN_m3: 0.043, range: [0.0057, 0.0786], source: '[YenigunDemirel2013] (600-1,100 mg N/L tolerated after acclimation); [Hansen1998] (inhibition from 1.1 g N/L)', estimate: true },
};

/**
 * Default acclimation of a scenario's digester: acclimated. A plant that has run on the same N-rich feed for months
 * has selected an ammonia-tolerant (largely hydrogenotrophic) community [YenigunDemirel2013]; the ADM1 constant
 * describes a sewage-sludge inoculum that has never seen such a feed. A new plant's first months, or a sudden change
 * to a nitrogen-rich feed, are "unacclimated".
 */
export const DEFAULT_ACCLIMATION: Acclimation = 'acclimated';

export interface Threshold {
  /** Indicator name (a key of HealthIndicators). */
  indicator: string;
  unit: string;
  /** 'above': bad when the value exceeds the limit; 'below': bad when it falls under. */
  direction: 'above' | 'below';
  at_risk: number;
  failing: number;
  source: string;
  estimate: boolean;
}

/** Thresholds that do not depend on acclimation. */
const COMMON: Threshold[] = [
  { indicator: 'fos_tac', unit: 'mg HAc / mg CaCO3', direction: 'above', at_risk: 0.4, failing: 0.6,
    source: '[Drosg2013] (FOS/TAC: stable up to 0.3-0.4, overloaded above 0.5-0.6; not re-checked)', estimate: true },
  { indicator: 'vfa_mgHAc_L', unit: 'mg HAc/L', direction: 'above', at_risk: 2000, failing: 6000,
    source: '[Drosg2013] (VFA 1,000-3,000 mg/L in stable plants; not re-checked); failing level estimate', estimate: true },
  { indicator: 'pH', unit: 'pH', direction: 'below', at_risk: 6.8, failing: 6.5,
    source: '[Batstone2002] (acetoclast pH inhibition between pH 7 and 6, pH_UL_ac/pH_LL_ac)', estimate: true },
  { indicator: 'methanogen_activity', unit: 'fraction of uninhibited acetoclast uptake', direction: 'below', at_risk: 0.5, failing: 0.2,
    source: 'estimate: the model\'s I_nh3 x I_pH_ac; half the uptake lost is at risk, four fifths failing', estimate: true },
];

/** Ammonia thresholds by acclimation (free ammonia NH3-N and total ammonium N, mg N/L). */
const AMMONIA: Readonly<Record<Acclimation, Threshold[]>> = {
  unacclimated: [
    { indicator: 'free_nh3_mgN_L', unit: 'mg N/L', direction: 'above', at_risk: 80, failing: 150,
      source: '[YenigunDemirel2013] (80-150 mg N/L inhibit unacclimated digesters)', estimate: false },
    { indicator: 'tan_mgN_L', unit: 'mg N/L', direction: 'above', at_risk: 1500, failing: 3000,
      source: '[Chen2008] (TAN 1.5-3 g N/L inhibitory above pH 7.4; not re-checked)', estimate: true },
  ],
  acclimated: [
    { indicator: 'free_nh3_mgN_L', unit: 'mg N/L', direction: 'above', at_risk: 600, failing: 1100,
      source: '[YenigunDemirel2013] (600-1,100 mg N/L tolerated after acclimation); [Hansen1998] (inhibited from 1.1 g N/L)', estimate: false },
    { indicator: 'tan_mgN_L', unit: 'mg N/L', direction: 'above', at_risk: 5000, failing: 7000,
      source: '[Colon2015] (stable at 5.2-7.15 g N/L with an acclimated inoculum); [Hansen1998] (6 g N/L stable, low yield)', estimate: true },
  ],
};

export function thresholdsFor(a: Acclimation): Threshold[] {
  return [...AMMONIA[a], ...COMMON];
}
