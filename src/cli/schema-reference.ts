import { existsSync } from 'node:fs';
import path from 'node:path';
import { packagePaths } from '../io/package-paths.js';

/**
 * The `$schema` of the language-server modeline of a file written into `fileFolder`, relative to it:
 * the plan repository's own `schemas/` folder (beside the plan folder, as `psttm init` writes it)
 * when it holds the schema, else the schemas of the installed package.
 */
export function schemaReference(planFolder: string, fileFolder: string, schema: string): string {
  const fileName = `${schema}.schema.json`;
  const own = path.join(path.dirname(planFolder), 'schemas', fileName);
  const target = existsSync(own) ? own : path.join(packagePaths.schemas, fileName);
  return path.relative(fileFolder, target).split(path.sep).join('/');
}
