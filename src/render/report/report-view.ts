import { zoneCell, type ActorCell, type FundingTotal, type Share, type ZoneCoverage } from '../../compute/coverage.js';
import { projectFunding } from '../../compute/initiatives.js';
import type { MissionChange, MonitoringReport } from '../../compute/monitoring-report.js';
import { initiativeBase, type InitiativeBase, type ProjectResult } from '../../compute/progress.js';
import type { RollUp } from '../../compute/roll-up.js';
import { STATUSES, type GapReason, type Status } from '../../compute/status.js';
import type { DatedValueData, LeadKind, ProjectStatus } from '../../model/plan-data.js';
import type { PlanModel } from '../../model/plan-model.js';
import { territoryZones } from '../../model/territory.js';
import { countFindings, type Finding } from '../../findings/finding.js';
import { assertFiniteNumbers } from '../finite-numbers.js';
import type { ReportLanguage } from '../labels.js';
import { buildComuniSection, type ComuniSection } from './comuni-view.js';

/**
 * What both reports show, as raw values (numbers, ISO dates, enum keys): the workbook formats them
 * with number formats, the HTML with Intl. Built once, so the two formats cannot disagree.
 */
export interface ReportView {
  title: string;
  plan: { id: string; title: string; shortTitle: string; authority: string | undefined; period: { start: number; end: number }; source: string };
  asOf: string;
  /** The year of a yearly report. */
  year: number | undefined;
  headline: Headline;
  gaps: { priorityGaps: PriorityRow[]; uncovered: ObjectiveRow[]; data: DataGapRow[] };
  actorColumns: { id: string; label: string; labelEn: string }[];
  missions: MissionRow[];
  objectives: ObjectiveRow[];
  projects: ProjectRow[];
  indicators: IndicatorRow[];
  zones: ZoneRow[];
  priorities: PriorityRow[];
  /** Consultations held by the as-of date whose votes the source does not give. */
  consultationsWithoutVotes: string[];
  statusCounts: { status: Status; count: number }[];
  /** The comuni's DUPs and their alignment with the plan. */
  comuni: ComuniSection;
  findings: Finding[];
  change: { since: string; plan: MissionChange } | undefined;
  /** The thresholds of the monitoring rules, as the method section states them. */
  thresholds: PlanModel['monitoring'];
}

interface Headline {
  progress: number | null;
  expected: number | null;
  status: Status;
  /** What the progress figure rests on: the counted initiatives with a figure of their own, of all counted. */
  base: InitiativeBase;
  objectives: number;
  covered: number;
  coverage: number | null;
  actorCells: Share;
  projects: number;
  funding: FundingTotal;
  indicators: number;
  dataGaps: number;
  findings: { errors: number; warnings: number; infos: number };
}

interface Figures {
  progress: number | null;
  expected: number | null;
  status: Status;
  gap: GapReason | undefined;
}

export interface MissionRow extends Figures {
  id: string;
  title: string;
  pnrrMission: string;
  description: string;
  objectivesTranscribed: boolean;
  objectiveCount: number;
  covered: number;
  coverage: number | null;
  actorCells: Share;
  /** One share per actor column, in the order of the view's `actorColumns` (templates rely on it). */
  byColumn: (Share & { columnId: string })[];
  /** Projects linked to the mission's objectives, in portfolio order. */
  projects: ProjectRow[];
  funding: FundingTotal;
  change: MissionChange | undefined;
  objectives: ObjectiveRow[];
}

export interface ObjectiveRow extends Figures {
  id: string;
  missionId: string;
  title: string;
  /** One cell per actor column, in the order of the view's `actorColumns` (templates rely on it). */
  actors: { columnId: string; cell: ActorCell }[];
  projects: { id: string; title: string; weight: number }[];
  funding: FundingTotal;
  zones: string[];
  votes: number | undefined;
}

export interface ProjectRow extends Figures {
  id: string;
  title: string;
  projectStatus: ProjectStatus;
  /** False when cancelled or not started by the as-of date: listed, but not in any figure. */
  counted: boolean;
  lead: string | undefined;
  leadKind: LeadKind | undefined;
  /** Zone omogenee reached, then any zone or comune code no zone is known for; undefined for the whole metropolitan city. */
  zones: string[] | undefined;
  cup: string | undefined;
  start: string | undefined;
  end: string | undefined;
  /** Null when the project states no funding: unknown, not 0 €. */
  funding: number | null;
  objectives: string[];
  method: 'indicators' | 'milestones' | 'none';
  updated: string;
  file: string;
  indicators: IndicatorRow[];
}

export interface IndicatorRow extends Figures {
  projectId: string;
  id: string;
  name: string;
  unit: string;
  direction: 'increase' | 'decrease';
  method: 'values' | 'milestones';
  baseline: DatedValueData | undefined;
  target: DatedValueData | undefined;
  latest: (DatedValueData & { source: string }) | undefined;
}

/** A zone's cells, one per mission in the order of the view's missions (templates rely on it). */
export type ZoneRow = ZoneCoverage;

interface PriorityRow {
  objectiveId: string;
  missionId: string;
  title: string;
  rank: number;
  votes: number;
  share: number;
  projects: number;
  consultations: string[];
}

export interface DataGapRow {
  level: 'mission' | 'objective' | 'project' | 'indicator';
  id: string;
  title: string;
  reason: GapReason;
}

export interface ReportViewOptions {
  title: string | undefined;
  year: number | undefined;
}

export function buildReportView(model: PlanModel, report: MonitoringReport, findings: readonly Finding[], options: ReportViewOptions): ReportView {
  const { progress, coverage } = report;
  const progressByProject = new Map(progress.projects.map((result) => [result.id, result]));
  const progressByObjective = new Map(progress.objectives.map((result) => [result.id, result]));
  const coverageByObjective = new Map(coverage.objectives.map((result) => [result.id, result]));
  const progressByMission = new Map(progress.missions.map((result) => [result.id, result]));
  const coverageByMission = new Map(coverage.missions.map((result) => [result.id, result]));
  const changeByMission = new Map(report.change?.missions.map((change) => [change.id, change]));

  const projects = model.projects.map((project): ProjectRow => {
    const result = progressByProject.get(project.id);
    const territory = territoryZones(project.territory, model.reference);
    return {
      id: project.id,
      title: project.title,
      projectStatus: project.status,
      counted: result !== undefined,
      lead: project.lead?.name,
      leadKind: project.lead?.kind,
      zones: territory.metropolitan ? undefined : [...territory.zones, ...territory.unknown],
      cup: project.cup,
      start: project.period?.start,
      end: project.period?.end,
      funding: projectFunding(project) ?? null,
      objectives: project.objectives.map((link) => link.id),
      method: result?.method ?? 'none',
      updated: project.updated,
      file: project.file,
      indicators: result ? indicatorRows(result) : [],
      ...(result ? measureFigures(result.measure, result.status, result.gap) : { progress: null, expected: null, status: 'no_data', gap: undefined }),
    };
  });
  // In portfolio order, whatever the order of the results.
  const indicators = projects.flatMap((row) => row.indicators);

  const objectives = model.objectives.map((objective): ObjectiveRow => {
    const result = progressByObjective.get(objective.id)!;
    const covered = coverageByObjective.get(objective.id)!;
    return {
      id: objective.id,
      missionId: objective.missionId,
      title: objective.title,
      actors: model.actorColumns.map((column) => ({ columnId: column.id, cell: covered.actorCells[column.id] ?? 'not_expected' })),
      projects: result.contributions.map(({ projectId, weight }) => ({ id: projectId, title: progressByProject.get(projectId)?.title ?? projectId, weight })),
      funding: covered.funding,
      zones: covered.zones,
      votes: covered.priority?.votes,
      ...rollUpFigures(result.rollUp, result.gap),
    };
  });
  const objectivesByMission = groupBy(objectives, (row) => row.missionId);

  const missions = model.missions.map((mission): MissionRow => {
    const result = progressByMission.get(mission.id)!;
    const covered = coverageByMission.get(mission.id)!;
    const own = objectivesByMission.get(mission.id) ?? [];
    const linked = new Set(own.flatMap((objective) => objective.projects.map((project) => project.id)));
    return {
      id: mission.id,
      title: mission.title,
      pnrrMission: mission.pnrrMission,
      description: mission.description,
      objectivesTranscribed: mission.objectivesTranscribed,
      objectiveCount: covered.objectives,
      covered: covered.covered,
      coverage: covered.share,
      actorCells: covered.actorCells,
      byColumn: model.actorColumns.map((column) => ({ columnId: column.id, ...covered.byColumn[column.id]! })),
      projects: projects.filter((project) => linked.has(project.id)),
      funding: covered.funding,
      change: changeByMission.get(mission.id),
      objectives: own,
      ...rollUpFigures(result.rollUp, result.gap),
    };
  });

  const priorities = report.priorities.map((priority): PriorityRow => {
    const objective = model.objectiveById.get(priority.objectiveId);
    return {
      objectiveId: priority.objectiveId,
      missionId: objective?.missionId ?? '',
      title: objective?.title ?? '',
      rank: priority.rank,
      votes: priority.votes,
      share: priority.share,
      projects: coverageByObjective.get(priority.objectiveId)?.projects ?? 0,
      consultations: priority.consultations,
    };
  });

  const dataGaps: DataGapRow[] = [
    ...missions.filter((row) => row.gap).map((row) => ({ level: 'mission' as const, id: row.id, title: row.title, reason: row.gap! })),
    ...objectives.filter((row) => row.gap && row.gap !== 'no_projects').map((row) => ({ level: 'objective' as const, id: row.id, title: row.title, reason: row.gap! })),
    ...projects.filter((row) => row.counted && row.gap).map((row) => ({ level: 'project' as const, id: row.id, title: row.title, reason: row.gap! })),
    ...indicators.filter((row) => row.gap).map((row) => ({ level: 'indicator' as const, id: `${row.projectId}/${row.id}`, title: row.name, reason: row.gap! })),
  ];
  // Every counted initiative has a progress result: the headline and the status chart count those.
  const statusCounts = STATUSES.map((status) => ({ status, count: progress.projects.filter((result) => result.status === status).length }));

  const view: ReportView = {
    title: options.title ?? model.shortTitle,
    plan: { id: model.id, title: model.title, shortTitle: model.shortTitle, authority: model.authority, period: model.period, source: model.source.title },
    asOf: report.asOf,
    year: options.year,
    headline: {
      ...rollUpFigures(progress.plan, undefined),
      base: initiativeBase(progress),
      objectives: coverage.plan.objectives,
      covered: coverage.plan.covered,
      coverage: coverage.plan.share,
      actorCells: coverage.plan.actorCells,
      projects: report.initiatives.length,
      funding: coverage.plan.funding,
      indicators: indicators.length,
      dataGaps: dataGaps.length,
      findings: countFindings(findings),
    },
    gaps: {
      priorityGaps: priorities.filter((row) => row.projects === 0),
      uncovered: objectives.filter((row) => row.projects.length === 0),
      data: dataGaps,
    },
    actorColumns: model.actorColumns.map((column) => ({ id: column.id, label: column.label, labelEn: column.labelEn })),
    missions,
    objectives,
    projects,
    indicators,
    zones: coverage.zones.map((row) => ({ zone: row.zone, missions: missions.map((mission) => zoneCell(row, mission.id)) })),
    priorities,
    consultationsWithoutVotes: model.consultations.filter((consultation) => consultation.votes_status === 'not_available' && (consultation.date === undefined || consultation.date <= report.asOf)).map((consultation) => consultation.event),
    statusCounts,
    comuni: buildComuniSection(model),
    findings: [...findings],
    change: report.change && { since: report.change.since, plan: report.change.plan },
    thresholds: model.monitoring,
  };
  // Both reports draw only from the view: checked here, no NaN or Infinity reaches a cell, a text, a data-value or a chart.
  assertFiniteNumbers(view, 'the report view');
  return view;
}

/** An actor column's label in the report's language (the plan's Italian label is the default). */
export function actorColumnLabel(column: ReportView['actorColumns'][number], language: ReportLanguage): string {
  return language === 'en' ? column.labelEn : column.label;
}

/** An objective's cell in an actor column, found by the column's id. */
export function actorCell(row: ObjectiveRow, columnId: string): ActorCell {
  return row.actors.find((actor) => actor.columnId === columnId)?.cell ?? 'not_expected';
}

/** A mission's actor-cell share in one column, found by the column's id. */
export function columnShare(row: MissionRow, columnId: string): Share {
  return row.byColumn.find((share) => share.columnId === columnId) ?? { total: 0, covered: 0, share: null };
}

function indicatorRows(result: ProjectResult): IndicatorRow[] {
  return result.indicators.map((indicator) => ({
    projectId: result.id,
    id: indicator.id,
    name: indicator.indicator.name,
    unit: indicator.indicator.unit,
    direction: indicator.indicator.direction,
    method: indicator.method,
    baseline: indicator.baseline,
    target: indicator.target,
    latest: indicator.latest && { value: indicator.latest.value, date: indicator.latest.date, source: indicator.latest.source },
    ...measureFigures(indicator.measure, indicator.status, indicator.gap),
  }));
}

function rollUpFigures(result: RollUp, gap: GapReason | undefined): Figures {
  return measureFigures(result.measure, result.status, gap);
}

function measureFigures(measure: { progress: number; expected: number } | undefined, status: Status, gap: GapReason | undefined): Figures {
  return { progress: measure?.progress ?? null, expected: measure?.expected ?? null, status, gap };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
