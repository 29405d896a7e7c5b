import { lstatSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { RunError } from '../cli/errors.js';
import { readRegularFile, READ_LIMITS } from '../io/bounded-read.js';
import { displayPath } from '../io/display-path.js';
import { packagePaths } from '../io/package-paths.js';
import { buildReference, type Reference } from '../model/reference.js';

/**
 * The plan's reference/ files (comuni.csv, missioni-bilancio.csv); a plan without its own uses
 * those shipped with psttm.
 */
export function readReference(planDir: string, cwd: string): Reference {
  const comuni = readCsv(referenceFile(planDir, 'comuni.csv'), cwd, ['istat_code', 'name', 'zona_omogenea']);
  const budgetMissions = readCsv(referenceFile(planDir, 'missioni-bilancio.csv'), cwd, ['code', 'name']);
  return buildReference(
    comuni.map((row) => ({ istat: row.istat_code!, name: row.name!, zone: row.zona_omogenea! })),
    budgetMissions.map((row) => ({ code: row.code!, name: row.name! })),
  );
}

/** The plan's own file when there is any entry by that name (even a broken link, refused when read), else the shipped one. */
function referenceFile(planDir: string, name: string): string {
  const own = path.join(planDir, 'reference', name);
  return lstatSync(own, { throwIfNoEntry: false }) ? own : path.join(packagePaths.shippedPlan, 'reference', name);
}

function readCsv(file: string, cwd: string, columns: readonly string[]): Record<string, string>[] {
  const shown = displayPath(file, cwd);
  const text = readRegularFile(file, shown, READ_LIMITS.csv).toString('utf8');
  try {
    const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
    const missing = columns.filter((column) => rows.length > 0 && !(column in rows[0]!));
    if (missing.length > 0) throw new Error(`missing column ${missing.join(', ')}; expected ${columns.join(',')}`);
    return rows;
  } catch (error) {
    throw new RunError(`${shown}: ${error instanceof Error ? error.message : String(error)}; fix the CSV file`);
  }
}
