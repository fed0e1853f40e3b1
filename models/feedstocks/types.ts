// Feedstock record types: every property is a typical value with a low-high range, a unit, a source and an evidence level.

export type Evidence = 'measured' | 'literature' | 'estimate';

/** One sourced property. `value` is the typical figure; `low`..`high` the range sources give (or an estimated spread). */
export interface Sourced {
  value: number;
  low: number;
  high: number;
  unit: string;
  source: string;
  evidence: Evidence;
}

/** Composition of the volatile solids by mass (kg per kg VS); the four parts sum to 1.
 *  `carbohydrate` includes crude fibre (cellulose, hemicellulose); `lignin` is never degraded anaerobically (goes to X_I). */
export interface VsComposition {
  carbohydrate: Sourced;
  protein: Sourced;
  lipid: Sourced;
  lignin: Sourced;
}

export interface Feedstock {
  /** Stable identifier used on the command line and in scenario files, e.g. "dog-faeces". */
  id: string;
  name: string;
  description: string;
  /** Shown wherever the feedstock is used (CLI, reports, web), e.g. that a BMP is an estimate. */
  caveat?: string;
  TS: Sourced;                 // kg TS/kg FM (fraction of fresh mass)
  VS_TS: Sourced;              // kg VS/kg TS
  composition: VsComposition;  // kg/kg VS
  /** Crude fibre as part of the carbohydrate (kg/kg VS): information for the researcher, not used by the mapping. */
  fibre?: Sourced;
  N_total: Sourced;            // kg N/kg TS (Kjeldahl + ammonium)
  NH4_N: Sourced;              // g N/kg FM
  pH: Sourced;                 // -
  alkalinity: Sourced;         // g CaCO3/kg FM (to pH 4.3)
  /** Volatile fatty acids, counted as acetate COD and taken out of the carbohydrate (g COD/kg FM). */
  VFA?: Sourced;
  /** Anaerobically biodegradable fraction of the VS as reported in the literature (kg/kg VS). Cross-check only:
   *  the mapping derives degradability from BMP (see src/feed/characterise.ts). */
  biodegradability: Sourced;
  BMP: Sourced;                // NL CH4/kg VS (0 C, 1.01325 bar)
  k_hyd: Sourced;              // 1/d, first-order hydrolysis of the degradable particulate COD
  density: Sourced;            // kg/m3 of the material as fed (wet, not loose bulk): turns fresh mass into influent volume
  /** Soluble inert COD as a fraction of the total COD (kg COD/kg COD); default 0.02 if absent. */
  S_I_fraction?: Sourced;
}

/** The unit each field must carry; user files are checked against this table so a value cannot be mislabelled. */
export const FIELD_UNITS = {
  TS: 'kg TS/kg FM',
  VS_TS: 'kg VS/kg TS',
  carbohydrate: 'kg/kg VS',
  protein: 'kg/kg VS',
  lipid: 'kg/kg VS',
  lignin: 'kg/kg VS',
  fibre: 'kg/kg VS',
  N_total: 'kg N/kg TS',
  NH4_N: 'g N/kg FM',
  pH: '-',
  alkalinity: 'g CaCO3/kg FM',
  VFA: 'g COD/kg FM',
  biodegradability: 'kg/kg VS',
  BMP: 'NL CH4/kg VS',
  k_hyd: '1/d',
  density: 'kg/m3',
  S_I_fraction: 'kg COD/kg COD',
} as const;
