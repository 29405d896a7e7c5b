import { initiativeBase, type IndicatorResult, type ObjectiveResult, type ProgressReport, type ProjectResult } from '../../compute/progress.js';
import { itemsThatCouldHaveData, type RollUp } from '../../compute/roll-up.js';
import { statusRule, type GapReason, type Measure, type Status, type Thresholds } from '../../compute/status.js';
import { indicatorJson, projectJson, rollUpJson } from './monitoring-json.js';

/** One item of a weighted mean: what it weighs and what it brings. */
interface MeanItem {
  id: string;
  weight: number;
  measure: Measure | undefined;
  status: Status;
  gap: GapReason | undefined;
}

/** The status rule's reason for a measured figure (null without one): the comparison that decided the status. */
function statusReason(measure: Measure | undefined, thresholds: Thresholds) {
  return measure ? statusRule(measure, thresholds).reason : null;
}

/** `why --json` of a roll-up (plan, mission, objective): its figures, the rule's reason and the items of its weighted mean. */
function rollUpWhy(level: 'plan' | 'mission' | 'objective', id: string, asOf: string, result: RollUp, gap: GapReason | undefined, items: readonly MeanItem[], thresholds: Thresholds) {
  return {
    level,
    id,
    asOf,
    ...rollUpJson(result),
    gap: gap ?? null,
    weightTotal: result.weightTotal,
    statusReason: result.status === 'insufficient_data' ? { rule: 'insufficient_data' as const, withData: result.counted, couldHaveData: itemsThatCouldHaveData(result), minDataShare: thresholds.min_data_share } : statusReason(result.measure, thresholds),
    items: items.map((item) => ({ id: item.id, weight: item.weight, progress: item.measure?.progress ?? null, expected: item.measure?.expected ?? null, status: item.status, gap: item.gap ?? null })),
  };
}

/** The plan's figure: its missions, equally weighted, and the projects it rests on. */
export function whyPlanJson(report: ProgressReport, thresholds: Thresholds) {
  const items = report.missions.map((mission) => ({ id: mission.id, weight: 1, measure: mission.rollUp.measure, status: mission.rollUp.status, gap: mission.gap }));
  return { ...rollUpWhy('plan', 'plan', report.asOf, report.plan, undefined, items, thresholds), base: initiativeBase(report) };
}

/** A mission's figure: its objectives, equally weighted. */
export function whyMissionJson(missionId: string, report: ProgressReport, thresholds: Thresholds) {
  const mission = report.missions.find((item) => item.id === missionId)!;
  const items = report.objectives.filter((objective) => objective.missionId === missionId).map((objective) => ({ id: objective.id, weight: 1, measure: objective.rollUp.measure, status: objective.rollUp.status, gap: objective.gap }));
  return rollUpWhy('mission', missionId, report.asOf, mission.rollUp, mission.gap, items, thresholds);
}

/** An objective's figure: its projects, weighted by their links. */
export function whyObjectiveJson(objective: ObjectiveResult, report: ProgressReport, thresholds: Thresholds) {
  const byId = new Map(report.projects.map((project) => [project.id, project]));
  const items = objective.contributions.map(({ projectId, weight }) => {
    const project = byId.get(projectId)!;
    return { id: projectId, weight, measure: project.measure, status: project.status, gap: project.gap };
  });
  return rollUpWhy('objective', objective.id, report.asOf, objective.rollUp, objective.gap, items, thresholds);
}

/** A project's figure: its indicators or its milestones. */
export function whyProjectJson(project: ProjectResult, report: ProgressReport, thresholds: Thresholds) {
  return { level: 'project' as const, asOf: report.asOf, ...projectJson(project), statusReason: statusReason(project.measure, thresholds) };
}

/** An indicator's figure: baseline, target and latest value. */
export function whyIndicatorJson(indicator: IndicatorResult, report: ProgressReport, thresholds: Thresholds) {
  return {
    level: 'indicator' as const,
    asOf: report.asOf,
    project: indicator.projectId,
    ...indicatorJson(indicator),
    ageMonths: indicator.ageMonths ?? null,
    statusReason: statusReason(indicator.measure, thresholds),
  };
}
