import path from 'node:path';

/** The path to show the user: relative to the working directory when inside it, else absolute. */
export function displayPath(absPath: string, cwd: string): string {
  const relative = path.relative(cwd, absPath);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absPath : relative.split(path.sep).join('/');
}
