import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitColumnWidths } from '../../src/render/terminal/column-widths.ts';
import { renderTable, terminalWidth, wrapLines, wrapText } from '../../src/render/terminal/table.ts';

describe('fitColumnWidths', () => {
  it('keeps the natural widths when they fit', () => {
    expect(fitColumnWidths([{ natural: 5, longestWord: 5 }, { natural: 10, longestWord: 4, flexFloor: 10 }], 20)).toEqual([5, 10]);
  });

  it('shrinks the title first, the other columns keeping their width', () => {
    // 40 − 10 − 8 = 22 left for the title.
    expect(fitColumnWidths([{ natural: 10, longestWord: 10 }, { natural: 50, longestWord: 8, flexFloor: 20 }, { natural: 8, longestWord: 8 }], 40)).toEqual([10, 22, 8]);
  });

  it('then lowers the widest other columns together, never below their longest word, and hands back the room left', () => {
    // Title at 20; the rest must fit 36: 9 + 13 + 13 = 35 at cap 13, and the one column left over goes to the first capped column.
    const widths = fitColumnWidths([{ natural: 9, longestWord: 9 }, { natural: 60, longestWord: 10, flexFloor: 20 }, { natural: 17, longestWord: 12 }, { natural: 17, longestWord: 9 }], 56);
    expect(widths).toEqual([9, 20, 14, 13]);
  });

  it('breaks words only when even the longest words do not fit', () => {
    // Floors 14 + 14 = 28 > 20: both columns lowered to 10.
    expect(fitColumnWidths([{ natural: 30, longestWord: 14 }, { natural: 30, longestWord: 14, flexFloor: 20 }], 20)).toEqual([10, 10]);
  });
});

describe('terminalWidth', () => {
  it.each([
    [{ isTTY: true, columns: 100 }, { COLUMNS: '60' }, 100],
    [{}, { COLUMNS: '60' }, 60],
    [{ isTTY: false, columns: 100 }, {}, 80],
    [{}, { COLUMNS: 'wide' }, 80],
    [{}, { COLUMNS: '0' }, 80],
    [{}, {}, 80],
  ])('stdout %j with %j lays out for %i columns', (stdout, env, width) => {
    expect(terminalWidth(stdout, env)).toBe(width);
  });
});

describe('wrapping', () => {
  it('hangs the lines after the first under a label', () => {
    expect(wrapText('Status in progress now', 12, { first: 'A ', rest: '  ' })).toBe('A Status in\n  progress\n  now');
  });

  it('keeps each line’s indent and hangs its continuation two columns further', () => {
    expect(wrapLines('Head\n  alpha beta gamma', 14)).toBe('Head\n  alpha beta\n    gamma');
  });

  it('draws a table no wider than the width, every line of its box the same width', () => {
    const title = 'Superamento del digital divide ed estensione dei collegamenti 5G ai territori metropolitani';
    const text = renderTable([{ header: 'Id', unbroken: true }, { header: 'Title', flex: true }, { header: 'Status' }], [['M1.1', title, 'insufficient data']], 40);
    const lines = text.trimEnd().split('\n');
    expect(lines.map((line) => stringWidth(line))).toEqual(lines.map(() => 40));
    expect(lines[0]).toMatch(/^┌─+┬─+┬─+┐$/);
    expect(lines.at(-1)).toMatch(/^└─+┴─+┴─+┘$/);
    expect(lines.every((line) => /^[│┌└].*[│┐┘]$/.test(line))).toBe(true);
    // Every word of the title is there, in order, none cut off.
    const titleColumn = lines.slice(2, -1).map((line) => line.split('│')[2]!.trim()).join(' ').trim();
    expect(titleColumn).toBe(title);
    expect(text).toContain('│ M1.1 │');
  });

  it('draws a cell of a hundred lines and more whole and at once (cli-table3 takes time growing with the cube of a cell’s lines)', () => {
    // 150 words of 18 letters, one per line of a 20-column title: drawn as one cell, seconds; as 150 rows of one line, milliseconds.
    const words = Array.from({ length: 150 }, (_, index) => `parola${String(index).padStart(12, '0')}`);
    const started = performance.now();
    const text = renderTable([{ header: 'Id', unbroken: true }, { header: 'Title', flex: true }], [['M1.1', words.join(' ')], ['M1.2', 'Breve']], 40);
    expect(performance.now() - started).toBeLessThan(5000);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + 150 + 1 + 1);
    expect(lines.slice(2, -2).map((line) => line.split('│')[2]!.trim())).toEqual(words);
    expect(lines[2]).toMatch(/^│ M1\.1 +│ parola000000000000 +│$/);
    expect(lines[3]).toMatch(/^│ +│ parola000000000001 +│$/);
    expect(lines.at(-2)).toMatch(/^│ M1\.2 +│ Breve +│$/);
  });

  it('draws a table of tens of thousands of lines at once, one box from the first to the last (cli-table3 lays out in time growing with the square of its rows)', () => {
    const rows = Array.from({ length: 30_000 }, (_, index) => [`p-${index}`, `Progetto ${index}`]);
    const started = performance.now();
    const text = renderTable([{ header: 'Id', unbroken: true }, { header: 'Title', flex: true }], rows, 40);
    expect(performance.now() - started).toBeLessThan(5000);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 1 + 30_000 + 1);
    expect(lines[0]).toMatch(/^┌─+┬─+┐$/);
    expect(lines[1]).toMatch(/^│ Id +│ Title +│$/);
    expect(lines.slice(2, -1).map((line) => line.split('│')[1]!.trim())).toEqual(rows.map(([id]) => id));
    expect(lines.at(-1)).toMatch(/^└─+┴─+┘$/);
  });

  it('measures a title of more words than a function takes arguments', () => {
    // 150,000 words: spread into Math.max, they overflowed the stack.
    const title = Array.from({ length: 150_000 }, () => 'a').join(' ');
    const text = renderTable([{ header: 'Id', unbroken: true }, { header: 'Title', flex: true }], [['M1.1', title]], 2000);
    expect(text.split('\n')[2]).toMatch(/^│ M1\.1 │ a a a .* a │$/);
    expect(text.replace(/[^a]/g, '')).toHaveLength(150_000);
  });
});
