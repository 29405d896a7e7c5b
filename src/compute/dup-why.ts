import type { Dup, PlanModel } from '../model/plan-model.js';
import type { DupObjectiveData } from '../model/plan-data.js';
import { explainSuggestion, suggestObjectives, type SuggestionExplanation, type SuggestionIndex } from './dup-suggestions.js';

/** A link of the DUP file (confirmed or suggested) with the score it gets now and how. */
interface ExplainedLink {
  objective: string;
  confirmed: boolean;
  /** The score written in the file when it was suggested, null when it has none. */
  storedScore: number | null;
  /** Null for an objective the plan does not have. */
  explanation: SuggestionExplanation | null;
}

/** What psttm why shows for a DUP objective: the objective, its links, and how each suggestion scores. */
export interface DupObjectiveWhy {
  id: string;
  comune: { istat: string; name: string };
  file: string;
  code: string;
  level: DupObjectiveData['level'];
  missione: string | null;
  missioneName: string | null;
  programma: string | null;
  title: string;
  /** Its current psttm: entries, in file order. */
  links: ExplainedLink[];
  rejected: string[];
  /** The top 3 it would be suggested now (never a rejected one), best first. */
  suggestions: SuggestionExplanation[];
}

/** Explains the links and suggestions of one objective of a DUP. */
export function explainDupObjective(model: PlanModel, index: SuggestionIndex, dup: Dup, objective: DupObjectiveData, id: string): DupObjectiveWhy {
  const rejected = objective.rejected ?? [];
  return {
    id,
    comune: dup.comune,
    file: dup.file,
    code: objective.code,
    level: objective.level,
    missione: objective.missione ?? null,
    missioneName: model.reference.budgetMissions.find((mission) => mission.code === objective.missione)?.name ?? null,
    programma: objective.programma ?? null,
    title: objective.title,
    links: (objective.psttm ?? []).map((link) => ({ objective: link.objective, confirmed: link.confirmed, storedScore: link.score ?? null, explanation: explainSuggestion(index, objective, link.objective) ?? null })),
    rejected,
    suggestions: suggestObjectives(index, objective, { exclude: new Set(rejected) }).map((suggestion) => explainSuggestion(index, objective, suggestion.objective)!),
  };
}
