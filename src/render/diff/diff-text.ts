import type { ChalkInstance } from 'chalk';
import { renderTable, wrapText, type Column } from '../terminal/table.js';
import { terminalText } from '../terminal/terminal-text.js';
import type { DiffItem, DiffView, FigureRow } from './diff-view.js';
import type { RichText } from './rich-text.js';

const MARKERS: Record<DiffItem['change'], string> = { added: '+', removed: '-', changed: '~', renumbered: '>' };

/**
 * The diff for a terminal: the summary, then each section's items with their details indented.
 * Removed words read `[-so-]` and added ones `{+so+}` (as `git diff --word-diff`), coloured when colour is on.
 */
export function diffText(view: DiffView, chalk: ChalkInstance, width: number): string {
  const lines = [chalk.bold(`psttm diff ${terminalText(view.sides)}`), view.summary];
  for (const section of view.sections) {
    lines.push('', chalk.bold(section.title));
    for (const item of section.items) {
      lines.push(hanging(`  ${marker(item.change, chalk)} `, 4, richText(item.line, chalk), width));
      for (const detail of item.details) lines.push(hanging('      ', 6, richText(detail, chalk), width));
    }
  }
  if (view.figures) {
    lines.push('', chalk.bold(`Figures as of ${view.figures.asOf}`), figureTable(view.figures.rows, width).trimEnd());
  } else if (view.figuresNote) {
    lines.push('', view.figuresNote);
  }
  if (view.dangling.length > 0) {
    lines.push('', chalk.bold.red('Dangling links'));
    for (const link of view.dangling) lines.push(`  ${terminalText(link.where)}  ${chalk.red('error')}  ${terminalText(link.message)}  ${chalk.dim('DANGLING_LINK')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `text` after `lead` (`indent` columns wide), wrapped to the terminal's width, its further lines indented under its start. */
function hanging(lead: string, indent: number, text: string, width: number): string {
  // At least 20 columns for the text, however narrow the terminal.
  return wrapText(text, Math.max(20 + indent, width), { first: lead, rest: ' '.repeat(indent) });
}

function marker(change: DiffItem['change'], chalk: ChalkInstance): string {
  const text = MARKERS[change];
  return change === 'added' ? chalk.green(text) : change === 'removed' ? chalk.red(text) : chalk.yellow(text);
}

function richText(line: RichText, chalk: ChalkInstance): string {
  return line
    .map(({ text, mark }) => {
      const safe = terminalText(text);
      if (mark === 'id') return chalk.bold(safe);
      if (mark === 'removed') return chalk.red(`[-${safe}-]`);
      if (mark === 'added') return chalk.green(`{+${safe}+}`);
      return safe;
    })
    .join('');
}

const FIGURE_COLUMNS: Column[] = [
  { header: '' },
  { header: 'coverage before', align: 'right' },
  { header: 'after', align: 'right' },
  { header: 'progress before', align: 'right' },
  { header: 'after', align: 'right' },
];

function figureTable(rows: readonly FigureRow[], width: number): string {
  return renderTable(FIGURE_COLUMNS, rows.map((row) => [row.label, ...row.coverage, ...row.progress]), width);
}
