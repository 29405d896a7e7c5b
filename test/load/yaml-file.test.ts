import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlBytes } from '../../src/load/yaml-file.ts';
import { findingMessage } from '../../src/render/findings/messages/index.ts';
import { repoRoot } from '../helpers/run-cli.ts';

const parse = (text: string) => parseYamlBytes(Buffer.from(text), '/f.yaml', 'f.yaml');

describe('reading YAML safely', () => {
  it('keeps __proto__ and constructor as plain data, without touching prototypes', () => {
    const file = parse('__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n');
    const data = file.data as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an alias bomb quickly instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const started = performance.now();
    const file = parse(levels.join('\n'));
    // What the aliases expand to is bounded before yaml counts them (YAML_ALIAS_LIMIT, see yaml-limits.test.ts).
    expect(file.findings.map((finding) => finding.code)).toEqual(['YAML_EXPANSION_LIMIT']);
    expect(file.data).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('accepts a UTF-8 byte order mark', () => {
    const file = parseYamlBytes(Buffer.from('\uFEFFid: M1\n'), '/f.yaml', 'f.yaml');
    expect(file.findings).toEqual([]);
    expect(file.data).toEqual({ id: 'M1' });
  });

  it('keeps ISO dates and YAML 1.1 booleans as strings (YAML 1.2 core schema)', () => {
    expect(parse('due: 2025-12-31\nanswer: no\n').data).toEqual({ due: '2025-12-31', answer: 'no' });
  });
});

describe('the fast path (js-yaml) and the positions path (yaml) agree', () => {
  const shipped = ['plan/plan.yaml', ...['missions', 'projects', 'consultations'].flatMap((folder) => readdirSync(path.join(repoRoot, 'plan', folder)).map((name) => `plan/${folder}/${name}`))];

  it.each(shipped)('%s reads to the same data either way', (file) => {
    const text = readFileSync(path.join(repoRoot, file), 'utf8');
    const fast = parse(text);
    expect(fast.findings).toEqual([]);
    expect(fast.data).toEqual(parseYaml(text));
  });

  it('keeps YAML 1.2 core types: dates stay strings, 0x1F is 31, ~ is null', () => {
    expect(parse('d: 2025-01-01\nh: 0x1F\nn: ~\nb: True\n').data).toEqual({ d: '2025-01-01', h: 31, n: null, b: true });
  });

  it('gives positions on demand for a file read on the fast path', () => {
    const file = parse('id: x\nobjectives:\n  - id: M1.8\n');
    expect(file.doc?.getIn(['objectives', 0, 'id'])).toBe('M1.8');
    expect(file.lineCounter.linePos(file.text.indexOf('M1.8'))).toEqual({ line: 3, col: 9 });
  });
});

describe('YAML tags outside the core schema are findings naming the tag, whichever parser reads the file', () => {
  it.each([
    ['updated: !!timestamp 2026-10-01\n', '!!timestamp'],
    ['logo: !!binary aGVsbG8=\n', '!!binary'],
    ['zones: !!set { Nord Milano }\n', '!!set'],
    ['objectives: !!omap [{ M1.1: 1 }]\n', '!!omap'],
    ['title: !foo Alpha\n', '!foo'],
  ])('%j', (text, tag) => {
    const message = `psttm does not read the YAML tag ${tag}; remove it and write the value plainly (a date as 2025-12-31, a list as [a, b]), in quotes if it must stay text`;
    const column = text.indexOf('!') + 1;
    for (const file of [parse(text), parse(`anchor: &a 1\ncopy: *a\n${text}`)]) {
      expect(file.data).toBeUndefined();
      expect(file.findings.map((finding) => ({ code: finding.code, message: findingMessage(finding, 'en'), line: finding.line, column: finding.column }))).toEqual([
        { code: 'YAML_UNSUPPORTED_TAG', message, line: file.text.split('\n').length - 1, column },
      ]);
    }
  });

  it('reads the core tags as the fast path does: !!str 12 is text', () => {
    expect(parse('cup: !!str 12\n')).toMatchObject({ data: { cup: '12' }, findings: [] });
  });
});

describe('findings on the text span what the YAML parser points at', () => {
  it('a tag: from its first character to just after its last', () => {
    const [finding] = parse('title: !foo Alpha\n').findings;
    expect(finding).toMatchObject({ code: 'YAML_UNSUPPORTED_TAG', line: 1, column: 8, endLine: 1, endColumn: 12 });
  });

  it('a file that is not text: a point at its start', () => {
    const [finding] = parseYamlBytes(Buffer.from([0x61, 0x00]), '/x.yaml', 'x.yaml').findings;
    expect(finding).toMatchObject({ code: 'FILE_BINARY', line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
});
