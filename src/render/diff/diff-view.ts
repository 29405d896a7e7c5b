import type { FigureChange, FigurePair, Figures } from '../../compute/diff/figure-changes.js';
import type { ActorChange, Change, MissionChange, ObjectiveChange, PlanDiff } from '../../compute/diff/plan-diff.js';
import type { ConsultationChange, DupChange, FieldChange, LinkChange, ProjectChange } from '../../compute/diff/record-changes.js';
import type { Finding } from '../../findings/finding.js';
import { findingMessage } from '../findings/messages/index.js';
import { euros, TERMINAL_FORMAT } from '../terminal/figures.js';
import { wordChange, type RichText } from './rich-text.js';

/** One changed record: its headline and the lines that say what changed. */
export interface DiffItem {
  change: Change | 'renumbered';
  line: RichText;
  details: RichText[];
}

interface DiffSection {
  title: string;
  items: DiffItem[];
}

/** One row of the figures table: a mission (or the plan) before and after, formatted. */
export interface FigureRow {
  label: string;
  coverage: [string, string];
  progress: [string, string];
}

/** A plan diff as words, shared by the text and Markdown outputs. */
export interface DiffView {
  /** `main (merge-base) → working tree`. */
  sides: string;
  summary: string;
  sections: DiffSection[];
  figures: { asOf: string; rows: FigureRow[] } | undefined;
  /** Why there are no figures, when there are none. */
  figuresNote: string | undefined;
  dangling: { where: string; message: string }[];
}

export interface DiffSides {
  base: string;
  head: string;
}

const { count, percent } = TERMINAL_FORMAT;
const CHANGE_COUNTS: Record<DiffItem['change'], string> = { added: 'added', removed: 'removed', changed: 'changed', renumbered: 'renumbered' };

export function diffView(diff: PlanDiff, dangling: readonly Finding[], sides: DiffSides, figuresNote: string | undefined): DiffView {
  const sections = [
    { title: 'Missions', items: diff.missions.map(missionItem) },
    { title: 'Objectives', items: diff.objectives.map(objectiveItem) },
    { title: 'Projects', items: diff.projects.map(projectItem) },
    { title: 'DUPs', items: diff.dups.map(dupItem) },
    { title: 'Consultations', items: diff.consultations.map(consultationItem) },
  ].filter((section) => section.items.length > 0);
  return {
    sides: `${sides.base} → ${sides.head}`,
    summary: summaryLine(sections, diff.figures, dangling.length),
    sections,
    figures: diff.figures && { asOf: diff.figures.asOf, rows: [figureRow('Plan', diff.figures.plan), ...diff.figures.missions.map((pair) => figureRow(pair.id, pair))] },
    figuresNote,
    dangling: dangling.map((finding) => ({ where: `${finding.file}:${finding.line}:${finding.column}`, message: findingMessage(finding, 'en') })),
  };
}

function summaryLine(sections: readonly DiffSection[], figures: FigureChange | undefined, dangling: number): string {
  const parts = sections.map((section) => `${section.title}: ${tally(section.items)}`);
  if (parts.length === 0) parts.push('No change to missions, objectives, projects, DUPs or consultations');
  if (figures) {
    const { before, after } = figures.plan;
    parts.push(`coverage ${percent(before?.coverage)} → ${percent(after?.coverage)}`, `progress ${percent(before?.progress)} → ${percent(after?.progress)}`);
  }
  if (dangling > 0) parts.push(count(dangling, { one: 'dangling link', other: 'dangling links' }));
  return `${parts.join('; ')}.`;
}

/** `1 added, 2 changed`. */
function tally(items: readonly DiffItem[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(CHANGE_COUNTS[item.change], (counts.get(CHANGE_COUNTS[item.change]) ?? 0) + 1);
  return [...counts].map(([change, n]) => `${n} ${change}`).join(', ');
}

function headline(id: string, title: string, ...rest: string[]): RichText {
  return [{ text: id, mark: 'id' }, { text: ` ${title}` }, ...rest.map((text) => ({ text }))];
}

function missionItem(mission: MissionChange): DiffItem {
  const details: RichText[] = [];
  if (mission.titleChange) details.push([{ text: 'title: ' }, ...wordChange(mission.titleChange)]);
  if (mission.transcribed) details.push([{ text: `objectives: ${transcription(mission.transcribed.before)} → ${transcription(mission.transcribed.after)}` }]);
  return { change: mission.change, line: headline(mission.id, mission.title), details };
}

function transcription(transcribed: boolean): string {
  return transcribed ? 'transcribed' : 'not transcribed (missing from the source)';
}

function objectiveItem(objective: ObjectiveChange): DiffItem {
  const details: RichText[] = [];
  if (objective.change === 'removed' && objective.sameTitleAs) {
    details.push([{ text: `${objective.sameTitleAs} now has its title: if it is ${objective.id} renumbered, declare "supersedes: [${objective.id}]" on it` }]);
  }
  if (objective.titleChange) details.push([{ text: 'title: ' }, ...wordChange(objective.titleChange)]);
  details.push(...objective.actors.map(actorLine));
  const line: RichText = objective.from ? [{ text: objective.from, mark: 'id' }, { text: ' → ' }, ...headline(objective.id, objective.title)] : headline(objective.id, objective.title);
  return { change: objective.change, line, details };
}

function actorLine(actor: ActorChange): RichText {
  return [{ text: `${actor.label}: ${actor.before ? 'marked' : 'not marked'} → ${actor.after ? 'marked' : 'not marked'}` }];
}

function projectItem(project: ProjectChange): DiffItem {
  const details: RichText[] = [...project.fields.map(fieldLine), ...project.links.map(linkLine), ...project.actuals.map(actualLine)];
  return { change: project.change, line: headline(project.id, project.title, ` (${project.file})`), details };
}

function fieldLine(field: FieldChange): RichText {
  switch (field.field) {
    case 'title':
      return [{ text: 'title: ' }, ...wordChange(field)];
    case 'status':
      return [{ text: `status: ${field.before} → ${field.after}` }];
    case 'period':
      return [{ text: `period: ${period(field.before)} → ${period(field.after)}` }];
    case 'funding':
      return [{ text: `funding: ${stated(field.before)} → ${stated(field.after)}` }];
  }
}

/** A project's funding, or `not stated`: unknown, not 0 €. */
function stated(amount: number | undefined): string {
  return amount === undefined ? 'not stated' : euros(amount);
}

function period(value: { start: string; end?: string } | undefined): string {
  return value === undefined ? 'none' : `${value.start} – ${value.end ?? 'open'}`;
}

function linkLine(link: LinkChange): RichText {
  const objective = { text: link.objective, mark: 'id' as const };
  switch (link.change) {
    case 'added':
      return [{ text: 'now links ' }, objective, ...(link.after === undefined ? [] : [{ text: ` (weight ${link.after})` }])];
    case 'removed':
      return [{ text: 'no longer links ' }, objective];
    case 'reweighted':
      return [{ text: 'weight of ' }, objective, { text: `: ${weight(link.before)} → ${weight(link.after)}` }];
  }
}

function weight(value: number | undefined): string {
  return value === undefined ? 'equal share' : String(value);
}

function actualLine(actual: ProjectChange['actuals'][number]): RichText {
  const value = (n: number) => `${TERMINAL_FORMAT.number(n)} ${actual.unit}`;
  const change = actual.before === undefined ? `new actual ${value(actual.after)}` : `actual corrected ${value(actual.before)} → ${value(actual.after)}`;
  return [{ text: `${actual.name} (${actual.indicator}), ${actual.date}: ${change}` }];
}

function dupItem(dup: DupChange): DiffItem {
  const details: RichText[] = dup.links.map((link) => [{ text: `${dup.istat}/${link.code} ${link.change === 'added' ? 'serves' : 'no longer serves'} ` }, { text: link.objective, mark: 'id' }]);
  if (dup.objectives.added.length > 0) details.push([{ text: `DUP objectives added: ${dup.objectives.added.join(', ')}` }]);
  if (dup.objectives.removed.length > 0) details.push([{ text: `DUP objectives removed: ${dup.objectives.removed.join(', ')}` }]);
  return { change: dup.change, line: headline(dup.istat, dup.comune, ` (${dup.file})`), details };
}

function consultationItem(consultation: ConsultationChange): DiffItem {
  const votes = (n: number | undefined) => (n === undefined ? '–' : String(n));
  const details = consultation.votes.map((vote): RichText => [{ text: 'votes for ' }, { text: vote.objective, mark: 'id' }, { text: `: ${votes(vote.before)} → ${votes(vote.after)}` }]);
  return { change: consultation.change, line: headline(consultation.id, consultation.event), details };
}

function figureRow(label: string, pair: FigurePair): FigureRow {
  // '–': the mission does not exist on that side; n/a: it exists but has no data.
  const coverage = (figures: Figures | null) => (figures === null ? '–' : `${percent(figures.coverage)} (${figures.covered}/${figures.objectives})`);
  const progress = (figures: Figures | null) => (figures === null ? '–' : percent(figures.progress));
  return { label, coverage: [coverage(pair.before), coverage(pair.after)], progress: [progress(pair.before), progress(pair.after)] };
}
