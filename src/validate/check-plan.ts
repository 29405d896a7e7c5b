import { FOLDER_KINDS, type FolderKind } from '../load/file-kinds.js';
import type { PlanFiles } from '../load/plan-files.js';
import { locateSpan } from '../load/positions.js';
import type { YamlFile } from '../load/yaml-file.js';
import type { ConsultationData, DupData, MissionData, PlanData, ProjectData } from '../model/plan-data.js';
import { buildPlanModel, type PlanModel } from '../model/plan-model.js';
import { compareFindings, makeFinding, type Finding } from '../findings/finding.js';
import { PLAN_RULES, PROJECT_RULES } from './rules/index.js';
import type { CheckedFile, Report } from './rules/rule.js';
import type { SchemaKind } from './schema-kinds.js';
import type { SchemaValidator } from './schema-validator.js';

export interface PlanCheck {
  files: PlanFiles;
  /** Every finding, sorted by file and position. */
  findings: Finding[];
  /**
   * The model of every usable file (see checkPlan), errors or not; undefined only when plan.yaml is
   * not usable. Commands that compute figures take it only from a plan without errors (requireModel).
   */
  model: PlanModel | undefined;
  /** The date the rules took as today (YYYY-MM-DD). */
  today: string;
}

/**
 * Validate a plan's files (syntax, schema, then every rule on every usable file) and build the model
 * of the usable files. A file is usable when it could be read and its schema accepts it once the
 * parts its schema errors are about are taken out (see SchemaValidator.validate): a misspelt key
 * leaves the rest of a project to the rules, a malformed list of objectives leaves nothing.
 */
export function checkPlan(files: PlanFiles, validator: SchemaValidator, today: string): PlanCheck {
  const findings: Finding[] = [];
  const accept = <T>(kind: SchemaKind, file: YamlFile): CheckedFile<T> | undefined => {
    for (const finding of file.findings) findings.push(finding);
    if (file.findings.length > 0) return undefined;
    const schema = validator.validate(kind, file);
    for (const finding of schema.findings) findings.push(finding);
    return schema.usable === undefined ? undefined : { file, data: schema.usable as T };
  };
  const usable = <T>(kind: FolderKind) => files[kind].map((file) => accept<T>(FOLDER_KINDS[kind].schema, file)).filter((checked) => checked !== undefined);
  const plan = accept<PlanData>('plan', files.plan);
  const missions = usable<MissionData>('missions');
  const projects = usable<ProjectData>('projects');
  const consultations = usable<ConsultationData>('consultations');
  const dups = usable<DupData>('dups');

  const report: Report = (file, code, args, path, target = 'value') => {
    findings.push(makeFinding(code, args, { file: file.displayPath, ...locateSpan(file, path, target), path: path.join('/') }));
  };
  const context = { plan, planFile: files.plan, missions, missionFileCount: files.missions.length, projects, reference: files.reference, today };
  for (const rule of PLAN_RULES) rule(context, report);

  const withFile = <T>({ file, data }: CheckedFile<T>) => ({ ...data, file: file.displayPath });
  const records = { projects: projects.map(withFile), consultations: consultations.map(({ data }) => data), dups: dups.map(withFile) };
  const model = plan && buildPlanModel(plan.data, missions.map((mission) => mission.data), records, files.reference);
  const planFiles = new Set([files.plan, ...files.missions].map((file) => file.displayPath));
  const planSound = !findings.some((finding) => finding.severity === 'error' && planFiles.has(finding.file));
  for (const rule of PROJECT_RULES) rule({ plan: model, planSound, projects, consultations, dups, reference: files.reference, today }, report);

  findings.sort(compareFindings);
  return { files, findings, model, today };
}
