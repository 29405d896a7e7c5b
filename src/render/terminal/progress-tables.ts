import type { ChalkInstance } from 'chalk';
import { initiativeBase, type ProgressReport } from '../../compute/progress.js';
import type { RollUp } from '../../compute/roll-up.js';
import type { Status } from '../../compute/status.js';
import type { PlanModel } from '../../model/plan-model.js';
import { percent, statusLabel, TERMINAL_FORMAT, TERMINAL_LABELS } from './figures.js';
import { baseText } from '../report/method.js';
import { renderTable, wrapText } from './table.js';
import { terminalText } from './terminal-text.js';

const COLUMNS = TERMINAL_LABELS.columns;

export interface ProgressFilter {
  missionId?: string | undefined;
  statuses?: readonly Status[] | undefined;
}

/** Missions, then objectives (filtered), each with progress, expected progress, status and data gaps. */
export function progressText(model: PlanModel, report: ProgressReport, filter: ProgressFilter, width: number, chalk: ChalkInstance): string {
  const missions = report.missions.filter((mission) => filter.missionId === undefined || mission.id === filter.missionId);
  const missionRows = missions.map((mission) => [mission.id, terminalText(model.missionById.get(mission.id)?.title ?? ''), ...figures(mission.rollUp, chalk), dataLine(mission.rollUp)]);
  if (filter.missionId === undefined) missionRows.push([COLUMNS.plan, '', ...figures(report.plan, chalk), dataLine(report.plan)]);
  const objectives = report.objectives.filter(
    (objective) => (filter.missionId === undefined || objective.missionId === filter.missionId) && (filter.statuses === undefined || filter.statuses.includes(objective.rollUp.status)),
  );
  const objectiveRows = objectives.map((objective) => [
    objective.id,
    terminalText(model.objectiveById.get(objective.id)?.title ?? ''),
    ...figures(objective.rollUp, chalk),
    objective.contributions.length === 0 ? 'no projects' : dataLine(objective.rollUp),
  ]);
  const columns = (first: string) => [
    { header: first, unbroken: true },
    { header: COLUMNS.title, flex: true },
    { header: COLUMNS.progress, align: 'right' as const },
    { header: COLUMNS.expected, align: 'right' as const },
    { header: COLUMNS.status },
    { header: COLUMNS.withData },
  ];
  // The plan's figure says what it rests on, right under the heading: `from 3 of 16 projects; 13 without data`.
  const base = filter.missionId === undefined ? [wrapText(baseText(initiativeBase(report), TERMINAL_LABELS), width)] : [];
  return [
    wrapText(chalk.bold(`Progress of ${terminalText(model.shortTitle)} as of ${report.asOf}`), width),
    ...base,
    renderTable(columns(COLUMNS.mission), missionRows, width),
    objectiveRows.length > 0 ? renderTable(columns(COLUMNS.objective), objectiveRows, width) : `${wrapText('No objective matches the filter.', width)}\n`,
  ].join('\n');
}

function figures(result: RollUp, chalk: ChalkInstance): string[] {
  return [percent(result.measure?.progress, { clamp: true }), percent(result.measure?.expected), statusLabel(result.status, chalk)];
}

/** `2 of 5 (3 gaps)`: how many children gave the figure, and how many had no data; no-break spaces keep `2 of 5` and `(3 gaps)` whole in a narrow column. */
function dataLine(result: RollUp): string {
  const total = result.counted + result.gaps.length;
  const gaps = result.gaps.length > 0 ? ` (${TERMINAL_FORMAT.count(result.gaps.length, TERMINAL_LABELS.counts.gap)})` : '';
  return `${result.counted} of ${total}`.replaceAll(' ', NO_BREAK) + gaps.replace(/(?<=\S) /g, NO_BREAK);
}

const NO_BREAK = '\u00a0';
