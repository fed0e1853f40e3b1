// The money a compared scenario's verdict leaves out: a change in how the bins are emptied. The whole-life economics
// compare each scenario with the same bins, emptied the same way, sent to today's route (docs/economics.md), so a
// scenario that empties them less often saves money the NPV does not show; the compare verdict says so in words.
import { money } from '../appraisal/verdict.js';

/**
 * Two sentences on the collection cost against the baseline, or undefined when it is the same (within 0.5 %): the
 * yearly saving (or extra cost) first, then that the NPV, quoted when given, leaves it out.
 */
export function collectionChangeNote(collection_gbp: unknown, baseCollection_gbp: unknown, baselineName: string, npv_gbp?: unknown): string | undefined {
  if (typeof collection_gbp !== 'number' || typeof baseCollection_gbp !== 'number') return undefined;
  const d = collection_gbp - baseCollection_gbp;
  if (!Number.isFinite(d) || Math.abs(d) <= 0.005 * Math.max(Math.abs(collection_gbp), Math.abs(baseCollection_gbp), 1)) return undefined;
  const what = d < 0 ? `saves ${money(d)} a year compared with "${baselineName}"` : `costs ${money(d)} a year more than "${baselineName}"`;
  const npv = typeof npv_gbp === 'number' && Number.isFinite(npv_gbp) ? ` (${npv_gbp < 0 ? '-' : ''}${money(npv_gbp)})` : '';
  return `Emptying the bins as this scenario does ${what}. That ${d < 0 ? 'saving' : 'cost'} is not in the NPV${npv} above, which compares the same bins, emptied the same way, with today's route (see the money rows).`;
}
