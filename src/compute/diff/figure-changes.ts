import { compareNatural } from '../../model/natural-order.js';
import type { PlanModel } from '../../model/plan-model.js';
import { monitoringSnapshot, type MonitoringSnapshot } from '../monitoring-report.js';

/** The figures of the plan or of a mission, on one side of a change. */
export interface Figures {
  objectives: number;
  covered: number;
  /** Share of objectives with an initiative; null when there are none to cover. */
  coverage: number | null;
  /** Rolled-up progress (0-1); null without data. */
  progress: number | null;
}

/** The figures of the plan (id `plan`) or of a mission before and after; null on the side that lacks the mission. */
export interface FigurePair {
  id: string;
  before: Figures | null;
  after: Figures | null;
}

export interface FigureChange {
  asOf: string;
  plan: FigurePair;
  missions: FigurePair[];
}

/** Coverage and progress of both versions of a plan as of the same date, mission by mission. */
export function diffFigures(base: PlanModel, head: PlanModel, asOf: string): FigureChange {
  const [before, after] = [missionFigures(monitoringSnapshot(base, asOf)), missionFigures(monitoringSnapshot(head, asOf))];
  const missionIds = [...new Set([...base.missions, ...head.missions].map((mission) => mission.id))].sort(compareNatural);
  return {
    asOf,
    plan: { id: 'plan', before: before.get('plan')!, after: after.get('plan')! },
    missions: missionIds.map((id) => ({ id, before: before.get(id) ?? null, after: after.get(id) ?? null })),
  };
}

/** A snapshot's figures by mission id, and the plan's under `plan`. */
function missionFigures(snapshot: MonitoringSnapshot): Map<string, Figures> {
  const progress = new Map(snapshot.progress.missions.map((mission) => [mission.id, mission.rollUp.measure?.progress ?? null]));
  const { plan } = snapshot.coverage;
  const figures = new Map<string, Figures>([['plan', { objectives: plan.objectives, covered: plan.covered, coverage: plan.share, progress: snapshot.progress.plan.measure?.progress ?? null }]]);
  for (const mission of snapshot.coverage.missions) {
    figures.set(mission.id, { objectives: mission.objectives, covered: mission.covered, coverage: mission.share, progress: progress.get(mission.id) ?? null });
  }
  return figures;
}
