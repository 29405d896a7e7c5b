import type { ProjectData } from '../model/plan-data.js';
import { statusOf, type Measure, type Status, type Thresholds } from './status.js';

export interface MilestoneProgress {
  total: number;
  /** Done on or before the as-of date. */
  done: number;
  /** Due on or before the as-of date. */
  due: number;
  measure: Measure | undefined;
  status: Status;
}

/** progress = done / total and expected = due / total, both as of the date: so the status compares done with due. */
export function milestoneProgress(milestones: ProjectData['milestones'], asOf: string, thresholds: Thresholds): MilestoneProgress {
  const list = milestones ?? [];
  const total = list.length;
  const done = list.filter((milestone) => milestone.done !== undefined && milestone.done <= asOf).length;
  const due = list.filter((milestone) => milestone.due <= asOf).length;
  if (total === 0) return { total, done, due, measure: undefined, status: 'no_data' };
  const measure = { progress: done / total, expected: due / total };
  return { total, done, due, measure, status: statusOf(measure, thresholds) };
}
