import { closestMatch } from '../../model/did-you-mean.js';
import type { PlanRule } from './rule.js';

/**
 * Every objective says, for each actor column declared in plan.yaml and no other, whether it
 * applies; at least one applies. Directions name declared columns too.
 */
export const actorColumnsRule: PlanRule = ({ plan, missions }, report) => {
  if (!plan) return;
  const columns = plan.data.actor_columns.map((column) => column.id);
  const unknown = (name: string, objective?: string) => ({ objective, name, suggestion: closestMatch(name, columns), columns });

  plan.data.directions.forEach((direction, index) => {
    if (!columns.includes(direction.actor_column)) {
      report(plan.file, 'UNKNOWN_ACTOR_COLUMN', unknown(direction.actor_column), ['directions', index, 'actor_column']);
    }
  });

  for (const { file, data } of missions) {
    data.objectives.forEach((objective, index) => {
      const path = ['objectives', index, 'actors'];
      for (const name of Object.keys(objective.actors)) {
        if (!columns.includes(name)) report(file, 'UNKNOWN_ACTOR_COLUMN', unknown(name, objective.id), [...path, name], 'key');
      }
      const missing = columns.filter((column) => !Object.hasOwn(objective.actors, column));
      if (missing.length > 0) {
        report(file, 'MISSING_ACTOR_COLUMN', { objective: objective.id, columns: missing }, path);
      }
      if (!columns.some((column) => objective.actors[column] === true)) {
        report(file, 'NO_ACTOR_MARKED', { objective: objective.id }, path);
      }
    });
  }
};
