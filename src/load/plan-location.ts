import { existsSync } from 'node:fs';
import path from 'node:path';
import { RunError } from '../cli/errors.js';
import { packagePaths } from '../io/package-paths.js';

export type PlanOrigin = 'option' | 'ancestor' | 'shipped';

export interface PlanLocation {
  /** The folder holding plan.yaml. */
  dir: string;
  origin: PlanOrigin;
}

const PLAN_FILE = 'plan.yaml';

/**
 * Where the plan is: `--plan DIR` (the plan folder itself or a folder holding plan/), else the
 * nearest ancestor of the working directory holding plan/plan.yaml, else the plan shipped with psttm.
 */
export function locatePlan(option: string | undefined, cwd: string): PlanLocation {
  if (option !== undefined) {
    const dir = path.resolve(cwd, option);
    for (const candidate of [dir, path.join(dir, 'plan')]) {
      if (existsSync(path.join(candidate, PLAN_FILE))) return { dir: candidate, origin: 'option' };
    }
    throw new RunError(`--plan ${option}: no ${PLAN_FILE} in that folder or in its plan/ folder; point --plan at the folder holding ${PLAN_FILE}`);
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'plan');
    if (existsSync(path.join(candidate, PLAN_FILE))) return { dir: candidate, origin: 'ancestor' };
    if (path.dirname(dir) === dir) break;
  }
  return { dir: path.resolve(packagePaths.shippedPlan), origin: 'shipped' };
}
