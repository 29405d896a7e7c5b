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
        filesChecked: 1,
        counts: { errors: 1, warnings: 0, infos: 1 },
        findings: [
          { code: 'YAML_SYNTAX', severity: 'error', message: 'bad: 50%\nline', file: 'plan/a,b.yaml', line: 3, column: 7, path: '' },
          { code: 'OBJECTIVES_NOT_TRANSCRIBED', severity: 'info', message: 'M6', file: 'plan/m6.yaml', line: 1, column: 1, path: '' },
        ],
      },
      new Chalk({ level: 0 }),
    );
    expect(text).toBe(
      '::error file=plan/a%2Cb.yaml,line=3,col=7,title=psttm YAML_SYNTAX::bad: 50%25%0Aline\n' +
        '::notice file=plan/m6.yaml,line=1,col=1,title=psttm OBJECTIVES_NOT_TRANSCRIBED::M6\n',
    );
  });
});
