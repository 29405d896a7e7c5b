import type { FindingCode } from './finding-codes.js';

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in the input: plain data, printed by a formatter, asserted by tests on `code`. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** Path of the file as shown to the user (relative to the working directory when inside it). */
  file: string;
  /** 1-based line and column of the offending key or value. */
  line: number;
  column: number;
  /** Data path inside the file, e.g. `objectives/3/actors` (empty for the whole file). */
  path: string;
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
