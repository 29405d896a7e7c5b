import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FolderSource } from '../src/load/source/folder-source.ts';
import type { PlanModel } from '../src/model/plan-model.ts';
import { openPlan } from '../src/validate/open-plan.ts';
import { repoRoot } from './helpers/run-cli.ts';

const RADIO = '<input type="radio"/>';
const COLUMNS = ['citta_metropolitana', 'comuni', 'corpi_intermedi'] as const;

interface SourceRow {
  id: string;
  title: string;
  marks: boolean[];
}

/** The objectives tables of the source text: rows "N title<TAB>mark<TAB>mark<TAB>mark" under "MISSIONE N.". */
function sourceTables(): Map<string, SourceRow[]> {
  const text = readFileSync(path.join(repoRoot, 'test/fixtures/sources/psttm-2025-2027-cap3.txt'), 'utf8');
  const tables = new Map<string, SourceRow[]>();
  let mission = '';
  for (const line of text.split('\n')) {
    const heading = /^MISSIONE (\d)\./.exec(line);
    if (heading) tables.set((mission = `M${heading[1]}`), []);
    const row = /^(\d+)[ \t](.*)$/.exec(line);
    if (mission && row && line.includes(RADIO)) {
      const [title = '', ...cells] = row[2]!.split('\t');
      tables.get(mission)!.push({ id: `${mission}.${row[1]}`, title, marks: cells.map((cell) => cell.trim() === RADIO) });
    }
  }
  return tables;
}

/** Only PDF noise may differ: whitespace and bold markup. */
const words = (text: string) => text.replaceAll('**', '').replace(/\s+/g, '');

describe('the shipped plan is faithful to the PSTTM 2025-2027 text', () => {
  let model: PlanModel;
  const tables = sourceTables();
  beforeAll(async () => {
    const check = await openPlan(new FolderSource(path.join(repoRoot, 'plan'), repoRoot), { today: '2026-11-22' });
    expect(check.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    model = check.model!;
  });

  it('has the six missions with the source counts: 15, 17, 14, 11, 13 and none for M6', () => {
    expect(model.missions.map((mission) => [mission.id, mission.objectives.length])).toEqual([...tables].map(([id, rows]) => [id, rows.length]));
    expect(model.missions.map((mission) => mission.objectives.length)).toEqual([15, 17, 14, 11, 13, 0]);
    expect(model.objectives).toHaveLength(70);
    expect(model.missionById.get('M6')?.objectivesTranscribed).toBe(false);
  });

  it('marks exactly the actor columns the source marks, objective by objective', () => {
    const shipped = model.objectives.map((objective) => [objective.id, COLUMNS.map((column) => objective.actors[column])]);
    const source = [...tables.values()].flat().map((row) => [row.id, row.marks]);
    expect(shipped).toEqual(source);
  });

  it('keeps every title word for word (only spacing cleaned)', () => {
    const shipped = model.objectives.map((objective) => [objective.id, words(objective.title)]);
    const source = [...tables.values()].flat().map((row) => [row.id, words(row.title)]);
    expect(shipped).toEqual(source);
  });

  it('has the five vision keywords, three coordinates, three directions and three actor columns', () => {
    expect(model.vision.keywords.map((keyword) => keyword.name)).toEqual(['Sostenibilità', 'Connettività', 'Prossimità', 'Inclusione', 'Attrattività']);
    expect(model.actionCoordinates.map((coordinate) => coordinate.name)).toEqual(['regia e coordinamento', 'riordino territoriale', 'sostegno e servizio ai Comuni']);
    expect(model.directions.map((direction) => direction.actor_column)).toEqual([...COLUMNS]);
    expect(model.actorColumns.map((column) => column.id)).toEqual([...COLUMNS]);
    expect(model.period).toEqual({ start: 2025, end: 2027 });
  });
});
