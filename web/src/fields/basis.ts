// The basis each gas figure is given on, said wherever the figure is shown (as the CLI does): normal volumes are dry
// gas at 0 C and 101.325 kPa; the methane fraction is of dry gas (CH4/(CH4+CO2)). The wet figures say they are wet.

/** Normal gas volumes (Nm3, NL, NmL): water vapour removed, at 0 C and 101.325 kPa. */
export const NORMAL_BASIS = 'dry, 0 C, 101.325 kPa';
/** The same normal conditions with the water vapour the digester gas carries (saturated at the digester temperature). */
export const WET_NORMAL_BASIS = 'wet (with water vapour), 0 C, 101.325 kPa';
/** The methane share of dry gas. */
export const FRACTION_BASIS = 'dry';
export const WET_FRACTION_BASIS = 'wet (with water vapour)';

/** Output names on the wet basis whose name does not say "wet" (a digester run's q_gas_Nm3_d, also as a series). */
const WET_BY_NAME = /(^|\.)q_gas_Nm3_d$/;

/**
 * The basis of a figure from its name or unit: "biogas_Nm3", "q_ch4_Nm3_d", "NL CH4/kg VS" -> dry normal;
 * "biogas_wet_Nm3" and a digester run's "q_gas_Nm3_d" -> wet normal; "ch4_fraction_dry" -> dry; "ch4_fraction" (the wet-gas share) -> wet; else ''.
 */
export function gasBasis(keyOrUnit: string): string {
  // q_gas_Nm3_d is the older name of the WET normal gas of a digester run (src/analysis/digester-model.ts): its name
  // does not say so, so it is named here (the dry biogas is q_biogas_dry_Nm3_d).
  const wet = /wet/i.test(keyOrUnit) || WET_BY_NAME.test(keyOrUnit);
  if (/ch4_fraction|methane fraction/i.test(keyOrUnit)) return wet || !/dry/i.test(keyOrUnit) ? WET_FRACTION_BASIS : FRACTION_BASIS;
  if (/Nm3|NmL|\bNL\b/.test(keyOrUnit)) return wet ? WET_NORMAL_BASIS : NORMAL_BASIS;
  return '';
}

/** A unit with its basis when it has one: "Nm3/yr" for "biogas_Nm3" -> "Nm3/yr, dry, 0 C, 101.325 kPa". */
export function unitWithBasis(unit: string, key = unit): string {
  const b = gasBasis(key) || gasBasis(unit);
  return b ? `${unit}, ${b}` : unit;
}
