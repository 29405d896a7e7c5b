import type { Command } from 'commander';
import { isoDate } from '../model/dates.js';
import type { Io } from './io.js';
import { parseIsoDate } from './parse-options.js';

export interface AsOfOption {
  asOf?: string;
}

export function addAsOfOption(command: Command): Command {
  return command.option('--as-of <date>', 'compute as of this date (YYYY-MM-DD): only data dated on or before it counts (default: today)', parseIsoDate);
}

/** The as-of date of a run: the option, else today. */
export function asOfDate(options: AsOfOption, io: Io): string {
  return options.asOf ?? isoDate(io.now());
}
