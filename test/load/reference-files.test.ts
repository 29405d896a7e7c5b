import { expect, it } from 'vitest';
import { readReference } from '../../src/load/reference-files.ts';
import { FolderSource } from '../../src/load/source/folder-source.ts';
import { repoRoot } from '../helpers/run-cli.ts';

const reference = await readReference(new FolderSource(`${repoRoot}/plan`));
const zoneSize = (zone: string) => reference.comuni.filter((comune) => comune.zone === zone).length;

it('ships the 133 comuni, Cologno Monzese in Adda Martesana since the zones were redrawn in February 2017', () => {
  expect(reference.comuni).toHaveLength(133);
  expect(reference.findComune('015081')).toEqual({ istat: '015081', name: 'Cologno Monzese', zone: 'Adda Martesana' });
  expect([zoneSize('Nord Milano'), zoneSize('Adda Martesana')]).toEqual([6, 29]);
});

it('finds a comune by the first words of its name only when they fit one', () => {
  expect(reference.comuniNamedFrom('cologno').map((comune) => comune.name)).toEqual(['Cologno Monzese']);
  expect(reference.comuniNamedFrom('Sesto').map((comune) => comune.name)).toEqual(['Sesto San Giovanni']);
  // Whole words only: "San" begins six names, "Sa" none.
  expect(reference.comuniNamedFrom('San')).toHaveLength(6);
  expect(reference.comuniNamedFrom('Sa')).toEqual([]);
  expect(reference.comuniNamedFrom(' ')).toEqual([]);
});
