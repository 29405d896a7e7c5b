import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../findings/finding-codes.js';
import { FINDING_CODES, type FindingCode } from '../../findings/finding-codes.js';
import { toJsonText } from '../json/plan-json.js';
import type { FindingsFormatter } from './findings-report.js';
import { findingMessage } from './messages/index.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, for code-scanning dashboards: every code as a rule, every finding as a result. */
export const sarif: FindingsFormatter = (report) => {
  const codes = Object.keys(FINDING_CODES) as FindingCode[];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: codes.map((code) => ({
              id: code,
              shortDescription: { text: FINDING_CODES[code].summary },
              defaultConfiguration: { level: LEVEL[FINDING_CODES[code].severity] },
            })),
          },
        },
        results: report.findings.map((finding) => ({
          ruleId: finding.code,
          ruleIndex: codes.indexOf(finding.code),
          level: LEVEL[finding.severity],
          message: { text: findingMessage(finding, report.language) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(finding.file) },
                region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
              },
              // A spreadsheet's sheet; the region is then its cell (row as line, column as column).
              ...(finding.sheet && { logicalLocations: [{ name: finding.sheet, kind: 'sheet' }] }),
            },
          ],
        })),
      },
    ],
  };
  return toJsonText(log);
};

/** Relative paths stay relative URI references (resolved against the repository root); absolute ones become file URLs. */
function fileUri(file: string): string {
  return path.isAbsolute(file) ? pathToFileURL(file).href : file.split('/').map(encodeURIComponent).join('/');
}
