import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { linkedIds, linkObjectives, unlinkObjectives, type LinkChange } from '../../src/edit/objective-links.ts';

const link = (text: string, changes: LinkChange[]) => linkObjectives({ displayPath: 'p.yaml', text }, changes);
const unlink = (text: string, ids: string[]) => unlinkObjectives({ displayPath: 'p.yaml', text }, ids);

/** Linking M1.2 into `text` gives exactly `linked`, and unlinking it gives `text` back. */
function expectRoundTrip(text: string, linked: string): void {
  expect(link(text, [{ id: 'M1.2' }])).toBe(linked);
  expect(unlink(linked, ['M1.2'])).toBe(text);
}

/** A project file whose layout an editor must not disturb: comments everywhere, odd quoting, a folded scalar. */
const BLOCK = `# Progetto di prova — commento in testa
id: alpha-hub
title: 'Alpha Hub'   # quoted on purpose
summary: >-
  Testo piegato
  su due righe.
objectives:   # the links
  # serves the first objective
  - id: M1.1 # trailing comment
    note: primo
  - id: M2.1

# a comment between keys
sources: [{ id: doc, title: "Test" }]
updated: 2026-10-01
`;

describe('linkObjectives', () => {
  it('appends a block item after the last link and changes no other byte', () => {
    const after = link(BLOCK, [{ id: 'M1.2', weight: 0.5, note: 'terzo: con due punti' }]);
    const added = '  - id: M1.2\n    weight: 0.5\n    note: "terzo: con due punti"\n';
    expect(after).toBe(BLOCK.replace('  - id: M2.1\n', `  - id: M2.1\n${added}`));
    expect(linkedIds(parseDocument(after))).toEqual(['M1.1', 'M2.1', 'M1.2']);
    expect(parseDocument(after).toJS().objectives[2]).toEqual({ id: 'M1.2', weight: 0.5, note: 'terzo: con due punti' });
  });

  it('updates an existing link in place, keeping its note and comments, and touches nothing else', () => {
    const after = link(BLOCK, [{ id: 'M1.1', weight: 1 }]);
    expect(after).toBe(BLOCK.replace('    note: primo\n', '    note: primo\n    weight: 1\n'));
  });

  it('follows flow-map items and unindented lists', () => {
    const text = 'id: x\nobjectives:\n- { id: M1.1 }\nupdated: 2026-10-01\n';
    expect(link(text, [{ id: 'M2.1' }])).toBe('id: x\nobjectives:\n- { id: M1.1 }\n- { id: M2.1 }\nupdated: 2026-10-01\n');
  });

  it('extends a flow list, keeping the existing items as written', () => {
    const text = 'id: x\nobjectives: [{id: M1.1, note: "a, b"}] # links\nupdated: 2026-10-01\n';
    expect(link(text, [{ id: 'M2.1', note: 'c, d' }])).toBe('id: x\nobjectives: [{id: M1.1, note: "a, b"}, {id: M2.1, note: "c, d"}] # links\nupdated: 2026-10-01\n');
  });

  it('turns an empty list into a block list under its key, keeping the key line\'s comment there', () => {
    const text = 'id: x\nobjectives: [] # none yet\nupdated: 2026-10-01\n';
    expect(link(text, [{ id: 'M1.1' }, { id: 'M2.1' }])).toBe('id: x\nobjectives: # none yet\n  - id: M1.1\n  - id: M2.1\nupdated: 2026-10-01\n');
  });

  it('appends after a last item that ends the file without a newline, which still ends without one', () => {
    expect(link('objectives:\n  - id: M1.1', [{ id: 'M1.2' }])).toBe('objectives:\n  - id: M1.1\n  - id: M1.2');
  });

  it('leaves the text unchanged, trailing comments included, when the link already says what is asked', () => {
    expect(link(BLOCK, [{ id: 'M1.1' }, { id: 'M1.1', note: 'primo' }])).toBe(BLOCK);
  });
});

describe('unlinkObjectives', () => {
  it('removes an item with the comment lines right above it, and nothing else', () => {
    const after = unlink(BLOCK, ['M1.1']);
    expect(after).toBe(BLOCK.replace('  # serves the first objective\n  - id: M1.1 # trailing comment\n    note: primo\n', ''));
  });

  it('removes the last item without eating the blank line and comment that follow the list', () => {
    expect(unlink(BLOCK, ['M2.1'])).toBe(BLOCK.replace('  - id: M2.1\n', ''));
  });

  it('leaves [] when every link is removed, so the key keeps a list', () => {
    const after = unlink(BLOCK, ['M1.1', 'M2.1']);
    expect(after).toBe(BLOCK.replace('objectives:   # the links\n  # serves the first objective\n  - id: M1.1 # trailing comment\n    note: primo\n  - id: M2.1\n', 'objectives: []   # the links\n'));
    expect(parseDocument(after).toJS().objectives).toEqual([]);
  });

  it('leaves [] after the anchor or tag of an emptied block list', () => {
    expect(unlink('objectives: &links !!seq # c\n  - id: M1.1\n', ['M1.1'])).toBe('objectives: &links !!seq [] # c\n');
  });

  it('removes flow items with their separator, keeping the rest as written', () => {
    expect(unlink('objectives: [ {id: M1.1}, {id: M2.1} ]\n', ['M1.1'])).toBe('objectives: [ {id: M2.1} ]\n');
    expect(unlink('objectives: [ {id: M1.1} ]\n', ['M1.1'])).toBe('objectives: []\n');
  });

  it('round-trips: link then unlink gives back the original bytes', () => {
    expect(unlink(link(BLOCK, [{ id: 'M1.2', weight: 0.25 }]), ['M1.2'])).toBe(BLOCK);
  });
});

describe('every layout the YAML spec allows round-trips', () => {
  const MULTI_LINE_FLOW = 'objectives: [\n  {id: M1.8}, # c\n  {id: M4.4}\n]\nupdated: 2026-10-01\n';

  it('appends to a multi-line flow list on a line of its own, moving the comma, and unlink restores it', () => {
    expectRoundTrip(MULTI_LINE_FLOW, 'objectives: [\n  {id: M1.8}, # c\n  {id: M4.4},\n  {id: M1.2}\n]\nupdated: 2026-10-01\n');
  });

  it('removes a multi-line flow item with its line, keeping the other items\' comments', () => {
    expect(unlink(MULTI_LINE_FLOW, ['M4.4'])).toBe('objectives: [\n  {id: M1.8} # c\n]\nupdated: 2026-10-01\n');
    expect(unlink(MULTI_LINE_FLOW, ['M1.8'])).toBe('objectives: [\n  {id: M4.4}\n]\nupdated: 2026-10-01\n');
  });

  it('appends to a flow list sharing lines with its brackets after its last item, and removes items with their separator', () => {
    const text = 'objectives: [{id: M1.1},\n             {id: M2.1}]\n';
    expectRoundTrip(text, 'objectives: [{id: M1.1},\n             {id: M2.1}, {id: M1.2}]\n');
    expect(unlink(text, ['M1.1'])).toBe('objectives: [{id: M2.1}]\n');
    expect(unlink(text, ['M2.1'])).toBe('objectives: [{id: M1.1}]\n');
  });

  it('sets a weight inside a flow item, keeping its comment', () => {
    expect(link(MULTI_LINE_FLOW, [{ id: 'M1.8', weight: 0.5 }])).toBe('objectives: [\n  {id: M1.8, weight: 0.5}, # c\n  {id: M4.4}\n]\nupdated: 2026-10-01\n');
  });

  it('replaces only the value of a weight or note, keeping the inline comments of every line', () => {
    const text = 'objectives:\n  - id: M1.1 # c1\n    weight: 0.5 # w\n    note: primo # n\n  - id: M1.2 # c2\n';
    expect(link(text, [{ id: 'M1.1', weight: 1, note: 'a, b' }])).toBe('objectives:\n  - id: M1.1 # c1\n    weight: 1 # w\n    note: "a, b" # n\n  - id: M1.2 # c2\n');
  });

  it('replaces a block-scalar note, keeping the line that follows it', () => {
    const text = 'objectives:\n  - note: |\n      due\n      righe\n    id: M1.1\n';
    expect(link(text, [{ id: 'M1.1', note: 'una' }])).toBe('objectives:\n  - note: una\n    id: M1.1\n');
  });

  it('writes CRLF in every line it adds to a CRLF file, and the dominant ending in a mixed one', () => {
    expect(link('objectives:\r\n  - id: M1.1\r\n', [{ id: 'M1.2', weight: 0.5 }])).toBe('objectives:\r\n  - id: M1.1\r\n  - id: M1.2\r\n    weight: 0.5\r\n');
    expect(link('a: 1\r\nobjectives:\r\n  - id: M1.1\n', [{ id: 'M1.2' }])).toBe('a: 1\r\nobjectives:\r\n  - id: M1.1\n  - id: M1.2\r\n');
  });

  it('writes new ids quoted as the last one is', () => {
    expect(link('objectives:\n  - id: "M1.1"\n', [{ id: 'M1.2' }])).toBe('objectives:\n  - id: "M1.1"\n  - id: "M1.2"\n');
    expect(link("objectives: [{id: '1.1'}]\n", [{ id: 'M1.2' }])).toBe("objectives: [{id: '1.1'}, {id: 'M1.2'}]\n");
  });

  it('edits items whose "-" is on a line of its own, keeping their keys where they are', () => {
    const text = 'objectives:\n  - &first\n      id: M1.1\n  -\n    id: M2.1\n';
    expectRoundTrip(text, 'objectives:\n  - &first\n      id: M1.1\n  -\n    id: M2.1\n  - id: M1.2\n');
    expect(link(text, [{ id: 'M1.1', weight: 1 }])).toBe('objectives:\n  - &first\n      id: M1.1\n      weight: 1\n  -\n    id: M2.1\n');
    expect(unlink(text, ['M2.1'])).toBe('objectives:\n  - &first\n      id: M1.1\n');
  });

  it('follows the dash of the last item: column 0, extra spaces, keys before the id', () => {
    expect(link('objectives:\n-   note: x\n    id: M1.1\n', [{ id: 'M1.2', weight: 1 }])).toBe('objectives:\n-   note: x\n    id: M1.1\n-   id: M1.2\n    weight: 1\n');
  });

  it('keeps anchors and tags on items, documents markers, and comments after the last item', () => {
    expectRoundTrip('---\nobjectives:\n  - &first !!map {id: M1.1}\n  # end of list\n...\n', '---\nobjectives:\n  - &first !!map {id: M1.1}\n  - {id: M1.2}\n  # end of list\n...\n');
    expect(unlink('objectives: [ &a {id: M1.1}, {id: M1.2} ]\n', ['M1.1'])).toBe('objectives: [ {id: M1.2} ]\n');
    expect(link('objectives:\n  - &a id: M1.1\n', [{ id: 'M1.1', weight: 1 }])).toBe('objectives:\n  - &a id: M1.1\n    weight: 1\n');
  });

  it('keeps a tab before a comment and a file that ends in a comment without a newline', () => {
    expectRoundTrip('objectives:\n  - id: M1.1\t# tab\n# fine', 'objectives:\n  - id: M1.1\t# tab\n  - id: M1.2\n# fine');
  });

  it('unlinks a last item that ends the file without a newline, taking the line break before it', () => {
    expect(unlink('objectives:\n  - id: M1.1\n  - id: M1.2', ['M1.2'])).toBe('objectives:\n  - id: M1.1');
  });
});

describe('layouts it refuses rather than guess', () => {
  it('refuses an item whose "-" line holds a comment, naming the line', () => {
    expect(() => link('objectives:\n  - # the first\n    id: M1.1\n', [{ id: 'M1.2' }])).toThrow(
      'p.yaml:3:5: the objectives list uses a layout psttm cannot edit safely (an item whose "-" line holds more than an anchor or tag before it); edit it by hand',
    );
  });

  it('refuses to remove an item of a flow list sharing lines with its brackets when a comment separates it', () => {
    const text = 'objectives: [{id: M1.1}, # c\n  {id: M2.1}]\n';
    const message = 'p.yaml:1:14: the objectives list uses a layout psttm cannot edit safely (a comment between items that share lines with other items or with the brackets); edit it by hand';
    expect(() => unlink(text, ['M1.1'])).toThrow(message);
    expect(() => unlink(text, ['M2.1'])).toThrow(message.replace('1:14', '2:3'));
  });

  it('refuses to fill an empty list with an anchor, which turning it into a block list would drop', () => {
    expect(() => link('objectives: &none []\n', [{ id: 'M1.2' }])).toThrow(
      'p.yaml:1:19: the objectives list uses a layout psttm cannot edit safely (an empty list with more than spaces around its brackets); edit it by hand',
    );
  });

  it('refuses an edit that would change data outside the list (an alias of the list elsewhere)', () => {
    expect(() => link('objectives: &links\n  - id: M1.1\nalso: *links\n', [{ id: 'M1.2' }])).toThrow(
      'p.yaml:1:1: the objectives list uses a layout psttm cannot edit safely (the edit would not give exactly the intended links); edit it by hand',
    );
  });

  it('refuses a list of plain ids', () => {
    expect(() => link('objectives:\n  - M1.1\n', [{ id: 'M1.2' }])).toThrow(/not a map/);
  });
  it('refuses a file without an objectives list', () => {
    expect(() => link('id: x\n', [{ id: 'M1.2' }])).toThrow(/no objectives list/);
  });
});
