import type { CoverageReport } from '../../compute/coverage.js';
import type { IndicatorResult, ProgressReport, ProjectResult } from '../../compute/progress.js';
import type { RollUp } from '../../compute/roll-up.js';

/** `psttm coverage --json` (shape documented in the README; stable). Shares are 0..1, or null when there is nothing to cover. */
export function coverageJson(report: CoverageReport) {
  const { plan } = report;
  return {
    asOf: report.asOf,
    initiatives: report.initiatives,
    plan: {
      objectives: plan.objectives,
      covered: plan.covered,
      share: plan.share,
      actorCells: plan.actorCells,
      funding: plan.funding,
      uncoveredObjectives: plan.uncoveredObjectives,
      unlinkedProjects: plan.unlinkedInitiatives,
      priorityGaps: plan.priorityGaps.map((gap) => ({ objective: gap.objectiveId, votes: gap.votes, rank: gap.rank })),
    },
    missions: report.missions.map((mission) => ({ id: mission.id, objectivesTranscribed: mission.objectivesTranscribed, objectives: mission.objectives, covered: mission.covered, share: mission.share, actorCells: mission.actorCells, funding: mission.funding })),
    actors: report.actors,
    objectives: report.objectives.map((objective) => ({
      id: objective.id,
      mission: objective.missionId,
      projects: objective.projects,
      projectIds: objective.initiatives,
      byLeadKind: objective.byLeadKind,
      funding: objective.funding,
      zones: objective.zones,
      actorCells: objective.actorCells,
      priority: objective.priority ? { votes: objective.priority.votes, rank: objective.priority.rank, share: objective.priority.share } : null,
    })),
    zones: report.zones,
  };
}

/** `psttm progress --json` (shape documented in the README; stable). Progress is raw (may exceed 1 or be negative). */
export function progressJson(report: ProgressReport) {
  return {
    asOf: report.asOf,
    plan: rollUpJson(report.plan),
    missions: report.missions.map((mission) => ({ id: mission.id, ...rollUpJson(mission.rollUp), gap: mission.gap ?? null })),
    objectives: report.objectives.map((objective) => ({
      id: objective.id,
      mission: objective.missionId,
      ...rollUpJson(objective.rollUp),
      gap: objective.gap ?? null,
      projects: objective.contributions.map((contribution) => ({ id: contribution.projectId, weight: contribution.weight })),
    })),
    projects: report.projects.map(projectJson),
  };
}

/** A project's figures, as `progress --json` lists them and `why <project> --json` prints them. */
export function projectJson(project: ProjectResult) {
  return {
    id: project.id,
    kind: project.kind,
    method: project.method,
    progress: project.measure?.progress ?? null,
    expected: project.measure?.expected ?? null,
    status: project.status,
    gap: project.gap ?? null,
    milestones: { total: project.milestones.total, done: project.milestones.done, due: project.milestones.due },
    indicators: project.indicators.map(indicatorJson),
  };
}

/** An indicator's figures, with the values they come from. */
export function indicatorJson(indicator: IndicatorResult) {
  return {
    id: indicator.id,
    method: indicator.method,
    baseline: indicator.baseline ?? null,
    target: indicator.target ?? null,
    latest: indicator.latest ? { value: indicator.latest.value, date: indicator.latest.date, source: indicator.latest.source } : null,
    progress: indicator.measure?.progress ?? null,
    expected: indicator.measure?.expected ?? null,
    status: indicator.status,
    gap: indicator.gap ?? null,
  };
}

export function rollUpJson(result: RollUp) {
  return {
    progress: result.measure?.progress ?? null,
    expected: result.measure?.expected ?? null,
    status: result.status,
    withData: result.counted,
    gaps: result.gaps.map((gap) => ({ id: gap.id, reason: gap.reason ?? null })),
  };
}
