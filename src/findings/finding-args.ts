import type { FileKind } from '../io/bounded-read.js';
import type { LeadKind } from '../model/plan-data.js';

/**
 * Where a schema finding points, readable: `objectives[3].title` (empty for the whole document).
 * Messages start with it, as the path segments alone would not say which list item is meant.
 */
interface At {
  at: string;
}

/** A schema property's description, quoted after the message when the schema gives one. */
interface Hint {
  hint?: string;
}

/** A value as YAML writes it (`"text"`, `12`, `.nan`). */
type ValueText = string;

/** A JSON Schema type name, as ajv gives it: string, number, integer, boolean, array, object, null. */
type SchemaType = string;

/** What a value is, for "must be a number, not …". */
export type ActualType = 'null' | 'array' | 'object' | 'number' | 'boolean' | 'string' | 'other';

/**
 * The data each finding code carries, from which its message is rendered in the reader's language.
 * Codes with several situations say which with `case`. Every value is plain JSON (the JSON format
 * prints it as `args`).
 */
export interface FindingArgs {
  FILE_BINARY: Record<string, never>;
  FILE_NOT_UTF8: Record<string, never>;
  /** `kind`: what stands where the file should be (never `regular`). */
  FILE_NOT_REGULAR: { kind: FileKind };
  /** `limit` in bytes. */
  FILE_TOO_LARGE: { limit: number };
  /** `detail`: the yaml library's own words, in English. */
  YAML_SYNTAX: { detail: string };
  YAML_DUPLICATE_KEY: { detail: string };
  YAML_ALIAS_LIMIT: { limit: number };
  YAML_EXPANSION_LIMIT: { case: 'cycle' } | { case: 'size'; limit: number };
  YAML_NESTING_LIMIT: { case: 'values' | 'alias'; limit: number };
  YAML_UNRESOLVED_ALIAS: { detail: string };
  YAML_UNSUPPORTED_TAG: { tag: string };
  SCHEMA_MISSING_PROPERTY: At & { property: string };
  SCHEMA_UNKNOWN_PROPERTY: At & { property: string; suggestion?: string; allowed: readonly string[] };
  SCHEMA_WRONG_TYPE: At & { expected: readonly SchemaType[]; actual: ActualType; value: ValueText };
  SCHEMA_INVALID_VALUE:
    | (At & { case: 'enum'; value: ValueText; allowed: readonly string[] })
    | (At & Hint & { case: 'const'; value: ValueText; required: ValueText })
    | (At & Hint & { case: 'range'; value: ValueText; comparison: string; limit: number });
  SCHEMA_INVALID_FORMAT: At & Hint & { value: ValueText; keyword: 'pattern' | 'format'; expected: string };
  SCHEMA_VIOLATION:
    | (At & Hint & { case: 'min-length' | 'min-items'; limit: number })
    | (At & Hint & { case: 'forbidden' })
    /** `detail`: ajv's own words, in English, for a constraint psttm's schemas do not use today. */
    | (At & Hint & { case: 'other'; detail: string });
  SCHEMA_ERROR_LIMIT: { unlisted: number; listed: number };
  NO_MISSIONS: Record<string, never>;
  /** `where`: `file:line` of the first definition. */
  DUPLICATE_ID:
    | { case: 'objective' | 'numbered'; id: string; where: string }
    | { case: 'project'; project: string; where: string }
    | { case: 'plan-list'; list: string; id: string }
    | { case: 'indicator'; indicator: string; project: string }
    | { case: 'link'; project: string; objective: string }
    | { case: 'vote'; objective: string };
  /** `missingTo` only when more than one is missing. */
  NUMBERING_GAP: { id: string; previous?: string; missingFrom: string; missingTo?: string };
  NUMBERING_ORDER: { id: string; previous: string };
  OBJECTIVE_MISSION_MISMATCH: { objective: string; mission: string };
  /** `first`: the objective that supersedes it first. */
  SUPERSEDED_TWICE: { objective: string; former: string; first: string };
  MISSION_FILE_NAME: { name: string; mission: string; prefix: string };
  /** `objective` for a column of an objective, not of a direction; `columns` are listed when nothing is close. */
  UNKNOWN_ACTOR_COLUMN: { objective?: string; name: string; suggestion?: string; columns: readonly string[] };
  MISSING_ACTOR_COLUMN: { objective: string; columns: readonly string[] };
  NO_ACTOR_MARKED: { objective: string };
  OBJECTIVES_STATUS_MISMATCH: { case: 'listed'; mission: string; count: number } | { case: 'none'; mission: string };
  OBJECTIVES_NOT_TRANSCRIBED: { mission: string; title: string };
  PERIOD_ORDER: { start: string | number; end: string | number };
  THRESHOLD_ORDER: { atRisk: number; onTrack: number };
  PROJECT_FILE_NAME: { id: string; stem: string };
  UNKNOWN_OBJECTIVE: { objective: string; suggestion?: string };
  /** `code`: the DUP objective's code, for a DUP link. */
  LINK_TO_SUPERSEDED: { code?: string; objective: string; current: string };
  MISSION_WITHOUT_OBJECTIVES: { objective: string; mission: string; title: string };
  /** `marked` and `columns`: labels of actor columns, as plan.yaml writes them. */
  LEAD_KIND_NOT_EXPECTED: { objective: string; marked: readonly string[]; columns: readonly string[]; leadKind: LeadKind; project: string };
  LEAD_NOT_STATED: { project: string };
  WEIGHT_SUM: { case: 'partial'; given: number; links: number } | { case: 'sum'; sum: number };
  /** `match`: the comune of that name, when the actor's name is one. */
  UNKNOWN_ISTAT_CODE: { code: string; match?: { name: string; istat: string } };
  /** `zones` are listed when nothing is close (territories only). */
  UNKNOWN_ZONE: { zone: string; suggestion?: string; zones?: readonly string[] };
  COMUNE_WITHOUT_ISTAT: { name: string; istat?: string };
  TERRITORY_MISMATCH: { case: 'empty'; scope: string } | { case: 'extra'; scope: string; extra: 'zones' | 'comuni' };
  INVALID_CUP: { cup: string };
  UNKNOWN_SOURCE: { source: string; sources: readonly string[] };
  ACTUAL_BEFORE_BASELINE: { indicator: string; date: string; baseline: string };
  ACTUAL_IN_FUTURE: { indicator: string; date: string; today: string };
  TARGET_BEFORE_BASELINE: { indicator: string; date: string; baseline: string };
  INDICATOR_BOUNDS: { case: 'order'; indicator: string; min: number; max: number } | { case: 'value'; indicator: string; value: number; min?: number; max?: number };
  INDICATOR_WITHOUT_TARGET: { indicator: string };
  VOTES_EXCEED_PARTICIPANTS: { votes: number; participants: number; maxChoices: number; possible: number };
  CONSULTATION_WITHOUT_RESULTS: { consultation: string };
  PROJECT_STALE: { updated: string; months: number; limit: number };
  DUP_FILE_NAME: { name: string; istat: string };
  DUP_UNKNOWN_COMUNE: { istat: string; match?: { name: string; istat: string } };
  DUP_COMUNE_MISMATCH: { istat: string; name: string; expected: string };
  DUP_COMUNE_TWICE: { istat: string; name: string; where: string };
  DUP_DUPLICATE_CODE: { code: string; where: string };
  DUP_PARENT_MISSING: { code: string; parent: string };
  DUP_PARENT_NOT_STRATEGIC: { case: 'operational-parent' | 'strategic-child'; code: string; parent: string };
  DUP_UNKNOWN_MISSIONE: { code: string; missione: string };
  DUP_PROGRAMMA_OUTSIDE_MISSIONE: { code: string; programma: string; missione: string };
  DUP_UNKNOWN_OBJECTIVE: { code: string; objective: string; suggestion?: string };
  DUP_MISSION_WITHOUT_OBJECTIVES: { code: string; objective: string; mission: string; title: string };
  DUP_DUPLICATE_LINK: { case: 'linked-twice' | 'linked-and-rejected'; code: string; objective: string };
  SHEET_BAD_CODE: { case: 'unreadable' | 'no-missione'; column: 'missione' | 'programma'; value: string };
  SHEET_UNKNOWN_MISSIONE: { missione: string };
  SHEET_PROGRAMMA_OUTSIDE_MISSIONE: { programma: string; missione: string };
  SHEET_DUPLICATE_CODE: { code: string; firstRow: number };
  SHEET_NO_TITLE: { columns: readonly string[] };
  SHEET_BAD_LEVEL: { value: string };
  FORM_BAD_NUMBER: { value: string };
  FORM_OUT_OF_BOUNDS: { value: number; min: number; max?: number };
  FORM_BAD_DATE: { value: string; first: string; last: string };
  FORM_UNKNOWN_CHOICE: { value: string; choices: readonly string[] };
  /** `missing`: the header of the cell to fill in. */
  FORM_INCOMPLETE_ROW: { missing: string };
  FORM_EDITED_CELL: { expected: string; found: string };
  /** `item`: the indicator id, milestone number or fact key the project no longer has; absent when the project itself is gone. */
  FORM_UNKNOWN_ROW: { project: string; item?: string };
  FORM_CONFLICT: { current: string; form: string };
  FORM_NOTE_NOT_KEPT: { project: string; item: string };
  /** `code`: the DUP objective's code, for a DUP link; `renumbered`: the objective now bearing the removed one's title. */
  DANGLING_LINK: { code?: string; objective: string; renumbered?: string };
}

