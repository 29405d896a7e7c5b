import { METADATA_FIRST_KEY, readMetadataRows, type FormMetadata, type MetadataRow } from '../../model/form-layout.js';
import type { SheetGrid } from './spreadsheet-file.js';

/**
 * The metadata of a data-round form read back (see form-layout.ts): from the sheet whose first cell
 * is the form id's key, hidden or not (a round trip through LibreOffice may unhide it); undefined
 * when no sheet is one, or a problem naming what is missing.
 */
export function readFormMetadata(grids: readonly SheetGrid[]): { metadata: FormMetadata } | { problem: string } | undefined {
  const sheet = grids.find((grid) => grid.rows[0]?.[0] === METADATA_FIRST_KEY);
  if (!sheet) return undefined;
  const rows = sheet.rows.filter((row) => (row[0] ?? '') !== '').map((row): MetadataRow => [row[0]!, row[1] ?? '', row[2] ? row[2] : undefined]);
  return readMetadataRows(rows);
}
