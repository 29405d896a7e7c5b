import { describe, expect, it } from 'vitest';
import { renderScalar, YamlSplicer } from '../../src/edit/yaml-splices.ts';

const edit = (text: string, change: (splicer: YamlSplicer) => void) => {
  const splicer = new YamlSplicer('p.yaml', text);
  change(splicer);
  return splicer.text();
};

describe('YamlSplicer: minimal edits, every other byte kept', () => {
  it('replaces a scalar in place, keeping its comment, and quotes text that needs it', () => {
    const text = 'status: in_progress # da verificare\nperiod: { start: 2025-01-01, end: 2026-12-31 }\nupdated: 2026-10-01\n';
    expect(edit(text, (splicer) => splicer.setScalar(['status'], 'completed'))).toBe('status: completed # da verificare\nperiod: { start: 2025-01-01, end: 2026-12-31 }\nupdated: 2026-10-01\n');
    expect(edit(text, (splicer) => splicer.setScalar(['period', 'end'], '2027-06-30'))).toBe('status: in_progress # da verificare\nperiod: { start: 2025-01-01, end: 2027-06-30 }\nupdated: 2026-10-01\n');
  });

  it('adds a missing key after the last one of a block map, at its indent, or inside the braces of a flow map', () => {
    const text = 'period:\n  start: 2025-01-01\n# fine\nmilestones:\n  - { title: Gara, due: 2025-09-30 }\n';
    expect(edit(text, (splicer) => splicer.setScalar(['period', 'end'], '2027-06-30'))).toBe('period:\n  start: 2025-01-01\n  end: 2027-06-30\n# fine\nmilestones:\n  - { title: Gara, due: 2025-09-30 }\n');
    expect(edit('id: a\nupdated: 2026-10-01\n', (splicer) => splicer.setScalar(['period', 'end'], '2027-06-30'))).toBe('id: a\nupdated: 2026-10-01\nperiod:\n  end: 2027-06-30\n');
    expect(edit(text, (splicer) => splicer.setScalar(['milestones', 0, 'done'], '2025-10-15'))).toBe('period:\n  start: 2025-01-01\n# fine\nmilestones:\n  - { title: Gara, due: 2025-09-30, done: 2025-10-15 }\n');
  });

  it('appends items in the style of the last one: a flow map line, block lines, or inside a flow list', () => {
    const flowItems = 'actuals:\n  - { value: 1, date: 2025-01-01, source: doc } # primo\nnext: 1\n';
    expect(edit(flowItems, (splicer) => splicer.appendItems(['actuals'], [{ value: 2, date: '2026-01-01', source: 'modulo-abc' }], 'block'))).toBe(
      'actuals:\n  - { value: 1, date: 2025-01-01, source: doc } # primo\n  - { value: 2, date: 2026-01-01, source: modulo-abc }\nnext: 1\n',
    );
    const blockItems = 'sources:\n  - id: doc\n    title: Relazione\nupdated: 2026-10-01\n';
    expect(edit(blockItems, (splicer) => splicer.appendItems(['sources'], [{ id: 'modulo-abc', title: 'Modulo: Ufficio' }], 'flow'))).toBe(
      'sources:\n  - id: doc\n    title: Relazione\n  - id: modulo-abc\n    title: "Modulo: Ufficio"\nupdated: 2026-10-01\n',
    );
    expect(edit('sources: [{ id: doc, title: R }]\n', (splicer) => splicer.appendItems(['sources'], [{ id: 'modulo-abc', title: 'M' }], 'block'))).toBe('sources: [{ id: doc, title: R }, { id: modulo-abc, title: M }]\n');
    expect(edit('sources: []\n', (splicer) => splicer.appendItems(['sources'], [{ id: 'a', title: 'M' }], 'block'))).toBe('sources: [{ id: a, title: M }]\n');
  });

  it('starts a missing list under its map, with the line ending the file uses', () => {
    const text = 'indicators:\r\n  - id: utenti\r\n    unit: persone\r\nupdated: 2026-10-01\r\n';
    expect(edit(text, (splicer) => splicer.appendItems(['indicators', 0, 'actuals'], [{ value: 3, date: '2026-06-30', source: 'm' }], 'flow'))).toBe(
      'indicators:\r\n  - id: utenti\r\n    unit: persone\r\n    actuals:\r\n      - { value: 3, date: 2026-06-30, source: m }\r\nupdated: 2026-10-01\r\n',
    );
  });

  it('refuses what it cannot edit with certainty, naming the place', () => {
    expect(() => new YamlSplicer('p.yaml', 'a: [1\n')).toThrow(/^p\.yaml:\d+:\d+: psttm cannot edit this file with certainty \(the file does not parse as YAML\); edit it by hand$/);
    expect(() => edit('period: 2025\n', (splicer) => splicer.setScalar(['period', 'end'], '2026-01-01'))).toThrow('p.yaml:1:9: psttm cannot edit this file with certainty (period is not a map to add end to); edit it by hand');
  });
});

describe('renderScalar', () => {
  it('writes numbers as digits, ids and dates plain, other text and YAML 1.1 words quoted', () => {
    expect([12000000, 0.45, -3].map(renderScalar)).toEqual(['12000000', '0.45', '-3']);
    expect(['modulo-0123456789ab', 'in_progress', '2026-06-30'].map(renderScalar)).toEqual(['modulo-0123456789ab', 'in_progress', '2026-06-30']);
    expect(['yes', 'No', '12', 'Relazione 2026 — stima', 'a "b"', '#x'].map(renderScalar)).toEqual(['"yes"', '"No"', '"12"', '"Relazione 2026 — stima"', '"a \\"b\\""', '"#x"']);
  });
});
