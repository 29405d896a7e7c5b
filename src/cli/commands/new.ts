import path from 'node:path';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { displayPath } from '../../io/display-path.js';
import { closestMatch } from '../../model/did-you-mean.js';
import { LEAD_KINDS, PROJECT_STATUSES, type ActorData, type LeadKind, type ProjectData, type ProjectStatus } from '../../model/plan-data.js';
import type { PlanModel } from '../../model/plan-model.js';
import type { RegisterCommand } from '../command.js';
import type { Io } from '../io.js';
import { addLanguageOption, chooseLanguage, type LanguageOption } from '../language.js';
import { collect, parseIsoDate, parseText } from '../parse-options.js';
import { addPlanOption, loadPlan, requireModel, type PlanOption } from '../plan-input.js';
import { didYouMean, requireObjective } from '../plan-lookup.js';
import { schemaReference } from '../schema-reference.js';
import { writeProjectFile } from '../write-project.js';

interface NewProjectOptions extends PlanOption, LanguageOption {
  title: string;
  leadKind: LeadKind;
  lead: string;
  leadIstat?: string;
  summary?: string;
  status: ProjectStatus;
  objective: string[];
  zone: string[];
  comune: string[];
  start?: string;
  end?: string;
  cup?: string;
  force?: boolean;
}

const PROJECT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const registerNew: RegisterCommand = (program, { io, exit }) => {
  const create = program.command('new').description('create a file for a new item of the plan');
  addLanguageOption(addPlanOption(create.command('project')))
    .description('create plan/projects/<id>.yaml, valid against the plan, without overwriting')
    .argument('<id>', 'project id, kebab-case (becomes the file name)')
    .requiredOption('--title <text>', 'name of the project', parseText)
    .addOption(new Option('--lead-kind <kind>', 'kind of lead actor').choices(LEAD_KINDS).makeOptionMandatory())
    .requiredOption('--lead <name>', 'name of the lead (for a comune, its name finds its ISTAT code)', parseText)
    .option('--lead-istat <code>', "the lead comune's ISTAT code, when its name is not enough", parseText)
    .option('--summary <text>', 'what the project does', parseText)
    .addOption(new Option('--status <status>', 'where the project stands').choices(PROJECT_STATUSES).default('planned'))
    .option('--objective <id>', 'an objective it serves (repeatable)', collect, [])
    .option('--zone <name>', 'a zona omogenea it acts in (repeatable)', collect, [])
    .option('--comune <name-or-istat>', 'a comune it acts in (repeatable)', collect, [])
    .option('--start <date>', 'start date, YYYY-MM-DD', parseIsoDate)
    .option('--end <date>', 'end date, YYYY-MM-DD', parseIsoDate)
    .option('--cup <code>', 'Codice Unico di Progetto', parseText)
    .option('--force', 'replace an existing file')
    .action(async (id: string, options: NewProjectOptions) => exit(await runNewProject(id, options, io)));
};

async function runNewProject(id: string, options: NewProjectOptions, io: Io): Promise<number> {
  // The id becomes a file name, so it is checked before any path is built from it.
  if (!PROJECT_ID.test(id)) throw new UsageError(`${id}: a project id is kebab-case letters and digits (e.g. parco-nord-ciclabile)`);
  if (options.end !== undefined && options.start === undefined) throw new UsageError('--end needs --start');
  const check = await loadPlan(options, io, { edits: true });
  const model = requireModel(check);
  // loadPlan reads the plan from a folder, never from a git revision, so there is one to write into.
  const planFolder = check.files.source.folder!;
  const projectsDir = path.join(planFolder, 'projects');
  const absPath = path.join(projectsDir, `${id}.yaml`);
  const lead = leadActor(model, options);
  const project: ProjectData = {
    id,
    title: options.title,
    summary: options.summary,
    status: options.status,
    lead,
    territory: territory(model, options, lead),
    cup: options.cup,
    period: options.start === undefined ? undefined : { start: options.start, ...(options.end === undefined ? {} : { end: options.end }) },
    // M1.8 and 1.8 name one objective: it is linked once.
    objectives: [...new Set(options.objective.map((objective) => requireObjective(model, objective)))].map((objectiveId) => ({ id: objectiveId })),
    sources: [],
    updated: check.today,
  };
  const { newProjectText } = await import('../../edit/new-project.js');
  const schemaPath = schemaReference(planFolder, projectsDir, 'project');
  const target = { absPath, displayPath: displayPath(absPath, io.cwd) };
  await writeProjectFile(check, target, newProjectText(project, schemaPath), io, { force: options.force === true, language: chooseLanguage(options, io.env) });
  io.stdout.write(`${target.displayPath}\n`);
  return 0;
}

function leadActor(model: PlanModel, options: NewProjectOptions): ActorData {
  if (options.leadKind !== 'comune') return { kind: options.leadKind, name: options.lead };
  const comune = model.reference.findComune(options.leadIstat ?? options.lead.replace(/^comune di\s+/i, ''));
  if (!comune) throw new UsageError(`--lead ${options.lead}: not a comune of the metropolitan city${suggestComune(model, options.lead) || '; give its name as ISTAT lists it, or --lead-istat'}`);
  return { kind: 'comune', name: options.lead, istat: comune.istat };
}

function territory(model: PlanModel, options: NewProjectOptions, lead: ActorData): ProjectData['territory'] {
  if (options.zone.length > 0 && options.comune.length > 0) throw new UsageError('give --zone or --comune, not both: a territory is zones or comuni');
  if (options.zone.length > 0) {
    return {
      scope: 'zones',
      zones: options.zone.map((zone) => {
        const found = model.reference.findZone(zone);
        if (!found) throw new UsageError(`--zone ${zone}: not a zona omogenea; zones: ${model.reference.zones.join(', ')}`);
        return found;
      }),
    };
  }
  if (options.comune.length > 0) {
    return {
      scope: 'comuni',
      comuni: options.comune.map((name) => {
        const found = model.reference.findComune(name);
        if (!found) throw new UsageError(`--comune ${name}: not a comune of the metropolitan city${suggestComune(model, name)}`);
        return found.istat;
      }),
    };
  }
  // Without a territory given, a comune's project acts in that comune, any other in the whole metropolitan city.
  return lead.istat === undefined ? { scope: 'metropolitan' } : { scope: 'comuni', comuni: [lead.istat] };
}

function suggestComune(model: PlanModel, name: string): string {
  return didYouMean(name.replace(/^comune di\s+/i, ''), model.reference.comuni.map((comune) => comune.name));
}
