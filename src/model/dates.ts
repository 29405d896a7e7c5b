/** Dates are ISO `YYYY-MM-DD` strings: they compare correctly as text. */

/**
 * The dates psttm computes and reports on. The workbook stores dates as Excel serial numbers, which
 * start on 1900-01-01 (Excel's 1900 date system) and end on 9999-12-31, the last ISO 8601 date with
 * a four-digit year.
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '9999-12-31';

/** Today (or any instant) as an ISO date, in UTC. */
export function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Whole calendar months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth, fromDay] = from.split('-').map(Number) as [number, number, number];
  const [toYear, toMonth, toDay] = to.split('-').map(Number) as [number, number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) - (toDay < fromDay ? 1 : 0);
}

/** The instant an ISO date begins, in UTC: how a date is stored in a workbook, an e-mail or a formatter. */
export function startOfDay(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** The ISO date `days` days after `iso`. */
export function daysAfter(iso: string, days: number): string {
  const date = startOfDay(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDate(date);
}
