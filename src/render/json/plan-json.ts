import type { Mission, Objective, Project } from '../../model/plan-model.js';

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

export function toJsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
