// Municipal sewage sludges: primary/mixed sludge and waste activated sludge (WAS).
import type { Feedstock } from './types.js';
import { sv } from './sourced.js';

export const primarySludge: Feedstock = {
  id: 'sewage-sludge',
  name: 'Sewage sludge (primary / mixed)',
  description: 'Thickened primary or mixed primary + secondary sludge from a municipal works; lipid-rich, readily degradable.',
  TS: sv(0.045, 0.03, 0.06, 'kg TS/kg FM', 'literature', '3-6 %: literature range, no primary source traced (estimate)'),
  VS_TS: sv(0.75, 0.70, 0.80, 'kg VS/kg TS', 'literature', '70-80 %: literature range, no primary source traced (estimate)'),
  composition: {
    carbohydrate: sv(0.45, 0.35, 0.55, 'kg/kg VS', 'estimate', 'estimate: typical primary sludge (cellulose, toilet paper)'),
    protein: sv(0.28, 0.20, 0.35, 'kg/kg VS', 'estimate', 'estimate: typical primary sludge'),
    lipid: sv(0.20, 0.10, 0.30, 'kg/kg VS', 'estimate', 'estimate: fats and grease'),
    lignin: sv(0.07, 0.03, 0.12, 'kg/kg VS', 'estimate', 'estimate'),
  },
  N_total: sv(0.040, 0.025, 0.05, 'kg N/kg TS', 'estimate', 'estimate: protein/6.25 + NH4-N; C/N 6-10 (literature range)'),
  NH4_N: sv(0.3, 0.1, 0.6, 'g N/kg FM', 'estimate', 'estimate'),
  pH: sv(6.5, 5.5, 7.0, '-', 'estimate', 'estimate'),
  alkalinity: sv(1.5, 0.5, 3, 'g CaCO3/kg FM', 'estimate', 'estimate'),
  VFA: sv(1, 0, 3, 'g COD/kg FM', 'estimate', 'estimate: fermentation in the thickener'),
  biodegradability: sv(0.55, 0.45, 0.65, 'kg/kg VS', 'estimate', 'estimate: BMP / Buswell theoretical'),
  BMP: sv(320, 250, 400, 'NL CH4/kg VS', 'literature', 'primary 250-400: literature range, no primary source traced (estimate); primary sludge alone gave up to 40 % more CH4 than mixed [Water2021]'),
  k_hyd: sv(0.3, 0.1, 0.5, '1/d', 'literature', 'ADM1/BSM2 sludge k_dis 0.5 [RosenJeppsson2006]'),
  density: sv(1020, 1000, 1040, 'kg/m3', 'estimate', 'estimate'),
};

export const wasteActivatedSludge: Feedstock = {
  id: 'was',
  name: 'Waste activated sludge (WAS)',
  description: 'Thickened surplus activated sludge: mostly microbial cells, slowly and poorly degradable without pre-treatment.',
  TS: sv(0.032, 0.026, 0.039, 'kg TS/kg FM', 'measured', '2.6-3.9 % as fed [Bolzonella2005]'),
  VS_TS: sv(0.72, 0.65, 0.80, 'kg VS/kg TS', 'literature', '65-80 %: literature range, no primary source traced (estimate)'),
  composition: {
    carbohydrate: sv(0.30, 0.20, 0.40, 'kg/kg VS', 'estimate', 'estimate: cell polysaccharides and EPS'),
    protein: sv(0.55, 0.45, 0.65, 'kg/kg VS', 'estimate', 'estimate: cell protein (C5H7O2N)'),
    lipid: sv(0.07, 0.04, 0.12, 'kg/kg VS', 'estimate', 'estimate: membrane lipids'),
    lignin: sv(0.08, 0.03, 0.12, 'kg/kg VS', 'estimate', 'estimate: refractory cell debris and fibre, counted as inert'),
  },
  N_total: sv(0.066, 0.05, 0.08, 'kg N/kg TS', 'estimate', 'estimate: protein/6.25; C/N 6-9 (literature range)'),
  NH4_N: sv(0.1, 0.05, 0.3, 'g N/kg FM', 'estimate', 'estimate'),
  pH: sv(6.8, 6.5, 7.2, '-', 'estimate', 'estimate'),
  alkalinity: sv(1, 0.5, 2, 'g CaCO3/kg FM', 'estimate', 'estimate'),
  biodegradability: sv(0.35, 0.25, 0.50, 'kg/kg VS', 'literature', 'VS reduction 13-27 % at HRT 20-40 d [Bolzonella2005]; batch BMP higher'),
  BMP: sv(180, 120, 250, 'NL CH4/kg VS', 'estimate', 'estimate: 0.07-0.18 m3 biogas/kg VS fed in continuous digesters [Bolzonella2005] is a lower bound'),
  k_hyd: sv(0.15, 0.05, 0.3, '1/d', 'estimate', 'estimate: WAS hydrolysis is slow (cell walls)'),
  density: sv(1010, 1000, 1030, 'kg/m3', 'estimate', 'estimate'),
};
