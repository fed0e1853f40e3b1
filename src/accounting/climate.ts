// Bundled monthly climate: Cardiff (Bute Park) 1991-2020 monthly mean air temperatures, the default ambient of a
// scenario's seasonal heat balance. A scenario may give its own twelve values (digester.ambient_T_monthly).

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** Days per month of a 365-day accounting year that starts on 1 January. */
export const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Monthly means of daily mean air temperature (degC), Cardiff Bute Park 1991-2020: the mean of each month's mean
 * maximum and mean minimum, computed in this project from the Met Office historic station data file for Cardiff
 * Bute Park ([MetOfficeCardiff]). Annual mean 11.1 C.
 */
export const CARDIFF_1991_2020_C: readonly number[] = [5.6, 5.8, 7.6, 10.0, 12.9, 15.7, 17.5, 17.2, 14.9, 11.6, 8.3, 6.0];
export const CARDIFF_SOURCE = '[MetOfficeCardiff] Cardiff Bute Park 1991-2020, monthly (mean max + mean min)/2, computed in this project';

/** Month index (0-11) of day `d` of an accounting year starting on 1 January (d = 0..364). */
export function monthOfDay(d: number): number {
  let left = ((Math.floor(d) % 365) + 365) % 365;
  for (let m = 0; m < 12; m++) { if (left < MONTH_DAYS[m]!) return m; left -= MONTH_DAYS[m]!; }
  return 11;
}
