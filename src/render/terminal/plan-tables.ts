import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Mission, Objective, PlanModel, Project } from '../../model/plan-model.js';
import { euros, TERMINAL_LABELS } from './figures.js';
import { renderTable, wrapText } from './table.js';
import { terminalText } from './terminal-text.js';

/** ✔ for a marked actor column, · for one that does not apply. */
function mark(marked: boolean | undefined, chalk: ChalkInstance): string {
  return marked ? chalk.green('✔') : chalk.dim('·');
}

const COLUMNS = TERMINAL_LABELS.columns;

export function missionsTable(model: PlanModel, width: number): string {
  const rows = model.missions.map((mission) => [
    mission.id,
    terminalText(mission.title),
    mission.objectivesTranscribed ? String(mission.objectives.length) : 'not transcribed',
    themesText(mission),
  ]);
  return renderTable(
    [
      { header: COLUMNS.mission, unbroken: true },
      { header: COLUMNS.title, flex: true },
      { header: COLUMNS.objectives, align: 'right' },
      { header: COLUMNS.themes },
    ],
    rows,
    width,
  );
}

export function objectivesTable(model: PlanModel, objectives: readonly Objective[], width: number, chalk: ChalkInstance): string {
  const rows = objectives.map((objective) => [objective.id, terminalText(objective.title), ...model.actorColumns.map((column) => mark(objective.actors[column.id], chalk))]);
  return renderTable(
    [
      { header: COLUMNS.id, unbroken: true },
      { header: COLUMNS.objective, flex: true },
      ...model.actorColumns.map((column) => ({ header: shortLabel(column.label), align: 'center' as const })),
    ],
    rows,
    width,
  );
}

/** A (styled) label and its value on one line, the value wrapped under itself: `Mission  M1 Digitalizzazione…`. */
function labelled(label: string, value: string, width: number): string {
  const head = `${label}  `;
  return wrapText(value, width, { first: head, rest: ' '.repeat(stringWidth(head)) });
}

/** A mission or objective as a block of labelled lines. */
export function objectiveDetail(model: PlanModel, objective: Objective, width: number, chalk: ChalkInstance): string {
  const mission = model.missionById.get(objective.missionId)!;
  const actors = model.actorColumns.map((column) => `${mark(objective.actors[column.id], chalk)} ${terminalText(column.label)}`).join('   ');
  return [
    labelled(chalk.bold(objective.id), terminalText(objective.title), width),
    labelled(chalk.dim('Mission'), `${mission.id} ${terminalText(mission.title)}`, width),
    labelled(chalk.dim('Actors '), actors, width),
    '',
  ].join('\n');
}

export function missionDetail(model: PlanModel, mission: Mission, width: number, chalk: ChalkInstance): string {
  const header = [
    labelled(chalk.bold(mission.id), terminalText(mission.title), width),
    labelled(chalk.dim('PNRR   '), mission.pnrrMission, width),
    labelled(chalk.dim('Themes '), themesText(mission), width),
    '',
    wrapText(terminalText(mission.description, { keepLineBreaks: true }), width),
    '',
  ].join('\n');
  const objectives = mission.objectivesTranscribed
    ? objectivesTable(model, mission.objectives, width, chalk)
    : `${wrapText(`${chalk.yellow('Objectives not transcribed:')} the source lacks this mission's objectives table.`, width)}\n`;
  return `${header}\n${objectives}`;
}

/** Shown where a project's source names no lead. */
const NO_LEAD = `(${TERMINAL_LABELS.leadKind.not_stated})`;

export function projectsTable(projects: readonly Project[], width: number): string {
  const rows = projects.map((project) => [project.id, terminalText(project.title), project.status, terminalText(project.lead?.name ?? NO_LEAD), project.objectives.map((link) => link.id).join(' ')]);
  return renderTable(
    [
      { header: COLUMNS.id, unbroken: true },
      { header: COLUMNS.title, flex: true },
      { header: COLUMNS.status },
      { header: COLUMNS.lead, flex: true },
      { header: COLUMNS.objectives },
    ],
    rows,
    width,
  );
}

export function projectDetail(model: PlanModel, project: Project, width: number, chalk: ChalkInstance): string {
  // Each line is a dim label, then data made safe for the terminal, wrapped under itself.
  const field = (name: string, value: string) => wrapText(terminalText(value), width, { first: chalk.dim(name.padEnd(10)), rest: ' '.repeat(10) });
  const item = (text: string) => wrapText(terminalText(text), width, { first: '  ', rest: '    ' });
  const territory =
    project.territory.scope === 'metropolitan'
      ? 'metropolitan'
      : project.territory.scope === 'zones'
        ? (project.territory.zones ?? []).join(', ')
        : (project.territory.comuni ?? []).map((code) => model.reference.comuneByIstat.get(code)?.name ?? code).join(', ');
  const lines = [
    labelled(chalk.bold(project.id), terminalText(project.title), width),
    field('Status', project.status),
    field('Lead', project.lead ? `${project.lead.name} (${project.lead.kind})` : NO_LEAD),
    ...(project.partners?.length ? [field('Partners', project.partners.map((partner) => partner.name).join('; '))] : []),
    field('Territory', territory),
    ...(project.period ? [field('Period', `${project.period.start} – ${project.period.end ?? '…'}`)] : []),
    ...(project.funding ?? []).map((item) => field('Funding', `${euros(item.amount)} ${item.source}${item.note ? ` (${item.note})` : ''}`)),
    ...(project.summary ? ['', wrapText(terminalText(project.summary, { keepLineBreaks: true }), width)] : []),
    '',
    chalk.bold('Objectives'),
    ...project.objectives.map((link) => item(`${link.id}${link.weight !== undefined ? ` ×${link.weight}` : ''}  ${model.objectiveById.get(link.id)?.title ?? ''}`)),
  ];
  if (project.indicators?.length) {
    lines.push('', chalk.bold('Indicators'));
    for (const indicator of project.indicators) {
      const latest = indicator.actuals?.at(-1);
      const target = indicator.targets?.at(-1);
      lines.push(item(`${indicator.name}: ${latest ? `${latest.value} ${indicator.unit} (${latest.date}${latest.note ? `, ${latest.note}` : ''})` : 'no data'}; target ${target ? `${target.value} by ${target.date}` : 'none in the sources'}`));
    }
  }
  lines.push('', chalk.bold('Sources'), ...project.sources.map((source) => item(`[${source.id}] ${source.title}${source.section ? `, ${source.section}` : ''}`)), field('Updated', project.updated), '');
  return lines.join('\n');
}

/** A mission's themes on one line. */
function themesText(mission: Mission): string {
  return terminalText(mission.themes.join('; ')) || '—';
}

/** "Corpi intermedi e altri attori" is too wide for a column heading: keep its first two words. */
function shortLabel(label: string): string {
  return label.split(' ').slice(0, 2).join(' ');
}
