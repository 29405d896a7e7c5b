import { InputError } from '../../core/errors.js';
import { FACT_COLUMNS, FIRST_DATA_ROW, INDICATOR_COLUMNS, MILESTONE_COLUMNS, type FormMetadata, type FormSheet } from '../../model/form-layout.js';
import { readFormMetadata } from './form-metadata.js';
import { readSpreadsheet, type SheetGrid } from './spreadsheet-file.js';

/** One data row of a form's table: its 1-based row number and its cells as text by layout key. */
export interface FormRow<Column extends string> {
  row: number;
  cells: Record<Column, string>;
}

/** A table sheet of a returned form: its name, its rows as the layout reads them, and its grid for the cell-by-cell check. */
export interface FormTable<Column extends string> {
  sheet: string;
  columns: readonly Column[];
  rows: FormRow<Column>[];
  grid: SheetGrid;
}

/** A data-round form as returned by its lead, read through the layout of form-layout.ts. */
export interface ReturnedForm {
  file: string;
  metadata: FormMetadata;
  indicators: FormTable<(typeof INDICATOR_COLUMNS)[number]>;
  milestones: FormTable<(typeof MILESTONE_COLUMNS)[number]>;
  facts: FormTable<(typeof FACT_COLUMNS)[number]>;
}

const SAVE_AS_XLSX = 'open it in Excel or LibreOffice Calc, save it as .xlsx (Excel 2007-365) and import that';
/** The OLE2 compound file of an old binary .xls workbook. */
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An OpenDocument file is a zip whose first entry, `mimetype`, stores its type uncompressed. */
const OPENDOCUMENT_MIMETYPE = 'application/vnd.oasis.opendocument';
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

/** A returned form: an .xlsx workbook with the hidden metadata sheet of `psttm collect forms`; anything else is refused in one line saying what to do. */
export async function readReturnedForm(bytes: Buffer, displayPath: string): Promise<ReturnedForm> {
  if (bytes.subarray(0, OLE2_MAGIC.length).equals(OLE2_MAGIC)) throw new InputError(`${displayPath} was saved as an old Excel file (.xls), not as the .xlsx form it was sent as; ${SAVE_AS_XLSX}`);
  if (bytes.subarray(0, 100).includes(OPENDOCUMENT_MIMETYPE)) throw new InputError(`${displayPath} was saved as an OpenDocument spreadsheet (.ods), not as the .xlsx form it was sent as; ${SAVE_AS_XLSX}`);
  if (!bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) throw new InputError(`${displayPath} is not an .xlsx workbook; import the .xlsx forms made by psttm collect forms`);
  const grids = await readSpreadsheet(bytes, displayPath);
  const read = readFormMetadata(grids);
  if (!read) throw new InputError(`${displayPath} is not a form of psttm collect forms (it has no metadata sheet); import the forms the leads returned`);
  if ('problem' in read) throw new InputError(`${displayPath}: the form's metadata sheet is damaged (${read.problem}); ask the lead to fill in a new form`);
  const { metadata } = read;
  const table = <Column extends string>(sheet: FormSheet, columns: readonly Column[]): FormTable<Column> => {
    const name = metadata.sheets[sheet];
    const grid = grids.find((candidate) => candidate.name === name);
    if (!grid) throw new InputError(`${displayPath} has no sheet "${name}": a sheet was renamed or deleted; ask the lead to fill in the form again without changing its sheets`);
    const rows = grid.rows.slice(FIRST_DATA_ROW - 1).map((cells, index) => ({ row: index + FIRST_DATA_ROW, cells: Object.fromEntries(columns.map((column, at) => [column, cells[at] ?? ''])) as Record<Column, string> }));
    return { sheet: name, columns, rows, grid };
  };
  return { file: displayPath, metadata, indicators: table('indicators', INDICATOR_COLUMNS), milestones: table('milestones', MILESTONE_COLUMNS), facts: table('facts', FACT_COLUMNS) };
}
