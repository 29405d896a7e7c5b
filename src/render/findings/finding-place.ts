import type { Finding } from '../../findings/finding.js';

/** The file a finding is in, with its sheet for a spreadsheet: `plan/x.yaml`, `dup.xlsx!Foglio1`, `dup.csv`. */
function findingFile(finding: Finding): string {
  return finding.sheet ? `${finding.file}!${finding.sheet}` : finding.file;
}

/** Where in its file: `12:4` (line and column), or the cell `R12C4` in a spreadsheet. */
export function findingPosition(finding: Finding): string {
  return finding.sheet === undefined ? `${finding.line}:${finding.column}` : `R${finding.line}C${finding.column}`;
}

/** The whole place, as compilers and spreadsheets write it: `plan/x.yaml:12:4`, `dup.xlsx!Foglio1:R12C4`, `dup.csv:R12C4`. */
export function findingPlace(finding: Finding): string {
  return `${findingFile(finding)}:${findingPosition(finding)}`;
}

/**
 * Findings grouped by their file, in order: by the file with its sheet (a workbook's sheets apart)
 * unless `sheetsApart` is false; `files` come first, each with its findings or none.
 */
export function findingsByFile(findings: readonly Finding[], { files = [], sheetsApart = true }: { files?: readonly string[]; sheetsApart?: boolean } = {}): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>(files.map((file) => [file, []]));
  for (const finding of findings) {
    const file = sheetsApart ? findingFile(finding) : finding.file;
    const group = byFile.get(file);
    if (group) group.push(finding);
    else byFile.set(file, [finding]);
  }
  return byFile;
}
