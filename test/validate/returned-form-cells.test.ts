import { describe, expect, it } from 'vitest';
import { parseDate, parseNumber } from '../../src/validate/returned-form.ts';

describe('the cells of a returned form read as the lead meant them', () => {
  it('parseNumber: digits of a number cell, text with a decimal point or an Italian comma, % for a percentage', () => {
    expect(parseNumber('95', false)).toBe(95);
    expect(parseNumber('0.45', true)).toBe(0.45);
    expect(parseNumber('12,5', false)).toBe(12.5);
    expect(parseNumber('1.234.567,89', false)).toBe(1234567.89);
    expect(parseNumber('45%', true)).toBe(0.45);
    expect(parseNumber('45 %', true)).toBe(0.45);
    expect(parseNumber('-50', false)).toBe(-50);
    expect(parseNumber('1e3', false)).toBe(1000);
    // % only where the cell is a percentage; words and empty text are no number.
    for (const text of ['45%', 'tanti', '', '12,5,3', '1.2.3']) expect(parseNumber(text, false), text).toBeUndefined();
  });

  it('parseDate: the ISO date of a date cell, text dd/mm/yyyy, only calendar dates', () => {
    expect(parseDate('2026-06-30')).toBe('2026-06-30');
    expect(parseDate('2026-06-30T00:00:00')).toBe('2026-06-30');
    expect(parseDate('30/06/2026')).toBe('2026-06-30');
    expect(parseDate('1/6/2026')).toBe('2026-06-01');
    for (const text of ['31/02/2026', '2026-13-01', '2026-06-30T10:00:00', 'giugno', '']) expect(parseDate(text), text).toBeUndefined();
  });
});
