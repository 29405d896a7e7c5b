import type { Command } from 'commander';
import type { Io } from './io.js';
import { parseIsoDate } from './parse-options.js';
import { todayOf, type TodayOption } from './today.js';

export interface AsOfOption extends TodayOption {
  asOf?: string;
}

export function addAsOfOption(command: Command): Command {
  return command.option('--as-of <date>', 'compute as of this date (YYYY-MM-DD): only data dated on or before it counts (default: today)', parseIsoDate);
}

/** The as-of date of a run: the option, else today. */
export function asOfDate(options: AsOfOption, io: Io): string {
  return options.asOf ?? todayOf(options, io);
}
