import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { YamlFile } from './yaml-file.js';

/** A path into the data of a file: map keys and sequence indexes. */
export type DataPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/**
 * The 1-based position of `path` in the file: the value (or, with `target: 'key'`, the key) of the
 * deepest node that exists along the path, so a missing property points at the map that lacks it.
 */
export function locate(file: YamlFile, path: DataPath, target: 'key' | 'value' = 'value'): Position {
  let node: unknown = file.doc?.contents;
  let pair: Pair | undefined;
  let offset = rangeStart(node) ?? 0;
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
    const valueStart = isEmptyScalar(next) ? undefined : rangeStart(next);
    offset = (target === 'key' && pair ? rangeStart(pair.key) : undefined) ?? valueStart ?? rangeStart(pair?.key) ?? offset;
    node = next;
  }
  const { line, col } = file.lineCounter.linePos(offset);
  return { line, column: col };
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/** `title:` with nothing after it parses as a zero-width null scalar at the end of the line. */
function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.range !== undefined && node.range !== null && node.range[0] === node.range[1];
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
