import { FOLDER_KINDS } from '../load/file-kinds.js';
import type { PlanFiles } from '../load/plan-files.js';
import { locateSpan } from '../load/positions.js';
import type { YamlFile } from '../load/yaml-file.js';
import type { ConsultationData, MissionData, PlanData, ProjectData } from '../model/plan-data.js';
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
  /** The plan model, when the plan has no errors. */
  model: PlanModel | undefined;
  /** The date the rules took as today (YYYY-MM-DD). */
  today: string;
}

/** Validate a plan's files (syntax, schema, then rules on what the schema accepted) and build its model. */
export function checkPlan(files: PlanFiles, validator: SchemaValidator, today: string): PlanCheck {
  const findings: Finding[] = [];
  const accept = <T>(kind: SchemaKind, file: YamlFile): CheckedFile<T> | undefined => {
    for (const finding of file.findings) findings.push(finding);
    if (file.findings.length > 0) return undefined;
    const schemaFindings = validator.validate(kind, file);
    for (const finding of schemaFindings) findings.push(finding);
    return schemaFindings.length === 0 ? { file, data: file.data as T } : undefined;
  };
  const plan = accept<PlanData>('plan', files.plan);
  const missions = files.missions.map((file) => accept<MissionData>(FOLDER_KINDS.missions.schema, file)).filter((mission) => mission !== undefined);
  const projects = files.projects.map((file) => accept<ProjectData>(FOLDER_KINDS.projects.schema, file)).filter((project) => project !== undefined);
  const consultations = files.consultations.map((file) => accept<ConsultationData>(FOLDER_KINDS.consultations.schema, file)).filter((consultation) => consultation !== undefined);

  const report: Report = (file, code, args, path, target = 'value') => {
    findings.push(makeFinding(code, args, { file: file.displayPath, ...locateSpan(file, path, target), path: path.join('/') }));
  };
  const context = { plan, planFile: files.plan, missions, missionFileCount: files.missions.length, projects, reference: files.reference, today };
  for (const rule of PLAN_RULES) rule(context, report);

  // Projects are checked against the plan model, so only once the plan itself has no errors.
  const hasErrors = () => findings.some((finding) => finding.severity === 'error');
  const projectModels = projects.map(({ file, data }) => ({ ...data, file: file.displayPath }));
  const planModel = plan && !hasErrors() ? buildPlanModel(plan.data, missions.map((mission) => mission.data), projectModels, consultations.map((consultation) => consultation.data), files.reference) : undefined;
  if (planModel) for (const rule of PROJECT_RULES) rule({ plan: planModel, projects, consultations, reference: files.reference, today }, report);

  findings.sort(compareFindings);
  return { files, findings, model: hasErrors() ? undefined : planModel, today };
}
