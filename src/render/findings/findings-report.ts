import type { ChalkInstance } from 'chalk';
import type { Finding, FindingCounts } from '../../findings/finding.js';
import type { Language } from '../language.js';

/** What a findings formatter renders: the findings of one run and what was checked. */
export interface FindingsReport {
  tool: { name: string; version: string };
  planDir: string;
  /** Every file checked, as findings name it (`plan/plan.yaml`), in the order checked. */
  files: readonly string[];
  findings: readonly Finding[];
  counts: FindingCounts;
  /** The language of the findings' messages. */
  language: Language;
}

export type FindingsFormatter = (report: FindingsReport, chalk: ChalkInstance) => string;
