// Source-segregated household food waste as fed after depackaging and pulping.
import type { Feedstock } from './types.js';
import { sv, BRIEF } from './sourced.js';

export const foodWaste: Feedstock = {
  id: 'food-waste',
  name: 'Household food waste',
  description: 'Source-segregated kerbside food waste, depackaged and pulped; protein- and lipid-rich, ammonia-prone in mono-digestion.',
  TS: sv(0.25, 0.23, 0.30, 'kg TS/kg FM', 'literature', `${BRIEF} §2: 23-30 %; SF food waste moisture 70-74 % (Zhang et al. 2007)`),
  VS_TS: sv(0.90, 0.83, 0.93, 'kg VS/kg TS', 'literature', `${BRIEF} §2: 83-93 %; Zhang et al. 2007: 83-87 %`),
  composition: {
    carbohydrate: sv(0.58, 0.50, 0.70, 'kg/kg VS', 'literature', `${BRIEF} §2 [L]: carbohydrate 50-70 % VS`),
    protein: sv(0.22, 0.15, 0.25, 'kg/kg VS', 'literature', `${BRIEF} §2 [L]: protein 15-25 % VS; chosen so crude protein/6.25 + NH4-N matches TN 8.9 kg/t FM`),
    lipid: sv(0.18, 0.10, 0.25, 'kg/kg VS', 'literature', `${BRIEF} §2 [L]: lipid 10-25 % VS`),
    lignin: sv(0.02, 0.01, 0.05, 'kg/kg VS', 'estimate', 'estimate: peelings and plant matter'),
  },
  N_total: sv(0.0356, 0.030, 0.045, 'kg N/kg TS', 'literature', `${BRIEF} §2: TN 8.9 kg/t FM at 25 % TS; C/N 13-20 [L]`),
  NH4_N: sv(0.5, 0.2, 1.5, 'g N/kg FM', 'estimate', 'estimate: little ammonification before collection'),
  pH: sv(5.0, 4.0, 6.5, '-', 'estimate', 'estimate: lactic/acetic fermentation during kerbside storage'),
  alkalinity: sv(0.5, 0, 2, 'g CaCO3/kg FM', 'estimate', 'estimate: acidic feed carries almost no bicarbonate'),
  VFA: sv(5, 0, 15, 'g COD/kg FM', 'estimate', 'estimate: pre-acidification in caddies and reception'),
  biodegradability: sv(0.85, 0.75, 0.92, 'kg/kg VS', 'literature', `${BRIEF} §2: 81 % VS destruction (Zhang et al. 2007)`),
  BMP: sv(450, 400, 530, 'NL CH4/kg VS', 'literature', `${BRIEF} §2: 467-529 (Browne & Murphy 2013); 435 at 28 d (Zhang et al. 2007); ~400 full scale (Banks et al. 2011)`),
  k_hyd: sv(0.3, 0.1, 0.6, '1/d', 'literature', `${BRIEF} §5.5 [L]: kitchen/food waste first-order 0.1-0.6 (Vavilin et al. 2008)`),
  density: sv(1020, 950, 1080, 'kg/m3', 'estimate', 'estimate: pulped food waste slurry'),
};
