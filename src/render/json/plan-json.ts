import type { Mission, Objective } from '../../model/plan-model.js';

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

export function toJsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
