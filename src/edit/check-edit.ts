import { parseYamlBytes, type YamlFile } from '../load/yaml-file.js';
import { checkPlan, type PlanCheck } from '../validate/check-plan.js';
import type { Finding } from '../validate/finding.js';
import type { SchemaValidator } from '../validate/schema-validator.js';

export interface EditCheck {
  /** The file as it would be. */
  edited: YamlFile;
  /** Findings the edit would add to the file: errors block the write, the others are shown. */
  introduced: Finding[];
}

/**
 * Validate the whole plan as it would be with `text` as the content of a project file (replacing
 * it, or added when new), and return what the edit would add to that file's findings.
 */
export function checkProjectEdit(before: PlanCheck, absPath: string, displayPath: string, text: string, validator: SchemaValidator): EditCheck {
  const edited = parseYamlBytes(Buffer.from(text, 'utf8'), absPath, displayPath);
  const others = before.files.projects.filter((file) => file.absPath !== absPath);
  const after = checkPlan({ ...before.files, projects: [...others, edited] }, validator, before.today);
  // Positions move when lines are added or removed, so findings are compared by code and message.
  const key = (finding: Finding) => `${finding.code}\0${finding.message}`;
  const existing = new Set(before.findings.filter((finding) => finding.file === displayPath).map(key));
  return { edited, introduced: after.findings.filter((finding) => finding.file === displayPath && !existing.has(key(finding))) };
}
