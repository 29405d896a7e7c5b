import { lstatSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../core/errors.js';
import { readBoundedFile } from '../../io/bounded-read.js';
import { displayPath } from '../../io/display-path.js';
import { describeFsError } from '../../io/fs-errors.js';
import type { PlanSource, SourceFile } from './plan-source.js';

/** A plan folder on disk, read through the bounded reads of io/. */
export class FolderSource implements PlanSource {
  readonly name: string;

  /** Paths are shown relative to `cwd` when inside it; without one, in full. */
  constructor(
    readonly folder: string,
    private readonly cwd?: string,
  ) {
    this.name = this.show(folder);
  }

  async list(folder: string): Promise<string[]> {
    const dir = path.join(this.folder, folder);
    try {
      return await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new InputError(`cannot list ${this.show(dir)}: ${describeFsError(error)}`);
    }
  }

  has(relativePath: string): boolean {
    return lstatSync(path.join(this.folder, relativePath), { throwIfNoEntry: false }) !== undefined;
  }

  // Synchronous reads, one after the other: for thousands of small files this is several times
  // faster than going through the thread pool.
  async read<T>(relativePaths: readonly string[], limit: number, use: (file: SourceFile) => T): Promise<T[]> {
    return relativePaths.map((relativePath) => {
      const absPath = path.join(this.folder, relativePath);
      const shown = this.show(absPath);
      return use({ absPath, displayPath: shown, content: readBoundedFile(absPath, shown, limit) });
    });
  }

  private show(absPath: string): string {
    return this.cwd === undefined ? absPath : displayPath(absPath, this.cwd);
  }
}
