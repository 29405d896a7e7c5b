import { stemmer } from '@orama/stemmers/italian';
import { ita as italianStopWords } from 'stopword';
import type { PlanModel } from '../model/plan-model.js';
import type { CrosswalkRow } from '../model/reference.js';

/** The text of a DUP objective that suggestions are made from. */
export interface DupText {
  title: string;
  description?: string;
  indirizzo?: string;
  missione?: string;
  programma?: string;
}

/** A PSTTM objective suggested for a DUP objective; score in [0, 1], rounded to 2 decimals. */
export interface Suggestion {
  objective: string;
  score: number;
}

/** Where a stem occurs in the objectives: for each, how strongly it matches there (0..1). */
interface Posting {
  idf: number;
  matches: Map<number, number>;
}

/** What suggestions are computed from, built once per run from the plan's objectives, missions and crosswalk. */
export interface SuggestionIndex {
  /** The plan's objectives with a mission that has objectives (never mission 6 while it has none). */
  objectives: { id: string; missionId: string }[];
  postings: Map<string, Posting>;
  /** The weight of a stem no objective uses: the rarest there can be. */
  unknownIdf: number;
  crosswalkByMissione: Map<string, CrosswalkRow>;
}

/** One stem of the DUP text: its weight (idf) and how strongly the objective matches it (0..1). */
interface StemMatch {
  stem: string;
  weight: number;
  match: number;
}

/** How a suggestion's score is made: `score = text × factor`, text the weighted share of the DUP text's stems the objective matches. */
export interface SuggestionExplanation {
  objective: string;
  score: number;
  /** The weighted share of the DUP text's stems the objective matches, 0..1. */
  text: number;
  /** Every stem of the DUP text, the matched ones first. */
  stems: StemMatch[];
  /** The DUP objective's missione (or the one of its programma), null when it has neither. */
  missione: string | null;
  /** Its crosswalk row, null when the crosswalk has none. */
  crosswalk: CrosswalkRow | null;
  /** Whether the row names a mission with objectives, so that it boosts some. */
  crosswalkApplies: boolean;
  /** Whether this objective's mission is one the row names. */
  inCrosswalk: boolean;
  /** 1 for an objective of a crosswalk mission or when the crosswalk does not apply, else 1 − CROSSWALK_WEIGHT. */
  factor: number;
}

/** BM25's term-frequency saturation and length normalisation, at their usual values. */
const K1 = 1.2;
const B = 0.75;
/** How much a stem found only in the objective's mission (title, description, themes) counts against one in its own title. */
const MISSION_FIELD_WEIGHT = 0.3;
/** The share of the score an objective outside the missions the crosswalk names loses. */
const CROSSWALK_WEIGHT = 0.4;
/**
 * Below this a match is one or two common words (`servizi`, `sviluppo`) in a long text, which a
 * planner would reject: better no suggestion than noise to review.
 */
const MINIMUM_SCORE = 0.1;
const DEFAULT_LIMIT = 3;

const STOP_WORDS = new Set(italianStopWords);

/**
 * The stems of a text: lower-cased words (split at apostrophes, `dell'acqua` → `dell`, `acqua`),
 * Italian stop words dropped, each stemmed by the Snowball Italian stemmer, then stripped of accents
 * so that `mobilità` and `mobilita` agree.
 */
function stems(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((word) => word.length > 1 && !STOP_WORDS.has(word)).map((word) => stemmer(word).normalize('NFD').replace(/\p{Diacritic}/gu, ''));
}

function termFrequencies(words: readonly string[]): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const word of words) frequencies.set(word, (frequencies.get(word) ?? 0) + 1);
  return frequencies;
}

/** BM25's idf, never negative: ln(1 + (N − df + 0.5) / (df + 0.5)). */
function idf(documents: number, documentFrequency: number): number {
  return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * Indexes each objective as a document of two fields, its title and its mission's title,
 * description and themes (BM25F): a stem's frequency in each field is normalised by the field's
 * length against its mean, the mission field weighs MISSION_FIELD_WEIGHT, and the sum saturates
 * as BM25's tf·(k1+1)/(k1+tf), capped at 1 so that a stem counts at most once. Linear in the plan's text.
 */
export function buildSuggestionIndex(model: PlanModel): SuggestionIndex {
  const missions = model.missions.filter((mission) => mission.objectives.length > 0);
  const missionStems = new Map(missions.map((mission) => [mission.id, stems([mission.title, mission.description, ...mission.themes].join(' '))]));
  const objectives = missions.flatMap((mission) => mission.objectives.map((objective) => ({ id: objective.id, missionId: mission.id, title: stems(objective.title) })));
  const mean = (lengths: number[]) => (lengths.length === 0 ? 1 : lengths.reduce((sum, length) => sum + length, 0) / lengths.length) || 1;
  const meanTitle = mean(objectives.map((objective) => objective.title.length));
  const meanMission = mean([...missionStems.values()].map((words) => words.length));
  const missionFrequencies = new Map([...missionStems].map(([id, words]) => [id, termFrequencies(words)]));

  const frequencies = new Map<string, Map<number, number>>();
  objectives.forEach((objective, index) => {
    const missionWords = missionStems.get(objective.missionId)!;
    const titleNorm = 1 - B + (B * objective.title.length) / meanTitle;
    const missionNorm = 1 - B + (B * missionWords.length) / meanMission;
    const titleFrequencies = termFrequencies(objective.title);
    const missionFrequency = missionFrequencies.get(objective.missionId)!;
    for (const stem of new Set([...titleFrequencies.keys(), ...missionFrequency.keys()])) {
      const weighted = (titleFrequencies.get(stem) ?? 0) / titleNorm + (MISSION_FIELD_WEIGHT * (missionFrequency.get(stem) ?? 0)) / missionNorm;
      const byObjective = frequencies.get(stem) ?? new Map<number, number>();
      byObjective.set(index, weighted);
      frequencies.set(stem, byObjective);
    }
  });

  const postings = new Map<string, Posting>();
  for (const [stem, byObjective] of frequencies) {
    const matches = new Map([...byObjective].map(([index, weighted]) => [index, Math.min(1, (weighted * (K1 + 1)) / (K1 + weighted))]));
    postings.set(stem, { idf: idf(objectives.length, byObjective.size), matches });
  }
  return {
    objectives: objectives.map(({ id, missionId }) => ({ id, missionId })),
    postings,
    unknownIdf: idf(objectives.length, 0),
    crosswalkByMissione: new Map(model.reference.crosswalk.map((row) => [row.missione, row])),
  };
}

/** The DUP objective's missione: its own, else the MM of its programma. */
function missioneOf(text: DupText): string | undefined {
  return text.missione ?? text.programma?.split('.')[0];
}

/** A DUP text ready to score: its distinct stems with their weights (idf), and the missions its crosswalk row boosts. */
interface Query {
  stems: { stem: string; weight: number }[];
  /** Σ weight: the score of an objective matching every stem fully. */
  total: number;
  /** Undefined when the crosswalk has nothing to say (no missione, no row, or no mission with objectives in it). */
  boosted: Set<string> | undefined;
}

function queryOf(index: SuggestionIndex, text: DupText): Query {
  const distinct = new Set(stems([text.title, text.description ?? '', text.indirizzo ?? ''].join(' ')));
  const query = [...distinct].map((stem) => ({ stem, weight: index.postings.get(stem)?.idf ?? index.unknownIdf }));
  const missione = missioneOf(text);
  const row = missione === undefined ? undefined : index.crosswalkByMissione.get(missione);
  const boosted = new Set(row?.psttmMissions.filter((id) => index.objectives.some((objective) => objective.missionId === id)));
  return { stems: query, total: query.reduce((sum, { weight }) => sum + weight, 0), boosted: boosted.size > 0 ? boosted : undefined };
}

/** 1 for an objective of a mission the crosswalk boosts (or when it boosts none), else 1 − CROSSWALK_WEIGHT. */
function crosswalkFactor(query: Query, missionId: string): number {
  return query.boosted === undefined || query.boosted.has(missionId) ? 1 : 1 - CROSSWALK_WEIGHT;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The PSTTM objectives a DUP objective most likely serves, best first (ties in plan order):
 * score = text × factor, where text = Σ idf·match over the DUP text's stems / Σ idf (the weighted
 * share of its words the objective matches) and factor = 1 for an objective of a mission the
 * missione's crosswalk row names, 1 − CROSSWALK_WEIGHT otherwise (1 for all when the row names no
 * mission with objectives). Never an excluded id, never below MINIMUM_SCORE. Walks only the
 * objectives that share a stem with the text.
 */
export function suggestObjectives(index: SuggestionIndex, text: DupText, options: { exclude?: ReadonlySet<string>; limit?: number } = {}): Suggestion[] {
  const query = queryOf(index, text);
  if (query.total === 0) return [];
  const matched = new Map<number, number>();
  for (const { stem, weight } of query.stems) {
    for (const [objective, match] of index.postings.get(stem)?.matches ?? []) matched.set(objective, (matched.get(objective) ?? 0) + weight * match);
  }
  return [...matched]
    .map(([position, sum]) => {
      const objective = index.objectives[position]!;
      return { position, objective: objective.id, score: (sum / query.total) * crosswalkFactor(query, objective.missionId) };
    })
    .filter((candidate) => candidate.score >= MINIMUM_SCORE && !options.exclude?.has(candidate.objective))
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, options.limit ?? DEFAULT_LIMIT)
    .map(({ objective, score }) => ({ objective, score: round2(score) }));
}

/** The parts of the score a DUP text gets for an objective (any objective of the index, suggested or not), as psttm why shows them. */
export function explainSuggestion(index: SuggestionIndex, text: DupText, objectiveId: string): SuggestionExplanation | undefined {
  const position = index.objectives.findIndex((objective) => objective.id === objectiveId);
  if (position < 0) return undefined;
  const query = queryOf(index, text);
  const stemMatches = query.stems
    .map(({ stem, weight }) => ({ stem, weight, match: index.postings.get(stem)?.matches.get(position) ?? 0 }))
    .sort((a, b) => b.weight * b.match - a.weight * a.match);
  const textScore = query.total === 0 ? 0 : stemMatches.reduce((sum, { weight, match }) => sum + weight * match, 0) / query.total;
  const missionId = index.objectives[position]!.missionId;
  const missione = missioneOf(text);
  const factor = crosswalkFactor(query, missionId);
  return {
    objective: objectiveId,
    score: round2(textScore * factor),
    text: round2(textScore),
    stems: stemMatches.map(({ stem, weight, match }) => ({ stem, weight: round2(weight), match: round2(match) })),
    missione: missione ?? null,
    crosswalk: (missione === undefined ? undefined : index.crosswalkByMissione.get(missione)) ?? null,
    crosswalkApplies: query.boosted !== undefined,
    inCrosswalk: query.boosted?.has(missionId) ?? false,
    factor,
  };
}
