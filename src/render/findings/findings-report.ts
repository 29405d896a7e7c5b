import type { ChalkInstance } from 'chalk';
import type { Finding, FindingCounts } from '../../validate/finding.js';

/** What a findings formatter renders: the findings of one run and what was checked. */
export interface FindingsReport {
  tool: { name: string; version: string };
  planDir: string;
  filesChecked: number;
  findings: readonly Finding[];
  counts: FindingCounts;
}

export type FindingsFormatter = (report: FindingsReport, chalk: ChalkInstance) => string;
