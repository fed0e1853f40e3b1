// Dog faeces as collected from public dog bins: an N-rich, already-digested manure. Every figure is an estimate.
import type { Feedstock } from './types.js';
import { sv, DOG_DERIVATION } from './sourced.js';

const NUTR = `estimate (${DOG_DERIVATION}): extruded kibble x apparent digestibility [Bos2022]`;

export const dogFaeces: Feedstock = {
  id: 'dog-faeces',
  name: 'Dog faeces (bin-collected)',
  description: 'Faeces from public dog bins after bag removal; composition derived from canine-nutrition digestibility and manure analogues.',
  caveat: 'ESTIMATE: no peer-reviewed standard BMP exists for dog faeces. Composition, BMP (250 NL CH4/kg VS, range 150-350) and kinetics are derived values (method in docs/feedstocks.md, "Dog faeces: how the record is derived"; sources in docs/sources.md), not measurements; replace them with lab data (e.g. Fiães 2023, [Fiaes2023]) before relying on the result.',
  TS: sv(0.30, 0.20, 0.40, 'kg TS/kg FM', 'estimate', `estimate (${DOG_DERIVATION}); faecal DM higher on dry diets, larger breeds wetter [Meyer1999]; human faeces 25.4 % TS [Rose2015]`),
  VS_TS: sv(0.72, 0.65, 0.85, 'kg VS/kg TS', 'estimate', `estimate (${DOG_DERIVATION}): faecal ash ~28 % of DM; pig slurry 72 % [GaidaPyADM1ODE]`),
  composition: {
    carbohydrate: sv(0.49, 0.37, 0.57, 'kg/kg VS', 'estimate', `${NUTR}; 52 % VS incl. fibre, less 3 % lignin`),
    protein: sv(0.39, 0.30, 0.45, 'kg/kg VS', 'estimate', NUTR),
    lipid: sv(0.09, 0.05, 0.15, 'kg/kg VS', 'estimate', NUTR),
    lignin: sv(0.03, 0.01, 0.08, 'kg/kg VS', 'estimate', `estimate (${DOG_DERIVATION}): guess from plant ingredients, no data`),
  },
  fibre: sv(0.20, 0.10, 0.25, 'kg/kg VS', 'estimate', `estimate (${DOG_DERIVATION}): ~20 % of VS is crude fibre`),
  N_total: sv(0.045, 0.035, 0.055, 'kg N/kg TS', 'estimate', `estimate (${DOG_DERIVATION}): crude protein/6.25`),
  NH4_N: sv(2.0, 0.7, 4.0, 'g N/kg FM', 'estimate', `estimate (${DOG_DERIVATION}): 15 % (5-30 %) of total N as collected; rises with days in the bin`),
  pH: sv(7.0, 6.5, 8.0, '-', 'estimate', 'estimate: fresh faeces near neutral, ammonification in the bin raises it'),
  alkalinity: sv(5, 2, 10, 'g CaCO3/kg FM', 'estimate', 'estimate: ammonium bicarbonate from the NH4-N above; no data'),
  VFA: sv(1, 0, 5, 'g COD/kg FM', 'estimate', `estimate (${DOG_DERIVATION}): 0-5 kg COD/m3 at 10 % TS, rising with storage`),
  biodegradability: sv(0.50, 0.40, 0.70, 'kg/kg VS', 'estimate', `estimate (${DOG_DERIVATION}): faeces are a post-gut residue`),
  BMP: sv(250, 150, 350, 'NL CH4/kg VS', 'estimate', `estimate (${DOG_DERIVATION}): Buswell on the composition (~500) [BuswellMueller1952] x biodegradability 0.4-0.7 [Labatut2011]; animal slurries 238-317 [LunaDelRisco2011]`),
  k_hyd: sv(0.2, 0.05, 0.8, '1/d', 'estimate', `estimate (${DOG_DERIVATION}); manures 0.05-0.3 [Vavilin2008]; dried cat food 0.82 [PrietoCriddleYeh2019]`),
  density: sv(1050, 950, 1150, 'kg/m3', 'estimate', 'estimate: wet faecal matter slightly denser than water'),
  S_I_fraction: sv(0.03, 0.02, 0.05, 'kg COD/kg COD', 'estimate', `estimate (${DOG_DERIVATION}): S_I about 2-5 % of COD`),
};
