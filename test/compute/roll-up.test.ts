import { describe, expect, it } from 'vitest';
import { milestoneProgress } from '../../src/compute/milestone-progress.ts';
import { rollUp, type RollUpChild } from '../../src/compute/roll-up.ts';

const THRESHOLDS = { on_track_ratio: 0.95, at_risk_ratio: 0.6, min_data_share: 0.5 };
const child = (id: string, weight: number, progress?: number, expected = 0.5, status: RollUpChild['status'] = 'on_track'): RollUpChild => ({
  id,
  weight,
  measure: progress === undefined ? undefined : { progress, expected },
  status: progress === undefined ? 'no_data' : status,
  gap: progress === undefined ? 'no_actual' : undefined,
});

describe('rollUp', () => {
  it('is the weighted mean Σw·x / Σw: (0.75×0.8 + 0.25×0.4) / 1 = 0.7', () => {
    const result = rollUp([child('a', 0.75, 0.8, 0.6), child('b', 0.25, 0.4, 0.2)], THRESHOLDS);
    expect(result.measure?.progress).toBeCloseTo(0.7, 12);
    expect(result.measure?.expected).toBeCloseTo(0.5, 12); // 0.75×0.6 + 0.25×0.2
    expect(result).toMatchObject({ status: 'on_track', counted: 2, gaps: [], weightTotal: 1 });
  });

  it('counts children without data as gaps, outside the mean', () => {
    const result = rollUp([child('a', 1, 0.2), child('b', 1), child('c', 1)], THRESHOLDS);
    expect(result.measure?.progress).toBe(0.2);
    expect(result.counted).toBe(1);
    expect(result.gaps).toEqual([
      { id: 'b', reason: 'no_actual' },
      { id: 'c', reason: 'no_actual' },
    ]);
    // 1 of 3 children with data is below 0.5: the figure stands, its status says it rests on too little.
    expect(result.status).toBe('insufficient_data');
    // With the share met, 0.2 / 0.5 = 0.4 < 0.6.
    expect(rollUp([child('a', 1, 0.2), child('b', 1, 0.2), child('c', 1)], THRESHOLDS).status).toBe('off_track');
  });

  it('has insufficient data below min_data_share of children with data, and not at it', () => {
    const children = [child('a', 1, 0.5), child('b', 1), child('c', 1), child('d', 1)];
    expect(rollUp(children, THRESHOLDS)).toMatchObject({ status: 'insufficient_data', measure: { progress: 0.5, expected: 0.5 } });
    expect(rollUp(children, { ...THRESHOLDS, min_data_share: 0.25 }).status).toBe('on_track');
    expect(rollUp(children.slice(0, 2), THRESHOLDS).status).toBe('on_track');
  });

  it('has insufficient data when every child with data has, whatever their share', () => {
    const thin = [child('a', 1, 0.5, 0.5, 'insufficient_data'), child('b', 1, 0.9, 0.5, 'insufficient_data')];
    expect(rollUp(thin, THRESHOLDS).status).toBe('insufficient_data');
    expect(rollUp([...thin, child('c', 1, 0.5)], THRESHOLDS).status).toBe('on_track');
  });

  it('does not count a mission whose objectives the source lacks as a child that could have data', () => {
    const untranscribed = { id: 'M6', weight: 1, measure: undefined, status: 'no_data' as const, gap: 'objectives_not_transcribed' as const };
    // 1 of 2 missions that could have data: 0.5 is not below 0.5.
    expect(rollUp([child('M1', 1, 0.5), child('M2', 1), untranscribed], THRESHOLDS).status).toBe('on_track');
  });

  it('uses equal weights when the weights are equal: (0.2 + 0.6) / 2', () => {
    expect(rollUp([child('a', 1, 0.2), child('b', 1, 0.6)], THRESHOLDS).measure?.progress).toBeCloseTo(0.4, 12);
  });

  it('lets a zero weight count nothing, and is no_data when every weight is zero', () => {
    expect(rollUp([child('a', 0, 1), child('b', 1, 0.4)], THRESHOLDS).measure?.progress).toBe(0.4);
    expect(rollUp([child('a', 0, 1)], THRESHOLDS)).toMatchObject({ measure: undefined, status: 'no_data', counted: 0, gaps: [] });
  });

  it('is no_data with no children, and stale only when every counted child is stale', () => {
    expect(rollUp([], THRESHOLDS)).toMatchObject({ status: 'no_data', counted: 0 });
    expect(rollUp([child('a', 1, 0.5, 0.5, 'stale'), child('b', 1, 0.5, 0.5, 'stale')], THRESHOLDS).status).toBe('stale');
    expect(rollUp([child('a', 1, 0.5, 0.5, 'stale'), child('b', 1, 0.5, 0.5)], THRESHOLDS).status).toBe('on_track');
  });
});

describe('milestoneProgress', () => {
  const milestones = [
    { title: 'a', due: '2025-03-01', done: '2025-02-20' },
    { title: 'b', due: '2025-06-01', done: '2025-09-01' },
    { title: 'c', due: '2025-12-01' },
    { title: 'd', due: '2026-06-01' },
  ];
  it('compares done with due as of the date: 1 done of 2 due on 2025-08-31 is 0.25 against 0.5', () => {
    const result = milestoneProgress(milestones, '2025-08-31', THRESHOLDS);
    expect(result).toMatchObject({ total: 4, done: 1, due: 2, measure: { progress: 0.25, expected: 0.5 }, status: 'off_track' });
    expect(milestoneProgress(milestones, '2025-12-31', THRESHOLDS)).toMatchObject({ done: 2, due: 3, status: 'at_risk' }); // 0.5 / 0.75 = 0.67
  });
  it('is no_data without milestones', () => {
    expect(milestoneProgress(undefined, '2025-12-31', THRESHOLDS)).toMatchObject({ total: 0, measure: undefined, status: 'no_data' });
  });
});

describe('rollUp with extreme weights', () => {
  it('does not underflow with a subnormal weight', () => {
    expect(rollUp([child('a', 5e-324, -1e-9, 0)], THRESHOLDS).measure?.progress).toBe(-1e-9);
  });
});
