import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { isoDate, LAST_DATE } from '../model/dates.js';
import type { Io } from './io.js';
import { parseIsoDate } from './parse-options.js';

export interface TodayOption {
  today?: string;
}

/** The variable of reproducible builds (reproducible-builds.org): whole seconds since 1970-01-01 UTC. */
const SOURCE_DATE_EPOCH = 'SOURCE_DATE_EPOCH';
const LAST_EPOCH_SECONDS = Date.parse(`${LAST_DATE}T23:59:59Z`) / 1000;

export function addTodayOption(command: Command): Command {
  return command.option(
    '--today <date>',
    `the date to take as today (YYYY-MM-DD), for the checks of stale and future data and the default as-of date (default: the UTC date of $${SOURCE_DATE_EPOCH}, else of the system clock)`,
    parseIsoDate,
  );
}

/** Today for a run: --today, else the UTC date of SOURCE_DATE_EPOCH, else the system clock's date. */
export function todayOf(options: TodayOption, io: Io): string {
  return options.today ?? sourceDateEpochDay(io.env[SOURCE_DATE_EPOCH]) ?? io.today;
}

/** The UTC date of a SOURCE_DATE_EPOCH value; undefined when it is unset or empty. */
function sourceDateEpochDay(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds <= LAST_EPOCH_SECONDS)) {
    throw new UsageError(`${SOURCE_DATE_EPOCH}=${value}: expected whole seconds since 1970-01-01 UTC, up to ${LAST_DATE} (e.g. 1795348800); correct or unset the variable, or pass --today`);
  }
  return isoDate(new Date(seconds * 1000));
}
