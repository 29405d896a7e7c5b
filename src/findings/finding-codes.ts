export type Severity = 'error' | 'warning' | 'info';

interface CodeInfo {
  severity: Severity;
  /** One sentence, shown in SARIF rule metadata and the README's table of codes. */
  summary: string;
}

/** Every finding code psttm can emit. Codes are stable: tests and CI configurations rely on them. */
export const FINDING_CODES = {
  FILE_BINARY: { severity: 'error', summary: 'The file contains NUL bytes: it is not a YAML text file.' },
  FILE_NOT_UTF8: { severity: 'error', summary: 'The file is not valid UTF-8 text.' },
  FILE_NOT_REGULAR: { severity: 'error', summary: 'The file is not a regular file (a named pipe, a device, a folder, a socket, or a link to one) and is not read.' },
  FILE_TOO_LARGE: { severity: 'error', summary: 'The file is larger than 1 MiB, the limit for a plan file, and is not read.' },
  YAML_SYNTAX: { severity: 'error', summary: 'The file is not well-formed YAML.' },
  YAML_DUPLICATE_KEY: { severity: 'error', summary: 'A mapping has the same key twice.' },
  YAML_ALIAS_LIMIT: { severity: 'error', summary: 'The file expands too many YAML aliases (a resource exhaustion guard).' },
  YAML_EXPANSION_LIMIT: { severity: 'error', summary: 'The aliases expand the file to more than 10 times its size (at least 1 MiB allowed), or without end.' },
  YAML_NESTING_LIMIT: { severity: 'error', summary: 'Values nest more than 64 levels deep, directly or through aliases.' },
  YAML_UNRESOLVED_ALIAS: { severity: 'error', summary: 'A YAML alias refers to an anchor that does not exist.' },
  YAML_UNSUPPORTED_TAG: { severity: 'error', summary: 'A value has a YAML tag psttm does not read (such as !!timestamp, !!set or !foo).' },
  SCHEMA_MISSING_PROPERTY: { severity: 'error', summary: 'A required property is missing.' },
  SCHEMA_UNKNOWN_PROPERTY: { severity: 'error', summary: 'A property is not defined by the schema (often a typo).' },
  SCHEMA_WRONG_TYPE: { severity: 'error', summary: 'A value has the wrong type.' },
  SCHEMA_INVALID_VALUE: { severity: 'error', summary: 'A value is not one of the allowed values, or out of range.' },
  SCHEMA_INVALID_FORMAT: { severity: 'error', summary: 'A value does not have the required format.' },
  SCHEMA_VIOLATION: { severity: 'error', summary: 'A value breaks another constraint of the schema.' },
  SCHEMA_ERROR_LIMIT: { severity: 'error', summary: 'The file has more than 100 schema errors: the first 100 are listed, the rest counted.' },
  NO_MISSIONS: { severity: 'error', summary: 'The plan has no mission files.' },
  DUPLICATE_ID: { severity: 'error', summary: 'Two items of the same kind share an id.' },
  NUMBERING_GAP: { severity: 'error', summary: 'Numbering skips a number (a mission or an objective is missing).' },
  NUMBERING_ORDER: { severity: 'error', summary: 'Items are not in the order of their numbers.' },
  OBJECTIVE_MISSION_MISMATCH: { severity: 'error', summary: "An objective's id names another mission than the file it is in." },
  MISSION_FILE_NAME: { severity: 'error', summary: "A mission file's name does not start with its mission id (m<N>-<slug>.yaml)." },
  UNKNOWN_ACTOR_COLUMN: { severity: 'error', summary: 'An actor column is not one of those declared in plan.yaml.' },
  MISSING_ACTOR_COLUMN: { severity: 'error', summary: 'An objective does not say whether an actor column applies.' },
  NO_ACTOR_MARKED: { severity: 'warning', summary: 'An objective marks no actor column.' },
  OBJECTIVES_STATUS_MISMATCH: { severity: 'error', summary: 'objectives_status disagrees with the objectives listed.' },
  OBJECTIVES_NOT_TRANSCRIBED: { severity: 'info', summary: "A mission's objectives are not transcribed because the source lacks them." },
  PERIOD_ORDER: { severity: 'error', summary: 'A period ends before it starts.' },
  THRESHOLD_ORDER: { severity: 'error', summary: 'The at-risk threshold is not below the on-track threshold.' },
  PROJECT_FILE_NAME: { severity: 'error', summary: "A project's id differs from its file name." },
  UNKNOWN_OBJECTIVE: { severity: 'error', summary: 'A project links to an objective the plan does not have.' },
  MISSION_WITHOUT_OBJECTIVES: { severity: 'warning', summary: 'A project links to a mission whose objectives are not transcribed.' },
  LEAD_KIND_NOT_EXPECTED: { severity: 'warning', summary: "The project lead's kind is not an actor column the linked objective marks." },
  LEAD_NOT_STATED: { severity: 'info', summary: 'A project names no lead because its source names none: it credits no actor column.' },
  WEIGHT_SUM: { severity: 'error', summary: 'Link weights are given for some links only, or do not sum to 1.' },
  UNKNOWN_ISTAT_CODE: { severity: 'error', summary: 'An ISTAT code is not one of the comuni of the metropolitan city.' },
  UNKNOWN_ZONE: { severity: 'error', summary: 'A zona omogenea is not one of the metropolitan city.' },
  COMUNE_WITHOUT_ISTAT: { severity: 'error', summary: 'An actor of kind comune has no ISTAT code.' },
  TERRITORY_MISMATCH: { severity: 'error', summary: "The territory's scope and its list of zones or comuni disagree." },
  INVALID_CUP: { severity: 'error', summary: 'A CUP does not have the form of a Codice Unico di Progetto (letter, 2 digits, letter, 11 digits).' },
  UNKNOWN_SOURCE: { severity: 'error', summary: "A figure cites a source id that the project's sources do not list." },
  ACTUAL_BEFORE_BASELINE: { severity: 'error', summary: "An actual value is dated before its indicator's baseline." },
  ACTUAL_IN_FUTURE: { severity: 'error', summary: 'An actual value is dated after today.' },
  TARGET_BEFORE_BASELINE: { severity: 'error', summary: "A target is dated on or before its indicator's baseline." },
  INDICATOR_WITHOUT_TARGET: { severity: 'info', summary: 'A quantitative indicator has no target: its progress cannot be computed.' },
  VOTES_EXCEED_PARTICIPANTS: { severity: 'error', summary: 'A consultation counts more votes than its participants could cast (max_choices each).' },
  CONSULTATION_WITHOUT_RESULTS: { severity: 'info', summary: 'A consultation is recorded but its source gives no results, so it ranks no objective.' },
  PROJECT_STALE: { severity: 'warning', summary: 'A project has not been updated for longer than plan.yaml allows.' },
} as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;
