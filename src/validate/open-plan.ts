import { readPlanFiles } from '../load/plan-files.js';
import type { PlanSource } from '../load/source/plan-source.js';
import { checkPlan, type PlanCheck } from './check-plan.js';
import { SchemaValidator } from './schema-validator.js';

export interface OpenPlanOptions {
  /** The day (YYYY-MM-DD) the date rules (stale projects, actual values in the future) judge by. */
  today: string;
}

/** The one way to get a plan: read every file from `source`, validate it, and build its model. */
export async function openPlan(source: PlanSource, { today }: OpenPlanOptions): Promise<PlanCheck> {
  return checkPlan(await readPlanFiles(source), new SchemaValidator(), today);
}
