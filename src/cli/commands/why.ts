import { UsageError } from '../../core/errors.js';
import { normalizeId } from '../../model/ids.js';
import { planIds } from '../../model/plan-lookup.js';
import type { PlanModel } from '../../model/plan-model.js';
import { chalkFor } from '../color.js';
import type { RegisterCommand } from '../command.js';
import { addAsOfOption, asOfDate, type AsOfOption } from '../as-of.js';
import type { Io } from '../io.js';
import { addLanguageOption, chooseLanguage, type LanguageOption } from '../language.js';
import { parseText } from '../parse-options.js';
import { addPlanOption, loadPlanModel, type PlanOption } from '../plan-input.js';
import { didYouMean, requireDupObjective } from '../plan-lookup.js';

type WhyOptions = PlanOption & AsOfOption & LanguageOption & { json?: boolean };

export const registerWhy: RegisterCommand = (program, { io, exit }) => {
  addLanguageOption(addAsOfOption(addPlanOption(program.command('why'))))
    .description('show how the progress and status of the plan, a mission, objective, project or indicator (project/indicator) were derived, or the PSTTM suggestions of a DUP objective (dup:<istat>/<code>)')
    .argument('<id>', 'plan, M2, M2.12 (or 2.12), a project id, project/indicator, or dup:<istat>/<code>', parseText)
    .option('--json', 'print JSON (see the README for its shape)')
    .action(async (id: string, options: WhyOptions) => exit(await runWhy(id, options, io)));
};

async function runWhy(input: string, options: WhyOptions, io: Io): Promise<number> {
  const model = await loadPlanModel(options, io);
  if (input.trim().startsWith('dup:')) return runWhyDup(model, input, options, io);
  const [{ computeProgress }, why, json, { terminalWidth, wrapLines }] = await Promise.all([
    import('../../compute/progress.js'),
    import('../../render/terminal/why.js'),
    import('../../render/json/why-json.js'),
    import('../../render/terminal/table.js'),
  ]);
  const report = computeProgress(model, asOfDate(options, io));
  const chalk = chalkFor(io.stdout, io.env);
  const thresholds = model.monitoring;
  // Each kind of id explained as text, or as JSON with --json.
  const explain = async (text: () => string, data: () => unknown) => {
    if (!options.json) return print(io, wrapLines(text(), terminalWidth(io.stdout, io.env)));
    const { toJsonText } = await import('../../render/json/plan-json.js');
    return print(io, toJsonText(data()));
  };
  const id = normalizeId(input);
  if (input.trim().toLowerCase() === 'plan') return explain(() => why.whyPlan(report, model, chalk), () => json.whyPlanJson(report, thresholds));
  const objective = report.objectives.find((result) => result.id === id);
  if (objective) return explain(() => why.whyObjective(objective, report, model, chalk), () => json.whyObjectiveJson(objective, report, thresholds));
  if (model.missionById.has(id)) return explain(() => why.whyMission(id, report, model, chalk), () => json.whyMissionJson(id, report, thresholds));
  const [projectId = '', indicatorId] = input.trim().split(/[/.](?=[a-z])/);
  const project = report.projects.find((result) => result.id === projectId);
  if (project && indicatorId === undefined) return explain(() => why.whyProject(project, report, model, chalk), () => json.whyProjectJson(project, report, thresholds));
  const indicator = project?.indicators.find((result) => result.id === indicatorId);
  if (project && indicator) return explain(() => why.whyIndicator(indicator, report, model, chalk), () => json.whyIndicatorJson(indicator, report, thresholds));
  if (project) throw new UsageError(`${input}: ${project.id} has no indicator ${indicatorId}; its indicators: ${project.indicators.map((result) => result.id).join(', ') || 'none'}`);
  if (model.projectById.has(projectId)) throw new UsageError(`${input}: the project does not count as of ${report.asOf} (cancelled, or not started yet)`);
  throw new UsageError(`${input}: no mission, objective, project or indicator with that id${didYouMean(id, ['plan', ...planIds(model)])}`);
}

function print(io: Io, text: string): number {
  io.stdout.write(text);
  return 0;
}

async function runWhyDup(model: PlanModel, input: string, options: WhyOptions, io: Io): Promise<number> {
  const { id, dup, objective } = requireDupObjective(model, input);
  const [{ buildSuggestionIndex }, { explainDupObjective }] = await Promise.all([import('../../compute/dup-suggestions.js'), import('../../compute/dup-why.js')]);
  const why = explainDupObjective(model, buildSuggestionIndex(model), dup, objective, id);
  if (options.json) {
    const { toJsonText } = await import('../../render/json/plan-json.js');
    return print(io, toJsonText(why));
  }
  const { whyDupObjective } = await import('../../render/terminal/why-dup.js');
  return print(io, whyDupObjective(why, (objectiveId) => model.objectiveById.get(objectiveId)?.title, chooseLanguage(options, io.env), chalkFor(io.stdout, io.env)));
}
