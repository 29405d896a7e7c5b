import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decideDupLinks, editDupLinks, type DupDecision } from '../../src/edit/dup-links.ts';
import type { DupLinkData } from '../../src/model/plan-data.ts';

/** Fixed, so that a failure reproduces. */
const SEED = 20_261_123;
const IDS = ['M1.1', 'M1.2', 'M2.1', 'M2.2'] as const;

/** A DUP objective's psttm list in one of the styles a person or the import writes: flow or block items, flow or block list, or none. */
const fileArb = fc
  .record({
    links: fc.uniqueArray(fc.record({ objective: fc.constantFrom(...IDS), confirmed: fc.boolean() }), { selector: (link) => link.objective, maxLength: 3 }),
    style: fc.constantFrom('flow-items', 'block-items', 'flow-list'),
    rejectedStyle: fc.constantFrom('flow', 'block'),
    crlf: fc.boolean(),
  })
  .chain((spec) => fc.subarray(IDS.filter((id) => !spec.links.some((link) => link.objective === id))).map((rejected) => ({ ...spec, rejected })));

type DupSpec = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

function dupText({ links, style, rejected, rejectedStyle, crlf }: DupSpec): string {
  const flowLink = (link: { objective: string; confirmed: boolean }) => `{ objective: ${link.objective}, confirmed: ${link.confirmed} }`;
  const lines = ['comune: { istat: "015209", name: Sesto San Giovanni }', 'objectives:', '  - code: S1', '    level: strategico', '    title: Città digitale # kept'];
  if (links.length > 0) {
    if (style === 'flow-list') lines.push(`    psttm: [${links.map(flowLink).join(', ')}]`);
    else lines.push('    psttm:', ...links.flatMap((link) => (style === 'flow-items' ? [`      - ${flowLink(link)}`] : [`      - objective: ${link.objective}`, `        confirmed: ${link.confirmed}`])));
  }
  if (rejected.length > 0) lines.push(...(rejectedStyle === 'flow' ? [`    rejected: [${rejected.join(', ')}]`] : ['    rejected:', ...rejected.map((id) => `      - ${id}`)]));
  lines.push('  - code: S2', '    level: strategico', '    title: Verde', '# the end', '');
  return lines.join(crlf ? '\r\n' : '\n');
}

const stepsArb = fc.array(fc.record({ decision: fc.constantFrom<DupDecision>('confirm', 'reject'), ids: fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 4 });

describe('editDupLinks, on every layout and any sequence of decisions', () => {
  it('gives the links decideDupLinks gives, keeps S2, the comment and the line endings, and repeating a decision changes nothing', () => {
    fc.assert(
      fc.property(fileArb, stepsArb, (spec, steps) => {
        let text = dupText(spec);
        let links: { psttm: DupLinkData[]; rejected: string[] } = { psttm: spec.links, rejected: spec.rejected };
        for (const { decision, ids } of steps) {
          const edited = editDupLinks({ displayPath: 'd.yaml', text }, 'S1', decision, ids);
          links = decideDupLinks(links, decision, ids);
          text = edited.text;
          const objective = parse(text).objectives[0];
          expect(objective.psttm ?? []).toEqual(links.psttm);
          expect(objective.rejected ?? []).toEqual(links.rejected);
          expect(editDupLinks({ displayPath: 'd.yaml', text }, 'S1', decision, ids).text).toBe(text);
        }
        expect(text).toContain('    title: Città digitale # kept');
        expect(text.endsWith(spec.crlf ? '  - code: S2\r\n    level: strategico\r\n    title: Verde\r\n# the end\r\n' : '  - code: S2\n    level: strategico\n    title: Verde\n# the end\n')).toBe(true);
        if (!spec.crlf) expect(text).not.toContain('\r');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
