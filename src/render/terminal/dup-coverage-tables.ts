import type { ChalkInstance } from 'chalk';
import type { ComuneAlignment, DupAlignment } from '../../compute/dup-alignment.js';
import type { PlanModel } from '../../model/plan-model.js';
import { percent, TERMINAL_LABELS } from './figures.js';
import { renderTable, wrapText } from './table.js';
import { terminalText } from './terminal-text.js';

const LABELS = TERMINAL_LABELS.dupCoverage;

/**
 * coverage --by comune: per comune with a DUP what it serves and misses, the comuni without one
 * (names grouped by zone, on a few lines for 133 comuni), then per PSTTM objective and per zone.
 * `comuni` are those to show (all of them, or the one of --comune).
 */
export function dupCoverageText(model: PlanModel, alignment: DupAlignment, comuni: readonly ComuneAlignment[], width: number, chalk: ChalkInstance): string {
  const withDup = comuni.filter((comune) => comune.file !== undefined);
  const withoutDup = comuni.filter((comune) => comune.file === undefined);
  const ids = (list: readonly string[]) => list.join(' ') || LABELS.none;
  const perComune = renderTable(
    [
      { header: LABELS.comune },
      { header: LABELS.dupObjectives, align: 'right' },
      { header: LABELS.confirmedLinks, align: 'right' },
      { header: LABELS.served, flex: true },
      { header: LABELS.notServed },
    ],
    withDup.map((comune) => [
      `${terminalText(comune.name)} (${comune.istat})`,
      String(comune.objectives.length),
      String(comune.objectives.reduce((sum, objective) => sum + objective.confirmed.length, 0)),
      ids(comune.served),
      ids(comune.notServed),
    ]),
    width,
  );
  const zonesWithout = alignment.zones
    .map((zone) => ({ zone: zone.zone, names: withoutDup.filter((comune) => comune.zone === zone.zone).map((comune) => terminalText(comune.name)) }))
    .filter(({ names }) => names.length > 0)
    .map(({ zone, names }) => wrapText(`${terminalText(zone)} (${names.length}): ${names.join(', ')}`, width, { first: '  ', rest: '    ' }));
  const sections = [wrapText(chalk.bold(`${LABELS.title}: ${terminalText(model.shortTitle)}`), width), withDup.length > 0 ? perComune : `${wrapText(LABELS.noDup, width)}\n`];
  if (zonesWithout.length > 0) sections.push(`${LABELS.withoutDup} (${withoutDup.length}):\n${zonesWithout.join('\n')}\n`);
  if (comuni.length === alignment.comuni.length) sections.push(perObjective(model, alignment, width), perZone(alignment, width));
  return sections.join('\n');
}

function perObjective(model: PlanModel, alignment: DupAlignment, width: number): string {
  const rows = alignment.objectives.map((row) => [row.objectiveId, terminalText(model.objectiveById.get(row.objectiveId)?.title ?? ''), row.markedForComuni ? '✓' : '', String(row.comuni.length)]);
  return renderTable(
    [
      { header: TERMINAL_LABELS.columns.objective, unbroken: true },
      { header: TERMINAL_LABELS.columns.title, flex: true },
      { header: LABELS.markedForComuni, align: 'center' },
      { header: LABELS.comuniAligned, align: 'right' },
    ],
    rows,
    width,
  );
}

function perZone(alignment: DupAlignment, width: number): string {
  const rows = alignment.zones.map((zone) => [terminalText(zone.zone), String(zone.comuni), String(zone.withDup), percent(zone.dupShare), zone.served.join(' ') || LABELS.none]);
  return renderTable(
    [
      { header: TERMINAL_LABELS.columns.zone },
      { header: LABELS.comuni, align: 'right' },
      { header: LABELS.withDup, align: 'right' },
      { header: TERMINAL_LABELS.columns.share, align: 'right' },
      { header: LABELS.served, flex: true },
    ],
    rows,
    width,
  );
}
