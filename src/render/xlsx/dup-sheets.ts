import type { ComuneAlignment, DupObjectiveAlignment } from '../../compute/dup-alignment.js';
import { localeFormat } from '../format.js';
import type { Labels } from '../labels.js';
import type { ComuniSection } from '../report/comuni-view.js';
import type { Column } from './sheet-table.js';

/** A row of a DUP sheet: a comune's DUP objective, or a note saying why the sheet has none. */
export interface DupRow {
  comune?: ComuneAlignment;
  objective?: DupObjectiveAlignment;
  note?: string;
}

/** The columns of one DUP objective: its fields, the PSTTM objectives confirmed, and the suggestions marked as not counted. */
export function dupObjectiveColumns<Row>(labels: Labels, objectiveOf: (row: Row) => DupObjectiveAlignment | undefined): Column<Row>[] {
  const c = labels.comuni.columns;
  const format = localeFormat(labels.locale);
  const levelLabel = (objective: DupObjectiveAlignment | undefined) => objective && labels.comuni.levels[objective.level];
  const suggestionText = ({ objective, score }: DupObjectiveAlignment['suggested'][number]) => (score === undefined ? objective : `${objective} (${format.number(score)})`);
  return [
    { header: c.code, kind: 'text', value: (row) => objectiveOf(row)?.code },
    { header: c.level, kind: 'text', value: (row) => levelLabel(objectiveOf(row)) },
    { header: c.parent, kind: 'text', value: (row) => objectiveOf(row)?.parent },
    { header: c.missione, kind: 'text', value: (row) => objectiveOf(row)?.missione },
    { header: c.programma, kind: 'text', value: (row) => objectiveOf(row)?.programma },
    { header: labels.columns.title, kind: 'text', value: (row) => objectiveOf(row)?.title },
    { header: c.responsabile, kind: 'text', value: (row) => objectiveOf(row)?.responsabile },
    { header: c.confirmed, kind: 'text', value: (row) => listText(objectiveOf(row)?.confirmed ?? []) },
    { header: c.pending, kind: 'text', value: (row) => listText((objectiveOf(row)?.suggested ?? []).map(suggestionText)) },
  ];
}

/** Items as one cell, or an empty cell for none. */
function listText(items: readonly string[]): string | undefined {
  return items.length > 0 ? items.join(', ') : undefined;
}

/** The main workbook's DUP sheet: one row per DUP objective of every comune, or a note when no DUP is imported. */
export function dupSheetTable(section: ComuniSection, labels: Labels): { columns: Column<DupRow>[]; rows: DupRow[] } {
  const columns = [...comuneColumns(labels), ...dupObjectiveColumns<DupRow>(labels, (row) => row.objective)];
  const rows = section.alignment.flatMap((comune) => comune.objectives.map((objective) => ({ comune, objective })));
  return { columns, rows: rows.length > 0 ? rows : [{ note: labels.comuni.noDup }] };
}

/** The comuni without a DUP file, in reference order, or a note when every comune has one. */
export function withoutDupTable(section: ComuniSection, labels: Labels): { columns: Column<DupRow>[]; rows: DupRow[] } {
  const rows = section.alignment.filter((comune) => comune.file === undefined).map((comune) => ({ comune }));
  return { columns: comuneColumns(labels), rows: rows.length > 0 ? rows : [{ note: labels.comuni.noneWithoutDup }] };
}

/** A comune's name (or the row's note), ISTAT code and zone. */
function comuneColumns(labels: Labels): Column<DupRow>[] {
  const c = labels.comuni.columns;
  return [
    { header: c.comune, kind: 'text', value: (row) => row.note ?? row.comune?.name },
    { header: c.istat, kind: 'text', value: (row) => row.comune?.istat },
    { header: labels.columns.zone, kind: 'text', value: (row) => row.comune?.zone },
  ];
}
