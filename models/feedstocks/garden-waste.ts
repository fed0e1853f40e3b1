// Garden/green waste (mixed cuttings, leaves, prunings), shredded: lignin-rich and slow.
import type { Feedstock } from './types.js';
import { sv } from './sourced.js';

export const gardenWaste: Feedstock = {
  id: 'garden-waste',
  name: 'Garden / green waste',
  description: 'Mixed garden waste (grass, leaves, soft prunings), shredded; high C/N, lignin-rich; woody material digests poorly.',
  TS: sv(0.40, 0.30, 0.60, 'kg TS/kg FM', 'literature', '30-60 %: literature range, no primary source traced (estimate)'),
  VS_TS: sv(0.80, 0.75, 0.90, 'kg VS/kg TS', 'literature', '75-90 %: literature range, no primary source traced (estimate)'),
  composition: {
    carbohydrate: sv(0.74, 0.60, 0.80, 'kg/kg VS', 'estimate', 'estimate: remainder after protein, lipid and lignin (cellulose and hemicellulose)'),
    protein: sv(0.08, 0.05, 0.12, 'kg/kg VS', 'estimate', 'estimate: from an assumed N of 1.1 % DM x 6.25'),
    lipid: sv(0.03, 0.01, 0.05, 'kg/kg VS', 'estimate', 'estimate: plant waxes and oils'),
    lignin: sv(0.15, 0.10, 0.25, 'kg/kg VS', 'literature', 'lignin 10-25 % VS: literature range, no primary source traced (estimate)'),
  },
  N_total: sv(0.011, 0.008, 0.02, 'kg N/kg TS', 'literature', 'C 45 %, N 1.1 % DM assumed (estimate, no primary source traced); C/N 20-60 (literature range)'),
  NH4_N: sv(0.1, 0.02, 0.3, 'g N/kg FM', 'estimate', 'estimate'),
  pH: sv(6.5, 5.5, 7.5, '-', 'estimate', 'estimate'),
  alkalinity: sv(1, 0.5, 3, 'g CaCO3/kg FM', 'estimate', 'estimate'),
  biodegradability: sv(0.45, 0.30, 0.60, 'kg/kg VS', 'estimate', 'BD = 0.830 - 0.028 x lignin % VS [Chandler1980] gives 0.41 at 15 %'),
  BMP: sv(200, 150, 250, 'NL CH4/kg VS', 'literature', '150-250 (grass 200-350, woody < 150): literature range; meadow grass 197-221 [BiomassBioenergy2019]'),
  k_hyd: sv(0.1, 0.03, 0.2, '1/d', 'estimate', 'estimate; grass silage ~0.05 [GaidaPyADM1ODE]'),
  density: sv(900, 700, 1100, 'kg/m3', 'estimate', 'estimate: wet shredded material (not loose bulk density)'),
};
