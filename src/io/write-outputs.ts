import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { RunError } from '../cli/errors.js';

export interface OutputFile {
  /** Absolute path. */
  path: string;
  /** Shown in messages. */
  displayPath: string;
  content: string | Buffer;
}

export interface WriteOptions {
  /** Overwrite existing files. */
  force: boolean;
  /** Existing files this run may replace without --force (files psttm itself wrote and nobody changed). */
  replaceable?: ReadonlySet<string>;
}

/**
 * Write every file or none: all targets are checked before the first write, and each write is
 * atomic (a temporary file in the same folder, then a rename).
 */
export async function writeOutputs(files: readonly OutputFile[], options: WriteOptions): Promise<void> {
  const blocked = files.filter((file) => existsSync(file.path) && !options.force && !options.replaceable?.has(file.path));
  if (blocked.length > 0) {
    const names = blocked.map((file) => file.displayPath).join(', ');
    throw new RunError(`${names} already exist${blocked.length === 1 ? 's' : ''}; pass --force to overwrite, or choose another path`);
  }
  if (files.length === 0) return;
  const { default: writeFileAtomic } = await import('write-file-atomic');
  for (const file of files) {
    await mkdir(path.dirname(file.path), { recursive: true });
    await writeFileAtomic(file.path, file.content);
  }
}
