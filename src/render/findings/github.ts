import type { Severity } from '../../findings/finding-codes.js';
import { terminalText } from '../terminal/terminal-text.js';
import type { FindingsFormatter } from './findings-report.js';
import { findingPosition } from './finding-place.js';
import { findingMessage } from './messages/index.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: one annotation per finding, on the file and line of the PR. */
export const github: FindingsFormatter = (report) =>
  report.findings
    .map((finding) => {
      const properties = [
        `file=${escapeProperty(finding.file)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `title=${escapeProperty(`psttm ${finding.code}`)}`,
      ].join(',');
      // An annotation has no sheet: a spreadsheet's findings name their cell in the message.
      const cell = finding.sheet === undefined ? '' : `${finding.sheet ? `${finding.sheet}!` : ''}${findingPosition(finding)}: `;
      return `::${COMMAND[finding.severity]} ${properties}::${escapeData(cell + findingMessage(finding, report.language))}\n`;
    })
    .join('');

/**
 * Workflow command data: `%`, CR and LF are percent-encoded (`%` first), so data cannot end the
 * command; other control characters and bidi overrides are shown escaped, as on a terminal.
 */
export function escapeData(text: string): string {
  return terminalText(text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A'));
}

/** Workflow command properties: as data, and also `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
