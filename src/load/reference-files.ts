import { InputError } from '../core/errors.js';
import { describeRefusal, READ_LIMITS } from '../io/bounded-read.js';
import { packagePaths } from '../io/package-paths.js';
import { buildReference, type Reference } from '../model/reference.js';
import { contentKey, precompiled } from './precompiled.js';
import { FolderSource } from './source/folder-source.js';
import type { PlanSource, SourceFile } from './source/plan-source.js';

/** The reference files, each with the columns it must have. */
export const REFERENCE_FILES = {
  comuni: { path: 'reference/comuni.csv', columns: ['istat_code', 'name', 'zona_omogenea'] },
  budgetMissions: { path: 'reference/missioni-bilancio.csv', columns: ['code', 'name'] },
  crosswalk: { path: 'reference/crosswalk-missioni.csv', columns: ['missione', 'psttm_missions', 'reason'] },
} as const;

type ReferenceFile = (typeof REFERENCE_FILES)[keyof typeof REFERENCE_FILES];

/**
 * The plan's reference/ files (comuni.csv, missioni-bilancio.csv, crosswalk-missioni.csv); a plan
 * without its own uses those shipped with psttm.
 */
export async function readReference(source: PlanSource): Promise<Reference> {
  const comuni = await readCsv(source, REFERENCE_FILES.comuni);
  const budgetMissions = await readCsv(source, REFERENCE_FILES.budgetMissions);
  const crosswalk = await readCsv(source, REFERENCE_FILES.crosswalk);
  return buildReference(
    comuni.map((row) => ({ istat: row.istat_code!, name: row.name!, zone: row.zona_omogenea! })),
    budgetMissions.map((row) => ({ code: row.code!, name: row.name! })),
    crosswalk.map((row) => ({ missione: row.missione!, psttmMissions: row.psttm_missions!.split(/\s+/).filter((id) => id !== ''), reason: row.reason! })),
  );
}

/**
 * The rows of a reference file: the plan's own when there is any entry by that name (even a
 * broken link, refused when read), else the shipped one. A file identical to a shipped one takes
 * the rows the build parsed from it (see src/build/precompile-reference.ts); any other is parsed here.
 */
async function readCsv(source: PlanSource, file: ReferenceFile): Promise<Record<string, string>[]> {
  const from = source.has(file.path) ? source : new FolderSource(packagePaths.shippedPlan);
  const [content] = await from.read([file.path], READ_LIMITS.csv, (read) => read);
  const { bytes } = content!.content;
  return (bytes && precompiled<Record<string, string>[]>('reference', referenceKey(file, bytes))) ?? parseCsv(content!, file.columns);
}

/** The key of a reference file's rows: its content, read as the file by that name. */
export function referenceKey(file: ReferenceFile, bytes: Uint8Array): string {
  return contentKey(bytes, file.path);
}

/** A reference file that was refused, or is not CSV with those columns, stops the run, naming it. */
export async function parseCsv({ displayPath, content }: SourceFile, columns: readonly string[]): Promise<Record<string, string>[]> {
  if (content.refusal) throw new InputError(`${displayPath} ${describeRefusal(content.refusal)}`);
  const { parse } = await import('csv-parse/sync');
  try {
    const rows = parse(content.bytes.toString('utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
    const missing = columns.filter((column) => rows.length > 0 && !(column in rows[0]!));
    if (missing.length > 0) throw new Error(`missing column ${missing.join(', ')}; expected ${columns.join(',')}`);
    return rows;
  } catch (error) {
    throw new InputError(`${displayPath}: ${error instanceof Error ? error.message : String(error)}; fix the CSV file`);
  }
}
