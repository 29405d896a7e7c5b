import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS, { type CellValue } from 'exceljs';
import { readFormMetadata } from '../../src/load/spreadsheet/form-metadata.ts';
import { readSpreadsheet } from '../../src/load/spreadsheet/spreadsheet-file.ts';
import { columnNumber, FACT_COLUMNS, FIRST_DATA_ROW, INDICATOR_COLUMNS, MILESTONE_COLUMNS, type FormMetadata } from '../../src/model/form-layout.ts';

/** The cells to fill on one row of a form, found by its project and its key (indicator id, milestone number, fact key). */
export type Fill =
  | { sheet: 'indicators'; project: string; item: string; cells: Partial<Record<(typeof INDICATOR_COLUMNS)[number], CellValue>> }
  | { sheet: 'milestones'; project: string; item: string; cells: Partial<Record<(typeof MILESTONE_COLUMNS)[number], CellValue>> }
  | { sheet: 'facts'; project: string; item: string; cells: Partial<Record<(typeof FACT_COLUMNS)[number], CellValue>> };

const LAYOUT = {
  indicators: { columns: INDICATOR_COLUMNS, key: 'indicator' },
  milestones: { columns: MILESTONE_COLUMNS, key: 'milestone' },
  facts: { columns: FACT_COLUMNS, key: 'fact' },
} as const;

/** A form's metadata, read back as the import reads it. */
export async function formMetadata(file: string): Promise<FormMetadata> {
  const read = readFormMetadata(await readSpreadsheet(readFileSync(file), path.basename(file)));
  if (!read || !('metadata' in read)) throw new Error(`${file}: no metadata`);
  return read.metadata;
}

/** Fill cells of a form as a lead would in Excel (any cell: a test may also edit a read-only one), saved to `out`. */
export async function fillForm(file: string, fills: readonly Fill[], out = file): Promise<void> {
  const metadata = await formMetadata(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  for (const fill of fills) {
    const { columns, key } = LAYOUT[fill.sheet];
    const sheet = workbook.getWorksheet(metadata.sheets[fill.sheet])!;
    const projectColumn = columnNumber<string>(columns, 'project');
    const keyColumn = columnNumber<string>(columns, key);
    let row: number | undefined;
    for (let at = FIRST_DATA_ROW; at <= sheet.rowCount; at++) {
      const cells = sheet.getRow(at);
      if (String(cells.getCell(projectColumn).value) === fill.project && String(cells.getCell(keyColumn).value) === fill.item) row = at;
    }
    if (row === undefined) throw new Error(`${file}: no row ${fill.project} ${fill.item} in ${fill.sheet}`);
    for (const [column, value] of Object.entries(fill.cells)) sheet.getRow(row).getCell(columnNumber<string>(columns, column)).value = value as CellValue;
  }
  await workbook.xlsx.writeFile(out);
}
