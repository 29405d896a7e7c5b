import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { computeMonitoringReport } from '../../src/compute/monitoring-report.ts';
import { LABELS } from '../../src/render/labels.ts';
import { buildReportView } from '../../src/render/report/report-view.ts';
import { streamWorkbook, workbookBuffer } from '../../src/render/xlsx/workbook.ts';
import { indicator, project, testModel } from '../helpers/model.ts';
import { malformedXmlParts, xlsxParts } from '../helpers/xlsx-xml.ts';

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

/** The bytes of the workbook of `of` (default: `view`) as streamWorkbook writes it. */
async function streamedWorkbook(of = view): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await streamWorkbook(of, options, stream);
  return Buffer.concat(chunks);
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
  it('holds every sheet with its values, number formats, filter and frozen header, and the same contents as workbookBuffer', async () => {
    const streamed = await streamedWorkbook();
    const sheets = contents(await read(streamed));
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Sintesi', 'Missioni', 'Obiettivi', 'Progetti', 'Indicatori', 'Copertura', 'Territorio', 'DUP', 'Comuni senza DUP', 'Priorità', 'Qualità dati', 'Metodo']);
    const projects = sheets.find((sheet) => sheet.name === 'Progetti')!;
    expect(projects.rows[2]!.slice(0, 2)).toEqual(['b', '-2 progetto']);
    expect(projects.rows[1]![9]).toBe(1000);
    expect(projects.formats[9]).toBe('#,##0 "€"');
    expect(projects.autoFilter).toBe('A1:R1');
    expect(projects.frozen).toBe('frozen');
    expect(contents(await read(await workbookBuffer(view, options)))).toEqual(sheets);
  });

  it('names the plan, its authority and the as-of date in the document properties', async () => {
    const withAuthority = { ...view, plan: { ...view.plan, authority: 'Ente di prova' } };
    const zip = await JSZip.loadAsync(await workbookBuffer(withAuthority, options));
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>Piano di prova: Rapporto di monitoraggio</dc:title>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>');
    // exceljs's streaming writer leaves the company out unless psttm writes it (see writeSheets).
    expect(await zip.file('docProps/app.xml')!.async('string')).toContain('<Company>Ente di prova</Company>');
  });
});

describe('a workbook of hostile text', () => {
  const forbidden = 'Titolo\u0000con\u0008caratteri\u000bvietati\u001f\ufffe\ud800';
  const long = 'x'.repeat(40_000);
  const hostile = {
    ...view,
    title: forbidden,
    plan: { ...view.plan, title: `Piano\u0001`, authority: 'Ente\uffff' },
    actorColumns: [{ id: 'citta_metropolitana', label: '=HYPERLINK("http://evil.example","x")', labelEn: '+cmd' }, ...view.actorColumns.slice(1)],
    projects: view.projects.map((row, index) => (index === 0 ? { ...row, title: long } : row)),
  };

  it.each([
    ['in memory', () => workbookBuffer(hostile, options)],
    [
      'streamed',
      async () => {
        const stream = new PassThrough();
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        await streamWorkbook(hostile, options, stream);
        return Buffer.concat(chunks);
      },
    ],
  ])('%s: every XML part is well-formed and exceljs reads it back', async (_, build) => {
    const buffer = await build();
    expect(await malformedXmlParts(buffer)).toEqual([]);
    expect(await xlsxParts(buffer)).toContain('xl/worksheets/sheet9.xml');
    const workbook = await read(buffer);
    expect(workbook.title).toBe('Titolo\ufffdcon\ufffdcaratteri\ufffdvietati\ufffd\ufffd\ufffd: Rapporto di monitoraggio');
    const summary = workbook.getWorksheet('Sintesi')!;
    expect(summary.getCell('B2').value).toBe('Titolo\ufffdcon\ufffdcaratteri\ufffdvietati\ufffd\ufffd\ufffd');

    const objectives = workbook.getWorksheet('Obiettivi')!;
    const header = objectives.getCell('D1');
    expect(header.value).toBe('=HYPERLINK("http://evil.example","x")');
    expect(header.numFmt).toBe('@');
    expect(header.formula).toBeUndefined();

    const title = workbook.getWorksheet('Progetti')!.getCell('B2').value as string;
    expect(title).toHaveLength(32_767);
    expect(title.endsWith('x [\u2026] (testo troncato: una cella di Excel contiene al massimo 32.767 caratteri)')).toBe(true);
  });
});

describe('the workbook of a view whose rows list their cells in another order', () => {
  it('finds each actor-column and zone cell by id, so its sheets do not change', async () => {
    const reordered = {
      ...view,
      missions: view.missions.map((row) => ({ ...row, byColumn: [...row.byColumn].reverse() })),
      objectives: view.objectives.map((row) => ({ ...row, actors: [...row.actors].reverse() })),
      zones: view.zones.map((row) => ({ ...row, missions: [...row.missions].reverse() })),
    };
    const inOrder = contents(await read(await workbookBuffer(view, options)));
    expect(contents(await read(await workbookBuffer(reordered, options)))).toEqual(inOrder);
    // Copertura, M1: Città metropolitana 2 of 2 cells (M1.1 by a, M1.2 by b), comuni 0 of 1, corpi intermedi none marked (empty).
    const coverage = inOrder.find((sheet) => sheet.name === 'Copertura')!;
    expect(coverage.rows[1]!.slice(0, 5)).toEqual(['M1', 'Missione M1', 1, 0, undefined]);
  });
});

describe('the printed workbook', () => {
  it('prints every sheet on A4 landscape, all columns on the width of a page, the header row repeated', async () => {
    for (const buffer of [await streamedWorkbook(), await workbookBuffer(view, options)]) {
      const zip = await JSZip.loadAsync(buffer);
      const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
      expect(sheets).toHaveLength(12);
      for (const name of sheets) {
        const xml = await zip.file(name)!.async('string');
        // Without fitToPage in sheetPr, spreadsheet programs ignore fitToWidth and print at 100 %.
        expect(xml).toMatch(/<sheetPr[^>]*>.*<pageSetUpPr fitToPage="1"\/>.*<\/sheetPr>/s);
        expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
      }
      const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
      expect(workbookXml.match(/<definedName name="_xlnm.Print_Titles"/g)).toHaveLength(12);
    }
  });
});

describe('the workbook on screen and on paper', () => {
  const longTitle = Array.from({ length: 10 }, () => '0000000000').join(' ');
  const longModel = testModel([project('a', { title: longTitle })]);
  const longView = buildReportView(longModel, computeMonitoringReport(longModel, '2026-01-01'), [], { title: undefined, year: undefined });

  it.each([
    ['in memory', () => workbookBuffer(view, options)],
    ['streamed', () => streamedWorkbook()],
  ])('%s: every cell names Calibri; headers bold, wrapped, as tall as their lines; links look like links; margins and a footer', async (_, build) => {
    const workbook = await read(await build());
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect({ cell: `${sheet.name}!${cell.address}`, font: cell.font?.name, size: cell.font?.size }).toEqual({ cell: `${sheet.name}!${cell.address}`, font: 'Calibri', size: 11 });
        }),
      );
      expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
      expect(sheet.getRow(1).getCell(1).alignment).toMatchObject({ wrapText: true });
      expect(sheet.pageSetup.margins).toEqual({ left: 0.5, right: 0.5, top: 0.5, bottom: 0.75, header: 0.3, footer: 0.3 });
      expect(sheet.headerFooter.oddFooter).toBe('&L&"Calibri,Regular"&9&A&R&"Calibri,Regular"&9&P / &N');
    }
    // "Progetti che dichiarano le risorse" is 26.9 digits wide, its column 24: two lines of 15 points.
    const missions = workbook.getWorksheet('Missioni')!;
    expect(missions.getCell('J1').value).toBe('Progetti che dichiarano le risorse');
    expect([missions.getColumn(10).width, missions.getRow(1).height]).toEqual([24, 30]);
    const objectives = workbook.getWorksheet('Obiettivi')!;
    const link = objectives.getRow(1).values as unknown[];
    const linkCell = objectives.getRow(2).getCell(link.indexOf('Progetto collegato 1'));
    expect(linkCell.formula).toMatch(/^HYPERLINK\(/);
    expect(linkCell.font).toEqual({ name: 'Calibri', size: 11, color: { argb: 'FF0563C1' }, underline: true });
    expect(objectives.getRow(2).getCell(1).font).toEqual({ name: 'Calibri', size: 11 });
  });

  it.each([
    ['in memory', () => workbookBuffer(longView, options)],
    ['streamed', () => streamedWorkbook(longView)],
  ])('%s: a long title wraps in a column of at most 50 digit widths, its row as tall as its lines', async (_, build) => {
    const projects = (await read(await build())).getWorksheet('Progetti')!;
    expect(projects.getCell('B2').value).toBe(longTitle);
    expect(projects.getColumn(2).width).toBe(50);
    expect(projects.getCell('B2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // Ten words of 10 digits in 49 digit widths: four a line (4 × 10 + 3 spaces = 41.35), so 3 lines of 15 points.
    expect(projects.getRow(2).height).toBe(45);
  });
});
