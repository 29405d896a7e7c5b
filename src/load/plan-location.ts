import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { describeFileKind } from '../io/bounded-read.js';
import { displayPath } from '../io/display-path.js';
import { describeFsError } from '../io/fs-errors.js';
import { packagePaths } from '../io/package-paths.js';
import { PLAN_FILE } from './file-kinds.js';

type PlanOrigin = 'option' | 'ancestor' | 'shipped';

export interface PlanLocation {
  /** The folder holding plan.yaml. */
  dir: string;
  origin: PlanOrigin;
}

/**
 * Where the plan is: `--plan DIR` (the plan folder itself or a folder holding plan/), else the
 * nearest ancestor of the working directory holding plan/plan.yaml, else the plan shipped with psttm.
 * A plan.yaml that is there but cannot be read (a folder, a dangling link, no permission) stops the
 * run saying so, rather than passing for a missing one.
 */
export function locatePlan(option: string | undefined, cwd: string): PlanLocation {
  if (option !== undefined) {
    const dir = path.resolve(cwd, option);
    const folderProblem = problemWithFolder(dir);
    if (folderProblem) throw new InputError(`--plan ${option}: ${folderProblem}; point --plan at the folder holding ${PLAN_FILE}`);
    for (const candidate of [dir, path.join(dir, 'plan')]) {
      const planFile = path.join(candidate, PLAN_FILE);
      const problem = problemWithPlanFile(planFile);
      if (problem === undefined) return { dir: candidate, origin: 'option' };
      if (problem !== 'missing') throw new InputError(`--plan ${option}: ${displayPath(planFile, cwd)} ${problem}`);
    }
    throw new InputError(`--plan ${option}: no ${PLAN_FILE} in that folder or in its plan/ folder; point --plan at the folder holding ${PLAN_FILE}`);
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'plan');
    const planFile = path.join(candidate, PLAN_FILE);
    const problem = problemWithPlanFile(planFile);
    if (problem === undefined) return { dir: candidate, origin: 'ancestor' };
    if (problem !== 'missing') throw new InputError(`${displayPath(planFile, cwd)} ${problem}, or pass --plan DIR`);
    if (path.dirname(dir) === dir) break;
  }
  return { dir: path.resolve(packagePaths.shippedPlan), origin: 'shipped' };
}

/** Why `dir` is not a folder psttm can look into, or undefined when it is one. */
function problemWithFolder(dir: string): string | undefined {
  try {
    const stats = statSync(dir);
    return stats.isDirectory() ? undefined : `it is ${describeFileKind(stats)}, not a folder`;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : describeFsError(error);
  }
}

/**
 * 'missing' when there is no plan.yaml at all; else why the plan.yaml that is there cannot be read,
 * as a phrase completing "<file> …" with what to do; undefined when it is a regular file.
 */
function problemWithPlanFile(planFile: string): string | undefined {
  try {
    const stats = statSync(planFile, { throwIfNoEntry: false });
    if (stats === undefined) return lstatSync(planFile, { throwIfNoEntry: false }) ? 'is a link to a file that does not exist; fix or remove the link' : 'missing';
    return stats.isFile() ? undefined : `is ${describeFileKind(stats)}, not a regular file; make it the plan's YAML file`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const fix = code === 'EACCES' || code === 'EPERM' ? 'check the permissions of the file and of its folders' : 'fix or remove it';
    return `cannot be read: ${describeFsError(error)}; ${fix}`;
  }
}
