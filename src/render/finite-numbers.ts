/**
 * The last guard before a client: compute turns overflow into a data gap and the schemas bound the
 * figures, so a NaN or ±Infinity here is a bug. It stops the run before anything is written, rather
 * than becoming a `NaN %`, an unreadable cell or, in JSON, a silent null.
 */
export function finite(value: number, where: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`non-finite number ${value} at ${where}: a figure escaped the overflow checks of compute`);
  return value;
}

/** Check every number in plain data (objects and arrays), naming the path of the first non-finite one. */
export function assertFiniteNumbers(data: unknown, where: string): void {
  const seen = new Set<object>();
  // The keys down to the value being checked; the path is spelt out only for a number that fails.
  const keys: string[] = [where];
  const walk = (value: unknown): void => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) finite(value, keys.join('.'));
    } else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      for (const key of Object.keys(value)) {
        keys.push(key);
        walk((value as Record<string, unknown>)[key]);
        keys.pop();
      }
    }
  };
  walk(data);
}
