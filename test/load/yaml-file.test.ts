import { describe, expect, it } from 'vitest';
import { parseYamlBytes } from '../../src/load/yaml-file.ts';

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
    expect(file.findings.map((finding) => finding.code)).toEqual(['YAML_ALIAS_LIMIT']);
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
