import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { describeFileKind, READ_LIMITS, readRegularFile } from '../io/bounded-read.js';
import { displayPath } from '../io/display-path.js';
import { describeFsError } from '../io/fs-errors.js';
import { packagePaths } from '../io/package-paths.js';
import { STRICT_UTF8 } from './strict-utf8.js';

/** A template or partial and where it was read from, for error messages. */
export interface TemplateSource {
  /** `report` for the layout, the file name without `.hbs` for a partial. */
  name: string;
  text: string;
  displayPath: string;
}

export interface TemplateSet {
  layout: TemplateSource;
  /** The layout of the page of one comune (`psttm report --comune`). */
  comuneLayout: TemplateSource;
  partials: TemplateSource[];
  css: { text: string; displayPath: string };
  logo: { mediaType: string; data: Buffer } | undefined;
  /** Files of the override folder psttm does not use (likely misnamed). */
  ignored: string[];
}

export const LAYOUT_FILE = 'report.hbs';
export const COMUNE_LAYOUT_FILE = 'comune.hbs';
export const CSS_FILE = 'report.css';
export const PARTIALS_FOLDER = 'partials';
const LOGO_TYPES: Readonly<Record<string, string>> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/**
 * The shipped templates, each replaced by the file of the same name in `overrideDir` when there is
 * one: `report.hbs`, `comune.hbs`, `report.css`, `partials/<name>.hbs` (new partials may be added), `logo.svg|png|jpg`.
 * Nothing outside the folders is read: a file whose real path leaves its folder is refused.
 */
export function readTemplateSet(overrideDir: string | undefined, cwd: string): TemplateSet {
  const defaults = folderFiles(packagePaths.templates, cwd);
  const overrides = overrideDir === undefined ? undefined : folderFiles(path.resolve(cwd, overrideDir), cwd);
  const pick = (relative: string) => overrides?.get(relative) ?? defaults.get(relative);

  const layout = pick(LAYOUT_FILE);
  const comuneLayout = pick(COMUNE_LAYOUT_FILE);
  const css = pick(CSS_FILE);
  if (!layout || !comuneLayout || !css) throw new InputError(`the shipped templates in ${packagePaths.templates} are incomplete; reinstall psttm`);
  const partialFiles = new Map<string, FoundFile>();
  for (const found of [defaults, overrides]) {
    for (const [relative, file] of found ?? []) {
      if (path.posix.dirname(relative) === PARTIALS_FOLDER && relative.endsWith('.hbs')) partialFiles.set(path.posix.basename(relative, '.hbs'), file);
    }
  }
  const logoFile = overrides && [...overrides].find(([relative]) => /^logo\.(svg|png|jpe?g)$/i.test(relative));
  const used = (relative: string) => relative === LAYOUT_FILE || relative === COMUNE_LAYOUT_FILE || relative === CSS_FILE || (path.posix.dirname(relative) === PARTIALS_FOLDER && relative.endsWith('.hbs')) || relative === logoFile?.[0];
  return {
    layout: readTemplate('report', layout),
    comuneLayout: readTemplate('comune', comuneLayout),
    partials: [...partialFiles].map(([name, file]) => readTemplate(name, file)),
    css: { text: readText(css), displayPath: css.displayPath },
    logo: logoFile && { mediaType: LOGO_TYPES[path.extname(logoFile[0]).toLowerCase()]!, data: readRegularFile(logoFile[1].absolute, logoFile[1].displayPath, READ_LIMITS.logo) },
    ignored: overrides ? [...overrides].filter(([relative]) => !used(relative)).map(([, file]) => file.displayPath) : [],
  };
}

interface FoundFile {
  absolute: string;
  displayPath: string;
}

/**
 * The files of a templates folder and of its partials/ subfolder, by path relative to it (with `/`).
 * Special files are listed too, so that one standing where a template is expected is refused when read.
 */
function folderFiles(dir: string, cwd: string): Map<string, FoundFile> {
  let root: string;
  try {
    root = realpathSync(dir);
    const stats = statSync(root);
    if (!stats.isDirectory()) throw new InputError(`${displayPath(dir, cwd)} is ${describeFileKind(stats)}; --templates takes a folder (psttm templates export <dir> creates one)`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read the templates folder ${displayPath(dir, cwd)}: ${describeFsError(error)}`);
  }
  const files = new Map<string, FoundFile>();
  for (const relative of ['.', PARTIALS_FOLDER]) {
    const folder = path.join(root, relative);
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const absolute = path.join(folder, entry);
      const real = safeRealPath(absolute);
      if (real === undefined || statSync(real).isDirectory()) continue;
      if (!real.startsWith(root + path.sep)) throw new InputError(`${displayPath(absolute, cwd)} points outside the templates folder ${displayPath(dir, cwd)}; copy the file into the folder instead of linking it`);
      files.set(path.posix.join(relative, entry), { absolute: real, displayPath: displayPath(absolute, cwd) });
    }
  }
  return files;
}

function safeRealPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

function readTemplate(name: string, file: FoundFile): TemplateSource {
  return { name, text: readText(file), displayPath: file.displayPath };
}

function readText(file: FoundFile): string {
  const data = readRegularFile(file.absolute, file.displayPath, READ_LIMITS.template);
  try {
    return STRICT_UTF8.decode(data);
  } catch {
    throw new InputError(`${file.displayPath} is not valid UTF-8 text; save it as UTF-8`);
  }
}
