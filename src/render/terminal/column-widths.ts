/**
 * What a column asks for: the width of its widest line and of its longest word; a flex column (a
 * title) gives way first, down to `flexFloor`.
 */
export interface ColumnDemand {
  natural: number;
  longestWord: number;
  flexFloor?: number;
}

/** Prose columns break their words before any id is broken, but not below this width. */
const NARROWEST_PROSE = 12;

/**
 * Widths that sum to at most `available`: the natural widths when they fit; else, step by step until
 * they do, the flex columns shrink to their flex floor, the other columns to their longest word, the
 * flex columns to their longest word, then below it to 12 (their words break), and at last every
 * column, down to 1. Within a step the widest columns give way first.
 */
export function fitColumnWidths(demands: readonly ColumnDemand[], available: number): number[] {
  const every = demands.map((_, index) => index);
  const flex = every.filter((index) => demands[index]!.flexFloor !== undefined);
  const fixed = every.filter((index) => demands[index]!.flexFloor === undefined);
  const wordFloors = demands.map((demand) => demand.longestWord);
  const steps: [readonly number[], readonly number[]][] = [
    [flex, demands.map((demand) => Math.max(demand.longestWord, demand.flexFloor ?? 0))],
    [fixed, wordFloors],
    [flex, wordFloors],
    [flex, wordFloors.map((floor) => Math.min(floor, NARROWEST_PROSE))],
    [every, demands.map(() => 1)],
  ];
  let widths = demands.map((demand) => demand.natural);
  for (const [columns, floors] of steps) {
    if (total(widths) <= available) break;
    widths = lowerToFit(widths, columns, floors, available);
  }
  return widths;
}

/** The given columns lowered to the highest common cap that fits (none below its floor), then the room left handed back to the capped ones. */
function lowerToFit(widths: readonly number[], columns: readonly number[], floors: readonly number[], available: number): number[] {
  const lowered = (cap: number) => widths.map((width, index) => (columns.includes(index) ? Math.min(width, Math.max(floors[index]!, cap)) : width));
  let cap = Math.max(1, ...columns.map((index) => widths[index]!));
  while (cap > 1 && total(lowered(cap)) > available) cap--;
  const result = lowered(cap);
  for (const index of columns) {
    if (total(result) >= available) break;
    if (result[index] === cap && widths[index]! > cap) result[index] = cap + 1;
  }
  return result;
}

function total(widths: readonly number[]): number {
  return widths.reduce((sum, width) => sum + width, 0);
}
