import type { PlanModel } from '../model/plan-model.js';
import { computeCoverage, type CoverageReport } from './coverage.js';
import { projectInitiatives } from './initiatives.js';
import { computePriorities, type Priority } from './priorities.js';
import { computeProgress, type ProgressReport } from './progress.js';

/** Everything a report shows, as of one date. */
export interface MonitoringSnapshot {
  asOf: string;
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
  /** Counted projects now minus then. */
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
  const priorities = computePriorities(model, asOf);
  return { asOf, progress: computeProgress(model, asOf), coverage: computeCoverage(model, projectInitiatives(model, asOf), priorities, asOf), priorities };
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

function yearChange(now: MonitoringSnapshot, then: MonitoringSnapshot): YearChange {
  const projectsByMission = (snapshot: MonitoringSnapshot) => {
    const counts = new Map<string, Set<string>>();
    for (const objective of snapshot.coverage.objectives) {
      const set = counts.get(objective.missionId) ?? new Set<string>();
      for (const id of objective.initiatives) set.add(id);
      counts.set(objective.missionId, set);
    }
    return counts;
  };
  const [projectsNow, projectsThen] = [projectsByMission(now), projectsByMission(then)];
  const missions = now.coverage.missions.map((mission, index): MissionChange => {
    const before = then.coverage.missions[index]!;
    return {
      id: mission.id,
      progress: difference(now.progress.missions[index]!.rollUp.measure?.progress, then.progress.missions[index]!.rollUp.measure?.progress),
      coveredObjectives: mission.covered - before.covered,
      coverage: difference(mission.share, before.share),
      projects: (projectsNow.get(mission.id)?.size ?? 0) - (projectsThen.get(mission.id)?.size ?? 0),
    };
  });
  return {
    since: then.asOf,
    plan: {
      id: 'plan',
      progress: difference(now.progress.plan.measure?.progress, then.progress.plan.measure?.progress),
      coveredObjectives: now.coverage.plan.covered - then.coverage.plan.covered,
      coverage: difference(now.coverage.plan.share, then.coverage.plan.share),
      projects: now.progress.projects.length - then.progress.projects.length,
    },
    missions,
  };
}

function difference(now: number | null | undefined, then: number | null | undefined): number | null {
  if (now === null || now === undefined || then === null || then === undefined) return null;
  const change = now - then;
  return Number.isFinite(change) ? change : null;
}
