import { readdirSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../core/errors.js';
import { describeRefusal, READ_LIMITS, readBoundedFile } from '../../io/bounded-read.js';
import { describeFsError } from '../../io/fs-errors.js';
import type { FormMetadata } from '../../model/form-layout.js';
import { readFormMetadata } from './form-metadata.js';
import { readSpreadsheet } from './spreadsheet-file.js';

/** What a folder of data-round forms holds: the forms (by the metadata of their hidden sheet), and the .xlsx files that are none, with why (a phrase completing "<path> …"). */
export interface FormsFolder {
  forms: { path: string; metadata: FormMetadata }[];
  skipped: { path: string; reason: string }[];
}

/**
 * Every `.xlsx` file right inside `dir` read as a data-round form: its hidden sheet says which form
 * it is. A file that cannot be read as one (an Excel lock file, a workbook without the sheet) is
 * skipped with the reason; a folder that cannot be listed stops the run. `shown` gives a file's path
 * as messages show it.
 */
export async function readFormsFolder(dir: string, shown: (file: string) => string): Promise<FormsFolder> {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !entry.isDirectory() && path.extname(entry.name).toLowerCase() === '.xlsx')
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new InputError(`cannot read the forms folder ${shown(dir)}: ${describeFsError(error)}; name the folder collect forms wrote into with --forms`);
  }
  const folder: FormsFolder = { forms: [], skipped: [] };
  for (const name of names) {
    const file = path.join(dir, name);
    const displayPath = shown(file);
    const read = readBoundedFile(file, displayPath, READ_LIMITS.spreadsheet);
    if (read.refusal) {
      folder.skipped.push({ path: displayPath, reason: describeRefusal(read.refusal) });
      continue;
    }
    const form = await formMetadataOf(read.bytes, displayPath);
    if ('metadata' in form) folder.forms.push({ path: displayPath, metadata: form.metadata });
    else folder.skipped.push({ path: displayPath, reason: form.reason });
  }
  return folder;
}

async function formMetadataOf(bytes: Buffer, displayPath: string): Promise<{ metadata: FormMetadata } | { reason: string }> {
  try {
    const read = readFormMetadata(await readSpreadsheet(bytes, displayPath));
    if (!read) return { reason: 'has no sheet of form metadata: it is not a form psttm made' };
    return 'metadata' in read ? read : { reason: `has damaged form metadata (${read.problem})` };
  } catch (error) {
    // An unreadable workbook is one file of many: say why, and go on with the others.
    if (error instanceof InputError) return { reason: error.message.replace(`${displayPath} `, '') };
    throw error;
  }
}
