import { InvalidArgumentError } from 'commander';

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function parseNonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return Number(value);
}

/** An ISO calendar date (YYYY-MM-DD) that exists: 2025-02-30 is refused. */
export function parseIsoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2025-12-31');
  return value;
}

/** A percentage from 0 to 100. */
export function parsePercent(value: string): number {
  const percent = Number(value.replace(/%$/, ''));
  if (value.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100) throw new InvalidArgumentError('expected a percentage from 0 to 100, e.g. 60');
  return percent;
}
