import { describe, expect, it } from 'vitest';
import { indicatorProgress } from '../../src/compute/indicator-progress.ts';
import { computeMonitoringReport } from '../../src/compute/monitoring-report.ts';
import { computeProgress } from '../../src/compute/progress.ts';
import { rollUp } from '../../src/compute/roll-up.ts';
import { indicator, project, testModel } from '../helpers/model.ts';

const MONITORING = { on_track_ratio: 0.95, at_risk_ratio: 0.6, freshness_months: 12, project_update_months: 12, min_data_share: 0.5 };
const THRESHOLDS = { on_track_ratio: 0.95, at_risk_ratio: 0.6, min_data_share: 0.5 };

/** A target 5e-324 (the smallest subnormal) above a baseline of 0: (1 − 0) / 5e-324 is Infinity. */
const subnormalTarget = indicator([['2025-12-31', 1]], { targets: [{ value: 5e-324, date: '2027-01-01' }] });
/** 1e15 − 0 over a target of 1e-293: progress 1e308, finite, but two of them sum past the float range (about 1.8e308). */
const hugeProgress = (id: string) => indicator([['2025-12-31', 1e15]], { id, targets: [{ value: 1e-293, date: '2027-01-01' }] });

describe('figures past the float range are data gaps, never NaN or Infinity', () => {
  it('an indicator whose target − baseline is subnormal has no progress: gap overflow', () => {
    expect((1 - 0) / 5e-324).toBe(Infinity);
    const result = indicatorProgress(subnormalTarget, '2026-01-01', MONITORING);
    expect(result).toMatchObject({ measure: undefined, status: 'no_data', gap: 'overflow' });
    expect(result.baseline?.value).toBe(0);
    expect(result.latest?.value).toBe(1);
  });

  it('a finite progress of 1e308 stays a figure', () => {
    const result = indicatorProgress(hugeProgress('a'), '2026-01-01', MONITORING);
    expect(result.measure?.progress).toBeCloseTo(1e308, -292);
    expect(result.status).toBe('achieved');
  });

  it('a roll-up whose sum overflows has no figure and says so', () => {
    const children = ['a', 'b'].map((id) => ({ id, weight: 1, measure: { progress: 1e308, expected: 0.5 }, status: 'achieved' as const }));
    expect(1e308 + 1e308).toBe(Infinity);
    expect(rollUp(children, THRESHOLDS)).toEqual({ measure: undefined, status: 'no_data', counted: 2, gaps: [], weightTotal: 2, overflow: true });
  });

  it('the gap travels up: the project, its objective, the mission and the plan', () => {
    const model = testModel([
      project('subnormal', { indicators: [subnormalTarget] }),
      project('huge', { objectives: [{ id: 'M1.2' }], indicators: [hugeProgress('a'), hugeProgress('b')] }),
    ]);
    const report = computeProgress(model, '2026-01-01');
    const byId = new Map(report.projects.map((result) => [result.id, result]));
    expect(byId.get('subnormal')).toMatchObject({ method: 'none', measure: undefined, gap: 'no_indicator_data' });
    expect(byId.get('subnormal')!.indicators[0]).toMatchObject({ gap: 'overflow' });
    // Two progresses of 1e308, each finite: their mean overflows in the sum.
    expect(byId.get('huge')).toMatchObject({ method: 'none', measure: undefined, gap: 'overflow' });
    expect(report.objectives.find((result) => result.id === 'M1.2')).toMatchObject({ gap: 'no_project_data' });
  });

  it('a year-on-year change that overflows is null', () => {
    // −1e15 then 1e15 over a target of 1e-293: progress −1e308 on 2025-07-01, 1e308 on 2026-01-01; the change, 2e308, overflows.
    const swing = indicator([['2025-06-30', -1e15], ['2025-12-31', 1e15]], { targets: [{ value: 1e-293, date: '2027-01-01' }] });
    const report = computeMonitoringReport(testModel([project('swing', { indicators: [swing] })]), '2026-01-01', '2025-07-01');
    expect(report.progress.plan.measure?.progress).toBeCloseTo(1e308, -292);
    expect(report.change?.plan.progress).toBeNull();
    expect(report.change?.missions[0]?.progress).toBeNull();
  });
});
