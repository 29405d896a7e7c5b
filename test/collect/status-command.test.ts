import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formSourceId } from '../../src/model/form-layout.ts';
import { repoRoot, runBinary, runInProcess, TEST_TODAY } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const fixture = (name: string) => path.join(repoRoot, 'test/fixtures', name);
/** The base plan's alpha-hub (lead: Città metropolitana di Milano, fresh, no indicator) and Ufficio Delta's two projects. */
const statusPlan = () => tempPlan(fixture('collect-status'));
const status = (root: string, argv: string[] = [], env: Record<string, string> = {}) => runInProcess(['collect', 'status', '--plan', root, ...argv], { cwd: root, env });
const forms = (root: string, argv: string[] = []) => runInProcess(['collect', 'forms', '--plan', root, '--as-of', TEST_TODAY, ...argv], { cwd: root });

interface StatusJson {
  today: string;
  forms: string;
  leads: {
    lead: string;
    contact?: { name: string; email: string };
    projects: string[];
    forms: { path: string; formId: string; lead: string; asOf: string; due: string; returned: boolean }[];
    returned: string[];
    valuesReceived: number;
    stale: { project: string; updated: string; months: number }[];
    withoutActual: { project: string; indicator: string }[];
  }[];
  withoutLead: string[];
}

async function statusJson(root: string, argv: string[] = []): Promise<StatusJson> {
  const result = await status(root, ['--json', ...argv]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as StatusJson;
}

describe('psttm collect status on a small plan', () => {
  it('counts per lead the projects, the forms returned, the values received, the stale projects and the indicators without any value', async () => {
    const output = await statusJson(statusPlan());
    // Hand-counted from test/fixtures/collect-status: the two form sources of Ufficio Delta's projects, the 1 + 3 actuals citing them
    // (modulo-cartaceo is no form source), delta-scuole 17 months old (2025-06-01 to 2026-11-22) against a limit of 12, and its
    // indicator iscritti without actuals (gradimento is qualitative: the forms do not ask for it).
    expect(output).toEqual({
      today: TEST_TODAY,
      forms: 'forms',
      leads: [
        { lead: 'Città metropolitana di Milano', projects: ['alpha-hub'], forms: [], returned: [], valuesReceived: 0, stale: [], withoutActual: [] },
        {
          lead: 'Ufficio Delta',
          contact: { name: 'Bruno Verdi', email: 'bruno.verdi@example.org' },
          projects: ['delta-palestre', 'delta-scuole'],
          forms: [],
          returned: ['modulo-aaaaaaaaaaaa', 'modulo-bbbbbbbbbbbb'],
          valuesReceived: 4,
          stale: [{ project: 'delta-scuole', updated: '2025-06-01', months: 17 }],
          withoutActual: [{ project: 'delta-scuole', indicator: 'iscritti' }],
        },
      ],
      withoutLead: [],
    });
  });

  it('judges staleness by PROJECT_STALE\'s rule: 12 whole months is within the limit, 13 is not', async () => {
    const root = statusPlan();
    const stale = async (today: string) => (await statusJson(root, ['--today', today])).leads.flatMap((lead) => lead.stale.map((entry) => `${entry.project} ${entry.months}`));
    // alpha-hub was updated 2026-10-01, delta-palestre 2026-09-01.
    expect(await stale('2027-09-01')).toEqual(['delta-scuole 27']);
    expect(await stale('2027-10-01')).toEqual(['delta-palestre 13', 'delta-scuole 28']);
    expect(await stale('2027-11-01')).toEqual(['alpha-hub 13', 'delta-palestre 14', 'delta-scuole 29']);
  });

  it('counts the forms collect forms made, and a form as returned once its source entry is in a project', async () => {
    const root = statusPlan();
    expect((await forms(root)).code).toBe(0);
    const made = await statusJson(root);
    expect(made.leads.map((lead) => lead.forms.map((form) => [form.path, form.asOf, form.due, form.returned]))).toEqual([
      [['forms/modulo-citta-metropolitana-di-milano-2026-11-22.xlsx', TEST_TODAY, '2026-12-22', false]],
      [['forms/modulo-ufficio-delta-2026-11-22.xlsx', TEST_TODAY, '2026-12-22', false]],
    ]);
    // What collect import does with the returned form: a source entry named by the form's id, and the values citing it.
    const delta = made.leads[1]!.forms[0]!;
    const project = path.join(root, 'plan/projects/delta-scuole.yaml');
    const source = formSourceId(delta.formId);
    writeFileSync(
      project,
      readFileSync(project, 'utf8')
        .replace('      - { value: 9, date: 2025-06-01, source: modulo-aaaaaaaaaaaa }\n', `$&      - { value: 12, date: 2026-11-01, source: ${source} }\n`)
        .replace('sources:\n', `sources:\n  - { id: ${source}, title: Modulo restituito il 2026-11-20 }\n`),
    );
    const returned = (await statusJson(root)).leads[1]!;
    expect(returned.forms.map((form) => form.returned)).toEqual([true]);
    expect(returned.returned).toEqual([source, 'modulo-aaaaaaaaaaaa', 'modulo-bbbbbbbbbbbb'].sort());
    expect(returned.valuesReceived).toBe(5);
  });

  it('prints a table that fits the terminal, with totals and what each count means', async () => {
    const root = statusPlan();
    expect((await forms(root, ['--lead', 'Ufficio Delta'])).code).toBe(0);
    const result = await status(root, [], { COLUMNS: '80' });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Data round of Piano di prova as of 2026-11-22',
        '┌──────────────────────┬──────────┬──────┬──────────┬────────┬───────┬─────────┐',
        '│ Lead                 │ Projects │ Sent │ Returned │ Values │ Stale │      No │',
        '│                      │          │      │          │        │       │  actual │',
        '│ Città metropolitana  │        1 │    0 │        0 │      0 │     0 │       0 │',
        '│ di Milano            │          │      │          │        │       │         │',
        '│ Ufficio Delta        │        2 │    1 │        2 │      4 │     1 │       1 │',
        '│ Total                │        3 │    1 │        2 │      4 │     1 │       1 │',
        '└──────────────────────┴──────────┴──────┴──────────┴────────┴───────┴─────────┘',
        '',
        'Sent: forms found in forms/; returned: forms imported; values: indicator values',
        'imported from forms; stale: projects whose updated is older than 12 months; no',
        'actual: measured indicators without any value.',
        '',
      ].join('\n'),
    });
  });
});

describe('psttm collect status and the forms folder', () => {
  it('skips, one line each, the .xlsx files that are no form of the plan, and counts none of them', async () => {
    const root = statusPlan();
    expect((await forms(root, ['--lead', 'Ufficio Delta'])).code).toBe(0);
    const folder = path.join(root, 'forms');
    // A workbook of somebody else's, Excel's lock file of an open form, and a form of another plan (the shipped one).
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Foglio1').getCell('A1').value = 'appunti';
    await other.xlsx.writeFile(path.join(folder, 'appunti.xlsx'));
    writeFileSync(path.join(folder, '~$modulo-ufficio-delta-2026-11-22.xlsx'), 'Bruno Verdi');
    const shipped = tempPlan(undefined, path.join(repoRoot, 'plan'));
    expect((await forms(shipped, ['--lead', 'Fondazione Politecnico di Milano'])).code).toBe(0);
    copyFileSync(path.join(shipped, 'forms/modulo-fondazione-politecnico-di-milano-2026-11-22.xlsx'), path.join(folder, 'modulo-polimi.xlsx'));

    const result = await status(root, ['--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        'psttm: forms/appunti.xlsx has no sheet of form metadata: it is not a form psttm made; skipped',
        'psttm: forms/~$modulo-ufficio-delta-2026-11-22.xlsx is neither an .xlsx workbook nor a CSV file; save it as .xlsx or CSV and import that; skipped',
        'psttm: 1 form in forms/ is of another plan than test-plan; not counted',
        '',
      ].join('\n'),
    );
    expect((JSON.parse(result.stdout) as StatusJson).leads.map((lead) => lead.forms.length)).toEqual([0, 1]);
  });

  it('counts no form for a lead that no project names any more, and says so', async () => {
    const root = statusPlan();
    expect((await forms(root, ['--lead', 'Ufficio Delta'])).code).toBe(0);
    for (const name of ['delta-scuole', 'delta-palestre']) {
      const file = path.join(root, `plan/projects/${name}.yaml`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('name: Ufficio Delta\n', 'name: Ufficio Delta Nord\n'));
    }
    const result = await status(root, ['--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('psttm: forms/modulo-ufficio-delta-2026-11-22.xlsx is for Ufficio Delta, whom no project names as lead any more; not counted\n');
    expect((JSON.parse(result.stdout) as StatusJson).leads.map((lead) => [lead.lead, lead.forms.length])).toEqual([
      ['Città metropolitana di Milano', 0],
      ['Ufficio Delta Nord', 0],
    ]);
  });

  it('reads the folder --forms names, relative to the working folder', async () => {
    const root = statusPlan();
    expect((await forms(root, ['--out', 'round-2026'])).code).toBe(0);
    expect((await statusJson(root)).leads.map((lead) => lead.forms.length)).toEqual([0, 0]);
    const output = await statusJson(root, ['--forms', 'round-2026']);
    expect(output.forms).toBe('round-2026');
    expect(output.leads.map((lead) => lead.forms.map((form) => form.path))).toEqual([['round-2026/modulo-citta-metropolitana-di-milano-2026-11-22.xlsx'], ['round-2026/modulo-ufficio-delta-2026-11-22.xlsx']]);
  });

  it('stops with exit 2 and one line when the folder --forms names is missing or a file, or an argument is bad', async () => {
    const root = statusPlan();
    expect(await status(root, ['--forms', 'moduli'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'psttm: cannot read the forms folder moduli: no such file or folder; name the folder collect forms wrote into with --forms\n',
    });
    writeFileSync(path.join(root, 'moduli'), '');
    expect(await status(root, ['--forms', 'moduli'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'psttm: cannot read the forms folder moduli: it or a part of its path is not a folder; name the folder collect forms wrote into with --forms\n',
    });
    const badToday = await status(root, ['--today', '2026-13-01']);
    expect(badToday).toMatchObject({ code: 2, stdout: '' });
    expect(badToday.stderr).toMatch(/^psttm: option '--today <date>' argument '2026-13-01' is invalid\. [^\n]*\n$/);
    expect(await status(root, ['--as-of', TEST_TODAY])).toEqual({ code: 2, stdout: '', stderr: "psttm: unknown option '--as-of' (see psttm --help)\n" });
  });
});

describe('psttm collect status on the shipped portfolio', () => {
  // Hand-counted from plan/projects/*.yaml: each lead's projects (all updated 2026-11-22; the limit is 12 months), and all 22 of
  // their quantitative indicators have actuals, none from a form yet.
  const leads = [
    ['Città metropolitana di Milano, Area promozione e coordinamento dello sviluppo economico e sociale', 3],
    ['Comune di Milano', 10],
    ['Comune di Milano, Direzione Economia Urbana e Lavoro', 1],
    ['Fondazione Politecnico di Milano', 1],
  ] as const;

  it('counts one form sent per lead, none returned yet, no project stale until 13 months after its update', async () => {
    const root = tempPlan(undefined, path.join(repoRoot, 'plan'));
    expect((await forms(root)).code).toBe(0);
    const counts = (output: StatusJson) => output.leads.map((lead) => [lead.lead, lead.projects.length, lead.forms.length, lead.returned.length, lead.valuesReceived, lead.stale.length, lead.withoutActual.length]);
    const today = await statusJson(root);
    expect(counts(today)).toEqual(leads.map(([lead, projects]) => [lead, projects, 1, 0, 0, 0, 0]));
    expect(today.withoutLead).toEqual(['prolungamento-m5-monza']);
    expect(counts(await statusJson(root, ['--today', '2027-11-22']))).toEqual(leads.map(([lead, projects]) => [lead, projects, 1, 0, 0, 0, 0]));
    expect(counts(await statusJson(root, ['--today', '2027-12-22']))).toEqual(leads.map(([lead, projects]) => [lead, projects, 1, 0, 0, projects, 0]));
  });

  it('runs as the built binary: the table on stdout, exit 0, and --json', async () => {
    const root = tempPlan(undefined, path.join(repoRoot, 'plan'));
    const table = await runBinary(['collect', 'status', '--plan', root], { cwd: root, env: { COLUMNS: '100' } });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('│ Comune di Milano                       │       10 │    0 │        0 │      0 │     0 │         0 │\n');
    expect(table.stdout).toContain('No forms in forms/: make them with psttm collect forms.\n');
    const json = await runBinary(['collect', 'status', '--plan', root, '--json'], { cwd: root });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as StatusJson).leads).toHaveLength(4);
  });
});
