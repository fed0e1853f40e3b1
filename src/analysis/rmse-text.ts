// How a fit's RMSE reads, with its unit and basis (CLI and web alike); no imports but a type, so the web page can use it.
import type { GroupStats } from './fit.js';

/** "RMSE 24.1 mg N/L (0.00172 kmol N/m3)", "RMSE 3.33 percentage points of CH4 in dry biogas": every residual with its
 *  unit and basis; `format` renders numbers (the CLI and web have their own). */
export function rmseText(g: GroupStats, format: (x: number) => string): string {
  if (g.rmse_as_given !== undefined && g.unit_as_given) {
    const canonical = g.unit && g.unit !== '-' && g.unit !== g.unit_as_given && g.rmse_as_given !== g.rmse ? ` (${format(g.rmse)} ${g.unit})` : '';
    // The basis is said once: not when the unit already names it ("percentage points of CH4 in dry biogas", pH units).
    const basis = g.basis && !g.unit_as_given.includes(g.basis) && !/biogas|pH/.test(g.unit_as_given) ? `, ${g.basis}` : '';
    return `RMSE ${format(g.rmse_as_given)} ${g.unit_as_given}${canonical}${basis}`;
  }
  return `RMSE ${format(g.rmse)}${g.unit && g.unit !== '-' ? ` ${g.unit}` : ' (no unit given)'}${g.basis ? `, ${g.basis}` : ''}`;
}
