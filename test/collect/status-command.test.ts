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
