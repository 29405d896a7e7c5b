import { PassThrough, type Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { Workbook } from 'exceljs';
import { zoneCell } from '../../compute/coverage.js';
import { STATUSES, type Status } from '../../compute/status.js';
import { startOfDay } from '../../model/dates.js';
import { findingMessage } from '../findings/messages/index.js';
import { fundingAmount } from '../funding.js';
import { localeFormat } from '../format.js';
import type { Labels, ReportLanguage } from '../labels.js';
import { headlineSentence, methodRules, type MethodRule } from '../report/method.js';
import { actorCell, actorColumnLabel, columnShare, type DataGapRow, type IndicatorRow, type MissionRow, type ObjectiveRow, type ProjectRow, type ReportView, type ZoneRow } from '../report/report-view.js';
import { xmlText } from './cell-text.js';
import { dupSheetTable, withoutDupTable } from './dup-sheets.js';
import { addTableSheet, type CellKind, type Column, type TableStyle } from './sheet-table.js';

const STATUS_FILLS: Record<Status, string> = {
  achieved: 'FFC8E6C9',
  on_track: 'FFDCEDC8',
  at_risk: 'FFFFE0B2',
  off_track: 'FFFFCDD2',
  insufficient_data: 'FFBBDEFB',
  stale: 'FFE1BEE7',
  no_data: 'FFEEEEEE',
};

export interface WorkbookOptions {
  language: ReportLanguage;
  labels: Labels;
}

/** The report written to `stream` sheet by sheet, each sheet's rows going out as it is completed: memory stays flat at any size. */
export async function streamWorkbook(view: ReportView, options: WorkbookOptions, stream: Writable): Promise<void> {
  await writeSheets(stream, (workbook, done) => fillWorkbook(workbook, view, options, done));
}

/** The report as the bytes of an .xlsx file (for tests and other callers that want them whole). */
export async function workbookBuffer(view: ReportView, options: WorkbookOptions): Promise<Buffer> {
  return collectBytes((stream) => streamWorkbook(view, options, stream));
}

type Sheet = ReturnType<Workbook['addWorksheet']>;

/**
 * Deflate level of the workbook's zip. On the national benchmark (50,000 projects) level 1 writes
 * the report in 19 s against 22 s at level 6 (the zlib default), for a file of 16 MB against 12.5 MB:
 * deflate keeps pace with the rows, and a quarter more bytes is cheap next to the time.
 */
const ZIP_LEVEL = 1;

/**
 * Write a workbook to `stream`, `fill` adding its sheets and calling `done` on each once complete.
 * Only exceljs's streaming writer is loaded: the package's entry point also loads its reader, its
 * CSV support and the in-memory model, and costs three times as much to import.
 */
export async function writeSheets(stream: Writable, fill: (workbook: Workbook, done: (sheet: Sheet) => void) => Promise<void>): Promise<void> {
  const [{ default: WorkbookWriter }, { default: AppXform }] = await Promise.all([import('exceljs/lib/stream/xlsx/workbook-writer.js'), import('exceljs/lib/xlsx/xform/core/app-xform.js')]);
  const workbook = new WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: ZIP_LEVEL } } });
  // The streaming writer leaves the company out of docProps/app.xml, which the in-memory writer fills: write it as that one does.
  const internals = workbook as unknown as { _worksheets: unknown[]; zip: { append(text: string, entry: { name: string }): void } };
  workbook.addApp = async () => internals.zip.append(new AppXform().toXml({ worksheets: internals._worksheets.filter(Boolean), company: workbook.company, manager: workbook.manager }), { name: 'docProps/app.xml' });
  await fill(workbook, (sheet) => sheet.commit());
  await workbook.commit();
}

/** Everything `write` writes to the stream it is given (and ends), as one buffer. */
export async function collectBytes(write: (stream: Writable) => Promise<void>): Promise<Buffer> {
  const through = new PassThrough();
  const [bytes] = await Promise.all([buffer(through), write(through)]);
  return bytes;
}

async function fillWorkbook(workbook: Workbook, view: ReportView, { language, labels }: WorkbookOptions, done: (sheet: Sheet) => void): Promise<void> {
  setProperties(workbook, { title: `${view.title}: ${labels.reportTitle}`, plan: view.plan, description: `${labels.reportTitle}, ${labels.asOf} ${view.asOf}`, asOf: view.asOf });
  const style = tableStyle(labels);
  const sheets = labels.sheets;
  const c = labels.columns;
  const projectRow = new Map(view.projects.map((project, index) => [project.id, index + 2]));
  const figureColumns = <Row extends { progress: number | null; expected: number | null; status: Status; gap: DataGapRow['reason'] | undefined }>(): Column<Row>[] => [
    { header: c.progress, kind: 'progress', value: (row) => row.progress },
    { header: c.expected, kind: 'percent', value: (row) => row.expected },
    { header: c.status, kind: 'status', value: (row) => labels.status[row.status] },
    { header: c.gap, kind: 'text', value: (row) => (row.gap ? labels.gap[row.gap] : undefined) },
  ];

  done(await addTableSheet(workbook, sheets.summary, summaryColumns(labels), summaryRows(view, labels), style));

  const changeColumns: Column<MissionRow>[] = view.change
    ? [
        { header: c.progressChange, kind: 'points', value: (row) => scaled(row.change?.progress) },
        { header: c.coverageChange, kind: 'points', value: (row) => scaled(row.change?.coverage) },
        { header: c.coveredChange, kind: 'integer', value: (row) => row.change?.coveredObjectives },
        { header: c.projectsChange, kind: 'integer', value: (row) => row.change?.projects },
      ]
    : [];
  const missionColumns: Column<MissionRow>[] = [
    { header: c.id, kind: 'text', value: (row) => row.id },
    { header: c.title, kind: 'text', value: (row) => row.title },
    { header: c.pnrr, kind: 'text', value: (row) => row.pnrrMission },
    { header: c.objectives, kind: 'integer', value: (row) => row.objectiveCount },
    { header: c.covered, kind: 'integer', value: (row) => row.covered },
    { header: c.coverage, kind: 'percent', value: (row) => row.coverage },
    { header: c.actorCells, kind: 'percent', value: (row) => row.actorCells.share },
    { header: c.projects, kind: 'integer', value: (row) => row.projects.length },
    { header: c.funding, kind: 'euro', value: (row) => fundingAmount(row.funding) },
    { header: c.fundingStated, kind: 'integer', value: (row) => row.funding.stated },
    ...figureColumns<MissionRow>(),
    ...changeColumns,
  ];
  done(await addTableSheet(workbook, sheets.missions, missionColumns, view.missions, style));

  const mostLinks = Math.max(0, ...view.objectives.map((row) => row.projects.length));
  const objectiveColumns: Column<ObjectiveRow>[] = [
    { header: c.id, kind: 'text', value: (row) => row.id },
    { header: c.mission, kind: 'text', value: (row) => row.missionId },
    { header: c.title, kind: 'text', value: (row) => row.title },
    ...view.actorColumns.map((column): Column<ObjectiveRow> => ({ header: actorColumnLabel(column, language), kind: 'text', value: (row) => labels.actorCell[actorCell(row, column.id)] })),
    { header: c.projects, kind: 'integer', value: (row) => row.projects.length },
    { header: c.funding, kind: 'euro', value: (row) => fundingAmount(row.funding) },
    { header: c.fundingStated, kind: 'integer', value: (row) => row.funding.stated },
    ...figureColumns<ObjectiveRow>(),
    { header: c.votes, kind: 'integer', value: (row) => row.votes },
    // One cell per linked project, each a link to the project's row.
    ...Array.from({ length: mostLinks }, (_, index): Column<ObjectiveRow> => ({
      header: `${labels.linkedProject} ${index + 1}`,
      kind: 'text',
      value: (row) => row.projects[index]?.id,
      link: (row) => {
        const id = row.projects[index]?.id;
        return id === undefined ? undefined : { sheet: sheets.projects, row: projectRow.get(id)! };
      },
    })),
  ];
  done(await addTableSheet(workbook, sheets.objectives, objectiveColumns, view.objectives, style));

  const projectColumns: Column<ProjectRow>[] = [
    { header: c.id, kind: 'text', value: (row) => row.id },
    { header: c.title, kind: 'text', value: (row) => row.title },
    { header: c.projectStatus, kind: 'text', value: (row) => labels.projectStatus[row.projectStatus] },
    { header: c.lead, kind: 'text', value: (row) => row.lead },
    { header: c.leadKind, kind: 'text', value: (row) => labels.leadKind[row.leadKind ?? 'not_stated'] },
    { header: c.territory, kind: 'text', value: (row) => row.zones?.join(', ') ?? labels.territory.metropolitan },
    { header: c.cup, kind: 'text', value: (row) => row.cup },
    { header: c.start, kind: 'date', value: (row) => row.start },
    { header: c.end, kind: 'date', value: (row) => row.end },
    { header: c.funding, kind: 'euro', value: (row) => row.funding },
    { header: c.objectives, kind: 'text', value: (row) => row.objectives.join(', ') },
    { header: c.progress, kind: 'progress', value: (row) => row.progress },
    { header: c.expected, kind: 'percent', value: (row) => row.expected },
    { header: c.status, kind: 'status', value: (row) => labels.status[row.status] },
    { header: c.gap, kind: 'text', value: (row) => (!row.counted ? labels.notCounted : row.gap ? labels.gap[row.gap] : undefined) },
    { header: c.method, kind: 'text', value: (row) => labels.method[row.method] },
    { header: c.updated, kind: 'date', value: (row) => row.updated },
    { header: c.file, kind: 'text', value: (row) => row.file },
  ];
  done(await addTableSheet(workbook, sheets.projects, projectColumns, view.projects, style));

  const indicatorColumns: Column<IndicatorRow>[] = [
    { header: c.project, kind: 'text', value: (row) => row.projectId, link: (row) => ({ sheet: sheets.projects, row: projectRow.get(row.projectId)! }) },
    { header: c.id, kind: 'text', value: (row) => row.id },
    { header: c.indicator, kind: 'text', value: (row) => row.name },
    { header: c.unit, kind: 'text', value: (row) => row.unit },
    { header: c.direction, kind: 'text', value: (row) => labels.direction[row.direction] },
    { header: c.baseline, kind: 'number', value: (row) => row.baseline?.value },
    { header: c.baselineDate, kind: 'date', value: (row) => row.baseline?.date },
    { header: c.target, kind: 'number', value: (row) => row.target?.value },
    { header: c.targetDate, kind: 'date', value: (row) => row.target?.date },
    { header: c.latest, kind: 'number', value: (row) => row.latest?.value },
    { header: c.latestDate, kind: 'date', value: (row) => row.latest?.date },
    { header: c.latestSource, kind: 'text', value: (row) => row.latest?.source },
    { header: c.method, kind: 'text', value: (row) => labels.method[row.method] },
    ...figureColumns<IndicatorRow>(),
  ];
  done(await addTableSheet(workbook, sheets.indicators, indicatorColumns, view.indicators, style));

  const coverageColumns: Column<MissionRow>[] = [
    { header: c.mission, kind: 'text', value: (row) => row.id },
    { header: c.title, kind: 'text', value: (row) => row.title },
    ...view.actorColumns.map((column): Column<MissionRow> => ({ header: actorColumnLabel(column, language), kind: 'percent', heat: true, value: (row) => columnShare(row, column.id).share })),
    { header: c.actorCells, kind: 'percent', heat: true, value: (row) => row.actorCells.share },
    { header: c.coverage, kind: 'percent', heat: true, value: (row) => row.coverage },
  ];
  done(await addTableSheet(workbook, sheets.coverage, coverageColumns, view.missions, style));

  const territoryColumns: Column<ZoneRow>[] = [
    { header: c.zone, kind: 'text', value: (row) => row.zone },
    ...view.missions.map((mission): Column<ZoneRow> => ({ header: `${mission.id} ${c.projects}`, kind: 'integer', heat: true, value: (row) => zoneCell(row, mission.id).projects })),
    ...view.missions.map((mission): Column<ZoneRow> => ({ header: `${mission.id} ${c.funding}`, kind: 'euro', value: (row) => fundingAmount(zoneCell(row, mission.id).funding) })),
  ];
  done(await addTableSheet(workbook, sheets.territory, territoryColumns, view.zones, style));

  const dups = dupSheetTable(view.comuni, labels);
  done(await addTableSheet(workbook, labels.comuni.dupSheet, dups.columns, dups.rows, style));
  const withoutDup = withoutDupTable(view.comuni, labels);
  done(await addTableSheet(workbook, labels.comuni.withoutDupSheet, withoutDup.columns, withoutDup.rows, style));

  const priorityColumns: Column<ReportView['priorities'][number] | { note: string }>[] = [
    { header: c.rank, kind: 'integer', value: (row) => ('note' in row ? row.note : row.rank) },
    { header: c.objective, kind: 'text', value: (row) => ('note' in row ? undefined : row.objectiveId) },
    { header: c.mission, kind: 'text', value: (row) => ('note' in row ? undefined : row.missionId) },
    { header: c.title, kind: 'text', value: (row) => ('note' in row ? undefined : row.title) },
    { header: c.votes, kind: 'integer', value: (row) => ('note' in row ? undefined : row.votes) },
    { header: c.voteShare, kind: 'percent', value: (row) => ('note' in row ? undefined : row.share) },
    { header: c.projects, kind: 'integer', value: (row) => ('note' in row ? undefined : row.projects) },
    { header: c.consultations, kind: 'text', value: (row) => ('note' in row ? undefined : row.consultations.join(', ')) },
  ];
  // With no votes transcribed the sheet says so rather than staying silently empty.
  const priorityRows = view.priorities.length > 0 ? view.priorities : [{ note: labels.sections.noPriorities }];
  done(await addTableSheet(workbook, sheets.priorities, priorityColumns, priorityRows, style));

  done(await addTableSheet(workbook, sheets.dataQuality, qualityColumns(labels), qualityRows(view, labels, language), style));

  const method = labels.methodSection;
  const methodColumns: Column<MethodRule>[] = [
    { header: method.rule, kind: 'text', value: (row) => row.name },
    { header: method.text, kind: 'text', value: (row) => row.text },
  ];
  done(await addTableSheet(workbook, method.sheet, methodColumns, methodRules(view.thresholds, labels, localeFormat(labels.locale)), style));
}

/** The workbook's title, plan, author and dates (created = the as-of date, so the same input gives the same file). */
export function setProperties(workbook: Workbook, properties: { title: string; plan: ReportView['plan']; description: string; asOf: string }): void {
  const asOf = startOfDay(properties.asOf);
  // The properties are XML text too: a forbidden character there would make the workbook unreadable.
  workbook.title = xmlText(properties.title);
  workbook.subject = xmlText(properties.plan.title);
  workbook.creator = 'psttm';
  workbook.lastModifiedBy = 'psttm';
  workbook.company = xmlText(properties.plan.authority ?? '');
  workbook.description = xmlText(properties.description);
  workbook.created = asOf;
  workbook.modified = asOf;
}

/** Status colours and the truncation note in the report's language. */
export function tableStyle(labels: Labels): TableStyle {
  return { statusFills: STATUSES.map((status) => ({ label: labels.status[status], argb: STATUS_FILLS[status] })), truncationMarker: labels.truncated };
}

interface QualityRow {
  severity: string;
  code: string;
  file: string | undefined;
  line: number | undefined;
  column: number | undefined;
  message: string;
}

function qualityColumns(labels: Labels): Column<QualityRow>[] {
  const c = labels.columns;
  return [
    { header: c.severity, kind: 'text', value: (row) => row.severity },
    { header: c.code, kind: 'text', value: (row) => row.code },
    { header: c.file, kind: 'text', value: (row) => row.file },
    { header: c.line, kind: 'integer', value: (row) => row.line },
    { header: c.column, kind: 'integer', value: (row) => row.column },
    { header: c.message, kind: 'text', value: (row) => row.message },
  ];
}

/** Validation findings, then the data gaps of the computation: both tell where the data falls short. */
function qualityRows(view: ReportView, labels: Labels, language: ReportLanguage): QualityRow[] {
  const findings = view.findings.map((finding) => ({ severity: labels.severity[finding.severity], code: finding.code, file: finding.file, line: finding.line, column: finding.column, message: findingMessage(finding, language) }));
  const fileOf = new Map(view.projects.map((project) => [project.id, project.file]));
  const gaps = view.gaps.data.map((gap) => ({
    severity: labels.dataGap,
    code: gap.reason.toUpperCase(),
    file: gap.level === 'project' ? fileOf.get(gap.id) : gap.level === 'indicator' ? fileOf.get(gap.id.split('/')[0]!) : undefined,
    line: undefined,
    column: undefined,
    message: `${labels.levels[gap.level]} ${gap.id} (${gap.title}): ${labels.gap[gap.reason]}`,
  }));
  return [...findings, ...gaps];
}

export interface SummaryRow {
  figure: string;
  value: string | number | null;
  kind: CellKind;
}

export function summaryColumns(labels: Labels): Column<SummaryRow>[] {
  return [
    { header: labels.columns.figure, kind: 'text', value: (row) => row.figure },
    { header: labels.columns.value, kind: 'number', value: (row) => row.value, format: (row) => row.kind },
  ];
}

function summaryRows(view: ReportView, labels: Labels): SummaryRow[] {
  const h = labels.headline;
  const { headline } = view;
  const rows: SummaryRow[] = [
    { figure: labels.reportTitle, value: view.title, kind: 'text' },
    { figure: labels.source, value: view.plan.source, kind: 'text' },
    { figure: labels.asOf, value: view.asOf, kind: 'date' },
    ...(view.year === undefined ? [] : [{ figure: labels.yearReport, value: view.year, kind: 'text' as const }]),
    { figure: labels.sheets.summary, value: headlineSentence(headline, labels, localeFormat(labels.locale)), kind: 'text' },
    { figure: h.progress, value: headline.progress, kind: 'percent' },
    { figure: h.withData, value: headline.base.withData, kind: 'integer' },
    { figure: h.expected, value: headline.expected, kind: 'percent' },
    { figure: h.status, value: labels.status[headline.status], kind: 'text' },
    { figure: h.objectives, value: headline.objectives, kind: 'integer' },
    { figure: h.covered, value: headline.covered, kind: 'integer' },
    { figure: h.coverage, value: headline.coverage, kind: 'percent' },
    { figure: h.actorCells, value: headline.actorCells.share, kind: 'percent' },
    { figure: h.projects, value: headline.projects, kind: 'integer' },
    { figure: h.funding, value: fundingAmount(headline.funding), kind: 'euro' },
    { figure: h.fundingStated, value: headline.funding.stated, kind: 'integer' },
    { figure: h.indicators, value: headline.indicators, kind: 'integer' },
    { figure: `${h.findings}: ${labels.severity.error}`, value: headline.findings.errors, kind: 'integer' },
    { figure: `${h.findings}: ${labels.severity.warning}`, value: headline.findings.warnings, kind: 'integer' },
    { figure: `${h.findings}: ${labels.severity.info}`, value: headline.findings.infos, kind: 'integer' },
    { figure: h.dataGaps, value: headline.dataGaps, kind: 'integer' },
  ];
  const gapCounts = new Map<string, number>();
  for (const gap of view.gaps.data) {
    const key = `${h.dataGaps}: ${labels.levels[gap.level]}, ${labels.gap[gap.reason]}`;
    gapCounts.set(key, (gapCounts.get(key) ?? 0) + 1);
  }
  for (const [figure, count] of gapCounts) rows.push({ figure, value: count, kind: 'integer' });
  if (view.change) {
    const { change } = view;
    const c = labels.columns;
    rows.push(
      { figure: labels.changeSince, value: change.since, kind: 'date' },
      { figure: c.progressChange, value: scaled(change.plan.progress), kind: 'points' },
      { figure: c.coverageChange, value: scaled(change.plan.coverage), kind: 'points' },
      { figure: c.coveredChange, value: change.plan.coveredObjectives, kind: 'integer' },
      { figure: c.projectsChange, value: change.plan.projects, kind: 'integer' },
    );
  }
  return rows;
}

/** A change of a share (fraction) as percentage points. */
function scaled(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : value * 100;
}
