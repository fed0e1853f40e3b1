// Fresh grass cuttings (parks, verges): fast-degrading, moderate N.
import type { Feedstock } from './types.js';
import { sv } from './sourced.js';

export const grass: Feedstock = {
  id: 'grass',
  name: 'Grass cuttings (fresh)',
  description: 'Fresh grass from parks and road verges; digestible, moderate C/N.',
  TS: sv(0.22, 0.15, 0.35, 'kg TS/kg FM', 'estimate', 'estimate: fresh cuttings, wilting raises TS'),
  VS_TS: sv(0.90, 0.85, 0.93, 'kg VS/kg TS', 'estimate', 'estimate; verge grass carries soil (lower VS)'),
  composition: {
    carbohydrate: sv(0.76, 0.65, 0.82, 'kg/kg VS', 'estimate', 'estimate: remainder (cellulose, hemicellulose, sugars)'),
    protein: sv(0.15, 0.08, 0.20, 'kg/kg VS', 'estimate', 'estimate: crude protein of grass'),
    lipid: sv(0.03, 0.02, 0.05, 'kg/kg VS', 'estimate', 'estimate'),
    lignin: sv(0.06, 0.03, 0.10, 'kg/kg VS', 'estimate', 'estimate: young grass, little lignin'),
  },
  N_total: sv(0.025, 0.015, 0.035, 'kg N/kg TS', 'estimate', 'estimate: crude protein/6.25 plus a little NH4-N'),
  NH4_N: sv(0.1, 0.02, 0.3, 'g N/kg FM', 'estimate', 'estimate'),
  pH: sv(6.0, 5.0, 7.0, '-', 'estimate', 'estimate'),
  alkalinity: sv(1, 0.5, 3, 'g CaCO3/kg FM', 'estimate', 'estimate'),
  biodegradability: sv(0.60, 0.45, 0.75, 'kg/kg VS', 'estimate', 'estimate: BMP / Buswell theoretical'),
  BMP: sv(270, 200, 350, 'NL CH4/kg VS', 'literature', 'grass 200-350 (literature range); meadow grass 197-221 [BiomassBioenergy2019]; road-verge grass [Czubaszek2023]'),
  k_hyd: sv(0.15, 0.05, 0.3, '1/d', 'estimate', 'estimate; grass silage ~0.05 [GaidaPyADM1ODE], fresh grass faster'),
  density: sv(1000, 900, 1100, 'kg/m3', 'estimate', 'estimate: wet particle density'),
};
