import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { READ_LIMITS, readRegularFile } from '../io/bounded-read.js';
import { displayPath } from '../io/display-path.js';
import { packagePaths } from '../io/package-paths.js';
import { STRICT_UTF8 } from './strict-utf8.js';

/** The templates of `psttm init`: the editors' README, the CI files and the skeleton of an empty plan. */
export const INIT_TEMPLATES = path.join(packagePaths.templates, 'init');

/** A file of a folder shipped with psttm, by its path relative to the folder (with `/`). */
export interface PackageFile {
  relative: string;
  bytes: Buffer;
}

/** Every file of a folder shipped with psttm, its subfolders included, in path order. */
export function readPackageFolder(dir: string, cwd: string): PackageFile[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((relative) => relative.split(path.sep).join('/'))
    .filter((relative) => !statSync(path.join(dir, relative)).isDirectory())
    .sort()
    .map((relative) => {
      const absPath = path.join(dir, relative);
      return { relative, bytes: readRegularFile(absPath, displayPath(absPath, cwd), READ_LIMITS.scaffold) };
    });
}

/** The text of a file of templates/init/. */
export function readInitTemplate(name: string, cwd: string): string {
  const absPath = path.join(INIT_TEMPLATES, name);
  const shown = displayPath(absPath, cwd);
  try {
    return STRICT_UTF8.decode(readRegularFile(absPath, shown, READ_LIMITS.scaffold));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${shown} is not valid UTF-8 text; reinstall psttm`);
  }
}
