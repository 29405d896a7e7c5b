import type { ChalkInstance } from 'chalk';
import { clampForDisplay, type Status } from '../../compute/status.js';
import { finite } from '../finite-numbers.js';

const PERCENT = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const EURO = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });
const SCIENTIFIC = new Intl.NumberFormat('en-GB', { notation: 'scientific', maximumFractionDigits: 4 });

/** A share or a progress as a percentage; `–` for none. Tables clamp progress to 0..100 %; `why` shows it raw. */
export function percent(value: number | null | undefined, options: { clamp?: boolean } = {}): string {
  if (value === null || value === undefined) return '–';
  return PERCENT.format(finite(options.clamp ? clampForDisplay(value) : value, 'a percentage'));
}

export function euros(value: number): string {
  return EURO.format(finite(value, 'an amount in euros'));
}

/** A number to 4 decimals; in scientific notation when that would hide it (`5E-324`, `1E20`). */
export function number(value: number): string {
  const magnitude = Math.abs(finite(value, 'a number'));
  return (magnitude > 0 && magnitude < 5e-5) || magnitude >= 1e15 ? SCIENTIFIC.format(value) : NUMBER.format(value);
}

const STATUS_LABEL: Record<Status, string> = {
  achieved: 'achieved',
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  stale: 'stale',
  no_data: 'no data',
};

/** A status as its text label, coloured when colour is on: the label alone must carry the meaning. */
export function statusLabel(status: Status, chalk: ChalkInstance): string {
  const label = STATUS_LABEL[status];
  switch (status) {
    case 'achieved':
    case 'on_track':
      return chalk.green(label);
    case 'at_risk':
      return chalk.yellow(label);
    case 'off_track':
      return chalk.red(label);
    case 'stale':
      return chalk.magenta(label);
    case 'no_data':
      return chalk.dim(label);
  }
}
