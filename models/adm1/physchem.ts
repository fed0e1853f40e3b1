// Physico-chemical constants at the operating temperature: van 't Hoff for K_w, K_a_co2, K_a_IN and the Henry
// constants, an empirical law for water vapour (Rosen & Jeppsson 2006). VFA pK_a values are temperature-independent.

type Params = Readonly<Record<string, number>>;

export interface PhysChem {
  T_op_K: number;
  RT: number;            // R*T_op (bar m3/kmol)
  K_w: number;
  K_a_va: number; K_a_bu: number; K_a_pro: number; K_a_ac: number;
  K_a_co2: number; K_a_IN: number;
  K_H_co2: number; K_H_ch4: number; K_H_h2: number;  // kmol/(m3 bar)
  p_gas_h2o_bar: number;
  P_atm_bar: number;
  k_L_a: number; k_p: number;
}

/** K(T) = K_base * exp(dH / (100 R) * (1/T_base - 1/T)); 100*R = 8.3145 J/(mol K) with R in bar/(M K). */
export function vantHoff(K_base: number, dH_J_mol: number, T_K: number, p: Params): number {
  return K_base * Math.exp((dH_J_mol / (100 * p.R!)) * (1 / p.T_base! - 1 / T_K));
}

export function physchemAt(T_op_K: number, p: Params): PhysChem {
  const f = (pK: number) => 10 ** -pK;
  return {
    T_op_K,
    RT: p.R! * T_op_K,
    K_w: vantHoff(f(p.pK_w_base!), p.dH_K_w!, T_op_K, p),
    K_a_va: f(p.pK_a_va!), K_a_bu: f(p.pK_a_bu!), K_a_pro: f(p.pK_a_pro!), K_a_ac: f(p.pK_a_ac!),
    K_a_co2: vantHoff(f(p.pK_a_co2_base!), p.dH_K_a_co2!, T_op_K, p),
    K_a_IN: vantHoff(f(p.pK_a_IN_base!), p.dH_K_a_IN!, T_op_K, p),
    K_H_co2: vantHoff(p.K_H_co2_base!, p.dH_K_H_co2!, T_op_K, p),
    K_H_ch4: vantHoff(p.K_H_ch4_base!, p.dH_K_H_ch4!, T_op_K, p),
    K_H_h2: vantHoff(p.K_H_h2_base!, p.dH_K_H_h2!, T_op_K, p),
    p_gas_h2o_bar: p.p_gas_h2o_base! * Math.exp(p.p_gas_h2o_exp! * (1 / p.T_base! - 1 / T_op_K)),
    P_atm_bar: p.P_atm!,
    k_L_a: p.k_L_a!, k_p: p.k_p!,
  };
}
