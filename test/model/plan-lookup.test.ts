import { describe, expect, it } from 'vitest';
import { findPlanItem, planIds, untranscribedMissionOf } from '../../src/model/plan-lookup.ts';
import { project, testModel } from '../helpers/model.ts';

const model = testModel([project('bike-lanes'), project('M1-hub')]);

describe('finding a plan item by what a user typed', () => {
  it('an objective by its id, its lower-case id or its bare number', () => {
    for (const input of ['M1.2', 'm1.2', '1.2', ' 1.2 ']) expect(findPlanItem(model, input)).toEqual({ kind: 'objective', objective: model.objectiveById.get('M1.2') });
  });

  it('a mission by its id or its number', () => {
    expect(findPlanItem(model, '2')).toEqual({ kind: 'mission', mission: model.missionById.get('M2') });
    expect(findPlanItem(model, 'm3')).toEqual({ kind: 'mission', mission: model.missionById.get('M3') });
  });

  it('a project by its id, trimmed, and only as written', () => {
    expect(findPlanItem(model, ' bike-lanes ')).toEqual({ kind: 'project', project: model.projectById.get('bike-lanes') });
    expect(findPlanItem(model, 'Bike-Lanes')).toBeUndefined();
  });

  it('nothing for an id the plan lacks', () => {
    expect(findPlanItem(model, 'M1.9')).toBeUndefined();
    expect(findPlanItem(model, '')).toBeUndefined();
  });

  it('lists the ids a typo is compared with: objectives, missions, projects', () => {
    expect(planIds(model)).toEqual(['M1.1', 'M1.2', 'M2.1', 'M1', 'M2', 'M3', 'bike-lanes', 'M1-hub']);
  });

  it('names the mission an objective id would belong to only when its objectives are not transcribed', () => {
    expect(untranscribedMissionOf(model, 'M3.1')?.id).toBe('M3');
    expect(untranscribedMissionOf(model, 'M1.9')).toBeUndefined();
    expect(untranscribedMissionOf(model, 'bike-lanes')).toBeUndefined();
  });
});
