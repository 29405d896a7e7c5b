import { describe, expect, it } from 'vitest';
import { localeFormat } from '../../src/render/format.ts';
import { LABELS } from '../../src/render/labels.ts';

const it_IT = localeFormat('it-IT');
const en_GB = localeFormat('en-GB');

// Intl separates with U+00A0 (no-break space) and, in Italian percentages, nothing at all.
const NBSP = '\u00a0';

describe('figures in Italian and British English', () => {
  it('money: whole euros, the sign where each language puts it', () => {
    expect(it_IT.euros(1234567.4)).toBe(`1.234.567${NBSP}€`);
    expect(en_GB.euros(1234567.5)).toBe('€1,234,568');
    expect(it_IT.euros(0)).toBe(`0${NBSP}€`);
  });

  it('percentages to one decimal; none is a dash', () => {
    expect(it_IT.percent(0.425)).toBe('42,5%');
    expect(en_GB.percent(0.425)).toBe('42.5%');
    expect(en_GB.percent(1 / 3)).toBe('33.3%');
    expect(it_IT.percent(null)).toBe('–');
    expect(() => en_GB.percent(Number.NaN)).toThrow(RangeError);
  });

  it('changes in points, signed', () => {
    expect(it_IT.points(-0.031, 'punti')).toBe('-3,1 punti');
    expect(en_GB.points(0, 'points')).toBe('0 points');
    expect(en_GB.signed(3)).toBe('+3');
  });

  it('numbers: two decimals for reports, four (or scientific) for explanations', () => {
    expect(it_IT.number(1234.567)).toBe('1234,57');
    expect(it_IT.number(12345.678)).toBe('12.345,68');
    expect(en_GB.number(1234.567)).toBe('1,234.57');
    expect(en_GB.precise(0.123456)).toBe('0.1235');
    expect(it_IT.precise(0.123456)).toBe('0,1235');
    expect(en_GB.precise(1e-6)).toBe('1E-6');
  });

  it('dates, long and short, whatever the machine’s time zone', () => {
    expect(it_IT.longDate('2025-12-31')).toBe('31 dicembre 2025');
    expect(en_GB.longDate('2025-12-31')).toBe('31 December 2025');
    expect(it_IT.shortDate('2026-01-05')).toBe('05/01/2026');
    expect(en_GB.shortDate('2026-01-05')).toBe('05/01/2026');
    expect(en_GB.shortDate(undefined)).toBe('–');
  });
});

describe('counted nouns, by the plural rules of the language', () => {
  const italian = LABELS.it.counts;
  const english = LABELS.en.counts;

  it('English: one for 1, other for 0 and more', () => {
    expect(en_GB.count(1, english.error)).toBe('1 error');
    expect(en_GB.count(0, english.error)).toBe('0 errors');
    expect(en_GB.count(2, english.filesChecked)).toBe('2 files checked');
    expect(en_GB.count(1, english.gap)).toBe('1 gap');
  });

  it('Italian: one for 1, other for 0 and more, agreeing with the participle', () => {
    expect(it_IT.count(1, italian.warning)).toBe('1 avviso');
    expect(it_IT.count(0, italian.warning)).toBe('0 avvisi');
    expect(it_IT.count(1, italian.filesChecked)).toBe('1 file controllato');
    expect(it_IT.count(12, italian.filesChecked)).toBe('12 file controllati');
  });

  it('counts are not grouped, and a form a language lacks falls back to other', () => {
    expect(en_GB.count(12000, english.problem)).toBe('12000 problems');
    // Italian says "1 milione di abitanti": CLDR's `many` form, which the labels' nouns do not give.
    expect(new Intl.PluralRules('it-IT').select(1_000_000)).toBe('many');
    expect(it_IT.count(1_000_000, italian.problem)).toBe('1000000 problemi');
    expect(it_IT.count(1_000_000, { one: 'abitante', many: 'di abitanti', other: 'abitanti' })).toBe('1000000 di abitanti');
  });
});
