import { describe, expect, it } from 'vitest';
import { computeMonitoringReport } from '../../src/compute/monitoring-report.ts';
import { makeFinding } from '../../src/findings/finding.ts';
import { readTemplateSet } from '../../src/load/template-files.ts';
import { localeFormat } from '../../src/render/format.ts';
import { firstItems, HTML_LIST_LIMIT, listCutNote } from '../../src/render/html/html-lists.ts';
import { renderHtmlReport } from '../../src/render/html/html-report.ts';
import { pageText } from '../../src/render/html/streamed-page.ts';
import { LABELS } from '../../src/render/labels.ts';
import { buildReportView } from '../../src/render/report/report-view.ts';
import { indicator, project, testModel } from '../helpers/model.ts';

describe('the lists of the HTML report', () => {
  it('show the first items, and say how many of how many when some are left out', () => {
    const list = Array.from({ length: 12345 }, (_, index) => index);
    expect(HTML_LIST_LIMIT).toBe(100);
    expect(firstItems(list)).toEqual(list.slice(0, 100));
    expect(firstItems(list, 20)).toHaveLength(20);
    // Handlebars passes its options object where a template gives no limit.
    expect(firstItems(list, { hash: {} })).toHaveLength(100);
    expect(listCutNote(list, undefined, LABELS.it, localeFormat('it-IT'))).toBe("Mostrati i primi 100 di 12.345: l'elenco completo è nel file Excel.");
    expect(listCutNote(list, 20, LABELS.en, localeFormat('en-GB'))).toBe('Showing the first 20 of 12,345: the full list is in the Excel file.');
    expect(listCutNote(list.slice(0, 100), undefined, LABELS.it, localeFormat('it-IT'))).toBe('');
  });
});

/** The HTML report of `count` projects, each with an indicator without target (a finding and a data gap), linked to M1.1 and M1.2. */
async function reportOf(count: number): Promise<string> {
  const projects = Array.from({ length: count }, (_, index) =>
    project(`p${String(index).padStart(5, '0')}`, { objectives: [{ id: 'M1.1' }, { id: 'M1.2' }], indicators: [indicator([['2025-12-01', 60]], { targets: undefined })] }),
  );
  const model = testModel(projects);
  const findings = projects.map((item) => makeFinding('INDICATOR_WITHOUT_TARGET', { indicator: 'misura' }, { file: item.file, line: 9, column: 9, endLine: 9, endColumn: 15, path: 'indicators/0' }));
  const view = buildReportView(model, computeMonitoringReport(model, '2026-01-01'), findings, { title: undefined, year: undefined });
  return pageText(await renderHtmlReport(view, readTemplateSet(undefined, process.cwd()), { language: 'it', labels: LABELS.it }));
}

describe('the HTML report of a large portfolio', () => {
  it('stays small at any size: the lists show their first 100 rows and point to the workbook, the figures count every project', async () => {
    const [small, large] = [await reportOf(2_000), await reportOf(12_000)];
    // Six times the projects, about the same page: only the counts in the text grow.
    expect(Buffer.byteLength(large)).toBeLessThan(1.01 * Buffer.byteLength(small));
    expect(Buffer.byteLength(large)).toBeLessThan(10 * 1024 * 1024);
    expect(large.match(/data-project="/g)).toHaveLength(100);
    expect(large.match(/<tr data-indicator="/g)).toHaveLength(100);
    const cut = large.match(/<p class="note list-cut" data-list-cut>[^<]*<\/p>/g)!;
    // The data gaps (each project and its indicator, and the missions and objectives without data), the project links of M1.1 and M1.2 (20 each), M1's projects and their indicators, the findings.
    expect(cut).toEqual([
      '<p class="note list-cut" data-list-cut>Mostrati i primi 100 di 24.005: l&#x27;elenco completo è nel file Excel.</p>',
      ...Array(2).fill('<p class="note list-cut" data-list-cut>Mostrati i primi 20 di 12.000: l&#x27;elenco completo è nel file Excel.</p>'),
      ...Array(3).fill('<p class="note list-cut" data-list-cut>Mostrati i primi 100 di 12.000: l&#x27;elenco completo è nel file Excel.</p>'),
    ]);
    expect(large).toContain('<dd data-figure="plan-projects" data-value="12000">12.000</dd>');
    expect(large).toContain('<dd data-figure="data-gaps" data-value="24005">24.005</dd>');
  }, 120_000);
});
