import { locate, type DataPath } from '../../load/positions.js';
import type { YamlFile } from '../../load/yaml-file.js';
import { parseObjectiveId } from '../../model/ids.js';
import type { PlanRule, Report } from './rule.js';

interface NumberedItem {
  id: string;
  number: number;
  file: YamlFile;
  path: DataPath;
}

/**
 * Missions are numbered M1, M2, … across files, and each mission's objectives M<n>.1, M<n>.2, … in
 * order, without gaps or repeats; an objective's id names the mission whose file holds it.
 */
export const numberingRule: PlanRule = ({ missions, missionFileCount }, report) => {
  // A mission file that failed its schema has no trusted id: judging the sequence without it would blame its neighbours.
  if (missions.length === missionFileCount) {
    const missionItems = missions.map(({ file, data }) => ({ id: data.id, number: Number(data.id.slice(1)), file, path: ['id'] }));
    checkSequence(missionItems, (n) => `M${n}`, report);
  }

  const firstObjective = new Map<string, NumberedItem>();
  for (const { file, data } of missions) {
    const inMission: NumberedItem[] = [];
    data.objectives.forEach((objective, index) => {
      const item = { id: objective.id, number: 0, file, path: ['objectives', index, 'id'] };
      const first = firstObjective.get(objective.id);
      if (first) {
        report(file, 'DUPLICATE_ID', { case: 'objective', id: objective.id, where: where(first) }, item.path);
        return;
      }
      firstObjective.set(objective.id, item);
      const parsed = parseObjectiveId(objective.id);
      if (parsed?.missionId !== data.id) {
        report(file, 'OBJECTIVE_MISSION_MISMATCH', { objective: objective.id, mission: data.id }, item.path);
        return;
      }
      inMission.push({ ...item, number: parsed.number });
    });
    checkSequence(inMission, (n) => `${data.id}.${n}`, report);
  }
};

/** Report repeats, gaps and disorder in a sequence that should read 1, 2, 3, … */
function checkSequence(items: NumberedItem[], idOf: (n: number) => string, report: Report): void {
  const seen = new Map<number, NumberedItem>();
  let expected = 1;
  for (const item of items) {
    const first = seen.get(item.number);
    if (first) {
      report(item.file, 'DUPLICATE_ID', { case: 'numbered', id: item.id, where: where(first) }, item.path);
      continue;
    }
    seen.set(item.number, item);
    if (item.number > expected) {
      const gap = { id: item.id, previous: expected > 1 ? idOf(expected - 1) : undefined, missingFrom: idOf(expected), missingTo: item.number - expected === 1 ? undefined : idOf(item.number - 1) };
      report(item.file, 'NUMBERING_GAP', gap, item.path);
    } else if (item.number < expected) {
      report(item.file, 'NUMBERING_ORDER', { id: item.id, previous: idOf(expected - 1) }, item.path);
    }
    expected = Math.max(expected, item.number + 1);
  }
}

function where(item: NumberedItem): string {
  return `${item.file.displayPath}:${locate(item.file, item.path).line}`;
}
