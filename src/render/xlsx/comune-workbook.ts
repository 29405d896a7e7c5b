import type { Writable } from 'node:stream';
import type { Workbook } from 'exceljs';
import type { Labels } from '../labels.js';
import type { ComuneReportView } from '../report/comune-view.js';
import type { ProjectRow } from '../report/report-view.js';
import { dupObjectiveColumns } from './dup-sheets.js';
import { addTableSheet, type Column } from './sheet-table.js';
import { collectBytes, setProperties, summaryColumns, tableStyle, writeSheets, type SummaryRow } from './workbook.js';

type ObjectiveRef = ComuneReportView['notServed'][number];

/** The page of one comune as the bytes of an .xlsx file (see streamComuneWorkbook). */
export async function comuneWorkbookBuffer(view: ComuneReportView, labels: Labels): Promise<Buffer> {
  return collectBytes((stream) => streamComuneWorkbook(view, labels, stream));
}

/** The page of one comune as an .xlsx file written to `stream`: a summary, its DUP objectives, the objectives for the Comuni it does not serve, the projects that reach it. */
export async function streamComuneWorkbook(view: ComuneReportView, labels: Labels, stream: Writable): Promise<void> {
  await writeSheets(stream, (workbook, done) => fillComuneWorkbook(workbook, view, labels, done));
}

async function fillComuneWorkbook(workbook: Workbook, view: ComuneReportView, labels: Labels, done: (sheet: ReturnType<Workbook['addWorksheet']>) => void): Promise<void> {
  const l = labels.comuni;
  const c = labels.columns;
  setProperties(workbook, { title: `${view.comune.name}: ${l.reportTitle}`, plan: view.plan, description: `${l.reportTitle}, ${labels.asOf} ${view.asOf}`, asOf: view.asOf });
  const style = tableStyle(labels);

  const summary: SummaryRow[] = [
    { figure: l.columns.comune, value: view.comune.name, kind: 'text' },
    { figure: l.columns.istat, value: view.comune.istat, kind: 'text' },
    { figure: c.zone, value: view.comune.zone, kind: 'text' },
    { figure: l.columns.dupFile, value: view.comune.file ?? l.noDupObjectives, kind: 'text' },
    { figure: l.columns.period, value: view.comune.period ?? null, kind: 'text' },
    { figure: labels.asOf, value: view.asOf, kind: 'date' },
    { figure: l.columns.objectives, value: view.objectives.length, kind: 'integer' },
    { figure: l.columns.served, value: view.served.length, kind: 'integer' },
    { figure: l.columns.notServed, value: view.notServed.length, kind: 'integer' },
    { figure: l.projects, value: view.projects.length, kind: 'integer' },
  ];
  done(await addTableSheet(workbook, labels.sheets.summary, summaryColumns(labels), summary, style));
  done(await addTableSheet(workbook, l.dupSheet, dupObjectiveColumns<ComuneReportView['objectives'][number]>(labels, (row) => row), view.objectives, style));

  const objectiveColumns: Column<ObjectiveRef>[] = [
    { header: c.objective, kind: 'text', value: (row) => row.id },
    { header: c.mission, kind: 'text', value: (row) => row.missionId },
    { header: c.title, kind: 'text', value: (row) => row.title },
  ];
  done(await addTableSheet(workbook, l.notServedSheet, objectiveColumns, view.notServed, style));

  const projectColumns: Column<ProjectRow>[] = [
    { header: c.id, kind: 'text', value: (row) => row.id },
    { header: c.title, kind: 'text', value: (row) => row.title },
    { header: c.projectStatus, kind: 'text', value: (row) => labels.projectStatus[row.projectStatus] },
    { header: c.lead, kind: 'text', value: (row) => row.lead },
    { header: c.territory, kind: 'text', value: (row) => row.zones?.join(', ') ?? labels.territory.metropolitan },
    { header: c.objectives, kind: 'text', value: (row) => row.objectives.join(', ') },
    { header: c.progress, kind: 'progress', value: (row) => row.progress },
    { header: c.expected, kind: 'percent', value: (row) => row.expected },
    { header: c.status, kind: 'status', value: (row) => labels.status[row.status] },
  ];
  done(await addTableSheet(workbook, labels.sheets.projects, projectColumns, view.projects, style));
}
