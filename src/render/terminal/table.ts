import Table from 'cli-table3';
import { terminalText } from './terminal-text.js';

export interface Column {
  header: string;
  /** Fixed width in characters; the column marked `flex` takes the rest of the terminal. */
  width?: number;
  flex?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** A cli-table3 table that fits the terminal: the flex column wraps, the others keep their width. */
export function renderTable(columns: readonly Column[], rows: readonly string[][], terminalWidth: number): string {
  const fixed = columns.reduce((sum, column) => sum + (column.flex ? 0 : (column.width ?? 10)) + 3, 1);
  const flexWidth = Math.max(20, terminalWidth - fixed - 3);
  const table = new Table({
    head: columns.map((column) => terminalText(column.header)),
    colWidths: columns.map((column) => (column.flex ? flexWidth : (column.width ?? 10)) + 2),
    colAligns: columns.map((column) => column.align ?? 'left'),
    wordWrap: true,
    style: { head: [], border: [] },
    // No rule between rows: wrapped titles read as blocks, and the table stays short.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  table.push(...rows);
  return table.toString() + '\n';
}

/** Width to lay tables out for: the terminal's, or 120 when output is piped. */
export function terminalWidth(columns: number | undefined): number {
  return columns && columns > 40 ? columns : 120;
}
