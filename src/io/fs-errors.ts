/** A file-system error as one short phrase for a user-facing message. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'ENOTDIR') return 'it or a part of its path is not a folder';
  if (code === 'ELOOP') return 'a link points back to itself (a link loop)';
  return error instanceof Error ? error.message : String(error);
}
