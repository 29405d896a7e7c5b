import type { SheetGrid } from './spreadsheet-file.js';

/**
 * The columns an imported DUP sheet may have: the DUP file's fields, with `strategico` and
 * `operativo` for a title column of each level (a row with both gives two objectives) and `parent`
 * for the code of the strategic objective beside an operational one.
 */
export const DUP_COLUMNS = ['code', 'parent', 'level', 'strategico', 'operativo', 'title', 'indirizzo', 'description', 'missione', 'programma', 'responsabile'] as const;
export type DupColumn = (typeof DUP_COLUMNS)[number];

/** The columns that name the objective of a row: a sheet needs one of them. */
export const TITLE_COLUMNS: readonly DupColumn[] = ['strategico', 'operativo', 'title'];

/** The headers each column is known by in Italian DUP exports, compared as `headerKey` makes them; the longest that a header starts with wins. */
const HEADERS: Record<DupColumn, readonly string[]> = {
  code: ['codice', 'cod', 'codice obiettivo', 'cod obiettivo', 'codice obiettivo operativo', 'codice operativo', 'n', 'n obiettivo', 'numero', 'id'],
  parent: ['codice obiettivo strategico', 'cod obiettivo strategico', 'codice strategico', 'cod strategico'],
  level: ['livello', 'tipo obiettivo', 'tipologia obiettivo'],
  strategico: ['obiettivo strategico', 'obiettivi strategici', 'ob strategico'],
  operativo: ['obiettivo operativo', 'obiettivi operativi', 'ob operativo'],
  title: ['obiettivo', 'obiettivi', 'titolo', 'titolo obiettivo', 'denominazione', 'denominazione obiettivo'],
  indirizzo: ['indirizzo strategico', 'indirizzi strategici', 'linea di mandato', 'linee di mandato', 'linea programmatica', 'linee programmatiche', 'ambito strategico'],
  description: ['descrizione', 'descrizione obiettivo', 'finalita', 'finalita da conseguire'],
  missione: ['missione', 'missioni', 'missione di bilancio', 'codice missione', 'cod missione'],
  programma: ['programma', 'programmi', 'programma di bilancio', 'codice programma', 'cod programma'],
  responsabile: ['responsabile', 'responsabili', 'settore', 'settore responsabile', 'centro di responsabilita', 'cdr', 'servizio', 'servizio responsabile', 'unita organizzativa', 'dirigente', 'dirigente responsabile', 'responsabile gestionale'],
};

/** The rows looked at for the header row: title rows come before it. */
const HEADER_SEARCH_ROWS = 30;

/** Where a sheet's table is: its header row (0-based) and the column (0-based) of each field found. */
export interface SheetColumns {
  headerRow: number;
  columns: Partial<Record<DupColumn, number>>;
}

/** `Centro di Responsabilità ` → `centro di responsabilita`: headers compared in any case, accent, spacing and punctuation. */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The header row of a sheet: the first of its first rows that names an objective column and at least
 * one other, and every column of `overrides` (field → header, exactly as written there, in any case
 * and accent). Undefined when no row does.
 */
export function findColumns(grid: SheetGrid, overrides: Partial<Record<DupColumn, string>>): SheetColumns | undefined {
  const overrideKeys = Object.entries(overrides).map(([column, header]) => [column as DupColumn, headerKey(header!)] as const);
  for (const [index, row] of grid.rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const columns: Partial<Record<DupColumn, number>> = {};
    const keys = row.map(headerKey);
    for (const [column, key] of overrideKeys) {
      const at = keys.indexOf(key);
      if (at >= 0) columns[column] = at;
    }
    const taken = new Set(Object.values(columns));
    keys.forEach((key, at) => {
      const column = taken.has(at) ? undefined : knownColumn(key);
      if (column && columns[column] === undefined) columns[column] = at;
    });
    const found = Object.keys(columns) as DupColumn[];
    if (overrideKeys.every(([column]) => columns[column] !== undefined) && found.some((column) => TITLE_COLUMNS.includes(column)) && found.length >= 2) {
      return { headerRow: index, columns };
    }
  }
  return undefined;
}

/** The non-empty cells of the row most likely meant as the header (the fullest of the first rows), for the message when none is found. */
export function likelyHeaders(grid: SheetGrid): { row: number; headers: string[] } | undefined {
  let best: { row: number; headers: string[] } | undefined;
  for (const [index, row] of grid.rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const headers = row.filter((cell) => cell !== '');
    if (headers.length > (best?.headers.length ?? 0)) best = { row: index + 1, headers };
  }
  return best;
}

function knownColumn(key: string): DupColumn | undefined {
  let best: { column: DupColumn; length: number } | undefined;
  for (const column of DUP_COLUMNS) {
    for (const header of HEADERS[column]) {
      const matches = key === header || key.startsWith(`${header} `);
      if (matches && header.length > (best?.length ?? -1)) best = { column, length: header.length };
    }
  }
  return best?.column;
}
