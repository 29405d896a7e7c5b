import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The base plan's project file (alpha-hub) in a tempPlan copy. */
const baseProjectFile = (root: string) => path.join(root, 'plan/projects/alpha-hub.yaml');

/** The base plan's project with its `sources:` value replaced by `sources` (YAML text: a flow list, or block lines). */
export function baseProjectWithSources(root: string, sources: string): string {
  return readFileSync(baseProjectFile(root), 'utf8').replace(/^sources:\n(  .*\n)+/m, `sources:${sources.startsWith('\n') ? '' : ' '}${sources}\n`);
}

/** Write the base project with `sources` as its sources, to fill a file with many values. */
export function writeBaseProjectSources(root: string, sources: string): void {
  writeFileSync(baseProjectFile(root), baseProjectWithSources(root, sources));
}
