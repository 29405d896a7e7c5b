import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { InputError } from '../../core/errors.js';
import { STRICT_UTF8 } from '../strict-utf8.js';
import { detectDelimiter } from './csv-delimiter.js';

/** One sheet's cells as text, `rows[r][c]` 0-based, `''` when empty; a cell merged down from the one above holds its value. */
export interface SheetGrid {
  /** The sheet's name; undefined for a CSV file, which has one unnamed sheet. */
  name: string | undefined;
  rows: string[][];
}

/** How much of a spreadsheet psttm reads; beyond any of these the file is refused before it can exhaust the memory. */
const SPREADSHEET_LIMITS = {
  rows: 100_000,
  columns: 256,
  /** Files in the .xlsx zip. */
  zipEntries: 10_000,
  /** What the .xlsx zip may inflate to: this many times its size, at least `minExpandedBytes`, at most `maxExpandedBytes`. */
  expansionRatio: 100,
  minExpandedBytes: 16 * 1024 * 1024,
  maxExpandedBytes: 128 * 1024 * 1024,
} as const;

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
/** The OLE2 compound file of an old binary .xls workbook. */
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);
const SAVE_AS = 'save it as .xlsx or CSV and import that';

/**
 * The sheets of a spreadsheet, every cell as text: an .xlsx workbook (recognised by its zip
 * signature, whatever its name) or a CSV file (`.csv`, `.tsv`, `.txt`). Anything else, an old
 * binary .xls included, is refused in one line saying how to save it.
 */
export async function readSpreadsheet(bytes: Buffer, displayPath: string): Promise<SheetGrid[]> {
  if (bytes.subarray(0, OLE2_MAGIC.length).equals(OLE2_MAGIC)) throw new InputError(`${displayPath} is an old binary Excel file (.xls); ${SAVE_AS}`);
  if (bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) return readWorkbook(bytes, displayPath);
  if (!TEXT_EXTENSIONS.has(path.extname(displayPath).toLowerCase())) throw new InputError(`${displayPath} is neither an .xlsx workbook nor a CSV file; ${SAVE_AS}`);
  return [{ name: undefined, rows: parseCsv(decodeText(bytes, displayPath), displayPath) }];
}

/**
 * UTF-8 (with or without a byte order mark) when the bytes are valid UTF-8, else Windows-1252, what
 * Excel in Italian writes: text in Windows-1252 with any accented letter is practically never valid
 * UTF-8, so the strict decoder tells them apart. A file with NUL bytes is no text file.
 */
function decodeText(bytes: Buffer, displayPath: string): string {
  if (bytes.includes(0)) throw new InputError(`${displayPath} is not a text file (it has NUL bytes; UTF-16 text is not read); ${SAVE_AS}`);
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function parseCsv(text: string, displayPath: string): string[][] {
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to_line: SPREADSHEET_LIMITS.rows + 1 });
  } catch (error) {
    throw new InputError(`${displayPath} is not readable CSV (${error instanceof Error ? error.message : String(error)}); ${SAVE_AS}`);
  }
  checkSize(records.length, Math.max(0, ...records.map((record) => record.length)), displayPath);
  return records.map((record) => record.map(cleanText));
}

async function readWorkbook(bytes: Buffer, displayPath: string): Promise<SheetGrid[]> {
  await checkZipExpansion(bytes, displayPath);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError(`${displayPath} cannot be read as an .xlsx workbook (${error instanceof Error ? error.message : String(error)}); ${SAVE_AS}`);
  }
  return workbookGrids(workbook, displayPath);
}

/** Every sheet of a workbook in memory as a grid, read as a file of it would be. */
export function workbookGrids(workbook: Workbook, displayPath: string): SheetGrid[] {
  return workbook.worksheets.map((sheet) => sheetGrid(sheet, displayPath));
}

/**
 * Inflate every entry of the zip, counting bytes, before exceljs does: a zip whose entries expand
 * beyond the limit (a zip bomb, or entries lying about their size) is refused as soon as it passes it.
 */
async function checkZipExpansion(bytes: Buffer, displayPath: string): Promise<void> {
  const { default: JSZip } = await import('jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new InputError(`${displayPath} is not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)}); ${SAVE_AS}`);
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > SPREADSHEET_LIMITS.zipEntries) throw new InputError(`${displayPath} holds more than ${SPREADSHEET_LIMITS.zipEntries} files; it is no workbook psttm reads`);
  const { expansionRatio, minExpandedBytes, maxExpandedBytes } = SPREADSHEET_LIMITS;
  const budget = Math.min(maxExpandedBytes, Math.max(minExpandedBytes, bytes.length * expansionRatio));
  let inflated = 0;
  for (const entry of entries) {
    try {
      // Leaving the loop destroys the stream: nothing more is inflated.
      for await (const chunk of new Readable().wrap(entry.nodeStream('nodebuffer')) as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > budget) throw new InputError(`${displayPath} expands to more than ${Math.round(budget / 1024 / 1024)} MiB when unzipped; it is no workbook psttm reads (${SAVE_AS})`);
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`${displayPath} is not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)}); ${SAVE_AS}`);
    }
  }
}

function sheetGrid(sheet: Worksheet, displayPath: string): SheetGrid {
  checkSize(sheet.rowCount, sheet.columnCount, `${displayPath}!${sheet.name}`);
  const rows: string[][] = Array.from({ length: sheet.rowCount }, () => []);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = rows[rowNumber - 1]!;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // A merged cell takes the value of its range's top cell only down a column: a title merged across columns fills no other field.
      const value = !cell.isMerged || cell.master === cell ? cell.value : cell.master.col === cell.col ? cell.master.value : null;
      cells[columnNumber - 1] = cellText(value);
    });
  });
  return { name: sheet.name, rows: rows.map((cells) => Array.from(cells, (cell) => cell ?? '')) };
}

function checkSize(rows: number, columns: number, where: string): void {
  if (rows > SPREADSHEET_LIMITS.rows) throw new InputError(`${where} has more than ${SPREADSHEET_LIMITS.rows} rows, the limit psttm reads; split it`);
  if (columns > SPREADSHEET_LIMITS.columns) throw new InputError(`${where} has more than ${SPREADSHEET_LIMITS.columns} columns, the limit psttm reads; remove the columns it does not need`);
}

/**
 * A cell's value as the text it shows, every cell as data: a formula gives its cached result (never
 * evaluated), rich text its plain text, a date its ISO form, a number its digits.
 */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return cleanText(String(value));
  if ('richText' in value) return cleanText(value.richText.map((run) => run.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('error' in value) return value.error;
  return '';
}

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** Runs of white space, line breaks included, as one space; none at either end. */
function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
