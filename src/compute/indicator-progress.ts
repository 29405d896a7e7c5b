import { monthsBetween } from '../model/dates.js';
import type { DatedValueData, IndicatorData, MonitoringData } from '../model/plan-data.js';
import { isFiniteMeasure, statusOf, type GapReason, type Measure, type Status } from './status.js';
import { interpolate, type Point } from './timeline.js';

export type Actual = NonNullable<IndicatorData['actuals']>[number];

/** The progress of one quantitative or percentage indicator as of a date, with every input used. */
export interface IndicatorProgress {
  baseline: DatedValueData | undefined;
  /** The final target: progress is measured against it. */
  target: DatedValueData | undefined;
  /** The latest actual dated on or before the as-of date. */
  latest: Actual | undefined;
  /** Present when progress could be computed. */
  measure: Measure | undefined;
  status: Status;
  gap: GapReason | undefined;
  /** Whole months from the latest actual to the as-of date. */
  ageMonths: number | undefined;
}

/**
 * progress = (latest − baseline) / (target − baseline), the same formula for both directions (a
 * decrease target lies below its baseline); expected = where the straight lines from the baseline
 * through the targets stand at the as-of date, on the same scale. Only data dated by the as-of date counts.
 */
export function indicatorProgress(indicator: IndicatorData, asOf: string, monitoring: Required<MonitoringData>): IndicatorProgress {
  const baseline = indicator.baseline && indicator.baseline.date <= asOf ? indicator.baseline : undefined;
  // ISO dates order as plain strings (no locale collation, which is slow).
  const targets = [...(indicator.targets ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const target = targets.at(-1);
  const latest = latestActual(indicator.actuals ?? [], asOf);
  const ageMonths = latest ? monthsBetween(latest.date, asOf) : undefined;
  const noData = (gap: GapReason): IndicatorProgress => ({ baseline, target, latest, measure: undefined, status: 'no_data', gap, ageMonths });
  if (!target) return noData('no_target');
  if (!baseline) return noData('no_baseline');
  if (!latest) return noData('no_actual');

  const measure = { progress: progressBetween(baseline.value, target.value, latest.value, indicator.direction), expected: expectedProgress(baseline, targets, asOf, indicator.direction) };
  if (!isFiniteMeasure(measure)) return noData('overflow');
  const status = statusOf(measure, monitoring);
  const stale = ageMonths !== undefined && ageMonths > monitoring.freshness_months && status !== 'achieved';
  return { baseline, target, latest, measure, status: stale ? 'stale' : status, gap: undefined, ageMonths };
}

/** The actual with the latest date on or before `asOf` (the last listed wins a tie). */
export function latestActual(actuals: readonly Actual[], asOf: string): Actual | undefined {
  let latest: Actual | undefined;
  for (const actual of actuals) if (actual.date <= asOf && (!latest || actual.date >= latest.date)) latest = actual;
  return latest;
}

/** Where `value` lies from baseline (0) to target (1). A target equal to its baseline is met (1) or not (0) by direction. */
export function progressBetween(baseline: number, target: number, value: number, direction: IndicatorData['direction']): number {
  if (target === baseline) return (direction === 'increase' ? value >= target : value <= target) ? 1 : 0;
  return (value - baseline) / (target - baseline);
}

function expectedProgress(baseline: DatedValueData, targets: readonly DatedValueData[], asOf: string, direction: IndicatorData['direction']): number {
  const final = targets.at(-1)!;
  const points: Point[] = [baseline, ...targets.filter((target) => target.date > baseline.date)];
  if (final.value === baseline.value) {
    // Nothing to move: expected is the share of time elapsed towards the target date.
    const timeline: Point[] = [{ date: baseline.date, value: 0 }, { date: final.date, value: 1 }];
    return final.date > baseline.date ? interpolate(timeline, asOf) : 1;
  }
  return Math.min(1, Math.max(0, progressBetween(baseline.value, final.value, interpolate(points, asOf), direction)));
}
