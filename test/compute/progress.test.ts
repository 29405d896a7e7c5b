import { describe, expect, it } from 'vitest';
import { computeProgress } from '../../src/compute/progress.ts';
import { indicator, project, testModel } from '../helpers/model.ts';

const AS_OF = '2026-01-01'; // half way from 2025-01-01 to 2027-01-01: every indicator below expects 0.5

describe('computeProgress', () => {
  const model = testModel([
    // 0.6 on M1.1 alone.
    project('a', { indicators: [indicator([['2025-12-01', 60]])] }),
    // Weights 0.75 on M1.1 and 0.25 on M1.2; progress 0.2.
    project('b', { objectives: [{ id: 'M1.1', weight: 0.75 }, { id: 'M1.2', weight: 0.25 }], indicators: [indicator([['2025-12-01', 20]])] }),
    // No weights, two links: 1/2 each; no data.
    project('c', { objectives: [{ id: 'M1.2' }, { id: 'M2.1' }], indicators: [indicator([])] }),
    // Cancelled, and not started: neither counts.
    project('d', { status: 'cancelled', indicators: [indicator([['2025-12-01', 100]])] }),
    project('e', { period: { start: '2026-02-01' }, indicators: [indicator([['2025-12-01', 100]])] }),
  ]);
  const report = computeProgress(model, AS_OF);
  const objective = (id: string) => report.objectives.find((result) => result.id === id)!;

  it('leaves out cancelled projects and projects not started by the as-of date', () => {
    expect(report.projects.map((result) => result.id)).toEqual(['a', 'b', 'c']);
  });

  it('rolls projects into objectives by link weight: M1.1 = (1×0.6 + 0.75×0.2) / 1.75 = 0.428571…', () => {
    expect(objective('M1.1').contributions).toEqual([
      { projectId: 'a', weight: 1 },
      { projectId: 'b', weight: 0.75 },
    ]);
    expect(objective('M1.1').rollUp.measure?.progress).toBeCloseTo(0.75 / 1.75, 12);
    // 0.4286 / 0.5 = 0.857: at risk
    expect(objective('M1.1').rollUp.status).toBe('at_risk');
  });

  it('counts a project without data as a gap of each objective it serves', () => {
    expect(objective('M1.2').contributions).toEqual([
      { projectId: 'b', weight: 0.25 },
      { projectId: 'c', weight: 0.5 },
    ]);
    expect(objective('M1.2').rollUp.measure?.progress).toBeCloseTo(0.2, 12);
    expect(objective('M1.2').rollUp.gaps).toEqual([{ id: 'c', reason: 'no_indicator_data' }]);
    expect(objective('M2.1')).toMatchObject({ gap: 'no_project_data', rollUp: { status: 'no_data', counted: 0 } });
  });

  it('rolls objectives into missions equally, and missions into the plan equally, naming every gap', () => {
    const [m1, m2, m3] = report.missions;
    // M1 = (0.428571 + 0.2) / 2 = 0.314286
    expect(m1!.rollUp.measure?.progress).toBeCloseTo((0.75 / 1.75 + 0.2) / 2, 12);
    expect(m2).toMatchObject({ gap: 'no_objective_data', rollUp: { gaps: [{ id: 'M2.1', reason: 'no_project_data' }] } });
    expect(m3).toMatchObject({ gap: 'objectives_not_transcribed', rollUp: { status: 'no_data', counted: 0, gaps: [] } });
    expect(report.plan.measure?.progress).toBeCloseTo((0.75 / 1.75 + 0.2) / 2, 12);
    expect(report.plan.gaps).toEqual([
      { id: 'M2', reason: 'no_objective_data' },
      { id: 'M3', reason: 'objectives_not_transcribed' },
    ]);
  });

  it('reports objectives nobody works on as gaps of their mission', () => {
    const lone = computeProgress(testModel([project('a', { indicators: [indicator([['2025-12-01', 60]])] })]), AS_OF);
    expect(lone.objectives.find((result) => result.id === 'M1.2')).toMatchObject({ gap: 'no_projects', contributions: [] });
    expect(lone.missions[0]!.rollUp.gaps).toEqual([{ id: 'M1.2', reason: 'no_projects' }]);
  });

  it('uses milestones for a project without measurable indicators, and for its qualitative indicators', () => {
    const milestones = [
      { title: 'avvio', due: '2025-06-01', done: '2025-05-15' },
      { title: 'cantiere', due: '2025-12-01' },
    ];
    const result = computeProgress(testModel([project('m', { milestones, indicators: [indicator([], { kind: 'qualitative' })] })]), AS_OF).projects[0]!;
    expect(result).toMatchObject({ method: 'milestones', measure: { progress: 0.5, expected: 1 }, status: 'off_track' });
    expect(result.indicators[0]).toMatchObject({ method: 'milestones', measure: { progress: 0.5, expected: 1 } });
  });

  it('is no_data before any data exists', () => {
    const early = computeProgress(model, '2024-06-01');
    expect(early.plan).toMatchObject({ status: 'no_data', measure: undefined });
    expect(early.projects.every((result) => result.status === 'no_data')).toBe(true);
  });
});
