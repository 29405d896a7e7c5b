import path from 'node:path';
import { InputError } from '../../core/errors.js';
import type { FileKind, ReadRefusal } from '../../io/bounded-read.js';
import { PLAN_FILE } from '../file-kinds.js';
import { commitOf, git, gitProblem, shallowCloneNote } from './git.js';
import type { PlanSource, SourceFile } from './plan-source.js';

/** The revision has no plan at the path asked for: no such folder, or no plan.yaml in it. */
export class MissingPlanError extends InputError {}

/** One entry of `git ls-tree -l`: its mode, object id and, for a blob, its size. */
interface TreeEntry {
  mode: string;
  oid: string;
  size: number | undefined;
}

/** What a tree entry that is no regular file is, by its git mode. */
const SPECIAL_MODES: Record<string, FileKind> = { '120000': 'symbolic-link', '160000': 'submodule', '040000': 'folder' };

/** The most `git ls-tree` may print: about two million entries. */
const MAX_LISTING_BYTES = 256 * 1024 * 1024;

/**
 * A plan folder at a git revision, read from the object database only (`git ls-tree` once, then
 * one `git cat-file --batch` per read): no checkout, and the working tree and the index are never
 * touched. Blobs above the size limit, links and submodules are refused as on disk, before any
 * of their bytes are read.
 */
export class GitRevisionSource implements PlanSource {
  readonly folder = undefined;
  readonly name: string;

  private constructor(
    private readonly repository: string,
    private readonly revision: string,
    private readonly planPath: string,
    private readonly entries: ReadonlyMap<string, TreeEntry>,
  ) {
    this.name = `${revision}:${planPath}`;
  }

  /**
   * The plan folder at `planPath` (relative to the top of the repository, '' for the top itself) at
   * `revision` (a commit, branch, tag, `HEAD~1`, …) of the repository at `repository`.
   */
  static async open(repository: string, revision: string, planPath: string): Promise<GitRevisionSource> {
    const commit = await resolveCommit(repository, revision);
    let listing: Buffer;
    try {
      listing = await git(repository, ['ls-tree', '-r', '-t', '-l', '-z', `${commit}:${planPath}`], MAX_LISTING_BYTES);
    } catch (error) {
      throw new MissingPlanError(`${revision}:${planPath}: no such folder at revision ${revision} (${gitProblem(error)}); name the folder holding ${PLAN_FILE}`);
    }
    const source = new GitRevisionSource(repository, revision, planPath, parseListing(listing));
    if (!source.has(PLAN_FILE)) throw new MissingPlanError(`${source.name}: no ${PLAN_FILE} in that folder at revision ${revision}; name the folder holding ${PLAN_FILE}`);
    return source;
  }

  async list(folder: string): Promise<string[]> {
    const prefix = folder === '' ? '' : `${folder}/`;
    const names: string[] = [];
    for (const entryPath of this.entries.keys()) {
      const name = entryPath.slice(prefix.length);
      if (entryPath.startsWith(prefix) && name !== '' && !name.includes('/')) names.push(name);
    }
    return names;
  }

  has(relativePath: string): boolean {
    return this.entries.has(relativePath);
  }

  async read<T>(relativePaths: readonly string[], limit: number, use: (file: SourceFile) => T): Promise<T[]> {
    const entries = relativePaths.map((relativePath) => {
      const entry = this.entries.get(relativePath);
      if (entry === undefined) throw new InputError(`cannot read ${this.show(relativePath)}: no such file at that revision`);
      return entry;
    });
    const readable = entries.filter((entry) => refusalOf(entry, limit) === undefined);
    const blobs = await readBlobs(this.repository, readable);
    const bytesOf = new Map(readable.map((entry, index) => [entry, blobs[index]!]));
    return relativePaths.map((relativePath, index) => {
      const entry = entries[index]!;
      const refusal = refusalOf(entry, limit);
      const shown = this.show(relativePath);
      return use({ absPath: shown, displayPath: shown, content: refusal ? { refusal } : { bytes: bytesOf.get(entry)! } });
    });
  }

  /** A file's path as git names it: `HEAD~1:plan/projects/polihub.yaml`. */
  private show(relativePath: string): string {
    return `${this.revision}:${path.posix.join(this.planPath, relativePath)}`;
  }
}

/** Why an entry is not read: it is no regular file (mode 100644 or 100755), or its blob is larger than `limit`. */
function refusalOf(entry: TreeEntry, limit: number): ReadRefusal | undefined {
  if (entry.mode !== '100644' && entry.mode !== '100755') return { reason: 'not-regular', kind: SPECIAL_MODES[entry.mode] ?? 'special' };
  return entry.size! > limit ? { reason: 'too-large', limit } : undefined;
}

/** The commit `revision` names; a revision that names none stops the run, naming it. */
async function resolveCommit(repository: string, revision: string): Promise<string> {
  let commit: string | undefined;
  try {
    commit = await commitOf(repository, revision);
  } catch (error) {
    throw new InputError(`cannot read the git repository at ${repository}: ${gitProblem(error)}`);
  }
  if (commit === undefined) throw new InputError(`revision ${revision} names no commit of the git repository at ${repository}${await shallowCloneNote(repository)}; name a commit, branch or tag`);
  return commit;
}

/** `git ls-tree -r -t -l -z` output: `<mode> <type> <oid> <size>\t<path>`, each record ended by NUL. */
function parseListing(listing: Buffer): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  for (const record of listing.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', , oid = '', size = '-'] = record.slice(0, tab).split(/ +/);
    // Trees and submodules have no size (`-`), nor has a blob missing from the repository (`BAD`).
    entries.set(record.slice(tab + 1), { mode, oid, size: /^\d+$/.test(size) ? Number(size) : undefined });
  }
  return entries;
}

/** The blobs' bytes, through one `git cat-file --batch`, whose output is `<oid> blob <size>\n<bytes>\n` per blob. */
async function readBlobs(repository: string, entries: readonly TreeEntry[]): Promise<Buffer[]> {
  if (entries.length === 0) return [];
  const sizeless = entries.find((entry) => entry.size === undefined);
  if (sizeless) throw unreadableObject(repository, sizeless.oid, 'git cannot tell its size');
  // The sizes are known from the listing, so the output is bounded exactly: bytes plus a header per blob.
  const expected = entries.reduce((total, entry) => total + entry.size! + entry.oid.length + 32, 0);
  const output = await git(repository, ['cat-file', '--batch'], expected, entries.map((entry) => `${entry.oid}\n`).join(''));
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.toString('utf8', offset, headerEnd);
    // An object lost since the listing (a gc meanwhile) is answered `<oid> missing` instead.
    if (header !== `${entry.oid} blob ${entry.size}`) throw unreadableObject(repository, entry.oid, `git answered: ${header}`);
    const start = headerEnd + 1;
    blobs.push(output.subarray(start, start + entry.size!));
    offset = start + entry.size! + 1;
  }
  return blobs;
}

function unreadableObject(repository: string, oid: string, why: string): InputError {
  return new InputError(`cannot read object ${oid} of the git repository at ${repository} (${why}); fetch or repair the repository`);
}
