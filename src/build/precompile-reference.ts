/**
 * Build step (run by `npm run build` after tsc): parse the shipped reference CSV files once into
 * dist/precompiled/reference.json, so that a run reading them (from the shipped plan or an
 * identical copy) loads neither the CSV parser nor parses them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { READ_LIMITS } from '../io/bounded-read.js';
import { packagePaths } from '../io/package-paths.js';
import { PRECOMPILED_TABLES } from '../load/precompiled.js';
import { parseCsv, REFERENCE_FILES, referenceKey } from '../load/reference-files.js';
import { FolderSource } from '../load/source/folder-source.js';

const shipped = new FolderSource(packagePaths.shippedPlan);
const table: Record<string, Record<string, string>[]> = {};
for (const file of Object.values(REFERENCE_FILES)) {
  const [read] = await shipped.read([file.path], READ_LIMITS.csv, (content) => content);
  table[referenceKey(file, read!.content.bytes!)] = await parseCsv(read!, file.columns);
}
mkdirSync(path.dirname(PRECOMPILED_TABLES.reference), { recursive: true });
writeFileSync(PRECOMPILED_TABLES.reference, JSON.stringify(table));
