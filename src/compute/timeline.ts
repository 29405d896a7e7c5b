/** Day number of an ISO date (days since 1970-01-01, UTC): differences are exact day counts. */
function dayNumber(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;
}

export interface Point {
  date: string;
  value: number;
}

/**
 * The value on the straight lines through `points` (sorted by date) at `date`: before the first point
 * its value, after the last its value.
 */
export function interpolate(points: readonly Point[], date: string): number {
  const day = dayNumber(date);
  const first = points[0];
  if (!first) throw new RangeError('interpolate needs at least one point');
  if (day <= dayNumber(first.date)) return first.value;
  for (let index = 1; index < points.length; index++) {
    const from = points[index - 1]!;
    const to = points[index]!;
    const start = dayNumber(from.date);
    const end = dayNumber(to.date);
    if (day <= end) return end === start ? to.value : from.value + ((to.value - from.value) * (day - start)) / (end - start);
  }
  return points.at(-1)!.value;
}
