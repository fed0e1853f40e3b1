// `adsim characterise FEEDSTOCK --rate R [--water W]`: the ADM1 influent ({q_m3_d, state}, as `adsim run` takes it)
// and its report. Several feedstocks: `adsim characterise dog-faeces="1 t/week" garden-waste="3 t/week"`.
import { FEEDSTOCKS_FLAG, parseArgs, flagString, flagNumber } from '../args.js';
import { fmt } from '../io.js';
import type { CliCommand } from '../types.js';
import { InputError } from '../../errors.js';
import { findFeedstock } from '../../feed/library.js';
import { characteriseMixture, type Characterisation, type MixtureItem } from '../../feed/characterise.js';
import { libraryFrom, wrap } from './feedlib.js';
import { JSON_FLAG, type FlagTable } from '../args.js';


export function describeCharacterisation(c: Characterisation): string {
  const r = c.report, b = r.balance;
  const s = c.influent.state;
  const mix = r.feedstocks.map((f) => `${f.id} ${fmt(f.FM_kg_d)} kg/d (${fmt(100 * f.VS_share, 3)} % of VS)`).join(' + ');
  const lines = [
    `feed         ${mix}${r.water_m3_d > 0 ? ` + water ${fmt(r.water_m3_d)} m3/d` : ''}`,
    `flow         ${fmt(r.q_m3_d)} m3/d; TS ${fmt(r.TS_percent, 3)} %; VS ${fmt(r.VS_kg_d)} kg/d; COD ${fmt(r.COD_kg_d)} kg/d (degradable ${fmt(r.degradable_COD_kg_d)})`,
    `nutrients    total N ${fmt(r.N_kg_d)} kg/d (NH4-N ${fmt(r.NH4_N_kg_d)}); organic C ${fmt(r.C_organic_kg_d)} kg/d; C/N ${fmt(r.C_to_N, 3)}`,
    `methane      ${fmt(r.methane_potential_Nm3_d)} Nm3 CH4/d at the record BMPs (theoretical maximum ${fmt(r.theoretical_methane_Nm3_d)})`,
    ...(r.OLR_kgVS_m3_d !== undefined ? [`loading      OLR ${fmt(r.OLR_kgVS_m3_d, 3)} kg VS/m3/d (${fmt(r.OLR_kgCOD_m3_d!, 3)} kg COD/m3/d); HRT ${fmt(r.HRT_d!, 3)} d in ${fmt(r.V_liq_m3!)} m3`] : []),
    `influent     X_ch ${fmt(s.X_ch!)}  X_pr ${fmt(s.X_pr!)}  X_li ${fmt(s.X_li!)}  X_I ${fmt(s.X_I!)}  S_I ${fmt(s.S_I!)}  S_ac ${fmt(s.S_ac!)} kg COD/m3`,
    `             S_IN ${fmt(s.S_IN!)} kmol N/m3  S_IC ${fmt(s.S_IC!)} kmol C/m3  S_cation ${fmt(s.S_cation!)}  S_anion ${fmt(s.S_anion!)} kmol/m3`,
    `hydrolysis   k_hyd_ch ${fmt(c.parameters.k_hyd_ch, 3)}  k_hyd_pr ${fmt(c.parameters.k_hyd_pr, 3)}  k_hyd_li ${fmt(c.parameters.k_hyd_li, 3)} 1/d (set them in the run's "parameters")`,
    `balances     COD ${fmt(b.COD_in_kg_d)} in = ${fmt(b.COD_adm1_kg_d)} in ADM1 states (kg/d)`,
    `             N ${fmt(b.N_in_kg_d)} in; ADM1 states carry ${fmt(b.N_adm1_kg_d)} (of which ${fmt(b.N_nominal_excess_kg_d)} nominal: ADM1's fixed N content of inert COD)`,
    `             C ${fmt(b.C_in_kg_d)} in; ADM1 states carry ${fmt(b.C_adm1_kg_d)} (${fmt(b.C_added_to_S_IC_kg_d)} added to S_IC, ${fmt(b.C_nominal_excess_kg_d)} nominal excess)`,
  ];
  let out = lines.join('\n') + '\n';
  for (const w of c.warnings) out += `warning: ${w}\n`;
  for (const cv of c.caveats) out += wrap(`CAVEAT: ${cv}`, '');
  return out;
}

/** Every option of `adsim characterise`: the parser and `adsim characterise --help` both read this table. */
export const CHARACTERISE_FLAGS: FlagTable = [
  { name: 'rate', kind: 'value', arg: 'RATE', defaultText: 'none: required', help: 'feed rate with a unit, e.g. "10 t/week" or "1.5 t/d"; or give each FEEDSTOCK as ID="RATE"' },
  { name: 'water', kind: 'value', arg: 'RATE', defaultText: 'no water', help: 'dilution water with a unit, e.g. "2 m3/d"' },
  { name: 'volume', kind: 'value', arg: 'V_LIQ_M3', defaultText: 'not reported', help: 'digester liquid volume (m3), for the HRT and organic loading figures' },
  JSON_FLAG,
  { name: 'full', kind: 'boolean', help: 'with --json: also the feed report and warnings' },
  FEEDSTOCKS_FLAG,
];

export const characteriseCommand: CliCommand = {
  name: 'characterise',
  summary: 'Turn a feedstock at a rate (or several, ID="RATE") into ADM1 influent {q_m3_d, state, parameters, caveats} for `adsim run`; --full adds the report.',
  usage: 'adsim characterise FEEDSTOCK --rate "10 t/week" [--water "2 m3/d"] [--volume V_LIQ_M3] [--json [--full]] [--feedstocks USER.json]',
  flags: CHARACTERISE_FLAGS,
  async run(argv, io) {
    const args = parseArgs(argv, CHARACTERISE_FLAGS);
    const lib = libraryFrom(args, io.cwd);
    const rate = flagString(args, 'rate');
    if (args.positionals.length === 0) throw new InputError('FEEDSTOCK', `expected a feedstock id, e.g. adsim characterise dog-faeces --rate "1.5 t/week"; known: ${lib.map((f) => f.id).join(', ')}`);
    const items: MixtureItem[] = args.positionals.map((p) => {
      const eq = p.indexOf('=');
      if (eq >= 0) return { feedstock: findFeedstock(p.slice(0, eq), lib, 'FEEDSTOCK'), rate: p.slice(eq + 1) };
      if (rate === undefined) throw new InputError('--rate', `expected a rate for ${p}, e.g. --rate "10 t/week" (or write ${p}="10 t/week")`);
      if (args.positionals.length > 1) throw new InputError('--rate', 'with several feedstocks give each its own rate: ID="RATE"');
      return { feedstock: findFeedstock(p, lib, 'FEEDSTOCK'), rate };
    });
    const volume = args.flags.has('volume') ? flagNumber(args, 'volume', NaN, (x) => x >= 1e-3 && x <= 1e6, 'a digester liquid volume from 0.001 to 1000000 m3') : undefined;
    const water = flagString(args, 'water');
    const c = characteriseMixture(items, { ...(water !== undefined ? { water_m3_d: water } : {}), ...(volume !== undefined ? { V_liq_m3: volume } : {}) }, 'FEEDSTOCK');
    if (args.flags.has('json')) {
      // The JSON is what `adsim run` takes as "influent": q_m3_d and state, plus the feedstocks' hydrolysis rates and
      // caveats, so a run from this file matches one from the feed list. Caveats also go to stderr for the person.
      for (const cv of c.caveats) io.err(`caveat: ${cv}\n`);
      const influent = { ...c.influent, parameters: c.parameters, caveats: c.caveats };
      const out = args.flags.has('full') ? { influent, report: c.report, warnings: c.warnings } : influent;
      io.out(JSON.stringify(out, null, 1) + '\n');
    } else {
      io.out(describeCharacterisation(c));
    }
    return 0;
  },
};
