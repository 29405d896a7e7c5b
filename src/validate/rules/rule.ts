import type { DataPath } from '../../load/positions.js';
import type { YamlFile } from '../../load/yaml-file.js';
import type { ConsultationData, DupData, MissionData, PlanData, ProjectData } from '../../model/plan-data.js';
import type { PlanModel } from '../../model/plan-model.js';
import type { Reference } from '../../model/reference.js';
import type { FindingArgs } from '../../findings/finding-args.js';
import type { FindingCode } from '../../findings/finding-codes.js';

/** A usable file: its data without the parts its schema rejected, so rules may rely on its shape. */
export interface CheckedFile<T> {
  file: YamlFile;
  data: T;
}

interface PlanRuleContext {
  /** plan.yaml, or undefined when it is not usable (rules that need it then stay silent). */
  plan: CheckedFile<PlanData> | undefined;
  planFile: YamlFile;
  /** The usable mission files, in natural file-name order. */
  missions: CheckedFile<MissionData>[];
  /** How many mission files there are, valid or not. */
  missionFileCount: number;
  /** The usable project files. */
  projects: CheckedFile<ProjectData>[];
  reference: Reference;
  /** Today's date (ISO), for rules about the future and staleness. */
  today: string;
}

/** Rules about projects, consultations and DUPs, run on every usable one whatever the plan's findings. */
export interface ProjectRuleContext {
  /** The model of the usable files, or undefined when plan.yaml is not usable (checks that need it then stay silent). */
  plan: PlanModel | undefined;
  /**
   * Whether plan.yaml and the mission files have no errors: only then are links to objectives judged,
   * since an error there (an unusable mission file, a missing objective, a misspelt actor column)
   * would otherwise be blamed on every project that links to the objectives it concerns.
   */
  planSound: boolean;
  projects: CheckedFile<ProjectData>[];
  consultations: CheckedFile<ConsultationData>[];
  dups: CheckedFile<DupData>[];
  reference: Reference;
  today: string;
}

export type ProjectRule = (context: ProjectRuleContext, report: Report) => void;

/** The model that links to objectives are judged against: that of a plan whose own files have no errors, else undefined. */
export function linkablePlan({ plan, planSound }: ProjectRuleContext): PlanModel | undefined {
  return planSound ? plan : undefined;
}

/** Report a finding at a data path of a file, with the args its message is rendered from; severity comes from the code. */
export type Report = <C extends FindingCode>(file: YamlFile, code: C, args: FindingArgs[C], path: DataPath, target?: 'key' | 'value') => void;

export type PlanRule = (context: PlanRuleContext, report: Report) => void;
