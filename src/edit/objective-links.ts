import { isMap, isScalar, isSeq, stringify, type Document, type Node, type YAMLSeq } from 'yaml';
import { RunError } from '../cli/errors.js';
import { normalizeId } from '../model/ids.js';

/** A link to add, or to update when the project already has it. */
export interface LinkChange {
  id: string;
  weight?: number;
  note?: string;
}

interface LinkItem {
  node: Node;
  id: string;
  weight: number | undefined;
  note: string | undefined;
  /** Offsets of the item's own lines: from the start of its first line to the end of its last, newline included. */
  start: number;
  end: number;
  /** Where the comment lines right above the item start (equal to `start` when there are none). */
  commentStart: number;
}

/** A replacement of `text.slice(start, end)`. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Add or update links in the `objectives` list of a project file. Only the list's text changes: new
 * links are appended in the style of the existing ones, an updated link is rewritten in place, and
 * every other byte of the file is kept.
 */
export function linkObjectives(text: string, doc: Document.Parsed, changes: readonly LinkChange[]): string {
  const seq = objectivesList(doc);
  const items = linkItems(text, seq);
  const splices: Splice[] = [];
  const added: LinkChange[] = [];
  for (const change of changes) {
    const existing = items.find((item) => item.id === change.id);
    if (!existing) {
      added.push(change);
      continue;
    }
    const merged = { id: existing.id, weight: change.weight ?? existing.weight, note: change.note ?? existing.note };
    if (merged.weight === existing.weight && merged.note === existing.note) continue;
    const rendered = renderItem(merged, isMap(existing.node) && existing.node.flow === true);
    if (seq.flow) splices.push({ start: rangeOf(existing.node)[0], end: rangeOf(existing.node)[1], text: rendered.trimEnd() });
    else splices.push({ start: existing.start, end: existing.end, text: indentItem(rendered, itemIndent(text, existing)) });
  }
  if (added.length > 0) splices.push(appendSplice(text, doc, seq, items, added));
  return applySplices(text, splices);
}

/** Remove links from the `objectives` list, with the comment lines right above each; the rest of the file is kept byte for byte. */
export function unlinkObjectives(text: string, doc: Document.Parsed, ids: readonly string[]): string {
  const seq = objectivesList(doc);
  const items = linkItems(text, seq);
  const removed = items.filter((item) => ids.includes(item.id));
  const kept = items.filter((item) => !ids.includes(item.id));
  if (seq.flow) {
    const [start, end] = rangeOf(seq);
    return applySplices(text, [{ start, end, text: flowList(kept.map((item) => text.slice(...rangeOf(item.node)))) }]);
  }
  const splices: Splice[] = removed.map((item) => ({ start: item.commentStart, end: item.end, text: '' }));
  // An emptied block list would leave `objectives:` with no value (null), so it becomes [].
  if (kept.length === 0) {
    const afterColon = colonAfterKey(text, doc) + 1;
    splices.push({ start: afterColon, end: afterColon, text: ' []' });
  }
  return applySplices(text, splices);
}

/** The ids the `objectives` list links to, normalised (M1.8). */
export function linkedIds(doc: Document.Parsed): string[] {
  return objectivesList(doc).items.map((item) => normalizeId(String(isMap(item) ? item.get('id') : '')));
}

function objectivesList(doc: Document.Parsed): YAMLSeq {
  const seq = doc.get('objectives', true);
  if (!isSeq(seq)) throw new RunError('the project has no objectives list to edit; add `objectives: []` first');
  return seq;
}

function linkItems(text: string, seq: YAMLSeq): LinkItem[] {
  return seq.items.map((node) => {
    if (!isMap(node)) throw new RunError(`the objectives list has an item that is not a map (line text: ${JSON.stringify(text.slice(...rangeOf(node as Node)))}); fix it first`);
    const [from, to] = rangeOf(node);
    const start = lineStart(text, from);
    const end = text[to - 1] === '\n' ? to : lineEnd(text, to);
    const weight = node.get('weight');
    const note = node.get('note');
    return {
      node,
      id: normalizeId(String(node.get('id'))),
      weight: typeof weight === 'number' ? weight : undefined,
      note: typeof note === 'string' ? note : undefined,
      start,
      end,
      commentStart: seq.flow ? start : commentLinesAbove(text, start),
    };
  });
}

function appendSplice(text: string, doc: Document.Parsed, seq: YAMLSeq, items: readonly LinkItem[], added: readonly LinkChange[]): Splice {
  const last = items.at(-1);
  if (seq.flow && last) {
    const rendered = added.map((change) => renderItem(change, true).trimEnd());
    return { start: rangeOf(seq)[0], end: rangeOf(seq)[1], text: flowList([...items.map((item) => text.slice(...rangeOf(item.node))), ...rendered]) };
  }
  if (last) {
    const flowItems = isMap(last.node) && last.node.flow === true;
    const indent = itemIndent(text, last);
    const block = added.map((change) => indentItem(renderItem(change, flowItems), indent)).join('');
    // The last item may end the file without a newline.
    const separator = text[last.end - 1] === '\n' ? '' : '\n';
    return { start: last.end, end: last.end, text: separator + block };
  }
  // An empty list ([] or nothing): written as a block list under the key.
  const colon = colonAfterKey(text, doc);
  const [, end] = rangeOf(seq);
  const keyIndent = ' '.repeat(colon - lineStart(text, colon) - 'objectives'.length);
  const block = added.map((change) => indentItem(renderItem(change, false), `${keyIndent}  - `)).join('');
  return { start: colon + 1, end, text: '\n' + block.replace(/\n$/, '') };
}

/** One link as YAML: a block map (`id: …` lines) or a flow map (`{ id: … }`), ending in a newline. */
function renderItem(change: LinkChange, flow: boolean): string {
  const item: Record<string, unknown> = { id: change.id };
  if (change.weight !== undefined) item.weight = change.weight;
  if (change.note !== undefined) item.note = change.note;
  return stringify(item, { collectionStyle: flow ? 'flow' : 'block', lineWidth: 0 });
}

/** Prefix the first line of a rendered item with `indent` (e.g. `  - `) and align the others under it. */
function indentItem(rendered: string, indent: string): string {
  const lines = rendered.replace(/\n$/, '').split('\n');
  const hanging = ' '.repeat(indent.length);
  return lines.map((line, index) => (index === 0 ? indent : hanging) + line).join('\n') + '\n';
}

/** The text before an item on its first line: its indentation and dash, e.g. `  - `. */
function itemIndent(text: string, item: LinkItem): string {
  const prefix = text.slice(item.start, rangeOf(item.node)[0]);
  if (!/^ *- +$/.test(prefix)) throw new RunError('the objectives list is laid out in a way psttm cannot edit safely (one item per "- " line expected); edit it by hand');
  return prefix;
}

function flowList(items: readonly string[]): string {
  return items.length === 0 ? '[]' : `[ ${items.join(', ')} ]`;
}

/** The offset of the `:` after the `objectives` key. */
function colonAfterKey(text: string, doc: Document.Parsed): number {
  const contents = doc.contents;
  const pair = isMap(contents) ? contents.items.find((item) => isScalar(item.key) && item.key.value === 'objectives') : undefined;
  const keyEnd = pair && isScalar(pair.key) && pair.key.range ? pair.key.range[1] : -1;
  const colon = text.indexOf(':', keyEnd);
  if (keyEnd < 0 || colon < 0) throw new RunError('cannot find the objectives key to edit');
  return colon;
}

function commentLinesAbove(text: string, start: number): number {
  let first = start;
  const indent = /^ */.exec(text.slice(start))?.[0].length ?? 0;
  while (first > 0) {
    const previous = lineStart(text, first - 1);
    const line = text.slice(previous, first - 1);
    if (!new RegExp(`^ {${indent}}#`).test(line)) break;
    first = previous;
  }
  return first;
}

function rangeOf(node: Node): [number, number] {
  if (!node.range) throw new RunError('the project file has no source positions to edit');
  return [node.range[0], node.range[1]];
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** Apply non-overlapping splices, last first so earlier offsets stay valid. */
function applySplices(text: string, splices: readonly Splice[]): string {
  return [...splices].sort((a, b) => b.start - a.start).reduce((result, splice) => result.slice(0, splice.start) + splice.text + result.slice(splice.end), text);
}
