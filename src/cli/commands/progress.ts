import { STATUSES, type Status } from '../../compute/status.js';
import { chalkFor } from '../color.js';
import type { RegisterCommand } from '../command.js';
import { addAsOfOption, asOfDate, type AsOfOption } from '../as-of.js';
import type { Io } from '../io.js';
import { choiceList } from '../parse-options.js';
import { addPlanOption, loadPlanModel, type PlanOption } from '../plan-input.js';
import { requireMission } from '../plan-lookup.js';

interface ProgressOptions extends PlanOption, AsOfOption {
  mission?: string;
  status?: Status[];
  json?: boolean;
}

export const registerProgress: RegisterCommand = (program, { io, exit }) => {
  addAsOfOption(addPlanOption(program.command('progress')))
    .description('progress and status of the plan, its missions and objectives, rolled up from the projects')
    .option('--mission <id>', 'only this mission (M2 or 2)')
    .option('--status <status,...>', `only objectives with these statuses (${STATUSES.join(', ')})`, choiceList(STATUSES, 'status'))
    .option('--json', 'print JSON (see the README for its shape)')
    .action(async (options: ProgressOptions) => exit(await runProgress(options, io)));
};

async function runProgress(options: ProgressOptions, io: Io): Promise<number> {
  const model = await loadPlanModel(options, io);
  const missionId = options.mission === undefined ? undefined : requireMission(model, options.mission).id;
  const { computeProgress } = await import('../../compute/progress.js');
  const report = computeProgress(model, asOfDate(options, io));
  if (options.json) {
    const [{ progressJson }, { toJsonText }] = await Promise.all([import('../../render/json/monitoring-json.js'), import('../../render/json/plan-json.js')]);
    const json = progressJson(report);
    const inMission = (id: string) => missionId === undefined || id === missionId;
    const objectives = json.objectives.filter((objective) => inMission(objective.mission) && (options.status === undefined || options.status.includes(objective.status)));
    io.stdout.write(toJsonText({ ...json, missions: json.missions.filter((mission) => inMission(mission.id)), objectives }));
    return 0;
  }
  const [{ progressText }, { terminalWidth }] = await Promise.all([import('../../render/terminal/progress-tables.js'), import('../../render/terminal/table.js')]);
  io.stdout.write(progressText(model, report, { missionId, statuses: options.status }, terminalWidth(io.stdout, io.env), chalkFor(io.stdout, io.env)));
  return 0;
}
