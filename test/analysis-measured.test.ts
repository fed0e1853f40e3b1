// Tests for reading measured data (CSV with units in the header) and its error messages.
import { describe, expect, it } from 'vitest';
import { parseMapping, parseMeasuredCsv, splitHeader } from '../src/analysis/measured.js';
import { InputError } from '../src/errors.js';

describe('measured data CSV', () => {
  it('reads units from the header and converts to model units', () => {
    const d = parseMeasuredCsv([
      '# plant log',
      'time [h],q_biogas [L/h],ch4 [%],pH,VFA [mg HAc/L],NH4 [mg N/L],V_ch4 [NL]',
      '0,100,60,7.2,600.52,1400.67,0',
      '24,120,62,7.1,NA,1400.67,1000',
    ].join('\n'));
    expect(d.t_d).toEqual([0, 1]);
    const by = Object.fromEntries(d.series.map((s) => [s.kind, s]));
    expect(by.q_gas!.values[0]).toBeCloseTo(2.4, 12);          // 100 L/h = 2.4 m3/d
    expect(by.ch4_fraction!.values[1]).toBeCloseTo(0.62, 12);
    expect(by.pH!.values).toEqual([7.2, 7.1]);
    expect(by.VFA!.values).toHaveLength(1);                    // NA left out
    expect(by.VFA!.values[0]).toBeCloseTo(0.64, 6);            // 600.52 mg HAc/L = 0.64 kg COD/m3
    expect(by.NH4!.values[0]).toBeCloseTo(0.1, 6);             // 1400.67 mg N/L = 0.1 kmol N/m3
    expect(by.V_ch4!.normal).toBe(true);
    expect(by.V_ch4!.values[1]).toBeCloseTo(1, 12);
  });
  it('accepts unit suffixes in names, semicolons and a mapping', () => {
    const d = parseMeasuredCsv('time_d;q_ch4_m3_d\n0;50\n1;55\n');
    expect(d.series[0]!.kind).toBe('q_ch4');
    expect(d.series[0]!.values).toEqual([50, 55]);
    const m = parseMeasuredCsv('Day,Gas (mL/d)\n0,10\n2,20', { mapping: parseMapping('Day=time [d];Gas (mL/d)=V_gas [mL]') });
    expect(m.series[0]!.kind).toBe('V_gas');
    expect(m.series[0]!.values[1]).toBeCloseTo(2e-5, 15);
    expect(splitHeader('VFA_kgCOD_m3')).toEqual({ name: 'VFA', unit: 'kg COD/m3' });
  });
  const err = (text: string): string => { try { parseMeasuredCsv(text, { source: 'lab.csv' }); } catch (e) { expect(e).toBeInstanceOf(InputError); return (e as Error).message; } throw new Error('no error'); };
  it('names the row and column of missing and non-numeric cells', () => {
    expect(err('time_d,pH\n0,7\n1,\n')).toMatch(/lab\.csv row 3, column "pH": missing value/);
    expect(err('time_d,pH\n0,7\n1,seven\n')).toMatch(/row 3, column "pH": expected a number, got "seven"/);
    expect(err('time_d,pH\n0,7\n1\n')).toMatch(/row 3: expected 2 cells/);
  });
  it('rejects unsorted times, unknown columns and units that do not convert', () => {
    expect(err('time_d,pH\n0,7\n2,7\n1,7\n')).toMatch(/row 4, column "time_d": times must increase/);
    expect(err('time_d,foo [m3]\n0,1\n')).toMatch(/column "foo \[m3\]": unknown measured quantity "foo"/);
    expect(err('time_d,q_ch4 [kg]\n0,1\n')).toMatch(/column "q_ch4 \[kg\]": unit "kg" does not convert/);
    expect(err('time_d,q_ch4\n0,1\n')).toMatch(/column "q_ch4": no unit given/);
    expect(err('time_d,VFA [mg/L]\n0,1\n')).toMatch(/ambiguous/);
    expect(err('time [fortnights],pH\n0,7\n')).toMatch(/does not convert to days/);
    expect(err('x,pH\n0,7\n')).toMatch(/no time column/);
    expect(err('time_d,pH\n0,17\n')).toMatch(/pH in 0\.\.14/);
  });
});
