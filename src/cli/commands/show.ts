import { UsageError } from '../../core/errors.js';
import { normalizeId } from '../../model/ids.js';
import { findPlanItem, planIds } from '../../model/plan-lookup.js';
import { chalkFor } from '../color.js';
import type { RegisterCommand } from '../command.js';
import type { Io } from '../io.js';
import { parseText } from '../parse-options.js';
import { addPlanOption, loadPlanModel, type PlanOption } from '../plan-input.js';
import { didYouMean } from '../plan-lookup.js';

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
  const width = terminalWidth(io.stdout, io.env);
  const item = findPlanItem(model, input);
  if (item?.kind === 'objective') {
    io.stdout.write(options.json ? toJsonText(objectiveJson(item.objective)) : tables.objectiveDetail(model, item.objective, width, chalk));
    return 0;
  }
  if (item?.kind === 'mission') {
    const { mission } = item;
    const json = { ...missionJson(mission), description: mission.description, objectives: mission.objectives.map(objectiveJson) };
    io.stdout.write(options.json ? toJsonText(json) : tables.missionDetail(model, mission, width, chalk));
    return 0;
  }
  if (item?.kind === 'project') {
    const { file: _file, ...data } = item.project;
    io.stdout.write(options.json ? toJsonText(data) : tables.projectDetail(model, item.project, width, chalk));
    return 0;
  }
  throw new UsageError(`${input}: no mission, objective or project with that id${didYouMean(normalizeId(input), planIds(model))}`);
}
