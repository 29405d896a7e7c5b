import type { IndicatorData } from '../model/plan-data.js';
import type { PlanModel } from '../model/plan-model.js';
import { indicatorProgress, type IndicatorProgress } from './indicator-progress.js';
import { countedInitiatives, type Initiative, type InitiativeKind } from './initiatives.js';
import { milestoneProgress, type MilestoneProgress } from './milestone-progress.js';
import { rollUp, type RollUp } from './roll-up.js';
import type { GapReason, Measure, Status } from './status.js';

export interface IndicatorResult extends IndicatorProgress {
  id: string;
  projectId: string;
  indicator: IndicatorData;
  /** values: from baseline, target and actuals; milestones: a qualitative indicator takes its project's milestones. */
  method: 'values' | 'milestones';
}

/** The progress of one counted initiative (a project, or another kind). */
export interface ProjectResult {
  id: string;
  kind: InitiativeKind;
  title: string;
  indicators: IndicatorResult[];
  milestones: MilestoneProgress;
  /** How the project's figure was derived. */
  method: 'indicators' | 'milestones' | 'none';
  /** The mean of its measurable indicators, when method is indicators. */
  indicatorRollUp: RollUp;
  measure: Measure | undefined;
  status: Status;
  gap: GapReason | undefined;
}

export interface ObjectiveResult {
  id: string;
  missionId: string;
  /** Counted initiatives linked to the objective, with their share (link weight or 1/n). */
  contributions: { projectId: string; weight: number }[];
  rollUp: RollUp;
  gap: GapReason | undefined;
}

interface MissionResult {
  id: string;
  rollUp: RollUp;
  gap: GapReason | undefined;
}

export interface ProgressReport {
  asOf: string;
  plan: RollUp;
  missions: MissionResult[];
  objectives: ObjectiveResult[];
  projects: ProjectResult[];
}

/**
 * Progress and status as of a date, rolled up initiative → objective → mission → plan, of the
 * initiatives that count then (pass them when they are already built). Pure: the as-of date is an
 * input, and only data dated on or before it counts. Linear in the data.
 */
export function computeProgress(model: PlanModel, asOf: string, initiatives: readonly Initiative[] = countedInitiatives(model, asOf)): ProgressReport {
  const thresholds = model.monitoring;
  const projects = initiatives.map((initiative) => initiativeResult(initiative, model, asOf));
  const projectById = new Map(projects.map((result) => [result.id, result]));

  const contributionsByObjective = new Map<string, { projectId: string; weight: number }[]>();
  for (const initiative of initiatives) {
    for (const { objectiveId, share } of initiative.links) {
      const list = contributionsByObjective.get(objectiveId) ?? [];
      list.push({ projectId: initiative.id, weight: share });
      contributionsByObjective.set(objectiveId, list);
    }
  }

  const objectives = model.objectives.map((objective): ObjectiveResult => {
    const contributions = contributionsByObjective.get(objective.id) ?? [];
    const result = rollUp(
      contributions.map(({ projectId, weight }) => {
        const project = projectById.get(projectId)!;
        return { id: projectId, weight, measure: project.measure, status: project.status, gap: project.gap };
      }),
      thresholds,
    );
    const gap = result.measure ? undefined : result.overflow ? 'overflow' : contributions.length === 0 ? 'no_projects' : 'no_project_data';
    return { id: objective.id, missionId: objective.missionId, contributions, rollUp: result, gap };
  });
  const objectiveById = new Map(objectives.map((result) => [result.id, result]));

  const missions = model.missions.map((mission): MissionResult => {
    const children = mission.objectives.map((objective) => {
      const result = objectiveById.get(objective.id)!;
      return { id: objective.id, weight: 1, measure: result.rollUp.measure, status: result.rollUp.status, gap: result.gap };
    });
    const result = rollUp(children, thresholds);
    const gap = result.measure ? undefined : result.overflow ? 'overflow' : mission.objectivesTranscribed ? 'no_objective_data' : 'objectives_not_transcribed';
    return { id: mission.id, rollUp: result, gap };
  });
  const plan = rollUp(
    missions.map((mission) => ({ id: mission.id, weight: 1, measure: mission.rollUp.measure, status: mission.rollUp.status, gap: mission.gap })),
    thresholds,
  );
  return { asOf, plan, missions, objectives, projects };
}

// Results are built as whole object literals: spreading them in made this the hot spot at national scale.
function initiativeResult(initiative: Initiative, model: PlanModel, asOf: string): ProjectResult {
  const milestones = milestoneProgress(initiative.milestones, asOf, model.monitoring);
  const indicators = initiative.indicators.map((indicator): IndicatorResult => {
    if (indicator.kind === 'qualitative') {
      const { measure, status } = milestones;
      return { id: indicator.id, projectId: initiative.id, indicator, method: 'milestones', baseline: undefined, target: undefined, latest: undefined, measure, status, gap: measure ? undefined : 'no_measures', ageMonths: undefined };
    }
    const { baseline, target, latest, measure, status, gap, ageMonths } = indicatorProgress(indicator, asOf, model.monitoring);
    return { id: indicator.id, projectId: initiative.id, indicator, method: 'values', baseline, target, latest, measure, status, gap, ageMonths };
  });
  const measurable = indicators.filter((result) => result.method === 'values');
  const indicatorRollUp = rollUp(
    measurable.map((result) => ({ id: result.id, weight: 1, measure: result.measure, status: result.status, gap: result.gap })),
    model.monitoring,
  );
  const [method, measure, status, gap]: [ProjectResult['method'], Measure | undefined, Status, GapReason | undefined] = indicatorRollUp.measure
    ? ['indicators', indicatorRollUp.measure, indicatorRollUp.status, undefined]
    : milestones.measure
      ? ['milestones', milestones.measure, milestones.status, undefined]
      : ['none', undefined, 'no_data', indicatorRollUp.overflow ? 'overflow' : measurable.length > 0 ? 'no_indicator_data' : 'no_measures'];
  return { id: initiative.id, kind: initiative.kind, title: initiative.title, indicators, milestones, method, indicatorRollUp, measure, status, gap };
}

/** What the plan's progress rests on: the counted initiatives with a figure of their own, of all counted ("3 of 16; 13 without data"). */
export interface InitiativeBase {
  withData: number;
  initiatives: number;
}

export function initiativeBase(report: ProgressReport): InitiativeBase {
  return { withData: report.projects.filter((result) => result.measure !== undefined).length, initiatives: report.projects.length };
}
