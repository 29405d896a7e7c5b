import type { Document, LineCounter, Node, Pair } from 'yaml';
import { yamlLibrary } from './yaml-library.js';

/** A path into the data of a file: map keys and sequence indexes. */
export type DataPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/** 1-based start and end of a span of the file (the end is where its node's text ends). */
export interface Span extends Position {
  endLine: number;
  endColumn: number;
}

/** What locating a path needs of a parsed file (a YamlFile has it): its document and its line starts, or a cheaper locator. */
interface PositionedFile {
  readonly doc: Document.Parsed | undefined;
  readonly lineCounter: LineCounter;
  /** The span of a path from the parser that read the data, when it can tell (see fast-positions.ts); the document is parsed only when it cannot. */
  fastSpan?(path: DataPath, target: 'key' | 'value'): Span | undefined;
}

/** Where `path` starts in the file (see locateSpan). */
export function locate(file: PositionedFile, path: DataPath, target: 'key' | 'value' = 'value'): Position {
  const { line, column } = locateSpan(file, path, target);
  return { line, column };
}

/**
 * The 1-based span of `path` in the file: the value (or, with `target: 'key'`, the key) of the
 * deepest node that exists along the path, so a missing property points at the map that lacks it.
 */
export function locateSpan(file: PositionedFile, path: DataPath, target: 'key' | 'value' = 'value'): Span {
  const fast = file.fastSpan?.(path, target);
  if (fast) return fast;
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  const keyText = (key: unknown) => (isScalar(key) ? String(key.value) : undefined);
  // `title:` with nothing after it parses as a zero-width null scalar at the end of the line.
  const isEmptyScalar = (node: unknown) => isScalar(node) && node.range !== undefined && node.range !== null && node.range[0] === node.range[1];
  let node: unknown = file.doc?.contents;
  let pair: Pair | undefined;
  let located: unknown = node;
  for (const segment of path) {
    pair = undefined;
    let next: unknown;
    if (isMap(node)) {
      pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      next = pair?.value;
    } else if (isSeq(node)) {
      next = node.items[Number(segment)];
    }
    if (pair === undefined && next === undefined) break;
    const value = isEmptyScalar(next) ? undefined : next;
    located = [target === 'key' ? pair?.key : undefined, value, pair?.key].find((candidate) => rangeOf(candidate) !== undefined) ?? located;
    node = next;
  }
  const [start, end] = rangeOf(located) ?? [0, 0];
  return spanBetween(file.lineCounter, start, end);
}

/** The span between two offsets of a parsed text (a point when they are equal). */
export function spanBetween(lineCounter: LineCounter, start: number, end = start): Span {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(end);
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/** Where the node's text starts and ends (comments after it left out). */
function rangeOf(node: unknown): readonly [number, number] | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}
