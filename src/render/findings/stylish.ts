import type { ChalkInstance } from 'chalk';
import type { Finding } from '../../findings/finding.js';
import { localeFormat } from '../format.js';
import { LABELS } from '../labels.js';
import type { Language } from '../language.js';
import { terminalText } from '../terminal/terminal-text.js';
import type { FindingsFormatter } from './findings-report.js';
import { findingPosition, findingsByFile } from './finding-place.js';
import { findingMessage } from './messages/index.js';

/** ESLint's stylish layout: a header per file, `line:col  severity  message  code`, then a total in the findings' language. */
export const stylish: FindingsFormatter = (report, chalk) => {
  const blocks = [...findingsByFile(report.findings)].map(([file, findings]) => fileBlock(terminalText(file), findings, report.language, chalk));
  const { errors, warnings, infos } = report.counts;
  const { counts: nouns, locale } = LABELS[report.language];
  const { count } = localeFormat(locale);
  const problems = errors + warnings;
  const tally = `${count(errors, nouns.error)}, ${count(warnings, nouns.warning)}, ${count(infos, nouns.info)}`;
  const files = count(report.files.length, nouns.filesChecked);
  const total =
    problems > 0 ? chalk[errors > 0 ? 'red' : 'yellow'].bold(`✖ ${count(problems, nouns.problem)} (${tally}) in ${files}`) : chalk.green.bold(`✔ ${files}: ${tally}`);
  return [...blocks, total].join('\n\n') + '\n';
};

function fileBlock(file: string, findings: Finding[], language: Language, chalk: ChalkInstance): string {
  const positions = findings.map(findingPosition);
  const positionWidth = widest(positions);
  const severityWidth = widest(findings.map((finding) => finding.severity));
  const messages = findings.map((finding) => terminalText(findingMessage(finding, language)));
  const messageWidth = widest(messages);
  const rows = findings.map((finding, index) => {
    const severity = finding.severity.padEnd(severityWidth);
    const colored = finding.severity === 'error' ? chalk.red(severity) : finding.severity === 'warning' ? chalk.yellow(severity) : chalk.blue(severity);
    return `  ${chalk.dim(positions[index]!.padStart(positionWidth))}  ${colored}  ${messages[index]!.padEnd(messageWidth)}  ${chalk.dim(finding.code)}`;
  });
  return [chalk.underline(file), ...rows].join('\n');
}

/** The length of the longest text (a loop: spreading thousands of findings into Math.max overflows the stack). */
function widest(texts: readonly string[]): number {
  return texts.reduce((width, text) => Math.max(width, text.length), 0);
}
