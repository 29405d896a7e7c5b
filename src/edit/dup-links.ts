import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '../core/errors.js';
import type { DupLinkData, DupObjectiveData } from '../model/plan-data.js';
import { applySplices, dominantLineEnding, endOfLineAt, lineEndingBefore, linePosition, linesSplice, lineStart, type Splice } from './text-lines.js';

/** A planner's answer to suggestions: confirm links to PSTTM objectives, or reject them. */
export type DupDecision = 'confirm' | 'reject';

/**
 * What a decision did to one PSTTM objective: a suggestion `confirmed`, a link `added` (confirmed),
 * a link or suggestion removed and the objective `rejected`, or `unchanged` when it already stood so.
 */
export type DupLinkChange = 'confirmed' | 'added' | 'rejected' | 'unchanged';

/** The text of a DUP file to edit (without its byte order mark), and its path for messages. */
export interface DupText {
  displayPath: string;
  text: string;
}

export interface DupLinksEdit {
  text: string;
  changes: { objective: string; change: DupLinkChange }[];
  /** The objective's links and rejections as they are after the edit. */
  psttm: DupLinkData[];
  rejected: string[];
}

type DupLinks = Pick<DupObjectiveData, 'psttm' | 'rejected'>;

/**
 * The links of a DUP objective after a decision on `objectiveIds`. confirm: a suggestion becomes
 * confirmed (its score kept), a new objective is appended confirmed, and leaves `rejected`. reject:
 * the link goes and the objective joins `rejected`, so a re-import does not suggest it again.
 */
export function decideDupLinks(links: DupLinks, decision: DupDecision, objectiveIds: readonly string[]): Required<DupLinks> & { changes: DupLinksEdit['changes'] } {
  let psttm = [...(links.psttm ?? [])];
  let rejected = [...(links.rejected ?? [])];
  const changes = objectiveIds.map((objective) => {
    const linked = psttm.find((link) => link.objective === objective);
    const wasRejected = rejected.includes(objective);
    if (decision === 'confirm') {
      psttm = linked ? psttm.map((link) => (link === linked ? { ...link, confirmed: true } : link)) : [...psttm, { objective, confirmed: true }];
      rejected = rejected.filter((id) => id !== objective);
      const change: DupLinkChange = !linked ? 'added' : !linked.confirmed || wasRejected ? 'confirmed' : 'unchanged';
      return { objective, change };
    }
    psttm = psttm.filter((link) => link !== linked);
    if (!wasRejected) rejected = [...rejected, objective];
    return { objective, change: linked || !wasRejected ? ('rejected' as const) : ('unchanged' as const) };
  });
  return { psttm, rejected, changes };
}

/** The objective's map in the file, and its `psttm` and `rejected` lists when it has them. */
interface ObjectiveNode {
  doc: Document.Parsed;
  index: number;
  map: YAMLMap;
  psttm: YAMLSeq | undefined;
  rejected: YAMLSeq | undefined;
  /** From the start of the item's `-` line to the end of its last line. */
  start: number;
  end: number;
}

/**
 * Confirm or reject links of the DUP objective `code`, editing only that objective's `psttm` and
 * `rejected` lists: a value rewritten, an item appended in the style of the list or removed with its
 * line, a list added after the objective's last key. Every other byte of the file is kept; a layout it
 * cannot edit with certainty, or an edit that would not read back as intended, is refused.
 */
export function editDupLinks(file: DupText, code: string, decision: DupDecision, objectiveIds: readonly string[]): DupLinksEdit {
  const before = findObjective(file, file.text, code);
  const data = (before.doc.toJS() as { objectives: DupObjectiveData[] }).objectives[before.index]!;
  const decided = decideDupLinks(data, decision, objectiveIds);
  let text = file.text;
  for (const objective of objectiveIds) {
    const step = (splices: (node: ObjectiveNode) => Splice[]) => (text = applySplices(text, splices(findObjective(file, text, code))));
    if (decision === 'confirm') {
      step((node) => confirmSplices(file, text, node, objective));
      step((node) => (node.rejected ? removeSplices(file, text, node.rejected, objective) : []));
    } else {
      step((node) => (node.psttm ? removeSplices(file, text, node.psttm, objective) : []));
      step((node) => (listHas(node.rejected, objective) ? [] : appendSplices(file, text, node, 'rejected', objective)));
    }
  }
  const expected = { ...data, ...(data.psttm !== undefined || decided.psttm.length > 0 ? { psttm: decided.psttm } : {}), ...(data.rejected !== undefined || decided.rejected.length > 0 ? { rejected: decided.rejected } : {}) };
  verify(file, before, text, expected);
  return { text, changes: decided.changes, psttm: decided.psttm, rejected: decided.rejected };
}

/** A suggestion's `confirmed: false` becomes `true`; an objective not in the list is appended, confirmed. */
function confirmSplices(file: DupText, text: string, node: ObjectiveNode, objective: string): Splice[] {
  const item = node.psttm?.items.find((candidate) => isMap(candidate) && candidate.get('objective') === objective) as YAMLMap | undefined;
  if (!item) return appendSplices(file, text, node, 'psttm', objective);
  const confirmed = item.get('confirmed', true);
  if (!isScalar(confirmed) || !confirmed.range) throw refuse(file, text, rangeOf(file, text, item)[0], 'a link without a confirmed value to set');
  if (confirmed.value === true) return [];
  return [{ start: confirmed.range[0], end: confirmed.range[1], text: 'true' }];
}

/** One item appended to the `psttm` (a confirmed link) or `rejected` list (an id), in the list's style; the list is added when the objective has none. */
function appendSplices(file: DupText, text: string, node: ObjectiveNode, key: 'psttm' | 'rejected', objective: string): Splice[] {
  const value = key === 'psttm' ? { objective, confirmed: true } : objective;
  const seq = node[key];
  const eol = dominantLineEnding(text);
  if (!seq) {
    if (node.map.flow) throw refuse(file, text, node.start, 'an objective written as a flow map');
    const keyStart = rangeOf(file, text, node.map.items[0]!.key as Node)[0];
    const indent = ' '.repeat(keyStart - lineStart(text, keyStart));
    const lines = key === 'psttm' ? [`${indent}psttm:`, `${indent}  - ${render(value, true, text)}`] : [`${indent}rejected: [${render(value, true, text)}]`];
    return [linesSplice(text, node.end, lines, eol)];
  }
  const last = seq.items.at(-1) as Node | undefined;
  if (seq.flow) {
    const [seqStart, seqEnd] = rangeOf(file, text, seq);
    if (!last) return [{ start: seqStart, end: seqEnd, text: `[${render(value, true, text)}]` }];
    return [{ start: rangeOf(file, text, last)[1], end: rangeOf(file, text, last)[1], text: `, ${render(value, true, text, last)}` }];
  }
  const [lastStart] = rangeOf(file, text, last!);
  const dash = text.slice(lineStart(text, lastStart), lastStart);
  if (!/^ *- +$/.test(dash)) throw refuse(file, text, lastStart, 'an item whose "-" line holds more than the dash');
  const flow = !isMap(last) || last.flow === true;
  const lines = render(value, flow, text, last).split('\n');
  const hanging = ' '.repeat(dash.length);
  return [linesSplice(text, endOfLineAt(text, contentEnd(file, text, last!)), lines.map((line, index) => (index === 0 ? dash : hanging) + line), eol)];
}

/** The item for `objective` removed with its line (block list) or its separator (flow list); a list left empty becomes `[]`. */
function removeSplices(file: DupText, text: string, seq: YAMLSeq, objective: string): Splice[] {
  const index = seq.items.findIndex((item) => (isMap(item) ? item.get('objective') : isScalar(item) ? item.value : undefined) === objective);
  if (index < 0) return [];
  const item = seq.items[index] as Node;
  const [start, end] = rangeOf(file, text, item);
  if (seq.flow) {
    if (seq.items.length === 1) {
      const [seqStart, seqEnd] = rangeOf(file, text, seq);
      return [{ start: seqStart, end: seqEnd, text: '[]' }];
    }
    const next = seq.items[index + 1] as Node | undefined;
    const previous = seq.items[index - 1] as Node | undefined;
    if (next && /^\s*,\s*$/.test(text.slice(end, rangeOf(file, text, next)[0]))) return [{ start, end: rangeOf(file, text, next)[0], text: '' }];
    if (previous && /^\s*,\s*$/.test(text.slice(rangeOf(file, text, previous)[1], start))) return [{ start: rangeOf(file, text, previous)[1], end, text: '' }];
    throw refuse(file, text, start, 'a comment between the items of a flow list');
  }
  const lineFrom = lineStart(text, start);
  if (!/^ *- +$/.test(text.slice(lineFrom, start))) throw refuse(file, text, start, 'an item whose "-" line holds more than the dash');
  const lineTo = endOfLineAt(text, contentEnd(file, text, item));
  // A last line without a line ending takes the one before it, so the file still ends without one.
  const removal = { start: lineTo === text.length && !text.endsWith('\n') ? lineFrom - lineEndingBefore(text, lineFrom) : lineFrom, end: lineTo, text: '' };
  if (seq.items.length > 1) return [removal];
  // An emptied block list would leave its key with no value (null), so it becomes [].
  const keyEnd = lineFrom - 1 - (text[lineFrom - 2] === '\r' ? 1 : 0);
  const colonLine = text.slice(lineStart(text, keyEnd), keyEnd);
  if (!/:[ \t]*$/.test(colonLine)) throw refuse(file, text, start, 'a list whose key is not on the line above it');
  return [{ start: keyEnd - (colonLine.length - colonLine.trimEnd().length), end: keyEnd, text: ' []' }, removal];
}

function listHas(seq: YAMLSeq | undefined, objective: string): boolean {
  return seq?.items.some((item) => isScalar(item) && item.value === objective) === true;
}

function findObjective(file: DupText, text: string, code: string): ObjectiveNode {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw refuse(file, text, doc.errors[0]!.pos[0], text === file.text ? 'the file does not parse as YAML' : 'the edit would not parse as YAML');
  const objectives = doc.get('objectives', true);
  const index = isSeq(objectives) ? objectives.items.findIndex((item) => isMap(item) && String(item.get('code')) === code) : -1;
  if (!isSeq(objectives) || index < 0) throw new InputError(`${file.displayPath}: no objective with code ${code}`);
  const map = objectives.items[index] as YAMLMap;
  const list = (key: string) => {
    const value = map.get(key, true);
    if (value !== undefined && value !== null && !isSeq(value)) throw refuse(file, text, rangeOf(file, text, map)[0], `a ${key} value that is not a list`);
    return value ?? undefined;
  };
  const [mapStart] = rangeOf(file, text, map);
  const start = objectives.flow ? mapStart : lineStart(text, mapStart);
  if (!objectives.flow && !/^ *- +$/.test(text.slice(start, mapStart))) throw refuse(file, text, mapStart, 'an objective whose "-" line holds more than the dash');
  return { doc, index, map, psttm: list('psttm'), rejected: list('rejected'), start, end: endOfLineAt(text, contentEnd(file, text, map)) };
}

/** Where a node's own text ends: a block collection's range runs on over the comment lines after it, its last value does not. */
function contentEnd(file: DupText, text: string, node: Node): number {
  if (isMap(node) && !node.flow && node.items.length > 0) {
    const last = node.items.at(-1)!;
    return contentEnd(file, text, (last.value ?? last.key) as Node);
  }
  if (isSeq(node) && !node.flow && node.items.length > 0) return contentEnd(file, text, node.items.at(-1) as Node);
  return rangeOf(file, text, node)[1];
}

/** A link or an id as YAML, on one line (flow) or as block lines, in the style of `like` (an item of `text`): the id quoted as there, a flow map as tight. */
function render(value: string | DupLinkData, flow: boolean, text: string, like?: Node): string {
  const doc = new Document(value);
  const likeId = isMap(like) ? like.get('objective', true) : like;
  const id = typeof value === 'string' ? doc.contents : doc.get('objective', true);
  if (isScalar(likeId) && likeId.type && isScalar(id)) id.type = likeId.type;
  const rendered = doc.toString({ collectionStyle: flow ? 'flow' : 'block', lineWidth: 0 }).replace(/\n$/, '');
  // Flow maps written without inner spaces (`{objective: M1.8}`) get new items written the same way.
  const tight = isMap(like) && like.flow && like.range && /^\{[^\s}]/.test(text.slice(like.range[0]));
  return tight ? rendered.replace(/^\{ /, '{').replace(/ \}$/, '}') : rendered;
}

/**
 * Refuse an edit that does not re-parse to exactly the intended data, or that changed a byte outside
 * the objective's lines.
 */
function verify(file: DupText, before: ObjectiveNode, text: string, objective: object): void {
  const after = parseDocument(text, { uniqueKeys: true });
  const expected = before.doc.toJS() as { objectives: object[] };
  expected.objectives[before.index] = objective;
  const tail = file.text.slice(before.end);
  const outsideKept = text.startsWith(file.text.slice(0, before.start)) && text.endsWith(tail) && text.length - tail.length >= before.start;
  if (after.errors.length > 0 || !isDeepStrictEqual(after.toJS(), expected) || !outsideKept) {
    throw refuse(file, file.text, before.start, 'the edit would not give exactly the intended links');
  }
}

function refuse(file: DupText, text: string, offset: number, reason: string): InputError {
  const { line, column } = linePosition(text, offset);
  return new InputError(`${file.displayPath}:${line}:${column}: the objective's psttm or rejected list uses a layout psttm cannot edit safely (${reason}); edit it by hand`);
}

function rangeOf(file: DupText, text: string, node: Node): [number, number] {
  if (!node.range) throw refuse(file, text, 0, 'a value without source positions');
  return [node.range[0], node.range[1]];
}
