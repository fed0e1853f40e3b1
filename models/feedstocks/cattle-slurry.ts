// Cattle slurry: dilute, well-buffered, moderately degradable manure.
import type { Feedstock } from './types.js';
import { sv } from './sourced.js';

const WEENDER = 'SIMBA# cattle_manure record in [GaidaPyADM1ODE] (Weender, % TS: crude fibre 18, protein 14, fat 3.5, ash 10)';

export const cattleSlurry: Feedstock = {
  id: 'cattle-slurry',
  name: 'Cattle slurry',
  description: 'Dairy/beef cattle slurry; dilute, well buffered, fibrous.',
  TS: sv(0.08, 0.06, 0.10, 'kg TS/kg FM', 'literature', '6-10 % DM [BiomassEnergyCentre]'),
  VS_TS: sv(0.80, 0.70, 0.85, 'kg VS/kg TS', 'literature', '70-85 %: literature range, no primary source traced (estimate)'),
  composition: {
    carbohydrate: sv(0.661, 0.55, 0.72, 'kg/kg VS', 'literature', `${WEENDER}: remainder incl. crude fibre`),
    protein: sv(0.175, 0.12, 0.22, 'kg/kg VS', 'literature', `${WEENDER}: 14 % TS / VS 0.80`),
    lipid: sv(0.044, 0.03, 0.06, 'kg/kg VS', 'literature', `${WEENDER}: 3.5 % TS / VS 0.80`),
    lignin: sv(0.12, 0.08, 0.20, 'kg/kg VS', 'estimate', 'estimate: typical ruminant-manure lignin'),
  },
  fibre: sv(0.225, 0.18, 0.30, 'kg/kg VS', 'literature', WEENDER),
  N_total: sv(0.047, 0.035, 0.06, 'kg N/kg TS', 'literature', 'derived: protein/6.25 + NH4-N of the [GaidaPyADM1ODE] record; C/N 8-15 (literature range)'),
  NH4_N: sv(2.0, 1.0, 3.0, 'g N/kg FM', 'literature', 'NH4-N 2 kg/m3 (SIMBA# cattle_manure, [GaidaPyADM1ODE])'),
  pH: sv(7.2, 6.8, 7.8, '-', 'estimate', 'estimate: typical stored slurry'),
  alkalinity: sv(10, 6, 15, 'g CaCO3/kg FM', 'estimate', 'estimate: typical stored slurry'),
  VFA: sv(2, 0, 6, 'g COD/kg FM', 'estimate', 'estimate: storage fermentation'),
  biodegradability: sv(0.40, 0.30, 0.50, 'kg/kg VS', 'literature', 'a_XI 0.63 (SIMBA# cattle_manure, [GaidaPyADM1ODE])'),
  BMP: sv(200, 140, 240, 'NL CH4/kg VS', 'literature', '140-240: 238 [LunaDelRisco2011]; 136.7 Nm3/t VS library value (SIMBA# cattle_manure, [GaidaPyADM1ODE])'),
  k_hyd: sv(0.12, 0.05, 0.3, '1/d', 'literature', 'manures first-order 0.05-0.3 [Vavilin2008]'),
  density: sv(1010, 1000, 1050, 'kg/m3', 'estimate', 'estimate: dilute slurry'),
};
