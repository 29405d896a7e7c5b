import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillForm, formMetadata, type Fill } from '../helpers/filled-form.ts';
import { repoRoot, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';
import { snapshotTree } from '../helpers/tree-snapshot.ts';

const AS_OF = '2026-11-22';
const TODAY = '2026-11-30';
const PROJECT = 'plan/projects/gamma-rete.yaml';

/** The small plan of collect-bounds, with Ufficio Gamma's form made as of AS_OF; returns the plan and the form's path. */
async function gammaForm(): Promise<{ root: string; form: string }> {
  const root = tempPlan(path.join(repoRoot, 'test/fixtures/collect-bounds'));
  const made = await runInProcess(['collect', 'forms', '--plan', root, '--as-of', AS_OF, '--lead', 'Ufficio Gamma', '--today', AS_OF], { cwd: root });
  expect(made).toMatchObject({ code: 0, stderr: '' });
  return { root, form: path.join(root, made.stdout.trim()) };
}

const importForms = (root: string, argv: string[]) => runInProcess(['collect', 'import', '--plan', root, '--today', TODAY, '--lang', 'en', ...argv], { cwd: root });

interface FindingOut {
  code: string;
  file: string;
  sheet: string;
  line: number;
  column: number;
  args: Record<string, unknown>;
}

/** Fill the form, import it, and return the findings printed as JSON; the plan must be left as it was. */
async function failingImport(fills: readonly Fill[], edit?: (root: string, form: string) => void): Promise<{ code: number; findings: FindingOut[]; stderr: string }> {
  const { root, form } = await gammaForm();
  await fillForm(form, fills);
  edit?.(root, form);
  const before = snapshotTree(path.join(root, 'plan'));
  const result = await importForms(root, ['--format', 'json', path.relative(root, form)]);
  expect(snapshotTree(path.join(root, 'plan'))).toEqual(before);
  const findings = result.stdout ? (JSON.parse(result.stdout) as { findings: FindingOut[] }).findings : [];
  return { code: result.code, findings, stderr: result.stderr };
}

const value = (item: string, cells: Extract<Fill, { sheet: 'indicators' }>['cells']): Fill => ({ sheet: 'indicators', project: 'gamma-rete', item, cells });
const june = new Date('2026-06-30T00:00:00Z');

describe('psttm collect import refuses a form with a bad cell, and writes nothing', () => {
  it('FORM_BAD_NUMBER: text in a number cell', async () => {
    const { code, findings, stderr } = await failingImport([value('utenti', { value: 'tanti', date: june })]);
    expect(code).toBe(1);
    // utenti is the first indicator row; value is column 13 (M).
    expect(findings).toEqual([expect.objectContaining({ code: 'FORM_BAD_NUMBER', sheet: 'Indicatori', line: 2, column: 13, args: { value: 'tanti' } })]);
    expect(stderr).toContain('nothing written: the forms have 1 error');
  });

  it('FORM_OUT_OF_BOUNDS: below a declared min, above a percentage\'s 100 %', async () => {
    const { code, findings } = await failingImport([value('saldo', { value: -51, date: june }), value('quota_digitale', { value: 1.2, date: june })]);
    expect(code).toBe(1);
    expect(findings.map(({ code: found, args }) => [found, args])).toEqual([
      ['FORM_OUT_OF_BOUNDS', { value: 1.2, min: 0, max: 1 }],
      ['FORM_OUT_OF_BOUNDS', { value: -51, min: -50, max: 200 }],
    ]);
  });

  it('FORM_BAD_DATE: a date after the as-of date, and one that is no date', async () => {
    const { code, findings } = await failingImport([value('utenti', { value: 95, date: new Date('2026-11-25T00:00:00Z') }), value('saldo', { value: 5, date: '31/02/2026' })]);
    expect(code).toBe(1);
    expect(findings.map(({ code: found, args }) => [found, args])).toEqual([
      ['FORM_BAD_DATE', { value: '2026-11-25', first: '2025-01-01', last: AS_OF }],
      ['FORM_BAD_DATE', { value: '31/02/2026', first: '2025-01-01', last: AS_OF }],
    ]);
  });

  it('FORM_UNKNOWN_CHOICE: a yes/no and a status outside their lists', async () => {
    const { code, findings } = await failingImport([
      { sheet: 'milestones', project: 'gamma-rete', item: '2', cells: { newDone: 'forse', doneDate: june } },
      { sheet: 'facts', project: 'gamma-rete', item: 'status', cells: { new: 'finito' } },
    ]);
    expect(code).toBe(1);
    expect(findings.map(({ code: found, sheet, args }) => [found, sheet, args])).toEqual([
      ['FORM_UNKNOWN_CHOICE', 'Milestone', { value: 'forse', choices: ['sì', 'no'] }],
      ['FORM_UNKNOWN_CHOICE', 'Dati di progetto', { value: 'finito', choices: ['idea', 'programmato', 'in corso', 'concluso', 'sospeso', 'annullato'] }],
    ]);
  });

  it('FORM_INCOMPLETE_ROW: a value without its date', async () => {
    const { code, findings } = await failingImport([value('utenti', { value: 95 })]);
    expect(code).toBe(1);
    expect(findings).toEqual([expect.objectContaining({ code: 'FORM_INCOMPLETE_ROW', column: 14, args: { missing: 'Data del nuovo valore' } })]);
  });

  it('FORM_EDITED_CELL: a form edited outside its input cells (a unit changed)', async () => {
    const { code, findings } = await failingImport([value('utenti', { unit: 'euro', value: 95, date: june })]);
    expect(code).toBe(1);
    expect(findings).toEqual([expect.objectContaining({ code: 'FORM_EDITED_CELL', line: 2, column: 5, args: { expected: 'persone', found: 'euro' } })]);
  });

  it('FORM_EDITED_CELL: a project file changed since, and a row moved onto another indicator, is caught by its unit', async () => {
    const { code, findings } = await failingImport([value('utenti', { indicator: 'saldo', value: 95, date: june })], (root) => {
      const file = path.join(root, PROJECT);
      writeFileSync(file, readFileSync(file, 'utf8').replace('updated: 2026-10-01', 'updated: 2026-11-01'));
    });
    expect(code).toBe(1);
    expect(findings).toEqual([expect.objectContaining({ code: 'FORM_EDITED_CELL', column: 5, args: { expected: 'posti', found: 'persone' } })]);
  });

  it('FORM_CONFLICT: a form from an older revision, whose project file has a newer value since, leaves that value out', async () => {
    const { root, form } = await gammaForm();
    await fillForm(form, [value('utenti', { value: 95, date: june })]);
    const file = path.join(root, PROJECT);
    writeFileSync(file, readFileSync(file, 'utf8').replace('      - { value: 90, date: 2026-06-01, source: doc }\n', '      - { value: 90, date: 2026-06-01, source: doc }\n      - { value: 97, date: 2026-09-30, source: doc }\n'));
    const before = snapshotTree(path.join(root, 'plan'));
    const result = await importForms(root, ['--json', path.relative(root, form)]);
    expect(result.code).toBe(1);
    expect(snapshotTree(path.join(root, 'plan'))).toEqual(before);
    const output = JSON.parse(result.stdout) as { written: boolean; projects: unknown[]; conflicts: unknown[] };
    expect(output).toMatchObject({ written: false, projects: [] });
    expect(output.conflicts).toEqual([{ code: 'FORM_CONFLICT', file: path.relative(root, form), sheet: 'Indicatori', row: 2, column: 13, current: '97 (2026-09-30)', form: '95 (2026-06-30)' }]);
    expect(result.stderr).toBe('psttm: 1 conflicting values not imported; run again with --force to take the forms\'\n');

    // --force takes the form's value: it is added beside the newer one.
    const forced = await importForms(root, ['--force', path.relative(root, form)]);
    expect(forced).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(file, 'utf8')).toContain('      - { value: 97, date: 2026-09-30, source: doc }\n      - { value: 95, date: 2026-06-30, source: modulo-');
  });

  it('FORM_NOTE_NOT_KEPT: a note on a milestone or a fact is said to be left out; the row itself is imported, exit 0', async () => {
    const { root, form } = await gammaForm();
    await fillForm(form, [
      { sheet: 'milestones', project: 'gamma-rete', item: '2', cells: { newDone: 'sì', doneDate: june, note: 'inaugurato con il sindaco' } },
      { sheet: 'milestones', project: 'gamma-rete', item: '1', cells: { newDone: 'no', note: 'slitta al 2027' } },
    ]);
    const shown = path.relative(root, form);
    const result = await importForms(root, ['--json', shown]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(result.stdout) as { written: boolean; conflicts: unknown[]; notesNotKept: { code: string; sheet: string; row: number }[]; projects: { edits: unknown[] }[] };
    expect(output.written).toBe(true);
    expect(output.conflicts).toEqual([]);
    expect(output.projects[0]!.edits).toEqual([expect.objectContaining({ kind: 'milestone', position: 2, done: '2026-06-30' })]);
    expect(output.notesNotKept.map(({ code, sheet, row }) => [code, sheet, row])).toEqual([
      ['FORM_NOTE_NOT_KEPT', 'Milestone', 2],
      ['FORM_NOTE_NOT_KEPT', 'Milestone', 3],
    ]);

    // Without --json the warnings go to stderr, and the run still succeeds.
    const again = await gammaForm();
    await fillForm(again.form, [{ sheet: 'facts', project: 'gamma-rete', item: 'status', cells: { new: 'concluso', note: 'chiuso a ottobre' } }]);
    const text = await importForms(again.root, [path.relative(again.root, again.form)]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('~ status completed');
    expect(text.stderr).toContain('the note on status of gamma-rete is not imported');
    expect(text.stderr).toContain('FORM_NOTE_NOT_KEPT');
  });

  it('FORM_UNKNOWN_ROW: a value for an indicator the project no longer has', async () => {
    const { code, findings } = await failingImport([value('posti_asilo', { value: 20, date: june })], (root) => {
      const file = path.join(root, PROJECT);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.slice(0, text.indexOf('  - id: posti_asilo\n')) + text.slice(text.indexOf('  - id: qualita\n')));
    });
    expect(code).toBe(1);
    expect(findings).toEqual([expect.objectContaining({ code: 'FORM_UNKNOWN_ROW', line: 5, column: 3, args: { project: 'gamma-rete', item: 'posti_asilo' } })]);
  });

  it('one bad form among several: nothing of any of them is written', async () => {
    const root = tempPlan(path.join(repoRoot, 'test/fixtures/collect-bounds'));
    const made = await runInProcess(['collect', 'forms', '--plan', root, '--as-of', AS_OF, '--today', AS_OF], { cwd: root });
    expect(made.code).toBe(0);
    const [alpha, gamma] = made.stdout.trim().split('\n');
    await fillForm(path.join(root, alpha!), [{ sheet: 'facts', project: 'alpha-hub', item: 'status', cells: { new: 'concluso' } }]);
    await fillForm(path.join(root, gamma!), [value('utenti', { value: 'tanti', date: june })]);
    const before = snapshotTree(path.join(root, 'plan'));
    const result = await importForms(root, [alpha!, gamma!]);
    expect(result.code).toBe(1);
    expect(snapshotTree(path.join(root, 'plan'))).toEqual(before);
    // Without the bad form, the good one is imported.
    expect(await importForms(root, [alpha!])).toMatchObject({ code: 0, stdout: 'plan/projects/alpha-hub.yaml (updated)\n  ~ status completed\n' });
  });

  it('a value the plan would refuse (an end date for a project without a start) stops the import, nothing written', async () => {
    const root = tempPlan(path.join(repoRoot, 'test/fixtures/collect-bounds'));
    const made = await runInProcess(['collect', 'forms', '--plan', root, '--as-of', AS_OF, '--today', AS_OF, '--lead', 'Città metropolitana di Milano'], { cwd: root });
    const form = made.stdout.trim();
    await fillForm(path.join(root, form), [{ sheet: 'facts', project: 'alpha-hub', item: 'end', cells: { new: new Date('2027-12-31T00:00:00Z') } }]);
    const before = snapshotTree(path.join(root, 'plan'));
    const result = await importForms(root, [form]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SCHEMA_MISSING_PROPERTY');
    expect(result.stderr).toContain('psttm: nothing written: the change would give plan/projects/alpha-hub.yaml 1 error (above)\n');
    expect(snapshotTree(path.join(root, 'plan'))).toEqual(before);
  });

  it('--json: the forms, and per project what each form changes; the finding of a bad cell in the stylish format, in Italian', async () => {
    const { root, form } = await gammaForm();
    await fillForm(form, [value('quota_digitale', { value: 0.45, date: june, source: 'Cruscotto' }), { sheet: 'milestones', project: 'gamma-rete', item: '2', cells: { newDone: 'sì', doneDate: june } }]);
    const { formId, lead } = await formMetadata(form);
    const shown = path.relative(root, form);
    const result = await importForms(root, ['--json', '--dry-run', shown]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      dryRun: true,
      written: false,
      forms: [{ file: shown, formId, lead, asOf: AS_OF, source: `modulo-${formId.slice(0, 12)}` }],
      projects: [
        {
          project: 'gamma-rete',
          file: PROJECT,
          edits: [
            { form: shown, kind: 'actual', indicator: 'quota_digitale', value: 0.45, date: '2026-06-30', note: 'Cruscotto' },
            { form: shown, kind: 'milestone', position: 2, done: '2026-06-30' },
          ],
        },
      ],
      conflicts: [],
      notesNotKept: [],
    });

    await fillForm(form, [value('saldo', { value: 'tanti', date: june })]);
    const failed = await runInProcess(['collect', 'import', '--plan', root, '--today', TODAY, '--lang', 'it', shown], { cwd: root, env: { NO_COLOR: '1' } });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`${shown}!Indicatori`);
    expect(failed.stdout).toContain('"tanti" non è un numero; scrivere solo il numero (45, 12,5 o 45%)');
    expect(failed.stdout).toContain('FORM_BAD_NUMBER');
  });

  it('a new value for a date that has one, in a file unchanged since the form, replaces it in place with its provenance', async () => {
    const { root, form } = await gammaForm();
    await fillForm(form, [value('utenti', { value: 92, date: new Date('2026-06-01T00:00:00Z'), note: 'rettifica' })]);
    const file = path.join(root, PROJECT);
    const before = readFileSync(file, 'utf8');
    const id = `modulo-${(await formMetadata(form)).formId.slice(0, 12)}`;
    const result = await importForms(root, [path.relative(root, form)]);
    expect(result).toMatchObject({ code: 0, stdout: 'plan/projects/gamma-rete.yaml (updated)\n  ~ utenti 92 (2026-06-01)\n', stderr: '' });
    const title = `Modulo di aggiornamento dei dati del ${AS_OF} compilato da Ufficio Gamma, ricevuto il ${TODAY}`;
    expect(readFileSync(file, 'utf8')).toBe(
      before
        .replace('      - { value: 90, date: 2026-06-01, source: doc }', `      - { value: 92, date: 2026-06-01, source: ${id}, note: rettifica }`)
        .replace('sources: [{ id: doc, title: Relazione di prova }]', `sources: [{ id: doc, title: Relazione di prova }, { id: ${id}, title: "${title}" }]`)
        .replace('updated: 2026-10-01', `updated: ${TODAY}`),
    );
  });

  it('a form made before plan.yaml changed is imported as usual: only its project files matter', async () => {
    const { root, form } = await gammaForm();
    await fillForm(form, [value('utenti', { value: 95, date: june })]);
    const plan = path.join(root, 'plan/plan.yaml');
    writeFileSync(plan, `${readFileSync(plan, 'utf8')}# rivisto\n`);
    const result = await importForms(root, [path.relative(root, form)]);
    expect(result).toMatchObject({ code: 0, stdout: 'plan/projects/gamma-rete.yaml (updated)\n  + utenti 95 (2026-06-30)\n', stderr: '' });
  });

  it('a form of another plan is refused in one line', async () => {
    const { root, form } = await gammaForm();
    const plan = path.join(root, 'plan/plan.yaml');
    const id = (await formMetadata(form)).planId;
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(`id: ${id}`, 'id: altro-piano'));
    const before = snapshotTree(path.join(root, 'plan'));
    const result = await importForms(root, [path.relative(root, form)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`psttm: ${path.relative(root, form)} is a form of the plan "${id}", not of this plan ("altro-piano"); import it into its own plan\n`);
    expect(snapshotTree(path.join(root, 'plan'))).toEqual(before);
  });

  it('a form saved as .xls or .ods is refused, saying how to save it', async () => {
    const { root } = await gammaForm();
    writeFileSync(path.join(root, 'modulo.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(path.join(root, 'modulo.ods'), Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]));
    const xls = await importForms(root, ['modulo.xls']);
    expect(xls).toMatchObject({ code: 2, stdout: '' });
    expect(xls.stderr).toBe('psttm: modulo.xls was saved as an old Excel file (.xls), not as the .xlsx form it was sent as; open it in Excel or LibreOffice Calc, save it as .xlsx (Excel 2007-365) and import that\n');
    const ods = await importForms(root, ['modulo.ods']);
    expect(ods.code).toBe(2);
    expect(ods.stderr).toContain('modulo.ods was saved as an OpenDocument spreadsheet (.ods)');
  });
});
