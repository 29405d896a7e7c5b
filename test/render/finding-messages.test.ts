import { describe, expect, it } from 'vitest';
import type { FindingArgs } from '../../src/findings/finding-args.ts';
import { FINDING_CODES, type FindingCode } from '../../src/findings/finding-codes.ts';
import type { Finding } from '../../src/findings/finding.ts';
import { findingMessage } from '../../src/render/findings/messages/index.ts';

/** Args for every code, one example per situation the code has: the compiler rejects a missing code. */
const EXAMPLES: { [C in FindingCode]: FindingArgs[C][] } = {
  FILE_BINARY: [{}],
  FILE_NOT_UTF8: [{}],
  FILE_NOT_REGULAR: [{ kind: 'fifo' }, { kind: 'folder' }],
  FILE_TOO_LARGE: [{ limit: 1024 * 1024 }],
  YAML_SYNTAX: [{ detail: 'Implicit map keys need to be followed by map values at line 3, column 1' }],
  YAML_DUPLICATE_KEY: [{ detail: 'Map keys must be unique' }],
  YAML_ALIAS_LIMIT: [{ limit: 1000 }],
  YAML_EXPANSION_LIMIT: [{ case: 'cycle' }, { case: 'size', limit: 1048576 }],
  YAML_NESTING_LIMIT: [{ case: 'values', limit: 64 }, { case: 'alias', limit: 64 }],
  YAML_UNRESOLVED_ALIAS: [{ detail: 'Unresolved alias (the anchor must be set before the alias): a' }],
  YAML_UNSUPPORTED_TAG: [{ tag: '!!timestamp' }],
  SCHEMA_MISSING_PROPERTY: [{ at: 'objectives[0]', property: 'title' }],
  SCHEMA_UNKNOWN_PROPERTY: [
    { at: 'titel', property: 'titel', suggestion: 'title', allowed: ['id', 'title'] },
    { at: 'zzz', property: 'zzz', allowed: ['id', 'title'] },
  ],
  SCHEMA_WRONG_TYPE: [
    { at: 'funding[0].amount', expected: ['number'], actual: 'string', value: '"tanti"' },
    { at: 'cup', expected: ['string'], actual: 'number', value: '12' },
    { at: 'weight', expected: ['number'], actual: 'number', value: '.nan' },
    { at: 'participants', expected: ['integer'], actual: 'number', value: '1.5' },
    { at: 'title', expected: ['string', 'null'], actual: 'array', value: '[]' },
  ],
  SCHEMA_INVALID_VALUE: [
    { case: 'enum', at: 'status', value: '"done"', allowed: ['planned', 'ongoing', 'completed'] },
    { case: 'const', at: 'territory.scope', value: '"zones"', required: '"metropolitan"', hint: 'the whole metropolitan city' },
    { case: 'range', at: 'objectives[0].weight', value: '0', comparison: '>', limit: 0 },
  ],
  SCHEMA_INVALID_FORMAT: [
    { at: 'updated', value: '"2026-13-01"', keyword: 'format', expected: 'date' },
    { at: 'id', value: '"Alpha"', keyword: 'pattern', expected: '^[a-z0-9-]+$', hint: 'lower-case words joined by hyphens' },
  ],
  SCHEMA_VIOLATION: [
    { case: 'min-length', at: 'title', limit: 1 },
    { case: 'min-length', at: 'summary', limit: 10 },
    { case: 'min-items', at: 'objectives', limit: 1 },
    { case: 'min-items', at: 'sources', limit: 2 },
    { case: 'forbidden', at: 'territory.comuni', hint: 'only with scope comuni' },
    { case: 'other', at: 'funding', detail: 'must NOT have duplicate items' },
  ],
  SCHEMA_ERROR_LIMIT: [{ unlisted: 50, listed: 100 }],
  NO_MISSIONS: [{}],
  DUPLICATE_ID: [
    { case: 'objective', id: 'M1.2', where: 'plan/missions/m1-a.yaml:9' },
    { case: 'numbered', id: 'M2', where: 'plan/missions/m2-b.yaml:1' },
    { case: 'project', project: 'alpha', where: 'plan/projects/alpha.yaml:1' },
    { case: 'plan-list', list: 'directions', id: 'd1' },
    { case: 'indicator', indicator: 'km', project: 'alpha' },
    { case: 'link', project: 'alpha', objective: 'M1.1' },
    { case: 'vote', objective: 'M1.1' },
  ],
  NUMBERING_GAP: [
    { id: 'M1.3', previous: 'M1.1', missingFrom: 'M1.2' },
    { id: 'M2', missingFrom: 'M1' },
    { id: 'M1.5', previous: 'M1.1', missingFrom: 'M1.2', missingTo: 'M1.4' },
  ],
  NUMBERING_ORDER: [{ id: 'M1.2', previous: 'M1.3' }],
  SUPERSEDED_TWICE: [{ objective: 'M1.4', former: 'M1.3', first: 'M1.2' }],
  OBJECTIVE_MISSION_MISMATCH: [{ objective: 'M2.1', mission: 'M1' }],
  MISSION_FILE_NAME: [{ name: 'mission-one.yaml', mission: 'M1', prefix: 'm1-' }],
  UNKNOWN_ACTOR_COLUMN: [
    { objective: 'M1.1', name: 'comune', suggestion: 'comuni', columns: ['citta_metropolitana', 'comuni', 'corpi_intermedi'] },
    { name: 'regione', columns: ['citta_metropolitana', 'comuni', 'corpi_intermedi'] },
  ],
  MISSING_ACTOR_COLUMN: [{ objective: 'M1.1', columns: ['comuni'] }],
  NO_ACTOR_MARKED: [{ objective: 'M1.1' }],
  OBJECTIVES_STATUS_MISMATCH: [
    { case: 'listed', mission: 'M6', count: 3 },
    { case: 'none', mission: 'M2' },
  ],
  OBJECTIVES_NOT_TRANSCRIBED: [{ mission: 'M6', title: 'Salute' }],
  PERIOD_ORDER: [
    { start: 2027, end: 2025 },
    { start: '2026-05-01', end: '2026-01-01' },
  ],
  THRESHOLD_ORDER: [{ atRisk: 0.8, onTrack: 0.7 }],
  PROJECT_FILE_NAME: [{ id: 'alpha', stem: 'beta' }],
  UNKNOWN_OBJECTIVE: [{ objective: 'M1.99', suggestion: 'M1.9' }, { objective: 'M9.1' }],
  LINK_TO_SUPERSEDED: [{ objective: 'M1.3', current: 'M1.2' }, { code: 'S1', objective: 'M1.3', current: 'M1.2' }],
  MISSION_WITHOUT_OBJECTIVES: [{ objective: 'M6.1', mission: 'M6', title: 'Salute' }],
  LEAD_KIND_NOT_EXPECTED: [{ objective: 'M1.1', marked: ['Città metropolitana'], columns: ['Comuni'], leadKind: 'comune', project: 'alpha' }],
  LEAD_NOT_STATED: [{ project: 'alpha' }],
  WEIGHT_SUM: [
    { case: 'partial', given: 1, links: 2 },
    { case: 'sum', sum: 0.9 },
  ],
  UNKNOWN_ISTAT_CODE: [{ code: '015999', match: { name: 'Milano', istat: '015146' } }, { code: '015999' }],
  UNKNOWN_ZONE: [{ zone: 'Nord Milan', suggestion: 'Nord Milano' }, { zone: 'Altrove', zones: ['Nord Milano', 'Sud Ovest'] }, { zone: 'Altrove' }],
  COMUNE_WITHOUT_ISTAT: [{ name: 'Milano', istat: '015146' }, { name: 'Borgo' }],
  TERRITORY_MISMATCH: [
    { case: 'empty', scope: 'zones' },
    { case: 'extra', scope: 'metropolitan', extra: 'comuni' },
  ],
  INVALID_CUP: [{ cup: 'B41B2100' }],
  UNKNOWN_SOURCE: [{ source: 'bilancio', sources: ['dup-2025', 'delibera'] }],
  ACTUAL_BEFORE_BASELINE: [{ indicator: 'km', date: '2023-01-01', baseline: '2024-01-01' }],
  ACTUAL_IN_FUTURE: [{ indicator: 'km', date: '2027-01-01', today: '2026-11-22' }],
  TARGET_BEFORE_BASELINE: [{ indicator: 'km', date: '2024-01-01', baseline: '2024-06-30' }],
  INDICATOR_BOUNDS: [
    { case: 'order', indicator: 'km', min: 10, max: 5 },
    { case: 'value', indicator: 'km', value: -3, min: 0 },
    { case: 'value', indicator: 'km', value: 300, min: -50, max: 200 },
  ],
  INDICATOR_WITHOUT_TARGET: [{ indicator: 'km' }],
  VOTES_EXCEED_PARTICIPANTS: [{ votes: 70, participants: 20, maxChoices: 3, possible: 60 }],
  CONSULTATION_WITHOUT_RESULTS: [{ consultation: 'nord-milano-workshop' }],
  PROJECT_STALE: [{ updated: '2024-01-15', months: 34, limit: 18 }],
  DUP_FILE_NAME: [{ name: 'cologno.yaml', istat: '015081' }],
  DUP_UNKNOWN_COMUNE: [{ istat: '015999', match: { name: 'Cologno Monzese', istat: '015081' } }, { istat: '015999' }],
  DUP_COMUNE_MISMATCH: [{ istat: '015081', name: 'Cologno', expected: 'Cologno Monzese' }],
  DUP_COMUNE_TWICE: [{ istat: '015081', name: 'Cologno Monzese', where: 'plan/dup/015081-cologno-monzese.yaml:3' }],
  DUP_DUPLICATE_CODE: [{ code: 'S1', where: 'plan/dup/015081-cologno-monzese.yaml:12' }],
  DUP_PARENT_MISSING: [{ code: 'S1.1', parent: 'S9' }],
  DUP_PARENT_NOT_STRATEGIC: [
    { case: 'operational-parent', code: 'S1.2', parent: 'S1.1' },
    { case: 'strategic-child', code: 'S2', parent: 'S1' },
  ],
  DUP_UNKNOWN_MISSIONE: [{ code: 'S1', missione: '21' }],
  DUP_PROGRAMMA_OUTSIDE_MISSIONE: [{ code: 'S1.1', programma: '04.02', missione: '10' }],
  DUP_UNKNOWN_OBJECTIVE: [{ code: 'S1', objective: 'M3.40', suggestion: 'M3.4' }, { code: 'S1', objective: 'M9.1' }],
  DUP_MISSION_WITHOUT_OBJECTIVES: [{ code: 'S1', objective: 'M6.1', mission: 'M6', title: 'Salute' }],
  SHEET_BAD_CODE: [
    { case: 'unreadable', column: 'missione', value: 'Servizi' },
    { case: 'unreadable', column: 'programma', value: 'Statistica' },
    { case: 'no-missione', column: 'programma', value: '8' },
  ],
  SHEET_UNKNOWN_MISSIONE: [{ missione: '21' }],
  SHEET_PROGRAMMA_OUTSIDE_MISSIONE: [{ programma: '02.08', missione: '01' }],
  SHEET_DUPLICATE_CODE: [{ code: '1.1', firstRow: 5 }],
  SHEET_NO_TITLE: [{ columns: ['"Obiettivo strategico"', '"Obiettivo operativo"'] }],
  SHEET_BAD_LEVEL: [{ value: 'tattico' }],
  FORM_BAD_NUMBER: [{ value: 'tanti' }],
  FORM_OUT_OF_BOUNDS: [{ value: -3, min: 0 }, { value: 1.2, min: 0, max: 1 }],
  FORM_BAD_DATE: [{ value: '31/12/2030', first: '2025-01-01', last: '2026-11-22' }],
  FORM_UNKNOWN_CHOICE: [{ value: 'forse', choices: ['sì', 'no'] }],
  FORM_INCOMPLETE_ROW: [{ missing: 'Data del nuovo valore' }],
  FORM_EDITED_CELL: [{ expected: 'posti', found: 'euro' }],
  FORM_UNKNOWN_ROW: [{ project: 'fabriq' }, { project: 'fabriq', item: 'startup' }],
  FORM_CONFLICT: [{ current: '80 (2026-06-30)', form: '90 (2026-06-30)' }],
  FORM_NOTE_NOT_KEPT: [{ project: 'gamma-rete', item: 'milestone 2' }],
  DANGLING_LINK: [{ objective: 'M1.3' }, { objective: 'M1.3', renumbered: 'M1.2' }, { code: 'S1', objective: 'M1.3' }],
  DUP_DUPLICATE_LINK: [
    { case: 'linked-twice', code: 'S1', objective: 'M3.4' },
    { case: 'linked-and-rejected', code: 'S1', objective: 'M3.4' },
  ],
};

const finding = <C extends FindingCode>(code: C, args: FindingArgs[C]): Finding =>
  ({ code, args, severity: FINDING_CODES[code].severity, file: 'plan/x.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, path: '' }) as Finding;

const cases = (Object.keys(EXAMPLES) as FindingCode[]).flatMap((code) => (EXAMPLES[code] as FindingArgs[FindingCode][]).map((args, index) => ({ name: `${code} #${index + 1}`, finding: finding(code, args as never) })));

/** What an unfilled or badly filled template leaves behind. */
const LEFTOVER = /\{[a-zA-Z_]*\}|\$\{|undefined|NaN|\[object Object\]|null\b(?! \()|\(\)|""|: ;|;\s*$|^\s|\s$/;

describe('finding messages', () => {
  it('have examples for every finding code', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(FINDING_CODES).sort());
  });

  it.each(cases)('$name renders in English and in Italian, every placeholder filled', ({ finding }) => {
    const english = findingMessage(finding, 'en');
    const italian = findingMessage(finding, 'it');
    for (const message of [english, italian]) {
      expect(message.length).toBeGreaterThan(0);
      expect(message).not.toMatch(LEFTOVER);
    }
    expect(italian).not.toBe(english);
  });

  it('keeps the English texts users and tests know, and says them in Italian', () => {
    const unknown = finding('UNKNOWN_OBJECTIVE', { objective: 'M1.99', suggestion: 'M1.9' });
    expect(findingMessage(unknown, 'en')).toBe('M1.99 is not an objective of the plan; did you mean M1.9?');
    expect(findingMessage(unknown, 'it')).toBe('M1.99 non è un obiettivo del piano; forse si intendeva M1.9?');
    const gap = finding('NUMBERING_GAP', { id: 'M1.5', previous: 'M1.1', missingFrom: 'M1.2', missingTo: 'M1.4' });
    expect(findingMessage(gap, 'en')).toBe('M1.5 follows M1.1: M1.2 to M1.4 is missing');
    expect(findingMessage(gap, 'it')).toBe('M1.5 segue M1.1: mancano da M1.2 a M1.4');
    const wrongType = finding('SCHEMA_WRONG_TYPE', { at: 'cup', expected: ['string'], actual: 'number', value: '12' });
    expect(findingMessage(wrongType, 'en')).toBe('cup: must be a string, not a number (12); put it in quotes to keep 12 as a string');
    expect(findingMessage(wrongType, 'it')).toBe('cup: deve essere un testo, non un numero (12); scriverlo tra virgolette perché 12 resti un testo');
    const lead = finding('LEAD_KIND_NOT_EXPECTED', { objective: 'M1.1', marked: ['Città metropolitana'], columns: ['Comuni'], leadKind: 'comune', project: 'alpha' });
    expect(findingMessage(lead, 'it')).toBe('M1.1 è segnato per Città metropolitana, non per Comuni, eppure il capofila di alpha è di tipo comune');
    const large = finding('FILE_TOO_LARGE', { limit: 1024 * 1024 });
    expect(findingMessage(large, 'en')).toBe('the file is larger than 1 MiB, the limit for this kind of file; split it or shorten it');
    expect(findingMessage(large, 'it')).toBe('il file supera 1 MiB, il limite per questo tipo di file; dividerlo o accorciarlo');
  });
});
