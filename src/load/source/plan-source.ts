import type { BoundedRead } from '../../io/bounded-read.js';

/**
 * Where a plan's files come from: a folder on disk, or a git revision. Paths are relative to the
 * plan folder (the one holding plan.yaml) and use `/`.
 */
export interface PlanSource {
  /** The plan folder as shown to the user: `plan`, or `HEAD~1:plan` for a revision. */
  readonly name: string;
  /** The plan folder on disk, which edits write into; undefined for a source that is not one (a git revision). */
  readonly folder: string | undefined;
  /** The names of the entries directly inside `folder` (files, links, folders alike); none when there is no such folder. */
  list(folder: string): Promise<string[]>;
  /** Whether there is an entry at `relativePath`, readable or not (a broken link counts). */
  has(relativePath: string): boolean;
  /**
   * Read files, each only when it is a regular file of at most `limit` bytes (else a refusal), and
   * return what `use` makes of each; a file is handed to `use` as soon as it is read, so the bytes
   * of a whole plan are never all held at once. A file that cannot be read at all (missing, no
   * permission) stops the run, naming it.
   */
  read<T>(relativePaths: readonly string[], limit: number, use: (file: SourceFile) => T): Promise<T[]>;
}

/** One file read from a source. */
export interface SourceFile {
  /** The file's path on disk, or its path in the revision; its base name is the file's name. */
  absPath: string;
  /** The path shown in findings and messages. */
  displayPath: string;
  content: BoundedRead;
}
