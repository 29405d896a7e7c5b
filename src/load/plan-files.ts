import path from 'node:path';
import { READ_LIMITS } from '../io/bounded-read.js';
import { compareNatural } from '../model/natural-order.js';
import type { Reference } from '../model/reference.js';
import { FOLDER_KIND_NAMES, FOLDER_KINDS, KIND_FILE_NAME, PLAN_FILE, type FolderKind } from './file-kinds.js';
import { readReference } from './reference-files.js';
import type { PlanSource } from './source/plan-source.js';
import { readYamlFile, type YamlFile } from './yaml-file.js';

/** The files of a plan, read but not yet validated: plan.yaml, and the files of each folder kind. */
export type PlanFiles = {
  source: PlanSource;
  plan: YamlFile;
  reference: Reference;
} & Record<FolderKind, YamlFile[]>;

/** Read every file of the plan from `source`: the kinds' folders are listed first, then all YAML files read in one go. */
export async function readPlanFiles(source: PlanSource): Promise<PlanFiles> {
  const folders = await Promise.all(FOLDER_KIND_NAMES.map((kind) => listKindFiles(source, FOLDER_KINDS[kind].folder)));
  const reference = await readReference(source);
  const [plan, ...rest] = await source.read([PLAN_FILE, ...folders.flat()], READ_LIMITS.yaml, readYamlFile);
  const byKind = Object.fromEntries(FOLDER_KIND_NAMES.map((kind, index) => [kind, rest.splice(0, folders[index]!.length)])) as Record<FolderKind, YamlFile[]>;
  return { source, plan: plan!, reference, ...byKind };
}

/** The YAML files of a plan as findings name them: plan.yaml, then those of every folder kind. */
export function planFilePaths(files: PlanFiles): string[] {
  return [files.plan, ...FOLDER_KIND_NAMES.flatMap((kind) => files[kind])].map((file) => file.displayPath);
}

/** The paths of the YAML files directly inside `folder`, in natural order; none when the folder is absent. */
async function listKindFiles(source: PlanSource, folder: string): Promise<string[]> {
  const names = await source.list(folder);
  return names
    .filter((name) => KIND_FILE_NAME.test(name))
    .sort(compareNatural)
    .map((name) => path.posix.join(folder, name));
}
