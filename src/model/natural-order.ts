import naturalCompare from 'string-natural-compare';

const CASE_INSENSITIVE = { caseInsensitive: true };

/**
 * Compare so that embedded numbers sort by value: M2.9 before M2.10, m2-… before m10-…; letters
 * without regard to case. A plain comparison of code units, not Intl.Collator, whose locale data
 * costs a short command more than its whole sorting.
 */
export function compareNatural(a: string, b: string): number {
  return naturalCompare(a, b, CASE_INSENSITIVE);
}
