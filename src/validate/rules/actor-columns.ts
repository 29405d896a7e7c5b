import { closestMatch } from '../did-you-mean.js';
import type { PlanRule } from './rule.js';

/**
 * Every objective says, for each actor column declared in plan.yaml and no other, whether it
 * applies; at least one applies. Directions name declared columns too.
 */
export const actorColumnsRule: PlanRule = ({ plan, missions }, report) => {
  if (!plan) return;
  const columns = plan.data.actor_columns.map((column) => column.id);
  const unknown = (name: string) => {
    const suggestion = closestMatch(name, columns);
    return `"${name}" is not an actor column of plan.yaml${suggestion ? `; did you mean "${suggestion}"?` : `; use one of: ${columns.join(', ')}`}`;
  };

  plan.data.directions.forEach((direction, index) => {
    if (!columns.includes(direction.actor_column)) {
      report(plan.file, 'UNKNOWN_ACTOR_COLUMN', unknown(direction.actor_column), ['directions', index, 'actor_column']);
    }
  });

  for (const { file, data } of missions) {
    data.objectives.forEach((objective, index) => {
      const path = ['objectives', index, 'actors'];
      for (const name of Object.keys(objective.actors)) {
        if (!columns.includes(name)) report(file, 'UNKNOWN_ACTOR_COLUMN', `${objective.id}: ${unknown(name)}`, [...path, name], 'key');
      }
      const missing = columns.filter((column) => !Object.hasOwn(objective.actors, column));
      if (missing.length > 0) {
        report(file, 'MISSING_ACTOR_COLUMN', `${objective.id}: say whether ${missing.join(', ')} applies (true or false)`, path);
      }
      if (!columns.some((column) => objective.actors[column] === true)) {
        report(file, 'NO_ACTOR_MARKED', `${objective.id} marks no actor column; the plan marks at least one for every objective`, path);
      }
    });
  }
};
