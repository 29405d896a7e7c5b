import { describeRefusal } from '../../../io/bounded-read.js';
import { localeFormat } from '../../format.js';
import { LABELS } from '../../labels.js';
import { atPath, withHint, wrongTypeText, type FindingMessages, type TypeWords } from './message-parts.js';

const TYPE_WORDS: TypeWords = {
  expected: { string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping', null: 'empty' },
  actual: {
    null: () => 'empty (null)',
    array: () => 'a list',
    object: () => 'a mapping',
    number: (value) => `a number (${value})`,
    boolean: (value) => `${value} (a boolean)`,
    string: () => 'a string',
    other: () => 'another kind of value',
  },
  or: ' or ',
  finiteNumber: 'a finite number',
  mustBe: (wanted, actual) => `must be ${wanted}, not ${actual}`,
  quoteHint: (value) => `; put it in quotes to keep ${value} as a string`,
};

const FORMAT = localeFormat(LABELS.en.locale);

/** Finding messages in English. */
export const EN: FindingMessages = {
  FILE_BINARY: () => 'the file contains NUL bytes; save it as a UTF-8 YAML text file',
  FILE_NOT_UTF8: () => 'the file is not valid UTF-8; save it with UTF-8 encoding',
  FILE_NOT_REGULAR: ({ kind }) => `the file ${describeRefusal({ reason: 'not-regular', kind })}`,
  FILE_TOO_LARGE: ({ limit }) => `the file ${describeRefusal({ reason: 'too-large', limit })}`,
  YAML_SYNTAX: ({ detail }) => detail,
  YAML_DUPLICATE_KEY: ({ detail }) => detail,
  YAML_ALIAS_LIMIT: ({ limit }) => `the file expands more than ${limit} aliases; write the data out instead of nesting aliases`,
  YAML_EXPANSION_LIMIT: (args) =>
    args.case === 'cycle'
      ? 'this alias is inside the value its anchor names, so it would expand without end; remove it'
      : `the aliases expand the file past ${FORMAT.number(args.limit)} characters (10 times its size, at least 1 MiB); write the data out instead of repeating large anchors`,
  YAML_NESTING_LIMIT: ({ case: where, limit }) =>
    where === 'alias' ? `this alias nests its anchor's values more than ${limit} levels deep; flatten the data` : `the values nest more than ${limit} levels deep; flatten the data`,
  YAML_UNRESOLVED_ALIAS: ({ detail }) => detail,
  YAML_UNSUPPORTED_TAG: ({ tag }) => `psttm does not read the YAML tag ${tag}; remove it and write the value plainly (a date as 2025-12-31, a list as [a, b]), in quotes if it must stay text`,
  SCHEMA_MISSING_PROPERTY: ({ at, property }) => atPath(at, `missing required property "${property}"`),
  SCHEMA_UNKNOWN_PROPERTY: ({ at, property, suggestion, allowed }) =>
    atPath(at, `unknown property "${property}"${suggestion ? `; did you mean "${suggestion}"?` : allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}`),
  SCHEMA_WRONG_TYPE: (args) => atPath(args.at, wrongTypeText(args, TYPE_WORDS)),
  SCHEMA_INVALID_VALUE: (args) => {
    if (args.case === 'enum') return atPath(args.at, `${args.value} is not allowed; use one of: ${args.allowed.join(', ')}`);
    if (args.case === 'const') return atPath(args.at, withHint(`${args.value} is not allowed; it must be ${args.required}`, args.hint));
    return atPath(args.at, withHint(`${args.value}: must be ${args.comparison} ${args.limit}`, args.hint));
  },
  SCHEMA_INVALID_FORMAT: ({ at, value, hint, keyword, expected }) => atPath(at, hint === undefined ? `${value} is not valid: must match ${keyword} "${expected}"` : withHint(`${value} is not valid`, hint)),
  SCHEMA_VIOLATION: (args) => {
    switch (args.case) {
      case 'min-length':
        return atPath(args.at, withHint(args.limit === 1 ? 'must not be empty' : `must have at least ${args.limit} characters`, args.hint));
      case 'min-items':
        return atPath(args.at, withHint(args.limit === 1 ? 'must list at least one item' : `must list at least ${args.limit} items`, args.hint));
      case 'forbidden':
        return atPath(args.at, withHint('must not be given here', args.hint));
      case 'other':
        return atPath(args.at, withHint(args.detail, args.hint));
    }
  },
  SCHEMA_ERROR_LIMIT: ({ unlisted, listed }) => `${unlisted} more schema errors from here on are not listed; fix the first ${listed} and validate again`,
  NO_MISSIONS: () => 'the plan has no mission files; add plan/missions/m1-<slug>.yaml and the others',
  DUPLICATE_ID: (args) => {
    switch (args.case) {
      case 'objective':
        return `objective ${args.id} is already defined at ${args.where}`;
      case 'numbered':
        return `${args.id} is already defined at ${args.where}`;
      case 'project':
        return `project ${args.project} is already defined in ${args.where}`;
      case 'plan-list':
        return `${args.list}: id "${args.id}" is used twice`;
      case 'indicator':
        return `indicator ${args.indicator} is defined twice in ${args.project}`;
      case 'link':
        return `${args.project} links to ${args.objective} twice`;
      case 'vote':
        return `${args.objective} is counted twice; add its votes into one entry`;
    }
  },
  NUMBERING_GAP: ({ id, previous, missingFrom, missingTo }) =>
    `${id} ${previous ? `follows ${previous}` : 'comes first'}: ${missingTo ? `${missingFrom} to ${missingTo}` : missingFrom} is missing`,
  NUMBERING_ORDER: ({ id, previous }) => `${id} comes after ${previous}; keep items in the order of their numbers`,
  OBJECTIVE_MISSION_MISMATCH: ({ objective, mission }) => `objective ${objective} is in mission ${mission}; number it ${mission}.<n> or move it to its mission's file`,
  SUPERSEDED_TWICE: ({ objective, former, first }) => `${objective} supersedes ${former}, which ${first} already supersedes; links to ${former} can count for one objective only`,
  MISSION_FILE_NAME: ({ name, mission, prefix }) => `file name "${name}" does not match mission ${mission}; rename it ${prefix}<slug>.yaml`,
  UNKNOWN_ACTOR_COLUMN: ({ objective, name, suggestion, columns }) =>
    `${objective ? `${objective}: ` : ''}"${name}" is not an actor column of plan.yaml${suggestion ? `; did you mean "${suggestion}"?` : `; use one of: ${columns.join(', ')}`}`,
  MISSING_ACTOR_COLUMN: ({ objective, columns }) => `${objective}: say whether ${columns.join(', ')} applies (true or false)`,
  NO_ACTOR_MARKED: ({ objective }) => `${objective} marks no actor column; the plan marks at least one for every objective`,
  OBJECTIVES_STATUS_MISMATCH: (args) =>
    args.case === 'listed'
      ? `${args.mission} lists ${args.count} objectives but says they are not transcribed; set objectives_status: transcribed`
      : `${args.mission} says its objectives are transcribed but lists none; add them or set objectives_status: not_transcribed`,
  OBJECTIVES_NOT_TRANSCRIBED: ({ mission, title }) => `${mission} "${title}": the source lacks this mission's objectives table, so it has no objectives yet`,
  PERIOD_ORDER: ({ start, end }) => `the period ends (${end}) before it starts (${start})`,
  THRESHOLD_ORDER: ({ atRisk, onTrack }) => `at_risk_ratio (${atRisk}) must be below on_track_ratio (${onTrack})`,
  PROJECT_FILE_NAME: ({ id, stem }) => `id "${id}" differs from the file name "${stem}"; rename the file ${id}.yaml or change the id`,
  UNKNOWN_OBJECTIVE: ({ objective, suggestion }) => `${objective} is not an objective of the plan${suggestion ? `; did you mean ${suggestion}?` : ''}`,
  LINK_TO_SUPERSEDED: ({ code, objective, current }) => `${code ? `${code}: ` : ''}${objective} is now ${current} (it supersedes ${objective}); link ${current} instead`,
  MISSION_WITHOUT_OBJECTIVES: ({ objective, mission, title }) => `${objective}: mission ${mission} "${title}" has no objectives yet (the source lacks them), so this link counts nowhere`,
  LEAD_KIND_NOT_EXPECTED: ({ objective, marked, columns, leadKind, project }) => `${objective} is marked for ${marked.join(', ')}, not for ${columns.join(', ')}, yet a ${leadKind} leads ${project}`,
  LEAD_NOT_STATED: ({ project }) => `${project} names no lead, so it credits no actor column of the objectives it serves; add lead when the source names one`,
  WEIGHT_SUM: (args) =>
    args.case === 'partial' ? `${args.given} of ${args.links} links have a weight; give a weight to every link or to none` : `link weights sum to ${args.sum}; make them sum to 1`,
  UNKNOWN_ISTAT_CODE: ({ code, match }) => `${code} is not the ISTAT code of a comune of the metropolitan city${match ? `; ${match.name} is ${match.istat}` : ''}`,
  UNKNOWN_ZONE: ({ zone, suggestion, zones }) => `"${zone}" is not a zona omogenea${suggestion ? `; did you mean "${suggestion}"?` : zones ? `; zones: ${zones.join(', ')}` : ''}`,
  COMUNE_WITHOUT_ISTAT: ({ name, istat }) => `${name} is a comune: add its ISTAT code${istat ? ` (istat: "${istat}")` : ''}`,
  TERRITORY_MISMATCH: (args) =>
    args.case === 'empty'
      ? `scope is ${args.scope} but no ${args.scope} are listed; list them under territory.${args.scope}`
      : `scope is ${args.scope} but the territory also lists ${args.extra}; set the scope they describe or remove them`,
  INVALID_CUP: ({ cup }) => `"${cup}" is not a CUP: 15 characters, a letter, 2 digits, a letter, 11 digits (e.g. B41B21002330005)`,
  UNKNOWN_SOURCE: ({ source, sources }) => `source "${source}" is not in this project's sources (${sources.join(', ')})`,
  ACTUAL_BEFORE_BASELINE: ({ indicator, date, baseline }) => `${indicator}: the value of ${date} is dated before the baseline (${baseline})`,
  ACTUAL_IN_FUTURE: ({ indicator, date, today }) => `${indicator}: the value is dated ${date}, after today (${today})`,
  TARGET_BEFORE_BASELINE: ({ indicator, date, baseline }) => `${indicator}: the target of ${date} is not after the baseline (${baseline}); date it later, or correct the baseline`,
  INDICATOR_BOUNDS: (args) =>
    args.case === 'order'
      ? `${args.indicator}: min ${args.min} is above max ${args.max}; correct one of them`
      : `${args.indicator}: the value ${args.value} is outside its bounds (${[args.min === undefined ? undefined : `min ${args.min}`, args.max === undefined ? undefined : `max ${args.max}`].filter(Boolean).join(', ')}); correct the value, or the bounds`,
  INDICATOR_WITHOUT_TARGET: ({ indicator }) => `${indicator}: no target, so its progress cannot be computed (add one only if a source sets it)`,
  VOTES_EXCEED_PARTICIPANTS: ({ votes, participants, maxChoices, possible }) => `${votes} votes, but ${participants} participants choosing up to ${maxChoices} objectives cast at most ${possible}`,
  CONSULTATION_WITHOUT_RESULTS: ({ consultation }) => `${consultation}: the source gives no results, so this consultation ranks no objective yet`,
  PROJECT_STALE: ({ updated, months, limit }) => `last updated ${updated}, ${months} months ago (limit: ${limit}); review its figures and set updated`,
  DUP_FILE_NAME: ({ name, istat }) => `the file name "${name}" does not start with the comune's ISTAT code; rename it ${istat}-<slug>.yaml`,
  DUP_UNKNOWN_COMUNE: ({ istat, match }) => `${istat} is not the ISTAT code of a comune of the metropolitan city${match ? `; ${match.name} is ${match.istat}` : ''}`,
  DUP_COMUNE_MISMATCH: ({ istat, name, expected }) => `${istat} is ${expected} in plan/reference/comuni.csv, not "${name}"; correct the code or the name`,
  DUP_COMUNE_TWICE: ({ istat, name, where }) => `${name} (${istat}) already has a DUP in ${where}; keep one file per comune`,
  DUP_DUPLICATE_CODE: ({ code, where }) => `code ${code} is used twice (first at ${where}); give each objective its own code`,
  DUP_PARENT_MISSING: ({ code, parent }) => `${code}: its parent ${parent} is not an objective of this DUP`,
  DUP_PARENT_NOT_STRATEGIC: (args) =>
    args.case === 'operational-parent'
      ? `${args.code}: its parent ${args.parent} is an operational objective; name the strategic objective it belongs to`
      : `${args.code} is a strategic objective and has no parent; remove parent ${args.parent} or make it operativo`,
  DUP_UNKNOWN_MISSIONE: ({ code, missione }) => `${code}: ${missione} is not a budget missione (01-20, 50, 60, 99)`,
  DUP_PROGRAMMA_OUTSIDE_MISSIONE: ({ code, programma, missione }) => `${code}: programma ${programma} is not under missione ${missione}; its first two digits must be ${missione}`,
  DUP_UNKNOWN_OBJECTIVE: ({ code, objective, suggestion }) => `${code}: ${objective} is not an objective of the plan${suggestion ? `; did you mean ${suggestion}?` : ''}`,
  DUP_MISSION_WITHOUT_OBJECTIVES: ({ code, objective, mission, title }) => `${code}: ${objective}: mission ${mission} "${title}" has no objectives yet (the source lacks them), so this link counts nowhere`,
  SHEET_BAD_CODE: (args) =>
    args.case === 'unreadable'
      ? `"${args.value}" is not a ${args.column} code; write it as ${args.column === 'missione' ? '01 or "Missione 01 - …"' : '08, 01.08 or "8 - …"'}`
      : `programma "${args.value}" needs its missione: fill in the missione column or write it as MM.PP (01.08)`,
  SHEET_UNKNOWN_MISSIONE: ({ missione }) => `${missione} is not a budget missione (01-20, 50, 60, 99)`,
  SHEET_PROGRAMMA_OUTSIDE_MISSIONE: ({ programma, missione }) => `programma ${programma} is not under missione ${missione}; its first two digits must be ${missione}`,
  SHEET_DUPLICATE_CODE: ({ code, firstRow }) => `code ${code} is already used in row ${firstRow}; give each objective its own code`,
  SHEET_NO_TITLE: ({ columns }) => `the row has data but no objective: fill in ${columns.join(' or ')}, or empty the row`,
  SHEET_BAD_LEVEL: ({ value }) => `"${value}" is not a level; write strategico or operativo`,
  FORM_BAD_NUMBER: ({ value }) => `"${value}" is not a number; write the number alone (45, 12.5 or 45%)`,
  FORM_OUT_OF_BOUNDS: ({ value, min, max }) => `${value} is outside the values this cell takes: ${max === undefined ? `at least ${min}` : `from ${min} to ${max}`}`,
  FORM_BAD_DATE: ({ value, first, last }) => `"${value}" is not a date from ${first} to ${last}; write a date in that range (dd/mm/yyyy)`,
  FORM_UNKNOWN_CHOICE: ({ value, choices }) => `"${value}" is not in the list; choose one of ${choices.join(', ')}`,
  FORM_INCOMPLETE_ROW: ({ missing }) => `the row is filled in part: fill in "${missing}" too, or empty the row`,
  FORM_EDITED_CELL: ({ expected, found }) => `this read-only cell was changed: the form was sent with "${expected}", it now holds "${found}"; restore it (or fill in a new form)`,
  FORM_UNKNOWN_ROW: ({ project, item }) => (item === undefined ? `project ${project} is not one this form was made for, or is no longer in the plan; empty the row` : `project ${project} no longer has ${item}; empty the row, or make a new form`),
  FORM_NOTE_NOT_KEPT: ({ project, item }) => `the note on ${item} of ${project} is not imported: a project file keeps notes only with measurements; copy what matters into a source of the project by hand`,
  FORM_CONFLICT: ({ current, form }) => `the project file now holds ${current}, written after the form was made; the form's ${form} is not imported (run again with --force to take the form's)`,
  DANGLING_LINK: ({ code, objective, renumbered }) =>
    `${code ? `${code}: ` : ''}links to ${objective}, which this change removes; ${renumbered ? `if ${renumbered} is ${objective} renumbered, add "supersedes: [${objective}]" to ${renumbered}, else link` : 'link'} an objective of the plan`,
  DUP_DUPLICATE_LINK: (args) =>
    args.case === 'linked-twice' ? `${args.code} links to ${args.objective} twice; keep one link` : `${args.code} both links to ${args.objective} and rejects it; keep one of the two`,
};
