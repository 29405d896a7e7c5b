import type { CST, Document, Node } from 'yaml';
import { READ_LIMITS } from '../io/bounded-read.js';
import { yamlLibrary } from './yaml-library.js';

/**
 * How deeply values may nest, counting every mapping, sequence and scalar on the way down
 * (`a: [1]` nests 3 deep). Plan files nest about 6 deep; the parsers, the schema validators and the
 * rules recurse on nesting, so a file nested thousands deep would overflow their stacks.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * How large a file's data may grow when its aliases are expanded, in characters of YAML text:
 * 10 times the file, and at least as much as the largest file allowed. yaml's `maxAliasCount`
 * counts alias uses, not what they expand to, so 999 uses of one large anchor pass it.
 */
export function maxExpandedSize(textLength: number): number {
  return Math.max(READ_LIMITS.yaml, 10 * textLength);
}

/**
 * The offset of the first node nested deeper than MAX_NESTING_DEPTH in a parsed CST, if any. The
 * CST parser keeps its own stack, so it survives any nesting; this walk keeps one too.
 */
export function firstTooDeepOffset(tokens: readonly CST.Token[]): number | undefined {
  const pending: [CST.Token, number][] = [];
  for (const token of tokens) if (token.type === 'document' && token.value) pending.push([token.value, 1]);
  pending.reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [token, depth] = next;
    if (depth > MAX_NESTING_DEPTH) return token.offset;
    if (!('items' in token)) continue;
    // Pushed last item first, so the walk goes in document order and finds the first offender.
    for (let index = token.items.length - 1; index >= 0; index--) {
      const { key, value } = token.items[index]!;
      if (value) pending.push([value, depth + 1]);
      if (key) pending.push([key, depth + 1]);
    }
  }
  return undefined;
}

/** An alias that makes its document too large or too deep once expanded. */
export interface ExpansionExcess {
  reason: 'size' | 'depth' | 'cycle';
  /** The offset of the alias in the text. */
  offset: number;
}

/**
 * Check what a document's aliases expand to, before anything expands them, in one pass in document
 * order: an alias weighs what its anchor's node expands to (computed once per anchored node), the
 * size of a node is its text with every alias in it replaced by its anchor's text, and an alias
 * nests its anchor's node where the alias stands. Returns the first alias past MAX_NESTING_DEPTH or
 * past the size bound, or one inside its own anchor's node (an endless expansion).
 */
export function findExpansionExcess(doc: Document.Parsed, textLength: number): ExpansionExcess | undefined {
  const sizeBound = maxExpandedSize(textLength);
  const anchors = new Map<string, Node>();
  const expanded = new Map<Node, Expanded>();
  let totalSize = textLength;
  let excess: ExpansionExcess | undefined;
  const { isAlias, isCollection, isPair, isScalar } = yamlLibrary();
  /** The characters a node's own text takes (0 for a missing key or value). */
  const span = (node: unknown): number => (isAlias(node) || isScalar(node) || isCollection(node) ? (node.range ? node.range[1] - node.range[0] : 0) : 0);

  /** The size and depth of `node` expanded, nested at `depth`; sets `excess` at the first offending alias. */
  const measure = (node: unknown, depth: number): Expanded => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      // An unresolved alias is reported by toJS.
      if (!target) return NOTHING;
      const offset = node.range?.[0] ?? 0;
      const result = expanded.get(target);
      if (!result) excess = { reason: 'cycle', offset };
      else if (depth + result.depth - 1 > MAX_NESTING_DEPTH) excess = { reason: 'depth', offset };
      else if ((totalSize += result.size - span(node)) > sizeBound) excess = { reason: 'size', offset };
      return result ?? NOTHING;
    }
    if (!isScalar(node) && !isCollection(node)) return NOTHING;
    if (node.anchor) anchors.set(node.anchor, node);
    let size = span(node);
    let deepest = 0;
    if (isCollection(node)) {
      for (const item of node.items) {
        for (const child of isPair(item) ? [item.key, item.value] : [item]) {
          const result = measure(child, depth + 1);
          if (excess) return NOTHING;
          size += result.size - span(child);
          deepest = Math.max(deepest, result.depth);
        }
      }
    }
    const result = { size, depth: deepest + 1 };
    if (node.anchor) expanded.set(node, result);
    return result;
  };

  measure(doc.contents, 1);
  return excess;
}

interface Expanded {
  size: number;
  depth: number;
}

const NOTHING: Expanded = { size: 0, depth: 0 };
