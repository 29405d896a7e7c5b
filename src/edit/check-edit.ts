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
 * Validate the whole plan as it would be with `text` as the content of a file of `kind` (a project
 * by default; replacing it, or added when new), and return what the edit would add to that file's findings.
 */
export function checkProjectEdit(before: PlanCheck, absPath: string, displayPath: string, text: string, validator: SchemaValidator, kind: FolderKind = 'projects'): EditCheck {
  const edited = parseYamlBytes(Buffer.from(text, 'utf8'), absPath, displayPath);
  const others = before.files[kind].filter((file) => file.absPath !== absPath);
  const after = checkPlan({ ...before.files, [kind]: [...others, edited] }, validator, before.today);
  const key = (finding: Finding) => `${finding.code}\0${pathWithoutIndexes(finding.path)}\0${JSON.stringify(finding.args)}`;
  const existing = new Set(before.findings.filter((finding) => finding.file === displayPath).map(key));
  return { edited, introduced: after.findings.filter((finding) => finding.file === displayPath && !existing.has(key(finding))) };
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
