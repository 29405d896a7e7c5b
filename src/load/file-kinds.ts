/** The plan's own file, at the top of the plan folder. */
export const PLAN_FILE = 'plan.yaml';

/**
 * The plan's folders of YAML files, one record per file, by the name the plan's files give the
 * list, with the schema its files follow (schemas/<schema>.schema.json). A new kind of file is one
 * entry here, plus its schema and its rules.
 */
export const FOLDER_KINDS = {
  missions: { folder: 'missions', schema: 'mission' },
  projects: { folder: 'projects', schema: 'project' },
  consultations: { folder: 'consultations', schema: 'consultation' },
  dups: { folder: 'dup', schema: 'dup' },
} as const;

export type FolderKind = keyof typeof FOLDER_KINDS;

export const FOLDER_KIND_NAMES = Object.keys(FOLDER_KINDS) as FolderKind[];

/** The files of a kind's folder that are read: YAML files directly inside it (subfolders are not looked into). */
export const KIND_FILE_NAME = /\.ya?ml$/i;

