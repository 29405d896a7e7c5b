import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderSource } from '../../src/load/source/folder-source.ts';
import { GitRevisionSource } from '../../src/load/source/git-revision-source.ts';
import type { PlanModel } from '../../src/model/plan-model.ts';
import { openPlan } from '../../src/validate/open-plan.ts';
import { commitAll, git, initRepository } from '../helpers/git-repository.ts';
import { repoRoot } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

const today = '2026-11-22';

/** A repository holding the shipped plan in plan/, committed. */
function shippedPlanRepository(): string {
  const dir = tempPlan();
  rmSync(path.join(dir, 'plan'), { recursive: true });
  cpSync(path.join(repoRoot, 'plan'), path.join(dir, 'plan'), { recursive: true });
  initRepository(dir);
  return dir;
}

function replaceInFile(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

async function modelAt(source: FolderSource | GitRevisionSource): Promise<PlanModel> {
  const check = await openPlan(source, { today });
  expect(check.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  return check.model!;
}

const titleOf = (model: PlanModel, id: string) => model.projectById.get(id)?.title;
const linksOf = (model: PlanModel, id: string) => model.projectById.get(id)?.objectives.map((link) => link.id);

describe('openPlan at two git revisions and at the working tree', () => {
  it('reads each state of the plan, leaving the working tree and the index as they were', async () => {
    const dir = shippedPlanRepository();
    const projects = path.join(dir, 'plan/projects');
    // Revision 2: a link added, a project removed, a title edited.
    replaceInFile(path.join(projects, 'polihub.yaml'), '  - id: M4.4\n', '  - id: M4.4\n  - id: M3.1\n');
    rmSync(path.join(projects, 'fabriq-quarto.yaml'));
    replaceInFile(path.join(projects, 'reti-impresa.yaml'), "title: Reti d'impresa,", "title: Reti d'impresa (rivisto),");
    commitAll(dir, 'link, remove, retitle');
    // The working tree: one more title edited, one file staged, neither committed.
    replaceInFile(path.join(projects, 'polihub.yaml'), 'title: PoliHub,', 'title: PoliHub (bozza),');
    replaceInFile(path.join(projects, 'fabriq.yaml'), 'title: FabriQ,', 'title: FabriQ (in stage),');
    git(dir, 'add', 'plan/projects/fabriq.yaml');
    const indexFile = path.join(dir, '.git/index');
    const statusBefore = git(dir, 'status', '--porcelain');
    expect(statusBefore).toBe('M  plan/projects/fabriq.yaml\n M plan/projects/polihub.yaml\n');
    const indexBefore = { hash: createHash('sha256').update(readFileSync(indexFile)).digest('hex'), mtimeMs: statSync(indexFile).mtimeMs };

    const shipped = await modelAt(new FolderSource(path.join(repoRoot, 'plan'), repoRoot));
    const first = await modelAt(await GitRevisionSource.open(dir, 'HEAD~1', 'plan'));
    const second = await modelAt(await GitRevisionSource.open(dir, 'main', 'plan'));
    const workingTree = await modelAt(new FolderSource(path.join(dir, 'plan'), dir));

    // Revision 1 is the shipped plan, file for file.
    const withoutFiles = (model: PlanModel) => model.projects.map(({ file, ...project }) => project);
    expect(withoutFiles(first)).toEqual(withoutFiles(shipped));
    expect(first.objectives).toEqual(shipped.objectives);
    expect(first.projectById.get('polihub')?.file).toBe('HEAD~1:plan/projects/polihub.yaml');
    // Revision 2: the three changes, and nothing else.
    expect(second.projects.map((project) => project.id)).toEqual(first.projects.map((project) => project.id).filter((id) => id !== 'fabriq-quarto'));
    expect(linksOf(first, 'polihub')).toEqual(['M1.8', 'M4.4']);
    expect(linksOf(second, 'polihub')).toEqual(['M1.8', 'M4.4', 'M3.1']);
    expect(titleOf(second, 'reti-impresa')).toBe("Reti d'impresa (rivisto), networking tra cluster produttivi");
    expect(withoutFiles(second).filter((project) => !['polihub', 'reti-impresa'].includes(project.id))).toEqual(withoutFiles(first).filter((project) => !['polihub', 'reti-impresa', 'fabriq-quarto'].includes(project.id)));
    // The working tree: revision 2 with the uncommitted titles; the revisions saw none of them.
    expect(titleOf(workingTree, 'polihub')).toBe("PoliHub (bozza), l'incubatore del Politecnico di Milano");
    expect(titleOf(workingTree, 'fabriq')).toBe('FabriQ (in stage), una casa per le startup sociali');
    expect([titleOf(second, 'polihub'), titleOf(second, 'fabriq')]).toEqual([titleOf(first, 'polihub'), titleOf(first, 'fabriq')]);
    expect(linksOf(workingTree, 'polihub')).toEqual(linksOf(second, 'polihub'));

    // The index first: git status itself may refresh it.
    expect({ hash: createHash('sha256').update(readFileSync(indexFile)).digest('hex'), mtimeMs: statSync(indexFile).mtimeMs }).toEqual(indexBefore);
    expect(git(dir, 'status', '--porcelain')).toBe(statusBefore);
  });
});
