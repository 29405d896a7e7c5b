import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '../core/errors.js';
import { normalizeId } from '../model/ids.js';
import { applySplices, dominantLineEnding, endOfLineAt, lineEnd, lineEndingBefore, linePosition, linesSplice, lineStart, type Splice } from './text-lines.js';

/** A link to add, or to update when the project already has it. */
export interface LinkChange {
  id: string;
  weight?: number;
  note?: string;
}

/** The text of a project file to edit (without its byte order mark), and its path for messages. */
export interface ProjectText {
  displayPath: string;
  text: string;
}

type LinkField = 'weight' | 'note';
const LINK_FIELDS: readonly LinkField[] = ['weight', 'note'];

/** The `objectives` list as written in one version of the text. */
interface ObjectivesList {
  text: string;
  doc: Document.Parsed;
  key: Scalar;
  seq: YAMLSeq;
  items: LinkItem[];
  /** The line ending the edit writes in the lines it adds. */
  eol: string;
}

interface LinkItem {
  node: YAMLMap;
  id: string;
  /** Block lists: from the start of the item's `-` line to after its last line; flow lists: the item's own range. */
  start: number;
  end: number;
}

/** A comma (and spaces) between two items of one line. */
const INLINE_SEPARATOR = /^[ \t]*,[ \t]*$/;

/** A comma and white space, line breaks included, but no comment: what goes with an item removed from a flow list. */
const BARE_SEPARATOR = /^\s*,\s*$/;

/**
 * Add or update links in the `objectives` list of a project file. Only the list's text changes: new
 * links are appended in the style of the existing ones, an updated link has only its changed values
 * rewritten, and every other byte of the file is kept. A layout it cannot edit with certainty is refused.
 */
export function linkObjectives(file: ProjectText, changes: readonly LinkChange[]): string {
  const before = readList(file, file.text);
  const edit = new StepwiseEdit(file, before);
  for (const change of changes) {
    const existing = before.items.find((item) => item.id === change.id);
    if (!existing) {
      edit.apply((list) => appendSplices(file, list, change));
      continue;
    }
    for (const field of LINK_FIELDS) {
      const value = change[field];
      if (value === undefined || isDeepStrictEqual(existing.node.toJSON()[field], value)) continue;
      edit.apply((list) => [fieldSplice(file, list, list.items.find((item) => item.id === change.id)!, field, value)]);
    }
  }
  return verifiedText(file, before, edit.text, linkedData(before, changes));
}

/** Remove links from the `objectives` list, with the comment lines right above each; the rest of the file is kept byte for byte. */
export function unlinkObjectives(file: ProjectText, ids: readonly string[]): string {
  const before = readList(file, file.text);
  const edit = new StepwiseEdit(file, before);
  for (const id of ids) {
    if (before.items.some((item) => item.id === id)) edit.apply((list) => removeSplices(file, list, list.items.findIndex((item) => item.id === id)));
  }
  const kept = objectivesData(before).filter((link) => !ids.includes(normalizeId(String(link.id))));
  return verifiedText(file, before, edit.text, kept);
}

/** Edits made one after the other, each on the list as the previous one left it (re-read only when needed). */
class StepwiseEdit {
  text: string;
  constructor(
    private readonly file: ProjectText,
    private list: ObjectivesList,
  ) {
    this.text = list.text;
  }

  apply(splices: (list: ObjectivesList) => Splice[]): void {
    if (this.list.text !== this.text) this.list = readList(this.file, this.text);
    this.text = applySplices(this.text, splices(this.list));
  }
}

/** The ids the `objectives` list links to, normalised (M1.8). */
export function linkedIds(doc: Document.Parsed): string[] {
  const seq = doc.get('objectives', true);
  return isSeq(seq) ? seq.items.map((item) => normalizeId(String(isMap(item) ? item.get('id') : ''))) : [];
}

function readList(file: ProjectText, text: string): ObjectivesList {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw refuse(file, text, doc.errors[0]!.pos[0], text === file.text ? 'the file does not parse as YAML' : 'the edit would not parse as YAML');
  const contents = doc.contents;
  const pair = isMap(contents) ? contents.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === 'objectives') : undefined;
  if (!pair || !isScalar(pair.key) || !isSeq(pair.value)) throw new InputError(`${file.displayPath}: the project has no objectives list to edit; add \`objectives: []\` first`);
  const seq = pair.value;
  const items = seq.items.map((node) => {
    if (!isMap(node)) throw refuse(file, text, rangeOf(file, text, node as Node)[0], 'an item is not a map with an id');
    return seq.flow ? flowItem(file, text, node) : blockItem(file, text, node);
  });
  return { text, doc, key: pair.key, seq, items, eol: dominantLineEnding(text) };
}

function flowItem(file: ProjectText, text: string, node: YAMLMap): LinkItem {
  const [from, end] = rangeOf(file, text, node);
  // The node's range leaves out its anchor and tag (`&a !!map {…}`), which belong to the item.
  const properties = /(?:[&!][^\s,[\]{}]*[ \t]+)+$/.exec(text.slice(lineStart(text, from), from))?.[0] ?? '';
  return { node, id: normalizeId(String(node.get('id'))), start: from - properties.length, end };
}

/** A `-` line with nothing after the dash but an anchor or tag: the item itself is on the next line. */
const DASH_ALONE = /^ *-(?:[ \t]+[&!]\S*)*[ \t]*\r?\n$/;

function blockItem(file: ProjectText, text: string, node: YAMLMap): LinkItem {
  const [from, to] = rangeOf(file, text, node);
  const nodeLine = lineStart(text, from);
  const before = text.slice(nodeLine, from);
  const dashLine = nodeLine > 0 ? lineStart(text, nodeLine - 1) : nodeLine;
  const start = /^ *- +(?:[&!]\S* +)*$/.test(before) ? nodeLine : /^ *(?:[&!]\S* +)*$/.test(before) && DASH_ALONE.test(text.slice(dashLine, nodeLine)) ? dashLine : undefined;
  if (start === undefined) throw refuse(file, text, from, 'an item whose "-" line holds more than an anchor or tag before it');
  // A block map's range runs on over the comment lines after it; its last value ends its last line.
  const last = node.items.at(-1);
  const contentEnd = node.flow ? to : ((last?.value as Node | null)?.range?.[1] ?? (last?.key as Node | null)?.range?.[1] ?? to);
  return { node, id: normalizeId(String(node.get('id'))), start, end: endOfLineAt(text, contentEnd) };
}

/** The splices that add one link at the end of the list, in the list's own style. */
function appendSplices(file: ProjectText, list: ObjectivesList, change: LinkChange): Splice[] {
  const { text, seq, eol } = list;
  const last = list.items.at(-1);
  if (!last) return emptyListSplices(file, list, change);
  if (!seq.flow) return [linesSplice(text, last.end, indentLines(renderItem(change, text, last), blockLayout(text, last).dash), eol)];
  const rendered = renderItem(change, text, last)[0]!;
  if (!hasOwnLines(list)) {
    // Right after the last item, on its line, separated as the items of a line are.
    const previous = list.items.at(-2);
    const gap = previous ? text.slice(previous.end, last.start) : '';
    return [{ start: last.end, end: last.end, text: (INLINE_SEPARATOR.test(gap) ? gap : ', ') + rendered }];
  }
  const comma = commaAfter(text, last.end);
  const indent = text.slice(lineStart(text, last.start), last.start);
  const splices = [linesSplice(text, lineEnd(text, last.end), [indent + rendered + (comma === undefined ? '' : ',')], eol)];
  return comma !== undefined ? splices : [{ start: last.end, end: last.end, text: ',' }, ...splices];
}

/** An empty flow list (`objectives: []`) becomes a block list under its key; unlinking its last item writes `[]` back. */
function emptyListSplices(file: ProjectText, list: ObjectivesList, change: LinkChange): Splice[] {
  const { text, key, seq, eol } = list;
  const colon = colonAfter(file, list);
  const [seqStart, seqEnd] = rangeOf(file, text, seq);
  if (!/^[ \t]*\[[ \t]*\]$/.test(text.slice(colon + 1, seqEnd))) throw refuse(file, text, seqStart, 'an empty list with more than spaces around its brackets');
  const [keyStart] = rangeOf(file, text, key);
  const keyColumn = keyStart - lineStart(text, keyStart);
  const lines = indentLines(renderItem(change, text, undefined), `${' '.repeat(keyColumn)}  - `);
  return [
    { start: colon + 1, end: seqEnd, text: '' },
    linesSplice(text, endOfLineAt(text, seqEnd), lines, eol),
  ];
}

/** The splices that remove the item at `index`, with the comment lines right above it. */
function removeSplices(file: ProjectText, list: ObjectivesList, index: number): Splice[] {
  const { text, seq, items } = list;
  const item = items[index]!;
  if (items.length === 1 && seq.flow) {
    const [start, end] = rangeOf(file, text, seq);
    return [{ start, end, text: '[]' }];
  }
  if (!seq.flow) {
    const removal = linesRemoval(text, item.start, item.end);
    // An emptied block list would leave `objectives:` with no value (null), so it becomes [] (after its anchor or tag, if any).
    if (items.length > 1) return [removal];
    const afterColon = colonAfter(file, list) + 1;
    const at = afterColon + /^(?:[ \t]+[&!]\S*)*/.exec(text.slice(afterColon))![0].length;
    return [{ start: at, end: at, text: ' []' }, removal];
  }
  if (!hasOwnLines(list)) return [separatorRemoval(file, list, index)];
  const removal = linesRemoval(text, lineStart(text, item.start), lineEnd(text, item.end));
  const previous = items[index - 1];
  // The last item has no comma; the one before it, now last, gives up its own.
  if (index === items.length - 1 && previous && commaAfter(text, item.end) === undefined) {
    const comma = commaAfter(text, previous.end)!;
    return [{ start: comma, end: comma + 1, text: '' }, removal];
  }
  return [removal];
}

/** Remove a flow item with the separator after it or, for the last one, before it. */
function separatorRemoval(file: ProjectText, list: ObjectivesList, index: number): Splice {
  const { text, items } = list;
  const item = items[index]!;
  const next = items[index + 1];
  if (next && BARE_SEPARATOR.test(text.slice(item.end, next.start))) return { start: item.start, end: next.start, text: '' };
  const previous = items[index - 1];
  if (previous && BARE_SEPARATOR.test(text.slice(previous.end, item.start))) return { start: previous.end, end: item.end, text: '' };
  throw refuse(file, text, item.start, 'a comment between items that share lines with other items or with the brackets');
}

/** The splice that sets `field` of an existing link: its value is replaced, or a `field: value` added after the item's last one. */
function fieldSplice(file: ProjectText, list: ObjectivesList, item: LinkItem, field: LinkField, value: string | number): Splice {
  const { text, eol } = list;
  const pair = item.node.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === field);
  if (pair) {
    const node = pair.value as Node | null;
    if (!node?.range) throw refuse(file, text, rangeOf(file, text, pair.key as Node)[0], `the ${field} has no value to replace`);
    const [start, end] = node.range;
    // A block scalar (`note: |`) ends with its line ending, which the one-line value keeps.
    const lineEnding = /\r?\n[\s]*$/.exec(text.slice(start, end))?.[0] ?? '';
    return { start, end, text: renderScalar(value) + lineEnding };
  }
  if (item.node.flow) {
    const last = item.node.items.at(-1)!;
    const after = (last.value as Node | null)?.range?.[1] ?? rangeOf(file, text, last.key as Node)[1];
    return { start: after, end: after, text: `, ${field}: ${renderScalar(value)}` };
  }
  return linesSplice(text, item.end, [`${' '.repeat(blockLayout(text, item).keyColumn)}${field}: ${renderScalar(value)}`], eol);
}

/**
 * How a block list item is laid out: what a new item after it starts with (`  - `), and the column its
 * keys align at (after the dash, where an anchor like `- &a id: …` begins, or the indentation of the
 * line after a lone `-`).
 */
function blockLayout(text: string, item: LinkItem): { dash: string; keyColumn: number } {
  const [nodeStart] = item.node.range!;
  const keyLine = lineStart(text, nodeStart);
  if (keyLine !== item.start) return { dash: `${/^ */.exec(text.slice(item.start))![0]}- `, keyColumn: /^ */.exec(text.slice(keyLine))![0].length };
  const dash = /^ *- +/.exec(text.slice(item.start))![0];
  return { dash, keyColumn: dash.length };
}

/** Whether each item of a flow list is on lines of its own (with its comma and comment), the brackets on others. */
function hasOwnLines(list: ObjectivesList): boolean {
  const { text, items } = list;
  return items.every((item) => /^[ \t]*$/.test(text.slice(lineStart(text, item.start), item.start)) && /^[ \t]*,?[ \t]*(?:#.*)?\r?\n/.test(text.slice(item.end)));
}

/** Remove the lines from `start` to `end` with the comment lines right above them; a last line without a line ending takes the one before it. */
function linesRemoval(text: string, start: number, end: number): Splice {
  const from = commentLinesAbove(text, start);
  return end === text.length && !text.endsWith('\n') ? { start: from - lineEndingBefore(text, from), end, text: '' } : { start: from, end, text: '' };
}

function commentLinesAbove(text: string, start: number): number {
  let first = start;
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  while (first > 0) {
    const previous = lineStart(text, first - 1);
    if (!text.slice(previous, first).startsWith(`${indent}#`)) break;
    first = previous;
  }
  return first;
}

/** The offset of the comma right after a flow item (spaces allowed between), or undefined. */
function commaAfter(text: string, offset: number): number | undefined {
  const match = /^[ \t]*,/.exec(text.slice(offset));
  return match ? offset + match[0].length - 1 : undefined;
}

/** The offset of the `:` after the `objectives` key. */
function colonAfter(file: ProjectText, list: ObjectivesList): number {
  const colon = list.text.indexOf(':', rangeOf(file, list.text, list.key)[1]);
  if (colon < 0) throw refuse(file, list.text, rangeOf(file, list.text, list.key)[0], 'no colon after the objectives key');
  return colon;
}

/** One link as YAML lines, in the style of `like` (an existing item of `text`): a block or flow map, the id quoted as there. */
function renderItem(change: LinkChange, text: string, like: LinkItem | undefined): string[] {
  const flow = like?.node.flow === true;
  const doc = new Document({ id: change.id, ...(change.weight !== undefined && { weight: change.weight }), ...(change.note !== undefined && { note: change.note }) });
  const id = doc.get('id', true) as Scalar;
  const likeId = like?.node.get('id', true);
  if (isScalar(likeId) && likeId.type) id.type = likeId.type;
  const note = doc.get('note', true);
  // A multi-line note in a flow map is written on one line, escaped.
  if (flow && isScalar(note) && change.note?.includes('\n')) note.type = Scalar.QUOTE_DOUBLE;
  const lines = doc.toString({ collectionStyle: flow ? 'flow' : 'block', lineWidth: 0 }).replace(/\n$/, '').split('\n');
  // Flow maps written without inner spaces (`{id: M1.8}`) get new items written the same way.
  const tight = flow && like?.node.range && /^\{[^\s}]/.test(text.slice(like.node.range[0]));
  return tight ? lines.map((line) => line.replace(/^\{ /, '{').replace(/ \}$/, '}')) : lines;
}

/** A value as a scalar that is valid both in a block and in a flow map (quoted when it must be). */
function renderScalar(value: string | number): string {
  const doc = new Document([value]);
  const scalar = doc.get(0, true);
  if (isScalar(scalar) && typeof value === 'string' && value.includes('\n')) scalar.type = Scalar.QUOTE_DOUBLE;
  // The library quotes a scalar for a flow context only inside a flow collection: `[ value ]`.
  return doc.toString({ collectionStyle: 'flow', lineWidth: 0 }).slice('[ '.length, -' ]\n'.length);
}

/** Prefix the first line with `dash` (e.g. `  - `) and align the others under it. */
function indentLines(lines: readonly string[], dash: string): string[] {
  const hanging = ' '.repeat(dash.length);
  return lines.map((line, index) => (index === 0 ? dash : hanging) + line);
}

type LinkData = Record<string, unknown>;

function objectivesData(list: ObjectivesList): LinkData[] {
  return (list.doc.toJS() as { objectives: LinkData[] }).objectives;
}

/** The links as they should be after `changes`: values set on existing links, new links appended. */
function linkedData(list: ObjectivesList, changes: readonly LinkChange[]): LinkData[] {
  const links = [...objectivesData(list)];
  for (const { id, ...values } of changes) {
    const set = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
    const index = links.findIndex((link) => normalizeId(String(link.id)) === id);
    if (index < 0) links.push({ id, ...set });
    else links[index] = { ...links[index], ...set };
  }
  return links;
}

/**
 * The edited text, once it re-parses to exactly the intended links with every other value unchanged
 * and no byte changed outside the list (from the key's colon to the end of the list's last line);
 * otherwise the edit is refused.
 */
function verifiedText(file: ProjectText, before: ObjectivesList, text: string, links: readonly LinkData[]): string {
  const after = parseDocument(text, { uniqueKeys: true });
  const expected = { ...(before.doc.toJS() as object), objectives: links };
  const regionStart = colonAfter(file, before) + 1;
  const tail = before.text.slice(endOfLineAt(before.text, before.seq.range![1]));
  const outsideKept = text.startsWith(before.text.slice(0, regionStart)) && text.endsWith(tail) && text.length - tail.length >= regionStart;
  if (after.errors.length > 0 || !isDeepStrictEqual(after.toJS(), expected) || !outsideKept) {
    throw refuse(file, before.text, rangeOf(file, before.text, before.key)[0], 'the edit would not give exactly the intended links');
  }
  return text;
}

function refuse(file: ProjectText, text: string, offset: number, reason: string): InputError {
  const { line, column } = linePosition(text, offset);
  return new InputError(`${file.displayPath}:${line}:${column}: the objectives list uses a layout psttm cannot edit safely (${reason}); edit it by hand`);
}

function rangeOf(file: ProjectText, text: string, node: Node): [number, number] {
  if (!node.range) throw refuse(file, text, 0, 'a value without source positions');
  return [node.range[0], node.range[1]];
}
