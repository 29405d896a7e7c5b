import type { DupLevel } from '../model/plan-data.js';
import type { PlanModel } from '../model/plan-model.js';
import { currentObjectiveId } from '../model/plan-lookup.js';
import { dupObjectiveId } from './initiatives.js';

/** One objective of a comune's DUP, with the PSTTM objectives it serves (confirmed) and those only suggested. */
export interface DupObjectiveAlignment {
  /** `dup:<istat>/<code>`, as psttm why and the JSON name it. */
  id: string;
  code: string;
  level: DupLevel;
  parent: string | undefined;
  title: string;
  missione: string | undefined;
  programma: string | undefined;
  responsabile: string | undefined;
  /** PSTTM objectives confirmed by a planner, in the DUP file's order. */
  confirmed: string[];
  /** Suggestions not yet confirmed or rejected, best first: they count nowhere. */
  suggested: { objective: string; score: number | undefined }[];
}

export interface ComuneAlignment {
  istat: string;
  name: string;
  zone: string;
  /** The DUP file, or undefined for a comune without one. */
  file: string | undefined;
  period: string | undefined;
  objectives: DupObjectiveAlignment[];
  /** PSTTM objectives its DUP serves through confirmed links, in plan order. */
  served: string[];
  /** Objectives the plan marks for the Comuni column that its DUP does not serve, in plan order (all of them without a DUP). */
  notServed: string[];
}

/** How many comuni serve a PSTTM objective through their DUP. */
interface ObjectiveComuni {
  objectiveId: string;
  /** Whether the plan marks the objective for the Comuni column. */
  markedForComuni: boolean;
  /** ISTAT codes of the comuni whose DUP serves it, in reference order. */
  comuni: string[];
}

/** A zona omogenea: its comuni, how many have a DUP, and the objectives and missions their DUPs serve. */
export interface ZoneAlignment {
  zone: string;
  comuni: number;
  withDup: number;
  /** withDup / comuni. */
  dupShare: number;
  /** PSTTM objectives any of its comuni serves, in plan order. */
  served: string[];
  /** Per mission of the plan, how many of its comuni serve at least one objective of it: the heat map's row. */
  missions: { missionId: string; comuni: number }[];
}

export interface DupAlignment {
  /** Every comune of the reference, in reference order, with a DUP or without. */
  comuni: ComuneAlignment[];
  /** Every objective of the plan, in plan order. */
  objectives: ObjectiveComuni[];
  /** Every zone, in the reference's zone order. */
  zones: ZoneAlignment[];
}

/**
 * Which PSTTM objectives each comune's DUP serves, per comune, objective and zone. Only confirmed
 * links count, as in coverage; suggestions are listed apart. Linear in comuni, DUP objectives and links.
 */
export function computeDupAlignment(model: PlanModel): DupAlignment {
  const comuniColumns = model.actorColumns.filter((column) => column.leadKind === 'comune').map((column) => column.id);
  const markedForComuni = (objectiveId: string) => comuniColumns.some((column) => model.objectiveById.get(objectiveId)?.actors[column] === true);
  const planOrder = new Map(model.objectives.map((objective, index) => [objective.id, index]));
  const inPlanOrder = (ids: Iterable<string>) => [...ids].filter((id) => planOrder.has(id)).sort((a, b) => planOrder.get(a)! - planOrder.get(b)!);

  const comuni = model.reference.comuni.map((comune): ComuneAlignment => {
    const dup = model.dupByIstat.get(comune.istat);
    const objectives = (dup?.objectives ?? []).map(
      (objective): DupObjectiveAlignment => ({
        id: dupObjectiveId(comune.istat, objective.code),
        code: objective.code,
        level: objective.level,
        parent: objective.parent,
        title: objective.title,
        missione: objective.missione,
        programma: objective.programma,
        responsabile: objective.responsabile,
        confirmed: (objective.psttm ?? []).filter((link) => link.confirmed).map((link) => currentObjectiveId(model, link.objective)),
        suggested: (objective.psttm ?? [])
          .filter((link) => !link.confirmed)
          .map((link) => ({ objective: currentObjectiveId(model, link.objective), score: link.score }))
          .sort((a, b) => (b.score ?? 0) - (a.score ?? 0)),
      }),
    );
    const served = inPlanOrder(new Set(objectives.flatMap((objective) => objective.confirmed)));
    const servedSet = new Set(served);
    const notServed = model.objectives.filter((objective) => markedForComuni(objective.id) && !servedSet.has(objective.id)).map((objective) => objective.id);
    return { istat: comune.istat, name: comune.name, zone: comune.zone, file: dup?.file, period: dup?.period, objectives, served, notServed };
  });

  const comuniByObjective = new Map<string, string[]>();
  for (const comune of comuni) {
    for (const objectiveId of comune.served) {
      const list = comuniByObjective.get(objectiveId) ?? [];
      list.push(comune.istat);
      comuniByObjective.set(objectiveId, list);
    }
  }
  const objectives = model.objectives.map((objective) => ({ objectiveId: objective.id, markedForComuni: markedForComuni(objective.id), comuni: comuniByObjective.get(objective.id) ?? [] }));

  const zones = model.reference.zones.map((zone): ZoneAlignment => {
    const members = comuni.filter((comune) => comune.zone === zone);
    const withDup = members.filter((comune) => comune.file !== undefined).length;
    const served = inPlanOrder(new Set(members.flatMap((comune) => comune.served)));
    const missions = model.missions.map((mission) => ({
      missionId: mission.id,
      comuni: members.filter((comune) => comune.served.some((objectiveId) => model.objectiveById.get(objectiveId)?.missionId === mission.id)).length,
    }));
    return { zone, comuni: members.length, withDup, dupShare: members.length === 0 ? 0 : withDup / members.length, served, missions };
  });

  return { comuni, objectives, zones };
}
