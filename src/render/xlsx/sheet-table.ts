import type { CellValue, ConditionalFormattingRule, Row as SheetRow, Style, Workbook, Worksheet } from 'exceljs';
import { startOfDay } from '../../model/dates.js';
import { finite } from '../finite-numbers.js';
import { cellText, xmlText } from './cell-text.js';
import { CELL_FONT, HEADER_FONT, HEADER_FOOTER, LINK_FONT, PAGE_SETUP, TEXT_WIDTH_CAP, rowHeight, rowLines, textWidth } from './print-style.js';

/** How a column's values are stored and shown. Numbers stay numbers: the format only changes how Excel shows them. */
export type CellKind = 'text' | 'integer' | 'number' | 'euro' | 'percent' | 'points' | 'date' | 'status' | 'progress';

export interface Column<Row> {
  header: string;
  kind: CellKind;
  value: (row: Row) => string | number | null | undefined;
  /** A cell of another sheet this cell jumps to. */
  link?: (row: Row) => CellLink | undefined;
  /** Colour the cells on a scale from the lowest to the highest value (a heatmap). */
  heat?: boolean;
  /** A kind per row, for columns that mix figures (the summary's values). */
  format?: (row: Row) => CellKind;
}

export interface CellLink {
  sheet: string;
  row: number;
}

export interface TableStyle {
  /** Status label → fill colour (ARGB) of status cells, applied by conditional formatting. */
  statusFills: readonly { label: string; argb: string }[];
  /** Ends a text cut to Excel's cell limit, saying so to the reader. */
  truncationMarker: string;
}

export const NUMBER_FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  status: undefined,
  integer: '#,##0',
  number: '#,##0.##',
  euro: '#,##0 "€"',
  percent: '0.0%',
  progress: '0.0%',
  points: '+0.0;-0.0;0.0',
  date: 'dd/mm/yyyy',
};

export const HEADER_FILL = 'FF1F3A5F';
const DATA_BAR_COLOUR = 'FF2E7D32';
const WIDTH_SAMPLE = 2000;

/**
 * Rows added between two turns of the event loop. A streamed workbook's rows reach the zip and the
 * file only when the loop turns: without these turns every sheet would wait in memory until the end.
 */
const ROWS_PER_TURN = 500;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Add a sheet holding one table: a bold frozen header row tall enough for its wrapped labels,
 * autofilter, number formats, widths fitted to the content (long text wraps), status colours,
 * progress data bars, links styled as links, and the page setup of print-style. Works with the
 * in-memory and the streaming workbook.
 */
export async function addTableSheet<Row>(workbook: Workbook, name: string, columns: readonly Column<Row>[], rows: readonly Row[], style: TableStyle): Promise<Worksheet> {
  const sheet = workbook.addWorksheet(xmlText(name), { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PAGE_SETUP, headerFooter: HEADER_FOOTER });
  const widths = columns.map((column) => columnWidth(column, rows));
  // Cells take their column's style when added, so every cell names its font; text wraps within its column.
  sheet.columns = columns.map((column, index) => ({
    key: String(index),
    width: widths[index],
    style: { numFmt: NUMBER_FORMATS[column.kind], font: CELL_FONT, alignment: { vertical: 'top', wrapText: holdsText(column) } },
  }));
  const header = addRow(sheet, columns.map((column) => column.header), style);
  header.font = HEADER_FONT;
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = rowHeight(rowLines(columns.map((column) => column.header), widths));
  header.commit();
  const cellStyle = sharedCellStyles();
  for (const [index, row] of rows.entries()) {
    if (index % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    const kinds = columns.map((column) => column.format?.(row) ?? column.kind);
    const values = columns.map((column, index) => cellValue(column, kinds[index]!, row, style));
    const added = addRow(sheet, values, style);
    columns.forEach((column, index) => {
      const cell = added.getCell(index + 1);
      // A column mixing figures takes each row's format, unless addRow pinned the cell to Text.
      const numFmt = column.format && cell.numFmt !== '@' ? (NUMBER_FORMATS[kinds[index]!] ?? 'General') : cell.numFmt;
      cell.style = cellStyle(index, cell.style, numFmt, isLink(values[index]));
    });
    // Spreadsheet programs do not all fit a row to its wrapped text (LibreOffice keeps one line): say how tall it is.
    const lines = rowLines(values.map((value, index) => (holdsText(columns[index]!) ? shownText(value) : '')), widths);
    if (lines > 1) added.height = rowHeight(lines);
    added.commit();
  }
  const last = rows.length + 1;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  columns.forEach((column, index) => {
    if (rows.length === 0) return;
    const letter = columnLetter(index + 1);
    const ref = `${letter}2:${letter}${last}`;
    if (column.kind === 'status') sheet.addConditionalFormatting({ ref, rules: statusRules(letter, style) });
    if (column.kind === 'progress') sheet.addConditionalFormatting({ ref, rules: [progressBar()] });
    if (column.heat) sheet.addConditionalFormatting({ ref, rules: [heatScale()] });
  });
  return sheet;
}

/**
 * The style of a data cell as one object shared by every cell of its column with the same number
 * format (the column's style, and that format). exceljs finds the style id of an object it has seen
 * by identity, and serialises any other to look it up: for a large workbook, most of its time.
 * Shared means a later change to one cell's style (cell.font = …) would change them all: set a
 * column's look on the column, or make the cell's style its own object first.
 */
function sharedCellStyles(): (column: number, style: Partial<Style>, numFmt: string | undefined, link: boolean) => Partial<Style> {
  const styles = new Map<string, Partial<Style>>();
  return (column, style, numFmt, link) => {
    const key = `${column}\u0000${numFmt ?? ''}\u0000${link}`;
    let shared = styles.get(key);
    if (!shared) styles.set(key, (shared = { ...style, numFmt, ...(link && { font: LINK_FONT }) }));
    return shared;
  };
}

/** Text a spreadsheet would take for a formula: `=`, `+`, `-`, `@`, and the tab and carriage return OWASP lists. */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/**
 * Add a row of values: every text goes through cellText (XML-safe, cut to Excel's limit), and text
 * that a spreadsheet would read as a formula when edited is pinned to the Text format. Header rows
 * and data rows alike, so a label from plan.yaml is guarded as data is.
 */
export function addRow(sheet: Worksheet, values: readonly CellValue[], style: Pick<TableStyle, 'truncationMarker'>): SheetRow {
  const texts = values.map((value) => (typeof value === 'string' ? cellText(value, style.truncationMarker) : value));
  const row = sheet.addRow(texts);
  texts.forEach((value, index) => {
    if (typeof value === 'string' && startsLikeFormula(value)) row.getCell(index + 1).numFmt = '@';
  });
  return row;
}

/** A1-style column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** A jump to a cell of another sheet, as a HYPERLINK formula: exceljs writes internal hyperlinks as external ones, which Excel for Windows cannot follow. */
export function linkFormula(link: CellLink, text: string): CellValue {
  const quote = (value: string) => value.replaceAll('"', '""');
  const target = `#'${link.sheet.replaceAll("'", "''")}'!A${link.row}`;
  return { formula: `HYPERLINK("${quote(target)}","${quote(text)}")`, result: text };
}

function cellValue<Row>(column: Column<Row>, kind: CellKind, row: Row, style: TableStyle): CellValue {
  const value = column.value(row);
  if (value === null || value === undefined) return null;
  const link = column.link?.(row);
  if (link) return linkFormula(link, cellText(String(value), style.truncationMarker));
  if (kind === 'date' && typeof value === 'string') return startOfDay(value);
  // The view is checked, but a column may scale its figure (points are ×100): check what is written.
  return typeof value === 'number' ? finite(value, `a ${column.header} cell`) : value;
}

function statusRules(letter: string, style: TableStyle): ConditionalFormattingRule[] {
  return style.statusFills.map(({ label, argb }, index) => ({
    type: 'expression',
    priority: index + 1,
    formulae: [`$${letter}2="${label.replaceAll('"', '""')}"`],
    style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } },
  }));
}

function progressBar(): ConditionalFormattingRule {
  // exceljs writes `color` into the data bar's extension, though its types leave it out.
  const rule = { type: 'dataBar', priority: 1, gradient: false, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 1 }], color: { argb: DATA_BAR_COLOUR } };
  return rule as ConditionalFormattingRule;
}

function heatScale(): ConditionalFormattingRule {
  return { type: 'colorScale', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: [{ argb: 'FFF7FBFF' }, { argb: 'FF2171B5' }] };
}

function isText(kind: CellKind): boolean {
  return kind === 'text' || kind === 'status';
}

/** cellValue writes a formula only for a link to another sheet. */
function isLink(value: CellValue): value is { formula: string; result: string } {
  return typeof value === 'object' && value !== null && 'formula' in value;
}

/** The text a cell shows: a link's text, or the text itself. */
function shownText(value: CellValue): string {
  if (isLink(value)) return value.result;
  return typeof value === 'string' ? value : '';
}

/** A column of text, or mixing text and figures (the summary's values): its text wraps. A note in a column of figures runs over the empty cells beside it. */
function holdsText<Row>(column: Column<Row>): boolean {
  return isText(column.kind) || column.format !== undefined;
}

/** A column of figures is as wide as its header (within bounds); a column that holds text, as its longest text up to the cap. */
function columnWidth<Row>(column: Column<Row>, rows: readonly Row[]): number {
  if (!holdsText(column)) return Math.max(12, Math.min(24, column.header.length + 2));
  let widest = textWidth(column.header);
  for (const row of rows.slice(0, WIDTH_SAMPLE)) widest = Math.max(widest, textWidth(String(column.value(row) ?? '')));
  return Math.max(8, Math.min(TEXT_WIDTH_CAP, Math.ceil(widest) + 2));
}
