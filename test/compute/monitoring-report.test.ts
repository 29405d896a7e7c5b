import { describe, expect, it } from 'vitest';
import { computeMonitoringReport, monitoringSnapshot, yearChange, yearEnds } from '../../src/compute/monitoring-report.ts';
import { indicator, mission, project, testModel } from '../helpers/model.ts';

// a: 40 by 2025-12-01 and 90 by 2026-06-01 on M1.1 (0 → 100). b: starts 2026-03-01 on M1.2, 50 by 2026-09-01.
const model = testModel([
  project('a', { funding: [{ source: 'x', amount: 1000 }], indicators: [indicator([['2025-12-01', 40], ['2026-06-01', 90]])] }),
  project('b', { objectives: [{ id: 'M1.2' }], period: { start: '2026-03-01' }, indicators: [indicator([['2026-09-01', 50]])] }),
]);

describe('yearEnds', () => {
  it('is 31 December of the year, compared with 31 December of the year before', () => {
    expect(yearEnds(2026)).toEqual({ asOf: '2026-12-31', since: '2025-12-31' });
  });
});

describe('computeMonitoringReport', () => {
  const { asOf, since } = yearEnds(2026);
  const report = computeMonitoringReport(model, asOf, since);
  const mission = (id: string) => report.change!.missions.find((change) => change.id === id)!;

  it('has no change without a date to compare with', () => {
    expect(computeMonitoringReport(model, asOf).change).toBeUndefined();
  });

  it('takes progress from dated data: M1 went from 0.4 (a alone) to (0.9 + 0.5) / 2 = 0.7, +0.3', () => {
    expect(report.progress.missions[0]!.rollUp.measure!.progress).toBeCloseTo(0.7, 12);
    expect(report.change!.since).toBe('2025-12-31');
    expect(mission('M1').progress).toBeCloseTo(0.3, 12);
    // The plan counts only M1 (M2 and M3 have no data) at both dates.
    expect(report.change!.plan.progress).toBeCloseTo(0.3, 12);
  });

  it('counts coverage gained in the year: b started in 2026, so M1 covers 2 of 2 objectives instead of 1', () => {
    expect(mission('M1')).toMatchObject({ coveredObjectives: 1, coverage: 0.5, projects: 1 });
    expect(report.change!.plan).toMatchObject({ coveredObjectives: 1, projects: 1 });
    expect(report.change!.plan.coverage).toBeCloseTo(1 / 3, 12);
  });

  it('has no progress change where either date has no figure, and no coverage change for a mission without objectives', () => {
    expect(mission('M2')).toEqual({ id: 'M2', progress: null, coveredObjectives: 0, coverage: 0, projects: 0 });
    expect(mission('M3')).toEqual({ id: 'M3', progress: null, coveredObjectives: 0, coverage: null, projects: 0 });
  });
});

describe('yearChange', () => {
  // Last year's plan had M1 and M3; this year's adds M2 between them. a works on M3.1 throughout (40 → 90);
  // b starts in 2026 on M2.1 (50 by 2026-09-01). Matched by position, this year's M2 would meet last year's M3.
  const projects = [
    project('a', { objectives: [{ id: 'M3.1' }], indicators: [indicator([['2025-12-01', 40], ['2026-06-01', 90]])] }),
    project('b', { objectives: [{ id: 'M2.1' }], period: { start: '2026-03-01' }, indicators: [indicator([['2026-09-01', 50]])] }),
  ];
  const lastYear = testModel(projects, [], [mission('M1', [['M1.1', true, false, false]]), mission('M3', [['M3.1', true, false, false]])]);
  const thisYear = testModel(projects, [], [mission('M1', [['M1.1', true, false, false]]), mission('M2', [['M2.1', true, false, false]]), mission('M3', [['M3.1', true, false, false]])]);
  const { asOf, since } = yearEnds(2026);
  const change = yearChange(monitoringSnapshot(thisYear, asOf), monitoringSnapshot(lastYear, since));
  const missionChange = (id: string) => change.missions.find((item) => item.id === id);

  it('matches missions by id, so a mission added in the year changes from nothing', () => {
    expect(change.missions.map((item) => item.id)).toEqual(['M1', 'M2', 'M3']);
    // M2: 1 of 1 objective covered now, no share to compare with, b counted now; no progress a year ago.
    expect(missionChange('M2')).toEqual({ id: 'M2', progress: null, coveredObjectives: 1, coverage: null, projects: 1 });
  });

  it('compares each mission with itself: M3 went from 0.4 to 0.9 with the same coverage and initiative', () => {
    expect(missionChange('M3')).toMatchObject({ coveredObjectives: 0, coverage: 0, projects: 0 });
    expect(missionChange('M3')!.progress).toBeCloseTo(0.5, 12);
    expect(missionChange('M1')).toEqual({ id: 'M1', progress: null, coveredObjectives: 0, coverage: 0, projects: 0 });
  });

  it('counts the plan the same way: 2 initiatives instead of 1, 2 of 3 objectives covered instead of 1 of 2', () => {
    expect(change.plan).toMatchObject({ id: 'plan', coveredObjectives: 1, projects: 1 });
    expect(change.plan.coverage).toBeCloseTo(2 / 3 - 1 / 2, 12);
    // Plan progress: mean of M2 (0.5) and M3 (0.9) now, M3 (0.4) alone then: 0.7 − 0.4.
    expect(change.plan.progress).toBeCloseTo(0.3, 12);
  });
});
