/** A file-system error as one short phrase for a user-facing message. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const phrase = code === undefined ? undefined : PHRASES.get(code);
  if (phrase) return phrase;
  return error instanceof Error ? error.message : String(error);
}

const PHRASES = new Map<string, string>(Object.entries({
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'it or a part of its path is not a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EFBIG: 'the file is too large for the file system',
  EIO: 'input/output error on the device',
  ELOOP: 'a link points back to itself (a link loop)',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EPIPE: 'the reader has closed the pipe',
}));
