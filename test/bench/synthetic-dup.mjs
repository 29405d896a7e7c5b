// A synthetic DUP spreadsheet for the import benchmark (not plan data): strategic objectives with their operational ones, one row each.
import ExcelJS from 'exceljs';

const MISSIONI = ['01', '04', '05', '06', '08', '09', '10', '12', '14', '17'];
const WORDS = ['mobilità', 'scuole', 'verde', 'digitale', 'servizi', 'imprese', 'casa', 'sociale', 'cultura', 'sport', 'acqua', 'energia', 'lavoro', 'giovani', 'anziani', 'quartieri'];

/**
 * Write `rows` rows of operational objectives, 100 under each strategic one, after a title row and a blank row.
 * @param {string} file
 * @param {number} rows
 */
export async function writeSyntheticDup(file, rows) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Foglio1');
  sheet.addRow(['DUP 2025-2027 (sintetico)']).commit();
  sheet.addRow([]).commit();
  sheet.addRow(['Missione', 'Programma', 'Obiettivo strategico', 'Codice', 'Obiettivo operativo', 'Centro di responsabilità']).commit();
  for (let index = 0; index < rows; index++) {
    const strategic = Math.floor(index / 100);
    const missione = MISSIONI[strategic % MISSIONI.length];
    const word = (/** @type {number} */ offset) => WORDS[(index * 7 + offset) % WORDS.length];
    sheet
      .addRow([Number(missione), (index % 5) + 1, `Strategia ${strategic + 1}: ${WORDS[strategic % WORDS.length]}`, `${strategic + 1}.${(index % 100) + 1}`, `Migliorare ${word(3)}, ${word(4)} e ${word(5)} nel comune (${index + 1})`, `Settore ${word(6)}`])
      .commit();
  }
  await workbook.commit();
}
