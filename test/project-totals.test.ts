// Projection totals: additive figures are summed over years; homes powered (a per-year figure) is its mean and peak,
// never a sum, in `adsim project --json`, in the table and in the projection ranges' totals.
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { sumYears } from '../src/pipeline/totals.js';
import { projectionFigures } from '../src/analysis/projection-ranges.js';
import type { Projection } from '../src/pipeline/project.js';

const root = new URL('..', import.meta.url).pathname;

async function cli(argv: string[]) {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: root, tty: false });
  return { code, out, err };
}

describe('projection totals of per-year figures', () => {
  it('sumYears sums tonnes but gives homes as mean and peak', () => {
    const t = sumYears([
      { year: 1, dog_waste_collected_t: 10, homes_equivalent: 40 },
      { year: 2, dog_waste_collected_t: 20, homes_equivalent: 60 },
      { year: 3, dog_waste_collected_t: 30, homes_equivalent: 110 },
    ]);
    expect(t.dog_waste_collected_t).toBe(60);
    expect(t.homes_equivalent_mean).toBeCloseTo(70, 12);
    expect(t.homes_equivalent_peak).toBe(110);
    // The old key is kept for scripts and holds the mean, not the 210-home sum.
    expect(t.homes_equivalent).toBeCloseTo(70, 12);
    expect(t.year).toBeUndefined();
  });

  it('adsim project --json: totals.homes_equivalent_mean is the mean over the years, and the table says so', async () => {
    const r = await cli(['project', 'scenarios/region-rollout.json', '--years', '3', '--ranges', '0', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { ok: boolean; years: { homes_equivalent: number; electricity_net_kWh: number }[]; totals: Record<string, number> };
    const homes = j.years.map((y) => y.homes_equivalent);
    expect(new Set(homes.map((h) => Math.round(h))).size).toBeGreaterThan(1); // the years differ, so a sum would show
    const mean = homes.reduce((a, h) => a + h, 0) / homes.length;
    expect(j.totals.homes_equivalent_mean).toBeCloseTo(mean, 9);
    expect(j.totals.homes_equivalent_peak).toBeCloseTo(Math.max(...homes), 9);
    expect(j.totals.homes_equivalent).toBeCloseTo(mean, 9);
    expect(j.totals.electricity_net_kWh).toBeCloseTo(j.years.reduce((a, y) => a + y.electricity_net_kWh, 0), 6);
    const t = await cli(['project', 'scenarios/region-rollout.json', '--years', '3', '--ranges', '0']);
    expect(t.out).toMatch(/Homes powered \(a yearly figure, not added up over years\): [\d.,]+ on average over the 3 years/);
  });

  it('the ranges read the mean of homes as the total, under both names', () => {
    const years = [1, 2].map((year) => ({ year, homes_equivalent: year * 50, electricity_net_kWh: year * 1000 }));
    const p = { years, totals: sumYears(years) } as unknown as Projection;
    const f = projectionFigures(p);
    expect(f['total.homes_equivalent']).toBe(75);
    expect(f['total.homes_equivalent_mean']).toBe(75);
    expect(f['total.electricity_net_kWh']).toBe(3000);
  });
});
