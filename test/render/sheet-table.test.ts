import { describe, expect, it } from 'vitest';
import { columnLetter, linkFormula, startsLikeFormula } from '../../src/render/xlsx/sheet-table.ts';

describe('startsLikeFormula', () => {
  it('catches the characters a spreadsheet starts a formula with', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(startsLikeFormula(text)).toBe(true);
    for (const text of ['M1.1', ' =1', 'a=b', '', '€']) expect(startsLikeFormula(text)).toBe(false);
  });
});

describe('columnLetter', () => {
  it('counts like Excel', () => {
    expect([1, 26, 27, 52, 702, 703, 16384].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD']);
  });
});

describe('linkFormula', () => {
  it('quotes the sheet name and doubles quotes, so the text cannot break out of the string', () => {
    expect(linkFormula({ sheet: "Qualità dati", row: 3 }, 'a"b')).toEqual({ formula: `HYPERLINK("#'Qualità dati'!A3","a""b")`, result: 'a"b' });
    expect(linkFormula({ sheet: "It's", row: 2 }, 'x')).toMatchObject({ formula: `HYPERLINK("#'It''s'!A2","x")` });
  });
});
