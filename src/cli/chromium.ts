import path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Io } from './io.js';

/** The names Chromium and Chrome go by on PATH, in the order they are tried. */
const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome'];

/**
 * The Chromium that prints the PDF report: `--chromium PATH` (relative to the working directory) when
 * given, else the first of BROWSER_NAMES on the PATH psttm was started with; a usage error otherwise.
 */
export async function findChromium(option: string | undefined, io: Io): Promise<string> {
  const { default: which } = await import('which');
  if (option !== undefined) {
    const file = path.resolve(io.cwd, option);
    if (which.sync(file, { nothrow: true }) === null) throw new UsageError(`--chromium ${option}: no executable file there; pass the path of Chromium or Chrome (e.g. /usr/bin/chromium)`);
    return file;
  }
  for (const name of BROWSER_NAMES) {
    const found = which.sync(name, { nothrow: true, path: io.env.PATH ?? '' });
    if (found !== null) return found;
  }
  throw new UsageError("no Chromium found: install Debian's chromium or pass --chromium PATH");
}
