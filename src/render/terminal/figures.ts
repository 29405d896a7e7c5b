import type { ChalkInstance } from 'chalk';
import { clampForDisplay, type Status } from '../../compute/status.js';
import type { FundingTotal } from '../../compute/coverage.js';
import { localeFormat } from '../format.js';
import { fundingText } from '../funding.js';
import { LABELS } from '../labels.js';

/** The terminal speaks English; amounts keep the Italian form the plan's sources write them in (`1.234.567 €`). */
export const TERMINAL_LABELS = LABELS.en;
/** A missing figure reads `n/a`, never a dash that could be taken for zero. */
export const TERMINAL_FORMAT = localeFormat(TERMINAL_LABELS.locale, TERMINAL_LABELS.notStated);
const AMOUNTS = localeFormat(LABELS.it.locale);

/** A share or a progress as a percentage; `n/a` for none. Tables clamp progress to 0..100 %; `why` shows it raw. */
export function percent(value: number | null | undefined, options: { clamp?: boolean } = {}): string {
  return TERMINAL_FORMAT.percent(options.clamp && value !== null && value !== undefined ? clampForDisplay(value) : value);
}

export const euros = AMOUNTS.euros;

/** Funding in the terminal: `n/a` when nobody states it, the sum with its base when only some do. */
export function funding(total: FundingTotal): string {
  return fundingText(total, AMOUNTS, TERMINAL_LABELS);
}

/** A number to 4 decimals; in scientific notation when that would hide it (`5E-324`, `1E20`). */
export const number = TERMINAL_FORMAT.precise;

/** What the terminal prints for a figure there is no data for. */
export const NOT_AVAILABLE = TERMINAL_LABELS.notStated;

/** A status as its text label, coloured when colour is on: the label alone must carry the meaning. */
export function statusLabel(status: Status, chalk: ChalkInstance): string {
  const label = TERMINAL_LABELS.status[status];
  switch (status) {
    case 'achieved':
    case 'on_track':
      return chalk.green(label);
    case 'at_risk':
      return chalk.yellow(label);
    case 'off_track':
      return chalk.red(label);
    case 'insufficient_data':
      return chalk.blue(label);
    case 'stale':
      return chalk.magenta(label);
    case 'no_data':
      return chalk.dim(label);
  }
}
