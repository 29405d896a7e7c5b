import { describe, expect, it } from 'vitest';
import { assertFiniteNumbers, finite } from '../../src/render/finite-numbers.ts';
import { toJsonText } from '../../src/render/json/plan-json.ts';
import { localeFormat } from '../../src/render/format.ts';
import { number, percent } from '../../src/render/terminal/figures.ts';

describe('no non-finite number reaches a client', () => {
  it('finite passes finite numbers through and stops at NaN and ±Infinity', () => {
    expect(finite(1e308, 'x')).toBe(1e308);
    expect(finite(-5e-324, 'x')).toBe(-5e-324);
    expect(() => finite(NaN, 'the headline')).toThrow('non-finite number NaN at the headline');
    expect(() => finite(-Infinity, 'x')).toThrow(RangeError);
  });

  it('assertFiniteNumbers names the path of the first non-finite number, through objects and arrays', () => {
    expect(() => assertFiniteNumbers({ a: [1, { b: 2 }], c: null, d: 'NaN' }, 'view')).not.toThrow();
    expect(() => assertFiniteNumbers({ a: [1, { b: Infinity }] }, 'view')).toThrow('non-finite number Infinity at view.a.1.b');
  });

  it('JSON output refuses NaN rather than writing a silent null', () => {
    expect(() => toJsonText({ progress: NaN })).toThrow('non-finite number NaN at JSON output.progress');
    expect(toJsonText({ progress: null, gap: 'overflow' })).toBe('{\n  "progress": null,\n  "gap": "overflow"\n}\n');
  });

  it('terminal figures refuse non-finite numbers, and show tiny or huge ones in scientific notation', () => {
    expect(() => percent(NaN)).toThrow(RangeError);
    expect(() => number(Infinity)).toThrow(RangeError);
    expect(number(5e-324)).toBe('5E-324');
    expect(number(1e20)).toBe('1E20');
    expect(number(0.12345)).toBe('0.1235');
    expect(number(0)).toBe('0');
  });

  it('a change in points that overflows when scaled ×100 stops the HTML rather than printing ∞', () => {
    const format = localeFormat('it-IT');
    expect(format.points(0.125, 'punti')).toBe('+12,5 punti');
    expect(() => format.points(1e307, 'punti')).toThrow('non-finite number Infinity at a change in points');
  });
});
