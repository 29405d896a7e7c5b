import { compareNatural } from '../../model/natural-order.js';
import type { Mission, Objective, PlanModel } from '../../model/plan-model.js';
import { diffFigures, type FigureChange } from './figure-changes.js';
import { pairObjectives } from './objective-pairs.js';
import { diffConsultations, diffDups, diffProjects, type ConsultationChange, type DupChange, type ProjectChange } from './record-changes.js';

/** A text before and after a change. */
export interface TextChange {
  before: string;
  after: string;
}

export type Change = 'added' | 'removed' | 'changed';

export interface MissionChange {
  change: Change;
  id: string;
  /** The head's title, or the base's for a removed mission. */
  title: string;
  titleChange?: TextChange;
  /** Whether the objectives table is transcribed, when that changed (M6, once its source is found). */
  transcribed?: { before: boolean; after: boolean };
}

/** An actor column whose mark changed for an objective. */
export interface ActorChange {
  column: string;
  label: string;
  before: boolean;
  after: boolean;
}

export interface ObjectiveChange {
  /** renumbered: the objective took another id, declared by `supersedes`. */
  change: Change | 'renumbered';
  /** The head's id, or the base's for a removed objective. */
  id: string;
  /** For a renumbered objective: its base id. */
  from?: string;
  title: string;
  titleChange?: TextChange;
  actors: ActorChange[];
  /** For a removed objective: the head objective with its title (a renumbering `supersedes` does not declare). */
  sameTitleAs?: string;
}

/** What a change to a plan means: what changed, record by record, and the figures before and after. */
export interface PlanDiff {
  missions: MissionChange[];
  objectives: ObjectiveChange[];
  projects: ProjectChange[];
  dups: DupChange[];
  consultations: ConsultationChange[];
  /** Coverage and progress before and after, as of one date; undefined when either side has errors, so no figures. */
  figures: FigureChange | undefined;
}

/**
 * Compare two versions of a plan. Objectives are paired through `supersedes` (see pairObjectives),
 * so links to a renumbered objective read as unchanged. Figures are computed as of `asOf` on both
 * sides when `figuresAsOf` is given. Linear in the size of both plans.
 */
export function diffPlans(base: PlanModel, head: PlanModel, figuresAsOf: string | undefined): PlanDiff {
  const pairs = pairObjectives(base, head);
  return {
    missions: diffMissions(base, head),
    objectives: [
      ...pairs.removed.map((objective): ObjectiveChange => ({ change: 'removed', id: objective.id, title: objective.title, actors: [], sameTitleAs: pairs.sameTitle.get(objective.id) })),
      ...[...pairs.headIdOf].flatMap(([baseId, headId]) => objectiveChange(base.objectiveById.get(baseId)!, head.objectiveById.get(headId)!, head)),
      ...pairs.added.map((objective): ObjectiveChange => ({ change: 'added', id: objective.id, title: objective.title, actors: [] })),
    ].sort(byId),
    projects: diffProjects(base, head, pairs),
    dups: diffDups(base, head, pairs),
    consultations: diffConsultations(base, head, pairs),
    figures: figuresAsOf === undefined ? undefined : diffFigures(base, head, figuresAsOf),
  };
}

function diffMissions(base: PlanModel, head: PlanModel): MissionChange[] {
  const changes: MissionChange[] = [];
  for (const mission of base.missions) if (!head.missionById.has(mission.id)) changes.push({ change: 'removed', id: mission.id, title: mission.title });
  for (const after of head.missions) {
    const before = base.missionById.get(after.id);
    if (!before) changes.push({ change: 'added', id: after.id, title: after.title });
    else if (missionChanged(before, after)) {
      changes.push({
        change: 'changed',
        id: after.id,
        title: after.title,
        titleChange: textChange(before.title, after.title),
        transcribed: before.objectivesTranscribed === after.objectivesTranscribed ? undefined : { before: before.objectivesTranscribed, after: after.objectivesTranscribed },
      });
    }
  }
  return changes.sort((a, b) => compareNatural(a.id, b.id));
}

function missionChanged(before: Mission, after: Mission): boolean {
  return before.title !== after.title || before.objectivesTranscribed !== after.objectivesTranscribed;
}

/** The change between an objective of the base and its counterpart in the head, if any. */
function objectiveChange(before: Objective, after: Objective, head: PlanModel): ObjectiveChange[] {
  const actors = head.actorColumns
    .filter((column) => (before.actors[column.id] ?? false) !== after.actors[column.id])
    .map((column) => ({ column: column.id, label: column.label, before: before.actors[column.id] ?? false, after: after.actors[column.id]! }));
  const renumbered = before.id !== after.id;
  if (!renumbered && before.title === after.title && actors.length === 0) return [];
  return [{ change: renumbered ? 'renumbered' : 'changed', id: after.id, from: renumbered ? before.id : undefined, title: after.title, titleChange: textChange(before.title, after.title), actors }];
}

/** A title change, or undefined when the title is the same. */
function textChange(before: string, after: string): TextChange | undefined {
  return before === after ? undefined : { before, after };
}

/** By id (M1.9 before M1.10), a removed objective before the one that took its id. */
function byId(a: ObjectiveChange, b: ObjectiveChange): number {
  return compareNatural(a.id, b.id) || Number(b.change === 'removed') - Number(a.change === 'removed');
}
