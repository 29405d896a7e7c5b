import type { ChalkInstance } from 'chalk';
import type { Mission, Objective, PlanModel } from '../../model/plan-model.js';
import { renderTable } from './table.js';

/** ✔ for a marked actor column, · for one that does not apply. */
function mark(marked: boolean | undefined, chalk: ChalkInstance): string {
  return marked ? chalk.green('✔') : chalk.dim('·');
}

export function missionsTable(model: PlanModel, width: number): string {
  const rows = model.missions.map((mission) => [
    mission.id,
    mission.title,
    mission.objectivesTranscribed ? String(mission.objectives.length) : 'not transcribed',
    mission.themes.join('; ') || '—',
  ]);
  return renderTable(
    [
      { header: 'Mission', width: 7 },
      { header: 'Title', flex: true },
      { header: 'Objectives', width: 15, align: 'right' },
      { header: 'Themes', width: 40 },
    ],
    rows,
    width,
  );
}

export function objectivesTable(model: PlanModel, objectives: readonly Objective[], width: number, chalk: ChalkInstance): string {
  const rows = objectives.map((objective) => [objective.id, objective.title, ...model.actorColumns.map((column) => mark(objective.actors[column.id], chalk))]);
  return renderTable(
    [
      { header: 'Id', width: 6 },
      { header: 'Objective', flex: true },
      ...model.actorColumns.map((column) => ({ header: shortLabel(column.label), width: 13, align: 'center' as const })),
    ],
    rows,
    width,
  );
}

/** A mission or objective as a block of labelled lines. */
export function objectiveDetail(model: PlanModel, objective: Objective, chalk: ChalkInstance): string {
  const mission = model.missionById.get(objective.missionId)!;
  const actors = model.actorColumns.map((column) => `${mark(objective.actors[column.id], chalk)} ${column.label}`).join('   ');
  return [
    `${chalk.bold(objective.id)}  ${objective.title}`,
    `${chalk.dim('Mission')}  ${mission.id} ${mission.title}`,
    `${chalk.dim('Actors ')}  ${actors}`,
    '',
  ].join('\n');
}

export function missionDetail(model: PlanModel, mission: Mission, width: number, chalk: ChalkInstance): string {
  const header = [
    `${chalk.bold(mission.id)}  ${mission.title}`,
    `${chalk.dim('PNRR   ')}  ${mission.pnrrMission}`,
    `${chalk.dim('Themes ')}  ${mission.themes.join('; ') || '—'}`,
    '',
    mission.description,
    '',
  ].join('\n');
  const objectives = mission.objectivesTranscribed
    ? objectivesTable(model, mission.objectives, width, chalk)
    : `${chalk.yellow('Objectives not transcribed:')} the source lacks this mission's objectives table.\n`;
  return `${header}\n${objectives}`;
}

/** "Corpi intermedi e altri attori" is too wide for a column heading: keep its first two words. */
function shortLabel(label: string): string {
  return label.split(' ').slice(0, 2).join(' ');
}
