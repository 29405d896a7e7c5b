import { describe, expect, it } from 'vitest';
import { formSourceId, isFormSourceId, metadataRows, readMetadataRows, type FormMetadata, type MetadataRow } from '../../src/model/form-layout.ts';

const METADATA: FormMetadata = {
  formId: 'abc123',
  formatVersion: 1,
  psttmVersion: '0.1.0',
  planId: 'test-plan',
  lead: 'Ufficio Gamma',
  asOf: '2026-11-22',
  due: '2026-12-22',
  language: 'it',
  sheets: { instructions: 'Istruzioni', indicators: 'Indicatori', milestones: 'Milestone', facts: 'Dati di progetto', metadata: 'Metadati' },
  files: [
    { path: 'plan.yaml', sha256: 'aa' },
    { path: 'projects/gamma-rete.yaml', sha256: 'bb' },
  ],
  statusLabels: { idea: 'idea', planned: 'programmato', in_progress: 'in corso', completed: 'concluso', suspended: 'sospeso', cancelled: 'annullato' },
  answerLabels: { yes: 'sì', no: 'no' },
};

describe('the metadata sheet of a form', () => {
  it('holds 8 scalars, then a row per sheet (5), file (2), status (6) and answer (2), and reads back the same', () => {
    const rows = metadataRows(METADATA);
    expect(rows).toHaveLength(8 + 5 + 2 + 6 + 2);
    expect(rows[0]).toEqual(['form_id', 'abc123']);
    expect(rows).toContainEqual(['file', 'projects/gamma-rete.yaml', 'bb']);
    expect(readMetadataRows(rows)).toEqual({ metadata: METADATA });
  });

  it('names what is missing or of another format', () => {
    const rows = metadataRows(METADATA);
    const without = (drop: (row: MetadataRow) => boolean) => readMetadataRows(rows.filter((row) => !drop(row)));
    expect(readMetadataRows(rows.map((row): MetadataRow => (row[0] === 'format_version' ? ['format_version', '2'] : row)))).toEqual({ problem: 'format_version 2 (expected 1)' });
    expect(without((row) => row[0] === 'format_version')).toEqual({ problem: 'format_version missing (expected 1)' });
    expect(without((row) => row[0] === 'lead')).toEqual({ problem: 'lead missing' });
    expect(without((row) => row[0] === 'sheet' && row[1] === 'facts')).toEqual({ problem: 'sheet names missing' });
    expect(without((row) => row[0] === 'status' && row[1] === 'idea')).toEqual({ problem: 'status labels missing' });
    expect(without((row) => row[0] === 'answer')).toEqual({ problem: 'answer labels missing' });
  });
});

describe('the source entry of a returned form', () => {
  it('is named by the first 12 characters of the form id, a valid source id, and told apart from other sources', () => {
    const id = formSourceId('3f9a0c7d12e45b6a8c9d0e1f2a3b4c5d');
    expect(id).toBe('modulo-3f9a0c7d12e4');
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(isFormSourceId(id)).toBe(true);
    expect(isFormSourceId('modulo-regionale')).toBe(false);
    expect(isFormSourceId('capitale-urbano')).toBe(false);
  });
});
