import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';
import { snapshotTree } from '../helpers/tree-snapshot.ts';

const PROJECT = 'plan/projects/alpha-hub.yaml';

/** The base plan's alpha-hub project with its objectives written as `objectives`, lines joined by `eol`, the other keys before them and `after` them. */
function projectText(objectives: readonly string[], { eol = '\n', bom = false, start = [] as string[], after = ['sources:', '  - id: doc', '    title: Test fixture', 'updated: 2026-10-01', ''] } = {}): Buffer {
  const lines = [...start, 'id: alpha-hub', 'title: Alpha Hub', 'summary: Un progetto di prova.', 'status: in_progress', 'lead:', '  kind: citta_metropolitana', '  name: Città metropolitana di Milano', 'territory:', '  scope: metropolitan', ...objectives, ...after];
  return Buffer.from((bom ? '\uFEFF' : '') + lines.join(eol));
}

/** A temp plan whose alpha-hub.yaml holds `bytes`; returns its root and the file's path. */
function planWith(bytes: Buffer): { root: string; file: string } {
  const root = tempPlan();
  const file = path.join(root, PROJECT);
  writeFileSync(file, bytes);
  return { root, file };
}

const run = (root: string, argv: string[]) => runBinary([...argv, '--plan', root], { cwd: root });

/** Paths that changed between two snapshots (added, removed or with other bytes). */
function changedPaths(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => before[key] !== after[key]).sort();
}

interface RoundTrip {
  style: string;
  original: Buffer;
  /** The file after `psttm link alpha-hub M1.2`, byte for byte. */
  linked: Buffer;
}

const ROUND_TRIPS: RoundTrip[] = [
  {
    style: 'a block list with comments above, beside and after its items',
    original: projectText(['objectives: # links', '  # the first', '  - id: M1.1 # why', '    note: primo', '  # end of list']),
    linked: projectText(['objectives: # links', '  # the first', '  - id: M1.1 # why', '    note: primo', '  - id: M1.2', '  # end of list']),
  },
  {
    style: 'a flow list over several lines with inner comments',
    original: projectText(['objectives: [', '  {id: M1.1}, # c', '  {id: M2.1} # d', ']']),
    linked: projectText(['objectives: [', '  {id: M1.1}, # c', '  {id: M2.1}, # d', '  {id: M1.2}', ']']),
  },
  {
    style: 'a flow list on one line',
    original: projectText(['objectives: [ { id: M1.1 },{ id: M2.1 } ] # both']),
    linked: projectText(['objectives: [ { id: M1.1 },{ id: M2.1 },{ id: M1.2 } ] # both']),
  },
  {
    style: 'a flow list over several lines sharing them with its brackets',
    original: projectText(['objectives: [{id: M1.1}, # c', '             {id: M2.1}]']),
    linked: projectText(['objectives: [{id: M1.1}, # c', '             {id: M2.1}, {id: M1.2}]']),
  },
  {
    style: 'CRLF line endings',
    original: projectText(['objectives:', '  - id: M1.1'], { eol: '\r\n' }),
    linked: projectText(['objectives:', '  - id: M1.1', '  - id: M1.2'], { eol: '\r\n' }),
  },
  {
    style: 'mixed line endings (the added line takes the dominant one)',
    original: Buffer.from(projectText(['objectives:', '  - id: M1.1'], { eol: '\r\n' }).toString().replace('  - id: M1.1\r\n', '  - id: M1.1\n')),
    linked: Buffer.from(projectText(['objectives:', '  - id: M1.1', '  - id: M1.2'], { eol: '\r\n' }).toString().replace('  - id: M1.1\r\n', '  - id: M1.1\n')),
  },
  {
    style: 'a UTF-8 byte order mark',
    original: projectText(['objectives:', '  - id: M1.1'], { bom: true }),
    linked: projectText(['objectives:', '  - id: M1.1', '  - id: M1.2'], { bom: true }),
  },
  {
    style: 'quoted ids',
    original: projectText(['objectives:', '  - id: "M1.1"', "  - id: 'M2.1'"]),
    linked: projectText(['objectives:', '  - id: "M1.1"', "  - id: 'M2.1'", "  - id: 'M1.2'"]),
  },
  {
    style: 'dashes at column 0 with extra spaces, the note before the id',
    original: projectText(['objectives:', '-   note: primo', '    id: M1.1']),
    linked: projectText(['objectives:', '-   note: primo', '    id: M1.1', '-   id: M1.2']),
  },
  {
    style: 'items whose "-" is alone on its line',
    original: projectText(['objectives:', '  - &first', '      id: M1.1', '  -', '    id: M2.1']),
    linked: projectText(['objectives:', '  - &first', '      id: M1.1', '  -', '    id: M2.1', '  - id: M1.2']),
  },
  {
    style: 'an anchor and a tag on an item, and document markers',
    original: projectText(['objectives:', '  - &first !!map { id: M1.1 }'], { start: ['---'], after: ['sources: []', 'updated: 2026-10-01', '...', ''] }),
    linked: projectText(['objectives:', '  - &first !!map { id: M1.1 }', '  - { id: M1.2 }'], { start: ['---'], after: ['sources: []', 'updated: 2026-10-01', '...', ''] }),
  },
  {
    style: 'a tab before a comment, and a comment ending the file without a newline',
    original: projectText(['sources: []', 'updated: 2026-10-01', 'objectives:', '  - id: M1.1\t# tab'], { after: ['# fine'] }),
    linked: projectText(['sources: []', 'updated: 2026-10-01', 'objectives:', '  - id: M1.1\t# tab', '  - id: M1.2'], { after: ['# fine'] }),
  },
  {
    style: 'an empty list, which becomes a block list and comes back as []',
    original: projectText(['objectives: [] # none yet']),
    linked: projectText(['objectives: # none yet', '  - id: M1.2']),
  },
];

describe('psttm link and unlink keep every byte in every style', () => {
  it.each(ROUND_TRIPS)('$style: link writes exactly the new item, unlink gives back the original bytes', async ({ original, linked }) => {
    const { root, file } = planWith(original);
    const before = snapshotTree(root);
    const linking = await run(root, ['link', 'alpha-hub', 'M1.2']);
    expect(linking).toMatchObject({ code: 0, stdout: expect.stringContaining('alpha-hub: now linked to') });
    expect(readFileSync(file).toString('latin1')).toBe(linked.toString('latin1'));
    // Only the project file changed, and nothing was left beside it.
    expect(changedPaths(before, snapshotTree(root))).toEqual([PROJECT]);
    expect((await run(root, ['unlink', 'alpha-hub', 'M1.2'])).code).toBe(0);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('updating weights keeps every inline comment, and restoring them gives back the original bytes', async () => {
    const original = projectText(['objectives:', '  - id: M1.1 # first', '    weight: 0.5 # half', '  - {id: M2.1, weight: 0.5} # other half'], { eol: '\r\n', bom: true });
    const { root, file } = planWith(original);
    const before = snapshotTree(root);
    expect((await run(root, ['link', 'alpha-hub', 'M1.1', 'M2.1', '--weight', '0.75', '--weight', '0.25'])).code).toBe(0);
    const updated = projectText(['objectives:', '  - id: M1.1 # first', '    weight: 0.75 # half', '  - {id: M2.1, weight: 0.25} # other half'], { eol: '\r\n', bom: true });
    expect(readFileSync(file).toString('latin1')).toBe(updated.toString('latin1'));
    expect((await run(root, ['link', 'alpha-hub', 'M1.1', 'M2.1', '--weight', '0.5'])).code).toBe(0);
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('psttm refuses a layout it cannot edit safely and writes nothing', () => {
  it.each([
    {
      layout: 'an item whose "-" line holds a comment',
      objectives: ['objectives:', '  - # the first', '    id: M1.1'],
      argv: ['link', 'alpha-hub', 'M1.2'],
      message: `psttm: ${PROJECT}:12:5: the objectives list uses a layout psttm cannot edit safely (an item whose "-" line holds more than an anchor or tag before it); edit it by hand\n`,
    },
    {
      layout: 'an empty list with an anchor',
      objectives: ['objectives: &none []'],
      argv: ['link', 'alpha-hub', 'M1.2'],
      message: `psttm: ${PROJECT}:10:19: the objectives list uses a layout psttm cannot edit safely (an empty list with more than spaces around its brackets); edit it by hand\n`,
    },
    {
      layout: 'a comment between flow items that share lines with the brackets',
      objectives: ['objectives: [{id: M1.1}, # c', '  {id: M2.1}]'],
      argv: ['unlink', 'alpha-hub', 'M1.1'],
      message: `psttm: ${PROJECT}:10:14: the objectives list uses a layout psttm cannot edit safely (a comment between items that share lines with other items or with the brackets); edit it by hand\n`,
    },
  ])('$layout: exit 2, one line naming the file and line, the plan untouched', async ({ objectives, argv, message }) => {
    const { root } = planWith(projectText(objectives));
    const before = snapshotTree(root);
    const result = await run(root, argv);
    expect(result).toMatchObject({ code: 2, stderr: message });
    expect(snapshotTree(root)).toEqual(before);
  });
});
