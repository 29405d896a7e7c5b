import { normalizeId } from '../../model/ids.js';
import { closestMatch } from '../../model/did-you-mean.js';
import { currentObjectiveId } from '../../model/plan-lookup.js';
import { linkablePlan, type ProjectRule } from './rule.js';

/**
 * Consultations vote for objectives of the plan, once each, in a zona omogenea; the votes cannot
 * exceed what the participants could cast; and a consultation without results says so.
 */
export const consultationsRule: ProjectRule = (context, report) => {
  const { consultations, reference } = context;
  const plan = linkablePlan(context);
  const objectiveIds = [...(plan?.objectiveById.keys() ?? [])];
  for (const { file, data } of consultations) {
    if (!reference.findZone(data.zone)) {
      report(file, 'UNKNOWN_ZONE', { zone: data.zone, suggestion: closestMatch(data.zone, reference.zones) }, ['zone']);
    }
    if (data.votes_status === 'not_available') {
      report(file, 'CONSULTATION_WITHOUT_RESULTS', { consultation: data.id }, ['votes_status']);
      continue;
    }
    const seen = new Set<string>();
    const votes = data.votes ?? [];
    votes.forEach((vote, index) => {
      const id = normalizeId(vote.objective);
      if (seen.has(id)) report(file, 'DUPLICATE_ID', { case: 'vote', objective: id }, ['votes', index, 'objective']);
      seen.add(id);
      // Votes are transcribed as cast: one for a former id counts for its successor, unremarked.
      if (plan && !plan.objectiveById.has(currentObjectiveId(plan, id))) {
        report(file, 'UNKNOWN_OBJECTIVE', { objective: vote.objective, suggestion: closestMatch(id, objectiveIds) }, ['votes', index, 'objective']);
      }
    });
    const total = votes.reduce((sum, vote) => sum + vote.votes, 0);
    const possible = data.max_choices * (data.participants ?? 0);
    if (total > possible) {
      report(file, 'VOTES_EXCEED_PARTICIPANTS', { votes: total, participants: data.participants ?? 0, maxChoices: data.max_choices, possible }, ['participants']);
    }
  }
};
