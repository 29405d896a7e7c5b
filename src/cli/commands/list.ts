import { Argument } from 'commander';
import { UsageError } from '../../core/errors.js';
import { closestMatch } from '../../model/did-you-mean.js';
import { PROJECT_STATUSES, type ProjectStatus } from '../../model/plan-data.js';
import type { PlanModel } from '../../model/plan-model.js';
import { chalkFor } from '../color.js';
import type { RegisterCommand } from '../command.js';
import type { Io } from '../io.js';
import { choiceList } from '../parse-options.js';
import { addPlanOption, loadPlanModel, type PlanOption } from '../plan-input.js';
import { didYouMean, requireMission, requireObjective } from '../plan-lookup.js';

interface ListOptions extends PlanOption {
  mission?: string;
  actor?: string;
  objective?: string;
  status?: ProjectStatus[];
  json?: boolean;
}

const LISTS = ['missions', 'objectives', 'projects'] as const;
type ListKind = (typeof LISTS)[number];

export const registerList: RegisterCommand = (program, { io, exit }) => {
  addPlanOption(program.command('list'))
    .description('list the missions, the objectives or the projects of the plan')
    .addArgument(new Argument('<what>', 'what to list').choices(LISTS))
    .option('--mission <id>', 'only this mission (M2 or 2)')
    .option('--actor <column>', 'only objectives that mark this actor column (citta_metropolitana, comuni, corpi_intermedi)')
    .option('--objective <id>', 'only projects linked to this objective (M1.8 or 1.8)')
    .option('--status <status,...>', `only projects with one of these statuses (${PROJECT_STATUSES.join(', ')})`, choiceList(PROJECT_STATUSES, 'status'))
    .option('--json', 'print JSON instead of a table')
    .action(async (what: ListKind, options: ListOptions) => exit(await runList(what, options, io)));
};

async function runList(what: ListKind, options: ListOptions, io: Io): Promise<number> {
  const model = await loadPlanModel(options, io);
  const missions = options.mission === undefined ? model.missions : [requireMission(model, options.mission)];
  const [{ missionJson, objectiveJson, projectSummaryJson, toJsonText }, tables, { terminalWidth }] = await Promise.all([
    import('../../render/json/plan-json.js'),
    import('../../render/terminal/plan-tables.js'),
    import('../../render/terminal/table.js'),
  ]);
  const width = terminalWidth(io.stdout, io.env);
  if (what === 'projects') {
    const objective = options.objective === undefined ? undefined : requireObjective(model, options.objective);
    const projects = model.projects.filter(
      (project) => (objective === undefined || project.objectives.some((link) => link.id === objective)) && (options.status === undefined || options.status.includes(project.status)),
    );
    io.stdout.write(options.json ? toJsonText(projects.map(projectSummaryJson)) : tables.projectsTable(projects, width));
    return 0;
  }
  if (what === 'missions') {
    io.stdout.write(options.json ? toJsonText(missions.map(missionJson)) : tables.missionsTable({ ...model, missions }, width));
    return 0;
  }
  const actor = options.actor === undefined ? undefined : findActorColumn(model, options.actor);
  const objectives = missions.flatMap((mission) => mission.objectives).filter((objective) => actor === undefined || objective.actors[actor]);
  io.stdout.write(options.json ? toJsonText(objectives.map(objectiveJson)) : tables.objectivesTable(model, objectives, width, chalkFor(io.stdout, io.env)));
  return 0;
}

function findActorColumn(model: PlanModel, input: string): string {
  const ids = model.actorColumns.map((column) => column.id);
  if (ids.includes(input)) return input;
  throw new UsageError(`--actor ${input}: no such actor column${didYouMean(input, ids)} (columns: ${ids.join(', ')})`);
}
