import type { ChalkInstance } from 'chalk';
import type { Finding } from '../../findings/finding.js';
import type { Language } from '../language.js';
import { terminalText } from '../terminal/terminal-text.js';
import { findingPlace } from './finding-place.js';
import { findingMessage } from './messages/index.js';

/** One finding on one line, `file:line:col: severity: message (CODE)`, as compilers print them (editors make it a link); a spreadsheet's cell as `file.xlsx!Foglio1:R12C4`. */
export function findingLine(finding: Finding, language: Language, chalk: ChalkInstance): string {
  const color = finding.severity === 'error' ? chalk.red : finding.severity === 'warning' ? chalk.yellow : chalk.blue;
  return `${terminalText(findingPlace(finding))}: ${color(finding.severity)}: ${terminalText(findingMessage(finding, language))} ${chalk.dim(`(${finding.code})`)}`;
}
