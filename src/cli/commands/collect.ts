import { Option } from 'commander';
import path from 'node:path';
import type { LeadGroup } from '../../compute/data-round.js';
import { UsageError } from '../../core/errors.js';
import { displayPath } from '../../io/display-path.js';
import { packageVersion } from '../../io/package-paths.js';
import type { OutputFile } from '../../io/write-outputs.js';
import type { YamlFile } from '../../load/yaml-file.js';
import { daysAfter } from '../../model/dates.js';
import { FORM_FORMAT_VERSION, type FormMetadata } from '../../model/form-layout.js';
import type { PlanModel } from '../../model/plan-model.js';
import { comuneSlug } from '../../model/reference.js';
import { FINDINGS_FORMATS } from '../../render/findings/formats.js';
import { LABELS, REPORT_LANGUAGES, type Labels, type ReportLanguage } from '../../render/labels.js';
import { terminalText } from '../../render/terminal/terminal-text.js';
import { addAsOfOption, asOfDate, type AsOfOption } from '../as-of.js';
import { FORMS_FOLDER, runStatus, type StatusOptions } from '../collect-status.js';
import type { CollectImportOptions } from '../collect-import.js';
import type { RegisterCommand } from '../command.js';
import type { Io } from '../io.js';
import { addLanguageOption } from '../language.js';
import { requireOutputFolder } from '../output-folder.js';
import { collect, parseIsoDate, parseText } from '../parse-options.js';
import { addPlanOption, checkPlanAt, findPlan, requireModel, type PlanOption } from '../plan-input.js';
import { didYouMean } from '../plan-lookup.js';
import { todayOf } from '../today.js';

/** How long a lead has to return the form unless --due says otherwise: the 30 days Italian offices usually give. */
const DEFAULT_DAYS_TO_RETURN = 30;
/** File names stay readable and well inside every file system's limit. */
const MAX_SLUG_LENGTH = 60;
/** Up to this many leads, an unknown --lead lists them all. */
const LEADS_LISTED = 10;

interface FormsOptions extends PlanOption, AsOfOption {
  lead: string[];
  out: string;
  due?: string;
  replyTo?: string;
  lang: ReportLanguage;
  force?: boolean;
  eml?: boolean;
  json?: boolean;
}

export const registerCollect: RegisterCommand = (program, { io, exit }) => {
  const command = program.command('collect').description('the yearly data round: forms for the project leads to fill in, and where the round stands');
  addAsOfOption(addPlanOption(command.command('forms')))
    .description("write one .xlsx form per project lead, holding only that lead's projects, to fill in with the year's figures")
    .addOption(new Option('--lead <name>', "only this lead's form (its lead.name); repeat for more").argParser(collect).default([], 'every lead'))
    .option('--out <dir>', 'folder to write the forms into', parseText, FORMS_FOLDER)
    .option('--due <date>', `date by which to return the form (YYYY-MM-DD; default: ${DEFAULT_DAYS_TO_RETURN} days after the as-of date)`, parseIsoDate)
    .option('--reply-to <text>', "who answers questions and receives the filled forms, e.g. an office and its e-mail (default: the plan's authority)", parseText)
    .addOption(new Option('--lang <language>', 'language of the forms').choices(REPORT_LANGUAGES).default('it'))
    .option('--eml', "also write beside each form a ready-to-send e-mail (.eml) to the lead's contact with the form attached; nothing is sent")
    .option('--force', 'overwrite forms that already exist')
    .option('--json', 'print the written forms as JSON')
    .action(async (options: FormsOptions) => exit(await runForms(options, io)));
  addPlanOption(command.command('status'))
    .description('per lead: projects, forms sent, forms returned, values received, stale projects, indicators without any value')
    .option('--forms <dir>', `folder of the forms collect forms wrote (default: ${FORMS_FOLDER})`, parseText)
    .option('--json', 'print JSON (see the README for its shape)')
    .action(async (options: StatusOptions) => exit(await runStatus(options, io)));
  addLanguageOption(addPlanOption(command.command('import')))
    .description('check returned forms and merge their values into the project files, each with the form as its source')
    .argument('<file...>', 'the returned forms (.xlsx, as Excel or LibreOffice saves them)')
    .addOption(new Option('--format <format>', 'how the findings of the forms are printed').choices(FINDINGS_FORMATS))
    .option('--json', 'print what changes as JSON')
    .option('--dry-run', 'print what would change and write nothing')
    .option('--force', "take the form's value where the project file has a different one written after the form was made")
    .action(async (files: string[], options: CollectImportOptions) => {
      const [{ runCollectImport }, { retryWhenChanged }] = await Promise.all([import('../collect-import.js'), import('../write-project.js')]);
      exit(await retryWhenChanged(() => runCollectImport(files, options, io)));
    });
};

async function runForms(options: FormsOptions, io: Io): Promise<number> {
  const outDir = path.resolve(io.cwd, options.out);
  requireOutputFolder(outDir, `--out ${options.out}`, io.cwd);
  const today = todayOf(options, io);
  const check = await checkPlanAt(findPlan(options, io), today, io);
  const model = requireModel(check);
  const asOf = asOfDate(options, io);
  const [{ leadGroups, dateWindow, formRows }, { yamlFileSha256, formId }, { formRenderer }, { writeOutputs }, { formEmail }] = await Promise.all([
    import('../../compute/data-round.js'),
    import('../../load/form-hashes.js'),
    import('../../render/xlsx/form-workbook.js'),
    import('../../io/write-outputs.js'),
    options.eml ? import('../../render/email/form-email.js') : { formEmail: undefined },
  ]);
  const window = dateWindow(model, asOf);
  if (!window) throw new UsageError(`--as-of ${asOf} is before the plan period (${model.period.start}-${model.period.end}): forms collect data of the plan period; give a later date`);
  const due = options.due ?? daysAfter(asOf, DEFAULT_DAYS_TO_RETURN);
  if (due < asOf) throw new UsageError(`--due ${due} is before the as-of date ${asOf}; give a later date`);
  const { leads, withoutLead } = leadGroups(model.projects);
  const chosen = options.lead.length === 0 ? leads : options.lead.flatMap((name) => requireLeads(leads, name));
  const labels = LABELS[options.lang];
  const renderForm = await formRenderer(labels);

  const planFile = check.files.plan;
  const planDir = path.dirname(planFile.absPath);
  const projectFiles = new Map(check.files.projects.map((file) => [file.displayPath, file]));
  const hashed = (file: YamlFile) => ({ path: path.relative(planDir, file.absPath).split(path.sep).join('/'), sha256: yamlFileSha256(file) });
  const slugs = new Set<string>();
  const replyTo = options.replyTo ?? replyToOf(model);
  const output = (file: string, bytes: Buffer): OutputFile => ({ path: file, displayPath: displayPath(file, io.cwd), content: bytes });
  const forms: { file: OutputFile; eml: OutputFile | undefined; lead: LeadGroup; counts: { indicators: number; milestones: number } }[] = [];
  for (const lead of [...new Set(chosen)]) {
    const files = [hashed(planFile), ...lead.projects.map((project) => hashed(projectFiles.get(project.file)!))];
    const metadata = formMetadata({ formId: formId(lead.name, asOf, files), planId: model.id, lead: lead.name, asOf, due, language: options.lang, files }, labels);
    const rows = formRows(lead.projects, asOf);
    const content = await renderForm({ lead, rows, metadata, planTitle: model.shortTitle, window, replyTo });
    const stem = path.join(outDir, `${labels.form.fileStem}-${uniqueSlug(lead.name, metadata.formId, slugs)}-${asOf}`);
    const email =
      formEmail &&
      (await formEmail({ lead: lead.name, contact: lead.contact, planTitle: model.shortTitle, formId: metadata.formId, asOf, due, replyTo, date: today, attachment: { fileName: path.basename(`${stem}.xlsx`), content } }, labels));
    forms.push({ file: output(`${stem}.xlsx`, content), eml: email && output(`${stem}.eml`, email), lead, counts: { indicators: rows.indicators.length, milestones: rows.milestones.length } });
  }
  await writeOutputs(
    forms.flatMap((form) => (form.eml ? [form.file, form.eml] : [form.file])),
    { force: options.force === true },
  );

  // Said whatever the output format: a project without a lead is missing from every form.
  if (options.lead.length === 0 && withoutLead.length > 0) io.stderr.write(`psttm: ${withoutLeadNotice(withoutLead.map((project) => project.id))}\n`);
  for (const { eml, lead } of forms) {
    if (eml && !lead.contact) io.stderr.write(`psttm: ${terminalText(eml.displayPath)} has no recipient: no project of ${terminalText(lead.name)} names lead.contact; add one, or fill in the recipient before sending\n`);
  }
  if (options.json) {
    const { toJsonText } = await import('../../render/json/plan-json.js');
    const files = forms.map(({ file, eml, lead, counts }) => ({ lead: lead.name, path: file.displayPath, ...(eml && { eml: eml.displayPath }), projects: lead.projects.length, ...counts }));
    io.stdout.write(toJsonText({ asOf, due, language: options.lang, files, withoutLead: options.lead.length === 0 ? withoutLead.map((project) => project.id) : [] }));
  } else {
    for (const { file, eml } of forms) io.stdout.write(`${terminalText(file.displayPath)}\n${eml ? `${terminalText(eml.displayPath)}\n` : ''}`);
  }
  return 0;
}

/** What a form's hidden sheet records: the run's facts, and the words of the form's language that a reader must map back. */
function formMetadata(facts: Pick<FormMetadata, 'formId' | 'planId' | 'lead' | 'asOf' | 'due' | 'language' | 'files'>, labels: Labels): FormMetadata {
  return {
    ...facts,
    formatVersion: FORM_FORMAT_VERSION,
    psttmVersion: packageVersion(),
    sheets: { ...labels.form.sheets },
    statusLabels: { ...labels.projectStatus },
    answerLabels: { yes: labels.form.yes, no: labels.form.no },
  };
}

function withoutLeadNotice(ids: readonly string[]): string {
  const list = terminalText(ids.join(', '));
  return ids.length === 1 ? `1 project names no lead and gets no form: ${list}; add lead to its file to include it` : `${ids.length} projects name no lead and get no form: ${list}; add lead to their files to include them`;
}

/** The leads named by --lead (their exact name, any case: names that differ only in case are all taken), or a usage error naming the leads. */
function requireLeads(leads: readonly LeadGroup[], input: string): LeadGroup[] {
  const wanted = input.trim().toLocaleLowerCase('it');
  const named = leads.filter((candidate) => candidate.name.toLocaleLowerCase('it') === wanted);
  if (named.length > 0) return named;
  const names = leads.map((candidate) => candidate.name);
  const known = names.length <= LEADS_LISTED ? `the leads are ${names.map((name) => `"${name}"`).join(', ')}` : `the plan's projects name ${names.length} leads (lead.name in plan/projects/)`;
  throw new UsageError(`--lead ${input}: no project has this lead${didYouMean(input.trim(), names)}; ${known}`);
}

/** Who answers questions when --reply-to names nobody: the plan's authority. */
function replyToOf(model: PlanModel): string {
  return model.authority ?? model.title;
}

/** A lead's name as a file-name slug, cut at a word; two leads with the same slug tell apart by their form id. */
function uniqueSlug(name: string, id: string, used: Set<string>): string {
  let slug = comuneSlug(name) || 'capofila';
  if (slug.length > MAX_SLUG_LENGTH) slug = slug.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, '');
  if (used.has(slug)) slug = `${slug}-${id.slice(0, 8)}`;
  used.add(slug);
  return slug;
}
