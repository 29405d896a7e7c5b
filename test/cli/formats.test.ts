import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBinary, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const fixture = (name: string) => path.join(repoRoot, 'test/fixtures/findings', name);

describe('validate output formats (spawned binary)', () => {
  it('stylish: a header per file, line:col severity message code, a total', async () => {
    const root = tempPlan(fixture('unknown-actor-column'));
    const result = await runBinary(['validate'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "plan/missions/m1-alpha.yaml
        13:13  error  M1.1: say whether citta_metropolitana applies (true or false)                                        MISSING_ACTOR_COLUMN
        13:15  error  M1.1: "citta_metropolitan" is not an actor column of plan.yaml; did you mean "citta_metropolitana"?  UNKNOWN_ACTOR_COLUMN

      ✖ 2 problems (2 errors, 0 warnings, 0 infos) in 4 files checked
      "
    `);
  });

  it('stylish: the total in the language of the findings, its nouns by the plural rules', async () => {
    const root = tempPlan(fixture('unknown-actor-column'));
    const italian = await runInProcess(['validate', '--lang', 'it'], { cwd: root });
    expect(italian.code).toBe(1);
    expect(italian.stdout).toMatch(/\n✖ 2 problemi \(2 errori, 0 avvisi, 0 informazioni\) in 4 file controllati\n$/);
    const english = await runInProcess(['validate', '--lang', 'en', '--plan', path.join(repoRoot, 'plan')], { cwd: root });
    expect(english.stdout).toMatch(/\n✔ \d+ files checked: 0 errors, 0 warnings, \d+ infos\n$/);
  });

  it('json: summary and findings', async () => {
    const result = await runBinary(['validate', '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ version: 1, tool: { name: 'psttm' }, plan: 'plan', summary: { errors: 0, warnings: 0 } });
    // plan.yaml, six mission files, every project file and every consultation.
    expect(report.filesChecked).toBe(7 + readdirSync(path.join(repoRoot, 'plan/projects')).length + readdirSync(path.join(repoRoot, 'plan/consultations')).length);
    expect(report.findings.filter((finding: { code: string }) => finding.code !== 'INDICATOR_WITHOUT_TARGET')).toEqual([
      {
        code: 'CONSULTATION_WITHOUT_RESULTS',
        severity: 'info',
        message: expect.stringContaining('nord-milano-workshop: the source gives no results'),
        args: { consultation: 'nord-milano-workshop' },
        file: 'plan/consultations/nord-milano-workshop.yaml',
        line: 12,
        column: 15,
        endLine: 12,
        endColumn: 28,
        path: 'votes_status',
      },
      {
        code: 'OBJECTIVES_NOT_TRANSCRIBED',
        severity: 'info',
        message: expect.stringContaining('M6'),
        args: { mission: 'M6', title: 'Salute' },
        file: 'plan/missions/m6-salute.yaml',
        line: 22,
        column: 20,
        endLine: 22,
        endColumn: 35,
        path: 'objectives_status',
      },
      {
        code: 'LEAD_NOT_STATED',
        severity: 'info',
        message: expect.stringContaining('prolungamento-m5-monza names no lead'),
        args: { project: 'prolungamento-m5-monza' },
        file: 'plan/projects/prolungamento-m5-monza.yaml',
        line: 4,
        column: 5,
        endLine: 4,
        endColumn: 27,
        path: 'id',
      },
    ]);
  });

  it('github: workflow commands', async () => {
    const result = await runBinary(['validate', '--format', 'github']);
    expect(result.stdout.split('\n').find((line) => line.includes('m6-salute'))! + '\n').toBe(
      `::notice file=plan/missions/m6-salute.yaml,line=22,col=20,title=psttm OBJECTIVES_NOT_TRANSCRIBED::M6 "Salute"%3A the source lacks this mission's objectives table, so it has no objectives yet\n`.replace('%3A', ':'),
    );
  });

  it('sarif: valid against the official SARIF 2.1.0 schema', async () => {
    const root = tempPlan(fixture('numbering-order'));
    const result = await runBinary(['validate', '--format', 'sarif'], { cwd: root });
    const log = JSON.parse(result.stdout);
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/sources/sarif-schema-2.1.0.json'), 'utf8'));
    const validate = new ajvDraft04.default({ allErrors: true, strict: false }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { region: object } }[] }) => [r.ruleId, r.locations[0]!.physicalLocation.region])).toEqual([
      ['NUMBERING_GAP', { startLine: 11, startColumn: 9, endLine: 11, endColumn: 13 }],
      ['NUMBERING_ORDER', { startLine: 14, startColumn: 9, endLine: 14, endColumn: 13 }],
    ]);
  });

  it('junit: one test case per file checked, a failure per error, exit 1 on errors', async () => {
    const root = tempPlan(fixture('numbering-gap'));
    const result = await runBinary(['validate', '--format', 'junit'], { cwd: root, env: { GITHUB_WORKSPACE: '', CI_PROJECT_DIR: '' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites>\n  <testsuite name="psttm validate" tests="4" failures="1" errors="0">\n/);
    expect(result.stdout).toContain(
      '<failure message="NUMBERING_GAP: M1.3 follows M1.1: M1.2 is missing" type="NUMBERING_GAP">plan/missions/m1-alpha.yaml:13:9: error: M1.3 follows M1.1: M1.2 is missing (NUMBERING_GAP)</failure>',
    );
  });

  it('gitlab: an empty array for a plan without findings, exit 0', async () => {
    const result = await runBinary(['validate', '--format', 'gitlab'], { cwd: tempPlan() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('several formats in one run, each to its own file; stdout keeps the default', async () => {
    const root = tempPlan(fixture('numbering-gap'));
    const result = await runBinary(['validate', '--format', 'stylish', '--format', 'sarif=out/report.sarif', '--format', 'json=out/report.json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('NUMBERING_GAP');
    expect(JSON.parse(readFileSync(path.join(root, 'out/report.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(JSON.parse(readFileSync(path.join(root, 'out/report.json'), 'utf8')).summary.errors).toBe(1);
  });

  it('refuses to overwrite an existing file without --force, and writes nothing', async () => {
    const root = tempPlan();
    writeFileSync(path.join(root, 'keep.json'), 'mine');
    const refused = await runBinary(['validate', '--format', 'sarif=new.sarif', '--format', 'json=keep.json'], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('psttm: keep.json already exists; pass --force to overwrite, or choose another path\n');
    expect(readFileSync(path.join(root, 'keep.json'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(root, 'new.sarif'))).toBe(false);
    const forced = await runBinary(['validate', '--format', 'json=keep.json', '--force'], { cwd: root });
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'keep.json'), 'utf8')).version).toBe(1);
  });

  it('only one format may print to stdout', async () => {
    const result = await runBinary(['validate', '--format', 'json', '--format', 'github']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('only one --format can print to stdout');
  });
});
