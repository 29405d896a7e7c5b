import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { RunError } from '../cli/errors.js';
import { describeFsError } from './fs-errors.js';

/** Content too large to hold in memory: written to the stream it is given. */
export interface StreamedContent {
  writeTo(stream: Writable): Promise<void>;
}

export interface OutputFile {
  /** Absolute path. */
  path: string;
  /** Shown in messages. */
  displayPath: string;
  content: string | Buffer | StreamedContent;
}

export interface WriteOptions {
  /** Overwrite existing files. */
  force: boolean;
  /** Existing files this run may replace without --force (files psttm itself wrote and nobody changed). */
  replaceable?: ReadonlySet<string>;
}

/**
 * Write every file or none: all targets are checked before the first write, streamed content is
 * written to temporary files first, and each file appears atomically (a temporary file in the same
 * folder, then a rename).
 */
export async function writeOutputs(files: readonly OutputFile[], options: WriteOptions): Promise<void> {
  const blocked = files.filter((file) => existsSync(file.path) && !options.force && !options.replaceable?.has(file.path));
  if (blocked.length > 0) {
    const names = blocked.map((file) => file.displayPath).join(', ');
    throw new RunError(`${names} already exist${blocked.length === 1 ? 's' : ''}; pass --force to overwrite, or choose another path`);
  }
  if (files.length === 0) return;
  const { default: writeFileAtomic } = await import('write-file-atomic');
  const streamed: { file: OutputFile; temporary: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(path.dirname(file.path), { recursive: true });
      if (typeof file.content === 'string' || Buffer.isBuffer(file.content)) continue;
      const temporary = `${file.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      streamed.push({ file, temporary });
      await writeStreamed(file.content, temporary);
    }
    for (const file of files) {
      if (typeof file.content === 'string' || Buffer.isBuffer(file.content)) await writeFileAtomic(file.path, file.content);
    }
    for (const { file, temporary } of streamed) await rename(temporary, file.path);
  } catch (error) {
    await Promise.all(streamed.map(({ temporary }) => rm(temporary, { force: true })));
    if (error instanceof RunError) throw error;
    throw new RunError(`cannot write ${files.map((file) => file.displayPath).join(', ')}: ${describeFsError(error)}`);
  }
}

async function writeStreamed(content: StreamedContent, temporary: string): Promise<void> {
  const stream = createWriteStream(temporary, { flags: 'wx' });
  await content.writeTo(stream);
  if (!stream.writableFinished) await finished(stream);
}
