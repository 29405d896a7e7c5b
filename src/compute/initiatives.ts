import type { LeadKind } from '../model/plan-data.js';
import type { PlanModel, Project } from '../model/plan-model.js';

/**
 * Anything that works for objectives of the plan, as coverage sees it: today a project; the DUP
 * alignment adds municipalities' objectives as another kind without changing coverage.
 */
export interface Initiative {
  kind: 'project';
  id: string;
  title: string;
  /** Undefined when the source names no lead: the initiative then credits no actor column. */
  leadKind: LeadKind | undefined;
  /** Each linked objective with the initiative's share in it (its link weight, or 1/n of n links). */
  links: { objectiveId: string; share: number }[];
  /** Zone omogenee reached (a metropolitan initiative reaches them all). */
  zones: string[];
  /** Euros mobilised, all sources. */
  funding: number;
}

/** A project counts as of a date unless it was cancelled or had not started yet. */
export function projectCounts(project: Project, asOf: string): boolean {
  return project.status !== 'cancelled' && (project.period === undefined || project.period.start <= asOf);
}

/** The share of a project in each objective it links: the link weight when weights are given, else equal shares. */
export function linkShares(project: Project): { objectiveId: string; share: number }[] {
  const count = project.objectives.length;
  return project.objectives.map((link) => ({ objectiveId: link.id, share: link.weight ?? 1 / count }));
}

export function projectInitiatives(model: PlanModel, asOf: string): Initiative[] {
  return model.projects.filter((project) => projectCounts(project, asOf)).map((project) => projectInitiative(model, project));
}

function projectInitiative(model: PlanModel, project: Project): Initiative {
  return {
    kind: 'project',
    id: project.id,
    title: project.title,
    leadKind: project.lead?.kind,
    links: linkShares(project),
    zones: projectZones(model, project),
    funding: (project.funding ?? []).reduce((total, item) => total + item.amount, 0),
  };
}

function projectZones(model: PlanModel, project: Project): string[] {
  const { scope, zones = [], comuni = [] } = project.territory;
  const found =
    scope === 'metropolitan'
      ? model.reference.zones
      : scope === 'zones'
        ? zones.map((zone) => model.reference.findZone(zone))
        : comuni.map((code) => model.reference.comuneByIstat.get(code)?.zone);
  const reached = new Set(found);
  return model.reference.zones.filter((zone) => reached.has(zone));
}
