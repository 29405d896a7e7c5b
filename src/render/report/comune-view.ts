import type { ComuneAlignment, DupObjectiveAlignment } from '../../compute/dup-alignment.js';
import type { PlanModel } from '../../model/plan-model.js';
import type { Comune } from '../../model/reference.js';
import { reachesComune } from '../../model/territory.js';
import type { ProjectRow, ReportView } from './report-view.js';

/** A PSTTM objective as the comune's page names it. */
interface ObjectiveRef {
  id: string;
  missionId: string;
  title: string;
}

/** A DUP objective with the PSTTM objectives it serves through confirmed links. */
interface ComuneObjectiveRow extends DupObjectiveAlignment {
  confirmedObjectives: ObjectiveRef[];
}

/**
 * The page a comune takes home (`psttm report --comune`): its DUP objectives and the PSTTM objectives
 * they serve, the objectives for the Comuni its DUP does not serve, and the projects that reach it.
 * Drawn from the main report's view, so its figures are the main report's.
 */
export interface ComuneReportView {
  title: string;
  plan: ReportView['plan'];
  asOf: string;
  comune: Omit<ComuneAlignment, 'objectives' | 'served' | 'notServed'>;
  objectives: ComuneObjectiveRow[];
  /** The suggestions not yet confirmed or rejected, DUP objective by objective, best first: listed apart, counted nowhere. */
  pending: { code: string; objective: ObjectiveRef; score: number | undefined }[];
  /** PSTTM objectives its DUP serves through confirmed links, in plan order. */
  served: ObjectiveRef[];
  /** Objectives the plan marks for the Comuni column that its DUP does not serve, in plan order. */
  notServed: ObjectiveRef[];
  /** Projects whose territory reaches the comune (the whole city, its zone or its ISTAT code), cancelled ones left out, in portfolio order. */
  projects: ProjectRow[];
}

export function buildComuneView(model: PlanModel, view: ReportView, comune: Comune): ComuneReportView {
  const alignment = view.comuni.alignment.find((candidate) => candidate.istat === comune.istat)!;
  const objectiveRef = (id: string): ObjectiveRef => {
    const objective = model.objectiveById.get(id);
    return { id, missionId: objective?.missionId ?? '', title: objective?.title ?? '' };
  };
  const { objectives, served, notServed, ...identity } = alignment;
  return {
    title: view.title,
    plan: view.plan,
    asOf: view.asOf,
    comune: identity,
    objectives: objectives.map((objective) => ({ ...objective, confirmedObjectives: objective.confirmed.map(objectiveRef) })),
    pending: objectives.flatMap((objective) => objective.suggested.map((suggestion) => ({ code: objective.code, objective: objectiveRef(suggestion.objective), score: suggestion.score }))),
    served: served.map(objectiveRef),
    notServed: notServed.map(objectiveRef),
    projects: view.projects.filter((row) => row.projectStatus !== 'cancelled' && reachesComune(model.projectById.get(row.id)!.territory, comune, model.reference)),
  };
}
