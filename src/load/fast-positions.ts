import { CORE_SCHEMA, load } from 'js-yaml';
import type { DataPath, Span } from './positions.js';

/** Where a node's text starts and ends in the file (offsets), as the yaml library's `range[0]` and `range[1]` give them. */
type OffsetRange = readonly [number, number];

/** A node as js-yaml composed it: where its text starts and ends, what it holds, and its child nodes (a mapping's keys and values in turn). */
interface EventNode {
  open: number;
  close: number;
  kind: string | null;
  result: unknown;
  children: EventNode[];
}

/** The span locateSpan gives for a data path, or undefined when this file needs the yaml library's document to say it. */
type SpanLocator = (path: DataPath, target: 'key' | 'value') => Span | undefined;

const NOT_LOCATED: SpanLocator = () => undefined;

/**
 * Syntax this locator leaves to the yaml library: document markers and directives, explicit keys,
 * block scalars that keep their final line breaks (`|+`), tabs and carriage returns.
 */
const NEEDS_DOCUMENT = /^(---|\.\.\.|%)|^\s*\?(\s|$)|[|>][1-9]?\+|[\t\r]/m;

/** A line holding only a comment, indented (comment lines in the first column belong to no nested collection). */
const COMMENT_LINE = /^ +#/m;

/**
 * A locator built from js-yaml's parse events, which costs a fraction of the yaml library's
 * document: js-yaml reports where each node's parse opens and closes, and the data it made.
 * Every mapping and sequence is checked against that data (its keys, its item count), so a tree
 * this code misreads is never used: it returns undefined and the caller takes the document.
 */
export function fastSpanLocator(text: string, loadOptions: object): SpanLocator {
  // The yaml library may count an indented comment line after a collection's last item into the collection's span: a rule left to it.
  if (NEEDS_DOCUMENT.test(text) || COMMENT_LINE.test(text.slice(skipBlanks(text, 0)))) return NOT_LOCATED;
  const root: EventNode = { open: 0, close: text.length, kind: null, result: undefined, children: [] };
  const stack: EventNode[] = [root];
  const listener = (event: 'open' | 'close', state: { position: number; kind: string | null; result: unknown }) => {
    if (event === 'open') {
      const node: EventNode = { open: state.position, close: state.position, kind: null, result: undefined, children: [] };
      stack.at(-1)!.children.push(node);
      stack.push(node);
    } else {
      const node = stack.pop()!;
      Object.assign(node, { close: state.position, kind: state.kind, result: state.result });
    }
  };
  try {
    load(text, { ...loadOptions, schema: CORE_SCHEMA, listener });
  } catch {
    return NOT_LOCATED;
  }
  const [document] = root.children;
  if (document === undefined || stack.length !== 1) return NOT_LOCATED;
  const top = unwrap(document);
  if (!isConsistent(top)) return NOT_LOCATED;
  const lineStarts = [0];
  for (let offset = text.indexOf('\n'); offset >= 0; offset = text.indexOf('\n', offset + 1)) lineStarts.push(offset + 1);
  return (path, target) => {
    const [start, end] = locateOffsets(text, top, path, target);
    const from = linePosition(lineStarts, start);
    const to = linePosition(lineStarts, end);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  };
}

/** 1-based line and column of an offset, as the yaml library's LineCounter gives them. */
function linePosition(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let [low, high] = [0, lineStarts.length - 1];
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}

/** js-yaml composes a sequence item or an implicit key twice over, one node holding the other: keep the inner one. */
function unwrap(node: EventNode): EventNode {
  let current = node;
  while (current.children.length === 1 && current.children[0]!.result === current.result && current.children[0]!.kind === current.kind) current = current.children[0]!;
  return current;
}

function isConsistent(node: EventNode): boolean {
  if (node.kind === 'mapping') {
    // Keys in the order of the text, which for integer-like keys is not that of the object.
    const keys = new Set(Object.keys(node.result as object));
    if (node.children.length !== keys.size * 2) return false;
    node.children = node.children.map(unwrap);
    return node.children.every((child, index) => (index % 2 === 1 || keys.delete(String(child.result))) && isConsistent(child));
  }
  if (node.kind === 'sequence') {
    if (node.children.length !== (node.result as unknown[]).length) return false;
    node.children = node.children.map(unwrap);
    return node.children.every(isConsistent);
  }
  // A scalar, or an empty value (js-yaml gives it no kind).
  return node.children.length === 0;
}

/** The same walk as locateSpan's over the yaml document: the deepest node along the path, its key when asked or when its value is empty. */
function locateOffsets(text: string, top: EventNode, path: DataPath, target: 'key' | 'value'): OffsetRange {
  let node: EventNode | undefined = top;
  let located = rangeOf(text, top)!;
  for (const segment of path) {
    let key: EventNode | undefined;
    let next: EventNode | undefined;
    if (node?.kind === 'mapping') {
      const index = node.children.findIndex((child, position) => position % 2 === 0 && String(child.result) === String(segment));
      if (index >= 0) [key, next] = [node.children[index], node.children[index + 1]];
    } else if (node?.kind === 'sequence') {
      next = node.children[Number(segment)];
    }
    if (key === undefined && next === undefined) break;
    const candidates = [target === 'key' ? key : undefined, next, key].map((candidate) => candidate && rangeOf(text, candidate));
    located = candidates.find((range) => range !== undefined) ?? located;
    node = next;
  }
  return located;
}

/** Where a node's text starts and ends: its parse opened before the blanks and comments ahead of it; undefined for an empty value. */
function rangeOf(text: string, node: EventNode): OffsetRange | undefined {
  const start = skipBlanks(text, node.open);
  const end = trimEnd(text, node.close);
  if (start >= end) return undefined;
  const opener = text[start];
  // Flow collections and one-line scalars end with their text; block ones after the line break that ends them.
  if (opener === '[' || opener === '{' || (node.kind === 'scalar' && opener !== '|' && opener !== '>')) return [start, end];
  const contentEnd = node.kind === 'scalar' || node.children.length === 0 ? end : rangeOf(text, node.children.at(-1)!)?.[1] ?? end;
  return [start, text[contentEnd - 1] === '\n' ? contentEnd : afterLineBreak(text, contentEnd)];
}

/** Past the rest of the line (blanks and a comment) and its line break, when only those follow `offset`. */
function afterLineBreak(text: string, offset: number): number {
  let end = offset;
  while (text[end] === ' ') end++;
  if (text[end] === '#') end = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
  return text[end] === '\n' ? end + 1 : offset;
}

function skipBlanks(text: string, from: number): number {
  let offset = from;
  for (;;) {
    const char = text[offset];
    if (char === ' ' || char === '\n') offset++;
    else if (char === '#') while (offset < text.length && text[offset] !== '\n') offset++;
    else return offset;
  }
}

function trimEnd(text: string, to: number): number {
  let offset = to;
  while (offset > 0 && (text[offset - 1] === ' ' || text[offset - 1] === '\n')) offset--;
  return offset;
}
