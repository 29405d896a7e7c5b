import type { Finding } from '../findings/finding.js';
import type { FolderKind } from '../load/file-kinds.js';
import { parseYamlBytes, type YamlFile } from '../load/yaml-file.js';
import { checkPlan, type PlanCheck } from '../validate/check-plan.js';
import type { SchemaValidator } from '../validate/schema-validator.js';

export interface EditCheck {
  /** The file as it would be. */
  edited: YamlFile;
  /** Findings the edit would add to the file: errors block the write, the others are shown. */
  introduced: Finding[];
}

/**
 * Validate the whole plan as it would be with each `text` as the content of its file of `kind` (a
 * project by default; replacing it, or added when new), all together, and return what the edits
 * would add to each file's findings.
 */
export function checkProjectEdits(before: PlanCheck, files: readonly { absPath: string; displayPath: string; text: string }[], validator: SchemaValidator, kind: FolderKind = 'projects'): EditCheck[] {
  const edited = files.map((file) => parseYamlBytes(Buffer.from(file.text, 'utf8'), file.absPath, file.displayPath));
  const replaced = new Set(files.map((file) => file.absPath));
  const others = before.files[kind].filter((file) => !replaced.has(file.absPath));
  const after = checkPlan({ ...before.files, [kind]: [...others, ...edited] }, validator, before.today);
  const key = (finding: Finding) => `${finding.code}\0${pathWithoutIndexes(finding.path)}\0${JSON.stringify(finding.args)}`;
  const existing = new Set(before.findings.map((finding) => `${finding.file}\0${key(finding)}`));
  const byFile = new Map<string, Finding[]>(files.map((file) => [file.displayPath, []]));
  for (const finding of after.findings) if (!existing.has(`${finding.file}\0${key(finding)}`)) byFile.get(finding.file)?.push(finding);
  return edited.map((file) => ({ edited: file, introduced: byFile.get(file.displayPath)! }));
}

/**
 * Findings are compared by code, data path and args, not by position: lines move when lines are
 * added or removed, and list indexes move when an item before them is removed (unlink), so the
 * path is compared without them; the args still say which item a finding is about.
 */
function pathWithoutIndexes(path: string): string {
  return path
    .split('/')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('/');
}
