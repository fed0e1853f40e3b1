// `adsim fit` residuals read with their unit and basis: ammonium keeps its N ("mg N/L", not "mg/L" or a bare
// kmol/m3), a methane share given in % is in percentage points of dry biogas (not an unlabelled fraction), pH in pH
// units; and a lag that ends at 0 is named as the physical minimum (no lag), not a bound to widen.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { parseRunFile } from '../src/simulate/runfile.js';
import { simulateDigester } from '../src/simulate/digester.js';
import { residualUnit } from '../src/analysis/measured.js';
import { fitBmp } from '../src/analysis/bmp-curve.js';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'adsim-fit-units-'));
const bsm2 = JSON.parse(readFileSync(join(root, 'scenarios/bsm2-steady-state.json'), 'utf8'));

async function cli(argv: string[]) {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd: dir, tty: false });
  return { code, out, err };
}

describe('adsim fit RMSE units', () => {
  const short = { ...bsm2, days: 10, output: { every_d: 1 } };
  writeFileSync(join(dir, 'short.json'), JSON.stringify(short));
  const r = simulateDigester(parseRunFile(short));
  // Measurements a little off the model, so every RMSE is non-zero.
  const rows = Array.from(r.t_d, (t, i) => [t, (r.series.ch4_fraction_dry![i]! * 100 + 0.5).toFixed(3), (r.series.S_IN![i]! * 14000 + 20).toFixed(2), (r.series.pH![i]! + 0.02).toFixed(3)].join(','));
  writeFileSync(join(dir, 'plant.csv'), ['time [d],CH4 [%],NH4 [mg N/L],pH', ...rows].join('\n'));

  it('prints each RMSE in the unit of the data with its basis', async () => {
    const t = await cli(['fit', 'short.json', '--data', 'plant.csv', '--params', 'k_dis', '--max-runs', '10', '--quiet']);
    expect(t.out).toMatch(/NH4 \[mg N\/L\]: n = 11, RMSE [\d.]+ mg N\/L \([\d.e-]+ kmol N\/m3\), total ammonium nitrogen/);
    expect(t.out).toMatch(/CH4 \[%\]: n = 11, RMSE [\d.]+ percentage points of CH4 in dry biogas, R2/);
    expect(t.out).toMatch(/pH: n = 11, RMSE [\d.]+ pH units, R2/);
  });

  it('the JSON keeps rmse in the model unit and adds rmse_as_given, unit_as_given and basis', async () => {
    const j = JSON.parse((await cli(['fit', 'short.json', '--data', 'plant.csv', '--params', 'k_dis', '--max-runs', '10', '--quiet', '--json'])).out);
    type G = { name: string; unit: string; rmse: number; rmse_as_given: number; unit_as_given: string; basis: string };
    const g = Object.fromEntries((j.groups as G[]).map((x) => [x.name, x])) as Record<string, G>;
    const nh4 = g['NH4 [mg N/L]']!, ch4 = g['CH4 [%]']!;
    expect(nh4.unit).toBe('kmol N/m3');
    expect(nh4.unit_as_given).toBe('mg N/L');
    expect(nh4.rmse_as_given / nh4.rmse).toBeCloseTo(14006.7, 0); // 1 kmol N/m3 = 14,006.7 mg N/L
    expect(nh4.rmse_as_given).toBeGreaterThan(5);     // about the 20 mg N/L offset, not a fraction of it
    expect(ch4.unit).toBe('-');
    expect(ch4.rmse_as_given).toBeCloseTo(ch4.rmse * 100, 9);
    expect(ch4.basis).toMatch(/dry biogas/);
  });

  it('residual units: mmol/L of ammonium is mmol N/L; a fraction says it is one', () => {
    expect(residualUnit({ kind: 'NH4', unit: 'kmol N/m3', unitGiven: 'mmol/L', normal: false, factor: 1e-3 }).unit).toBe('mmol N/L');
    expect(residualUnit({ kind: 'ch4_fraction', unit: '-', unitGiven: '-', normal: false, basis: 'wet' }).unit).toBe('fraction of CH4 in wet biogas (with water vapour) (x 100 = percentage points)');
    expect(residualUnit({ kind: 'VFA', unit: 'kg COD/m3', unitGiven: 'mg HAc/L', normal: false }).unit).toBe('mg HAc/L');
  });
});

describe('a lag at 0 is the physical minimum', () => {
  it('says "no lag", not "widen the bounds" (a chosen bound still asks to widen: test/analysis-fit.test.ts)', () => {
    const t = [0, 1, 2, 3, 5, 7, 10, 14, 21, 28];
    const y = t.map((x) => 300 * (1 - 0.3 * Math.exp(-0.8 * x) - 0.7 * Math.exp(-0.1 * x)));
    const lag = fitBmp(t, y, 'first-order-lag', { unit: 'NmL/gVS' });
    const p = lag.parameters.find((x) => x.name === 'lag_d')!;
    expect(p.value).toBe(0);
    expect(p.atPhysicalLimit).toBe('no lag');
    expect(lag.warnings.join(' ')).toMatch(/lag_d is at its physical lower limit, 0 d \(no lag\)/);
    expect(lag.warnings.join(' ')).not.toMatch(/lag_d.*widen/);
  });
});
