import type { Objective, PlanModel } from '../../model/plan-model.js';

/** How the objectives of two versions of a plan correspond. */
export interface ObjectivePairs {
  /** Base id → head id, for every objective of the base that the head keeps (under its id or another). */
  headIdOf: ReadonlyMap<string, string>;
  /** Base ids the head renumbers by declaring `supersedes` for the first time, to their head ids. */
  renumbered: ReadonlyMap<string, string>;
  /** Base objectives the head has no counterpart for. */
  removed: Objective[];
  /** Head objectives the base has no counterpart for. */
  added: Objective[];
  /**
   * Removed base id → the head objective that has its title: most likely a renumbering that no
   * `supersedes` declares, so it reads as a removal and an addition (or a retitle).
   */
  sameTitle: ReadonlyMap<string, string>;
}

/**
 * Pair the objectives of `base` and `head`. An objective that starts superseding a base id in the
 * head (it did not supersede it in the base) is that objective renumbered; every other objective
 * is paired by id, unless a renumbering has taken its base id or its head id.
 */
export function pairObjectives(base: PlanModel, head: PlanModel): ObjectivePairs {
  const renumbered = new Map<string, string>();
  for (const objective of head.objectives) {
    const before = base.objectiveById.get(objective.id)?.supersedes ?? [];
    for (const former of objective.supersedes) {
      if (base.objectiveById.has(former) && !before.includes(former) && !renumbered.has(former)) renumbered.set(former, objective.id);
    }
  }
  const renumberTargets = new Set(renumbered.values());
  const headIdOf = new Map(renumbered);
  for (const objective of base.objectives) {
    if (!renumbered.has(objective.id) && !renumberTargets.has(objective.id) && head.objectiveById.has(objective.id)) headIdOf.set(objective.id, objective.id);
  }
  const paired = new Set(headIdOf.values());
  const removed = base.objectives.filter((objective) => !headIdOf.has(objective.id));
  const added = head.objectives.filter((objective) => !paired.has(objective.id));
  const headIdByTitle = new Map(head.objectives.map((objective) => [objective.title, objective.id]));
  const sameTitle = new Map(removed.flatMap((objective) => (headIdByTitle.has(objective.title) ? [[objective.id, headIdByTitle.get(objective.title)!] as const] : [])));
  return { headIdOf, renumbered, removed, added, sameTitle };
}
