import { Chalk } from 'chalk';
import { create } from 'xmlbuilder2';
import type { Finding } from '../../findings/finding.js';
import type { FindingsFormatter } from './findings-report.js';
import { findingLine } from './finding-line.js';
import { findingsByFile } from './finding-place.js';
import { findingMessage } from './messages/index.js';

/** The XML's text never carries terminal colours, even when printed to a terminal. */
const NO_COLOR = new Chalk({ level: 0 });

/**
 * JUnit XML, as Jenkins and GitLab show test reports: one test case per file checked (and per
 * other file with findings; a workbook is one file, its failures name their sheet), a failure per error;
 * warnings and infos as the case's output.
 * xmlbuilder2 escapes markup and replaces the characters XML 1.0 forbids (for `&`, see xmlText).
 */
export const junit: FindingsFormatter = (report) => {
  const byFile = findingsByFile(report.findings, { files: report.files, sheetsApart: false });
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
  const suite = doc.ele('testsuites').ele('testsuite', {
    name: `${report.tool.name} validate`,
    tests: byFile.size,
    // Ant's and Jenkins' meaning: how many test cases failed (a file with errors), not how many errors.
    failures: [...byFile.values()].filter((findings) => findings.some(isError)).length,
    errors: 0,
  });
  for (const [file, findings] of byFile) {
    const testCase = suite.ele('testcase', { classname: xmlText(file), name: xmlText(file) });
    for (const error of findings.filter(isError)) {
      testCase.ele('failure', { message: xmlText(`${error.code}: ${findingMessage(error, report.language)}`), type: error.code }).txt(xmlText(findingLine(error, report.language, NO_COLOR)));
    }
    const others = findings.filter((finding) => !isError(finding));
    if (others.length > 0) testCase.ele('system-out').txt(xmlText(others.map((finding) => findingLine(finding, report.language, NO_COLOR)).join('\n')));
  }
  return doc.end({ prettyPrint: true }) + '\n';
};

/**
 * Text for xmlbuilder2, which escapes `&` only where no entity follows (`&amp;`, `&#0;` and `&bogus;`
 * pass as written, the last two breaking the document): every `&` is given as `&amp;`, which it keeps.
 */
function xmlText(text: string): string {
  return text.replaceAll('&', '&amp;');
}

function isError(finding: Finding): boolean {
  return finding.severity === 'error';
}
