import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { load } from 'cheerio';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { Finding } from '../../src/findings/finding.ts';
import type { FindingsReport } from '../../src/render/findings/findings-report.ts';
import { gitlab } from '../../src/render/findings/gitlab.ts';
import { junit } from '../../src/render/findings/junit.ts';
import { repoRoot } from '../helpers/run-cli.ts';

const noColor = new Chalk({ level: 0 });
const junitXsd = readFileSync(path.join(repoRoot, 'test/fixtures/sources/junit-4.xsd'), 'utf8');

/** Hostile text: NUL, ESC and a vertical tab (none allowed in XML 1.0), the end of a CDATA section, markup, entities (one undefined, one forbidden). */
const HOSTILE = 'bad\u0000key\u001b[31m\u000b ]]> <b>&amp;</b> "q" &bogus; &#0;';

const syntaxError = (file: string, line: number, detail: string): Finding => ({
  code: 'YAML_SYNTAX',
  severity: 'error',
  args: { detail },
  file,
  line,
  column: 3,
  endLine: line,
  endColumn: 3,
  path: '',
});
const notTranscribed: Finding = {
  code: 'OBJECTIVES_NOT_TRANSCRIBED',
  severity: 'info',
  args: { mission: 'M6', title: 'Sei' },
  file: 'plan/missions/m6.yaml',
  line: 2,
  column: 1,
  endLine: 2,
  endColumn: 9,
  path: 'objectives_status',
};

function reportOf(findings: Finding[], files: string[]): FindingsReport {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { tool: { name: 'psttm', version: '0' }, planDir: 'plan', files, findings, counts: { errors, warnings: 0, infos: findings.length - errors }, language: 'en' };
}

describe('junit', () => {
  const report = reportOf(
    [syntaxError('plan/projects/x.yaml', 4, HOSTILE), syntaxError('plan/projects/x.yaml', 9, 'second'), notTranscribed],
    ['plan/plan.yaml', 'plan/missions/m6.yaml', 'plan/projects/x.yaml', 'plan/projects/a&amp;b.yaml'],
  );
  const xml = junit(report, noColor);

  it('stays well-formed XML 1.0 and valid against the Jenkins JUnit schema with hostile text in a message', async () => {
    expect(() => new SaxesParser().write(xml).close()).not.toThrow();
    const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit-4.xsd', contents: junitXsd }] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('one test case per file checked, a failure per error, other findings as the output of their case', () => {
    const $ = load(xml, { xml: true });
    expect($('testsuite').attr()).toEqual({ name: 'psttm validate', tests: '4', failures: '1', errors: '0' });
    expect($('testcase').map((_, testCase) => [[$(testCase).attr('classname'), $(testCase).attr('name')]]).get()).toEqual([
      ['plan/plan.yaml', 'plan/plan.yaml'],
      ['plan/missions/m6.yaml', 'plan/missions/m6.yaml'],
      ['plan/projects/x.yaml', 'plan/projects/x.yaml'],
      ['plan/projects/a&amp;b.yaml', 'plan/projects/a&amp;b.yaml'],
    ]);
    const failures = $('testcase[name="plan/projects/x.yaml"] failure');
    expect(failures.length).toBe(2);
    // The forbidden characters are replaced; `]]>` and markup come back as text.
    expect(failures.first().attr('message')).toBe('YAML_SYNTAX: bad\uFFFDkey\uFFFD[31m\uFFFD ]]> <b>&amp;</b> "q" &bogus; &#0;');
    expect(failures.last().text()).toBe('plan/projects/x.yaml:9:3: error: second (YAML_SYNTAX)');
    expect($('testcase[name="plan/missions/m6.yaml"] system-out').text()).toMatch(/^plan\/missions\/m6\.yaml:2:1: info: M6 "Sei": .* \(OBJECTIVES_NOT_TRANSCRIBED\)$/);
    expect($('testcase[name="plan/plan.yaml"]').children().length).toBe(0);
  });

  it('one test case for a workbook, whatever sheets its findings are on; each failure names its sheet and cell', () => {
    const onSheet = (sheet: string): Finding => ({ ...syntaxError('dup.xlsx', 12, 'cell'), sheet, column: 4 });
    const $ = load(junit(reportOf([onSheet('Foglio1'), onSheet('Foglio2')], ['dup.xlsx']), noColor), { xml: true });
    expect($('testcase').map((_, testCase) => $(testCase).attr('name')).get()).toEqual(['dup.xlsx']);
    expect($('failure').map((_, failure) => $(failure).text()).get()).toEqual([
      'dup.xlsx!Foglio1:R12C4: error: cell (YAML_SYNTAX)',
      'dup.xlsx!Foglio2:R12C4: error: cell (YAML_SYNTAX)',
    ]);
  });
});

describe('gitlab', () => {
  const issuesOf = (findings: Finding[]) => JSON.parse(gitlab(reportOf(findings, []), noColor)) as { fingerprint: string }[];

  it('gives each finding the fields GitLab Code Quality requires, severities mapped', () => {
    expect(issuesOf([syntaxError('plan/a.yaml', 4, 'oops'), notTranscribed])).toEqual([
      { description: 'oops', check_name: 'YAML_SYNTAX', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), severity: 'major', location: { path: 'plan/a.yaml', lines: { begin: 4 } } },
      { description: expect.stringContaining('M6'), check_name: 'OBJECTIVES_NOT_TRANSCRIBED', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), severity: 'info', location: { path: 'plan/missions/m6.yaml', lines: { begin: 2 } } },
    ]);
  });

  it('keeps a fingerprint when the finding moves to another line, and changes it with the file or the args', () => {
    const [here, moved, elsewhere, other] = issuesOf([
      syntaxError('plan/a.yaml', 4, 'oops'),
      syntaxError('plan/a.yaml', 40, 'oops'),
      syntaxError('plan/b.yaml', 4, 'oops'),
      syntaxError('plan/a.yaml', 4, 'other'),
    ]).map((issue) => issue.fingerprint);
    expect(moved).toBe(here);
    expect(elsewhere).not.toBe(here);
    expect(other).not.toBe(here);
  });
});
