import type { LeadKind } from '../model/plan-data.js';
import type { PlanModel } from '../model/plan-model.js';
import type { Initiative, InitiativeKind } from './initiatives.js';
import type { Priority } from './priorities.js';

/** Whether an actor column the plan marks for an objective has an initiative led by that kind of actor. */
export type ActorCell = 'covered' | 'uncovered' | 'not_expected';

export interface Share {
  total: number;
  covered: number;
  /** covered / total, or null when there is nothing to cover. */
  share: number | null;
}

/** Euros mobilised by some initiatives, and how many of them state their funding: unknown funding is never summed as zero. */
export interface FundingTotal {
  /** The sum over the initiatives that state their funding, each times its share. */
  amount: number;
  /** Initiatives that state their funding. */
  stated: number;
  /** Initiatives summed over, whether they state it or not. */
  initiatives: number;
}

interface ObjectiveCoverage {
  id: string;
  missionId: string;
  /** How many initiatives work on the objective. */
  projects: number;
  initiatives: string[];
  /** Initiatives by the kind of their lead; `not_stated` where the source names none. */
  byLeadKind: Record<LeadKind | 'not_stated', number>;
  /** Euros mobilised for the objective: each initiative's funding times its share in the objective. */
  funding: FundingTotal;
  zones: string[];
  actorCells: Record<string, ActorCell>;
  priority: Priority | undefined;
}

interface MissionCoverage {
  id: string;
  objectivesTranscribed: boolean;
  objectives: number;
  covered: number;
  share: number | null;
  actorCells: Share;
  /** Actor cells per column of the plan: the missions × actor-columns matrix. */
  byColumn: Record<string, Share>;
  /** Euros mobilised for the mission: each initiative's funding times its share in the mission's objectives. */
  funding: FundingTotal;
}

interface ActorCoverage extends Share {
  column: string;
  leadKind: LeadKind;
}

export interface ZoneCoverage {
  zone: string;
  /** Per mission: initiatives reaching the zone, and their funding for the mission split evenly over the zones they reach. */
  missions: { missionId: string; projects: number; funding: FundingTotal }[];
}

export interface CoverageReport {
  asOf: string;
  /** The counted initiatives, with their kind: what the ids below name. */
  initiatives: { id: string; kind: InitiativeKind }[];
  plan: {
    objectives: number;
    covered: number;
    share: number | null;
    actorCells: Share;
    funding: FundingTotal;
    /** Objectives nobody works on, in plan order. */
    uncoveredObjectives: string[];
    /** Initiatives linked to no objective of the plan. */
    unlinkedInitiatives: string[];
    /** Objectives stakeholders voted for that nobody works on, most voted first: the gaps that matter. */
    priorityGaps: Priority[];
  };
  missions: MissionCoverage[];
  objectives: ObjectiveCoverage[];
  actors: ActorCoverage[];
  zones: ZoneCoverage[];
}

/** Coverage of the plan's objectives and actor cells by initiatives. Pure and linear in objectives × columns + links × zones. */
export function computeCoverage(model: PlanModel, initiatives: readonly Initiative[], priorities: readonly Priority[], asOf: string): CoverageReport {
  const priorityByObjective = new Map(priorities.map((priority) => [priority.objectiveId, priority]));
  const linksByObjective = new Map<string, { initiative: Initiative; share: number }[]>();
  const unlinkedInitiatives: string[] = [];
  const zoneMission = new Map<string, { projects: number; funding: FundingTotal }>();
  const missionFunding = new Map(model.missions.map((mission) => [mission.id, noFunding()]));
  for (const initiative of initiatives) {
    const missionShares = new Map<string, number>();
    for (const link of initiative.links) {
      const objective = model.objectiveById.get(link.objectiveId);
      if (!objective) continue;
      const list = linksByObjective.get(objective.id) ?? [];
      list.push({ initiative, share: link.share });
      linksByObjective.set(objective.id, list);
      missionShares.set(objective.missionId, (missionShares.get(objective.missionId) ?? 0) + link.share);
    }
    if (missionShares.size === 0) unlinkedInitiatives.push(initiative.id);
    for (const [missionId, share] of missionShares) {
      addFunding(missionFunding.get(missionId)!, initiative.funding, share);
      for (const zone of initiative.zones) {
        const cell = zoneMission.get(`${zone}\0${missionId}`) ?? { projects: 0, funding: noFunding() };
        cell.projects += 1;
        addFunding(cell.funding, initiative.funding, share / initiative.zones.length);
        zoneMission.set(`${zone}\0${missionId}`, cell);
      }
    }
  }

  const objectives = model.objectives.map((objective): ObjectiveCoverage => {
    const links = linksByObjective.get(objective.id) ?? [];
    const byLeadKind = { citta_metropolitana: 0, comune: 0, corpo_intermedio: 0, not_stated: 0 };
    for (const { initiative } of links) byLeadKind[initiative.leadKind ?? 'not_stated'] += 1;
    const actorCells = Object.fromEntries(
      model.actorColumns.map((column): [string, ActorCell] => [column.id, !objective.actors[column.id] ? 'not_expected' : byLeadKind[column.leadKind] > 0 ? 'covered' : 'uncovered']),
    );
    return {
      id: objective.id,
      missionId: objective.missionId,
      projects: links.length,
      initiatives: links.map(({ initiative }) => initiative.id),
      byLeadKind,
      funding: fundingOf(links),
      zones: model.reference.zones.filter((zone) => links.some(({ initiative }) => initiative.zones.includes(zone))),
      actorCells,
      priority: priorityByObjective.get(objective.id),
    };
  });

  const cellShare = (list: readonly ObjectiveCoverage[], column?: string): Share => {
    let total = 0;
    let covered = 0;
    for (const objective of list) {
      for (const [id, cell] of Object.entries(objective.actorCells)) {
        if (cell === 'not_expected' || (column !== undefined && id !== column)) continue;
        total++;
        if (cell === 'covered') covered++;
      }
    }
    return { total, covered, share: ratio(covered, total) };
  };
  const missions = model.missions.map((mission): MissionCoverage => {
    const own = objectives.filter((objective) => objective.missionId === mission.id);
    const covered = own.filter((objective) => objective.projects > 0).length;
    return {
      id: mission.id,
      objectivesTranscribed: mission.objectivesTranscribed,
      objectives: own.length,
      covered,
      share: ratio(covered, own.length),
      actorCells: cellShare(own),
      byColumn: Object.fromEntries(model.actorColumns.map((column) => [column.id, cellShare(own, column.id)])),
      funding: missionFunding.get(mission.id)!,
    };
  });
  const covered = objectives.filter((objective) => objective.projects > 0).length;
  return {
    asOf,
    initiatives: initiatives.map(({ id, kind }) => ({ id, kind })),
    plan: {
      objectives: objectives.length,
      covered,
      share: ratio(covered, objectives.length),
      actorCells: cellShare(objectives),
      funding: fundingOf(initiatives.map((initiative) => ({ initiative, share: 1 }))),
      uncoveredObjectives: objectives.filter((objective) => objective.projects === 0).map((objective) => objective.id),
      unlinkedInitiatives,
      priorityGaps: priorities.filter((priority) => (linksByObjective.get(priority.objectiveId) ?? []).length === 0),
    },
    missions,
    objectives,
    actors: model.actorColumns.map((column) => ({ column: column.id, leadKind: column.leadKind, ...cellShare(objectives, column.id) })),
    zones: model.reference.zones.map((zone) => ({
      zone,
      missions: model.missions.map((mission) => ({ missionId: mission.id, ...(zoneMission.get(`${zone}\0${mission.id}`) ?? { projects: 0, funding: noFunding() }) })),
    })),
  };
}

/** A zone's cell for one mission, found by the mission's id (empty when the zone has none for it). */
export function zoneCell(zone: ZoneCoverage, missionId: string): ZoneCoverage['missions'][number] {
  return zone.missions.find((cell) => cell.missionId === missionId) ?? { missionId, projects: 0, funding: noFunding() };
}

function noFunding(): FundingTotal {
  return { amount: 0, stated: 0, initiatives: 0 };
}

/** Add one initiative's funding, times its share, to a total; an initiative that states none adds to the count only. */
function addFunding(total: FundingTotal, funding: number | undefined, share: number): void {
  total.initiatives += 1;
  if (funding === undefined) return;
  total.stated += 1;
  total.amount += funding * share;
}

function fundingOf(links: readonly { initiative: Initiative; share: number }[]): FundingTotal {
  const total = noFunding();
  for (const { initiative, share } of links) addFunding(total, initiative.funding, share);
  return total;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
