import { parse } from 'csv-parse/sync';
import { InputError } from '../core/errors.js';
import { describeRefusal, READ_LIMITS } from '../io/bounded-read.js';
import { packagePaths } from '../io/package-paths.js';
import { buildReference, type Reference } from '../model/reference.js';
import { FolderSource } from './source/folder-source.js';
import type { PlanSource, SourceFile } from './source/plan-source.js';

/**
 * The plan's reference/ files (comuni.csv, missioni-bilancio.csv, crosswalk-missioni.csv); a plan
 * without its own uses those shipped with psttm.
 */
export async function readReference(source: PlanSource): Promise<Reference> {
  const comuni = await readCsv(source, 'reference/comuni.csv', ['istat_code', 'name', 'zona_omogenea']);
  const budgetMissions = await readCsv(source, 'reference/missioni-bilancio.csv', ['code', 'name']);
  const crosswalk = await readCsv(source, 'reference/crosswalk-missioni.csv', ['missione', 'psttm_missions', 'reason']);
  return buildReference(
    comuni.map((row) => ({ istat: row.istat_code!, name: row.name!, zone: row.zona_omogenea! })),
    budgetMissions.map((row) => ({ code: row.code!, name: row.name! })),
    crosswalk.map((row) => ({ missione: row.missione!, psttmMissions: row.psttm_missions!.split(/\s+/).filter((id) => id !== ''), reason: row.reason! })),
  );
}

/**
 * The rows of a reference file: the plan's own when there is any entry by that name (even a
 * broken link, refused when read), else the shipped one.
 */
async function readCsv(source: PlanSource, relativePath: string, columns: readonly string[]): Promise<Record<string, string>[]> {
  const from = source.has(relativePath) ? source : new FolderSource(packagePaths.shippedPlan);
  const [rows] = await from.read([relativePath], READ_LIMITS.csv, (file) => parseCsv(file, columns));
  return rows!;
}

/** A reference file that was refused, or is not CSV with those columns, stops the run, naming it. */
function parseCsv({ displayPath, content }: SourceFile, columns: readonly string[]): Record<string, string>[] {
  if (content.refusal) throw new InputError(`${displayPath} ${describeRefusal(content.refusal)}`);
  try {
    const rows = parse(content.bytes.toString('utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
    const missing = columns.filter((column) => rows.length > 0 && !(column in rows[0]!));
    if (missing.length > 0) throw new Error(`missing column ${missing.join(', ')}; expected ${columns.join(',')}`);
    return rows;
  } catch (error) {
    throw new InputError(`${displayPath}: ${error instanceof Error ? error.message : String(error)}; fix the CSV file`);
  }
}
