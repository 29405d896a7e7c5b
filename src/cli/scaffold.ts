import path from 'node:path';
import { packagePaths, packageVersion } from '../io/package-paths.js';
import { INIT_TEMPLATES, readInitTemplate, readPackageFolder } from '../load/scaffold-sources.js';
import { fillTemplate } from '../render/scaffold/fill-template.js';
import { vscodeSettings } from '../render/scaffold/editor-settings.js';
import type { Io } from './io.js';
import { checkPlanAt, requireModel } from './plan-input.js';

/** A file of a new plan repository, by its path relative to the repository (with `/`). */
export interface ScaffoldFile {
  relative: string;
  content: string | Uint8Array;
}

export interface ScaffoldChoice {
  /** A skeleton of one mission and one objective instead of the shipped PSTTM 2025-2027. */
  empty: boolean;
  /** The date of the coverage written into the CI files as their ratchet. */
  today: string;
}

/** The CI files: the template under templates/init/ → where the repository keeps it. */
const CI_FILES: readonly (readonly [template: string, relative: string])[] = [
  ['github-workflow.yml', '.github/workflows/psttm.yml'],
  ['gitlab-ci.yml', '.gitlab-ci.yml'],
];

/**
 * Every file `psttm init` writes: the plan, the schemas (so the modelines of the plan's files, and
 * of those psttm writes later, resolve inside the repository), the editors' README, the CI files
 * pinned to this version of psttm with the plan's current coverage as their threshold, and the
 * editor settings mapping the schemas to the plan's files.
 */
export async function scaffoldFiles(choice: ScaffoldChoice, io: Io): Promise<ScaffoldFile[]> {
  const planDir = choice.empty ? path.join(INIT_TEMPLATES, 'empty-plan') : packagePaths.shippedPlan;
  const values = {
    PSTTM_VERSION: packageVersion(),
    COVERAGE_FLOOR: String(await coverageFloor(planDir, choice.today, io)),
    PLAN_ORIGIN: readInitTemplate(choice.empty ? 'plan-empty.md' : 'plan-shipped.md', io.cwd).trimEnd(),
  };
  const filled = (template: string) => fillTemplate(readInitTemplate(template, io.cwd), values, template);
  return [
    ...readPackageFolder(planDir, io.cwd).map((file) => ({ relative: `plan/${file.relative}`, content: file.bytes })),
    ...readPackageFolder(packagePaths.schemas, io.cwd).map((file) => ({ relative: `schemas/${file.relative}`, content: file.bytes })),
    { relative: 'README.md', content: filled('README.md') },
    ...CI_FILES.map(([template, relative]) => ({ relative, content: filled(template) })),
    { relative: '.vscode/settings.json', content: vscodeSettings() },
  ];
}

/** The share of the plan's objectives that have a project as of `today`, in whole percent rounded down: coverage --fail-under passes at it. */
async function coverageFloor(planDir: string, today: string, io: Io): Promise<number> {
  const model = requireModel(await checkPlanAt({ dir: planDir, origin: 'option' }, today, io));
  const [{ computeCoverage }, { countedInitiatives }, { computePriorities }] = await Promise.all([import('../compute/coverage.js'), import('../compute/initiatives.js'), import('../compute/priorities.js')]);
  const share = computeCoverage(model, countedInitiatives(model, today), computePriorities(model, today), today).plan.share ?? 0;
  return Math.floor(share * 100);
}
