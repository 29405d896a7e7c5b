import { toJsonText } from '../json/plan-json.js';
import type { FindingsFormatter } from './findings-report.js';

/** `{version, tool, plan, filesChecked, summary: {errors, warnings, infos}, findings: [...]}`, documented in the README. */
export const json: FindingsFormatter = (report) =>
  toJsonText({
    version: 1,
    tool: report.tool,
    plan: report.planDir,
    filesChecked: report.filesChecked,
    summary: report.counts,
    findings: report.findings,
  });
