import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { RunError } from '../cli/errors.js';
import { displayPath } from '../io/display-path.js';
import { describeFsError } from '../io/fs-errors.js';
import { compareNatural } from '../model/natural-order.js';
import type { Reference } from '../model/reference.js';
import type { PlanLocation } from './plan-location.js';
import { readReference } from './reference-files.js';
import { readYamlFile, type YamlFile } from './yaml-file.js';

/** The files of a plan folder, read but not yet validated. */
export interface PlanFiles {
  location: PlanLocation;
  plan: YamlFile;
  missions: YamlFile[];
  projects: YamlFile[];
  consultations: YamlFile[];
  reference: Reference;
}

export async function readPlanFiles(location: PlanLocation, cwd: string): Promise<PlanFiles> {
  const read = (absPath: string) => readYamlFile(absPath, displayPath(absPath, cwd));
  const [missionPaths, projectPaths, consultationPaths] = await Promise.all([
    listYamlFiles(path.join(location.dir, 'missions'), cwd),
    listYamlFiles(path.join(location.dir, 'projects'), cwd),
    listYamlFiles(path.join(location.dir, 'consultations'), cwd),
  ]);
  const reference = readReference(location.dir, cwd);
  return {
    location,
    plan: read(path.join(location.dir, 'plan.yaml')),
    missions: missionPaths.map(read),
    projects: projectPaths.map(read),
    consultations: consultationPaths.map(read),
    reference,
  };
}

/** The .yaml/.yml files directly inside `dir`, in natural order; none when the folder is absent. */
export async function listYamlFiles(dir: string, cwd: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new RunError(`cannot list ${displayPath(dir, cwd)}: ${describeFsError(error)}`);
  }
  return names
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort(compareNatural)
    .map((name) => path.join(dir, name));
}
