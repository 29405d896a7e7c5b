import { parseObjectiveId } from './ids.js';
import type { ConsultationData, DupData, LeadKind, MissionData, MonitoringData, NamedTextData, PlanData, ProjectData } from './plan-data.js';
import type { Reference } from './reference.js';

interface ActorColumn {
  id: string;
  label: string;
  labelEn: string;
  /** The kind of project lead that works in this column. */
  leadKind: LeadKind;
}

export interface Objective {
  id: string;
  missionId: string;
  number: number;
  title: string;
  /** Actor column id → whether the plan marks it, for every column of the plan. */
  actors: Record<string, boolean>;
  /** The ids it had before a renumbering, or of the objectives it replaces. */
  supersedes: string[];
}

export interface Mission {
  id: string;
  number: number;
  title: string;
  pnrrMission: string;
  description: string;
  themes: string[];
  /** False when the source lacks the mission's objectives table (mission 6). */
  objectivesTranscribed: boolean;
  objectives: Objective[];
}

/** A project as its file states it, and the file it comes from. */
export interface Project extends ProjectData {
  file: string;
}

/** A comune's DUP as its file states it, and the file it comes from. */
export interface Dup extends DupData {
  file: string;
}

/** The plan, typed and indexed, built once from the data of its usable files (see checkPlan). */
export interface PlanModel {
  id: string;
  title: string;
  shortTitle: string;
  authority: string | undefined;
  period: { start: number; end: number };
  source: { title: string; section?: string };
  vision: { summary: string; keywords: NamedTextData[] };
  actionCoordinates: NamedTextData[];
  directions: PlanData['directions'];
  actorColumns: ActorColumn[];
  /** The plan's thresholds, defaults filled in. */
  monitoring: Required<MonitoringData>;
  missions: Mission[];
  /** Every objective in plan order (mission by mission, by number). */
  objectives: Objective[];
  missionById: ReadonlyMap<string, Mission>;
  objectiveById: ReadonlyMap<string, Objective>;
  /**
   * Former objective id → the id of the objective that supersedes it, for ids no objective has now
   * (the first objective to name one wins; validate reports the rest). Links to a former id count
   * for its successor: see currentObjectiveId.
   */
  supersededBy: ReadonlyMap<string, string>;
  projects: Project[];
  projectById: ReadonlyMap<string, Project>;
  consultations: ConsultationData[];
  /** The comuni's DUPs, in file order. */
  dups: Dup[];
  /** A comune's DUP by ISTAT code (the first file, when two name one comune). */
  dupByIstat: ReadonlyMap<string, Dup>;
  reference: Reference;
}

/** The share of items with data below which a roll-up has insufficient data, when plan.yaml sets none (after Open SDG). */
const DEFAULT_MIN_DATA_SHARE = 0.5;

/** The records of a plan's files beside plan.yaml and the missions. */
export interface PlanRecords {
  projects: readonly Project[];
  consultations: readonly ConsultationData[];
  dups: readonly Dup[];
}

export function buildPlanModel(plan: PlanData, missionData: readonly MissionData[], { projects, consultations, dups }: PlanRecords, reference: Reference): PlanModel {
  const actorColumns = plan.actor_columns.map((column) => ({ id: column.id, label: column.label, labelEn: column.label_en ?? column.label, leadKind: column.lead_kind }));
  const missions = missionData
    .map((mission): Mission => ({
      id: mission.id,
      number: Number(mission.id.slice(1)),
      title: mission.title,
      pnrrMission: mission.pnrr_mission,
      description: mission.description,
      themes: mission.themes,
      objectivesTranscribed: mission.objectives_status === 'transcribed',
      objectives: mission.objectives
        .map((objective) => ({
          id: objective.id,
          missionId: mission.id,
          number: parseObjectiveId(objective.id)?.number ?? 0,
          title: objective.title,
          actors: Object.fromEntries(actorColumns.map((column) => [column.id, objective.actors[column.id] === true])),
          supersedes: objective.supersedes ?? [],
        }))
        .sort((a, b) => a.number - b.number),
    }))
    .sort((a, b) => a.number - b.number);
  const objectives = missions.flatMap((mission) => mission.objectives);
  const objectiveById = new Map(objectives.map((objective) => [objective.id, objective]));
  return {
    id: plan.id,
    title: plan.title,
    shortTitle: plan.short_title ?? plan.title,
    authority: plan.authority,
    period: plan.period,
    source: plan.source,
    vision: plan.vision,
    actionCoordinates: plan.action_coordinates,
    directions: plan.directions,
    actorColumns,
    monitoring: { ...plan.monitoring, min_data_share: plan.monitoring.min_data_share ?? DEFAULT_MIN_DATA_SHARE },
    missions,
    objectives,
    missionById: new Map(missions.map((mission) => [mission.id, mission])),
    objectiveById,
    supersededBy: supersessions(objectives, objectiveById),
    projects: [...projects],
    projectById: new Map(projects.map((project) => [project.id, project])),
    consultations: [...consultations],
    dups: [...dups],
    dupByIstat: new Map([...dups].reverse().map((dup) => [dup.comune.istat, dup])),
    reference,
  };
}

/** Each former id an objective supersedes that no objective has now, mapped to the first objective naming it. */
function supersessions(objectives: readonly Objective[], objectiveById: ReadonlyMap<string, Objective>): Map<string, string> {
  const supersededBy = new Map<string, string>();
  for (const objective of objectives) {
    for (const former of objective.supersedes) if (!objectiveById.has(former) && !supersededBy.has(former)) supersededBy.set(former, objective.id);
  }
  return supersededBy;
}
