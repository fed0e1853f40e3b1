// ADM1 processes (the rows of the Petersen matrix): stoichiometry of the 19 biochemical processes as data.
//
// Each process lists its organic coefficients; the inorganic carbon (S_IC) and nitrogen (S_IN) coefficients that close
// the carbon and nitrogen balances are computed from the component composition (components.ts), as in Batstone et
// al. (2002) and Rosen & Jeppsson (2006). The rate expressions are in rates.ts, in the same order.
import { COMPONENTS, IDX, N_STATES, compositionOf } from './components.js';

type Params = Readonly<Record<string, number>>;

export interface ProcessDef {
  name: string;
  description: string;
  /** Organic stoichiometry (kg COD or state units per unit of rate), by state name; S_IC and S_IN are computed. */
  stoichiometry: (p: Params) => Record<string, number>;
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

export const PROCESSES: readonly ProcessDef[] = [
  { name: 'disintegration', description: 'composites to inerts, carbohydrates, proteins and lipids',
    stoichiometry: (p) => ({ X_xc: -1, S_I: p.f_sI_xc!, X_I: p.f_xI_xc!, X_ch: p.f_ch_xc!, X_pr: p.f_pr_xc!, X_li: p.f_li_xc! }) },
  { name: 'hydrolysis_ch', description: 'carbohydrates to sugars', stoichiometry: () => ({ X_ch: -1, S_su: 1 }) },
  { name: 'hydrolysis_pr', description: 'proteins to amino acids', stoichiometry: () => ({ X_pr: -1, S_aa: 1 }) },
  { name: 'hydrolysis_li', description: 'lipids to LCFA and sugars',
    stoichiometry: (p) => ({ X_li: -1, S_su: 1 - p.f_fa_li!, S_fa: p.f_fa_li! }) },
  { name: 'uptake_su', description: 'sugar uptake (acidogenesis)',
    stoichiometry: uptake('S_su', 'X_su', 'Y_su', (p) => ({ S_h2: p.f_h2_su!, S_bu: p.f_bu_su!, S_pro: p.f_pro_su!, S_ac: p.f_ac_su! })) },
  { name: 'uptake_aa', description: 'amino-acid uptake (acidogenesis)',
    stoichiometry: uptake('S_aa', 'X_aa', 'Y_aa', (p) => ({ S_h2: p.f_h2_aa!, S_va: p.f_va_aa!, S_bu: p.f_bu_aa!, S_pro: p.f_pro_aa!, S_ac: p.f_ac_aa! })) },
  { name: 'uptake_fa', description: 'LCFA uptake (acetogenesis)', stoichiometry: uptake('S_fa', 'X_fa', 'Y_fa', fixed(FIXED_PRODUCT_FRACTIONS.fa)) },
  { name: 'uptake_va', description: 'valerate uptake (acetogenesis)', stoichiometry: uptake('S_va', 'X_c4', 'Y_c4', fixed(FIXED_PRODUCT_FRACTIONS.va)) },
  { name: 'uptake_bu', description: 'butyrate uptake (acetogenesis)', stoichiometry: uptake('S_bu', 'X_c4', 'Y_c4', fixed(FIXED_PRODUCT_FRACTIONS.bu)) },
  { name: 'uptake_pro', description: 'propionate uptake (acetogenesis)', stoichiometry: uptake('S_pro', 'X_pro', 'Y_pro', fixed(FIXED_PRODUCT_FRACTIONS.pro)) },
  { name: 'uptake_ac', description: 'acetate uptake (acetoclastic methanogenesis)', stoichiometry: uptake('S_ac', 'X_ac', 'Y_ac', fixed({ S_ch4: 1 })) },
  { name: 'uptake_h2', description: 'hydrogen uptake (hydrogenotrophic methanogenesis)', stoichiometry: uptake('S_h2', 'X_h2', 'Y_h2', fixed({ S_ch4: 1 })) },
  ...BIOMASS.map((x): ProcessDef => ({ name: `decay_${x}`, description: `decay of ${x} to composites`, stoichiometry: () => ({ [x]: -1, X_xc: 1 }) })),
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
