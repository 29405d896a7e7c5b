import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '../core/errors.js';
import { applySplices, dominantLineEnding, endOfLineAt, linePosition, linesSplice, lineStart, type Splice } from './text-lines.js';

/** A value an edit writes: a number or a string (a date, an id, a text). */
export type ScalarValue = string | number;
/** A list item an edit appends: keys in the order they are written. */
export type ItemValue = Readonly<Record<string, ScalarValue>>;
type DataPath = readonly (string | number)[];

/** Words YAML 1.1 readers take for booleans or null: always quoted. */
const RESERVED_WORDS = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
/** Ids, keywords and ISO dates stay plain; any other text is double-quoted, as JSON writes it (a subset of YAML). */
const PLAIN_TEXT = /^(?:[A-Za-z][A-Za-z0-9_-]*|\d{4}-\d{2}-\d{2})$/;

/**
 * Minimal edits of a YAML file's text: each one replaces a scalar's own characters or adds whole lines
 * (or, in a flow collection, an item before its closing bracket), in the style of its neighbours;
 * every other byte of the file is kept, comments and blank lines included. All edits are located on
 * the text as read, so they must touch different places; `text()` applies them together.
 */
export class YamlSplicer {
  private readonly doc: ReturnType<typeof parseDocument>;
  private readonly eol: '\r\n' | '\n';
  private readonly splices: Splice[] = [];

  constructor(
    private readonly displayPath: string,
    private readonly original: string,
  ) {
    this.doc = parseDocument(original, { uniqueKeys: true });
    if (this.doc.errors.length > 0) throw this.refuse(this.doc.errors[0]!.pos[0], 'the file does not parse as YAML');
    this.eol = dominantLineEnding(original);
  }

  /** The node at a data path, if there is one. */
  nodeAt(path: DataPath): unknown {
    return this.doc.getIn(path, true);
  }

  /** Set the scalar at `path`, replacing its characters, or adding `key: value` to the map that holds it (or that map to its own). */
  setScalar(path: DataPath, value: ScalarValue): void {
    const node = this.nodeAt(path);
    if (isScalar(node) && node.range) {
      this.splices.push({ start: node.range[0], end: node.range[1], text: renderScalar(value) });
      return;
    }
    if (node !== undefined) throw this.refuse(rangeStart(node), `${path.join('.')} is not a single value`);
    const mapPath = path.slice(0, -1);
    // A map that is absent too (a project without `period`) is added with its one key.
    if (mapPath.length > 0 && this.nodeAt(mapPath) === undefined) this.addPair(mapPath.slice(0, -1), String(mapPath.at(-1)), ['', `  ${String(path.at(-1))}: ${renderScalar(value)}`]);
    else this.addPair(mapPath, String(path.at(-1)), [renderScalar(value)]);
  }

  /** Append items to the list at `path` in the style of its last item, or start the list (of `style` items) when the key is absent. */
  appendItems(path: DataPath, items: readonly ItemValue[], style: 'flow' | 'block'): void {
    const seq = this.nodeAt(path);
    if (seq === undefined) {
      this.addPair(path.slice(0, -1), String(path.at(-1)), ['', ...items.flatMap((item) => this.itemLines(item, style)).map((line) => `  ${line}`)]);
      return;
    }
    if (!isSeq(seq) || !seq.range) throw this.refuse(rangeStart(seq), `${path.join('.')} is not a list`);
    const last = seq.items.at(-1) as Node | undefined;
    if (seq.flow) {
      const flowItems = items.map(renderFlowItem).join(', ');
      if (last?.range) this.splices.push({ start: last.range[1], end: last.range[1], text: `, ${flowItems}` });
      else this.splices.push({ start: seq.range[0], end: seq.range[1], text: `[${flowItems}]` });
      return;
    }
    const lastStyle = isMap(last) && !last.flow ? 'block' : 'flow';
    const indent = ' '.repeat(seq.range[0] - lineStart(this.original, seq.range[0]));
    const lines = items.flatMap((item) => this.itemLines(item, last === undefined ? style : lastStyle)).map((line) => indent + line);
    this.splices.push(linesSplice(this.original, endOfLineAt(this.original, seq.range[1]), lines, this.eol));
  }

  /** The edited text; the text as read when nothing was edited. */
  text(): string {
    return applySplices(this.original, this.splices);
  }

  /** `key: value` added to the map at `mapPath`: after its last entry, at the indent of its first key, or inside its braces. */
  private addPair(mapPath: DataPath, key: string, valueLines: readonly string[]): void {
    const map = mapPath.length === 0 ? this.doc.contents : this.nodeAt(mapPath);
    if (!isMap(map) || !map.range) throw this.refuse(rangeStart(map), `${mapPath.join('.') || 'the file'} is not a map to add ${key} to`);
    const [first, ...rest] = valueLines;
    if (map.flow) {
      const lastValue = (map as YAMLMap<unknown, Node>).items.at(-1)?.value;
      if (rest.length > 0 || !lastValue?.range) throw this.refuse(map.range[0], `${key} cannot be added to a one-line map`);
      this.splices.push({ start: lastValue.range[1], end: lastValue.range[1], text: `, ${key}: ${first}` });
      return;
    }
    const firstKey = (map as YAMLMap<Node>).items[0]?.key;
    if (!firstKey?.range) throw this.refuse(map.range[0], `${mapPath.join('.')} is empty`);
    const indent = ' '.repeat(firstKey.range[0] - lineStart(this.original, firstKey.range[0]));
    const lines = [`${indent}${key}:${first ? ` ${first}` : ''}`, ...rest.map((line) => indent + line)];
    this.splices.push(linesSplice(this.original, endOfLineAt(this.original, map.range[1]), lines, this.eol));
  }

  /** A list item as lines starting with its dash: one line for a flow map, a line per key for a block map. */
  private itemLines(item: ItemValue, style: 'flow' | 'block'): string[] {
    if (style === 'flow') return [`- ${renderFlowItem(item)}`];
    return Object.entries(item).map(([key, value], index) => `${index === 0 ? '- ' : '  '}${key}: ${renderScalar(value)}`);
  }

  private refuse(offset: number, reason: string): InputError {
    const { line, column } = linePosition(this.original, offset);
    return new InputError(`${this.displayPath}:${line}:${column}: psttm cannot edit this file with certainty (${reason}); edit it by hand`);
  }
}

/** A map on one line: `{ key: value, … }`. */
function renderFlowItem(item: ItemValue): string {
  return `{ ${Object.entries(item)
    .map(([key, value]) => `${key}: ${renderScalar(value)}`)
    .join(', ')} }`;
}

/** A value as YAML: numbers as digits, ids and dates plain, other text double-quoted. */
export function renderScalar(value: ScalarValue): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return PLAIN_TEXT.test(value) && !RESERVED_WORDS.test(value) ? value : JSON.stringify(value);
}

function rangeStart(node: unknown): number {
  return (node as Partial<YAMLSeq>)?.range?.[0] ?? 0;
}
