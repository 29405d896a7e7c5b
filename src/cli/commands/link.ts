import type { Command } from 'commander';
import { InputError, UsageError, WriteError } from '../../core/errors.js';
import { closestMatch } from '../../model/did-you-mean.js';
import { normalizeId } from '../../model/ids.js';
import type { YamlFile } from '../../load/yaml-file.js';
import type { PlanModel, Project } from '../../model/plan-model.js';
import type { PlanCheck } from '../../validate/check-plan.js';
import type { RegisterCommand } from '../command.js';
import type { Io } from '../io.js';
import { addLanguageOption, chooseLanguage, type LanguageOption } from '../language.js';
import { parseShare, parseText } from '../parse-options.js';
import { didYouMean, requireObjective } from '../plan-lookup.js';
import { addPlanOption, loadPlan, requireModel, type PlanOption } from '../plan-input.js';
import { retryWhenChanged, writeProjectFile, type ProjectTarget } from '../write-project.js';

interface EditTarget extends ProjectTarget {
  file: YamlFile;
}

interface LinkOptions extends PlanOption, LanguageOption {
  weight: number[];
  note?: string;
  json?: boolean;
}

interface UnlinkOptions extends PlanOption, LanguageOption {
  json?: boolean;
}

export const registerLink: RegisterCommand = (program, { io, exit }) => {
  editCommand(program, 'link')
    .description("link a project to objectives (or update a link's weight or note), editing its file in place")
    .option('--weight <w>', 'share of the project serving the objective, above 0 and at most 1: once for all objectives, or once per objective', collectWeight, [])
    .option('--note <text>', 'why the project serves the objective', parseText)
    .action(async (project: string, objectives: string[], options: LinkOptions) => exit(await retryWhenChanged(() => runLink(project, objectives, options, io))));
  editCommand(program, 'unlink')
    .description('remove links from a project to objectives, editing its file in place')
    .action(async (project: string, objectives: string[], options: UnlinkOptions) => exit(await retryWhenChanged(() => runUnlink(project, objectives, options, io))));
};

function editCommand(program: Command, name: string): Command {
  return addLanguageOption(addPlanOption(program.command(name)))
    .argument('<project>', 'project id (its file name without .yaml)')
    .argument('<objective...>', 'objective ids (M1.8 or 1.8)')
    .option('--json', 'print the resulting links as JSON');
}

function collectWeight(value: string, previous: number[]): number[] {
  return [...previous, parseShare(value)];
}

async function runLink(projectId: string, inputs: string[], options: LinkOptions, io: Io): Promise<number> {
  const { check, model, project, target } = await openProject(projectId, options, io);
  const ids = unique(inputs.map((input) => requireObjective(model, input)));
  if (options.weight.length > 1 && options.weight.length !== ids.length) {
    throw new UsageError(`--weight given ${options.weight.length} times for ${ids.length} objectives; give it once for all, or once per objective`);
  }
  const changes = ids.map((id, index) => ({ id, weight: options.weight.length > 1 ? options.weight[index] : options.weight[0], note: options.note }));
  const { linkObjectives } = await import('../../edit/objective-links.js');
  const text = linkObjectives(target.file, changes);
  const expected = unique([...project.objectives.map((link) => link.id), ...ids]);
  return finishEdit(check, project, target, text, expected, options, io);
}

async function runUnlink(projectId: string, inputs: string[], options: UnlinkOptions, io: Io): Promise<number> {
  const { check, project, target } = await openProject(projectId, options, io);
  const linked = project.objectives.map((link) => link.id);
  const ids = unique(inputs.map(normalizeId));
  for (const id of ids) {
    if (!linked.includes(id)) throw new UsageError(`${project.id} does not link to ${id}; its links: ${linked.join(', ') || 'none'}`);
  }
  const { unlinkObjectives } = await import('../../edit/objective-links.js');
  const text = unlinkObjectives(target.file, ids);
  return finishEdit(check, project, target, text, linked.filter((id) => !ids.includes(id)), options, io);
}

async function openProject(projectId: string, options: PlanOption, io: Io): Promise<{ check: PlanCheck; model: PlanModel; project: Project; target: EditTarget }> {
  const check = await loadPlan(options, io, { edits: true });
  const model = requireModel(check);
  const project = model.projectById.get(projectId.trim());
  if (!project) throw new UsageError(`${projectId}: no project with that id${didYouMean(projectId, model.projectById.keys())} (psttm list projects shows them all)`);
  const file = check.files.projects.find((candidate) => candidate.displayPath === project.file);
  if (!file) throw new InputError(`${project.file}: the file of ${project.id} is no longer readable`);
  return { check, model, project, target: { absPath: file.absPath, displayPath: file.displayPath, file } };
}

/**
 * Verify the bytes to be written decode to the edited text (byte order mark kept) and say what was
 * meant, check them against the plan, write them, and report.
 */
async function finishEdit(check: PlanCheck, project: Project, target: EditTarget, text: string, expected: string[], options: { json?: boolean } & LanguageOption, io: Io): Promise<number> {
  const changed = text !== target.file.text;
  if (changed) {
    const { linkedIds } = await import('../../edit/objective-links.js');
    const verify = (edited: YamlFile) => {
      if (edited.text !== text || edited.bom !== target.file.bom) {
        throw new WriteError(`nothing written: the bytes for ${target.displayPath} would not read back as the edited text (a psttm bug; please report it with the file)`);
      }
      const actual = edited.doc ? linkedIds(edited.doc) : [];
      if (actual.join(' ') !== expected.join(' ')) {
        throw new WriteError(`nothing written: editing ${target.displayPath} would give the links ${actual.join(', ')} instead of ${expected.join(', ')} (a psttm bug; please report it with the file)`);
      }
    };
    await writeProjectFile(check, target, (target.file.bom ? '\uFEFF' : '') + text, io, { force: true, editedFrom: target.file.text, verify, language: chooseLanguage(options, io.env) });
  }
  if (options.json) {
    const { toJsonText } = await import('../../render/json/plan-json.js');
    io.stdout.write(toJsonText({ project: project.id, file: target.displayPath, changed, objectives: expected }));
  } else {
    io.stdout.write(changed ? `${project.id}: now linked to ${expected.join(', ') || 'no objective'} (${target.displayPath})\n` : `${project.id}: nothing to change; linked to ${expected.join(', ')}\n`);
  }
  return 0;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
