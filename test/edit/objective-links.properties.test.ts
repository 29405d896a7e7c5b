import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { linkObjectives, unlinkObjectives, type LinkChange } from '../../src/edit/objective-links.ts';
import { parseYamlBytes } from '../../src/load/yaml-file.ts';
import { normalizeId } from '../../src/model/ids.ts';

/** Fixed, so that a failure reproduces; fast-check prints the failing file's spec. */
const SEED = 20_261_122;
const RUNS = 5000;
const RESTORE_RUNS = 2000;
const NEW_ID = 'M3.1';

/** Notes as the editor itself writes them, so that restoring one gives back its exact source. */
const NOTES: readonly (readonly [value: string, source: string])[] = [
  ['primo', 'primo'],
  ['a, b', '"a, b"'],
  ['terzo: con due punti', '"terzo: con due punti"'],
  ['con # dentro', '"con # dentro"'],
];
const WEIGHTS = [0.25, 0.5, 0.75, 1] as const;

const comment = fc.option(fc.tuple(fc.constantFrom(' ', '  ', '\t', ' \t'), fc.constantFrom('# c', '#', '# a, b: [x]')).map(([space, text]) => space + text), { nil: undefined });

const itemArb = fc.record({
  quote: fc.constantFrom('plain', 'single', 'double'),
  /** `1.8` instead of `M1.8` (quoted only: a plain 1.10 would be the number 1.1). */
  bare: fc.boolean(),
  weight: fc.option(fc.constantFrom(...WEIGHTS), { nil: undefined }),
  note: fc.option(fc.constantFrom(...NOTES), { nil: undefined }),
  idLast: fc.boolean(),
  /** After a key's colon: a space or, as YAML allows there, a tab. */
  colonSpace: fc.constantFrom(' ', '\t'),
  flowMap: fc.boolean(),
  tightBraces: fc.boolean(),
  /** An anchor and a tag before the item (`&a !!map {…}`; on a block map the anchor goes before its first key). */
  anchor: fc.boolean(),
  tag: fc.boolean(),
  commentAbove: fc.boolean(),
  blankAbove: fc.boolean(),
  inlineComment: comment,
  commentOnFirstLine: fc.boolean(),
  /** In a block list: the `-` alone on its line (with the anchor, if any), the item below it. */
  dashAlone: fc.boolean(),
});

const fileArb = fc.record({
  ids: fc.shuffledSubarray(['M1.1', 'M1.2', 'M1.3', 'M2.1', 'M2.10'], { minLength: 0, maxLength: 4 }),
  items: fc.array(itemArb, { minLength: 4, maxLength: 4 }),
  list: fc.constantFrom('block', 'flow-inline', 'flow-lines', 'flow-shared-lines'),
  eol: fc.constantFrom('lf', 'crlf', 'mixed'),
  bom: fc.boolean(),
  documentStart: fc.boolean(),
  documentEnd: fc.boolean(),
  finalNewline: fc.boolean(),
  keysAfter: fc.boolean(),
  endComment: fc.boolean(),
  keyComment: comment,
  dashIndent: fc.constantFrom(0, 2, 4),
  dashSpaces: fc.constantFrom(1, 3),
  flowIndent: fc.constantFrom(2, 4),
  separator: fc.constantFrom(', ', ',', ' , ', ',\t'),
  bracketPadding: fc.constantFrom('', ' ', '\t'),
  trailingComma: fc.boolean(),
  tailComment: fc.boolean(),
});

type FileSpec = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;
type ItemSpec = FileSpec['items'][number];

interface Generated {
  bytes: Buffer;
  links: { id: string; weight?: number; note?: string }[];
}

function idSource(id: string, item: ItemSpec): string {
  const text = item.bare ? id.slice(1) : id;
  if (item.quote === 'single' || (item.bare && item.quote === 'plain')) return `'${text}'`;
  return item.quote === 'double' ? `"${text}"` : text;
}

function pairs(id: string, item: ItemSpec): string[] {
  const space = item.colonSpace;
  const values = [...(item.weight === undefined ? [] : [`weight:${space}${item.weight}`]), ...(item.note === undefined ? [] : [`note:${space}${item.note[1]}`])];
  const idPair = `id:${space}${idSource(id, item)}`;
  return item.idLast ? [...values, idPair] : [idPair, ...values];
}

const anchorOf = (id: string, item: ItemSpec) => (item.anchor ? `&a${id.replace('.', '_')} ` : '');

function flowMap(id: string, item: ItemSpec): string {
  const pad = item.tightBraces ? '' : ' ';
  return `${anchorOf(id, item)}${item.tag ? '!!map ' : ''}{${pad}${pairs(id, item).join(', ')}${pad}}`;
}

/** The lines of the objectives list, its key line first. */
function listLines(spec: FileSpec): string[] {
  const key = `objectives:${spec.keyComment ?? ''}`;
  const entries = spec.ids.map((id, index) => ({ id, item: spec.items[index]! }));
  if (entries.length === 0) return [`objectives: []${spec.keyComment ?? ''}`];
  if (spec.list === 'flow-inline') {
    const inner = entries.map(({ id, item }) => flowMap(id, item)).join(spec.separator) + (spec.trailingComma ? ',' : '');
    return [`objectives: [${spec.bracketPadding}${inner}${spec.bracketPadding}]${spec.keyComment ?? ''}`];
  }
  if (spec.list === 'flow-shared-lines') {
    // The first item on the bracket's line, the others each on a line, the last with the closing bracket.
    return entries.map(({ id, item }, index) => {
      const ending = index < entries.length - 1 ? `,${item.inlineComment ?? ''}` : `${spec.trailingComma ? ',' : ''}]${spec.keyComment ?? ''}`;
      return (index === 0 ? 'objectives: [' : ' '.repeat(spec.flowIndent)) + flowMap(id, item) + ending;
    });
  }
  const lines: string[] = [];
  if (spec.list === 'flow-lines') {
    const indent = ' '.repeat(spec.flowIndent);
    lines.push(`objectives: [${spec.keyComment ?? ''}`);
    entries.forEach(({ id, item }, index) => {
      if (item.commentAbove) lines.push(`${indent}# about ${id}`);
      const comma = index < entries.length - 1 || spec.trailingComma ? ',' : '';
      lines.push(`${indent}${flowMap(id, item)}${comma}${item.inlineComment ?? ''}`);
    });
    if (spec.tailComment) lines.push(`${indent}# tail`);
    lines.push(']');
    return lines;
  }
  lines.push(key);
  const dash = `${' '.repeat(spec.dashIndent)}-${' '.repeat(spec.dashSpaces)}`;
  for (const { id, item } of entries) {
    if (item.blankAbove) lines.push('');
    if (item.commentAbove) lines.push(`${' '.repeat(spec.dashIndent)}# about ${id}`);
    const hanging = ' '.repeat(dash.length);
    if (item.dashAlone) lines.push(`${dash.trimEnd()}${item.flowMap ? '' : ` ${anchorOf(id, item)}`.trimEnd()}`);
    const itemLines = item.flowMap ? [flowMap(id, item)] : pairs(id, item).map((pair, index) => (index === 0 && !item.dashAlone ? anchorOf(id, item) : '') + pair);
    const at = item.commentOnFirstLine ? 0 : itemLines.length - 1;
    itemLines.forEach((line, index) => lines.push((index === 0 && !item.dashAlone ? dash : hanging) + line + (index === at ? (item.inlineComment ?? '') : '')));
  }
  if (spec.tailComment) lines.push(`${' '.repeat(spec.dashIndent)}# tail`);
  return lines;
}

function generate(spec: FileSpec): Generated {
  const lines = [
    ...(spec.documentStart ? ['---'] : []),
    '# Progetto generato',
    'id: generated',
    "title: 'Titolo: con due punti'",
    ...listLines(spec),
    ...(spec.keysAfter ? ['sources:', '  - id: doc', '    title: Fonte', 'updated: 2026-10-01'] : []),
    ...(spec.documentEnd ? ['...'] : []),
    ...(spec.endComment ? ['# fine'] : []),
  ];
  const ending = (index: number) => (spec.eol === 'crlf' || (spec.eol === 'mixed' && index % 3 === 0) ? '\r\n' : '\n');
  const text = lines.map((line, index) => line + (index < lines.length - 1 || spec.finalNewline ? ending(index) : '')).join('');
  const links = spec.ids.map((id, index) => {
    const item = spec.items[index]!;
    return { id, ...(item.weight !== undefined && { weight: item.weight }), ...(item.note !== undefined && { note: item.note[0] }) };
  });
  return { bytes: Buffer.concat([Buffer.from(spec.bom ? '\uFEFF' : ''), Buffer.from(text)]), links };
}

/** Read the bytes as psttm does, edit, and encode the result as psttm writes it (byte order mark kept). */
function editBytes(bytes: Buffer, edit: (file: { displayPath: string; text: string }) => string): Buffer {
  const file = parseYamlBytes(bytes, '/p.yaml', 'p.yaml');
  return Buffer.from((file.bom ? '\uFEFF' : '') + edit(file));
}

const linkBytes = (bytes: Buffer, changes: LinkChange[]) => editBytes(bytes, (file) => linkObjectives(file, changes));
const unlinkBytes = (bytes: Buffer, ids: string[]) => editBytes(bytes, (file) => unlinkObjectives(file, ids));

function linksIn(bytes: Buffer): unknown {
  const data = parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as { objectives: { id: string }[] };
  return data.objectives.map((link) => ({ ...link, id: normalizeId(String(link.id)) }));
}

/** Lines the edit added end as the file's lines mostly do: no bare LF in a CRLF file. */
function lineEndingsKept(spec: FileSpec, edited: Buffer): boolean {
  return spec.eol !== 'crlf' || !/(^|[^\r])\n/.test(edited.toString('utf8'));
}

// Thousands of generated files: minutes on a loaded two-core machine, seconds alone; a time limit is not what this checks.
const PROPERTY_TIMEOUT_MS = 180_000;

describe('link and unlink over generated YAML styles', () => {
  it(`link then unlink gives back the exact bytes (${RUNS} files)`, () => {
    fc.assert(
      fc.property(fileArb, (spec) => {
        const { bytes, links } = generate(spec);
        const linked = linkBytes(bytes, [{ id: NEW_ID, weight: 0.5, note: 'nuovo, con virgola' }]);
        expect(linksIn(linked)).toEqual([...links, { id: NEW_ID, weight: 0.5, note: 'nuovo, con virgola' }]);
        expect(linked.subarray(0, 3).equals(Buffer.from('\uFEFF'))).toBe(spec.bom);
        expect(lineEndingsKept(spec, linked)).toBe(true);
        expect(unlinkBytes(linked, [NEW_ID]).toString('latin1')).toBe(bytes.toString('latin1'));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, PROPERTY_TIMEOUT_MS);

  it(`changing a link's weight or note, then setting the old values, gives back the exact bytes (${RESTORE_RUNS} files)`, () => {
    fc.assert(
      fc.property(fileArb.filter((spec) => spec.ids.length > 0), fc.nat(), (spec, pick) => {
        const { bytes, links } = generate(spec);
        const index = pick % links.length;
        const old = links[index]!;
        // The values the link has are changed, then restored; a link with neither gets both.
        const bare = old.weight === undefined && old.note === undefined;
        const change = {
          id: old.id,
          ...((bare || old.weight !== undefined) && { weight: old.weight === 0.25 ? 1 : 0.25 }),
          ...((bare || old.note !== undefined) && { note: 'altra nota' }),
        };
        const updated = linkBytes(bytes, [change]);
        expect(linksIn(updated)).toEqual(links.map((link, at) => (at === index ? { ...link, ...change } : link)));
        expect(lineEndingsKept(spec, updated)).toBe(true);
        if (!bare) expect(linkBytes(updated, [old]).toString('latin1')).toBe(bytes.toString('latin1'));
      }),
      { numRuns: RESTORE_RUNS, seed: SEED },
    );
  }, PROPERTY_TIMEOUT_MS);
});
