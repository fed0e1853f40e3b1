// Reading a result for people: its verdict line, the digester's health status, and whether two results are comparable.
import { fmt, pounds as money } from '../fields/metrics.js';

/** The parts of a scenario result these read (the worker's result; newer keys are optional until the engine has them). */
export interface ResultLike {
  name?: string;
  destination?: string;
  annual: object;
  warnings?: string[];
  stability?: { days_with_warning?: number; pH_min?: number | null; days_low_pH?: number; days_high_VFA?: number; days_inhibited?: number; days_high_free_nh3?: number };
  verdict?: unknown;
  health?: unknown;
  economics?: unknown;
}

export type HealthStatus = 'stable' | 'at risk' | 'failing';
export interface HealthView { status: HealthStatus; reason: string; day?: number }

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** True when the scenario sends waste to a digester (today's route has none: HRT, OLR and health are "n/a"). */
export const hasDigester = (r: ResultLike | undefined): boolean => !!r && r.destination !== 'today';

/**
 * The digester's health: the engine's own status when it gives one (`health.status` and `health.reason`, per year or
 * for the run); otherwise read from the year's health record (days with a process warning), without inventing a cause.
 */
export function healthOf(r: ResultLike | undefined): HealthView | undefined {
  if (!r || !hasDigester(r)) return undefined;
  const h = r.health as Record<string, unknown> | Array<Record<string, unknown>> | undefined;
  const first = Array.isArray(h) ? h[0] : h;
  if (first && typeof first.status === 'string') {
    const status = normalise(first.status);
    if (status) {
      const day = num(first.first_change_day ?? first.first_day ?? first.day);
      return { status, reason: typeof first.reason === 'string' ? first.reason : '', ...(day !== undefined ? { day } : {}) };
    }
  }
  const s = r.stability;
  if (!s) return undefined;
  const days = num(s.days_with_warning) ?? 0;
  if (days === 0) return { status: 'stable', reason: 'no day with low pH, high acids or inhibited methanogens' };
  const parts: string[] = [];
  if (num(s.days_low_pH)) parts.push(`pH low on ${s.days_low_pH} days`);
  if (num(s.days_high_VFA)) parts.push(`acids high on ${s.days_high_VFA} days`);
  if (num(s.days_inhibited)) parts.push(`methanogens inhibited on ${s.days_inhibited} days`);
  else if (num(s.days_high_free_nh3)) parts.push(`free ammonia high on ${s.days_high_free_nh3} days`);
  // Souring (low pH with acids building up) is a failing digester; inhibition alone slows it but it still makes gas.
  const souring = (num(s.days_low_pH) ?? 0) > 0 && (num(s.days_high_VFA) ?? 0) > 0;
  return { status: souring ? 'failing' : 'at risk', reason: parts.join('; ') };
}

function normalise(s: string): HealthStatus | undefined {
  const t = s.toLowerCase().replace(/[_-]/g, ' ');
  if (t.startsWith('stable') || t === 'ok' || t === 'healthy') return 'stable';
  if (t.includes('risk') || t === 'warning') return 'at risk';
  if (t.startsWith('fail') || t === 'unstable') return 'failing';
  return undefined;
}

const pounds = (x: number) => money(Math.abs(x));

/**
 * The verdict line: the engine's (whole-life economics) when it gives one; otherwise the first year's running account
 * against the baseline, saying that building the digester is not costed, so no digester reads as free.
 */
export function verdictOf(r: ResultLike | undefined, base: ResultLike | undefined, isBaseline: boolean): string | undefined {
  if (!r) return undefined;
  if (typeof r.verdict === 'string' && r.verdict.trim()) return r.verdict.trim();
  if (isBaseline) return 'The baseline: every other scenario is measured against it.';
  if (!base) return undefined;
  const a = r.annual as Record<string, unknown>, b = base.annual as Record<string, unknown>;
  const cost = num(a.cost_net_gbp), bCost = num(b.cost_net_gbp), co2 = num(a.co2e_net_t), bCo2 = num(b.co2e_net_t);
  if (cost === undefined || bCost === undefined || co2 === undefined || bCo2 === undefined) return undefined;
  const dCost = cost - bCost, dCo2 = co2 - bCo2;
  const money = Math.abs(dCost) < 0.005 * Math.max(Math.abs(cost), Math.abs(bCost), 1) ? 'costs about the same as the baseline'
    : dCost < 0 ? `saves ${pounds(dCost)} a year against the baseline` : `costs ${pounds(dCost)} a year more than the baseline`;
  // "emits about the same" / "saves 3.83 t CO2e a year": the year is said once, at the start.
  const carbon = Math.abs(dCo2) < 0.005 * Math.max(Math.abs(co2), Math.abs(bCo2), 0.01) ? 'emits about the same'
    : dCo2 < 0 ? `saves ${fmt(Math.abs(dCo2))} t CO2e a year` : `adds ${fmt(Math.abs(dCo2))} t CO2e a year`;
  const unbuilt = hasDigester(r) && !r.economics && !(num(a.digester_cost_gbp) ?? 0)
    ? ' Running costs only: building the digester is not costed here, so the saving is an upper bound.' : '';
  return `First year: it ${money} and ${carbon}.${unbuilt}`;
}

/**
 * A warning when the compared scenarios collect different amounts of dog waste: their differences then mix the plan
 * with the size of the area (e.g. a region against a 1,000-bin baseline).
 */
export function tonnageWarning(cols: Array<{ name: string; result?: ResultLike }>): string | undefined {
  const t = cols.map((c) => ({ name: c.name, t: num((c.result?.annual as Record<string, unknown> | undefined)?.dog_waste_collected_t) })).filter((x): x is { name: string; t: number } => x.t !== undefined);
  if (t.length < 2) return undefined;
  const lo = Math.min(...t.map((x) => x.t)), hi = Math.max(...t.map((x) => x.t));
  if (hi <= 1.05 * lo) return undefined;
  return `These scenarios collect different amounts of dog waste (${t.map((x) => `${x.name}: ${fmt(x.t)} t/yr`).join('; ')}), so their differences are partly the size of the area, not only the plan. Compare scenarios with the same bins, or read the figures per tonne.`;
}
