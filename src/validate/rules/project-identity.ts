import path from 'node:path';
import { locate } from '../../load/positions.js';
import type { ProjectRule } from './rule.js';

/** A project's id is its file name, and no two projects share one. */
export const projectIdentityRule: ProjectRule = ({ projects }, report) => {
  // The first file of each id; its position is looked up only for a duplicate, so valid files are never re-parsed.
  const firstFile = new Map<string, (typeof projects)[number]['file']>();
  for (const { file, data } of projects) {
    const stem = path.basename(file.absPath).replace(/\.ya?ml$/i, '');
    if (stem !== data.id) report(file, 'PROJECT_FILE_NAME', { id: data.id, stem }, ['id']);
    const first = firstFile.get(data.id);
    if (first) report(file, 'DUPLICATE_ID', { case: 'project', project: data.id, where: `${first.displayPath}:${locate(first, ['id']).line}` }, ['id']);
    else firstFile.set(data.id, file);
  }
};
