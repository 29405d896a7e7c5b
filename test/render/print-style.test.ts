import { describe, expect, it } from 'vitest';
import { rowHeight, rowLines, textWidth, wrappedLines } from '../../src/render/xlsx/print-style.ts';

describe('textWidth', () => {
  it('measures in digit widths, with Carlito’s wide capitals and narrow letters, accents as their letter', () => {
    expect(textWidth('0000')).toBe(4);
    expect(textWidth('Wi')).toBeCloseTo(1.79 + 0.48);
    expect([textWidth('è'), textWidth('È')]).toEqual([0.99, 0.96]);
    // Any other symbol counts 1.1; an East Asian character two digits.
    expect([textWidth('€'), textWidth('世')]).toEqual([1.1, 2]);
  });
});

describe('wrappedLines', () => {
  it('fills each line with whole words: a column of width 10 keeps 9 digit widths for text', () => {
    // 4 + space 0.45 + 4 = 8.45 digits: one line within 9, two within 8.
    expect(wrappedLines('0000 0000', 10)).toBe(1);
    expect(wrappedLines('0000 0000', 9)).toBe(2);
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('00\n00', 10)).toBe(2);
  });

  it('breaks a word longer than a line, and goes on after its last piece', () => {
    // 10 digits in lines of 4: 4 + 4 + 2; then "00" does not fit beside the 2 (2 + 0.45 + 2 > 4).
    expect(wrappedLines('0000000000', 5)).toBe(3);
    expect(wrappedLines('0000000000 00', 5)).toBe(4);
  });

  it('counts capitals wider than small letters', () => {
    // MMMMM is 8.6 digits, more than the 8 of a width-9 column; iiiii is 2.4, within the 3 of a width-4 one.
    expect(wrappedLines('MMMMM', 9)).toBe(2);
    expect(wrappedLines('iiiii', 4)).toBe(1);
  });
});

describe('rowLines and rowHeight', () => {
  it('a row is as tall as its tallest cell, 15 points a line', () => {
    expect(rowLines(['0000000000', 'x'], [5, 10])).toBe(3);
    expect(rowHeight(3)).toBe(45);
  });
});
