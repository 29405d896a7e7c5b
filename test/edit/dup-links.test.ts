import { describe, expect, it } from 'vitest';
import { decideDupLinks, editDupLinks, type DupDecision } from '../../src/edit/dup-links.ts';

const edit = (text: string, code: string, decision: DupDecision, ids: string[]) => editDupLinks({ displayPath: 'd.yaml', text }, code, decision, ids);

/** A DUP file whose layout an editor must not disturb: comments, flow and block items, quoted codes. */
const DUP = `# yaml-language-server: $schema=../../schemas/dup.schema.json
comune: { istat: "015209", name: Sesto San Giovanni }
period: 2025-2027
source: { title: dup.xlsx }
objectives:
  - code: S1   # first
    level: strategico
    title: Città digitale
    psttm:
      # suggested by the import
      - { objective: M1.1, confirmed: false, score: 0.42 }
      - { objective: M2.1, confirmed: false, score: 0.2 }
    rejected: [M1.2]
  - code: "2"
    level: strategico
    title: Verde
    psttm:
      - objective: M2.1
        confirmed: true
# the end
`;

describe('editDupLinks', () => {
  it('confirms a suggestion by rewriting only its confirmed value, the score kept', () => {
    const result = edit(DUP, 'S1', 'confirm', ['M1.1']);
    expect(result.text).toBe(DUP.replace('M1.1, confirmed: false', 'M1.1, confirmed: true'));
    expect(result.changes).toEqual([{ objective: 'M1.1', change: 'confirmed' }]);
    expect(result.psttm[0]).toEqual({ objective: 'M1.1', confirmed: true, score: 0.42 });
  });

  it('appends a new confirmed link in the style of the list, and takes it out of rejected', () => {
    const result = edit(DUP, 'S1', 'confirm', ['M1.2']);
    expect(result.text).toBe(
      DUP.replace('score: 0.2 }\n    rejected: [M1.2]\n', 'score: 0.2 }\n      - { objective: M1.2, confirmed: true }\n    rejected: []\n'),
    );
    expect(result.changes).toEqual([{ objective: 'M1.2', change: 'added' }]);
  });

  it('appends to a list of block maps as block lines', () => {
    const result = edit(DUP, '2', 'confirm', ['M1.1']);
    expect(result.text).toBe(DUP.replace('        confirmed: true\n# the end', '        confirmed: true\n      - objective: M1.1\n        confirmed: true\n# the end'));
  });

  it('rejects: removes the link with its line, and adds the objective to rejected, created when absent', () => {
    expect(edit(DUP, 'S1', 'reject', ['M2.1']).text).toBe(DUP.replace('      - { objective: M2.1, confirmed: false, score: 0.2 }\n', '').replace('[M1.2]', '[M1.2, M2.1]'));
    expect(edit(DUP, '2', 'reject', ['M2.1']).text).toBe(DUP.replace('    psttm:\n      - objective: M2.1\n        confirmed: true\n', '    psttm: []\n    rejected: [M2.1]\n'));
  });

  it('is idempotent: a second confirm or reject changes nothing and says so', () => {
    const confirmed = edit(DUP, 'S1', 'confirm', ['M1.1']).text;
    expect(edit(confirmed, 'S1', 'confirm', ['M1.1'])).toMatchObject({ text: confirmed, changes: [{ objective: 'M1.1', change: 'unchanged' }] });
    expect(edit(DUP, 'S1', 'reject', ['M1.2'])).toMatchObject({ text: DUP, changes: [{ objective: 'M1.2', change: 'unchanged' }] });
  });

  it('keeps a file without a final line ending without one, and CRLF line endings', () => {
    const unended = DUP.replace('\n# the end\n', '');
    expect(edit(unended, '2', 'confirm', ['M1.1']).text).toBe(`${unended}\n      - objective: M1.1\n        confirmed: true`);
    const crlf = DUP.replace(/\n/g, '\r\n');
    expect(edit(crlf, 'S1', 'confirm', ['M1.2']).text).toBe(edit(DUP, 'S1', 'confirm', ['M1.2']).text.replace(/\n/g, '\r\n'));
  });

  it('refuses a layout it cannot edit with certainty, and an unknown code', () => {
    const commentAfterKey = DUP.replace('    psttm:\n      - objective', '    psttm: # mine\n      - objective');
    expect(() => edit(commentAfterKey, '2', 'reject', ['M2.1'])).toThrow(/d\.yaml:\d+:\d+: .*cannot edit safely.*edit it by hand/);
    expect(() => edit(DUP, 'S9', 'confirm', ['M1.1'])).toThrow('d.yaml: no objective with code S9');
  });
});

describe('decideDupLinks', () => {
  it('reject then confirm of one objective ends confirmed and not rejected', () => {
    const rejected = decideDupLinks({ psttm: [{ objective: 'M1.1', confirmed: false, score: 0.5 }] }, 'reject', ['M1.1']);
    expect(rejected).toMatchObject({ psttm: [], rejected: ['M1.1'] });
    expect(decideDupLinks(rejected, 'confirm', ['M1.1'])).toMatchObject({ psttm: [{ objective: 'M1.1', confirmed: true }], rejected: [], changes: [{ objective: 'M1.1', change: 'added' }] });
  });
});
