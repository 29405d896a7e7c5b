import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { linkedIds, linkObjectives, unlinkObjectives, type LinkChange } from '../../src/edit/objective-links.ts';

const link = (text: string, changes: LinkChange[]) => linkObjectives({ displayPath: 'p.yaml', text }, changes);
const unlink = (text: string, ids: string[]) => unlinkObjectives({ displayPath: 'p.yaml', text }, ids);

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

  it('rebuilds a flow list from the items it keeps', () => {
    expect(unlink('objectives: [ {id: M1.1}, {id: M2.1} ]\n', ['M1.1'])).toBe('objectives: [ {id: M2.1} ]\n');
    expect(unlink('objectives: [ {id: M1.1} ]\n', ['M1.1'])).toBe('objectives: []\n');
  });

  it('round-trips: link then unlink gives back the original bytes', () => {
    expect(unlink(link(BLOCK, [{ id: 'M1.2', weight: 0.25 }]), ['M1.2'])).toBe(BLOCK);
  });
});

describe('layouts it refuses rather than guess', () => {
  it('refuses a list of plain ids', () => {
    expect(() => link('objectives:\n  - M1.1\n', [{ id: 'M1.2' }])).toThrow(/not a map/);
  });
  it('refuses a file without an objectives list', () => {
    expect(() => link('id: x\n', [{ id: 'M1.2' }])).toThrow(/no objectives list/);
  });
});
