import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Root of the installed psttm package (compiled files live in dist/, one level below src's). */
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export const packagePaths = {
  root: packageRoot,
  shippedPlan: fileURLToPath(new URL('../../plan/', import.meta.url)),
  schemas: fileURLToPath(new URL('../../schemas/', import.meta.url)),
  templates: fileURLToPath(new URL('../../templates/', import.meta.url)),
} as const;

export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
