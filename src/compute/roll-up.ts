import { statusOf, type GapReason, type Measure, type Status, type Thresholds } from './status.js';

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
  /** Children whose measure entered the mean (weight above 0). */
  counted: number;
  /** Children without data: listed and counted, never silently dropped. */
  gaps: { id: string; reason: GapReason | undefined }[];
  /** Σw of the counted children. */
  weightTotal: number;
}

/**
 * The weighted mean Σw·x / Σw of the children with data, for progress and expected alike. Children
 * without data are gaps; children with weight 0 count nothing. Stale when every counted child is stale.
 */
export function rollUp(children: readonly RollUpChild[], thresholds: Thresholds): RollUp {
  let weightTotal = 0;
  let progressSum = 0;
  let expectedSum = 0;
  let counted = 0;
  let stale = 0;
  const gaps: RollUp['gaps'] = [];
  for (const child of children) {
    if (!child.measure) {
      gaps.push({ id: child.id, reason: child.gap });
      continue;
    }
    if (child.weight <= 0) continue;
    weightTotal += child.weight;
    progressSum += child.weight * child.measure.progress;
    expectedSum += child.weight * child.measure.expected;
    counted++;
    if (child.status === 'stale') stale++;
  }
  if (counted === 0) return { measure: undefined, status: 'no_data', counted, gaps, weightTotal };
  const measure = { progress: progressSum / weightTotal, expected: expectedSum / weightTotal };
  const status = statusOf(measure, thresholds);
  return { measure, status: stale === counted && status !== 'achieved' ? 'stale' : status, counted, gaps, weightTotal };
}
