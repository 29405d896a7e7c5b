import type { PlanRule } from './rule.js';

/** Each former id has one successor: two objectives superseding it would leave its links two ways to count. */
export const supersedesRule: PlanRule = ({ missions }, report) => {
  const successor = new Map<string, string>();
  for (const { file, data } of missions) {
    data.objectives.forEach((objective, index) => {
      (objective.supersedes ?? []).forEach((former, formerIndex) => {
        const first = successor.get(former);
        if (first === undefined) successor.set(former, objective.id);
        else report(file, 'SUPERSEDED_TWICE', { objective: objective.id, former, first }, ['objectives', index, 'supersedes', formerIndex]);
      });
    });
  }
};
