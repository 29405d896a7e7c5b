import path from 'node:path';
import { FailingFindingsError, InputError, UsageError } from '../core/errors.js';
import { countFindings, type Finding } from '../findings/finding.js';
import { displayPath } from '../io/display-path.js';
import { packageVersion } from '../io/package-paths.js';
import type { ReturnedForm } from '../load/spreadsheet/returned-form.js';
import type { SheetGrid } from '../load/spreadsheet/spreadsheet-file.js';
import type { YamlFile } from '../load/yaml-file.js';
import { formSourceId, type FormMetadata } from '../model/form-layout.js';
import type { ProjectData } from '../model/plan-data.js';
import type { Project } from '../model/plan-model.js';
import type { FindingsFormat } from '../render/findings/formats.js';
import { fillLabel, LABELS, REPORT_LANGUAGES, type Labels, type ReportLanguage } from '../render/labels.js';
import type { Language } from '../render/language.js';
import { terminalText } from '../render/terminal/terminal-text.js';
import type { FormTableGrids } from '../render/xlsx/form-workbook.js';
import type { PlanCheck } from '../validate/check-plan.js';
import type { FormEdit } from '../validate/returned-form.js';
import { chalkFor } from './color.js';
import type { Io } from './io.js';
import { chooseLanguage, type LanguageOption } from './language.js';
import { checkPlanAt, findPlan, requireModel, type PlanOption } from './plan-input.js';
import { todayOf } from './today.js';
import type { ProjectWrite } from './write-project.js';

export interface CollectImportOptions extends PlanOption, LanguageOption {
  format?: FindingsFormat;
  json?: boolean;
  dryRun?: boolean;
  force?: boolean;
}

/** What one project file gets from the forms of a run. */
interface ProjectMerge {
  project: Project;
  file: YamlFile;
  forms: { form: ReturnedForm; edits: FormEdit[] }[];
}

/**
 * `psttm collect import FILE…`: check every returned form, then merge the values of all of them into
 * the project files together, or write nothing. Cell errors stop the run (exit 1, nothing written);
 * conflicts leave their cells out and make the exit 1 once the rest is written.
 */
export async function runCollectImport(files: readonly string[], options: CollectImportOptions, io: Io): Promise<number> {
  const language = chooseLanguage(options, io.env);
  const today = todayOf(options, io);
  const check = await checkPlanAt(findPlan(options, io, { edits: true }), today, io);
  const model = requireModel(check);
  const [{ readRegularFile, READ_LIMITS }, { readReturnedForm }, { checkReturnedForm }, { mergeFormEdits }, { yamlFileSha256 }, { formRows, dateWindow }, { formTableGrids }] = await Promise.all([
    import('../io/bounded-read.js'),
    import('../load/spreadsheet/returned-form.js'),
    import('../validate/returned-form.js'),
    import('../edit/form-merge.js'),
    import('../load/form-hashes.js'),
    import('../compute/data-round.js'),
    import('../render/xlsx/form-workbook.js'),
  ]);
  const planDir = path.dirname(check.files.plan.absPath);
  const relative = (file: YamlFile) => path.relative(planDir, file.absPath).split(path.sep).join('/');
  const projectByFile = new Map(model.projects.map((project) => [project.file, project]));
  // Each project file by its path from the plan folder, as a form's metadata names it, with its current hash.
  const planFiles = new Map(check.files.projects.map((file) => [relative(file), { file, project: projectByFile.get(file.displayPath), sha256: yamlFileSha256(file) }]));
  const fileOfProject = new Map(check.files.projects.map((file) => [file.displayPath, file]));

  const findings: Finding[] = [];
  const merges = new Map<string, ProjectMerge>();
  const forms: ReturnedForm[] = [];
  const tableGrids = new Map<ReportLanguage, FormTableGrids>();
  for (const file of files) {
    const absFile = path.resolve(io.cwd, file);
    const shown = displayPath(absFile, io.cwd);
    const form = await readReturnedForm(readRegularFile(absFile, shown, READ_LIMITS.spreadsheet), shown);
    const { metadata } = form;
    if (metadata.planId !== model.id) throw new InputError(`${shown} is a form of the plan "${metadata.planId}", not of this plan ("${model.id}"); import it into its own plan`);
    const same = forms.find((other) => other.metadata.formId === metadata.formId);
    if (same) throw new UsageError(`${shown} is the same form as ${same.file} (form id ${metadata.formId.slice(0, 12)}); import one of them`);
    if (!(REPORT_LANGUAGES as readonly string[]).includes(metadata.language)) throw new InputError(`${shown}: the form's language "${metadata.language}" is not one psttm writes; make the form again with psttm collect forms`);
    forms.push(form);
    const { projects, changedProjects, unchanged } = formRevision(metadata, planFiles, relative(check.files.plan));
    const window = dateWindow(model, metadata.asOf);
    const formLanguage = metadata.language as ReportLanguage;
    let expected: SheetGrid[] | undefined;
    // The form's tables as they were sent can be made again only from the same files.
    if (unchanged && window) {
      if (!tableGrids.has(formLanguage)) tableGrids.set(formLanguage, await formTableGrids(LABELS[formLanguage]));
      expected = tableGrids.get(formLanguage)!({ rows: formRows(projects, metadata.asOf), metadata, window });
    }
    const result = checkReturnedForm(form, { model, formProjects: new Set(projects.map((project) => project.id)), changedProjects, expected, today, force: options.force === true });
    findings.push(...result.findings);
    for (const { project, edits } of result.projects) {
      const merge = merges.get(project.file) ?? { project, file: fileOfProject.get(project.file)!, forms: [] };
      merge.forms.push({ form, edits });
      merges.set(project.file, merge);
    }
  }

  const counts = countFindings(findings);
  const conflicts = findings.filter((finding) => finding.code === 'FORM_CONFLICT');
  if (counts.errors > 0) {
    await printFindings(findings, forms, check, options, language, io);
    throw new FailingFindingsError(`nothing written: the forms have ${counts.errors} error${counts.errors === 1 ? '' : 's'} (above); have them corrected and import them again`);
  }
  const writes: ProjectWrite[] = [...merges.values()].map(({ file, forms: edited }) => {
    const sources = edited.map(({ form, edits }) => ({ source: formSource(form, today), edits }));
    return { target: { absPath: file.absPath, displayPath: file.displayPath }, text: (file.bom ? '\uFEFF' : '') + mergeFormEdits({ displayPath: file.displayPath, text: file.text, data: file.data as ProjectData }, sources, today), editedFrom: file.text };
  });
  if (!options.dryRun) {
    const { writeProjectFiles } = await import('./write-project.js');
    await writeProjectFiles(check, writes, io, { force: true, language });
  }
  if (findings.length > 0 && !options.json) {
    // The conflicts and notes left out, like an edit's warnings, on stderr: stdout keeps the summary.
    const { findingLine } = await import('../render/findings/finding-line.js');
    const chalk = chalkFor(io.stderr, io.env);
    for (const finding of findings) io.stderr.write(`${findingLine(finding, language, chalk)}\n`);
  }
  const labels = LABELS[language].form.imported;
  if (options.json) {
    const { toJsonText } = await import('../render/json/plan-json.js');
    const projects = [...merges.values()].map(({ project, file, forms: edited }) => ({ project: project.id, file: file.displayPath, edits: edited.flatMap(({ form, edits }) => edits.map((edit) => ({ form: form.file, ...edit }))) }));
    const cell = ({ code, file, sheet, line, column, args }: Finding) => ({ code, file, sheet, row: line, column, ...args });
    const formsShown = forms.map((form) => ({ file: form.file, formId: form.metadata.formId, lead: form.metadata.lead, asOf: form.metadata.asOf, source: formSourceId(form.metadata.formId) }));
    const notesNotKept = findings.filter((finding) => finding.code === 'FORM_NOTE_NOT_KEPT');
    io.stdout.write(toJsonText({ dryRun: options.dryRun === true, written: !options.dryRun && writes.length > 0, forms: formsShown, projects, conflicts: conflicts.map(cell), notesNotKept: notesNotKept.map(cell) }));
  } else if (merges.size === 0) {
    io.stdout.write(`${labels.nothingNew}\n`);
  } else {
    for (const merge of merges.values()) io.stdout.write(mergeSummary(merge, options.dryRun === true, LABELS[language]));
  }
  if (conflicts.length === 0) return 0;
  io.stderr.write(`psttm: ${fillLabel(labels.conflicts, { count: String(conflicts.length) })}\n`);
  return 1;
}

/** The projects a form was made from that the plan still has, those of them whose files changed since (their SHA-256 differs from the recorded one), and whether none changed or went. */
function formRevision(metadata: FormMetadata, planFiles: ReadonlyMap<string, { project: Project | undefined; sha256: string }>, planPath: string): { projects: Project[]; changedProjects: Set<string>; unchanged: boolean } {
  const projects: Project[] = [];
  const changedProjects = new Set<string>();
  let missing = 0;
  for (const entry of metadata.files) {
    if (entry.path === planPath) continue;
    const project = planFiles.get(entry.path)?.project;
    if (!project) missing++;
    else if (planFiles.get(entry.path)!.sha256 !== entry.sha256) changedProjects.add(project.id);
    if (project) projects.push(project);
  }
  return { projects, changedProjects, unchanged: missing === 0 && changedProjects.size === 0 };
}

/** The `sources` entry of a returned form: named by the form's id, titled in the form's language with its lead, round and the day it was imported. */
function formSource(form: ReturnedForm, received: string): { id: string; title: string } {
  const { metadata } = form;
  const labels = LABELS[metadata.language as ReportLanguage].form.imported;
  return { id: formSourceId(metadata.formId), title: fillLabel(labels.sourceTitle, { asOf: metadata.asOf, lead: metadata.lead, received }) };
}

async function printFindings(findings: readonly Finding[], forms: readonly ReturnedForm[], check: PlanCheck, options: CollectImportOptions, language: Language, io: Io): Promise<void> {
  const { FINDINGS_FORMATTERS } = await import('../render/findings/index.js');
  const report = { tool: { name: 'psttm', version: packageVersion() }, planDir: check.files.source.name, files: forms.map((form) => form.file), findings: [...findings], counts: countFindings(findings), language };
  const formatter = await FINDINGS_FORMATTERS[options.format ?? 'stylish']();
  io.stdout.write(formatter(report, chalkFor(io.stdout, io.env)));
}

/** A project file's line with what it gets, then one line per value: `+ indicator value (date)`, `~ milestone…`. */
function mergeSummary(merge: ProjectMerge, dryRun: boolean, labels: Labels): string {
  const words = labels.form.imported;
  const lines = [`${terminalText(merge.file.displayPath)} (${dryRun ? words.dryRun : words.written})`];
  for (const { edits } of merge.forms) {
    for (const edit of edits) lines.push(`  ${edit.kind === 'actual' && edit.replaces === undefined ? '+' : '~'} ${terminalText(editText(edit, labels))}`);
  }
  return lines.join('\n') + '\n';
}

function editText(edit: FormEdit, labels: Labels): string {
  const words = labels.form.imported;
  switch (edit.kind) {
    case 'actual':
      return `${edit.indicator} ${edit.value} (${edit.date})`;
    case 'milestone':
      return fillLabel(words.milestone, { position: String(edit.position), date: edit.done });
    case 'status':
      return fillLabel(words.status, { value: labels.projectStatus[edit.value] });
    case 'end':
      return fillLabel(words.end, { value: edit.value });
    case 'funding':
      return fillLabel(words.funding, { position: String(edit.index + 1), value: String(edit.amount) });
  }
}
