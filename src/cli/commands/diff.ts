import { realpathSync } from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import { InputError, UsageError } from '../../core/errors.js';
import { countFindings } from '../../findings/finding.js';
import { locatePlan } from '../../load/plan-location.js';
import type { PlanSource } from '../../load/source/plan-source.js';
import type { PlanCheck } from '../../validate/check-plan.js';
import { addAsOfOption, asOfDate, type AsOfOption } from '../as-of.js';
import { chalkFor } from '../color.js';
import type { RegisterCommand } from '../command.js';
import type { Io } from '../io.js';
import { parseText } from '../parse-options.js';
import { addPlanOption, type PlanOption } from '../plan-input.js';
import { todayOf } from '../today.js';

const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;

interface DiffOptions extends PlanOption, AsOfOption {
  format: (typeof DIFF_FORMATS)[number];
  json?: boolean;
}

export const registerDiff: RegisterCommand = (program, { io, exit }) => {
  addAsOfOption(addPlanOption(program.command('diff')))
    .description('what a change means for the plan, between two git revisions: objectives, projects, DUP links, consultations and the figures before and after; exit 1 when links are left dangling')
    .argument('[base]', 'the revision to compare from (default: where HEAD forks from the default branch, or from the pull request target)', parseText)
    .argument('[head]', 'the revision to compare to (default: the working tree)', parseText)
    .addOption(new Option('--format <format>', 'text, markdown (a pull-request comment) or json').choices(DIFF_FORMATS).default('text'))
    .option('--json', 'same as --format json')
    .action(async (base: string | undefined, head: string | undefined, options: DiffOptions) => exit(await runDiff(base, head, options, io)));
};

async function runDiff(baseRevision: string | undefined, headRevision: string | undefined, options: DiffOptions, io: Io): Promise<number> {
  const today = todayOf(options, io);
  const asOf = asOfDate(options, io);
  const location = locatePlan(options.plan, io.cwd);
  if (location.origin === 'shipped') throw new UsageError("no plan/ folder here or above: psttm diff compares revisions of your plan's git repository; run it there or pass --plan");
  const [{ gitTopLevel }, { GitRevisionSource, MissingPlanError }, { FolderSource }, { defaultDiffBase }, { openPlan }] = await Promise.all([
    import('../../load/source/git.js'),
    import('../../load/source/git-revision-source.js'),
    import('../../load/source/folder-source.js'),
    import('../../load/source/diff-base.js'),
    import('../../validate/open-plan.js'),
  ]);
  const planFolder = realpathSync(location.dir);
  const repository = await gitTopLevel(planFolder);
  if (repository === undefined) throw new InputError(`${planFolder} is not in a git repository (or git is not installed); psttm diff compares git revisions of the plan: commit the plan with git first`);
  const planPath = path.relative(repository, planFolder).split(path.sep).join('/');

  const base = baseRevision === undefined ? await defaultDiffBase(repository, io.env) : { revision: baseRevision, described: baseRevision };
  const planAt = async (revision: string) => {
    try {
      return await GitRevisionSource.open(repository, revision, planPath);
    } catch (error) {
      if (!(error instanceof MissingPlanError)) throw error;
      throw new InputError(`${planPath === '' ? 'plan.yaml' : `${planPath}/`} does not exist at ${revision === base.revision ? base.described : revision}, so there is nothing to compare; name revisions that both have it: psttm diff BASE [HEAD]`);
    }
  };
  const headSource: PlanSource = headRevision === undefined ? new FolderSource(location.dir, io.cwd) : await planAt(headRevision);
  const baseSource = await planAt(base.revision);
  const [before, after] = await Promise.all([openPlan(baseSource, { today }), openPlan(headSource, { today })]);
  const sides = { base: base.described, head: headRevision ?? 'working tree' };

  const [{ diffPlans }, { danglingLinks }] = await Promise.all([import('../../compute/diff/plan-diff.js'), import('../../validate/dangling-links.js')]);
  const baseModel = usableModel(before, sides.base);
  const headModel = usableModel(after, sides.head);
  const figuresNote = figuresWithheld(before, sides.base) ?? figuresWithheld(after, sides.head);
  const diff = diffPlans(baseModel, headModel, figuresNote === undefined ? asOf : undefined);
  const dangling = danglingLinks(diff.objectives, after);

  const format = options.json ? 'json' : options.format;
  if (format === 'json') {
    const [{ diffJson }, { toJsonText }] = await Promise.all([import('../../render/json/diff-json.js'), import('../../render/json/plan-json.js')]);
    io.stdout.write(toJsonText(diffJson(diff, dangling, sides, figuresNote)));
  } else {
    const { diffView } = await import('../../render/diff/diff-view.js');
    const view = diffView(diff, dangling, sides, figuresNote);
    if (format === 'markdown') io.stdout.write((await import('../../render/diff/diff-markdown.js')).diffMarkdown(view));
    else {
      const [{ diffText }, { terminalWidth }] = await Promise.all([import('../../render/diff/diff-text.js'), import('../../render/terminal/table.js')]);
      io.stdout.write(diffText(view, chalkFor(io.stdout, io.env), terminalWidth(io.stdout, io.env)));
    }
  }
  return dangling.length > 0 ? 1 : 0;
}

/** The model of one side; a side whose plan.yaml is unusable cannot be compared. */
function usableModel(check: PlanCheck, side: string) {
  if (check.model) return check.model;
  const first = check.findings.find((finding) => finding.severity === 'error');
  throw new InputError(`the plan in ${side} cannot be read (${first ? `${first.file}:${first.line}:${first.column} ${first.code}` : 'plan.yaml is unusable'}); fix it, or compare other revisions`);
}

/** Why no figures are computed: a side with errors, whose figures the other commands would refuse too. */
function figuresWithheld(check: PlanCheck, side: string): string | undefined {
  const { errors } = countFindings(check.findings);
  return errors === 0 ? undefined : `No figures: the plan has ${errors} error${errors === 1 ? '' : 's'} in ${side} (psttm validate lists them).`;
}
