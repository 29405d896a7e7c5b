import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { precompiled } from '../../src/load/precompiled.ts';
import { readReference, REFERENCE_FILES, referenceKey } from '../../src/load/reference-files.ts';
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

it('reads a copy of the shipped files as the build parsed them, and parses an edited one itself', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'psttm-reference-'));
  try {
    cpSync(`${repoRoot}/plan/reference`, path.join(folder, 'reference'), { recursive: true });
    const comuniCsv = path.join(folder, 'reference', 'comuni.csv');
    const shippedRows = parse(readFileSync(comuniCsv, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as unknown[];
    expect(precompiled('reference', referenceKey(REFERENCE_FILES.comuni, readFileSync(comuniCsv)))).toEqual(shippedRows);
    expect((await readReference(new FolderSource(folder))).comuni).toEqual(reference.comuni);

    writeFileSync(comuniCsv, 'istat_code,name,zona_omogenea\n015146,Milano,Milano\n');
    expect((await readReference(new FolderSource(folder))).comuni).toEqual([{ istat: '015146', name: 'Milano', zone: 'Milano' }]);
    // The same bytes under another reference file's name are that file's, and fail its columns.
    cpSync(path.join(`${repoRoot}/plan/reference`, 'comuni.csv'), path.join(folder, 'reference', 'missioni-bilancio.csv'));
    await expect(readReference(new FolderSource(folder))).rejects.toThrow(/missioni-bilancio\.csv: missing column code;/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
