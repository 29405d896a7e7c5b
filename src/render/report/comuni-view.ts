import { computeDupAlignment, type ComuneAlignment, type ZoneAlignment } from '../../compute/dup-alignment.js';
import type { PlanModel } from '../../model/plan-model.js';

/** The comuni in the main report, from the DUP alignment: the DUP sheets and the HTML section on the comuni. */
export interface ComuniSection {
  /** Comuni of the reference, and how many of them have a DUP file. */
  comuni: number;
  withDup: number;
  /** Every comune in reference order, with its DUP objectives (none without a DUP). */
  alignment: ComuneAlignment[];
  /** Every zona omogenea, with one cell per mission in the order of the view's missions (templates rely on it). */
  zones: ZoneAlignment[];
  /** The objectives the plan marks for the Comuni column, in plan order, with how many comuni their DUP aligns. */
  markedObjectives: { id: string; missionId: string; title: string; comuni: number }[];
  /** Per zone that has any, the names of its comuni without a DUP, in reference order. */
  withoutDup: { zone: string; comuni: string[] }[];
}

export function buildComuniSection(model: PlanModel): ComuniSection {
  const alignment = computeDupAlignment(model);
  const markedObjectives = alignment.objectives
    .filter((objective) => objective.markedForComuni)
    .map((objective) => {
      const { missionId, title } = model.objectiveById.get(objective.objectiveId)!;
      return { id: objective.objectiveId, missionId, title, comuni: objective.comuni.length };
    });
  const withoutDup = alignment.zones
    .map((zone) => ({ zone: zone.zone, comuni: alignment.comuni.filter((comune) => comune.zone === zone.zone && comune.file === undefined).map((comune) => comune.name) }))
    .filter((zone) => zone.comuni.length > 0);
  return {
    comuni: alignment.comuni.length,
    withDup: alignment.comuni.filter((comune) => comune.file !== undefined).length,
    alignment: alignment.comuni,
    zones: alignment.zones,
    markedObjectives,
    withoutDup,
  };
}

/** A zone's cell of the heat map, found by the mission's id. */
export function zoneMissionComuni(zone: ZoneAlignment, missionId: string): number {
  return zone.missions.find((cell) => cell.missionId === missionId)?.comuni ?? 0;
}
