import path from 'node:path';
import { locate, type DataPath } from '../../load/positions.js';
import type { YamlFile } from '../../load/yaml-file.js';
import { closestMatch } from '../../model/did-you-mean.js';
import { normalizeId, parseObjectiveId } from '../../model/ids.js';
import { currentObjectiveId } from '../../model/plan-lookup.js';
import type { DupData, DupObjectiveData } from '../../model/plan-data.js';
import { linkablePlan, type CheckedFile, type ProjectRule, type ProjectRuleContext, type Report } from './rule.js';

/** `file:line` of a data path, for messages that point back at a first occurrence. */
function where(file: YamlFile, dataPath: DataPath): string {
  return `${file.displayPath}:${locate(file, dataPath).line}`;
}

/**
 * A comune's DUP names it as plan/reference does, in a file named after its ISTAT code, once per
 * comune; its objectives have unique codes, strategic parents, budget missioni and programmi that
 * exist and agree, and links to PSTTM objectives the plan has, each once.
 */
export const dupFilesRule: ProjectRule = (context, report) => {
  const { dups, reference } = context;
  const firstFileOf = new Map<string, YamlFile>();
  for (const { file, data } of dups) {
    const { istat, name } = data.comune;
    const comune = reference.comuneByIstat.get(istat);
    if (!comune) {
      const match = reference.findComune(name);
      report(file, 'DUP_UNKNOWN_COMUNE', { istat, match: match && { name: match.name, istat: match.istat } }, ['comune', 'istat']);
    } else if (reference.findComune(name) !== comune) {
      report(file, 'DUP_COMUNE_MISMATCH', { istat, name, expected: comune.name }, ['comune', 'name']);
    }
    const fileName = path.posix.basename(file.displayPath);
    if (!fileName.startsWith(`${istat}-`)) report(file, 'DUP_FILE_NAME', { name: fileName, istat }, ['comune', 'istat']);
    const first = firstFileOf.get(istat);
    if (first) report(file, 'DUP_COMUNE_TWICE', { istat, name, where: where(first, ['comune', 'istat']) }, ['comune', 'istat']);
    else firstFileOf.set(istat, file);
    checkObjectives({ file, data }, context, report);
  }
};

function checkObjectives({ file, data }: CheckedFile<DupData>, context: ProjectRuleContext, report: Report): void {
  const plan = linkablePlan(context);
  const objectiveIds = [...(plan?.objectiveById.keys() ?? [])];
  const budgetMissions = new Set(context.reference.budgetMissions.map((mission) => mission.code));
  const byCode = new Map<string, { objective: DupObjectiveData; index: number }>();
  data.objectives.forEach((objective, index) => {
    if (!byCode.has(objective.code)) byCode.set(objective.code, { objective, index });
  });

  data.objectives.forEach((objective, index) => {
    const at = (...rest: DataPath) => ['objectives', index, ...rest];
    const { code } = objective;
    const first = byCode.get(code)!;
    if (first.index !== index) report(file, 'DUP_DUPLICATE_CODE', { code, where: where(file, ['objectives', first.index, 'code']) }, at('code'));

    if (objective.parent !== undefined) {
      const parent = byCode.get(objective.parent)?.objective;
      if (objective.level === 'strategico') report(file, 'DUP_PARENT_NOT_STRATEGIC', { case: 'strategic-child', code, parent: objective.parent }, at('parent'));
      else if (!parent) report(file, 'DUP_PARENT_MISSING', { code, parent: objective.parent }, at('parent'));
      else if (parent.level !== 'strategico') report(file, 'DUP_PARENT_NOT_STRATEGIC', { case: 'operational-parent', code, parent: objective.parent }, at('parent'));
    }

    if (objective.missione !== undefined && !budgetMissions.has(objective.missione)) report(file, 'DUP_UNKNOWN_MISSIONE', { code, missione: objective.missione }, at('missione'));
    const missione = objective.missione;
    if (objective.programma !== undefined && missione !== undefined && !objective.programma.startsWith(`${missione}.`)) {
      report(file, 'DUP_PROGRAMMA_OUTSIDE_MISSIONE', { code, programma: objective.programma, missione }, at('programma'));
    }

    const rejected = new Set(objective.rejected ?? []);
    const linked = new Set<string>();
    (objective.psttm ?? []).forEach((link, linkIndex) => {
      const linkPath = at('psttm', linkIndex, 'objective');
      if (linked.has(link.objective)) report(file, 'DUP_DUPLICATE_LINK', { case: 'linked-twice', code, objective: link.objective }, linkPath);
      else if (rejected.has(link.objective)) report(file, 'DUP_DUPLICATE_LINK', { case: 'linked-and-rejected', code, objective: link.objective }, linkPath);
      linked.add(link.objective);
      if (!plan) return;
      const current = currentObjectiveId(plan, link.objective);
      if (current !== link.objective) report(file, 'LINK_TO_SUPERSEDED', { code, objective: link.objective, current }, linkPath);
      if (plan.objectiveById.has(current)) return;
      const mission = plan.missionById.get(parseObjectiveId(link.objective)?.missionId ?? normalizeId(link.objective));
      if (mission && !mission.objectivesTranscribed) {
        report(file, 'DUP_MISSION_WITHOUT_OBJECTIVES', { code, objective: link.objective, mission: mission.id, title: mission.title }, linkPath);
      } else {
        report(file, 'DUP_UNKNOWN_OBJECTIVE', { code, objective: link.objective, suggestion: closestMatch(normalizeId(link.objective), objectiveIds) }, linkPath);
      }
    });
  });
}
