import type { ConsultationData, IndicatorData, MissionData, PlanData, ProjectData } from '../../src/model/plan-data.ts';
import { buildPlanModel, type Dup, type PlanModel } from '../../src/model/plan-model.ts';
import { buildReference } from '../../src/model/reference.ts';

const PLAN: PlanData = {
  id: 'test-plan',
  title: 'Piano di prova',
  period: { start: 2025, end: 2027 },
  source: { title: 'Test fixture' },
  vision: { summary: '', keywords: [] },
  action_coordinates: [],
  directions: [],
  actor_columns: [
    { id: 'citta_metropolitana', label: 'Città metropolitana', lead_kind: 'citta_metropolitana' },
    { id: 'comuni', label: 'Comuni', lead_kind: 'comune' },
    { id: 'corpi_intermedi', label: 'Corpi intermedi', lead_kind: 'corpo_intermedio' },
  ],
  monitoring: { on_track_ratio: 0.95, at_risk_ratio: 0.6, freshness_months: 12, project_update_months: 12 },
};

/** A mission with its objectives, each with its actor columns (Città metropolitana, comuni, corpi intermedi) marked or not. */
export const mission = (id: string, objectives: [string, boolean, boolean, boolean][], transcribed = true): MissionData => ({
  id,
  title: `Missione ${id}`,
  pnrr_mission: id,
  description: '',
  source: 'Test fixture',
  themes: [],
  objectives_status: transcribed ? 'transcribed' : 'not_transcribed',
  objectives: objectives.map(([objectiveId, cm, comuni, corpi]) => ({ id: objectiveId, title: `Obiettivo ${objectiveId}`, actors: { citta_metropolitana: cm, comuni, corpi_intermedi: corpi } })),
});

/** M1: M1.1 (CM, comuni), M1.2 (CM); M2: M2.1 (comuni, corpi intermedi); M3 without objectives. */
const MISSIONS = [
  mission('M1', [
    ['M1.1', true, true, false],
    ['M1.2', true, false, false],
  ]),
  mission('M2', [['M2.1', false, true, true]]),
  mission('M3', [], false),
];

const REFERENCE = buildReference(
  [
    { istat: '015146', name: 'Milano', zone: 'Milano' },
    { istat: '015209', name: 'Sesto San Giovanni', zone: 'Nord Milano' },
    { istat: '015077', name: 'Cinisello Balsamo', zone: 'Nord Milano' },
  ],
  [],
);

/** A project with defaults for what a test does not care about. */
export function project(id: string, overrides: Partial<ProjectData> = {}): ProjectData & { file: string } {
  return {
    id,
    title: `Progetto ${id}`,
    status: 'in_progress',
    lead: { kind: 'citta_metropolitana', name: 'Città metropolitana di Milano' },
    territory: { scope: 'metropolitan' },
    objectives: [{ id: 'M1.1' }],
    sources: [{ id: 'doc', title: 'Test fixture' }],
    updated: '2026-01-01',
    file: `plan/projects/${id}.yaml`,
    ...overrides,
  };
}

/** An increasing quantitative indicator from 0 on 2025-01-01 to 100 on 2027-01-01 (730 days), with the given actuals. */
export function indicator(actuals: [string, number][], overrides: Partial<IndicatorData> = {}): IndicatorData {
  return {
    id: 'misura',
    name: 'Misura',
    unit: 'n',
    kind: 'quantitative',
    direction: 'increase',
    baseline: { value: 0, date: '2025-01-01' },
    targets: [{ value: 100, date: '2027-01-01' }],
    actuals: actuals.map(([date, value]) => ({ date, value, source: 'doc' })),
    ...overrides,
  };
}

export function testModel(projects: (ProjectData & { file: string })[] = [], consultations: ConsultationData[] = [], missions: MissionData[] = MISSIONS, dups: Dup[] = []): PlanModel {
  return buildPlanModel(PLAN, missions, { projects, consultations, dups }, REFERENCE);
}
