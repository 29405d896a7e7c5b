import { load } from 'cheerio';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeMonitoringReport } from '../../src/compute/monitoring-report.ts';
import { readTemplateSet } from '../../src/load/template-files.ts';
import type { Dup } from '../../src/model/plan-model.ts';
import { renderComuneReport, renderHtmlReport } from '../../src/render/html/html-report.ts';
import { pageText } from '../../src/render/html/streamed-page.ts';
import { LABELS } from '../../src/render/labels.ts';
import { buildComuneView } from '../../src/render/report/comune-view.ts';
import { buildReportView } from '../../src/render/report/report-view.ts';
import { comuneWorkbookBuffer } from '../../src/render/xlsx/comune-workbook.ts';
import { workbookBuffer } from '../../src/render/xlsx/workbook.ts';
import { MILANO, SESTO, dupModel } from '../helpers/dup-model.ts';
import { repoRoot } from '../helpers/run-cli.ts';

const FORMULA = '=HYPERLINK("http://evil.example","Città digitale")';
const SCRIPT = '<script>alert(1)</script> Mobilità';
// Sesto's first title looks like a formula, Milano's holds markup: both must arrive as text.
const hostileDups: Dup[] = [
  { ...SESTO, objectives: SESTO.objectives.map((objective, index) => (index === 0 ? { ...objective, title: FORMULA } : objective)) },
  { ...MILANO, objectives: [{ ...MILANO.objectives[0]!, title: SCRIPT }] },
];
const model = dupModel(hostileDups);
const view = buildReportView(model, computeMonitoringReport(model, '2026-01-01'), [], { title: undefined, year: undefined });
const options = { language: 'it' as const, labels: LABELS.it };
const templates = readTemplateSet(undefined, repoRoot);
const sestoView = buildComuneView(model, view, model.reference.comuneByIstat.get('015209')!);

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows (header included) as arrays of cell values. */
function rows(sheet: ExcelJS.Worksheet): unknown[][] {
  const values: unknown[][] = [];
  sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  return values;
}

describe('the DUP sheets of the workbook', () => {
  it('one row per DUP objective with its confirmed links and, marked as not counted, its suggestions; a formula-like title stays text', async () => {
    const workbook = await read(await workbookBuffer(view, options));
    const sheet = workbook.getWorksheet('DUP')!;
    expect(rows(sheet)).toEqual([
      ['Comune', 'Codice ISTAT', 'Zona omogenea', 'Codice DUP', 'Livello', 'Obiettivo strategico', 'Missione di bilancio', 'Programma', 'Titolo', 'Responsabile', 'Obiettivi PSTTM confermati', 'Suggerimenti non confermati (non conteggiati)'],
      ['Milano', '015146', 'Milano', 'X1', 'strategico', undefined, '10', undefined, SCRIPT, undefined, 'M2.1'],
      ['Sesto San Giovanni', '015209', 'Nord Milano', 'S1', 'strategico', undefined, '01', undefined, FORMULA, undefined, 'M1.1', 'M2.1 (0,3)'],
      ['Sesto San Giovanni', '015209', 'Nord Milano', 'S1.1', 'operativo', 'S1', '01', '01.08', 'Sportelli online', 'Settore Innovazione', 'M1.1, M2.1'],
    ]);
    const title = sheet.getCell('I3');
    expect(title.value).toBe(FORMULA);
    expect(title.numFmt).toBe('@');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:L1');
    expect(rows(workbook.getWorksheet('Comuni senza DUP')!)).toEqual([
      ['Comune', 'Codice ISTAT', 'Zona omogenea'],
      ['Cinisello Balsamo', '015077', 'Nord Milano'],
    ]);
  });

  it('says so when no DUP is imported yet', async () => {
    const none = dupModel([]);
    const empty = buildReportView(none, computeMonitoringReport(none, '2026-01-01'), [], { title: undefined, year: undefined });
    const workbook = await read(await workbookBuffer(empty, { language: 'en', labels: LABELS.en }));
    expect(rows(workbook.getWorksheet('DUP')!)[1]).toEqual(['No DUP imported yet: no comune has a file in plan/dup/ (psttm import dup).']);
    expect(rows(workbook.getWorksheet('Comuni without DUP')!).length).toBe(4);
  });

  it("the comune's workbook: summary, DUP objectives, objectives not served and the projects reaching it", async () => {
    const workbook = await read(await comuneWorkbookBuffer(sestoView, LABELS.it));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Sintesi', 'DUP', 'Obiettivi non serviti', 'Progetti']);
    expect(workbook.title).toBe('Sesto San Giovanni: Il comune e il PSTTM');
    const summary = Object.fromEntries(rows(workbook.getWorksheet('Sintesi')!).slice(1).map(([figure, value]) => [figure, value]));
    expect(summary).toMatchObject({ Comune: 'Sesto San Giovanni', 'Codice ISTAT': '015209', 'Obiettivi del DUP': 2, 'Obiettivi PSTTM serviti': 2, 'Obiettivi per i Comuni non serviti': 0 });
    const dup = workbook.getWorksheet('DUP')!;
    expect(dup.getCell('F2').value).toBe(FORMULA);
    expect(dup.getCell('F2').numFmt).toBe('@');
    expect(rows(workbook.getWorksheet('Obiettivi non serviti')!)).toEqual([['Obiettivo', 'Missione', 'Titolo']]);
    expect(rows(workbook.getWorksheet('Progetti')!).map((row) => row[0])).toEqual(['Codice', 'metro', 'nord']);
  });
});

describe('the section on the comuni in the HTML report', () => {
  it('draws the zone × mission heat map with the counts in the cells, its legend and the same values in a table', async () => {
    const $ = load(await pageText(await renderHtmlReport(view, templates, options)));
    const section = $('section#comuni');
    expect(section.find('[data-figure="comuni-with-dup"]').text()).toBe('2 / 3');
    expect(section.find('svg[data-chart="dup-heatmap"] rect').length).toBe(6);
    expect(section.find('svg[data-chart="dup-heatmap"]').attr('aria-label')).toMatch(/stessi valori/);
    expect(section.find('svg[data-chart="dup-heatmap"] text').map((_, text) => $(text).text()).get()).toEqual(['M1', 'M2', 'M3', 'Milano', '0/1', '1/1', '0/1', 'Nord Milano', '1/2', '1/2', '0/2']);
    expect(section.find('[data-legend="dup-heatmap"] li').map((_, item) => $(item).text().trim()).get()).toEqual(['0%', '25%', '50%', '75%', '100%']);
    const zoneRow = (zone: string) => section.find(`table[data-table="dup-zones"] tr[data-zone="${zone}"] td`).map((_, cell) => $(cell).text()).get();
    expect(zoneRow('Milano')).toEqual(['1', '1', '100%', '0/1', '1/1', '0/1']);
    expect(zoneRow('Nord Milano')).toEqual(['2', '1', '50%', '1/2', '1/2', '0/2']);
    expect(section.find('table[data-table="dup-objectives"] tr[data-objective="M2.1"] td.num').text()).toBe('2');
    expect(section.find('table[data-table="without-dup"] td').text()).toBe('Cinisello Balsamo');
    // The comuni that have a DUP, named: its objectives, the PSTTM objectives served, and those for the Comuni it misses.
    const withDup = section.find('table[data-table="with-dup"] tbody tr').map((_, row) => [$(row).find('th, td').map((__, cell) => $(cell).text()).get()]).get();
    expect(withDup).toEqual([
      ['Milano', 'Milano', '2025-2027', '1', '1', '1'],
      ['Sesto San Giovanni', 'Nord Milano', '2025-2027', '2', '2', '0'],
    ]);
    expect($('nav.contents a[href="#comuni"]').length).toBe(1);
  });

  it('with no DUP: one line saying none is imported yet, no heat map', async () => {
    const none = dupModel([]);
    const empty = buildReportView(none, computeMonitoringReport(none, '2026-01-01'), [], { title: undefined, year: undefined });
    const $ = load(await pageText(await renderHtmlReport(empty, templates, { language: 'en', labels: LABELS.en })));
    expect($('section#comuni [data-no-dup]').text()).toBe('No DUP imported yet: no comune has a file in plan/dup/ (psttm import dup).');
    expect($('section#comuni svg').length).toBe(0);
  });
});

describe("the comune's HTML page", () => {
  it('escapes a DUP title holding markup and lists the pending suggestion apart', async () => {
    const milano = buildComuneView(model, view, model.reference.comuneByIstat.get('015146')!);
    const html = await pageText(await renderComuneReport(milano, templates, options));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Mobilità');
    const $ = load(html);
    expect($('h1').text()).toBe('Milano');
    expect($('tr[data-dup-objective="X1"] td').eq(2).text()).toBe(SCRIPT);

    const sesto = load(await pageText(await renderComuneReport(sestoView, templates, options)));
    expect(sesto('tr[data-dup-objective="S1.1"] [data-served]').map((_, item) => sesto(item).text()).get()).toEqual(['M1.1 Obiettivo M1.1', 'M2.1 Obiettivo M2.1']);
    expect(sesto('table[data-table="pending"] tr[data-pending] > *').map((_, cell) => sesto(cell).text()).get()).toEqual(['S1', 'M2.1', 'Obiettivo M2.1', '0,3']);
    expect(sesto('table[data-table="projects"] tr[data-project]').map((_, row) => sesto(row).attr('data-project')).get()).toEqual(['metro', 'nord']);
  });

  it('a comune without a DUP gets the same page saying so', async () => {
    const cinisello = buildComuneView(model, view, model.reference.comuneByIstat.get('015077')!);
    const $ = load(await pageText(await renderComuneReport(cinisello, templates, { language: 'en', labels: LABELS.en })));
    expect($('[data-no-dup]').text()).toBe('This comune has no DUP imported yet: none of its objectives is linked to the PSTTM.');
    expect($('table[data-table="not-served"] tr[data-objective]').map((_, row) => $(row).attr('data-objective')).get()).toEqual(['M1.1', 'M2.1']);
  });
});
