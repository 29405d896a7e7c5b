import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { InputError } from '../core/errors.js';
import { describeFsError } from './fs-errors.js';

/** The largest file of each kind psttm reads; anything larger is refused before it is read. */
export const READ_LIMITS = {
  /** A plan, mission, project or consultation YAML file: about 100 times the largest shipped file. */
  yaml: 1024 * 1024,
  /** A reference CSV: the 7,900 Italian comuni would take about 400 KB. */
  csv: 1024 * 1024,
  /** A Handlebars template, partial or stylesheet. */
  template: 1024 * 1024,
  /** A logo embedded in the HTML report. */
  logo: 2 * 1024 * 1024,
  /** A file `psttm init` copies from the package into a new plan repository (plan, schema, template). */
  scaffold: 1024 * 1024,
  /** A spreadsheet to import (.xlsx or CSV): a DUP of thousands of objectives takes about 1 MiB. */
  spreadsheet: 20 * 1024 * 1024,
} as const;

/** Why a file was not read: it is not a regular file, or it is larger than the limit. */
export type ReadRefusal = { reason: 'not-regular'; kind: FileKind } | { reason: 'too-large'; limit: number };

/** What a file-system entry is. */
/** What stands where a file is expected; the last two occur only in a git revision's tree. */
export type FileKind = 'regular' | 'folder' | 'fifo' | 'socket' | 'character-device' | 'block-device' | 'special' | 'symbolic-link' | 'submodule';

export type BoundedRead = { bytes: Buffer; refusal?: undefined } | { bytes?: undefined; refusal: ReadRefusal };

/**
 * Read a whole file, synchronously, only when it is a regular file (a link is followed only to a
 * regular file) of at most `limit` bytes. It is opened non-blocking, so a named pipe cannot stall
 * the open, and never more than `limit + 1` bytes are read, so a file growing meanwhile is refused
 * too. Other failures (no such file, permission denied, a link loop) stop the run, naming the file.
 */
export function readBoundedFile(absPath: string, displayPath: string, limit: number): BoundedRead {
  let fd: number;
  try {
    fd = openSync(absPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    // Opening a Unix socket fails with ENXIO: it is there, but it is no file.
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') return { refusal: { reason: 'not-regular', kind: fileKind(statSync(absPath)) } };
    throw new InputError(`cannot read ${displayPath}: ${describeFsError(error)}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { refusal: { reason: 'not-regular', kind: fileKind(stats) } };
    if (stats.size > limit) return { refusal: { reason: 'too-large', limit } };
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return { bytes: buffer.subarray(0, length) };
      length += read;
      if (length > limit) return { refusal: { reason: 'too-large', limit } };
      // The file grew since fstat: make room, up to one byte past the limit.
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, limit + 1 - length))]);
    }
  } finally {
    closeSync(fd);
  }
}

/** readBoundedFile for a file the run cannot do without: any refusal or failure stops the run, naming the file. */
export function readRegularFile(absPath: string, displayPath: string, limit: number): Buffer {
  const read = readBoundedFile(absPath, displayPath, limit);
  if (read.refusal) throw new InputError(`${displayPath} ${describeRefusal(read.refusal)}`);
  return read.bytes;
}

/** The refusal as a phrase completing "<file> …", with what to do. */
export function describeRefusal(refusal: ReadRefusal): string {
  return refusal.reason === 'not-regular'
    ? `is ${FILE_KIND_WORDS[refusal.kind]}, not a regular file; replace it with a regular file or remove it`
    : `is larger than ${formatBytes(refusal.limit)}, the limit for this kind of file; split it or shorten it`;
}

/** What a file-system entry is, as a phrase: `a folder`, `a named pipe (FIFO)`, … */
export function describeFileKind(stats: Stats): string {
  return FILE_KIND_WORDS[fileKind(stats)];
}

const FILE_KIND_WORDS: Record<FileKind, string> = {
  regular: 'a regular file',
  folder: 'a folder',
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  'character-device': 'a character device',
  'block-device': 'a block device',
  special: 'a special file',
  'symbolic-link': 'a symbolic link',
  submodule: 'a submodule',
};

function fileKind(stats: Stats): FileKind {
  if (stats.isFile()) return 'regular';
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character-device';
  if (stats.isBlockDevice()) return 'block-device';
  return 'special';
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}
