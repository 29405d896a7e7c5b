import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { displayPath } from '../io/display-path.js';

/**
 * Refuse an output folder (absolute) up front when it, or the nearest of its ancestors that exists,
 * is a file: nothing could be written below it. `argument` names it in the message (`--out x`).
 */
export function requireOutputFolder(dir: string, argument: string, cwd: string): void {
  let existing = dir;
  let stats = statIfPresent(existing);
  while (stats === undefined && existing !== path.dirname(existing)) {
    existing = path.dirname(existing);
    stats = statIfPresent(existing);
  }
  if (stats && !stats.isDirectory()) throw new UsageError(`${argument}: ${displayPath(existing, cwd)} is a file, not a folder; name a folder to write into`);
}

/** The stats of a path, or undefined when nothing is there (a missing entry, or a file where a folder of the path should be). */
function statIfPresent(absPath: string): Stats | undefined {
  try {
    return statSync(absPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
