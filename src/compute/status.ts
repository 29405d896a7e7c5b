import type { MonitoringData } from '../model/plan-data.js';

/** Computed, never typed: how a measured item stands against what was expected by the as-of date. */
export type Status = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'insufficient_data' | 'stale' | 'no_data';

export const STATUSES: readonly Status[] = ['achieved', 'on_track', 'at_risk', 'off_track', 'insufficient_data', 'stale', 'no_data'];

/** What the status rule gives a measure alone, before staleness and the share of data are judged. */
type MeasuredStatus = 'achieved' | 'on_track' | 'at_risk' | 'off_track';

/** Why an item has no progress figure: each is a data gap, shown and counted, never dropped. */
export type GapReason =
  | 'no_target'
  | 'no_baseline'
  | 'no_actual'
  | 'no_indicator_data'
  | 'no_measures'
  | 'no_projects'
  | 'no_project_data'
  | 'objectives_not_transcribed'
  | 'no_objective_data'
  /** The figures are finite but their arithmetic is not (a sum that overflows, a subnormal target − baseline). */
  | 'overflow';

/** A progress figure: raw progress (overshoot > 1, regress < 0) and the progress expected by the as-of date (0..1). */
export interface Measure {
  progress: number;
  expected: number;
}

/** What a roll-up judges by: the status rule's ratios and the share of items with data it needs. */
export type Thresholds = Pick<Required<MonitoringData>, 'on_track_ratio' | 'at_risk_ratio' | 'min_data_share'>;

/** What the status rule judges a measure by. */
type StatusThresholds = Pick<Thresholds, 'on_track_ratio' | 'at_risk_ratio'>;

/** Why the status rule gave its status: the figures it compared, so that `why` can explain it without restating it. */
export type StatusReason =
  | { rule: 'achieved' }
  | { rule: 'nothing_expected' }
  | { rule: 'ratio'; ratio: number; onTrackFrom: number; atRiskFrom: number };

/**
 * The status rule: achieved at progress ≥ 1; on track when nothing was expected yet or progress is at
 * least `on_track_ratio` of the expected; at risk from `at_risk_ratio`; off track below.
 */
export function statusRule({ progress, expected }: Measure, thresholds: StatusThresholds): { status: MeasuredStatus; reason: StatusReason } {
  if (progress >= 1) return { status: 'achieved', reason: { rule: 'achieved' } };
  if (expected <= 0) return { status: 'on_track', reason: { rule: 'nothing_expected' } };
  const ratio = progress / expected;
  const reason: StatusReason = { rule: 'ratio', ratio, onTrackFrom: thresholds.on_track_ratio, atRiskFrom: thresholds.at_risk_ratio };
  return { status: ratio >= thresholds.on_track_ratio ? 'on_track' : ratio >= thresholds.at_risk_ratio ? 'at_risk' : 'off_track', reason };
}

/** The status of a measure by the status rule. */
export function statusOf(measure: Measure, thresholds: StatusThresholds): MeasuredStatus {
  return statusRule(measure, thresholds).status;
}

/** Whether both figures are finite numbers: an overflow (a subnormal target − baseline, a sum past the float range) is a data gap, never a figure. */
export function isFiniteMeasure({ progress, expected }: Measure): boolean {
  return Number.isFinite(progress) && Number.isFinite(expected);
}

/** Progress as shown: clamped to 0..1 (the raw figure is kept in the data). */
export function clampForDisplay(progress: number): number {
  return Math.min(1, Math.max(0, progress));
}
