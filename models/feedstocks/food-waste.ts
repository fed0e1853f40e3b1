// Source-segregated household food waste as fed after depackaging and pulping.
import type { Feedstock } from './types.js';
import { sv } from './sourced.js';

export const foodWaste: Feedstock = {
  id: 'food-waste',
  name: 'Household food waste',
  description: 'Source-segregated kerbside food waste, depackaged and pulped; protein- and lipid-rich, ammonia-prone in mono-digestion.',
  TS: sv(0.25, 0.23, 0.30, 'kg TS/kg FM', 'literature', '23-30 % (literature range); San Francisco food waste moisture 70-74 % [Zhang2007]'),
  VS_TS: sv(0.90, 0.83, 0.93, 'kg VS/kg TS', 'literature', '83-93 % (literature range); 83-87 % [Zhang2007]'),
  composition: {
    carbohydrate: sv(0.58, 0.50, 0.70, 'kg/kg VS', 'literature', 'carbohydrate 50-70 % VS: literature range, no primary source traced (estimate)'),
    protein: sv(0.22, 0.15, 0.25, 'kg/kg VS', 'literature', 'protein 15-25 % VS: literature range, no primary source traced (estimate); chosen so crude protein/6.25 + NH4-N matches TN 8.9 kg/t FM'),
    lipid: sv(0.18, 0.10, 0.25, 'kg/kg VS', 'literature', 'lipid 10-25 % VS: literature range, no primary source traced (estimate)'),
    lignin: sv(0.02, 0.01, 0.05, 'kg/kg VS', 'estimate', 'estimate: peelings and plant matter'),
  },
  N_total: sv(0.0356, 0.030, 0.045, 'kg N/kg TS', 'literature', 'TN 8.9 kg/t FM at 25 % TS for UK household food waste (as reported with [Banks2011]; table not re-checked, estimate); C/N 13-20 (literature range)'),
  NH4_N: sv(0.5, 0.2, 1.5, 'g N/kg FM', 'estimate', 'estimate: little ammonification before collection'),
  pH: sv(5.0, 4.0, 6.5, '-', 'estimate', 'estimate: lactic/acetic fermentation during kerbside storage'),
  alkalinity: sv(0.5, 0, 2, 'g CaCO3/kg FM', 'estimate', 'estimate: acidic feed carries almost no bicarbonate'),
  VFA: sv(5, 0, 15, 'g COD/kg FM', 'estimate', 'estimate: pre-acidification in caddies and reception'),
  biodegradability: sv(0.85, 0.75, 0.92, 'kg/kg VS', 'literature', '81 % VS destruction [Zhang2007]'),
  BMP: sv(450, 400, 530, 'NL CH4/kg VS', 'literature', '467-529 [BrowneMurphy2013]; 435 at 28 d [Zhang2007]; ~400 full scale [Banks2011]'),
  k_hyd: sv(0.3, 0.1, 0.6, '1/d', 'literature', 'kitchen/food waste first-order 0.1-0.6 [Vavilin2008]'),
  density: sv(1020, 950, 1080, 'kg/m3', 'estimate', 'estimate: pulped food waste slurry'),
};
