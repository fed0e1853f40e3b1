// Every output a digester run reports (BSM2 Monte Carlo, sensitivity) has a unit on the web research page, and each gas
// figure its basis: the older q_gas_Nm3_d and ch4_fraction are WET (src/analysis/digester-model.ts), the rest dry.
import { describe, expect, it } from 'vitest';
import { DIGESTER_OUTPUT_NAMES, DIGESTER_SCALARS, DIGESTER_SERIES, DIGESTER_WET_OUTPUTS } from '../src/analysis/digester-model.js';
import { FRACTION_BASIS, NORMAL_BASIS, WET_FRACTION_BASIS, WET_NORMAL_BASIS, gasBasis } from '../web/src/fields/basis.js';
import { outputUnit } from '../web/src/state/research-inputs.js';

const digester = { kind: 'digester-run' } as const;
const isGas = (k: string) => /Nm3|fraction/.test(k);

describe('digester outputs on the research page', () => {
  it('gives every output name and series a unit', () => {
    for (const k of [...DIGESTER_OUTPUT_NAMES, ...DIGESTER_SERIES, ...DIGESTER_SERIES.map((s) => `series.${s}`)]) {
      const u = outputUnit(digester, k);
      expect(u, k).toMatch(/^[A-Za-z]/);           // a unit first, never ", dry, 0 C, 101.325 kPa" alone
      expect(u.split(',')[0]!.trim().length, k).toBeGreaterThan(0);
    }
  });

  it('says wet for the wet outputs and dry for the others', () => {
    for (const k of DIGESTER_WET_OUTPUTS) {
      expect(gasBasis(k), k).toBe(/fraction/.test(k) ? WET_FRACTION_BASIS : WET_NORMAL_BASIS);
      expect(outputUnit(digester, k), k).toMatch(/, wet \(with water vapour\)/);
      expect(outputUnit(digester, k), k).not.toMatch(/dry/);
    }
    for (const k of DIGESTER_SCALARS.filter(isGas)) {
      expect(gasBasis(k), k).toBe(/fraction/.test(k) ? FRACTION_BASIS : NORMAL_BASIS);
      expect(outputUnit(digester, k), k).toMatch(/, dry/);
    }
    expect(outputUnit(digester, 'q_gas_Nm3_d')).toBe(`Nm3/d, ${WET_NORMAL_BASIS}`);
    expect(outputUnit(digester, 'ch4_fraction')).toBe(`mol/mol, ${WET_FRACTION_BASIS}`);
    expect(outputUnit(digester, 'q_biogas_dry_Nm3_d')).toBe(`Nm3/d, ${NORMAL_BASIS}`);
    // Figures that are not gas have no basis.
    for (const k of DIGESTER_OUTPUT_NAMES.filter((x) => !isGas(x))) expect(gasBasis(k), k).toBe('');
  });
});
