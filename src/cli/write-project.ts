import path from 'node:path';
import { FailingFindingsError, WriteError } from '../core/errors.js';
import { countFindings } from '../findings/finding.js';
import { READ_LIMITS, readBoundedFile } from '../io/bounded-read.js';
import type { FolderKind } from '../load/file-kinds.js';
import type { YamlFile } from '../load/yaml-file.js';
import { STRICT_UTF8 } from '../load/strict-utf8.js';
import type { Language } from '../render/language.js';
import type { PlanCheck } from '../validate/check-plan.js';
import { chalkFor } from './color.js';
import type { Io } from './io.js';

export interface ProjectTarget {
  absPath: string;
  displayPath: string;
  /** The kind of plan file written: a project unless said otherwise (a comune's DUP for dup confirm). */
  kind?: FolderKind;
}

export interface WriteProjectOptions {
  force: boolean;
  /** The language of the findings shown. */
  language: Language;
  /** The text the edit started from: the write goes ahead only while the file still holds it. */
  editedFrom?: string;
  /** Throws when the file as it would be is not what the command meant to write (a guard against psttm bugs). */
  verify?: (edited: YamlFile) => void;
}

/** The file changed between the read and the write: the command is run again on the new content. */
class FileChangedError extends WriteError {
  override readonly name = 'FileChangedError';
}

/** How many times an edit is redone on a file that others keep changing before psttm gives up. */
const EDIT_ATTEMPTS = 5;

/**
 * Write a new or edited project file only if the plan stays free of new errors: whatever the edit
 * would add to the file's findings is shown on stderr, and any error means nothing is written. The
 * file's lock is held from the last look at its content to the rename, so concurrent edits take turns.
 */
export async function writeProjectFile(check: PlanCheck, target: ProjectTarget, text: string, io: Io, options: WriteProjectOptions): Promise<void> {
  const { verify, editedFrom, ...shared } = options;
  await writeProjectFiles(check, [{ target, text, editedFrom, verify }], io, shared);
}

/** One file of `writeProjectFiles`: where, its new text, and the text its edit started from. */
export interface ProjectWrite extends Pick<WriteProjectOptions, 'editedFrom' | 'verify'> {
  target: ProjectTarget;
  text: string;
}

/**
 * `writeProjectFile` for files of one kind edited together: the plan is checked once with all of
 * them, every lock is held until the last rename, and all of them are written or none.
 */
export async function writeProjectFiles(check: PlanCheck, writes: readonly ProjectWrite[], io: Io, options: Pick<WriteProjectOptions, 'force' | 'language'>): Promise<void> {
  if (writes.length === 0) return;
  const [{ checkProjectEdits }, { SchemaValidator }, { findingLine }, { writeOutputs, ensureRealFolder, removeCreatedFolders }, { withFileLock }] = await Promise.all([
    import('../edit/check-edit.js'),
    import('../validate/schema-validator.js'),
    import('../render/findings/finding-line.js'),
    import('../io/write-outputs.js'),
    import('../io/file-lock.js'),
  ]);
  const kind = writes[0]!.target.kind;
  const checks = checkProjectEdits(check, writes.map((write) => ({ absPath: write.target.absPath, displayPath: write.target.displayPath, text: write.text })), new SchemaValidator(), kind);
  writes.forEach((write, index) => write.verify?.(checks[index]!.edited));
  const introduced = checks.flatMap((edit) => edit.introduced);
  const chalk = chalkFor(io.stderr, io.env);
  const showIntroduced = () => {
    for (const finding of introduced) io.stderr.write(findingLine(finding, options.language, chalk) + '\n');
  };
  const { errors } = countFindings(introduced);
  if (errors > 0) {
    showIntroduced();
    const files = [...new Set(introduced.filter((finding) => finding.severity === 'error').map((finding) => finding.file))].join(', ');
    throw new FailingFindingsError(`nothing written: the change would give ${files} ${errors} error${errors === 1 ? '' : 's'} (above)`);
  }
  // The lock of a new file lives beside it: a plan without the file's folder yet (no projects/ or dup/) gets it, removed again if the write fails.
  const folders = [...new Set(writes.map((write) => path.dirname(write.target.absPath)))];
  const created = new Map<string, string | undefined>();
  for (const folder of folders) created.set(folder, await ensureRealFolder(folder, `the folder of ${writes.find((write) => path.dirname(write.target.absPath) === folder)!.target.displayPath}`));
  // Locks are taken in path order, so two runs writing some of the same files never wait on each other.
  const locked = [...writes].sort((a, b) => (a.target.absPath < b.target.absPath ? -1 : 1));
  const held: (() => void)[] = [];
  const writeAll = async (index: number): Promise<void> => {
    if (index < locked.length) {
      const { target } = locked[index]!;
      return withFileLock(target.absPath, target.displayPath, async (assertHeld) => {
        held.push(assertHeld);
        await writeAll(index + 1);
      });
    }
    for (const { target, editedFrom } of writes) {
      if (editedFrom !== undefined && currentText(target.absPath, target.displayPath) !== editedFrom) {
        throw new FileChangedError(`${target.displayPath} was changed by another program while psttm was editing it; nothing was written, run the command again`);
      }
    }
    const outputs = writes.map(({ target, text }) => ({ path: target.absPath, displayPath: target.displayPath, content: text }));
    await writeOutputs(outputs, { force: options.force, beforeCommit: () => held.forEach((assertHeld) => assertHeld()) });
  };
  try {
    await writeAll(0);
  } catch (error) {
    for (const folder of folders) removeCreatedFolders(folder, created.get(folder));
    throw error;
  }
  // The warnings of the edit that was written, once, even when it had to be redone.
  showIntroduced();
}

/** Run an edit command, and run it again on the file's new content when another program changed the file meanwhile. */
export async function retryWhenChanged(edit: () => Promise<number>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await edit();
    } catch (error) {
      if (!(error instanceof FileChangedError) || attempt === EDIT_ATTEMPTS) throw error;
    }
  }
}

/** The file's text now, read like every plan file (bounded, never waiting on a pipe); undefined when it is gone or no longer text. */
function currentText(file: string, displayPath: string): string | undefined {
  try {
    const { bytes } = readBoundedFile(file, displayPath, READ_LIMITS.yaml);
    return bytes && STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
