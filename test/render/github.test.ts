import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/render/findings/github.ts';
import { Chalk } from 'chalk';

describe('GitHub workflow command escaping', () => {
  it('escapes % first, then CR and LF, in data', () => {
    expect(escapeData('100% done\r\nnext %0A')).toBe('100%25 done%0D%0Anext %250A');
  });

  it('also escapes : and , in properties', () => {
    expect(escapeProperty('C:\\plan, v2.yaml')).toBe('C%3A\\plan%2C v2.yaml');
  });

  it('renders one annotation per finding, info as notice', () => {
    const text = github(
      {
        tool: { name: 'psttm', version: '0' },
        planDir: 'plan',
        files: ['plan/a,b.yaml', 'plan/m6.yaml'],
        counts: { errors: 1, warnings: 0, infos: 1 },
        language: 'en',
        findings: [
          { code: 'YAML_SYNTAX', severity: 'error', args: { detail: 'bad: 50%\nline' }, file: 'plan/a,b.yaml', line: 3, column: 7, endLine: 3, endColumn: 7, path: '' },
          { code: 'OBJECTIVES_NOT_TRANSCRIBED', severity: 'info', args: { mission: 'M6', title: 'Sei' }, file: 'plan/m6.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, path: '' },
        ],
      },
      new Chalk({ level: 0 }),
    );
    expect(text).toBe(
      '::error file=plan/a%2Cb.yaml,line=3,col=7,title=psttm YAML_SYNTAX::bad: 50%25%0Aline\n' +
        '::notice file=plan/m6.yaml,line=1,col=1,title=psttm OBJECTIVES_NOT_TRANSCRIBED::M6 "Sei": the source lacks this mission\'s objectives table, so it has no objectives yet\n',
    );
  });
});
