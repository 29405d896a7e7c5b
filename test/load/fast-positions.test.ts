import { describe, expect, it } from 'vitest';
import { locateSpan, type DataPath } from '../../src/load/positions.ts';
import { parseYamlBytes } from '../../src/load/yaml-file.ts';

/** Every path of the data, a missing key under each node and one item past each sequence's end. */
function pathsOf(value: unknown, path: DataPath = []): DataPath[] {
  const children = Array.isArray(value) ? value.map((item, index) => pathsOf(item, [...path, index])).flat().concat([[...path, value.length]]) : value && typeof value === 'object' ? Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key])) : [];
  return [path, [...path, 'missing'], ...children];
}

/** The spans js-yaml's events give, beside those of the yaml library's document, for every path and target. */
function bothSpans(text: string) {
  const file = parseYamlBytes(Buffer.from(text), '/x.yaml', 'x.yaml');
  const document = { doc: file.doc, lineCounter: file.lineCounter };
  return pathsOf(file.data).flatMap((path) => (['value', 'key'] as const).map((target) => ({ path, target, fast: file.fastSpan?.(path, target), document: locateSpan(document, path, target) })));
}

const CASES: Record<string, string> = {
  'comments, empty values and a null': 'a: 1  # one\nb:\nc: ~\nd: null # none\n',
  'multi-line plain and quoted scalars': 'a: plain\n  continued\nb: "double\n  quoted"\nc: \'single\'\n',
  'block scalars, clipped and stripped': 'a: |\n  one\n  two\nb: >-\n  folded\n  text\n\nc: >2\n   indented\n\nd: last\n',
  'nested and compact sequences': 'a:\n  - - x\n    - y\n  - k: 1\n    l: [1, [2, {m: 3}]]\n  - { n: o }\n',
  'quoted and numeric keys, no final line break': '"q k": 1\n2: two\n\'s\': [a, b]\nlast: {x: 1}',
  'comments in the first column and after values': 'a:\n  b: 1 # t\n# top\nc:\n  - d # u\n# end\n',
  'comment lines ahead of the data': '# a header\n\n  # and more\nid: M1\nobjectives:\n  - id: M1.1\n    title:\n    actors: { a: true, b: false }\n',
};

describe('fastSpan', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`gives the yaml document's span for every path: ${name}`, () => {
      for (const { path, target, fast, document } of bothSpans(text)) expect({ path, target, span: fast }).toEqual({ path, target, span: document });
    });
  }

  it('leaves to the yaml library what it reads otherwise, or what js-yaml gives no events for', () => {
    const located: [string, number][] = [['a:\n  b: 1\n  # after\nc: 2\n', 2], ['a:\n  -\n  - b\n', 2], ['---\na: 1\n', 2], ['? a\n: 1\n', 2], ['a: |+\n  x\n\n', 1], ['a:\t1\n', 1], ['a: 1\r\nb: 2\r\n', 1]];
    for (const [text, line] of located) {
      const file = parseYamlBytes(Buffer.from(text), '/x.yaml', 'x.yaml');
      expect(file.fastSpan?.(['a'], 'value')).toBeUndefined();
      expect(locateSpan(file, ['a'])).toMatchObject({ line });
    }
  });
});
