import { normalizeId, parseObjectiveId } from '../../model/ids.js';
import { closestMatch } from '../../model/did-you-mean.js';
import { currentObjectiveId } from '../../model/plan-lookup.js';
import { linkablePlan, type ProjectRule } from './rule.js';

/** Weights summing to 1 within this tolerance are accepted (0.1 + 0.2 is not exactly 0.3). */
const WEIGHT_TOLERANCE = 1e-9;

/**
 * Links name objectives of the plan, once each; weights are given for all links or none and sum to
 * 1; and the lead's kind works in an actor column the objective marks.
 */
export const projectLinksRule: ProjectRule = (context, report) => {
  const { projects } = context;
  const plan = linkablePlan(context);
  const objectiveIds = [...(plan?.objectiveById.keys() ?? [])];
  for (const { file, data } of projects) {
    if (!data.lead) report(file, 'LEAD_NOT_STATED', { project: data.id }, ['id']);
    const seen = new Set<string>();
    data.objectives.forEach((link, index) => {
      const path = ['objectives', index, 'id'];
      if (seen.has(link.id)) report(file, 'DUPLICATE_ID', { case: 'link', project: data.id, objective: link.id }, path);
      seen.add(link.id);
      if (!plan) return;
      const current = currentObjectiveId(plan, link.id);
      if (current !== link.id) report(file, 'LINK_TO_SUPERSEDED', { objective: link.id, current }, path);
      const objective = plan.objectiveById.get(current);
      if (!objective) {
        const mission = plan.missionById.get(parseObjectiveId(link.id)?.missionId ?? normalizeId(link.id));
        if (mission && !mission.objectivesTranscribed) {
          report(file, 'MISSION_WITHOUT_OBJECTIVES', { objective: link.id, mission: mission.id, title: mission.title }, path);
        } else {
          report(file, 'UNKNOWN_OBJECTIVE', { objective: link.id, suggestion: closestMatch(normalizeId(link.id), objectiveIds) }, path);
        }
        return;
      }
      if (!data.lead) return;
      const leadKind = data.lead.kind;
      const columns = plan.actorColumns.filter((column) => column.leadKind === leadKind);
      const marked = plan.actorColumns.filter((column) => objective.actors[column.id]).map((column) => column.label);
      // An objective that marks no column is reported by the plan rules already.
      if (columns.length > 0 && marked.length > 0 && !columns.some((column) => objective.actors[column.id])) {
        report(file, 'LEAD_KIND_NOT_EXPECTED', { objective: current, marked, columns: columns.map((column) => column.label), leadKind, project: data.id }, path);
      }
    });
    const weights = data.objectives.map((link) => link.weight);
    const given = weights.filter((weight) => weight !== undefined);
    if (given.length > 0 && given.length < weights.length) {
      report(file, 'WEIGHT_SUM', { case: 'partial', given: given.length, links: weights.length }, ['objectives']);
    } else if (given.length > 0) {
      const sum = given.reduce((total, weight) => total + weight, 0);
      if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) report(file, 'WEIGHT_SUM', { case: 'sum', sum: Number(sum.toFixed(6)) }, ['objectives']);
    }
  }
};
