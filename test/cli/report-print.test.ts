import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrappedLines } from '../../src/render/xlsx/print-style.ts';
import { repoRoot, runBinary } from '../helpers/run-cli.ts';
import { overlappingWords, printingUnavailable, printToPdf, readPdf, type PdfPage } from '../helpers/printed-workbook.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const unavailable = printingUnavailable();
const AS_OF = '2026-11-22';
/** A4 landscape in points. */
const A4_LANDSCAPE = { width: 841.89, height: 595.3 };
/** Excel's height of a line of 11-point Calibri, and of a row it was given none. */
const LINE_HEIGHT = 15;

interface Printed {
  workbook: ExcelJS.Workbook;
  pages: PdfPage[];
}

async function readPrinted(xlsx: string, pdf: string): Promise<Printed> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  return { workbook, pages: await readPdf(pdf) };
}

/** The text a cell shows, when it holds text (a link shows its text); figures are left out. */
function shownText(cell: ExcelJS.Cell): string | undefined {
  const { value } = cell;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'formula' in value) return String(value.result);
  return undefined;
}

/** Each sheet's pages, by the sheet name in their footers. */
function pagesBySheet(pages: readonly PdfPage[]): Map<string, PdfPage[]> {
  const bySheet = new Map<string, PdfPage[]>();
  for (const page of pages) bySheet.set(page.footer!.sheet, [...(bySheet.get(page.footer!.sheet) ?? []), page]);
  return bySheet;
}

/** What holds for every printed workbook: A4 landscape, one page wide, nothing clipped or drawn over. */
function expectPrintedWell({ workbook, pages }: Printed): void {
  for (const page of pages) {
    expect({ width: page.width, height: page.height }).toEqual({ width: expect.closeTo(A4_LANDSCAPE.width, 0), height: expect.closeTo(A4_LANDSCAPE.height, 0) });
  }
  // Footers number the document's pages in order, and name the sheets in the workbook's order.
  expect(pages.map((page) => page.footer && [page.footer.page, page.footer.pages])).toEqual(pages.map((_, index) => [index + 1, pages.length]));
  const bySheet = pagesBySheet(pages);
  expect([...bySheet.keys()]).toEqual(workbook.worksheets.map((sheet) => sheet.name));

  for (const sheet of workbook.worksheets) {
    const sheetPages = bySheet.get(sheet.name)!;
    // One page wide: the top-left word of every page is the first column's header, repeated on each page.
    const firstHeaderWord = String(sheet.getCell('A1').value).split(' ')[0];
    for (const page of sheetPages) {
      const body = page.words.filter((word) => word.yMax < page.height - 40);
      const left = Math.min(...body.map((word) => word.xMin));
      const topLeft = body.filter((word) => word.xMin < left + 1).sort((a, b) => a.yMin - b.yMin)[0];
      expect(`${sheet.name}: ${topLeft?.text}`).toBe(`${sheet.name}: ${firstHeaderWord}`);
      expect(overlappingWords(page.words), `${sheet.name}: words drawn over others`).toEqual([]);
    }
    // Nothing clipped: every text cell's text is on the sheet's pages (each cell's lines come out together).
    const printed = sheetPages.map((page) => page.raw).join('').replace(/\s/g, '');
    sheet.eachRow((row, rowNumber) => {
      row.eachCell((cell) => {
        const text = shownText(cell);
        if (text !== undefined) expect(printed.includes(text.replace(/\s/g, '')), `${sheet.name}!${cell.address} "${text}" printed`).toBe(true);
      });
      // Each row is as tall as the lines its wrapped text takes in Excel (a cell that does not wrap runs over empty neighbours).
      const lines = sheet.columns.map((column, index) => {
        const cell = row.getCell(index + 1);
        const text = shownText(cell);
        return text !== undefined && cell.alignment?.wrapText ? wrappedLines(text, column.width!) : 1;
      });
      expect(row.height ?? LINE_HEIGHT, `${sheet.name}!${rowNumber} height`).toBeGreaterThanOrEqual(Math.max(...lines) * LINE_HEIGHT);
    });
  }
}

describe.skipIf(unavailable)(`the workbooks printed through LibreOffice${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let out: string;
  let plan: Printed;
  let comune: Printed;

  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'psttm-print-'));
    const planResult = await runBinary(['report', '--format', 'xlsx', '--as-of', AS_OF, '--plan', repoRoot, '--out', out]);
    expect(planResult).toMatchObject({ code: 0, stderr: '' });
    // The comune with two DUP objectives and three projects reaching it.
    const root = tempPlan(path.join(repoRoot, 'test/fixtures/report-comuni'));
    const comuneResult = await runBinary(['report', '--format', 'xlsx', '--as-of', AS_OF, '--comune', '015209', '--plan', root, '--out', out], { cwd: root });
    expect(comuneResult).toMatchObject({ code: 0, stderr: '' });
    const workbooks = [path.join(out, `monitoraggio-${AS_OF}.xlsx`), path.join(out, `comune-015209-sesto-san-giovanni-${AS_OF}.xlsx`)];
    const [planPdf, comunePdf] = await printToPdf(workbooks);
    [plan, comune] = await Promise.all([readPrinted(workbooks[0]!, planPdf!), readPrinted(workbooks[1]!, comunePdf!)]);
  }, 240_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the report of the shipped plan: A4 landscape, every sheet one page wide, nothing clipped', () => {
    expectPrintedWell(plan);
    // The long tables run down several pages, never across.
    const pages = Object.fromEntries([...pagesBySheet(plan.pages)].map(([sheet, sheetPages]) => [sheet, sheetPages.length]));
    expect(pages).toMatchObject({ Sintesi: 1, Missioni: 1, Copertura: 1, Territorio: 1 });
  });

  it('the page of a comune: A4 landscape, one page per sheet, nothing clipped', () => {
    expectPrintedWell(comune);
    expect(Object.fromEntries([...pagesBySheet(comune.pages)].map(([sheet, sheetPages]) => [sheet, sheetPages.length]))).toEqual({ Sintesi: 1, DUP: 1, 'Obiettivi non serviti': 1, Progetti: 1 });
  });
});
