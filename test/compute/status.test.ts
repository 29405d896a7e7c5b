import { describe, expect, it } from 'vitest';
import { statusOf, statusRule } from '../../src/compute/status.ts';

const THRESHOLDS = { on_track_ratio: 0.95, at_risk_ratio: 0.6 };

describe('statusRule', () => {
  it('gives each status with the reason it was given', () => {
    expect(statusRule({ progress: 1.2, expected: 0.5 }, THRESHOLDS)).toEqual({ status: 'achieved', reason: { rule: 'achieved' } });
    expect(statusRule({ progress: 0, expected: 0 }, THRESHOLDS)).toEqual({ status: 'on_track', reason: { rule: 'nothing_expected' } });
    // 0.5 / 0.5 = 1 ≥ 0.95; 0.4 / 0.5 = 0.8 ≥ 0.6; 0.2 / 0.5 = 0.4 < 0.6.
    expect(statusRule({ progress: 0.5, expected: 0.5 }, THRESHOLDS)).toEqual({ status: 'on_track', reason: { rule: 'ratio', ratio: 1, onTrackFrom: 0.95, atRiskFrom: 0.6 } });
    expect(statusRule({ progress: 0.4, expected: 0.5 }, THRESHOLDS)).toEqual({ status: 'at_risk', reason: { rule: 'ratio', ratio: 0.8, onTrackFrom: 0.95, atRiskFrom: 0.6 } });
    expect(statusRule({ progress: 0.2, expected: 0.5 }, THRESHOLDS)).toEqual({ status: 'off_track', reason: { rule: 'ratio', ratio: 0.4, onTrackFrom: 0.95, atRiskFrom: 0.6 } });
  });

  it('takes its thresholds from the plan, at their bounds included', () => {
    expect(statusOf({ progress: 0.3, expected: 0.5 }, { on_track_ratio: 0.6, at_risk_ratio: 0.3 })).toBe('on_track');
    expect(statusOf({ progress: 0.15, expected: 0.5 }, { on_track_ratio: 0.6, at_risk_ratio: 0.3 })).toBe('at_risk');
  });
});
