import { FOLDER_KINDS, PLAN_FILE } from '../../load/file-kinds.js';

/**
 * `.vscode/settings.json` of a plan repository: the YAML language server (Red Hat's YAML extension)
 * applies each schema of the repository's schemas/ folder to the files of its kind.
 */
export function vscodeSettings(): string {
  const schemas: Record<string, string[]> = { './schemas/plan.schema.json': [`plan/${PLAN_FILE}`] };
  for (const { folder, schema } of Object.values(FOLDER_KINDS)) schemas[`./schemas/${schema}.schema.json`] = [`plan/${folder}/*.yaml`, `plan/${folder}/*.yml`];
  return `${JSON.stringify({ 'yaml.schemas': schemas }, null, 2)}\n`;
}
