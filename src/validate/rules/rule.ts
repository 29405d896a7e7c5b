import type { DataPath } from '../../load/positions.js';
import type { YamlFile } from '../../load/yaml-file.js';
import type { ConsultationData, MissionData, PlanData, ProjectData } from '../../model/plan-data.js';
import type { PlanModel } from '../../model/plan-model.js';
import type { Reference } from '../../model/reference.js';
import type { FindingArgs } from '../../findings/finding-args.js';
import type { FindingCode } from '../../findings/finding-codes.js';

/** A file whose data its schema has accepted, so rules may rely on its shape. */
export interface CheckedFile<T> {
  file: YamlFile;
  data: T;
}

export interface PlanRuleContext {
  /** plan.yaml, or undefined when it failed its schema (rules that need it then stay silent). */
  plan: CheckedFile<PlanData> | undefined;
  planFile: YamlFile;
  /** The mission files that passed their schema, in natural file-name order. */
  missions: CheckedFile<MissionData>[];
  /** How many mission files there are, valid or not. */
  missionFileCount: number;
  /** The project files that passed their schema. */
  projects: CheckedFile<ProjectData>[];
  reference: Reference;
  /** Today's date (ISO), for rules about the future and staleness. */
  today: string;
}

/** Rules about projects, run once the plan itself is valid: they check links against the plan model. */
export interface ProjectRuleContext {
  plan: PlanModel;
  projects: CheckedFile<ProjectData>[];
  consultations: CheckedFile<ConsultationData>[];
  reference: Reference;
  today: string;
}

export type ProjectRule = (context: ProjectRuleContext, report: Report) => void;

/** Report a finding at a data path of a file, with the args its message is rendered from; severity comes from the code. */
export type Report = <C extends FindingCode>(file: YamlFile, code: C, args: FindingArgs[C], path: DataPath, target?: 'key' | 'value') => void;

export type PlanRule = (context: PlanRuleContext, report: Report) => void;
