import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Every entry below `root` (relative path → what it is and, for a file, the SHA-256 of its bytes),
 * so a fault test can assert that nothing was lost, corrupted or left behind.
 */
export function snapshotTree(root: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const absPath = path.join(dir, name);
      const relative = path.relative(root, absPath).split(path.sep).join('/');
      const stats = lstatSync(absPath);
      if (stats.isSymbolicLink()) entries[relative] = `link → ${readlinkSync(absPath)}`;
      else if (stats.isDirectory()) {
        entries[`${relative}/`] = 'folder';
        walk(absPath);
      } else if (stats.isFile()) entries[relative] = `file ${createHash('sha256').update(readFileSync(absPath)).digest('hex')}`;
      else entries[relative] = 'special';
    }
  };
  walk(root);
  return entries;
}
