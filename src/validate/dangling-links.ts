import type { ObjectiveChange } from '../compute/diff/plan-diff.js';
import { compareFindings, makeFinding, type Finding } from '../findings/finding.js';
import type { FindingArgs } from '../findings/finding-args.js';
import { locateSpan, type DataPath } from '../load/positions.js';
import type { YamlFile } from '../load/yaml-file.js';
import { currentObjectiveId } from '../model/plan-lookup.js';
import type { PlanCheck } from './check-plan.js';

/**
 * The links of the head's projects and DUPs to objectives the change removed (renumbered without
 * `supersedes` included) and no objective of the head supersedes: each a DANGLING_LINK error at
 * the link, naming the objective that now bears the removed one's title when there is one.
 */
export function danglingLinks(objectives: readonly ObjectiveChange[], head: PlanCheck): Finding[] {
  const model = head.model;
  if (!model) return [];
  const removed = new Map(objectives.filter((objective) => objective.change === 'removed').map((objective) => [objective.id, objective.sameTitleAs]));
  const dangles = (id: string) => removed.has(id) && !model.objectiveById.has(currentObjectiveId(model, id));
  const fileByPath = new Map([...head.files.projects, ...head.files.dups].map((file) => [file.displayPath, file]));
  const findings: Finding[] = [];
  const report = (file: YamlFile, args: FindingArgs['DANGLING_LINK'], path: DataPath) => {
    findings.push(makeFinding('DANGLING_LINK', args, { file: file.displayPath, ...locateSpan(file, path), path: path.join('/') }));
  };
  for (const project of model.projects) {
    project.objectives.forEach((link, index) => {
      if (dangles(link.id)) report(fileByPath.get(project.file)!, { objective: link.id, renumbered: removed.get(link.id) }, ['objectives', index, 'id']);
    });
  }
  for (const dup of model.dups) {
    dup.objectives.forEach((objective, index) => {
      (objective.psttm ?? []).forEach((link, linkIndex) => {
        if (dangles(link.objective)) report(fileByPath.get(dup.file)!, { code: objective.code, objective: link.objective, renumbered: removed.get(link.objective) }, ['objectives', index, 'psttm', linkIndex, 'objective']);
      });
    });
  }
  return findings.sort(compareFindings);
}
