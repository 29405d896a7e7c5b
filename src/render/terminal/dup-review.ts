import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { DupObjectiveData } from '../../model/plan-data.js';
import type { PlanModel } from '../../model/plan-model.js';
import { number } from './figures.js';
import { terminalText } from './terminal-text.js';

/** One suggestion of dup review: the DUP objective and the PSTTM objective it is suggested to serve. */
export interface SuggestionView {
  comune: string;
  dupObjective: DupObjectiveData;
  objectiveId: string;
  score: number | undefined;
  /** 1-based place in the queue, and its length. */
  position: number;
  total: number;
}

/** Below this width the two sides are shown one above the other. */
const SIDE_BY_SIDE_WIDTH = 90;

/** The DUP objective and the PSTTM objective side by side (one above the other on a narrow terminal), with what to answer. */
export function suggestionCard(model: PlanModel, view: SuggestionView, width: number, chalk: ChalkInstance): string {
  const { dupObjective: dup } = view;
  const budget = [dup.missione && `missione ${dup.missione}`, dup.programma && `programma ${dup.programma}`].filter(Boolean).join(', ');
  const left = [
    chalk.bold(`DUP ${terminalText(view.comune)} · ${terminalText(dup.code)}`),
    `${dup.level}${budget ? ` · ${budget}` : ''}`,
    terminalText(dup.title),
    ...(dup.description ? ['', terminalText(dup.description)] : []),
  ].join('\n');
  const objective = model.objectiveById.get(view.objectiveId);
  const mission = objective && model.missionById.get(objective.missionId);
  const actors = model.actorColumns.map((column) => `${objective?.actors[column.id] ? '✓' : '·'} ${terminalText(column.label)}`);
  const right = [
    chalk.bold(`PSTTM ${view.objectiveId}${view.score === undefined ? '' : ` · score ${number(view.score)}`}`),
    mission ? `${mission.id} ${terminalText(mission.title)}` : '',
    terminalText(objective?.title ?? ''),
    '',
    ...actors,
  ].join('\n');
  const sideBySide = width >= SIDE_BY_SIDE_WIDTH;
  const column = sideBySide ? Math.floor((width - 7) / 2) : width - 4;
  const table = new Table({ colWidths: sideBySide ? [column + 2, column + 2] : [column + 2], wordWrap: true, style: { head: [], border: [] } });
  if (sideBySide) table.push([left, right]);
  else table.push([left], [right]);
  return `\n${chalk.dim(`${view.position}/${view.total}`)}\n${table.toString()}\n`;
}
