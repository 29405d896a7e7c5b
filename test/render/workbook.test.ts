import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeMonitoringReport } from '../../src/compute/monitoring-report.ts';
import { LABELS } from '../../src/render/report/labels.ts';
import { buildReportView } from '../../src/render/report/report-view.ts';
import { streamWorkbook, workbookBuffer } from '../../src/render/xlsx/workbook.ts';
import { indicator, project, testModel } from '../helpers/model.ts';

const model = testModel([
  project('a', { funding: [{ source: 'x', amount: 1000 }], indicators: [indicator([['2025-12-01', 60]])] }),
  project('b', { title: '-2 progetto', objectives: [{ id: 'M1.2' }, { id: 'M2.1' }] }),
]);
const view = buildReportView(model, computeMonitoringReport(model, '2026-01-01'), [], { title: undefined, year: undefined });
const options = { language: 'it' as const, labels: LABELS.it };

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Every sheet as [name, rows of values, number formats of row 2, conditional formatting refs]. */
function contents(workbook: ExcelJS.Workbook) {
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const formats = sheet.rowCount > 1 ? Array.from({ length: sheet.columnCount }, (_, index) => sheet.getRow(2).getCell(index + 1).numFmt ?? null) : [];
    return { name: sheet.name, rows, formats, autoFilter: sheet.autoFilter, frozen: sheet.views[0]?.state };
  });
}

describe('the streamed workbook', () => {
  it('holds the same sheets, values and formats as the one built in memory', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    await streamWorkbook(view, options, stream);
    const streamed = contents(await read(Buffer.concat(chunks)));
    const inMemory = contents(await read(await workbookBuffer(view, options)));
    expect(streamed.map((sheet) => sheet.name)).toEqual(['Sintesi', 'Missioni', 'Obiettivi', 'Progetti', 'Indicatori', 'Copertura', 'Territorio', 'Priorità', 'Qualità dati']);
    expect(streamed).toEqual(inMemory);
    const projects = streamed.find((sheet) => sheet.name === 'Progetti')!;
    expect(projects.rows[2]![1]).toBe('-2 progetto');
  });
});
