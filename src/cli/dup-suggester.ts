import { buildSuggestionIndex, suggestObjectives } from '../compute/dup-suggestions.js';
import type { Suggest } from '../edit/dup-import.js';
import type { PlanModel } from '../model/plan-model.js';

/** The PSTTM objectives an import suggests for each DUP objective (top 3, see compute/dup-suggestions), as unconfirmed links with their score. */
export function dupSuggester(model: PlanModel): Suggest {
  const index = buildSuggestionIndex(model);
  return (objective, exclude) => suggestObjectives(index, objective, { exclude }).map(({ objective: id, score }) => ({ objective: id, confirmed: false, score }));
}
