import type { CellValue, DataValidation, Row as SheetRow, Workbook, Worksheet } from 'exceljs';
import type { FactFormRow, FormRows, IndicatorFormRow, LeadGroup, MilestoneFormRow } from '../../compute/data-round.js';
import { workbookGrids, type SheetGrid } from '../../load/spreadsheet/spreadsheet-file.js';
import { FIRST_DATE, LAST_DATE, startOfDay } from '../../model/dates.js';
import { FACT_COLUMNS, INDICATOR_COLUMNS, metadataRows, MILESTONE_COLUMNS, type FormMetadata } from '../../model/form-layout.js';
import { PROJECT_STATUSES } from '../../model/plan-data.js';
import { localeFormat, type LocaleFormat } from '../format.js';
import { fillLabel, type Labels } from '../labels.js';
import { xmlText } from './cell-text.js';
import { CELL_FONT, HEADER_FONT, HEADER_FOOTER, PAGE_SETUP, rowHeight, rowLines } from './print-style.js';
import { addRow, HEADER_FILL, NUMBER_FORMATS } from './sheet-table.js';

/** What one lead's form holds. */
interface FormContent {
  lead: LeadGroup;
  rows: FormRows;
  metadata: FormMetadata;
  planTitle: string;
  /** The dates a measurement or a milestone reached may take. */
  window: { first: string; last: string };
  /** Who answers questions and receives the filled form. */
  replyTo: string;
}

/** The longest text an input cell takes: a source or a note, not an essay. */
const MAX_INPUT_TEXT = 1000;
/** The largest amount in euros the project schema takes. */
const MAX_AMOUNT = 1e15;
/** Light yellow: the cells to fill, as Italian offices mark them. */
const INPUT_FILL = 'FFFFF2CC';
/** The sheet is protected against edits (no password: it guards against slips, and the import checks every read-only cell anyway); columns may be widened. */
const PROTECTION = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true } as const;

/** Forms are small and many: the fastest compression keeps them small enough for e-mail at a fraction of the time. */
const ZIP_OPTIONS = { compression: 'DEFLATE', compressionOptions: { level: 1 } } as const;

/** Renders the forms of one run in one language: each form as an .xlsx file in memory. */
export type FormRenderer = (content: FormContent) => Promise<Buffer>;

export async function formRenderer(labels: Labels): Promise<FormRenderer> {
  const { default: ExcelJS } = await import('exceljs');
  const format = localeFormat(labels.locale, '');
  return async (content) => {
    const workbook = new ExcelJS.Workbook();
    const asOf = startOfDay(content.metadata.asOf);
    workbook.creator = 'psttm';
    workbook.created = asOf;
    workbook.modified = asOf;
    workbook.title = xmlText(`${fillLabel(labels.form.title, { plan: content.planTitle })}: ${content.lead.name}`);
    await fillForm(workbook, content, labels, format);
    return Buffer.from(await workbook.xlsx.writeBuffer({ zip: ZIP_OPTIONS }));
  };
}

async function fillForm(workbook: Workbook, content: FormContent, labels: Labels, format: LocaleFormat): Promise<void> {
  const sheets = [addInstructions(workbook, content, labels, format), ...addTables(workbook, content, labels, format), addMetadata(workbook, content.metadata.sheets.metadata, content.metadata, labels)];
  for (const sheet of sheets) await sheet.protect('', PROTECTION);
}

/** The indicators, milestones and facts sheets. */
function addTables(workbook: Workbook, content: TableContent, labels: Labels, format: LocaleFormat): Worksheet[] {
  const names = content.metadata.sheets;
  return [
    addFormTable(workbook, names.indicators, indicatorColumns(content, labels, format), content.rows.indicators, labels),
    addFormTable(workbook, names.milestones, milestoneColumns(content, labels, format), content.rows.milestones, labels),
    addFormTable(workbook, names.facts, factColumns(labels, format), content.rows.facts, labels),
  ];
}

/** What the table sheets of a form depend on. */
type TableContent = Pick<FormContent, 'rows' | 'metadata' | 'window'>;

/** Makes the table sheets of forms in one language as the import reads them (see spreadsheet-file.ts). */
export type FormTableGrids = (content: TableContent) => SheetGrid[];

/**
 * The table sheets of a form made in memory without writing a file: what a returned form's
 * read-only cells must still hold.
 */
export async function formTableGrids(labels: Labels): Promise<FormTableGrids> {
  const { default: ExcelJS } = await import('exceljs');
  const format = localeFormat(labels.locale, '');
  return (content) => {
    const workbook = new ExcelJS.Workbook();
    addTables(workbook, content, labels, format);
    return workbookGrids(workbook, content.metadata.sheets.indicators);
  };
}

/** A column of a form's table: read-only unless it has `input`, which gives the validation of its cell on a row. */
interface FormColumn<Row> {
  header: string;
  width: number;
  value?: (row: Row) => CellValue | undefined;
  /** The cell's number format on a row (percentages, euros, dates). */
  numFmt?: (row: Row) => string | undefined;
  /** The values are ISO dates, stored as dates and shown dd/mm/yyyy. */
  dates?: boolean;
  input?: (row: Row) => DataValidation;
}

function addFormTable<Row>(workbook: Workbook, name: string, columns: readonly FormColumn<Row>[], rows: readonly Row[], labels: Labels): Worksheet {
  const sheet = workbook.addWorksheet(xmlText(name), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
    pageSetup: PAGE_SETUP,
    headerFooter: HEADER_FOOTER,
  });
  // Cells take their column's style when added, so every cell names its font.
  sheet.columns = columns.map((column) => ({ width: column.width, style: { font: CELL_FONT } }));
  const header = guardedRow(sheet, columns.map((column) => column.header), labels);
  header.font = HEADER_FONT;
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  header.alignment = { vertical: 'middle', wrapText: true };
  fitHeight(header, sheet);
  for (const record of rows) {
    const row = guardedRow(sheet, columns.map((column) => cellValue(column, record)), labels);
    row.alignment = { vertical: 'top', wrapText: true };
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      const numFmt = column.dates ? NUMBER_FORMATS.date : column.numFmt?.(record);
      // A text addRow pinned to the Text format keeps it.
      if (numFmt && cell.numFmt !== '@') cell.numFmt = numFmt;
      if (!column.input) return;
      cell.protection = { locked: false };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
      cell.dataValidation = { allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop', errorTitle: labels.form.validation.title, ...column.input(record) };
    });
    fitHeight(row, sheet);
  }
  return sheet;
}

/**
 * Give a row of wrapped text the height its longest cell needs, as the report's sheets do: neither
 * Excel nor LibreOffice grows a row on opening, so without it wrapped lines overlap on screen and on paper.
 */
function fitHeight(row: SheetRow, sheet: Worksheet): void {
  const texts: string[] = [];
  const widths: number[] = [];
  row.eachCell((cell, column) => {
    if (typeof cell.value !== 'string') return;
    texts.push(cell.value);
    widths.push(sheet.getColumn(column).width ?? 10);
  });
  const lines = rowLines(texts, widths);
  if (lines > 1) row.height = rowHeight(lines);
}

/** A row of values, text through the report's formula guard (and cut, with the language's note, at Excel's cell limit). */
function guardedRow(sheet: Worksheet, values: readonly CellValue[], labels: Labels): SheetRow {
  return addRow(sheet, values, { truncationMarker: labels.truncated });
}

function cellValue<Row>(column: FormColumn<Row>, row: Row): CellValue {
  const value = column.value?.(row);
  if (value === undefined) return null;
  return column.dates && typeof value === 'string' ? startOfDay(value) : value;
}

/** The columns of a sheet by layout key; those the layout lists as inputs have `input` (test/collect checks they agree). */
type ColumnsOf<Key extends string, Row> = Record<Key, Omit<FormColumn<Row>, 'header'>>;

function inLayoutOrder<Key extends string, Row>(keys: readonly Key[], headers: Record<Key, string>, columns: ColumnsOf<Key, Row>): FormColumn<Row>[] {
  return keys.map((key) => ({ header: headers[key], ...columns[key] }));
}

function indicatorColumns({ window }: TableContent, labels: Labels, format: LocaleFormat): FormColumn<IndicatorFormRow>[] {
  const valueFormat = (row: IndicatorFormRow) => (row.indicator.kind === 'percentage' ? NUMBER_FORMATS.percent : NUMBER_FORMATS.number);
  const shown = (row: IndicatorFormRow, value: number) => (row.indicator.kind === 'percentage' ? format.percent(value) : format.number(value));
  return inLayoutOrder(INDICATOR_COLUMNS, labels.form.columns.indicators, {
    project: { width: 14, value: (row) => row.project.id },
    projectTitle: { width: 24, value: (row) => row.project.title },
    indicator: { width: 12, value: (row) => row.indicator.id },
    indicatorName: { width: 26, value: (row) => row.indicator.name },
    unit: { width: 9, value: (row) => row.indicator.unit },
    direction: { width: 11, value: (row) => labels.direction[row.indicator.direction] },
    baseline: { width: 12, value: (row) => row.indicator.baseline?.value, numFmt: valueFormat },
    baselineDate: { width: 12, value: (row) => row.indicator.baseline?.date, dates: true },
    targets: { width: 20, value: (row) => row.targets.map((target) => fillLabel(labels.form.targetAt, { value: shown(row, target.value), date: format.shortDate(target.date) })).join('; ') },
    latest: { width: 12, value: (row) => row.latest?.value, numFmt: valueFormat },
    latestDate: { width: 12, value: (row) => row.latest?.date, dates: true },
    latestSource: { width: 22, value: (row) => row.latest?.sourceTitle },
    value: { width: 14, numFmt: valueFormat, input: (row) => numberValidation(row.bounds.min, row.bounds.max, (value) => shown(row, value), labels) },
    date: { width: 14, dates: true, input: () => dateValidation(window.first, window.last, labels, format) },
    source: { width: 22, input: () => textValidation(labels) },
    note: { width: 22, input: () => textValidation(labels) },
  });
}

function milestoneColumns({ window }: TableContent, labels: Labels, format: LocaleFormat): FormColumn<MilestoneFormRow>[] {
  return inLayoutOrder(MILESTONE_COLUMNS, labels.form.columns.milestones, {
    project: { width: 14, value: (row) => row.project.id },
    projectTitle: { width: 24, value: (row) => row.project.title },
    milestone: { width: 5, value: (row) => row.position },
    title: { width: 40, value: (row) => row.title },
    due: { width: 12, value: (row) => row.due, dates: true },
    done: { width: 12, value: (row) => row.done, dates: true },
    newDone: { width: 12, input: () => listValidation([labels.form.yes, labels.form.no], labels) },
    doneDate: { width: 14, dates: true, input: () => dateValidation(window.first, window.last, labels, format) },
    note: { width: 22, input: () => textValidation(labels) },
  });
}

function factColumns(labels: Labels, format: LocaleFormat): FormColumn<FactFormRow>[] {
  const factFormat = (row: FactFormRow) => (row.kind === 'end' ? NUMBER_FORMATS.date : row.kind === 'funding' ? NUMBER_FORMATS.euro : undefined);
  const statusLabels = PROJECT_STATUSES.map((status) => labels.projectStatus[status]);
  return inLayoutOrder(FACT_COLUMNS, labels.form.columns.facts, {
    project: { width: 14, value: (row) => row.project.id },
    projectTitle: { width: 24, value: (row) => row.project.title },
    fact: { width: 11, value: (row) => row.key },
    label: { width: 30, value: (row) => factLabel(row, labels) },
    current: { width: 16, value: (row) => factValue(row, labels), numFmt: factFormat },
    new: {
      width: 16,
      numFmt: factFormat,
      input: (row) => {
        if (row.kind === 'status') return listValidation(statusLabels, labels);
        // A project's end is a plan, not a measurement: any date from its start on.
        if (row.kind === 'end') return dateValidation(row.project.period?.start ?? FIRST_DATE, LAST_DATE, labels, format);
        return numberValidation(0, MAX_AMOUNT, (value) => format.euros(value), labels);
      },
    },
    note: { width: 22, input: () => textValidation(labels) },
  });
}

function factValue(row: FactFormRow, labels: Labels): CellValue | undefined {
  if (row.kind === 'status') return labels.projectStatus[row.current];
  if (row.kind === 'end') return row.current === undefined ? undefined : startOfDay(row.current);
  return row.current;
}

function factLabel(row: FactFormRow, labels: Labels): string {
  if (row.kind !== 'funding') return labels.form.facts[row.kind];
  const source = labels.form.fundingSources[row.source] ?? row.source;
  return fillLabel(labels.form.facts.funding, { source: row.note ? `${source} (${row.note})` : source });
}

function numberValidation(min: number, max: number | undefined, shown: (value: number) => string, labels: Labels): DataValidation {
  const text = max === undefined ? fillLabel(labels.form.validation.numberFrom, { min: shown(min) }) : fillLabel(labels.form.validation.number, { min: shown(min), max: shown(max) });
  const rule: DataValidation = max === undefined ? { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [min] } : { type: 'decimal', operator: 'between', formulae: [min, max] };
  return { ...rule, prompt: text, error: text };
}

function dateValidation(first: string, last: string, labels: Labels, format: LocaleFormat): DataValidation {
  const text = fillLabel(labels.form.validation.date, { first: format.shortDate(first), last: format.shortDate(last) });
  return { type: 'date', operator: 'between', formulae: [startOfDay(first), startOfDay(last)], prompt: text, error: text };
}

function listValidation(values: readonly string[], labels: Labels): DataValidation {
  const text = fillLabel(labels.form.validation.list, { values: values.join(', ') });
  return { type: 'list', formulae: [`"${values.join(',').replaceAll('"', '""')}"`], prompt: text, error: text };
}

function textValidation(labels: Labels): DataValidation {
  const text = fillLabel(labels.form.validation.text, { length: String(MAX_INPUT_TEXT) });
  return { type: 'textLength', operator: 'lessThanOrEqual', formulae: [MAX_INPUT_TEXT], prompt: text, error: text };
}

/** The first sheet: to whom, what to fill, by when, whom to ask; printed on A4 portrait. */
function addInstructions(workbook: Workbook, content: FormContent, labels: Labels, format: LocaleFormat): Worksheet {
  const { metadata, lead } = content;
  const names = metadata.sheets;
  const sheet = workbook.addWorksheet(xmlText(names.instructions), { pageSetup: { ...PAGE_SETUP, orientation: 'portrait', printTitlesRow: undefined }, headerFooter: HEADER_FOOTER });
  sheet.columns = [{ width: 34, style: { font: CELL_FONT } }, { width: 90, style: { font: CELL_FONT } }];
  const details = labels.form.details;
  const title = guardedRow(sheet, [fillLabel(labels.form.title, { plan: content.planTitle })], labels);
  title.font = { ...CELL_FONT, bold: true, size: 14 };
  sheet.addRow([]);
  const projects = lead.projects.map((project) => `${project.id}: ${project.title}`).join('\n');
  const lines: [string, string][] = [
    [details.lead, lead.name],
    ...(lead.contact ? [[details.contact, `${lead.contact.name} <${lead.contact.email}>`] as [string, string]] : []),
    [details.projects, projects],
    [details.asOf, format.shortDate(metadata.asOf)],
    [details.due, format.shortDate(metadata.due)],
    [details.replyTo, content.replyTo],
  ];
  for (const line of lines) styleDetail(guardedRow(sheet, line, labels), sheet);
  sheet.addRow([]);
  const stepValues = { indicators: names.indicators, milestones: names.milestones, facts: names.facts, yes: labels.form.yes, no: labels.form.no, first: format.shortDate(content.window.first), last: format.shortDate(content.window.last) };
  labels.form.steps.forEach((step, index) => {
    const row = guardedRow(sheet, [`${index + 1}.`, fillLabel(step, stepValues)], labels);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(1).alignment = { vertical: 'top', horizontal: 'right' };
    fitHeight(row, sheet);
  });
  sheet.addRow([]);
  styleDetail(guardedRow(sheet, [details.formId, metadata.formId], labels), sheet);
  styleDetail(guardedRow(sheet, [details.generated, `psttm ${metadata.psttmVersion}`], labels), sheet);
  return sheet;
}

function styleDetail(row: SheetRow, sheet: Worksheet): void {
  row.getCell(1).font = { ...CELL_FONT, bold: true };
  row.alignment = { vertical: 'top', wrapText: true };
  fitHeight(row, sheet);
}

/** The hidden sheet import reads first: key, value and detail per row (see form-layout.ts). */
function addMetadata(workbook: Workbook, name: string, metadata: FormMetadata, labels: Labels): Worksheet {
  const sheet = workbook.addWorksheet(xmlText(name), { state: 'veryHidden' });
  sheet.columns = [{ width: 16 }, { width: 40 }, { width: 70 }];
  for (const row of metadataRows(metadata)) guardedRow(sheet, row.filter((value) => value !== undefined), labels);
  return sheet;
}
