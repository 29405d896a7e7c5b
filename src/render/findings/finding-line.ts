import type { ChalkInstance } from 'chalk';
import type { Finding } from '../../validate/finding.js';
import { terminalText } from '../terminal/terminal-text.js';

/** One finding on one line, `file:line:col: severity: message (CODE)`, as compilers print them (editors make it a link). */
export function findingLine(finding: Finding, chalk: ChalkInstance): string {
  const color = finding.severity === 'error' ? chalk.red : finding.severity === 'warning' ? chalk.yellow : chalk.blue;
  return `${terminalText(finding.file)}:${finding.line}:${finding.column}: ${color(finding.severity)}: ${terminalText(finding.message)} ${chalk.dim(`(${finding.code})`)}`;
}
