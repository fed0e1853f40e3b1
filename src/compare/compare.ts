// compareScenarios: several scenario results side by side, with differences from a baseline (the JSON of `adsim compare`).
import type { AnnualAccount } from '../accounting/annual.js';
import { InputError } from '../errors.js';
import type { ScenarioResult } from '../pipeline/run.js';
import type { Digestate, Economics } from '../appraisal/types.js';
import { collectionChangeNote } from './collection-note.js';

export interface ComparedScenario {
  name: string;
  comment: string;
  destination: ScenarioResult['destination'];
  annual: AnnualAccount;
  /** Whole-life economics against today's route for the same bins (docs/economics.md). */
  economics: Economics;
  digestate: Digestate;
  /** One plain sentence against today's route: money over the plant life, carbon, payback, switching condition. */
  verdict: string;
  /** annual minus the baseline's annual, for every numeric field (absent for the baseline itself). */
  difference?: Partial<Record<keyof AnnualAccount, number>>;
  stability: ScenarioResult['stability'];
  /** Digester health of the first year (status, reason, first_change_day, indicators: docs/scenarios.md). */
  health?: ScenarioResult['health'];
  warnings: string[];
  assumptions: ScenarioResult['assumptions'];
  /** Which configuration the column shows when the scenario has a rollout, e.g. "full rollout, year 5 (10 areas, 5,500 bins)". */
  configuration?: string;
}

export interface Comparison {
  schema: 'adsim-compare/1';
  baseline: string;
  scenarios: ComparedScenario[];
}

/** Compares results; the baseline is `baselineName`, else the first scenario that sends the waste to today's route, else the first. */
export function compareScenarios(results: readonly ScenarioResult[], baselineName?: string, configurations: Record<string, string> = {}): Comparison {
  if (results.length === 0) throw new InputError('scenarios', 'expected at least one scenario to compare');
  let base: ScenarioResult | undefined;
  if (baselineName !== undefined) {
    base = results.find((r) => r.name === baselineName);
    if (!base) throw new InputError('--baseline', `no scenario named ${JSON.stringify(baselineName)}; expected one of ${results.map((r) => JSON.stringify(r.name)).join(', ')}`);
  } else {
    base = results.find((r) => r.destination === 'today') ?? results[0]!;
  }
  const baseline = base;
  return {
    schema: 'adsim-compare/1',
    baseline: baseline.name,
    scenarios: results.map((r) => ({
      name: r.name, comment: r.comment, destination: r.destination, annual: r.annual,
      economics: r.economics, digestate: r.digestate, verdict: verdictAgainst(r, baseline),
      ...(r === baseline ? {} : { difference: difference(r.annual, baseline.annual) }),
      stability: r.stability, ...(r.health ? { health: r.health } : {}), warnings: r.warnings, assumptions: r.assumptions,
      ...(configurations[r.name] ? { configuration: configurations[r.name] } : {}),
    })),
  };
}

/** The scenario's verdict, plus what a different collection costs or saves against the baseline (not in the NPV). */
function verdictAgainst(r: ScenarioResult, baseline: ScenarioResult): string {
  if (r === baseline) return r.verdict;
  const note = collectionChangeNote(r.annual.collection_cost_gbp, baseline.annual.collection_cost_gbp, baseline.name, r.economics?.npv_gbp);
  return note ? `${r.verdict} ${note}` : r.verdict;
}

export function difference(a: AnnualAccount, b: AnnualAccount): Partial<Record<keyof AnnualAccount, number>> {
  const out: Partial<Record<keyof AnnualAccount, number>> = {};
  for (const k of Object.keys(a) as (keyof AnnualAccount)[]) {
    if (k === 'year' || k === 'days') continue;
    out[k] = a[k] - b[k];
  }
  return out;
}
