import { dateWindow, indicatorBounds } from '../compute/data-round.js';
import type { FindingArgs } from '../findings/finding-args.js';
import type { FindingCode } from '../findings/finding-codes.js';
import { makeFinding, type Finding } from '../findings/finding.js';
import type { FormRow, FormTable, ReturnedForm } from '../load/spreadsheet/returned-form.js';
import type { SheetGrid } from '../load/spreadsheet/spreadsheet-file.js';
import { FIRST_DATE, LAST_DATE, startOfDay } from '../model/dates.js';
import { columnNumber, FACT_INPUTS, HEADER_ROW, INDICATOR_INPUTS, MILESTONE_INPUTS, type FactColumn, type FactKey, type IndicatorColumn, type MilestoneColumn } from '../model/form-layout.js';
import { PROJECT_STATUSES, type IndicatorData, type ProjectStatus } from '../model/plan-data.js';
import type { PlanModel, Project } from '../model/plan-model.js';

/** One change a returned form makes to a project file. */
export type FormEdit =
  /** A new actual, or (`replaces`, its position in the list) a new value for the actual of the same date. */
  | { kind: 'actual'; indicator: string; value: number; date: string; note?: string; replaces?: number }
  /** `position`: the milestone's place (from 1) in the project's list. */
  | { kind: 'milestone'; position: number; done: string }
  | { kind: 'status'; value: ProjectStatus }
  | { kind: 'end'; value: string }
  | { kind: 'funding'; index: number; amount: number };

/** What a returned form changes in one project. */
interface ProjectEdits {
  project: Project;
  edits: FormEdit[];
}

export interface FormCheck {
  /** Cell errors (nothing of the import may be written) and conflicts (warnings: those cells are left out). */
  findings: Finding[];
  /** The changes per project, in the order of the form's rows; projects the form changes nothing in are absent. */
  projects: ProjectEdits[];
}

export interface FormCheckContext {
  model: PlanModel;
  /** The projects whose files the form was made from, still in the plan: a row about any other is refused. */
  formProjects: ReadonlySet<string>;
  /** The form's project files that changed since it was made (their project ids): their values are checked for conflicts. */
  changedProjects: ReadonlySet<string>;
  /** The table sheets the form was sent with, when none of its project files changed since; else only each row's keys are checked. */
  expected: readonly SheetGrid[] | undefined;
  today: string;
  force: boolean;
}

/** The longest text an input cell takes (the form's validation says so too). */
const MAX_INPUT_TEXT = 1000;
/** The largest amount in euros the project schema takes. */
const MAX_AMOUNT = 1e15;
/** What joins a lead's source and note in an actual's note. */
const NOTE_SEPARATOR = ' — ';

/**
 * Check every filled cell of a returned form and turn the cells into changes: numbers, dates and
 * list values read and bounded as the form's validation says (the validation of a cell is no proof:
 * a pasted value skips it), read-only cells unchanged since the form was sent, every row about
 * something the plan still has. A value already in the file is no change (a form imported twice
 * changes nothing); one that would replace a value written to a changed file since the form was
 * made is a conflict, left out unless `force`.
 */
export function checkReturnedForm(form: ReturnedForm, context: FormCheckContext): FormCheck {
  const checker = new FormChecker(form, context);
  checker.checkReadOnly(form.indicators, INDICATOR_INPUTS);
  checker.checkReadOnly(form.milestones, MILESTONE_INPUTS);
  checker.checkReadOnly(form.facts, FACT_INPUTS);
  for (const row of form.indicators.rows) checker.indicatorRow(row);
  for (const row of form.milestones.rows) checker.milestoneRow(row);
  for (const row of form.facts.rows) checker.factRow(row);
  return { findings: checker.findings, projects: [...checker.edits.values()].filter((entry) => entry.edits.length > 0) };
}

class FormChecker {
  readonly findings: Finding[] = [];
  readonly edits = new Map<string, ProjectEdits>();
  private readonly projects: Map<string, Project>;
  /** The dates a measurement or a milestone reached may take: the form's window, and never after today. */
  private readonly window: { first: string; last: string };

  constructor(
    private readonly form: ReturnedForm,
    private readonly context: FormCheckContext,
  ) {
    this.projects = new Map(context.model.projects.map((project) => [project.id, project]));
    const window = dateWindow(context.model, form.metadata.asOf) ?? { first: form.metadata.asOf, last: form.metadata.asOf };
    this.window = { first: window.first, last: window.last < context.today ? window.last : context.today };
  }

  /** Every cell outside the input columns as the form was sent, when it is known (else each filled row is checked by its keys and unit, below). */
  checkReadOnly<Column extends string>(table: FormTable<Column>, inputs: readonly Column[]): void {
    const expected = this.context.expected?.find((grid) => grid.name === table.sheet);
    const readOnly = table.columns.map((column, index) => ({ column, index })).filter(({ column }) => !inputs.includes(column));
    if (expected) {
      const rows = Math.max(expected.rows.length, table.grid.rows.length);
      for (let index = 0; index < rows; index++) {
        for (const { column, index: at } of readOnly) {
          const want = expected.rows[index]?.[at] ?? '';
          const found = table.grid.rows[index]?.[at] ?? '';
          if (want !== found) this.report(table, 'FORM_EDITED_CELL', { expected: want, found }, index + 1, column);
        }
      }
    }
  }

  indicatorRow(row: FormRow<IndicatorColumn>): void {
    const { cells } = row;
    if (!cells.value && !cells.date && !cells.source && !cells.note) return;
    const table = this.form.indicators;
    const project = this.projectOf(table, row);
    const indicator = project?.indicators?.find((candidate) => candidate.id === cells.indicator);
    if (project && !indicator) this.report(table, 'FORM_UNKNOWN_ROW', { project: project.id, item: cells.indicator }, row.row, 'indicator');
    if (!indicator || !project) return;
    // Rows checked by their keys only: the unit tells a row moved onto another indicator.
    if (!this.context.expected && cells.unit !== indicator.unit) return this.report(table, 'FORM_EDITED_CELL', { expected: indicator.unit, found: cells.unit }, row.row, 'unit');
    if (!cells.value) return this.report(table, 'FORM_INCOMPLETE_ROW', { missing: this.header(table, 'value') }, row.row, 'value');
    if (!cells.date) return this.report(table, 'FORM_INCOMPLETE_ROW', { missing: this.header(table, 'date') }, row.row, 'date');
    const value = this.number(table, row, 'value', indicatorBounds(indicator), indicator.kind === 'percentage');
    const date = this.date(table, row, 'date', this.window);
    const source = this.text(table, row, 'source');
    const note = this.text(table, row, 'note');
    if (value === undefined || date === undefined || source === undefined || note === undefined) return;
    const text = [source, note].filter(Boolean).join(NOTE_SEPARATOR);
    const edit = this.actualEdit(table, row, project, indicator, { value, date, ...(text && { note: text }) });
    if (edit) this.add(project, edit);
  }

  milestoneRow(row: FormRow<MilestoneColumn>): void {
    const { cells } = row;
    if (!cells.newDone && !cells.doneDate && !cells.note) return;
    const table = this.form.milestones;
    const project = this.projectOf(table, row);
    const position = Number(cells.milestone);
    const milestone = project?.milestones?.[position - 1];
    if (project && !milestone) this.report(table, 'FORM_UNKNOWN_ROW', { project: project.id, item: cells.milestone }, row.row, 'milestone');
    if (!project || !milestone) return;
    const answers = this.form.metadata.answerLabels;
    if (cells.newDone && cells.newDone !== answers.yes && cells.newDone !== answers.no) {
      return this.report(table, 'FORM_UNKNOWN_CHOICE', { value: cells.newDone, choices: [answers.yes, answers.no] }, row.row, 'newDone');
    }
    if (this.text(table, row, 'note') === undefined) return;
    this.noteNotKept(table, row, project, `"${milestone.title}"`);
    // "no", or only a note: nothing to record.
    if (cells.newDone !== answers.yes) return;
    if (!cells.doneDate) return this.report(table, 'FORM_INCOMPLETE_ROW', { missing: this.header(table, 'doneDate') }, row.row, 'doneDate');
    const done = this.date(table, row, 'doneDate', this.window);
    if (done === undefined || milestone.done === done) return;
    if (this.conflicts(table, row, 'doneDate', project, milestone.done, cells.done || undefined, done)) return;
    this.add(project, { kind: 'milestone', position, done });
  }

  factRow(row: FormRow<FactColumn>): void {
    const { cells } = row;
    if (!cells.new && !cells.note) return;
    const table = this.form.facts;
    const project = this.projectOf(table, row);
    if (!project) return;
    const key = cells.fact as FactKey;
    const fundingIndex = /^funding\.(\d+)$/.exec(key)?.[1];
    const funding = fundingIndex === undefined ? undefined : project.funding?.[Number(fundingIndex)];
    if (key !== 'status' && key !== 'end' && !funding) return this.report(table, 'FORM_UNKNOWN_ROW', { project: project.id, item: key }, row.row, 'fact');
    if (this.text(table, row, 'note') === undefined) return;
    this.noteNotKept(table, row, project, key);
    if (!cells.new) return;
    if (key === 'status') {
      const labels = this.form.metadata.statusLabels;
      const status = PROJECT_STATUSES.find((candidate) => labels[candidate] === cells.new);
      if (!status) return this.report(table, 'FORM_UNKNOWN_CHOICE', { value: cells.new, choices: PROJECT_STATUSES.map((candidate) => labels[candidate]) }, row.row, 'new');
      if (status === project.status || this.conflicts(table, row, 'new', project, labels[project.status], cells.current, cells.new)) return;
      return this.add(project, { kind: 'status', value: status });
    }
    if (key === 'end') {
      const end = this.date(table, row, 'new', { first: project.period?.start ?? FIRST_DATE, last: LAST_DATE });
      if (end === undefined || end === project.period?.end || this.conflicts(table, row, 'new', project, project.period?.end, cells.current || undefined, end)) return;
      return this.add(project, { kind: 'end', value: end });
    }
    const amount = this.number(table, row, 'new', { min: 0, max: MAX_AMOUNT }, false);
    if (amount === undefined || amount === funding!.amount || this.conflicts(table, row, 'new', project, String(funding!.amount), cells.current, String(amount))) return;
    this.add(project, { kind: 'funding', index: Number(fundingIndex), amount });
  }

  /** The actual to add (or the same-date one to replace); undefined when the file has it already or it conflicts. */
  private actualEdit(table: FormTable<string>, row: FormRow<string>, project: Project, indicator: IndicatorData, actual: { value: number; date: string; note?: string }): FormEdit | undefined {
    const actuals = indicator.actuals ?? [];
    const sameDate = actuals.findIndex((candidate) => candidate.date === actual.date);
    const edit: FormEdit = { kind: 'actual', indicator: indicator.id, ...actual };
    if (sameDate >= 0) {
      const current = actuals[sameDate]!;
      if (current.value === actual.value) return undefined;
      if (this.conflicts(table, row, 'value', project, shownActual(current), row.cells['latestDate'] === current.date ? shownActual(current) : undefined, shownActual(actual))) return undefined;
      return { ...edit, replaces: sameDate };
    }
    // A value dated after the new one that the form did not show was written since: the new one would not be the latest the lead meant.
    const shownDate = row.cells['latestDate'] ?? '';
    const newer = actuals.filter((candidate) => candidate.date > actual.date && candidate.date > shownDate).sort((a, b) => b.date.localeCompare(a.date))[0];
    if (newer && this.conflicts(table, row, 'value', project, shownActual(newer), undefined, shownActual(actual))) return undefined;
    return edit;
  }

  /**
   * Whether the form's value must give way: the project file changed since the form was made and
   * holds a value other than the one the form showed. Reported as a conflict unless --force.
   */
  private conflicts(table: FormTable<string>, row: FormRow<string>, column: string, project: Project, current: string | undefined, shown: string | undefined, fromForm: string): boolean {
    if (!this.context.changedProjects.has(project.id) || current === shown || this.context.force) return false;
    this.report(table, 'FORM_CONFLICT', { current: current ?? '–', form: fromForm }, row.row, column);
    return true;
  }

  private projectOf(table: FormTable<string>, row: FormRow<string>): Project | undefined {
    const id = row.cells['project'] ?? '';
    const project = this.context.formProjects.has(id) ? this.projects.get(id) : undefined;
    if (!project) this.report(table, 'FORM_UNKNOWN_ROW', { project: id }, row.row, 'project');
    return project;
  }

  private number(table: FormTable<string>, row: FormRow<string>, column: string, bounds: { min: number; max: number | undefined }, percentage: boolean): number | undefined {
    const text = row.cells[column] ?? '';
    const value = parseNumber(text, percentage);
    if (value === undefined) return this.report(table, 'FORM_BAD_NUMBER', { value: text }, row.row, column);
    if (value < bounds.min || (bounds.max !== undefined && value > bounds.max)) {
      return this.report(table, 'FORM_OUT_OF_BOUNDS', { value, min: bounds.min, ...(bounds.max !== undefined && { max: bounds.max }) }, row.row, column);
    }
    return value;
  }

  private date(table: FormTable<string>, row: FormRow<string>, column: string, window: { first: string; last: string }): string | undefined {
    const text = row.cells[column] ?? '';
    const date = parseDate(text);
    if (date === undefined || date < window.first || date > window.last) return this.report(table, 'FORM_BAD_DATE', { value: text, ...window }, row.row, column);
    return date;
  }

  /** The text of a source or note cell, or undefined (reported) when longer than a cell takes. */
  private text(table: FormTable<string>, row: FormRow<string>, column: string): string | undefined {
    const text = row.cells[column] ?? '';
    if (text.length > MAX_INPUT_TEXT) return this.report(table, 'FORM_OUT_OF_BOUNDS', { value: text.length, min: 0, max: MAX_INPUT_TEXT }, row.row, column);
    return text;
  }

  /** A note on a row whose values have no note in the project file (a milestone, a fact) is said to be left out, not dropped in silence. */
  private noteNotKept(table: FormTable<string>, row: FormRow<string>, project: Project, item: string): void {
    if (row.cells.note) this.report(table, 'FORM_NOTE_NOT_KEPT', { project: project.id, item }, row.row, 'note');
  }

  private header(table: FormTable<string>, column: string): string {
    return table.grid.rows[HEADER_ROW - 1]?.[columnNumber(table.columns, column) - 1] || column;
  }

  private add(project: Project, edit: FormEdit): void {
    const entry = this.edits.get(project.id) ?? { project, edits: [] };
    entry.edits.push(edit);
    this.edits.set(project.id, entry);
  }

  /** Report a finding at a cell; returns undefined, for `return this.report(…)`. */
  private report<C extends FindingCode>(table: FormTable<string>, code: C, args: FindingArgs[C], row: number, column: string): undefined {
    const at = columnNumber(table.columns, column);
    this.findings.push(makeFinding(code, args, { file: this.form.file, sheet: table.sheet, line: row, column: at, endLine: row, endColumn: at, path: column }));
    return undefined;
  }
}

/** An actual as a conflict shows it: `80 (2026-06-30)`. */
function shownActual(actual: { value: number; date: string }): string {
  return `${actual.value} (${actual.date})`;
}

/**
 * A number cell's value: a number cell gives its digits; text typed in a cell formatted as text is
 * read with a decimal point or an Italian decimal comma (thousands with dots), and `%` divides by 100.
 */
export function parseNumber(text: string, percentage: boolean): number | undefined {
  let digits = text.replace(/\s/g, '');
  const percent = percentage && digits.endsWith('%');
  if (percent) digits = digits.slice(0, -1);
  let value: number | undefined;
  if (/^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(digits)) value = Number(digits);
  else if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(digits) || /^[-+]?\d+,\d+$/.test(digits)) value = Number(digits.replaceAll('.', '').replace(',', '.'));
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return percent ? value / 100 : value;
}

/** A date cell's value as an ISO date: a date cell gives its ISO form; text typed as dd/mm/yyyy or yyyy-mm-dd is read too. Undefined for no calendar date. */
export function parseDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00)?$/.exec(text);
  const italian = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1]!, iso[2]!, iso[3]!] : italian ? [italian[3]!, italian[2]!.padStart(2, '0'), italian[1]!.padStart(2, '0')] : [];
  if (year === undefined) return undefined;
  const date = `${year}-${month}-${day}`;
  const instant = startOfDay(date);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().startsWith(date) ? date : undefined;
}
