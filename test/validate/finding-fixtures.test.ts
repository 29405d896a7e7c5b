import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../src/findings/finding-codes.ts';
import { writeBaseProjectSources } from '../helpers/base-project.ts';
import { repoRoot, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const findingsDir = path.join(repoRoot, 'test/fixtures/findings');

interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
}

/** Each fixture file declares the findings it must produce: `# expect: CODE LINE:COLUMN` at its top. */
function expectationsOf(caseDir: string): Expected[] {
  const expected: Expected[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else
        for (const match of readFileSync(file, 'utf8').matchAll(/^# expect: (\w+) (\d+):(\d+)$/gm)) {
          expected.push({ code: match[1]!, file: `plan/${path.relative(caseDir, file)}`, line: Number(match[2]), column: Number(match[3]) });
        }
    }
  };
  walk(caseDir);
  return expected;
}

async function findingsOf(root: string) {
  const result = await runInProcess(['validate', '--json'], { cwd: root });
  const report = JSON.parse(result.stdout) as { findings: Expected[] };
  return { result, findings: report.findings.map(({ code, file, line, column }) => ({ code, file, line, column })) };
}

const cases = readdirSync(findingsDir).sort();

describe('finding fixtures: each produces exactly the findings it declares', () => {
  it.each(cases)('%s', async (name) => {
    const expected = expectationsOf(path.join(findingsDir, name));
    expect(expected.length).toBeGreaterThan(0);
    const { result, findings } = await findingsOf(tempPlan(path.join(findingsDir, name)));
    expect(findings).toEqual(expect.arrayContaining(expected));
    expect(findings).toHaveLength(expected.length);
    const failing = expected.some((finding) => FINDING_CODES[finding.code as keyof typeof FINDING_CODES].severity === 'error');
    expect(result.code).toBe(failing ? 1 : 0);
  });
});

describe('findings for files that are not YAML text, or no missions', () => {
  it('FILE_NOT_REGULAR: a folder and a named pipe where mission files are expected', async () => {
    const root = tempPlan();
    mkdirSync(path.join(root, 'plan/missions/m3-folder.yaml'));
    execFileSync('mkfifo', [path.join(root, 'plan/missions/m4-pipe.yaml')]);
    const { findings } = await findingsOf(root);
    expect(findings).toEqual([
      { code: 'FILE_NOT_REGULAR', file: 'plan/missions/m3-folder.yaml', line: 1, column: 1 },
      { code: 'FILE_NOT_REGULAR', file: 'plan/missions/m4-pipe.yaml', line: 1, column: 1 },
    ]);
  });

  it('FILE_TOO_LARGE: a project file one byte over 1 MiB', async () => {
    const root = tempPlan();
    writeFileSync(path.join(root, 'plan/projects/alpha-hub.yaml'), '#'.repeat(1024 * 1024) + '\n');
    const { findings } = await findingsOf(root);
    expect(findings).toEqual([{ code: 'FILE_TOO_LARGE', file: 'plan/projects/alpha-hub.yaml', line: 1, column: 1 }]);
  });

  it('FILE_BINARY: a file with NUL bytes', async () => {
    const root = tempPlan();
    writeFileSync(path.join(root, 'plan/missions/m2-beta.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x00, 0x01]));
    const { findings } = await findingsOf(root);
    expect(findings).toEqual([{ code: 'FILE_BINARY', file: 'plan/missions/m2-beta.yaml', line: 1, column: 1 }]);
  });

  it('FILE_NOT_UTF8: Latin-1 text', async () => {
    const root = tempPlan();
    writeFileSync(path.join(root, 'plan/missions/m2-beta.yaml'), Buffer.from('id: M2\ntitle: Citt\xe0\n', 'latin1'));
    const { findings } = await findingsOf(root);
    expect(findings).toEqual([{ code: 'FILE_NOT_UTF8', file: 'plan/missions/m2-beta.yaml', line: 1, column: 1 }]);
  });

  it('SCHEMA_ERROR_LIMIT: 150 wrong values list the first 100 findings, then where the other 50 start', async () => {
    const root = tempPlan();
    writeBaseProjectSources(root, `[${Array(150).fill('1').join(', ')}]`);
    const result = await runInProcess(['validate', '--json'], { cwd: root });
    const { findings } = JSON.parse(result.stdout) as { findings: (Expected & { message: string })[] };
    expect(findings.filter((finding) => finding.code === 'SCHEMA_WRONG_TYPE')).toHaveLength(100);
    // `sources: [` takes 10 columns and each `1, ` 3 more: the 101st value is at column 11 + 3 × 100.
    expect(findings.filter((finding) => finding.code !== 'SCHEMA_WRONG_TYPE')).toEqual([
      expect.objectContaining({ code: 'SCHEMA_ERROR_LIMIT', line: 12, column: 311, message: '50 more schema errors from here on are not listed; fix the first 100 and validate again' }),
    ]);
  });

  it('NO_MISSIONS: an empty missions folder', async () => {
    const root = tempPlan();
    rmSync(path.join(root, 'plan/missions'), { recursive: true });
    const { findings } = await findingsOf(root);
    // Line 2: the plan's first key, below its leading comment.
    expect(findings).toEqual([{ code: 'NO_MISSIONS', file: 'plan/plan.yaml', line: 2, column: 1 }]);
  });

  it('every finding code has a fixture or a case above', () => {
    // The SHEET_ codes are about spreadsheets psttm imports, not plan files: test/import/dup-import.test.ts has a case for each.
    // The FORM_ codes are about returned forms: test/collect/import-checks.test.ts has a case for each.
    const spreadsheetCodes = Object.keys(FINDING_CODES).filter((code) => code.startsWith('SHEET_') || code.startsWith('FORM_'));
    // DANGLING_LINK compares two revisions: psttm diff reports it, and test/diff/ has its cases.
    const covered = new Set([...cases.flatMap((name) => expectationsOf(path.join(findingsDir, name)).map((e) => e.code)), 'FILE_BINARY', 'FILE_NOT_UTF8', 'FILE_NOT_REGULAR', 'FILE_TOO_LARGE', 'SCHEMA_ERROR_LIMIT', 'NO_MISSIONS', 'DANGLING_LINK', ...spreadsheetCodes]);
    expect(Object.keys(FINDING_CODES).filter((code) => !covered.has(code))).toEqual([]);
  });
});
