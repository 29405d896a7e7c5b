import { InputError } from '../../core/errors.js';
import type { FindingArgs } from '../../findings/finding-args.js';
import type { FindingCode } from '../../findings/finding-codes.js';
import { makeFinding, type Finding } from '../../findings/finding.js';
import type { DupLevel, DupObjectiveData } from '../../model/plan-data.js';
import { DUP_COLUMNS, findColumns, headerKey, likelyHeaders, TITLE_COLUMNS, type DupColumn, type SheetColumns } from './dup-columns.js';
import type { SheetGrid } from './spreadsheet-file.js';

/** An objective read from a sheet, without links: what the DUP file's objective holds from the sheet. */
export type SheetObjective = Omit<DupObjectiveData, 'psttm' | 'rejected'>;

/** The fields of a DUP objective a sheet can carry; those of a column the sheet lacks are left as the file has them. */
export type SheetField = keyof SheetObjective;

export interface DupSheet {
  /** The sheet read (undefined for a CSV file). */
  sheet: string | undefined;
  objectives: SheetObjective[];
  /** The fields this sheet has columns for (code, level and title always). */
  fields: ReadonlySet<SheetField>;
  /** The period (YYYY-YYYY) the rows above the header state, if any. */
  period: string | undefined;
  /** Content errors, each at its cell. */
  findings: Finding[];
}

export interface DupSheetOptions {
  /** The sheet to read; default: the first with a header row. */
  sheet?: string;
  /** Headers naming columns, field → header, over the Italian headers psttm knows. */
  columns?: Partial<Record<DupColumn, string>>;
  /** The budget missioni that exist (plan/reference/missioni-bilancio.csv). */
  budgetMissions: ReadonlySet<string>;
}

/**
 * Columns whose value stands for the rows below it until the next one (a group: a merged cell, or a
 * value written once): in hierarchy order, so a new value in one starts a new group in those after it.
 */
const GROUP_COLUMNS: readonly DupColumn[] = ['indirizzo', 'missione', 'parent', 'strategico', 'programma'];

/** A period of years, e.g. `2025-2027` or `2025/2027`, as title rows and file names state it. */
const PERIOD = /\b((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})\b/;

/**
 * The DUP objectives of a spreadsheet's sheet. Its header row is found by the Italian headers (see
 * dup-columns), after any title rows; empty rows and unknown columns are skipped; group columns
 * left blank take the value above. Codes are normalised (missione `01`, programma `01.08`); a row
 * with a strategic and an operational objective gives both, the strategic one once per text (or
 * code). Objectives without a code get one in order of appearance: strategic ones S1, S2…,
 * operational ones their parent's code and a number (S1.1, S1.2…), or O1, O2… without a parent.
 */
export function readDupSheet(grids: readonly SheetGrid[], file: string, options: DupSheetOptions): DupSheet {
  const { grid, columns } = chooseSheet(grids, file, options);
  const reader = new SheetReader(grid, file, columns, options.budgetMissions);
  for (let index = columns.headerRow + 1; index < grid.rows.length; index++) reader.readRow(index);
  const carried = new Set<SheetField>(['code', 'level', 'title']);
  for (const column of Object.keys(columns.columns) as DupColumn[]) {
    if (column === 'strategico' || column === 'operativo') continue;
    carried.add(column as SheetField);
  }
  if (columns.columns.strategico !== undefined && columns.columns.operativo !== undefined) carried.add('parent');
  const titleRows = grid.rows.slice(0, columns.headerRow).flat().join(' ');
  return { sheet: grid.name, objectives: reader.objectives, fields: carried, period: periodIn(titleRows), findings: reader.findings };
}

/** The period of years a text states (`DUP 2025-2027`), as YYYY-YYYY. */
export function periodIn(text: string): string | undefined {
  const match = PERIOD.exec(text);
  return match ? `${match[1]}-${match[2]}` : undefined;
}

function chooseSheet(grids: readonly SheetGrid[], file: string, options: DupSheetOptions): { grid: SheetGrid; columns: SheetColumns } {
  const overrides = options.columns ?? {};
  const names = grids.map((grid) => grid.name ?? '');
  let candidates = grids;
  if (options.sheet !== undefined) {
    const wanted = grids.find((grid) => grid.name === options.sheet) ?? grids.find((grid) => grid.name !== undefined && headerKey(grid.name) === headerKey(options.sheet!));
    if (!wanted) throw new InputError(`${file} has no sheet "${options.sheet}"; its sheets: ${names.map((name) => `"${name}"`).join(', ')}`);
    candidates = [wanted];
  }
  for (const grid of candidates) {
    const columns = findColumns(grid, overrides);
    if (columns) return { grid, columns };
  }
  const first = candidates[0];
  const where = first?.name === undefined ? file : `${file}!${first.name}`;
  const found = first && likelyHeaders(first);
  const required = Object.keys(overrides).length > 0 ? ` and ${Object.values(overrides).map((header) => `"${header}"`).join(', ')} (--columns)` : '';
  const headers = found ? `; headers found in row ${found.row}: ${found.headers.map((header) => `"${header}"`).join(', ')}` : '; the sheet is empty';
  const others = candidates.length > 1 ? ` (nor in any other sheet: ${names.slice(1).map((name) => `"${name}"`).join(', ')})` : '';
  throw new InputError(
    `${where}: no header row names the objectives: expected a column "Obiettivo strategico", "Obiettivo operativo" or "Obiettivo"${required}${headers}${others}; name the columns with --columns title=<header>,missione=<header>,…`,
  );
}

/** The objectives of one sheet, read row by row with the groups they fill down. */
class SheetReader {
  readonly objectives: SheetObjective[] = [];
  readonly findings: Finding[] = [];
  private previous: Partial<Record<DupColumn, string>> = {};
  private readonly strategicByKey = new Map<string, SheetObjective>();
  /** The row where each code was first used, for duplicates. */
  private readonly rowOfCode = new Map<string, number>();
  private readonly generated = { strategic: 0, operational: 0, underParent: new Map<string, number>() };
  private readonly groups: readonly DupColumn[];

  constructor(
    private readonly grid: SheetGrid,
    private readonly file: string,
    private readonly layout: SheetColumns,
    private readonly budgetMissions: ReadonlySet<string>,
  ) {
    // Without an operational column, the strategic objective is each row's own, not a group.
    this.groups = GROUP_COLUMNS.filter((column) => layout.columns[column] !== undefined && (layout.columns.operativo !== undefined || (column !== 'strategico' && column !== 'parent')));
  }

  readRow(index: number): void {
    const row = this.grid.rows[index]!;
    const cells: Partial<Record<DupColumn, string>> = {};
    for (const column of DUP_COLUMNS) {
      const at = this.layout.columns[column];
      const text = at === undefined ? '' : (row[at] ?? '');
      if (text !== '') cells[column] = text;
    }
    if (Object.keys(cells).length === 0) return;
    // Only a row naming an objective of its own belongs to the groups above it.
    if (TITLE_COLUMNS.some((column) => cells[column] !== undefined && !this.groups.includes(column))) this.fillDown(cells);
    const rowNumber = index + 1;
    const missione = this.missione(cells.missione, rowNumber);
    // A missione cell already reported leaves its programma unjudged.
    const programma = cells.missione !== undefined && missione === undefined ? undefined : this.programma(cells.programma, missione, rowNumber);
    const shared = { indirizzo: cells.indirizzo, missione: missione ?? programma?.slice(0, 2), programma };
    const own = { description: cells.description, responsabile: cells.responsabile };

    const operational = cells.operativo;
    const strategicTitle = cells.strategico;
    if (operational !== undefined) {
      const parent = strategicTitle === undefined ? undefined : this.strategic(strategicTitle, cells.parent, { indirizzo: shared.indirizzo, missione: shared.missione }, rowNumber, 'parent');
      const code = cells.code ?? this.generatedCode('operativo', parent?.code);
      this.add({ code, level: 'operativo', parent: parent?.code, title: operational, ...shared, ...own }, rowNumber, cells.code === undefined ? 'operativo' : 'code');
    } else if (strategicTitle !== undefined) {
      this.strategic(strategicTitle, cells.parent ?? cells.code, { ...shared, ...own }, rowNumber, cells.parent === undefined ? 'code' : 'parent');
    } else if (cells.title !== undefined) {
      const level = this.level(cells.level, rowNumber);
      const code = cells.code ?? this.generatedCode(level, cells.parent);
      this.add({ code, level, parent: level === 'operativo' ? cells.parent : undefined, title: cells.title, ...shared, ...own }, rowNumber, cells.code === undefined ? 'title' : 'code');
    } else {
      const titleColumns = TITLE_COLUMNS.filter((column) => this.layout.columns[column] !== undefined);
      const headers = titleColumns.map((column) => `"${this.grid.rows[this.layout.headerRow]![this.layout.columns[column]!]}"`);
      this.report('SHEET_NO_TITLE', { columns: headers }, rowNumber, titleColumns[0]!);
    }
    this.previous = cells;
  }

  /** Blank group cells take the value above, unless a group before them starts anew on this row. */
  private fillDown(cells: Partial<Record<DupColumn, string>>): void {
    let newGroup = false;
    for (const column of this.groups) {
      if (cells[column] !== undefined) {
        newGroup ||= cells[column] !== this.previous[column];
      } else if (!newGroup && this.previous[column] !== undefined) {
        cells[column] = this.previous[column];
      }
    }
  }

  /** A strategic objective once per code, or per text when it has none: later rows naming it again add nothing. */
  private strategic(title: string, code: string | undefined, fields: Omit<SheetObjective, 'code' | 'level' | 'title'>, rowNumber: number, codeColumn: DupColumn): SheetObjective {
    const key = code ?? `\0${headerKey(title)}`;
    const existing = this.strategicByKey.get(key);
    if (existing && (code === undefined || headerKey(existing.title) === headerKey(title))) return existing;
    const objective: SheetObjective = { code: code ?? this.generatedCode('strategico', undefined), level: 'strategico', title, ...fields };
    this.add(objective, rowNumber, code === undefined ? 'strategico' : codeColumn);
    if (!existing) this.strategicByKey.set(key, objective);
    return objective;
  }

  private add(objective: SheetObjective, rowNumber: number, codeColumn: DupColumn): void {
    const firstRow = this.rowOfCode.get(objective.code);
    if (firstRow !== undefined) {
      this.report('SHEET_DUPLICATE_CODE', { code: objective.code, firstRow }, rowNumber, codeColumn);
      return;
    }
    this.rowOfCode.set(objective.code, rowNumber);
    this.objectives.push(withoutUndefined(objective));
  }

  private generatedCode(level: DupLevel, parent: string | undefined): string {
    if (level === 'strategico') return `S${++this.generated.strategic}`;
    if (parent === undefined) return `O${++this.generated.operational}`;
    const number = (this.generated.underParent.get(parent) ?? 0) + 1;
    this.generated.underParent.set(parent, number);
    return `${parent}.${number}`;
  }

  private level(text: string | undefined, rowNumber: number): DupLevel {
    if (text === undefined) return 'strategico';
    const key = headerKey(text);
    if (/^(?:s|ses|strat)/.test(key)) return 'strategico';
    if (/^(?:o|seo|oper)/.test(key)) return 'operativo';
    this.report('SHEET_BAD_LEVEL', { value: text }, rowNumber, 'level');
    return 'strategico';
  }

  /** `1`, `01`, `Missione 01 - Servizi istituzionali…`, `M01` → `01`; undefined (with a finding) when unreadable or unknown. */
  private missione(text: string | undefined, rowNumber: number): string | undefined {
    if (text === undefined) return undefined;
    const match = /^(?:missione|miss|m)?\s*\.?\s*(\d{1,2})(?!\d|[.,]\d)/i.exec(text);
    if (!match) {
      this.report('SHEET_BAD_CODE', { case: 'unreadable', column: 'missione', value: text }, rowNumber, 'missione');
      return undefined;
    }
    const code = match[1]!.padStart(2, '0');
    if (this.budgetMissions.has(code)) return code;
    this.report('SHEET_UNKNOWN_MISSIONE', { missione: code }, rowNumber, 'missione');
    return undefined;
  }

  /** `8`, `08`, `8 - Statistica…` under missione 01, or `01.08` → `01.08`; undefined (with a finding) when unreadable or not under the missione. */
  private programma(text: string | undefined, missione: string | undefined, rowNumber: number): string | undefined {
    if (text === undefined) return undefined;
    const full = /^(?:programma|prog|p)?\s*\.?\s*(\d{1,2})\s*[.\/]\s*(\d{1,2})(?!\d)/i.exec(text);
    if (full) {
      const [programMissione, number] = [full[1]!.padStart(2, '0'), full[2]!.padStart(2, '0')];
      const code = `${programMissione}.${number}`;
      if (missione !== undefined && programMissione !== missione) {
        this.report('SHEET_PROGRAMMA_OUTSIDE_MISSIONE', { programma: code, missione }, rowNumber, 'programma');
        return undefined;
      }
      return code;
    }
    const short = /^(?:programma|prog|p)?\s*\.?\s*(\d{1,2})(?!\d)/i.exec(text);
    if (!short) {
      this.report('SHEET_BAD_CODE', { case: 'unreadable', column: 'programma', value: text }, rowNumber, 'programma');
      return undefined;
    }
    if (missione === undefined) {
      this.report('SHEET_BAD_CODE', { case: 'no-missione', column: 'programma', value: text }, rowNumber, 'programma');
      return undefined;
    }
    return `${missione}.${short[1]!.padStart(2, '0')}`;
  }

  private report<C extends FindingCode>(code: C, args: FindingArgs[C], rowNumber: number, column: DupColumn): void {
    const columnNumber = (this.layout.columns[column] ?? 0) + 1;
    const location = { file: this.file, sheet: this.grid.name ?? '', line: rowNumber, column: columnNumber, endLine: rowNumber, endColumn: columnNumber, path: column };
    this.findings.push(makeFinding(code, args, location));
  }
}

/** The objective without the fields it has no value for, so that it compares and writes as the file would hold it. */
function withoutUndefined(objective: SheetObjective): SheetObjective {
  return Object.fromEntries(Object.entries(objective).filter(([, value]) => value !== undefined)) as SheetObjective;
}
