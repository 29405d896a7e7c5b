import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlBytes } from '../../src/load/yaml-file.ts';

const parse = (text: string) => parseYamlBytes(Buffer.from(text), '/f.yaml', 'f.yaml');
const findingsOf = (text: string) => parse(text).findings.map(({ code, line, column }) => ({ code, line, column }));

/** `levels` nested collections of one kind, as the value of `id:` (so the innermost scalar nests levels + 2 deep). */
const nestings: Record<string, (levels: number) => string> = {
  'flow sequences': (levels) => `id: ${'['.repeat(levels)}1${']'.repeat(levels)}\n`,
  'flow mappings': (levels) => `id: ${'{a: '.repeat(levels)}1${'}'.repeat(levels)}\n`,
  'block mappings': (levels) => `id:\n${Array.from({ length: levels }, (_, level) => `${' '.repeat(level + 1)}a:`).join('\n')} 1\n`,
  'block sequences': (levels) => `id:\n${Array.from({ length: levels }, (_, level) => `${' '.repeat(level + 1)}-`).join('\n')} 1\n`,
  'compact sequences': (levels) => `id:\n  ${'- '.repeat(levels)}1\n`,
};
/** An anchor at the top sends a file down the yaml library's path instead of js-yaml's. */
const withAnchor = (text: string) => `anchor: &anchor 1\n${text}`;

describe('nesting is bounded at 64 levels, on both parsing paths', () => {
  describe.each(Object.entries(nestings))('%s', (_kind, nest) => {
    it('62 collections under id (64 levels with the mapping and the scalar) are read', () => {
      expect(parse(nest(62)).findings).toEqual([]);
      expect(parse(withAnchor(nest(62))).findings).toEqual([]);
    });

    it('63 collections under id are YAML_NESTING_LIMIT', () => {
      expect(findingsOf(nest(63)).map((finding) => finding.code)).toEqual(['YAML_NESTING_LIMIT']);
      expect(findingsOf(withAnchor(nest(63))).map((finding) => finding.code)).toEqual(['YAML_NESTING_LIMIT']);
    });
  });

  it('points at the first value past the limit', () => {
    // `id: ` takes columns 1-4; the n-th bracket (column 4 + n) nests n + 1 deep, so the 64th is the 65th level.
    expect(findingsOf(nestings['flow sequences']!(100))).toEqual([{ code: 'YAML_NESTING_LIMIT', line: 1, column: 68 }]);
    // Line L (from 2) holds a mapping L deep, its key `a` L + 1 deep: line 64's key, at column 64, is the 65th level.
    expect(findingsOf(nestings['block mappings']!(100))).toEqual([{ code: 'YAML_NESTING_LIMIT', line: 64, column: 64 }]);
  });

  it.each([
    ['flow sequences', 100_000],
    ['flow mappings', 100_000],
    ['compact sequences', 100_000],
    ['block mappings', 1_000],
    ['block sequences', 1_000],
  ])('%s nested %i deep are a finding, not a stack overflow or a hang', (kind, levels) => {
    const text = nestings[kind]!(levels);
    expect(findingsOf(text).map((finding) => finding.code)).toEqual(['YAML_NESTING_LIMIT']);
    expect(findingsOf(withAnchor(text)).map((finding) => finding.code)).toEqual(['YAML_NESTING_LIMIT']);
  });

  it('counts the depth an alias brings along: a chain of anchors 30 deep each', () => {
    const chain = ['a0: &a0 ' + '['.repeat(30) + '1' + ']'.repeat(30)];
    for (let link = 1; link < 4; link++) chain.push(`a${link}: &a${link} ${'['.repeat(30)}*a${link - 1}${']'.repeat(30)}`);
    // a0 is 31 levels (30 sequences and a scalar), a1 is 30 + 31 = 61 and fits under `a1:` at level 2; under `a2:`
    // the alias *a1 (line 3, column 39) stands at level 32 and would reach level 92.
    expect(findingsOf(chain.join('\n'))).toEqual([{ code: 'YAML_NESTING_LIMIT', line: 3, column: 39 }]);
  });
});

describe('alias expansion is bounded by size, not only by the alias count', () => {
  /** One anchor of `items` one-digit numbers, used 999 times: under yaml's maxAliasCount of 1000. */
  const amplification = (items: number) => `a: &a [${Array(items).fill('1').join(',')}]\nb: [${Array(999).fill('*a').join(', ')}]\n`;

  // 1,000 copies of a 100,001-character list, from a file of 104,008 characters: 961 times its size.
  const thousandfold = amplification(50_000);

  it("yaml's maxAliasCount lets 999 uses of a large anchor through: it counts uses, not what they expand to", () => {
    expect(thousandfold.length).toBe(104_008);
    expect(() => parseDocument(thousandfold).toJS({ maxAliasCount: 1000 })).not.toThrow();
  });

  it('a file amplifying itself about 1000 times is YAML_EXPANSION_LIMIT, at the first alias past the bound', () => {
    // The bound is 1 MiB (above 10 × 104,008); each alias adds 99,999 characters to the file's 104,008, so the
    // 10th alias (column 5 + 4 × 9) is the first past it.
    expect(findingsOf(thousandfold)).toEqual([{ code: 'YAML_EXPANSION_LIMIT', line: 2, column: 41 }]);
    expect(parse(thousandfold).data).toBeUndefined();
  });

  it('a small file may expand up to 1 MiB', () => {
    // 999 copies of a 1,001-character list: about 1 MB of text, under 1 MiB.
    expect(parse(amplification(500)).findings).toEqual([]);
    expect(findingsOf(amplification(600)).map((finding) => finding.code)).toEqual(['YAML_EXPANSION_LIMIT']);
  });

  it('many uses of a small anchor expand to little, and are still bounded by the alias count', () => {
    expect(findingsOf(`a: &a x\nb: [${Array(1001).fill('*a').join(', ')}]\n`)).toEqual([{ code: 'YAML_ALIAS_LIMIT', line: 2, column: 5 }]);
  });

  it('an alias inside its own anchor expands without end', () => {
    expect(findingsOf('a: &a [1, *a]\n')).toEqual([{ code: 'YAML_EXPANSION_LIMIT', line: 1, column: 11 }]);
    expect(findingsOf('a: &a {b: {c: *a}}\n')).toEqual([{ code: 'YAML_EXPANSION_LIMIT', line: 1, column: 15 }]);
  });

  it('ordinary anchors and aliases are read', () => {
    const file = parse('source: &s {title: Rapporto, year: 2024}\nfigures:\n  - {value: 1, source: *s}\n  - {value: 2, source: *s}\n');
    expect(file.findings).toEqual([]);
    expect(file.data).toEqual({ source: { title: 'Rapporto', year: 2024 }, figures: [{ value: 1, source: { title: 'Rapporto', year: 2024 } }, { value: 2, source: { title: 'Rapporto', year: 2024 } }] });
  });

  // js-yaml, the fast path, has no expansion bound: a file with aliases must take the yaml path, whatever
  // the syntax around them (an anchor without aliases expands nothing).
  const big = `[${Array(10_000).fill('1').join(',')}]`;
  const uses = Array(999).fill('*a').join(', ');
  it.each([
    ['an anchor after a tag', `a: !!seq &a ${big}\nb: [${uses}]\n`, 'YAML_EXPANSION_LIMIT'],
    ['a tag after an anchor', `a: &a !!seq ${big}\nb: [${uses}]\n`, 'YAML_EXPANSION_LIMIT'],
    // js-yaml reads this anchor; yaml requires a space after the tag and refuses the file.
    ['an anchor right after a verbatim tag', `a: !<tag:yaml.org,2002:seq>&a ${big}\nb: [${uses}]\n`, 'YAML_SYNTAX'],
    ['an anchor on a block sequence item', `- &a ${big}\n- [${uses}]\n`, 'YAML_EXPANSION_LIMIT'],
    ['an anchor on an explicit key', `? &a ${big}\n: x\nb: [${uses}]\n`, 'YAML_EXPANSION_LIMIT'],
    ['an anchor in a flow sequence', `[&a ${big}, [${uses}]]\n`, 'YAML_EXPANSION_LIMIT'],
    ['an anchor in a flow mapping', `{a: &a ${big}, b: [${uses}]}\n`, 'YAML_EXPANSION_LIMIT'],
    ['aliases after JSON-like keys', `a: &a ${big}\nb: {${Array.from({ length: 999 }, (_, index) => `"k${index}":*a`).join(', ')}}\n`, 'YAML_EXPANSION_LIMIT'],
    ['an anchor after a tab', `a:\t&a ${big}\nb: [${uses}]\n`, 'YAML_EXPANSION_LIMIT'],
  ])('%s takes the bounded path', (_syntax, text, code) => {
    expect(findingsOf(text).map((finding) => finding.code)).toEqual([code]);
  });
});
