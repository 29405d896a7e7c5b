import type { Suggest } from '../edit/dup-import.js';
import type { PlanModel } from '../model/plan-model.js';

/** The suggestions of PSTTM objectives an import writes for each DUP objective (none until the suggestion engine is merged). */
export function dupSuggester(_model: PlanModel): Suggest {
  return () => [];
}
