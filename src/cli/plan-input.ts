import type { Command } from 'commander';
import { FailingFindingsError, UsageError } from '../core/errors.js';
import { countFindings } from '../findings/finding.js';
import { locatePlan, type PlanLocation } from '../load/plan-location.js';
import { displayPath } from '../io/display-path.js';
import type { PlanModel } from '../model/plan-model.js';
import { terminalText } from '../render/terminal/terminal-text.js';
import type { PlanCheck } from '../validate/check-plan.js';
import type { Io } from './io.js';
import { parseText } from './parse-options.js';
import { addTodayOption, todayOf, type TodayOption } from './today.js';

export interface PlanOption extends TodayOption {
  plan?: string;
}

/** --plan, and --today, which the checks of every plan read depend on. */
export function addPlanOption(command: Command): Command {
  return addTodayOption(command.option('--plan <dir>', 'the plan folder, or a folder holding plan/ (default: nearest plan/ above the working directory, else the shipped plan)', parseText));
}

/** What a command does with the plan: commands that write into it never fall back on the shipped plan. */
export interface PlanUse {
  edits?: boolean;
}

/** Find, read and check the plan; says on stderr which plan is used when it was not named. */
export async function loadPlan(options: PlanOption, io: Io, use: PlanUse = {}): Promise<PlanCheck> {
  // A bad SOURCE_DATE_EPOCH is the one line on stderr, before the note on which plan is used.
  const today = todayOf(options, io);
  return checkPlanAt(findPlan(options, io, use), today, io);
}

/** Where the plan is; says on stderr which plan is used when it was not named. */
export function findPlan(options: PlanOption, io: Io, { edits = false }: PlanUse = {}): PlanLocation {
  const location = locatePlan(options.plan, io.cwd);
  // The shipped plan lives inside the installed package: an edit there would be lost, or refused, at the next install.
  if (edits && location.origin === 'shipped') throw new UsageError('no plan/ folder here or above to write into (the plan shipped with psttm is read-only); run psttm in your plan\'s folder or pass --plan');
  if (location.origin === 'shipped') io.stderr.write(`psttm: no plan/ folder here or above; using the plan shipped with psttm (${location.dir})\n`);
  if (location.origin === 'ancestor') io.stderr.write(`psttm: using the plan in ${terminalText(displayPath(location.dir, io.cwd))}/\n`);
  return location;
}

/** Read and check the plan at `location`, with `today` as the date of its checks. */
export async function checkPlanAt(location: PlanLocation, today: string, io: Io): Promise<PlanCheck> {
  // The YAML and CSV readers and the validators load only for commands that read the plan, not for --help or schema.
  const [{ FolderSource }, { openPlan }] = await Promise.all([import('../load/source/folder-source.js'), import('../validate/open-plan.js')]);
  return openPlan(new FolderSource(location.dir, io.cwd), { today });
}

/** The plan model, or exit 1 naming the first error when the plan is not valid. */
export async function loadPlanModel(options: PlanOption, io: Io): Promise<PlanModel> {
  return requireModel(await loadPlan(options, io));
}

/** The model of a checked plan without errors, or exit 1 naming the first error: figures are computed only from a valid plan. */
export function requireModel(check: PlanCheck): PlanModel {
  const { errors } = countFindings(check.findings);
  if (check.model && errors === 0) return check.model;
  const first = check.findings.find((finding) => finding.severity === 'error');
  const where = first ? ` (first: ${first.file}:${first.line}:${first.column} ${first.code})` : '';
  throw new FailingFindingsError(`the plan has ${errors} error${errors === 1 ? '' : 's'}${where}; run psttm validate to see them all`);
}
