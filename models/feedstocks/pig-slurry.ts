// Pig slurry: dilute, very ammonium-rich manure.
import type { Feedstock } from './types.js';
import { sv } from './sourced.js';

const GUMM = 'Gummersbach plant data in [GaidaPyADM1ODE] (Weender, % TS: crude fibre 11, protein 16, fat 4.6)';

export const pigSlurry: Feedstock = {
  id: 'pig-slurry',
  name: 'Pig slurry',
  description: 'Pig (swine) slurry; dilute, ammonium-rich, low C/N.',
  TS: sv(0.06, 0.03, 0.08, 'kg TS/kg FM', 'literature', GUMM),
  VS_TS: sv(0.72, 0.65, 0.80, 'kg VS/kg TS', 'literature', GUMM),
  composition: {
    carbohydrate: sv(0.654, 0.55, 0.72, 'kg/kg VS', 'literature', `${GUMM}: remainder incl. crude fibre`),
    protein: sv(0.222, 0.18, 0.28, 'kg/kg VS', 'literature', `${GUMM}: 16 % TS / VS 0.72`),
    lipid: sv(0.064, 0.04, 0.09, 'kg/kg VS', 'literature', `${GUMM}: 4.6 % TS / VS 0.72`),
    lignin: sv(0.06, 0.03, 0.10, 'kg/kg VS', 'estimate', 'estimate'),
  },
  fibre: sv(0.153, 0.10, 0.20, 'kg/kg VS', 'literature', GUMM),
  N_total: sv(0.092, 0.07, 0.12, 'kg N/kg TS', 'literature', 'derived: protein/6.25 + NH4-N of the Gummersbach data [GaidaPyADM1ODE]; C/N 5-10 (literature range)'),
  NH4_N: sv(4.0, 2.5, 5.5, 'g N/kg FM', 'literature', 'NH4 4 g/L (Gummersbach data, [GaidaPyADM1ODE])'),
  pH: sv(7.4, 7.0, 8.0, '-', 'estimate', 'estimate: typical stored slurry'),
  alkalinity: sv(15, 10, 25, 'g CaCO3/kg FM', 'estimate', 'estimate: ammonium bicarbonate dominates'),
  VFA: sv(3, 0, 10, 'g COD/kg FM', 'estimate', 'estimate: storage fermentation'),
  biodegradability: sv(0.60, 0.50, 0.70, 'kg/kg VS', 'estimate', 'estimate: BMP / Buswell theoretical'),
  BMP: sv(300, 250, 350, 'NL CH4/kg VS', 'literature', '250-350: literature range, no primary source traced (estimate); animal slurries 238-317 [LunaDelRisco2011]'),
  k_hyd: sv(0.2, 0.075, 0.3, '1/d', 'literature', 'swine manure k_dis 0.27 (earlier 0.075-0.12), full-scale calibration on the Gummersbach data [GaidaPyADM1ODE]'),
  density: sv(1010, 1000, 1040, 'kg/m3', 'estimate', 'estimate: dilute slurry'),
};
