import { createHash } from 'node:crypto';
import type { Severity } from '../../findings/finding-codes.js';
import type { Finding } from '../../findings/finding.js';
import { toJsonText } from '../json/plan-json.js';
import type { FindingsFormatter } from './findings-report.js';
import { findingMessage } from './messages/index.js';

const GITLAB_SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/** GitLab Code Quality: an array of issues, each with a fingerprint that survives lines moving. */
export const gitlab: FindingsFormatter = (report) =>
  toJsonText(
    report.findings.map((finding) => ({
      description: findingMessage(finding, report.language),
      check_name: finding.code,
      fingerprint: fingerprint(finding),
      severity: GITLAB_SEVERITY[finding.severity],
      location: { path: finding.file, lines: { begin: finding.line } },
    })),
  );

/** What a finding is about, not where its line is: sha256 of its code, file, sheet, data path and args. */
function fingerprint(finding: Finding): string {
  return createHash('sha256')
    .update(JSON.stringify([finding.code, finding.file, finding.sheet ?? null, finding.path, finding.args]))
    .digest('hex');
}
