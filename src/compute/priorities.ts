import { normalizeId } from '../model/ids.js';
import { currentObjectiveId } from '../model/plan-lookup.js';
import type { PlanModel } from '../model/plan-model.js';

/** How stakeholders ranked an objective: votes summed over the consultations held by the as-of date. */
export interface Priority {
  objectiveId: string;
  votes: number;
  /** 1 for the most voted; equal votes share a rank (1, 2, 2, 4). */
  rank: number;
  /** Share of all votes cast. */
  share: number;
  consultations: string[];
}

/** The objectives that received votes, most voted first. Consultations without a date count whatever the as-of date. */
export function computePriorities(model: PlanModel, asOf: string): Priority[] {
  const byObjective = new Map<string, { votes: number; consultations: Set<string> }>();
  let total = 0;
  for (const consultation of model.consultations) {
    if (consultation.date !== undefined && consultation.date > asOf) continue;
    for (const vote of consultation.votes ?? []) {
      const id = currentObjectiveId(model, normalizeId(vote.objective));
      const entry = byObjective.get(id) ?? { votes: 0, consultations: new Set<string>() };
      entry.votes += vote.votes;
      entry.consultations.add(consultation.id);
      byObjective.set(id, entry);
      total += vote.votes;
    }
  }
  const sorted = [...byObjective].filter(([, entry]) => entry.votes > 0).sort(([a, x], [b, y]) => y.votes - x.votes || a.localeCompare(b, 'en', { numeric: true }));
  const priorities: Priority[] = [];
  for (const [objectiveId, entry] of sorted) {
    const previous = priorities.at(-1);
    const rank = previous && previous.votes === entry.votes ? previous.rank : priorities.length + 1;
    priorities.push({ objectiveId, votes: entry.votes, rank, share: entry.votes / total, consultations: [...entry.consultations] });
  }
  return priorities;
}
