import { monthsBetween } from './dates.js';

/**
 * How many whole months a project last updated on `updated` has gone without an update by `today`,
 * when that is more than the plan allows (`monitoring.project_update_months`); undefined while it is
 * fresh. The rule of PROJECT_STALE, and the stale projects of `psttm collect status`.
 */
export function staleMonths(updated: string, today: string, limitMonths: number): number | undefined {
  const age = monthsBetween(updated, today);
  return age > limitMonths ? age : undefined;
}
