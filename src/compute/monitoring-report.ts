import type { PlanModel } from '../model/plan-model.js';
import { computeCoverage, type CoverageReport } from './coverage.js';
import { countedInitiatives, type Initiative } from './initiatives.js';
import { computePriorities, type Priority } from './priorities.js';
import { computeProgress, type ProgressReport } from './progress.js';

/** Everything a report shows, as of one date. */
export interface MonitoringSnapshot {
  asOf: string;
  /** The initiatives that count as of the date: every figure below counts these. */
  initiatives: Initiative[];
  progress: ProgressReport;
  coverage: CoverageReport;
  priorities: Priority[];
}

/** How a mission (or the plan, with id `plan`) moved between two as-of dates. Progress change is in fraction points. */
export interface MissionChange {
  id: string;
  /** Progress now minus progress then; null when either date has no figure or the difference overflows. */
  progress: number | null;
  /** Objectives with an initiative, now minus then. */
  coveredObjectives: number;
  /** Objective coverage share now minus then; null when the mission has no objectives. */
  coverage: number | null;
  /** Counted initiatives working for the mission (for the plan: all of them), now minus then. */
  projects: number;
}

export interface YearChange {
  /** The earlier as-of date compared with. */
  since: string;
  plan: MissionChange;
  missions: MissionChange[];
}

export interface MonitoringReport extends MonitoringSnapshot {
  /** Present for a yearly report: the change since the end of the previous year. */
  change: YearChange | undefined;
}

export function monitoringSnapshot(model: PlanModel, asOf: string): MonitoringSnapshot {
  const initiatives = countedInitiatives(model, asOf);
  const priorities = computePriorities(model, asOf);
  return { asOf, initiatives, progress: computeProgress(model, asOf, initiatives), coverage: computeCoverage(model, initiatives, priorities, asOf), priorities };
}

/** The snapshot as of `asOf` and, when `since` is given, its change from the snapshot as of `since`, both from dated data. */
export function computeMonitoringReport(model: PlanModel, asOf: string, since?: string): MonitoringReport {
  const now = monitoringSnapshot(model, asOf);
  return { ...now, change: since === undefined ? undefined : yearChange(now, monitoringSnapshot(model, since)) };
}

/** End-of-year as-of date of a year, and the one before it. */
export function yearEnds(year: number): { asOf: string; since: string } {
  return { asOf: `${year}-12-31`, since: `${year - 1}-12-31` };
}

/**
 * How each mission and the plan moved from `then` to `now`. Missions are matched by id, so the two
 * snapshots may come from plans whose missions or objectives differ: a mission that `then` lacks
 * changes from no objectives, no initiatives and no figures.
 */
export function yearChange(now: MonitoringSnapshot, then: MonitoringSnapshot): YearChange {
  const [initiativesNow, initiativesThen] = [initiativesByMission(now), initiativesByMission(then)];
  const progressNow = new Map(now.progress.missions.map((mission) => [mission.id, mission.rollUp.measure?.progress]));
  const progressThen = new Map(then.progress.missions.map((mission) => [mission.id, mission.rollUp.measure?.progress]));
  const coverageThen = new Map(then.coverage.missions.map((mission) => [mission.id, mission]));
  const missions = now.coverage.missions.map((mission): MissionChange => {
    const before = coverageThen.get(mission.id);
    return {
      id: mission.id,
      progress: difference(progressNow.get(mission.id), progressThen.get(mission.id)),
      coveredObjectives: mission.covered - (before?.covered ?? 0),
      coverage: difference(mission.share, before?.share),
      projects: (initiativesNow.get(mission.id) ?? 0) - (initiativesThen.get(mission.id) ?? 0),
    };
  });
  return {
    since: then.asOf,
    plan: {
      id: 'plan',
      progress: difference(now.progress.plan.measure?.progress, then.progress.plan.measure?.progress),
      coveredObjectives: now.coverage.plan.covered - then.coverage.plan.covered,
      coverage: difference(now.coverage.plan.share, then.coverage.plan.share),
      projects: now.initiatives.length - then.initiatives.length,
    },
    missions,
  };
}

/** How many of a snapshot's counted initiatives link an objective of each mission (of that snapshot's plan). */
function initiativesByMission(snapshot: MonitoringSnapshot): Map<string, number> {
  const missionOf = new Map(snapshot.coverage.objectives.map((objective) => [objective.id, objective.missionId]));
  const counts = new Map<string, number>();
  for (const initiative of snapshot.initiatives) {
    const missions = new Set(initiative.links.map((link) => missionOf.get(link.objectiveId)));
    for (const missionId of missions) if (missionId !== undefined) counts.set(missionId, (counts.get(missionId) ?? 0) + 1);
  }
  return counts;
}

function difference(now: number | null | undefined, then: number | null | undefined): number | null {
  if (now === null || now === undefined || then === null || then === undefined) return null;
  const change = now - then;
  return Number.isFinite(change) ? change : null;
}
