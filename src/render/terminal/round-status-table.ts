import type { ChalkInstance } from 'chalk';
import type { LeadRoundStatus, RoundStatus } from '../../compute/round-status.js';
import { fillLabel } from '../labels.js';
import { TERMINAL_LABELS } from './figures.js';
import { renderTable, wrapText, type Column } from './table.js';
import { terminalText } from './terminal-text.js';

const LABELS = TERMINAL_LABELS.roundStatus;

/** The counts of a lead's row, in the order of the table's figure columns. */
const FIGURES: readonly [keyof typeof LABELS.columns, (lead: LeadRoundStatus) => number][] = [
  ['projects', (lead) => lead.projects.length],
  ['sent', (lead) => lead.forms.length],
  ['returned', (lead) => lead.returned.length],
  ['values', (lead) => lead.valuesReceived],
  ['stale', (lead) => lead.stale.length],
  ['withoutActual', (lead) => lead.withoutActual.length],
];

/** One row per lead with its counts, a total row, what each count means, and a line when no form was found in the folder. */
export function roundStatusText(status: RoundStatus, context: { planTitle: string; formsFolder: string; updateMonths: number }, width: number, chalk: ChalkInstance): string {
  const columns: Column[] = [{ header: LABELS.columns.lead, flex: true }, ...FIGURES.map(([key]): Column => ({ header: LABELS.columns[key], align: 'right' }))];
  const rows = status.leads.map((lead) => [terminalText(lead.lead), ...FIGURES.map(([, count]) => String(count(lead)))]);
  const totals = FIGURES.map(([, count]) => String(status.leads.reduce((sum, lead) => sum + count(lead), 0)));
  const noForms = status.leads.every((lead) => lead.forms.length === 0) ? [wrapText(fillLabel(LABELS.noForms, { folder: terminalText(context.formsFolder) }), width) + '\n'] : [];
  return [
    wrapText(chalk.bold(fillLabel(LABELS.title, { plan: terminalText(context.planTitle), today: status.today })), width),
    renderTable(columns, [...rows, [chalk.bold(LABELS.total), ...totals]], width),
    wrapText(fillLabel(LABELS.legend, { folder: terminalText(context.formsFolder), months: String(context.updateMonths) }), width) + '\n',
    ...noForms,
  ].join('\n');
}
