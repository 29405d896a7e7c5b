import type { Mission, Objective, Project } from '../../model/plan-model.js';
import { assertFiniteNumbers } from '../finite-numbers.js';

/** The JSON shape of an objective (documented in the README; stable). */
export function objectiveJson(objective: Objective) {
  return {
    id: objective.id,
    mission: objective.missionId,
    number: objective.number,
    title: objective.title,
    actors: objective.actors,
  };
}

/** The JSON shape of a mission (documented in the README; stable). */
export function missionJson(mission: Mission) {
  return {
    id: mission.id,
    number: mission.number,
    title: mission.title,
    pnrrMission: mission.pnrrMission,
    themes: mission.themes,
    objectivesTranscribed: mission.objectivesTranscribed,
    objectives: mission.objectives.length,
  };
}

/** The JSON shape of a project in lists (documented in the README; stable). */
export function projectSummaryJson(project: Project) {
  return {
    id: project.id,
    title: project.title,
    status: project.status,
    lead: project.lead ? { kind: project.lead.kind, name: project.lead.name } : null,
    objectives: project.objectives.map((link) => link.id),
  };
}

/** Characters JSON.stringify leaves raw that a terminal or a JavaScript parser would act on: DEL, C1 controls, U+2028/U+2029, bidi overrides. */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text for a client: those characters are written as `\uXXXX` escapes (they can only occur
 * inside strings, so the JSON means the same), and a non-finite number, which JSON.stringify would
 * silently turn into null, stops the run.
 */
export function toJsonText(value: unknown): string {
  assertFiniteNumbers(value, 'JSON output');
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}
