import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBinary, runInProcess, type RunOptions } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const fixture = (name: string) => path.join(repoRoot, 'test/fixtures', name);

const ENGLISH = 'M1.3 is not an objective of the plan; did you mean M1.1?';
const ITALIAN = 'M1.3 non è un obiettivo del piano; forse si intendeva M1.1?';

/** A plan with one finding, UNKNOWN_OBJECTIVE, whose message tells the language. */
const planWithFinding = () => tempPlan(fixture('findings/unknown-objective'));

/** Each case: the environment (and options) of a run, and the language its findings must be in. */
const LANGUAGE_CASES: { name: string; env: Record<string, string>; argv?: string[]; italian: boolean }[] = [
  { name: 'no locale: English', env: {}, italian: false },
  { name: 'LANG=it_IT.UTF-8: Italian', env: { LANG: 'it_IT.UTF-8' }, italian: true },
  { name: 'LANG=it: Italian', env: { LANG: 'it' }, italian: true },
  { name: 'LANG=C: English', env: { LANG: 'C' }, italian: false },
  { name: 'LANG=POSIX: English', env: { LANG: 'POSIX' }, italian: false },
  { name: 'LC_MESSAGES overrides LANG', env: { LC_MESSAGES: 'it_CH.UTF-8', LANG: 'en_GB.UTF-8' }, italian: true },
  { name: 'LC_ALL overrides LC_MESSAGES and LANG', env: { LC_ALL: 'C.UTF-8', LC_MESSAGES: 'it_IT.UTF-8', LANG: 'it_IT.UTF-8' }, italian: false },
  { name: 'an empty LC_ALL is not set', env: { LC_ALL: '', LANG: 'it_IT.UTF-8' }, italian: true },
  { name: 'a language starting with "it" only', env: { LANG: 'ita' }, italian: false },
  { name: '--lang en overrides the locale', env: { LC_ALL: 'it_IT.UTF-8' }, argv: ['--lang', 'en'], italian: false },
  { name: '--lang it overrides the locale', env: { LANG: 'en_US.UTF-8' }, argv: ['--lang', 'it'], italian: true },
];

function expectLanguage(stdout: string, italian: boolean): void {
  expect(stdout).toContain(italian ? ITALIAN : ENGLISH);
  expect(stdout).not.toContain(italian ? ENGLISH : ITALIAN);
}

describe('the language of findings', () => {
  it.each(LANGUAGE_CASES)('validate in-process, $name', async ({ env, argv = [], italian }) => {
    const root = planWithFinding();
    const result = await runInProcess(['validate', '--plan', root, ...argv], { cwd: root, env });
    expect(result.code).toBe(1);
    expectLanguage(result.stdout, italian);
  });

  it.each(LANGUAGE_CASES.filter((_, index) => index % 3 === 1))('validate spawned, $name', async ({ env, argv = [], italian }) => {
    const root = planWithFinding();
    const result = await runBinary(['validate', '--plan', root, ...argv], { cwd: root, env });
    expect(result.code).toBe(1);
    expectLanguage(result.stdout, italian);
  });

  it('renders every format in the chosen language, and JSON keeps the args beside the message', async () => {
    const root = planWithFinding();
    const options: RunOptions = { cwd: root };
    const github = await runInProcess(['validate', '--plan', root, '--lang', 'it', '--format', 'github'], options);
    expect(github.stdout).toBe(`::error file=plan/projects/alpha-hub.yaml,line=9,col=9,title=psttm UNKNOWN_OBJECTIVE::${ITALIAN}\n`);
    const sarif = JSON.parse((await runInProcess(['validate', '--plan', root, '--lang', 'it', '--format', 'sarif'], options)).stdout);
    expect(sarif.runs[0].results[0].message.text).toBe(ITALIAN);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 9, startColumn: 9, endLine: 9, endColumn: 13 });
    const json = JSON.parse((await runInProcess(['validate', '--plan', root, '--lang', 'it', '--json'], options)).stdout);
    expect(json.findings).toEqual([
      {
        code: 'UNKNOWN_OBJECTIVE',
        severity: 'error',
        message: ITALIAN,
        args: { objective: 'M1.3', suggestion: 'M1.1' },
        file: 'plan/projects/alpha-hub.yaml',
        line: 9,
        column: 9,
        endLine: 9,
        endColumn: 13,
        path: 'objectives/0/id',
      },
    ]);
  });

  it('refuses a language psttm does not speak, with exit 2', async () => {
    const result = await runInProcess(['validate', '--lang', 'de']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'de' is invalid");
  });
});

describe('the language of findings an edit introduces', () => {
  const commentedPlan = () => tempPlan(fixture('edit/commented'));

  it('link shows its warnings in the language of --lang or the locale', async () => {
    const root = commentedPlan();
    const italian = await runInProcess(['link', 'alpha-hub', 'M2.1', '--plan', root], { cwd: root, env: { LANG: 'it_IT.UTF-8' } });
    expect(italian.code).toBe(0);
    expect(italian.stderr).toMatch(/alpha-hub\.yaml:\d+:\d+: warning: M2\.1 è segnato per Comuni, Corpi intermedi e altri attori, non per Città metropolitana, eppure il capofila di alpha-hub è di tipo città metropolitana \(LEAD_KIND_NOT_EXPECTED\)/);
  });

  it('new project refuses an invalid file with the errors in Italian', async () => {
    const root = tempPlan();
    const args = ['new', 'project', 'parco-beta', '--title', 'Parco Beta', '--lead-kind', 'citta_metropolitana', '--lead', 'Città metropolitana di Milano', '--objective', 'M1.1'];
    const result = await runInProcess([...args, '--cup', 'B41B2100', '--lang', 'it', '--plan', root], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/parco-beta\.yaml:\d+:\d+: error: "B41B2100" non è un CUP: 15 caratteri, una lettera, 2 cifre, una lettera, 11 cifre \(ad es\. B41B21002330005\) \(INVALID_CUP\)/);
  });

  it('an unlink that moves an existing warning up the list does not show it as new', async () => {
    const root = commentedPlan();
    expect((await runInProcess(['link', 'alpha-hub', 'M2.1', '--plan', root], { cwd: root })).stderr).toContain('LEAD_KIND_NOT_EXPECTED');
    // M2.1's warning moves from objectives/1 to objectives/0: the same finding, not one the edit adds.
    const result = await runInProcess(['unlink', 'alpha-hub', 'M1.1', '--plan', root], { cwd: root });
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
});

/** The Qualità dati sheet's message column, below its header. */
async function workbookMessages(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Qualità dati')!;
  const column = (sheet.getRow(1).values as unknown[]).indexOf('Messaggio');
  const messages: string[] = [];
  for (let index = 2; index <= sheet.rowCount; index++) messages.push(String(sheet.getRow(index).getCell(column).value));
  return messages;
}

describe('the findings of the Italian report', () => {
  it('are Italian in the workbook and the HTML: no English finding text', async () => {
    const root = tempPlan(fixture('monitoring'));
    for (const overlay of ['findings/lead-not-stated', 'findings/objectives-not-transcribed', 'findings/no-actor-marked']) {
      cpSync(fixture(overlay), path.join(root, 'plan'), { recursive: true });
    }
    const messagesIn = async (lang: string) =>
      (JSON.parse((await runInProcess(['validate', '--plan', root, '--json', '--lang', lang], { cwd: root })).stdout) as { findings: { message: string }[] }).findings.map((finding) => finding.message);
    const english = await messagesIn('en');
    const italian = await messagesIn('it');
    expect(italian).toHaveLength(4);

    const result = await runInProcess(['report', '--plan', root, '--as-of', '2026-11-01', '--lang', 'it'], { cwd: root });
    expect(result.code).toBe(0);
    const sheet = await workbookMessages(path.join(root, 'reports/monitoraggio-2026-11-01.xlsx'));
    const $ = load(readFileSync(path.join(root, 'reports/monitoraggio-2026-11-01.html'), 'utf8'));
    const html = $('#data-quality table[data-table="findings"] tbody tr td:last-child')
      .toArray()
      .map((cell) => $(cell).text());
    for (const shown of [sheet, html]) {
      for (const message of italian) expect(shown).toContain(message);
      for (const message of english) expect(shown).not.toContain(message);
    }
    expect(html).toEqual(italian);
    // The counts above the table take the noun's plural form: "0 errori", "1 errore", "3 informazioni".
    const counts = $('#data-quality > p').first().text();
    expect(counts).toMatch(/\d+ (errore|errori), \d+ (avviso|avvisi), \d+ (informazione|informazioni)\.$/);
    expect(counts).not.toMatch(/\b(0|[2-9]|\d{2,}) (errore|avviso|informazione)\b/);
  });
});
