import type { FindingArgs } from './finding-args.js';
import { FINDING_CODES, type FindingCode, type Severity } from './finding-codes.js';

/** Where a finding is: the file, its place in the file, and its place in the data. */
export interface FindingLocation {
  /** Path of the file as shown to the user (relative to the working directory when inside it). */
  file: string;
  /** 1-based line and column of the offending key or value. */
  line: number;
  column: number;
  /** 1-based line and column where the offending node ends (the start again where there is no node). */
  endLine: number;
  endColumn: number;
  /** Data path inside the file, e.g. `objectives/3/actors` (empty for the whole file). */
  path: string;
  /**
   * In a spreadsheet: the sheet's name (empty for a CSV file); line and column are then the cell's
   * row and column, shown as `file.xlsx!Foglio1:R12C4` (`file.csv:R12C4`).
   */
  sheet?: string;
}

/** A finding of one code, with the args its message is rendered from. */
type FindingOf<C extends FindingCode> = FindingLocation & { code: C; args: FindingArgs[C]; severity: Severity };

/**
 * A problem found in the input: plain data, asserted by tests on `code` and `args`; its message is
 * rendered in the reader's language by render/findings/messages.
 */
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];

/** A finding of `code` at `location`, with the code's severity. */
export function makeFinding<C extends FindingCode>(code: C, args: FindingArgs[C], location: FindingLocation): Finding {
  return { code, args, severity: FINDING_CODES[code].severity, ...location } as Finding;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** Sort by file, then position, then code, so every output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
