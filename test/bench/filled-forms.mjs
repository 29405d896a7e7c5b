// Fill every form of a folder as a lead would: a value on every indicator row and every milestone reached, through the layout of form-layout.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

const dist = new URL('../../dist/', import.meta.url);
const [{ columnNumber, FIRST_DATA_ROW, INDICATOR_COLUMNS, MILESTONE_COLUMNS }, { readFormMetadata }, { readSpreadsheet }] = await Promise.all([
  import(new URL('model/form-layout.js', dist).href),
  import(new URL('load/spreadsheet/form-metadata.js', dist).href),
  import(new URL('load/spreadsheet/spreadsheet-file.js', dist).href),
]);

/**
 * Fill each `.xlsx` form in `folder` in place: every indicator a value of 1 (within every default bound: a count, or 100 %)
 * dated `date`, every milestone reached on `date`. Returns the number of values filled.
 * @param {string} folder
 * @param {Date} date
 */
export async function fillForms(folder, date) {
  let filled = 0;
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.xlsx'))) {
    const file = path.join(folder, name);
    const read = readFormMetadata(await readSpreadsheet(readFileSync(file), name));
    if (!read || !('metadata' in read)) throw new Error(`${file}: no form metadata`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const fill = (/** @type {string} */ sheetName, /** @type {Record<string, import('exceljs').CellValue>} */ cells, /** @type {readonly string[]} */ columns) => {
      const sheet = workbook.getWorksheet(sheetName);
      if (!sheet) throw new Error(`${file}: no sheet ${sheetName}`);
      for (let row = FIRST_DATA_ROW; row <= sheet.rowCount; row++) {
        for (const [column, value] of Object.entries(cells)) sheet.getRow(row).getCell(columnNumber(columns, column)).value = value;
        filled++;
      }
    };
    fill(read.metadata.sheets.indicators, { value: 1, date }, INDICATOR_COLUMNS);
    fill(read.metadata.sheets.milestones, { newDone: read.metadata.answerLabels.yes, doneDate: date }, MILESTONE_COLUMNS);
    await workbook.xlsx.writeFile(file);
  }
  return filled;
}
