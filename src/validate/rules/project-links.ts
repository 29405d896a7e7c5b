import { normalizeId, parseObjectiveId } from '../../model/ids.js';
import { closestMatch } from '../did-you-mean.js';
import type { ProjectRule } from './rule.js';

/** Weights summing to 1 within this tolerance are accepted (0.1 + 0.2 is not exactly 0.3). */
const WEIGHT_TOLERANCE = 1e-9;

/**
 * Links name objectives of the plan, once each; weights are given for all links or none and sum to
 * 1; and the lead's kind works in an actor column the objective marks.
 */
export const projectLinksRule: ProjectRule = ({ plan, projects }, report) => {
  const objectiveIds = [...plan.objectiveById.keys()];
  for (const { file, data } of projects) {
    if (!data.lead) report(file, 'LEAD_NOT_STATED', `${data.id} names no lead, so it credits no actor column of the objectives it serves; add lead when the source names one`, ['id']);
    const seen = new Set<string>();
    data.objectives.forEach((link, index) => {
      const path = ['objectives', index, 'id'];
      if (seen.has(link.id)) report(file, 'DUPLICATE_ID', `${data.id} links to ${link.id} twice`, path);
      seen.add(link.id);
      const objective = plan.objectiveById.get(link.id);
      if (!objective) {
        const mission = plan.missionById.get(parseObjectiveId(link.id)?.missionId ?? normalizeId(link.id));
        if (mission && !mission.objectivesTranscribed) {
          report(file, 'MISSION_WITHOUT_OBJECTIVES', `${link.id}: mission ${mission.id} "${mission.title}" has no objectives yet (the source lacks them), so this link counts nowhere`, path);
        } else {
          const suggestion = closestMatch(normalizeId(link.id), objectiveIds);
          report(file, 'UNKNOWN_OBJECTIVE', `${link.id} is not an objective of the plan${suggestion ? `; did you mean ${suggestion}?` : ''}`, path);
        }
        return;
      }
      if (!data.lead) return;
      const leadKind = data.lead.kind;
      const columns = plan.actorColumns.filter((column) => column.leadKind === leadKind);
      const marked = plan.actorColumns.filter((column) => objective.actors[column.id]).map((column) => column.label);
      // An objective that marks no column is reported by the plan rules already.
      if (columns.length > 0 && marked.length > 0 && !columns.some((column) => objective.actors[column.id])) {
        report(file, 'LEAD_KIND_NOT_EXPECTED', `${link.id} is marked for ${marked.join(', ')}, not for ${columns.map((column) => column.label).join(', ')}, yet a ${leadKind} leads ${data.id}`, path);
      }
    });
    const weights = data.objectives.map((link) => link.weight);
    const given = weights.filter((weight) => weight !== undefined);
    if (given.length > 0 && given.length < weights.length) {
      report(file, 'WEIGHT_SUM', `${given.length} of ${weights.length} links have a weight; give a weight to every link or to none`, ['objectives']);
    } else if (given.length > 0) {
      const sum = given.reduce((total, weight) => total + weight, 0);
      if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) report(file, 'WEIGHT_SUM', `link weights sum to ${Number(sum.toFixed(6))}; make them sum to 1`, ['objectives']);
    }
  }
};
