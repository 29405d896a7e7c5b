import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError, UsageError } from '../core/errors.js';
import type { SheetField, SheetObjective } from '../load/spreadsheet/dup-sheet.js';
import { headerKey } from '../load/spreadsheet/dup-columns.js';
import type { DupData, DupLinkData, DupObjectiveData } from '../model/plan-data.js';

/** What an import brings: the comune, the period, the file imported and the day, and the sheet's objectives. */
export interface DupImport {
  comune: DupData['comune'];
  /** Required for a new file; an existing file keeps its own when undefined. */
  period: string | undefined;
  source: { title: string; date: string };
  objectives: readonly SheetObjective[];
  /** The fields the sheet has columns for: the others keep what the file holds. */
  fields: ReadonlySet<SheetField>;
  /** The `$schema` of a new file's language-server modeline, relative to the file. */
  schemaPath: string;
}

/** Fresh suggestions for an objective, never one of `exclude` (its rejected and confirmed links). */
export type Suggest = (objective: SheetObjective, exclude: ReadonlySet<string>) => DupLinkData[];

/** What an import changes, per objective code. */
export interface DupImportChanges {
  added: string[];
  changed: { code: string; fields: string[] }[];
  removed: string[];
  /** The file's own fields that change (comune, period). */
  fileFields: string[];
}

export interface DupImportResult {
  /** The file's new text; the text it had, byte for byte, when nothing changes. */
  text: string;
  changes: DupImportChanges;
}

/** The order of an objective's keys in a file psttm writes, as in the schema. */
const FIELD_ORDER: readonly (keyof DupObjectiveData)[] = ['code', 'level', 'parent', 'indirizzo', 'title', 'description', 'missione', 'programma', 'responsabile', 'psttm', 'rejected'];

/**
 * Bring a DUP file up to date with an import, or write it new (`existing` undefined). Objectives are
 * matched by code, else by title (in any case and accent, same level). A matched objective takes
 * the sheet's values of the fields the sheet carries; its other fields, its confirmed links and its
 * rejected list stay. Suggestions are refreshed only for objectives with no confirmed link (a
 * planner has reviewed the others), never proposing a rejected one. Objectives the sheet no longer
 * has are removed, but one with confirmed links only with `force`. The file is edited through the
 * yaml Document, so comments stay; when nothing changes, its text is returned as it was (so
 * `source.date` changes only with something else).
 */
export function importDup(existing: string | undefined, input: DupImport, suggest: Suggest, force: boolean): DupImportResult {
  if (existing === undefined) return newFile(input, suggest);
  const doc = parseDocument(existing);
  const seq = doc.get('objectives', true);
  if (doc.errors.length > 0 || !isMap(doc.contents) || !isSeq(seq) || !seq.items.every(isMap)) {
    throw new InputError(`${input.source.title}: the DUP file to update is not a DUP psttm can edit (${doc.errors[0]?.message ?? 'no objectives list'}); fix it first (psttm validate)`);
  }
  const changes: DupImportChanges = { added: [], changed: [], removed: [], fileFields: [] };
  const unmatched = [...(seq as YAMLSeq<YAMLMap>).items];
  const items: YAMLMap[] = [];
  for (const objective of input.objectives) {
    const node = takeMatch(unmatched, objective);
    if (!node) {
      items.push(doc.createNode(withLinks(objective, suggest)) as YAMLMap);
      changes.added.push(objective.code);
      continue;
    }
    const fields = updateObjective(doc, node, objective, input.fields, suggest);
    if (fields.length > 0) changes.changed.push({ code: objective.code, fields });
    items.push(node);
  }
  const dropped = unmatched.map((node) => node.toJSON() as DupObjectiveData);
  const confirmed = dropped.filter((objective) => objective.psttm?.some((link) => link.confirmed));
  if (confirmed.length > 0 && !force) {
    throw new UsageError(`the sheet no longer has ${confirmed.map((objective) => objective.code).join(', ')}, which ${confirmed.length === 1 ? 'has' : 'have'} confirmed links; nothing was written (run again with --force to remove ${confirmed.length === 1 ? 'it' : 'them'})`);
  }
  changes.removed.push(...dropped.map((objective) => objective.code));
  const reordered = items.some((item, index) => item !== seq.items[index]) || items.length !== seq.items.length;
  seq.items = items;
  if (!isDeepStrictEqual((doc.toJS() as DupData).comune, input.comune)) {
    doc.set('comune', doc.createNode(input.comune));
    changes.fileFields.push('comune');
  }
  if (input.period !== undefined && doc.get('period') !== input.period) {
    doc.set('period', input.period);
    changes.fileFields.push('period');
  }
  const changed = reordered || changes.changed.length > 0 || changes.fileFields.length > 0;
  if (!changed) return { text: existing, changes };
  doc.setIn(['source', 'title'], input.source.title);
  doc.setIn(['source', 'date'], input.source.date);
  return { text: doc.toString({ lineWidth: 0 }), changes };
}

function newFile(input: DupImport, suggest: Suggest): DupImportResult {
  if (input.period === undefined) throw new UsageError(`${input.source.title} states no period (as 2025-2027 in its name or its title rows); give it with --period YYYY-YYYY`);
  const data: DupData = { comune: input.comune, period: input.period, source: input.source, objectives: input.objectives.map((objective) => withLinks(objective, suggest)) };
  const text = `# yaml-language-server: $schema=${input.schemaPath}\n${new Document(data).toString({ lineWidth: 0 })}`;
  return { text, changes: { added: input.objectives.map((objective) => objective.code), changed: [], removed: [], fileFields: [] } };
}

/** The objective with its suggestions, keys in the schema's order. */
function withLinks(objective: SheetObjective, suggest: Suggest): DupObjectiveData {
  const psttm = suggest(objective, new Set());
  return { ...objective, ...(psttm.length > 0 && { psttm }) };
}

/** The existing objective an imported one is: the one with its code, else with its title and level; taken out of `unmatched`. */
function takeMatch(unmatched: YAMLMap[], objective: SheetObjective): YAMLMap | undefined {
  let index = unmatched.findIndex((node) => String(node.get('code')) === objective.code);
  if (index < 0) index = unmatched.findIndex((node) => node.get('level') === objective.level && headerKey(String(node.get('title'))) === headerKey(objective.title));
  return index < 0 ? undefined : unmatched.splice(index, 1)[0];
}

/** Set the sheet's values on an existing objective and refresh its suggestions; returns the fields that changed. */
function updateObjective(doc: Document, node: YAMLMap, objective: SheetObjective, carried: ReadonlySet<SheetField>, suggest: Suggest): string[] {
  const changed: string[] = [];
  for (const field of FIELD_ORDER) {
    if (field === 'psttm' || field === 'rejected' || !carried.has(field)) continue;
    const value = objective[field];
    const current = node.get(field, true);
    if (isScalar(current) ? current.value === value : current === value) continue;
    changed.push(field);
    if (value === undefined) node.delete(field);
    else if (isScalar(current)) current.value = value;
    else setInOrder(doc, node, field, value);
  }
  const data = node.toJSON() as DupObjectiveData;
  const links = data.psttm ?? [];
  if (links.some((link) => link.confirmed)) return changed;
  const fresh = suggest({ ...objective, ...pick(data) }, new Set(data.rejected ?? []));
  if (!isDeepStrictEqual(links, fresh)) {
    changed.push('psttm');
    if (fresh.length === 0) node.delete('psttm');
    else setInOrder(doc, node, 'psttm', fresh);
  }
  return changed;
}

/** The text fields suggestions are made from, as the file now holds them (hand edits included). */
function pick(data: DupObjectiveData): Partial<SheetObjective> {
  const { title, description, indirizzo, missione, programma } = data;
  return Object.fromEntries(Object.entries({ title, description, indirizzo, missione, programma }).filter(([, value]) => value !== undefined));
}

/** Set a key's value, a new key going where the schema's order puts it among the existing ones. */
function setInOrder(doc: Document, node: YAMLMap, field: keyof DupObjectiveData, value: unknown): void {
  const existing = node.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === field);
  const pair = doc.createPair(field, value);
  if (existing >= 0) {
    node.items[existing] = pair;
    return;
  }
  const rank = FIELD_ORDER.indexOf(field);
  const after = node.items.findIndex((candidate) => isScalar(candidate.key) && FIELD_ORDER.indexOf(candidate.key.value as keyof DupObjectiveData) > rank);
  node.items.splice(after < 0 ? node.items.length : after, 0, pair);
}
