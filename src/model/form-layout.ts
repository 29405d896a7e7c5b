/**
 * The layout of a data-round form, the contract between `psttm collect forms`, which writes one per
 * lead, and `psttm collect import`, which reads the returned ones back: which sheets it has, the
 * columns of each, where the data starts, and the hidden sheet of metadata. Sheet names and headers
 * are in the form's language; the metadata records the names used, so a reader needs no labels.
 */
import { PROJECT_STATUSES, type ProjectStatus } from './plan-data.js';

/** Raised when the layout changes in a way an older reader would misread. */
export const FORM_FORMAT_VERSION = 1;

export const FORM_SHEETS = ['instructions', 'indicators', 'milestones', 'facts', 'metadata'] as const;
export type FormSheet = (typeof FORM_SHEETS)[number];

/** Every table sheet has its header on row 1 and one record per row below it. */
export const HEADER_ROW = 1;
export const FIRST_DATA_ROW = 2;

/** Indicators sheet: the indicator as the plan has it (read-only), then the new measurement. */
export const INDICATOR_COLUMNS = ['project', 'projectTitle', 'indicator', 'indicatorName', 'unit', 'direction', 'baseline', 'baselineDate', 'targets', 'latest', 'latestDate', 'latestSource', 'value', 'date', 'source', 'note'] as const;
export const INDICATOR_INPUTS = ['value', 'date', 'source', 'note'] as const satisfies readonly IndicatorColumn[];
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

/** Milestones sheet: `milestone` is the milestone's position (from 1) in its project's list. */
export const MILESTONE_COLUMNS = ['project', 'projectTitle', 'milestone', 'title', 'due', 'done', 'newDone', 'doneDate', 'note'] as const;
export const MILESTONE_INPUTS = ['newDone', 'doneDate', 'note'] as const satisfies readonly MilestoneColumn[];
export type MilestoneColumn = (typeof MILESTONE_COLUMNS)[number];

/** Facts sheet: one row per fact that changes; `fact` is its key (see `factKey`), `label` what the reader sees. */
export const FACT_COLUMNS = ['project', 'projectTitle', 'fact', 'label', 'current', 'new', 'note'] as const;
export const FACT_INPUTS = ['new', 'note'] as const satisfies readonly FactColumn[];
export type FactColumn = (typeof FACT_COLUMNS)[number];

/** A fact of a project a form asks about: its status, its end date, or the amount of one entry of its funding (by position from 0). */
export type FactKey = 'status' | 'end' | `funding.${number}`;

export function factKey(fact: { kind: 'status' } | { kind: 'end' } | { kind: 'funding'; index: number }): FactKey {
  return fact.kind === 'funding' ? `funding.${fact.index}` : fact.kind;
}

/** The 1-based column number of `key` in a sheet's columns. */
export function columnNumber<Key extends string>(columns: readonly Key[], key: Key): number {
  return columns.indexOf(key) + 1;
}

/** The answers of a yes/no list cell, as data. */
const ANSWERS = ['yes', 'no'] as const;
type Answer = (typeof ANSWERS)[number];

/** What the hidden sheet records about a form. */
export interface FormMetadata {
  /** Stable hash of the lead, the as-of date and the file hashes: the same plan and date give the same id. */
  formId: string;
  formatVersion: number;
  psttmVersion: string;
  planId: string;
  lead: string;
  asOf: string;
  due: string;
  language: string;
  /** The name of each sheet in the form's language. */
  sheets: Record<FormSheet, string>;
  /** The plan revision the form was made from: SHA-256 (hex) of each file its rows come from, by path from the plan folder. */
  files: { path: string; sha256: string }[];
  /** The words of the status list, so that a reader maps them back without the labels of the form's language. */
  statusLabels: Record<ProjectStatus, string>;
  answerLabels: Record<Answer, string>;
}

/** The key of the metadata sheet's first row: a reader finds the sheet by it, whatever the sheet is called. */
export const METADATA_FIRST_KEY = 'form_id';

/** One row of the metadata sheet: a key and up to two values. */
export type MetadataRow = readonly [key: string, value: string, detail?: string];

/** The metadata as rows of the hidden sheet: scalars first, then one row per sheet, file, status and answer. */
export function metadataRows(metadata: FormMetadata): MetadataRow[] {
  return [
    [METADATA_FIRST_KEY, metadata.formId],
    ['format_version', String(metadata.formatVersion)],
    ['psttm_version', metadata.psttmVersion],
    ['plan_id', metadata.planId],
    ['lead', metadata.lead],
    ['as_of', metadata.asOf],
    ['due', metadata.due],
    ['language', metadata.language],
    ...FORM_SHEETS.map((sheet): MetadataRow => ['sheet', sheet, metadata.sheets[sheet]]),
    ...metadata.files.map((file): MetadataRow => ['file', file.path, file.sha256]),
    ...PROJECT_STATUSES.map((status): MetadataRow => ['status', status, metadata.statusLabels[status]]),
    ...ANSWERS.map((answer): MetadataRow => ['answer', answer, metadata.answerLabels[answer]]),
  ];
}

/** The metadata back from the rows of the hidden sheet, or the first key missing or malformed. */
export function readMetadataRows(rows: readonly MetadataRow[]): { metadata: FormMetadata } | { problem: string } {
  const scalars = new Map<string, string>();
  const pairs = new Map<string, Map<string, string>>();
  for (const [key, value, detail] of rows) {
    if (detail === undefined) scalars.set(key, value);
    else pairs.set(key, (pairs.get(key) ?? new Map<string, string>()).set(value, detail));
  }
  const scalar = (key: string) => scalars.get(key) ?? '';
  const formatVersion = Number(scalar('format_version'));
  if (formatVersion !== FORM_FORMAT_VERSION) return { problem: `format_version ${scalar('format_version') || 'missing'} (expected ${FORM_FORMAT_VERSION})` };
  for (const key of ['form_id', 'psttm_version', 'plan_id', 'lead', 'as_of', 'due', 'language']) if (scalar(key) === '') return { problem: `${key} missing` };
  const named = <Key extends string>(kind: string, keys: readonly Key[]): Record<Key, string> | undefined => {
    const values = pairs.get(kind);
    return keys.every((key) => values?.has(key)) ? (Object.fromEntries(keys.map((key) => [key, values!.get(key)!])) as Record<Key, string>) : undefined;
  };
  const sheets = named('sheet', FORM_SHEETS);
  const statusLabels = named('status', PROJECT_STATUSES);
  const answerLabels = named('answer', ANSWERS);
  if (!sheets) return { problem: 'sheet names missing' };
  if (!statusLabels) return { problem: 'status labels missing' };
  if (!answerLabels) return { problem: 'answer labels missing' };
  const files = [...(pairs.get('file') ?? new Map<string, string>())].map(([path, sha256]) => ({ path, sha256 }));
  return {
    metadata: {
      formId: scalar('form_id'),
      formatVersion,
      psttmVersion: scalar('psttm_version'),
      planId: scalar('plan_id'),
      lead: scalar('lead'),
      asOf: scalar('as_of'),
      due: scalar('due'),
      language: scalar('language'),
      sheets,
      files,
      statusLabels,
      answerLabels,
    },
  };
}

/** The first characters of a form's id that name it in a project's `sources`: enough to tell forms apart. */
const FORM_SOURCE_ID_LENGTH = 12;
const FORM_SOURCE_PREFIX = 'modulo-';

/**
 * The id of the `sources` entry that credits the figures a returned form brought into a project file:
 * `collect import` adds it, and every actual from the form cites it; `collect status` counts the forms
 * returned and the values received by it.
 */
export function formSourceId(formId: string): string {
  return `${FORM_SOURCE_PREFIX}${formId.slice(0, FORM_SOURCE_ID_LENGTH)}`;
}

/** Whether a project's source entry is one that a returned form added. */
export function isFormSourceId(sourceId: string): boolean {
  return sourceId.startsWith(FORM_SOURCE_PREFIX) && sourceId.length === FORM_SOURCE_PREFIX.length + FORM_SOURCE_ID_LENGTH;
}
