// ADM1 processes (the rows of the Petersen matrix): stoichiometry and rate of the 19 biochemical processes as data.
//
// Each process lists its organic coefficients; the inorganic carbon (S_IC) and nitrogen (S_IN) coefficients that close
// the carbon and nitrogen balances are computed from the component composition (components.ts), as in Batstone et
// al. (2002) and Rosen & Jeppsson (2006). Each rate is a product of typed terms (rates.ts) from which both the rate and
// its exact partial derivatives (the model's analytic Jacobian) are produced: edit a rate here and the Jacobian follows.
import { COMPONENTS, IDX, N_STATES, compositionOf } from './components.js';
import {
  firstOrder, freeNh3Inhibition, inhibition, limitation, monod, phInhibition, product, share, state, type Rate, type RateTerm,
} from './rates.js';

type Params = Readonly<Record<string, number>>;

export interface ProcessDef {
  name: string;
  description: string;
  /** Organic stoichiometry (kg COD or state units per unit of rate), by state name; S_IC and S_IN are computed. */
  stoichiometry: (p: Params) => Record<string, number>;
  /** Rate (kg COD/m3/d, or state units per day), as k times a product of rate terms. */
  rate: (p: Params) => Rate;
}

/** Fixed product fractions of the acetogenic steps (COD-balanced, not parameters in the benchmark). */
export const FIXED_PRODUCT_FRACTIONS = {
  fa: { S_ac: 0.7, S_h2: 0.3 },
  va: { S_pro: 0.54, S_ac: 0.31, S_h2: 0.15 },
  bu: { S_ac: 0.8, S_h2: 0.2 },
  pro: { S_ac: 0.57, S_h2: 0.43 },
} as const;

const uptake = (substrate: string, biomass: string, yieldName: string, products: (p: Params) => Record<string, number>) =>
  (p: Params): Record<string, number> => {
    const Y = p[yieldName]!;
    const out: Record<string, number> = { [substrate]: -1, [biomass]: Y };
    for (const [s, f] of Object.entries(products(p))) out[s] = (out[s] ?? 0) + (1 - Y) * f;
    return out;
  };

const fixed = (fr: Record<string, number>) => () => ({ ...fr });

const BIOMASS = ['X_su', 'X_aa', 'X_fa', 'X_c4', 'X_pro', 'X_ac', 'X_h2'] as const;

/** Inhibition shared by the acidogens and acetogens: pH (aa limits) and inorganic-nitrogen limitation. */
const acidogenInhibition = (p: Params): RateTerm[] => [phInhibition(p.pH_LL_aa!, p.pH_UL_aa!), limitation('S_IN', p.K_S_IN!)];
/** Valerate and butyrate compete for the same c4 degraders: each is taken up in proportion to its share. */
const C4 = ['S_va', 'S_bu'];

export const PROCESSES: readonly ProcessDef[] = [
  { name: 'disintegration', description: 'composites to inerts, carbohydrates, proteins and lipids',
    stoichiometry: (p) => ({ X_xc: -1, S_I: p.f_sI_xc!, X_I: p.f_xI_xc!, X_ch: p.f_ch_xc!, X_pr: p.f_pr_xc!, X_li: p.f_li_xc! }),
    rate: (p) => firstOrder(p.k_dis!, 'X_xc') },
  { name: 'hydrolysis_ch', description: 'carbohydrates to sugars', stoichiometry: () => ({ X_ch: -1, S_su: 1 }),
    rate: (p) => firstOrder(p.k_hyd_ch!, 'X_ch') },
  { name: 'hydrolysis_pr', description: 'proteins to amino acids', stoichiometry: () => ({ X_pr: -1, S_aa: 1 }),
    rate: (p) => firstOrder(p.k_hyd_pr!, 'X_pr') },
  { name: 'hydrolysis_li', description: 'lipids to LCFA and sugars',
    stoichiometry: (p) => ({ X_li: -1, S_su: 1 - p.f_fa_li!, S_fa: p.f_fa_li! }),
    rate: (p) => firstOrder(p.k_hyd_li!, 'X_li') },
  { name: 'uptake_su', description: 'sugar uptake (acidogenesis)',
    stoichiometry: uptake('S_su', 'X_su', 'Y_su', (p) => ({ S_h2: p.f_h2_su!, S_bu: p.f_bu_su!, S_pro: p.f_pro_su!, S_ac: p.f_ac_su! })),
    rate: (p) => product(p.k_m_su!, monod('S_su', p.K_S_su!), state('X_su'), ...acidogenInhibition(p)) },
  { name: 'uptake_aa', description: 'amino-acid uptake (acidogenesis)',
    stoichiometry: uptake('S_aa', 'X_aa', 'Y_aa', (p) => ({ S_h2: p.f_h2_aa!, S_va: p.f_va_aa!, S_bu: p.f_bu_aa!, S_pro: p.f_pro_aa!, S_ac: p.f_ac_aa! })),
    rate: (p) => product(p.k_m_aa!, monod('S_aa', p.K_S_aa!), state('X_aa'), ...acidogenInhibition(p)) },
  { name: 'uptake_fa', description: 'LCFA uptake (acetogenesis)', stoichiometry: uptake('S_fa', 'X_fa', 'Y_fa', fixed(FIXED_PRODUCT_FRACTIONS.fa)),
    rate: (p) => product(p.k_m_fa!, monod('S_fa', p.K_S_fa!), state('X_fa'), ...acidogenInhibition(p), inhibition('S_h2', p.K_I_h2_fa!)) },
  { name: 'uptake_va', description: 'valerate uptake (acetogenesis)', stoichiometry: uptake('S_va', 'X_c4', 'Y_c4', fixed(FIXED_PRODUCT_FRACTIONS.va)),
    rate: (p) => product(p.k_m_c4!, monod('S_va', p.K_S_c4!), state('X_c4'), share('S_va', C4, p.c4_uptake_eps!), ...acidogenInhibition(p), inhibition('S_h2', p.K_I_h2_c4!)) },
  { name: 'uptake_bu', description: 'butyrate uptake (acetogenesis)', stoichiometry: uptake('S_bu', 'X_c4', 'Y_c4', fixed(FIXED_PRODUCT_FRACTIONS.bu)),
    rate: (p) => product(p.k_m_c4!, monod('S_bu', p.K_S_c4!), state('X_c4'), share('S_bu', C4, p.c4_uptake_eps!), ...acidogenInhibition(p), inhibition('S_h2', p.K_I_h2_c4!)) },
  { name: 'uptake_pro', description: 'propionate uptake (acetogenesis)', stoichiometry: uptake('S_pro', 'X_pro', 'Y_pro', fixed(FIXED_PRODUCT_FRACTIONS.pro)),
    rate: (p) => product(p.k_m_pro!, monod('S_pro', p.K_S_pro!), state('X_pro'), ...acidogenInhibition(p), inhibition('S_h2', p.K_I_h2_pro!)) },
  { name: 'uptake_ac', description: 'acetate uptake (acetoclastic methanogenesis)', stoichiometry: uptake('S_ac', 'X_ac', 'Y_ac', fixed({ S_ch4: 1 })),
    rate: (p) => product(p.k_m_ac!, monod('S_ac', p.K_S_ac!), state('X_ac'), phInhibition(p.pH_LL_ac!, p.pH_UL_ac!), limitation('S_IN', p.K_S_IN!), freeNh3Inhibition(p.K_I_nh3!)) },
  { name: 'uptake_h2', description: 'hydrogen uptake (hydrogenotrophic methanogenesis)', stoichiometry: uptake('S_h2', 'X_h2', 'Y_h2', fixed({ S_ch4: 1 })),
    rate: (p) => product(p.k_m_h2!, monod('S_h2', p.K_S_h2!), state('X_h2'), phInhibition(p.pH_LL_h2!, p.pH_UL_h2!), limitation('S_IN', p.K_S_IN!)) },
  ...BIOMASS.map((x): ProcessDef => ({ name: `decay_${x}`, description: `decay of ${x} to composites`, stoichiometry: () => ({ [x]: -1, X_xc: 1 }),
    rate: (p) => firstOrder(p[`k_dec_${x}`]!, x) })),
];

export const N_PROCESSES = PROCESSES.length;

/**
 * The full stoichiometric matrix (N_PROCESSES x N_STATES, row-major) for a parameter set, with S_IC and S_IN
 * coefficients computed so that every process conserves carbon and nitrogen.
 */
export function stoichiometricMatrix(p: Params): Float64Array {
  const comp = compositionOf(p);
  const m = new Float64Array(N_PROCESSES * N_STATES);
  const iIC = IDX.S_IC!, iIN = IDX.S_IN!;
  PROCESSES.forEach((proc, k) => {
    const row = k * N_STATES;
    for (const [name, coef] of Object.entries(proc.stoichiometry(p))) {
      const j = IDX[name];
      if (j === undefined || COMPONENTS[j]!.phase !== 'liquid') throw new Error(`process ${proc.name}: unknown liquid state ${name}`);
      m[row + j] = coef;
    }
    let carbon = 0, nitrogen = 0;
    for (let j = 0; j < N_STATES; j++) {
      if (j !== iIC) carbon += m[row + j]! * comp.carbon[j]!;
      if (j !== iIN) nitrogen += m[row + j]! * comp.nitrogen[j]!;
    }
    m[row + iIC] = -carbon;
    m[row + iIN] = -nitrogen;
  });
  return m;
}
