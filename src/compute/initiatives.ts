import type { IndicatorData, LeadKind, ProjectData } from '../model/plan-data.js';
import { currentObjectiveId } from '../model/plan-lookup.js';
import type { Dup, PlanModel, Project } from '../model/plan-model.js';
import { territoryZones } from '../model/territory.js';

/** The kinds of initiative. A new kind is one member here plus its adapter in `ADAPTERS`. */
export type InitiativeKind = 'project' | 'dup_objective';

/**
 * Anything that works for objectives of the plan, in the one shape that coverage, progress, the
 * year-on-year change and the reports count: each kind's adapter turns its records into this.
 */
export interface Initiative {
  kind: InitiativeKind;
  id: string;
  title: string;
  /** Cancelled initiatives never count. */
  cancelled: boolean;
  /** The date it starts, or undefined when the source gives none (it then counts from the start). */
  start: string | undefined;
  /** Undefined when the source names no lead: the initiative then credits no actor column. */
  leadKind: LeadKind | undefined;
  /** Each linked objective with the initiative's share in it (its link weight, or 1/n of n links). */
  links: { objectiveId: string; share: number }[];
  /** Zone omogenee reached (a metropolitan initiative reaches them all). */
  zones: string[];
  /** Euros mobilised, all sources; undefined when its source states none (unknown, not zero). */
  funding: number | undefined;
  /** What measures its progress: indicators first, else milestones. */
  indicators: IndicatorData[];
  milestones: ProjectData['milestones'];
}

/** Each kind's adapter: every initiative of that kind in the plan, counted or not. */
const ADAPTERS: Record<InitiativeKind, (model: PlanModel) => Initiative[]> = {
  project: (model) => model.projects.map((project) => projectInitiative(model, project)),
  dup_objective: (model) => model.dups.flatMap((dup) => dupInitiatives(model, dup)),
};

/** The rule of which initiatives count as of a date, for every figure: those not cancelled that had started by then. */
function initiativeCounts(initiative: Initiative, asOf: string): boolean {
  return !initiative.cancelled && (initiative.start === undefined || initiative.start <= asOf);
}

/** The initiatives that count as of a date, every kind in turn, each in its source order: what every figure counts. */
export function countedInitiatives(model: PlanModel, asOf: string): Initiative[] {
  return Object.values(ADAPTERS).flatMap((initiatives) => initiatives(model).filter((initiative) => initiativeCounts(initiative, asOf)));
}

/** Euros a project mobilises, all funding sources summed; undefined when it states no funding: unknown, not zero. */
export function projectFunding(project: ProjectData): number | undefined {
  const sources = project.funding ?? [];
  return sources.length === 0 ? undefined : sources.reduce((total, item) => total + item.amount, 0);
}

function projectInitiative(model: PlanModel, project: Project): Initiative {
  const count = project.objectives.length;
  return {
    kind: 'project',
    id: project.id,
    title: project.title,
    cancelled: project.status === 'cancelled',
    start: project.period?.start,
    leadKind: project.lead?.kind,
    links: project.objectives.map((link) => ({ objectiveId: currentObjectiveId(model, link.id), share: link.weight ?? 1 / count })),
    zones: territoryZones(project.territory, model.reference).zones,
    funding: projectFunding(project),
    indicators: project.indicators ?? [],
    milestones: project.milestones,
  };
}

/** The id of a DUP objective wherever it is named (psttm why, JSON, reports): `dup:<istat>/<code>`. */
export function dupObjectiveId(istat: string, code: string): string {
  return `dup:${istat}/${code}`;
}

/**
 * A comune's DUP objectives that serve PSTTM objectives: led by the comune, they reach its zone and
 * credit the Comuni column. Only confirmed links count; an objective with none is no initiative.
 */
function dupInitiatives(model: PlanModel, dup: Dup): Initiative[] {
  const zone = model.reference.comuneByIstat.get(dup.comune.istat)?.zone;
  return dup.objectives.flatMap((objective) => {
    const confirmed = (objective.psttm ?? []).filter((link) => link.confirmed);
    if (confirmed.length === 0) return [];
    return [
      {
        kind: 'dup_objective',
        id: dupObjectiveId(dup.comune.istat, objective.code),
        title: objective.title,
        cancelled: false,
        start: undefined,
        leadKind: 'comune',
        links: confirmed.map((link) => ({ objectiveId: currentObjectiveId(model, link.objective), share: 1 / confirmed.length })),
        zones: zone === undefined ? [] : [zone],
        // A DUP states objectives, not what they cost.
        funding: undefined,
        indicators: [],
        milestones: undefined,
      },
    ];
  });
}
