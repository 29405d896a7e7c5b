const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Compare so that embedded numbers sort by value: M2.9 before M2.10, m2-… before m10-…. */
export function compareNatural(a: string, b: string): number {
  return collator.compare(a, b);
}
