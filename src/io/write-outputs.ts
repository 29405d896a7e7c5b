import { createHash } from 'node:crypto';
import { constants, linkSync, lstatSync, renameSync, rmdirSync, rmSync, type Stats } from 'node:fs';
import { lstat, mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { onExit } from 'signal-exit';
import { WriteError } from '../core/errors.js';
import { describeFileKind } from './bounded-read.js';
import { describeFsError } from './fs-errors.js';
import { sweepDeadTemporaries, temporaryName } from './temporary-names.js';

/** Content too large to hold in memory: written to the stream it is given. */
interface StreamedContent {
  writeTo(stream: Writable): Promise<void>;
}

export interface OutputFile {
  /** Absolute path. */
  path: string;
  /** Shown in messages. */
  displayPath: string;
  content: string | Uint8Array | StreamedContent;
}

export interface WriteOptions {
  /** Overwrite existing files. */
  force: boolean;
  /** Existing files this run may replace without --force (files psttm itself wrote and nobody changed). */
  replaceable?: ReadonlySet<string>;
  /** Called right before the first rename; throwing stops the commit (e.g. a lock that was lost). */
  beforeCommit?: () => void;
}

/** A file written in full to a temporary file beside its target, waiting to be renamed into place. */
interface StagedFile {
  file: OutputFile;
  temporary: string;
  /** SHA-256 (hex) and length of the bytes written. */
  sha256: string;
  bytes: number;
  /** The target existed when it was checked: the rename replaces it. */
  replaces: boolean;
}

export interface StagedOutputs {
  files: readonly StagedFile[];
  /** Put every file in place, or none: on any failure the files already renamed are rolled back. */
  commit(): Promise<void>;
  /** Remove whatever is left of the temporaries; a no-op after a commit. */
  discard(): void;
}

/** Write every file or none, each atomically; see `stageOutputs` for the guarantees. */
export async function writeOutputs(files: readonly OutputFile[], options: WriteOptions): Promise<void> {
  const staged = await stageOutputs(files, options);
  try {
    await staged.commit();
  } finally {
    staged.discard();
  }
}

/**
 * The one write path. Every target is checked before the first byte is written: it must be absent,
 * or a regular file that --force or `replaceable` allows to replace, and neither it nor its folder
 * may be a link. Each file is then written to a temporary file in its target's folder, every byte
 * accounted for, and synced to disk. Temporaries are removed on failure and on SIGINT/SIGTERM;
 * those of a killed run are swept by the next run that writes into the same folder.
 */
export async function stageOutputs(files: readonly OutputFile[], options: WriteOptions): Promise<StagedOutputs> {
  const pending = new Set<string>();
  const createdFolders: CreatedFolder[] = [];
  let committed = false;
  // Runs on SIGINT, SIGTERM and any exit: leave no temporary behind.
  const removeExitHook = onExit(() => removeAll(pending));
  const discard = () => {
    removeAll(pending);
    removeExitHook();
    if (!committed) for (const { innermost, outermost } of createdFolders.reverse()) removeCreatedFolders(innermost, outermost);
  };
  const staged: StagedFile[] = [];
  try {
    const targets = await checkTargets(files, options, createdFolders);
    for (const folder of new Set(files.map((file) => path.dirname(file.path)))) sweepDeadTemporaries(folder);
    for (const [index, file] of files.entries()) {
      const temporary = temporaryName(file.path, 'tmp');
      pending.add(temporary);
      const target = targets[index]!;
      const written = await writeTemporary(file, temporary, target.mode);
      staged.push({ file, temporary, ...written, replaces: target.exists });
    }
  } catch (error) {
    discard();
    if (error instanceof WriteError) throw error;
    throw new WriteError(`cannot write ${files.map((file) => file.displayPath).join(', ')}: ${describeFsError(error)}; nothing was written`);
  }
  return {
    files: staged,
    async commit() {
      options.beforeCommit?.();
      commitAll(staged, options.force, pending);
      committed = true;
      await syncFolders(staged.map((item) => path.dirname(item.file.path)));
    },
    discard,
  };
}

/** Folders a run made for its outputs, removed again when the run writes nothing. */
interface CreatedFolder {
  innermost: string;
  outermost: string | undefined;
}

interface TargetCheck {
  exists: boolean;
  /** Permission bits to give the new file: those of the file it replaces, else the default. */
  mode: number;
}

async function checkTargets(files: readonly OutputFile[], options: WriteOptions, createdFolders: CreatedFolder[]): Promise<TargetCheck[]> {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new WriteError(`${file.displayPath} is named twice as an output; give each output its own file`);
    seen.add(file.path);
  }
  const checks: TargetCheck[] = [];
  const blocked: OutputFile[] = [];
  for (const file of files) {
    const folder = path.dirname(file.path);
    createdFolders.push({ innermost: folder, outermost: await ensureRealFolder(folder, `the folder of ${file.displayPath}`) });
    const stats = await lstat(file.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new WriteError(`cannot write ${file.displayPath}: ${describeFsError(error)}`);
    });
    if (stats) {
      refuseLink(stats, file.displayPath);
      if (!stats.isFile()) throw new WriteError(`${file.displayPath} is ${describeFileKind(stats)}, not a regular file; psttm writes only regular files: choose another path`);
      if (!options.force && !options.replaceable?.has(file.path)) blocked.push(file);
    }
    checks.push({ exists: stats !== undefined, mode: stats ? stats.mode & 0o7777 : 0o666 });
  }
  if (blocked.length > 0) {
    const names = blocked.map((file) => file.displayPath).join(', ');
    throw new WriteError(`${names} already exist${blocked.length === 1 ? 's' : ''}; pass --force to overwrite, or choose another path`);
  }
  return checks;
}

/** Create `folder` when missing, and refuse it when it is a link; returns the outermost folder it created, if any. */
export async function ensureRealFolder(folder: string, what: string): Promise<string | undefined> {
  const created = await mkdir(folder, { recursive: true }).catch((error: unknown) => {
    throw new WriteError(`cannot create ${what}: ${describeFsError(error)}`);
  });
  refuseLink(await lstat(folder), what);
  return created;
}

/** Undo `ensureRealFolder` after a failed run: remove the folders it created, as long as nothing else is in them. */
export function removeCreatedFolders(innermost: string, outermost: string | undefined): void {
  if (outermost === undefined) return;
  for (let folder = innermost; ; folder = path.dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      return;
    }
    if (folder === outermost) return;
  }
}

function refuseLink(stats: Stats, what: string): void {
  if (stats.isSymbolicLink()) throw new WriteError(`${what} is a link; psttm never writes through links: name the real path, or remove the link`);
}

/** Write the content to a new temporary file, checking that every byte reached it, and sync it. */
async function writeTemporary(file: OutputFile, temporary: string, mode: number): Promise<{ sha256: string; bytes: number }> {
  const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    const append = async (chunk: Uint8Array) => {
      await writeAll(handle, chunk);
      hash.update(chunk);
      bytes += chunk.length;
    };
    const { content } = file;
    if (typeof content === 'string') await append(Buffer.from(content, 'utf8'));
    else if (content instanceof Uint8Array) await append(content);
    else {
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          append(chunk).then(() => callback(), callback);
        },
      });
      await content.writeTo(sink);
      if (!sink.writableFinished) await finished(sink);
    }
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== bytes) throw new WriteError(`cannot write ${file.displayPath}: ${size} of ${bytes} bytes reached the disk; nothing was written`);
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    await handle.close();
  }
}

/** `write` may write fewer bytes than asked (a disk filling up): go on until all are written, or fail. */
async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let offset = 0; offset < chunk.length; ) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset, null);
    if (bytesWritten <= 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

/**
 * Rename every temporary into place. Synchronous on purpose: no signal handler can run between two
 * renames, so SIGINT or SIGTERM finds the run either before the first or after the last. A replaced
 * file is kept as a hard link until all renames succeed, so a failing rename puts everything back.
 */
function commitAll(staged: readonly StagedFile[], force: boolean, pending: Set<string>): void {
  const backups = new Map<StagedFile, string>();
  const done: StagedFile[] = [];
  try {
    for (const item of staged) {
      if (!item.replaces) continue;
      const backup = temporaryName(item.file.path, 'bak');
      pending.add(backup);
      linkSync(item.file.path, backup);
      backups.set(item, backup);
    }
    for (const item of staged) {
      if (item.replaces || force) renameSync(item.temporary, item.file.path);
      else createExclusively(item);
      pending.delete(item.temporary);
      done.push(item);
    }
  } catch (error) {
    for (const item of done.reverse()) {
      const backup = backups.get(item);
      if (backup) renameSync(backup, item.file.path);
      else rmSync(item.file.path, { force: true });
    }
    if (error instanceof WriteError) throw error;
    throw new WriteError(`cannot write ${staged.map((item) => item.file.displayPath).join(', ')}: ${describeFsError(error)}; nothing was written`);
  } finally {
    removeAll(pending);
  }
}

/** A new file appears only if nobody created one meanwhile: a hard link fails where a rename would replace. */
function createExclusively(item: StagedFile): void {
  try {
    linkSync(item.temporary, item.file.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new WriteError(`${item.file.displayPath} was created by another program while psttm was writing it; nothing was written`);
    // File systems without hard links: a rename, checked just before.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    if (lstatSync(item.file.path, { throwIfNoEntry: false })) throw new WriteError(`${item.file.displayPath} was created by another program while psttm was writing it; nothing was written`);
    renameSync(item.temporary, item.file.path);
    return;
  }
  rmSync(item.temporary, { force: true });
}

function removeAll(paths: Set<string>): void {
  for (const file of paths) rmSync(file, { force: true });
  paths.clear();
}

/** Sync each folder so that the renames themselves survive a crash; not every file system allows it. */
async function syncFolders(folders: readonly string[]): Promise<void> {
  for (const folder of new Set(folders)) {
    const handle = await open(folder, constants.O_RDONLY).catch(() => undefined);
    if (!handle) continue;
    await handle.sync().catch(() => undefined);
    await handle.close();
  }
}
