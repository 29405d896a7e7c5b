import { UsageError } from '../../core/errors.js';
import { closestMatch } from '../../model/did-you-mean.js';
import { normalizeId } from '../../model/ids.js';
import { chalkFor } from '../color.js';
import type { RegisterCommand } from '../command.js';
import type { Io } from '../io.js';
import { parseText } from '../parse-options.js';
import { addPlanOption, loadPlanModel, type PlanOption } from '../plan-input.js';

interface ShowOptions extends PlanOption {
  json?: boolean;
}

export const registerShow: RegisterCommand = (program, { io, exit }) => {
  addPlanOption(program.command('show'))
    .description('show a mission (M2), an objective (M2.12, or 2.12) or a project (its id)')
    .argument('<id>', 'mission, objective or project id', parseText)
    .option('--json', 'print JSON')
    .action(async (id: string, options: ShowOptions) => exit(await runShow(id, options, io)));
};

async function runShow(input: string, options: ShowOptions, io: Io): Promise<number> {
  const model = await loadPlanModel(options, io);
  const [{ missionJson, objectiveJson, toJsonText }, tables, { terminalWidth }] = await Promise.all([
    import('../../render/json/plan-json.js'),
    import('../../render/terminal/plan-tables.js'),
    import('../../render/terminal/table.js'),
  ]);
  const chalk = chalkFor(io.stdout, io.env);
  const id = normalizeId(input);
  const objective = model.objectiveById.get(id);
  if (objective) {
    io.stdout.write(options.json ? toJsonText(objectiveJson(objective)) : tables.objectiveDetail(model, objective, chalk));
    return 0;
  }
  const mission = model.missionById.get(id);
  if (mission) {
    const json = { ...missionJson(mission), description: mission.description, objectives: mission.objectives.map(objectiveJson) };
    io.stdout.write(options.json ? toJsonText(json) : tables.missionDetail(model, mission, terminalWidth(io.stdout.columns), chalk));
    return 0;
  }
  const project = model.projectById.get(input.trim());
  if (project) {
    const { file: _file, ...data } = project;
    io.stdout.write(options.json ? toJsonText(data) : tables.projectDetail(model, project, chalk));
    return 0;
  }
  const suggestion = closestMatch(id, [...model.objectiveById.keys(), ...model.missionById.keys(), ...model.projectById.keys()]);
  throw new UsageError(`${input}: no mission, objective or project with that id${suggestion ? `; did you mean ${suggestion}?` : ''}`);
}
