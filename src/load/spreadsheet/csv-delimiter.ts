import { parse } from 'csv-parse/sync';

/** The separators a CSV export uses: Excel in Italian writes `;`, others `,` or a tab. */
const DELIMITERS = [';', '\t', ','] as const;

/** The lines looked at to choose the separator: title rows and the header are among them. */
const SAMPLE_LINES = 50;

/**
 * The separator of a CSV text: the one that splits the most sample rows into the same number of
 * fields (at least two), the count a table's rows share; on a tie, the first of `;`, tab, `,`.
 */
export function detectDelimiter(text: string): string {
  let best: { delimiter: string; rows: number } = { delimiter: DELIMITERS[0], rows: 0 };
  for (const delimiter of DELIMITERS) {
    let records: string[][];
    try {
      records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to_line: SAMPLE_LINES });
    } catch {
      continue;
    }
    const rowsByWidth = new Map<number, number>();
    for (const record of records) if (record.length > 1) rowsByWidth.set(record.length, (rowsByWidth.get(record.length) ?? 0) + 1);
    const rows = Math.max(0, ...rowsByWidth.values());
    if (rows > best.rows) best = { delimiter, rows };
  }
  return best.delimiter;
}
