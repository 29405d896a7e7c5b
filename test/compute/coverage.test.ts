import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../src/compute/coverage.ts';
import { countedInitiatives } from '../../src/compute/initiatives.ts';
import { computePriorities } from '../../src/compute/priorities.ts';
import type { ConsultationData } from '../../src/model/plan-data.ts';
import { project, testModel } from '../helpers/model.ts';

const AS_OF = '2026-01-01';
const consultation = (id: string, votes: [string, number][], date?: string): ConsultationData => ({
  id,
  event: id,
  zone: 'Nord Milano',
  max_choices: 3,
  participants: 10,
  votes_status: 'transcribed',
  votes: votes.map(([objective, count]) => ({ objective, votes: count })),
  source: { title: 'Test fixture' },
  ...(date === undefined ? {} : { date }),
});

describe('computeCoverage', () => {
  const model = testModel(
    [
      // CM-led, metropolitan (both zones), 1 000 € split 0.75 / 0.25.
      project('a', { objectives: [{ id: 'M1.1', weight: 0.75 }, { id: 'M1.2', weight: 0.25 }], funding: [{ source: 'metropolitano', amount: 1000 }] }),
      // Led by Sesto (Nord Milano), 600 € on M1.1 alone.
      project('b', { lead: { kind: 'comune', name: 'Sesto San Giovanni', istat: '015209' }, territory: { scope: 'comuni', comuni: ['015209'] }, funding: [{ source: 'comunale', amount: 600 }] }),
      // No lead stated, linked to nothing.
      project('c', { lead: undefined, objectives: [] }),
    ],
    [consultation('w1', [['M2.1', 7], ['M1.1', 3]]), consultation('w2', [['M1.2', 3]]), consultation('later', [['M1.2', 50]], '2026-06-01')],
  );
  const report = computeCoverage(model, countedInitiatives(model, AS_OF), computePriorities(model, AS_OF), AS_OF);
  const objective = (id: string) => report.objectives.find((item) => item.id === id)!;

  it('counts projects per objective by lead kind, with funding weighted by link share', () => {
    expect(objective('M1.1')).toMatchObject({ projects: 2, initiatives: ['a', 'b'], byLeadKind: { citta_metropolitana: 1, comune: 1, corpo_intermedio: 0, not_stated: 0 }, funding: { amount: 1350, stated: 2, initiatives: 2 }, zones: ['Milano', 'Nord Milano'] });
    expect(objective('M1.2')).toMatchObject({ projects: 1, funding: { amount: 250, stated: 1, initiatives: 1 } });
  });

  it('marks each actor cell covered, uncovered or not expected', () => {
    expect(objective('M1.1').actorCells).toEqual({ citta_metropolitana: 'covered', comuni: 'covered', corpi_intermedi: 'not_expected' });
    expect(objective('M1.2').actorCells).toEqual({ citta_metropolitana: 'covered', comuni: 'not_expected', corpi_intermedi: 'not_expected' });
    expect(objective('M2.1').actorCells).toEqual({ citta_metropolitana: 'not_expected', comuni: 'uncovered', corpi_intermedi: 'uncovered' });
  });

  it('gives shares per mission and for the plan: 2 of 3 objectives, 3 of 5 marked cells', () => {
    expect(report.plan).toMatchObject({ objectives: 3, covered: 2, share: 2 / 3, actorCells: { total: 5, covered: 3, share: 0.6 }, funding: { amount: 1600, stated: 2, initiatives: 3 }, uncoveredObjectives: ['M2.1'], unlinkedInitiatives: ['c'] });
    expect(report.missions.map(({ id, objectives, covered, share }) => ({ id, objectives, covered, share }))).toEqual([
      { id: 'M1', objectives: 2, covered: 2, share: 1 },
      { id: 'M2', objectives: 1, covered: 0, share: 0 },
      { id: 'M3', objectives: 0, covered: 0, share: null },
    ]);
    expect(report.actors.map(({ column, total, covered }) => [column, total, covered])).toEqual([
      ['citta_metropolitana', 2, 2],
      ['comuni', 2, 1],
      ['corpi_intermedi', 1, 0],
    ]);
  });

  it('splits funding over the zones a project reaches in the zone × mission matrix', () => {
    const cell = (zone: string, mission: string) => report.zones.find((item) => item.zone === zone)!.missions.find((item) => item.missionId === mission);
    expect(cell('Milano', 'M1')).toEqual({ missionId: 'M1', projects: 1, funding: { amount: 500, stated: 1, initiatives: 1 } });
    expect(cell('Nord Milano', 'M1')).toEqual({ missionId: 'M1', projects: 2, funding: { amount: 1100, stated: 2, initiatives: 2 } });
    expect(cell('Nord Milano', 'M2')).toEqual({ missionId: 'M2', projects: 0, funding: { amount: 0, stated: 0, initiatives: 0 } });
  });

  it('sums funding per mission over the initiatives of its objectives, each once, times its share in them', () => {
    expect(report.missions.map(({ id, funding }) => [id, funding])).toEqual([
      ['M1', { amount: 1600, stated: 2, initiatives: 2 }],
      ['M2', { amount: 0, stated: 0, initiatives: 0 }],
      ['M3', { amount: 0, stated: 0, initiatives: 0 }],
    ]);
  });

  it('keeps unknown funding unknown: a project that states none counts in the base, not as 0 €', () => {
    const unstated = testModel([project('x'), project('y', { funding: [{ source: 'PNRR', amount: 300 }] })]);
    const { plan, objectives } = computeCoverage(unstated, countedInitiatives(unstated, AS_OF), [], AS_OF);
    expect(plan.funding).toEqual({ amount: 300, stated: 1, initiatives: 2 });
    expect(objectives.find((item) => item.id === 'M1.1')!.funding).toEqual({ amount: 300, stated: 1, initiatives: 2 });
    const none = testModel([project('x')]);
    expect(computeCoverage(none, countedInitiatives(none, AS_OF), [], AS_OF).plan.funding).toEqual({ amount: 0, stated: 0, initiatives: 1 });
  });

  it('ranks priorities by votes cast by the as-of date, and names the voted objectives nobody works on', () => {
    expect(computePriorities(model, AS_OF).map(({ objectiveId, votes, rank }) => [objectiveId, votes, rank])).toEqual([
      ['M2.1', 7, 1],
      ['M1.1', 3, 2],
      ['M1.2', 3, 2],
    ]);
    expect(objective('M2.1').priority).toMatchObject({ votes: 7, rank: 1, share: 7 / 13 });
    expect(report.plan.priorityGaps.map((gap) => gap.objectiveId)).toEqual(['M2.1']);
    expect(computePriorities(model, '2026-12-31')[0]).toMatchObject({ objectiveId: 'M1.2', votes: 53 });
  });

  it('lets a project without a lead cover objectives but no actor cell', () => {
    const lone = testModel([project('x', { lead: undefined, objectives: [{ id: 'M1.2' }] })]);
    const result = computeCoverage(lone, countedInitiatives(lone, AS_OF), [], AS_OF);
    expect(result.objectives.find((item) => item.id === 'M1.2')).toMatchObject({ projects: 1, byLeadKind: { not_stated: 1 }, actorCells: { citta_metropolitana: 'uncovered' } });
  });
});
