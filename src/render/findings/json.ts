import { toJsonText } from '../json/plan-json.js';
import type { FindingsFormatter } from './findings-report.js';
import { findingMessage } from './messages/index.js';

/** `{version, tool, plan, filesChecked, summary: {errors, warnings, infos}, findings: [...]}`, documented in the README. */
export const json: FindingsFormatter = (report) =>
  toJsonText({
    version: 1,
    tool: report.tool,
    plan: report.planDir,
    filesChecked: report.files.length,
    summary: report.counts,
    // The message first, for readers; then the data it is rendered from.
    findings: report.findings.map((finding) => {
      const { code, severity, ...data } = finding;
      return { code, severity, message: findingMessage(finding, report.language), ...data };
    }),
  });
