import { normalizeId, parseObjectiveId } from './ids.js';
import type { Mission, Objective, PlanModel, Project } from './plan-model.js';

/** A mission, objective or project of the plan, found by what a user typed. */
export type PlanItem = { kind: 'mission'; mission: Mission } | { kind: 'objective'; objective: Objective } | { kind: 'project'; project: Project };

/** The item a user means by `M2`, `2`, `M2.12`, `2.12` or a project id; undefined when the plan has none. */
export function findPlanItem(model: PlanModel, input: string): PlanItem | undefined {
  const id = normalizeId(input);
  const objective = model.objectiveById.get(currentObjectiveId(model, id));
  if (objective) return { kind: 'objective', objective };
  const mission = model.missionById.get(id);
  if (mission) return { kind: 'mission', mission };
  const project = model.projectById.get(input.trim());
  return project ? { kind: 'project', project } : undefined;
}

/** The id an objective has now: its successor's for a former id an objective supersedes, else the id itself. */
export function currentObjectiveId(model: PlanModel, id: string): string {
  return model.supersededBy.get(id) ?? id;
}

/** Every id of the plan a mistyped one may be close to: objectives, missions, then projects. */
export function planIds(model: PlanModel): string[] {
  return [...model.objectiveById.keys(), ...model.missionById.keys(), ...model.projectById.keys()];
}

/** The mission an objective id would belong to when that mission has no transcribed objectives: why nothing can name it. */
export function untranscribedMissionOf(model: PlanModel, objectiveId: string): Mission | undefined {
  const mission = model.missionById.get(parseObjectiveId(objectiveId)?.missionId ?? '');
  return mission && !mission.objectivesTranscribed ? mission : undefined;
}
