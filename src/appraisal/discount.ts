// Discount factors and carbon values for appraisal: HM Treasury Green Book schedule (3.5 % real to year 30, 3.0 % to
// year 75) or a flat rate; DESNZ appraisal carbon values by calendar year.

/** Green Book social time preference rates [HMT2022]: years 0-30, 31-75 (the 2.5 % of years 76-125 is never reached: life <= 60). */
export const GREEN_BOOK = { rate_0_30: 0.035, rate_31_75: 0.03 } as const;

/** Discount factor of year t (0 = build year). `rate` null: the Green Book schedule. */
export function discountFactor(t: number, rate: number | null): number {
  if (rate !== null) return Math.pow(1 + rate, -t);
  if (t <= 30) return Math.pow(1 + GREEN_BOOK.rate_0_30, -t);
  return Math.pow(1 + GREEN_BOOK.rate_0_30, -30) * Math.pow(1 + GREEN_BOOK.rate_31_75, -(t - 30));
}

/** DESNZ central values [DESNZ2023], GBP(2022)/t CO2e: 273.06 in 2025, 294.50 in 2030; low and high are 0.5x and 1.5x central. */
const CENTRAL_2025 = 273.06;
const CENTRAL_2030 = 294.5;
/** Real growth a year between the two published points, carried on past 2030 (an estimate: the full series is not in adsim). */
const GROWTH = Math.pow(CENTRAL_2030 / CENTRAL_2025, 1 / 5);
export const CARBON_LOW_RATIO = 0.5;
export const CARBON_HIGH_RATIO = 1.5;

/** Carbon value of calendar `year`, GBP/t CO2e, scaled so that 2025 has `value2025` (the central value by default). */
export function carbonValue(year: number, value2025 = CENTRAL_2025): number {
  return value2025 * Math.pow(GROWTH, year - 2025);
}
