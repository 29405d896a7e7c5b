import { InvalidArgumentError } from 'commander';
import { FIRST_DATE, LAST_DATE } from '../model/dates.js';
import { closestMatch } from '../model/did-you-mean.js';

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A text that is not empty or only spaces (a name, a title, a path). */
export function parseText(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('expected a value, not an empty text');
  return value;
}

export function parseNonNegativeInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new InvalidArgumentError(`expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`);
  return number;
}

/** A number in plain decimal notation (`60`, `0.5`): no sign, exponent, hexadecimal, Infinity or NaN. */
function parseDecimal(value: string, inRange: (number: number) => boolean, expected: string): number {
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !inRange(number)) throw new InvalidArgumentError(`expected ${expected}`);
  return number;
}

/** A percentage from 0 to 100, with or without `%`. */
export function parsePercent(value: string): number {
  return parseDecimal(value.replace(/%$/, ''), (percent) => percent <= 100, 'a percentage from 0 to 100, e.g. 60');
}

/** A share above 0 and at most 1 (a link weight). */
export function parseShare(value: string): number {
  return parseDecimal(value, (share) => share > 0 && share <= 1, 'a number above 0 and at most 1, e.g. 0.5');
}

const DATE_RANGE = `from ${FIRST_DATE} to ${LAST_DATE}`;

/** An ISO calendar date (YYYY-MM-DD) that exists and that psttm supports: 2025-02-30 and 1899-12-31 are refused. */
export function parseIsoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new InvalidArgumentError(`expected a date as YYYY-MM-DD ${DATE_RANGE}, e.g. 2025-12-31`);
  if (value < FIRST_DATE || value > LAST_DATE) throw new InvalidArgumentError(`expected a date as YYYY-MM-DD ${DATE_RANGE}; ${value} is outside that range`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== value) throw new InvalidArgumentError(`expected a date as YYYY-MM-DD ${DATE_RANGE}; ${value} is not a day of the calendar`);
  return value;
}

/** A year as YYYY whose 31 December, and the 31 December before it, are dates psttm supports. */
export function parseReportYear(value: string): number {
  const first = Number(FIRST_DATE.slice(0, 4)) + 1;
  const last = Number(LAST_DATE.slice(0, 4));
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < first || year > last) throw new InvalidArgumentError(`expected a year as YYYY from ${first} to ${last}, e.g. 2025`);
  return year;
}

/** A commander parser for a comma-separated list of allowed values (`on_track,at_risk`), with a suggestion for a typo. */
export function choiceList<T extends string>(allowed: readonly T[], noun: string): (value: string) => T[] {
  return (value) => {
    const items = value.split(',').map((item) => item.trim());
    const unknown = items.find((item) => !(allowed as readonly string[]).includes(item));
    if (unknown !== undefined) {
      const suggestion = closestMatch(unknown, allowed);
      const hint = suggestion === undefined ? '' : `; did you mean ${suggestion}?`;
      throw new InvalidArgumentError(`unknown ${noun} ${unknown === '' ? '""' : unknown}${hint} (one or more of, comma-separated: ${allowed.join(', ')})`);
    }
    return items as T[];
  };
}
