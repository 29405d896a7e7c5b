import { describe, expect, it } from 'vitest';
import { locate, locateSpan } from '../../src/load/positions.ts';
import { parseYamlBytes } from '../../src/load/yaml-file.ts';
import { decodePointer } from '../../src/validate/schema-validator.ts';

const file = parseYamlBytes(
  Buffer.from(['id: M1', 'objectives:', '  - id: M1.1', '    title:', '    actors: { a: true, b: false }', 'a/b~c: 1'].join('\n')),
  '/x.yaml',
  'x.yaml',
);

describe('locate', () => {
  it('points at a value, 1-based', () => {
    expect(locate(file, ['id'])).toEqual({ line: 1, column: 5 });
    expect(locate(file, ['objectives', 0, 'id'])).toEqual({ line: 3, column: 9 });
    expect(locate(file, ['objectives', '0', 'actors', 'b'])).toEqual({ line: 5, column: 27 });
  });

  it('points at the key when asked, and at the key of an empty value', () => {
    expect(locate(file, ['objectives', 0, 'actors', 'b'], 'key')).toEqual({ line: 5, column: 24 });
    expect(locate(file, ['objectives', 0, 'title'])).toEqual({ line: 4, column: 5 });
  });

  it('falls back to the nearest existing ancestor', () => {
    expect(locate(file, ['objectives', 0, 'missing', 'deeper'])).toEqual({ line: 3, column: 5 });
    expect(locate(file, ['objectives', 7])).toEqual({ line: 3, column: 3 });
    expect(locate(file, [])).toEqual({ line: 1, column: 1 });
  });

  it('finds keys holding JSON Pointer escapes once decoded', () => {
    expect(locate(file, decodePointer('/a~1b~0c'))).toEqual({ line: 6, column: 8 });
  });
});

describe('locateSpan', () => {
  it('ends where the located node ends', () => {
    expect(locateSpan(file, ['id'])).toEqual({ line: 1, column: 5, endLine: 1, endColumn: 7 });
    expect(locateSpan(file, ['objectives', 0, 'actors', 'b'])).toEqual({ line: 5, column: 27, endLine: 5, endColumn: 32 });
    expect(locateSpan(file, ['objectives', 0, 'actors', 'b'], 'key')).toEqual({ line: 5, column: 24, endLine: 5, endColumn: 25 });
  });

  it('spans the key of an empty value, and a whole flow mapping', () => {
    expect(locateSpan(file, ['objectives', 0, 'title'])).toEqual({ line: 4, column: 5, endLine: 4, endColumn: 10 });
    expect(locateSpan(file, ['objectives', 0, 'actors'])).toEqual({ line: 5, column: 13, endLine: 5, endColumn: 34 });
  });
});

describe('decodePointer', () => {
  it('decodes every ~1 then ~0, in that order', () => {
    expect(decodePointer('')).toEqual([]);
    expect(decodePointer('/a~1b~1c/~0~0/~01')).toEqual(['a/b/c', '~~', '~1']);
  });
});
