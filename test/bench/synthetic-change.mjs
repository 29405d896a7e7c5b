// The change a benchmarked `psttm diff` reads, made to a synthetic plan (synthetic-plan.mjs): every 20th project
// (5 %) edited in turn with a new actual, a link removed (or, with one link, its status) or its status, and the
// last objective of M1 renumbered into the place of the one before it, with supersedes. Not plan data.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/** A date after every synthetic actual (the last is 2026-10-15) and before the benchmark's as-of date. */
const NEW_ACTUAL_DATE = '2026-11-15';

/**
 * Edit the plan folder `planDir` in place; returns how many projects changed and the renumbering.
 * @param {string} planDir
 */
export function writeSyntheticChange(planDir) {
  const projectsDir = path.join(planDir, 'projects');
  const changed = readdirSync(projectsDir).sort().filter((_, index) => index % 20 === 0);
  changed.forEach((file, index) => {
    const project = parse(readFileSync(path.join(projectsDir, file), 'utf8'));
    const [indicator] = project.indicators;
    if (index % 3 === 0) indicator.actuals.push({ value: indicator.targets[0].value, date: NEW_ACTUAL_DATE, source: 'sintesi' });
    else if (index % 3 === 1 && project.objectives.length > 1) project.objectives.pop();
    else project.status = project.status === 'completed' ? 'in_progress' : 'completed';
    writeFileSync(path.join(projectsDir, file), stringify(project));
  });
  // M1.14 and M1.15 mark all three actor columns, so links to M1.14 stay valid when M1.15 takes its id.
  const missionFile = path.join(planDir, 'missions', readdirSync(path.join(planDir, 'missions')).sort()[0] ?? '');
  const mission = parse(readFileSync(missionFile, 'utf8'));
  const last = mission.objectives.pop();
  const replaced = mission.objectives.pop();
  mission.objectives.push({ ...last, id: replaced.id, supersedes: [last.id] });
  writeFileSync(missionFile, stringify(mission));
  return { projects: changed.length, renumbered: `${last.id} → ${replaced.id}` };
}
