import { describe, expect, it } from 'vitest';
import { indicatorProgress, latestActual, progressBetween } from '../../src/compute/indicator-progress.ts';
import { indicator } from '../helpers/model.ts';

const MONITORING = { on_track_ratio: 0.95, at_risk_ratio: 0.6, freshness_months: 12, project_update_months: 12, min_data_share: 0.5 };
// 2026-01-01 is 365 of the 730 days from 2025-01-01 to 2027-01-01: expected = 0.5.
const HALFWAY = 365 / 730;

describe('indicatorProgress', () => {
  it('measures the latest actual against baseline and target, and the straight line for expected', () => {
    const result = indicatorProgress(indicator([['2025-06-30', 20], ['2025-12-31', 48]]), '2026-01-01', MONITORING);
    expect(result.latest?.value).toBe(48);
    expect(result.measure?.progress).toBeCloseTo(0.48, 12);
    expect(result.measure?.expected).toBeCloseTo(HALFWAY, 12);
    // 0.48 / 0.5 = 0.96 ≥ 0.95
    expect(result.status).toBe('on_track');
  });

  it('is at risk from 60 % of the expected progress, off track below', () => {
    expect(indicatorProgress(indicator([['2025-12-31', 30]]), '2026-01-01', MONITORING).status).toBe('at_risk'); // 0.30 / 0.5 = 0.60
    expect(indicatorProgress(indicator([['2025-12-31', 29]]), '2026-01-01', MONITORING).status).toBe('off_track'); // 0.29 / 0.5 = 0.58
  });

  it('handles a decrease: from 200 down to 100, at 150 it is half way', () => {
    const result = indicatorProgress(
      indicator([['2026-01-01', 150]], { direction: 'decrease', baseline: { value: 200, date: '2025-01-01' }, targets: [{ value: 100, date: '2027-01-01' }] }),
      '2027-01-01',
      MONITORING,
    );
    expect(result.measure).toEqual({ progress: 0.5, expected: 1 });
    expect(result.status).toBe('off_track');
  });

  it('keeps overshoot above 1 and regress below 0, raw', () => {
    expect(indicatorProgress(indicator([['2026-06-01', 130]]), '2026-06-01', MONITORING).measure?.progress).toBeCloseTo(1.3, 12);
    expect(indicatorProgress(indicator([['2026-06-01', 130]]), '2026-06-01', MONITORING).status).toBe('achieved');
    expect(indicatorProgress(indicator([['2026-06-01', -10]]), '2026-06-01', MONITORING).measure?.progress).toBeCloseTo(-0.1, 12);
  });

  it('treats a target equal to its baseline as met or not, by direction', () => {
    const flat = { baseline: { value: 5, date: '2025-01-01' }, targets: [{ value: 5, date: '2026-01-01' }] };
    expect(indicatorProgress(indicator([['2025-06-01', 5]], flat), '2025-06-01', MONITORING).measure?.progress).toBe(1);
    expect(indicatorProgress(indicator([['2025-06-01', 4]], flat), '2025-06-01', MONITORING).measure?.progress).toBe(0);
    expect(indicatorProgress(indicator([['2025-06-01', 4]], { ...flat, direction: 'decrease' }), '2025-06-01', MONITORING).measure?.progress).toBe(1);
    expect(progressBetween(5, 5, 6, 'decrease')).toBe(0);
  });

  it('follows intermediate targets for the expected progress', () => {
    // 0 → 80 by 2026-01-01 → 100 by 2027-01-01: on 2026-01-01, 80 is expected, i.e. 0.8 of the final target.
    const stepped = indicator([['2026-01-01', 80]], { targets: [{ value: 100, date: '2027-01-01' }, { value: 80, date: '2026-01-01' }] });
    const result = indicatorProgress(stepped, '2026-01-01', MONITORING);
    expect(result.measure).toEqual({ progress: 0.8, expected: 0.8 });
    expect(result.status).toBe('on_track');
  });

  it('is no_data with its reason when an input is missing', () => {
    expect(indicatorProgress(indicator([]), '2026-01-01', MONITORING)).toMatchObject({ status: 'no_data', gap: 'no_actual', measure: undefined });
    expect(indicatorProgress(indicator([['2025-06-01', 10]], { targets: [] }), '2026-01-01', MONITORING)).toMatchObject({ status: 'no_data', gap: 'no_target' });
    expect(indicatorProgress(indicator([['2025-06-01', 10]], { baseline: undefined }), '2026-01-01', MONITORING)).toMatchObject({ status: 'no_data', gap: 'no_baseline' });
  });

  it('ignores everything dated after the as-of date, even the baseline', () => {
    const data = indicator([['2025-06-01', 10], ['2026-06-01', 90]]);
    expect(indicatorProgress(data, '2026-01-01', MONITORING).latest?.value).toBe(10);
    expect(indicatorProgress(data, '2024-12-31', MONITORING)).toMatchObject({ status: 'no_data', gap: 'no_baseline' });
  });

  it('is stale when the latest actual is older than freshness_months, unless achieved', () => {
    const result = indicatorProgress(indicator([['2025-03-01', 90]]), '2026-04-01', MONITORING);
    expect(result).toMatchObject({ status: 'stale', ageMonths: 13 });
    expect(indicatorProgress(indicator([['2025-03-01', 100]]), '2026-04-01', MONITORING).status).toBe('achieved');
    expect(indicatorProgress(indicator([['2025-04-01', 90]]), '2026-04-01', MONITORING).status).not.toBe('stale'); // exactly 12 months
  });

  it('is on track when nothing was expected yet (as-of on the baseline date)', () => {
    expect(indicatorProgress(indicator([['2025-01-01', 0]]), '2025-01-01', MONITORING)).toMatchObject({ measure: { progress: 0, expected: 0 }, status: 'on_track' });
  });
});

describe('latestActual', () => {
  it('takes the latest date on or before as-of, and the last listed on a tie', () => {
    const actuals = [
      { value: 1, date: '2025-01-01', source: 'a' },
      { value: 2, date: '2025-06-01', source: 'a' },
      { value: 3, date: '2025-06-01', source: 'b' },
      { value: 4, date: '2026-01-01', source: 'a' },
    ];
    expect(latestActual(actuals, '2025-12-31')?.value).toBe(3);
    expect(latestActual(actuals, '2024-12-31')).toBeUndefined();
  });
});
