import { isFiniteMeasure, statusOf, type GapReason, type Measure, type Status, type Thresholds } from './status.js';

/** A child of a roll-up: its weight and, when it has data, its measure. */
export interface RollUpChild {
  id: string;
  weight: number;
  measure: Measure | undefined;
  status: Status;
  /** Why the child has no measure. */
  gap?: GapReason | undefined;
}

export interface RollUp {
  measure: Measure | undefined;
  status: Status;
  /** Children whose measure entered the mean (weight above 0), even when the mean overflows. */
  counted: number;
  /** Children without data: listed and counted, never silently dropped. */
  gaps: { id: string; reason: GapReason | undefined }[];
  /** Σw of the counted children. */
  weightTotal: number;
  /** The children's figures are finite but their mean is not (a sum past the float range): no figure, a data gap. */
  overflow: boolean;
}

/**
 * The weighted mean Σw·x / Σw of the children with data, for progress and expected alike. Children
 * without data are gaps; children with weight 0 count nothing. Stale when every counted child is stale.
 */
export function rollUp(children: readonly RollUpChild[], thresholds: Thresholds): RollUp {
  const gaps: RollUp['gaps'] = [];
  const counted: (RollUpChild & { measure: Measure })[] = [];
  for (const child of children) {
    if (!child.measure) gaps.push({ id: child.id, reason: child.gap });
    else if (child.weight > 0) counted.push(child as RollUpChild & { measure: Measure });
  }
  if (counted.length === 0) return { measure: undefined, status: 'no_data', counted: 0, gaps, weightTotal: 0, overflow: false };
  // Weights are scaled by the largest, so tiny (subnormal) weights cannot underflow to a wrong mean.
  const scale = counted.reduce((largest, child) => Math.max(largest, child.weight), 0);
  let weightSum = 0;
  let progressSum = 0;
  let expectedSum = 0;
  for (const { weight, measure } of counted) {
    const scaled = weight / scale;
    weightSum += scaled;
    progressSum += scaled * measure.progress;
    expectedSum += scaled * measure.expected;
  }
  const measure = { progress: progressSum / weightSum, expected: expectedSum / weightSum };
  // The children with data still count as such: it is their mean that has no figure.
  if (!isFiniteMeasure(measure)) return { measure: undefined, status: 'no_data', counted: counted.length, gaps, weightTotal: weightSum * scale, overflow: true };
  return { measure, status: rolledUpStatus(measure, counted, gaps, thresholds), counted: counted.length, gaps, weightTotal: weightSum * scale, overflow: false };
}

/**
 * The status of a mean: insufficient data when fewer than `min_data_share` of the children have data
 * (a mission whose objectives the source lacks is no child that could have any), or when every child
 * with data has insufficient data itself (the figure rests on too little); else stale when every
 * child with data is stale (and the mean is not achieved); else the status rule's.
 */
function rolledUpStatus(measure: Measure, counted: readonly RollUpChild[], gaps: RollUp['gaps'], thresholds: Thresholds): Status {
  if (counted.length / itemsThatCouldHaveData({ counted: counted.length, gaps }) < thresholds.min_data_share || counted.every((child) => child.status === 'insufficient_data')) return 'insufficient_data';
  const status = statusOf(measure, thresholds);
  return status !== 'achieved' && counted.every((child) => child.status === 'stale') ? 'stale' : status;
}

/** The items of a roll-up that could have data: those with data and the gaps, but a mission whose objectives the source lacks. */
export function itemsThatCouldHaveData(result: Pick<RollUp, 'counted' | 'gaps'>): number {
  return result.counted + result.gaps.filter((gap) => gap.reason !== 'objectives_not_transcribed').length;
}
