import type { ChalkInstance } from 'chalk';
import { zoneCell, type CoverageReport, type ZoneCoverage } from '../../compute/coverage.js';
import type { PlanModel } from '../../model/plan-model.js';
import { funding, percent, TERMINAL_LABELS } from './figures.js';
import { renderTable, wrapText } from './table.js';
import { terminalText } from './terminal-text.js';

export type CoverageView = 'mission' | 'actor' | 'zone';

const COLUMNS = TERMINAL_LABELS.columns;

/** The coverage view asked for, then the plan's headline and its gaps. */
export function coverageText(model: PlanModel, report: CoverageReport, view: CoverageView, width: number, chalk: ChalkInstance): string {
  const table = view === 'mission' ? byMission(model, report, width) : view === 'actor' ? byActor(model, report, width) : byZone(model, report, width);
  return [wrapText(chalk.bold(`Coverage of ${terminalText(model.shortTitle)} as of ${report.asOf}`), width), table, summary(model, report, width, chalk)].join('\n');
}

function byMission(model: PlanModel, report: CoverageReport, width: number): string {
  const rows = report.missions.map((mission) => [
    mission.id,
    terminalText(model.missionById.get(mission.id)?.title ?? ''),
    mission.objectivesTranscribed ? String(mission.objectives) : 'not in source',
    String(mission.covered),
    percent(mission.share),
    `${mission.actorCells.covered}/${mission.actorCells.total}`,
    percent(mission.actorCells.share),
  ]);
  const { plan } = report;
  rows.push([COLUMNS.plan, '', String(plan.objectives), String(plan.covered), percent(plan.share), `${plan.actorCells.covered}/${plan.actorCells.total}`, percent(plan.actorCells.share)]);
  return renderTable(
    [
      { header: COLUMNS.mission, unbroken: true },
      { header: COLUMNS.title, flex: true },
      { header: COLUMNS.objectives, align: 'right' },
      { header: COLUMNS.coveredCount, align: 'right' },
      { header: COLUMNS.share, align: 'right' },
      { header: COLUMNS.actorCellsShort, align: 'right' },
      { header: COLUMNS.share, align: 'right' },
    ],
    rows,
    width,
  );
}

function byActor(model: PlanModel, report: CoverageReport, width: number): string {
  const rows = report.actors.map((actor) => [terminalText(model.actorColumns.find((column) => column.id === actor.column)?.label ?? actor.column), actor.leadKind, String(actor.total), String(actor.covered), percent(actor.share)]);
  return renderTable(
    [
      { header: COLUMNS.actorColumn, flex: true },
      { header: COLUMNS.leadKind },
      { header: COLUMNS.marked, align: 'right' },
      { header: COLUMNS.coveredCount, align: 'right' },
      { header: COLUMNS.share, align: 'right' },
    ],
    rows,
    width,
  );
}

function byZone(model: PlanModel, report: CoverageReport, width: number): string {
  const cellText = (cell: ZoneCoverage['missions'][number]) => (cell.projects === 0 ? '·' : `${cell.projects} · ${funding(cell.funding)}`);
  const rows = report.zones.map((zone) => [terminalText(zone.zone), ...model.missions.map((mission) => cellText(zoneCell(zone, mission.id)))]);
  return renderTable([{ header: COLUMNS.zone, flex: true }, ...model.missions.map((mission) => ({ header: mission.id, align: 'right' as const }))], rows, width);
}

function summary(model: PlanModel, report: CoverageReport, width: number, chalk: ChalkInstance): string {
  const { plan } = report;
  const lines = [
    `${chalk.bold(percent(plan.share))} of objectives have at least one project (${plan.covered} of ${plan.objectives}); ${percent(plan.actorCells.share)} of the actor cells the plan marks have a project led by that kind of actor (${plan.actorCells.covered} of ${plan.actorCells.total}). Funding mobilised: ${funding(plan.funding)}.`,
  ];
  const untranscribed = model.missions.filter((mission) => !mission.objectivesTranscribed).map((mission) => mission.id);
  if (untranscribed.length > 0) lines.push(chalk.yellow(`Not counted: ${untranscribed.join(', ')} (objectives missing from the source).`));
  if (plan.priorityGaps.length > 0) lines.push(chalk.red(`High priority, no project: ${plan.priorityGaps.map((gap) => `${gap.objectiveId} (${gap.votes} votes)`).join(', ')}`));
  lines.push(`Objectives nobody works on (${plan.uncoveredObjectives.length}): ${plan.uncoveredObjectives.join(' ') || 'none'}`);
  if (plan.unlinkedInitiatives.length > 0) lines.push(`Projects linked to no objective: ${plan.unlinkedInitiatives.join(', ')}`);
  return lines.map((line) => wrapText(line, width)).join('\n') + '\n';
}
