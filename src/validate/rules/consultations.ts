import { normalizeId } from '../../model/ids.js';
import { closestMatch } from '../did-you-mean.js';
import type { ProjectRule } from './rule.js';

/**
 * Consultations vote for objectives of the plan, once each, in a zona omogenea; the votes cannot
 * exceed what the participants could cast; and a consultation without results says so.
 */
export const consultationsRule: ProjectRule = ({ plan, consultations, reference }, report) => {
  const objectiveIds = [...plan.objectiveById.keys()];
  for (const { file, data } of consultations) {
    if (!reference.findZone(data.zone)) {
      const suggestion = closestMatch(data.zone, reference.zones);
      report(file, 'UNKNOWN_ZONE', `"${data.zone}" is not a zona omogenea${suggestion ? `; did you mean "${suggestion}"?` : ''}`, ['zone']);
    }
    if (data.votes_status === 'not_available') {
      report(file, 'CONSULTATION_WITHOUT_RESULTS', `${data.id}: the source gives no results, so this consultation ranks no objective yet`, ['votes_status']);
      continue;
    }
    const seen = new Set<string>();
    const votes = data.votes ?? [];
    votes.forEach((vote, index) => {
      const id = normalizeId(vote.objective);
      if (seen.has(id)) report(file, 'DUPLICATE_ID', `${id} is counted twice; add its votes into one entry`, ['votes', index, 'objective']);
      seen.add(id);
      if (!plan.objectiveById.has(id)) {
        const suggestion = closestMatch(id, objectiveIds);
        report(file, 'UNKNOWN_OBJECTIVE', `${vote.objective} is not an objective of the plan${suggestion ? `; did you mean ${suggestion}?` : ''}`, ['votes', index, 'objective']);
      }
    });
    const total = votes.reduce((sum, vote) => sum + vote.votes, 0);
    const possible = data.max_choices * (data.participants ?? 0);
    if (total > possible) {
      report(file, 'VOTES_EXCEED_PARTICIPANTS', `${total} votes, but ${data.participants} participants choosing up to ${data.max_choices} objectives cast at most ${possible}`, ['participants']);
    }
  }
};
