import Table from 'cli-table3';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { fitColumnWidths } from './column-widths.js';
import { terminalText } from './terminal-text.js';

export interface Column {
  header: string;
  /** Gives way first when the table is wider than the terminal (a title). */
  flex?: boolean;
  /** Ids and codes: a line of this column is never broken, unless nothing else makes the table fit. */
  unbroken?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** A word longer than this may be broken rather than widen its column further. */
const LONGEST_UNBROKEN_WORD = 14;
/** A title column keeps this width (or its content's, if narrower) while the other columns can give way. */
const FLEX_PREFERRED = 20;
/** Each column's border and the space either side of its text. */
const COLUMN_FRAME = 3;

/**
 * A cli-table3 table no wider than the terminal: columns take the width of their content, and when
 * that is too wide every cell is wrapped within the width its column gets (see fitColumnWidths), so
 * the box drawing never wraps.
 */
export function renderTable(columns: readonly Column[], rows: readonly string[][], terminalWidth: number): string {
  const cells = [columns.map((column) => terminalText(column.header)), ...rows];
  const widths = fitColumnWidths(
    columns.map((column, index) => {
      const texts = cells.map((row) => row[index] ?? '');
      const natural = Math.max(1, most(texts.map(widestLine)));
      const longest = column.unbroken ? natural : Math.min(LONGEST_UNBROKEN_WORD, Math.max(1, most(texts.map(longestWord))));
      const body = most(texts.slice(1).map(widestLine));
      return { natural, longestWord: longest, ...(column.flex ? { flexFloor: Math.min(FLEX_PREFERRED, body) } : {}) };
    }),
    terminalWidth - 1 - COLUMN_FRAME * columns.length,
  );
  const wrap = (text: string, index: number) => wrapAnsi(text, widths[index]!, { hard: true, trim: true });
  // One table row per line of wrapped text: drawn the same, with no rule between rows, while cli-table3
  // takes time growing with the cube of a cell's lines (a title of 150 lines took 25 s).
  const lines = rows.flatMap((row) => rowLines(row.map(wrap)));
  const parts = Math.max(1, Math.ceil(lines.length / LINES_PER_DRAWING));
  const drawings = Array.from({ length: parts }, (_, part) => {
    const first = part === 0;
    const last = part === parts - 1;
    const table = new Table({
      head: first ? cells[0]!.map(wrap) : [],
      colWidths: widths.map((width) => width + 2),
      colAligns: columns.map((column) => column.align ?? 'left'),
      style: { head: [], border: [] },
      // No rule between rows: wrapped titles read as blocks, and the table stays short. A part's edges
      // that join another part are left out too (cli-table3 skips a line it draws empty).
      chars: { ...NO_ROW_RULE, ...(first ? {} : NO_TOP_EDGE), ...(last ? {} : NO_BOTTOM_EDGE) },
    });
    table.push(...lines.slice(part * LINES_PER_DRAWING, (part + 1) * LINES_PER_DRAWING));
    return table.toString();
  });
  return drawings.join('\n') + '\n';
}

/**
 * The lines cli-table3 lays out at a time: its layout takes time growing with the square of a table's
 * rows (30,000 took 9 s), so a longer table is drawn in parts that join into one box.
 */
const LINES_PER_DRAWING = 500;
const NO_ROW_RULE = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
const NO_TOP_EDGE = { top: '', 'top-mid': '', 'top-left': '', 'top-right': '' };
const NO_BOTTOM_EDGE = { bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '' };

/** A row of wrapped cells as rows of one line each, a shorter cell continued by empty ones. */
function rowLines(cells: readonly string[]): string[][] {
  const cellLines = cells.map((cell) => cell.split('\n'));
  const height = Math.max(1, ...cellLines.map((lines) => lines.length));
  return Array.from({ length: height }, (_, line) => cellLines.map((lines) => lines[line] ?? ''));
}

/**
 * Text wrapped to the terminal width, breaking a word only when it is longer than a line; the first
 * line starts with `indent.first`, the others with `indent.rest` (a hanging indent under a label).
 */
export function wrapText(text: string, width: number, indent: { first?: string; rest?: string } = {}): string {
  const { first = '', rest = '' } = indent;
  const lines = wrapAnsi(text, Math.max(1, width - Math.max(stringWidth(first), stringWidth(rest))), { hard: true }).split('\n');
  return lines.map((line, index) => (index === 0 ? first : rest) + line).join('\n');
}

/** Every line of a text wrapped to the width, keeping its indent and hanging two columns further. */
export function wrapLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)![0];
      return line.length === indent.length ? line : wrapText(line.slice(indent.length), width, { first: indent, rest: `${indent}  ` });
    })
    .join('\n');
}

function widestLine(text: string): number {
  return most(text.split('\n').map((line) => stringWidth(line)));
}

/** Words as wrap-ansi breaks lines between them: at spaces and line breaks only (a no-break space joins `1.000 €`). */
function longestWord(text: string): number {
  return most(text.split(/[ \n]+/).map((word) => stringWidth(word)));
}

/** The largest number, 0 for none; a loop, as a title may hold more words (and a plan more rows) than Math.max takes arguments. */
function most(numbers: readonly number[]): number {
  return numbers.reduce((largest, number) => Math.max(largest, number), 0);
}

/** Width to lay output out for: the terminal's when stdout is one, else COLUMNS when it is a positive whole number, else 80. */
export function terminalWidth(stdout: { isTTY?: boolean; columns?: number }, env: Readonly<Record<string, string | undefined>>): number {
  if (stdout.isTTY && stdout.columns !== undefined && stdout.columns > 0) return stdout.columns;
  const fromEnv = Number(env.COLUMNS);
  return /^\d+$/.test(env.COLUMNS ?? '') && fromEnv > 0 ? fromEnv : 80;
}
