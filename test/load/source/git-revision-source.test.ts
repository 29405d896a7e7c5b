import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { READ_LIMITS } from '../../../src/io/bounded-read.ts';
import { readPlanFiles } from '../../../src/load/plan-files.ts';
import { FolderSource } from '../../../src/load/source/folder-source.ts';
import { GitRevisionSource, MissingPlanError } from '../../../src/load/source/git-revision-source.ts';
import { findingMessage } from '../../../src/render/findings/messages/index.ts';
import { commitAll, git, initRepository } from '../../helpers/git-repository.ts';
import { tempPlan } from '../../helpers/temp-plan.ts';

/**
 * The base plan committed, then in projects/: a link, a file above the size limit, a subfolder, a
 * folder named like a YAML file, and a submodule (its working-tree folder left empty, as before
 * `git submodule update`).
 */
function repositoryWithOddEntries(): string {
  const dir = tempPlan();
  initRepository(dir);
  const projects = path.join(dir, 'plan/projects');
  symlinkSync('alpha-hub.yaml', path.join(projects, 'linked.yaml'));
  writeFileSync(path.join(projects, 'huge.yaml'), `# ${'x'.repeat(READ_LIMITS.yaml)}\n`);
  mkdirSync(path.join(projects, 'archive'));
  copyFileSync(path.join(projects, 'alpha-hub.yaml'), path.join(projects, 'archive/old.yaml'));
  mkdirSync(path.join(projects, 'drafts.yaml'));
  writeFileSync(path.join(projects, 'drafts.yaml/note.yaml'), 'note: a draft\n');
  const firstCommit = git(dir, 'rev-parse', 'HEAD').trim();
  git(dir, 'update-index', '--add', '--cacheinfo', `160000,${firstCommit},plan/projects/vendored.yaml`);
  mkdirSync(path.join(projects, 'vendored.yaml'));
  commitAll(dir, 'odd entries');
  return dir;
}

describe('GitRevisionSource', () => {
  it('refuses a revision that names no commit, naming it, even one that looks like an option', async () => {
    const dir = tempPlan();
    initRepository(dir);
    for (const revision of ['no-such-branch', '--output=stolen']) {
      await expect(GitRevisionSource.open(dir, revision, 'plan')).rejects.toThrow(new InputError(`revision ${revision} names no commit of the git repository at ${dir}; name a commit, branch or tag`));
    }
  });

  it('stops the run, saying why, when the folder is no git repository', async () => {
    const dir = tempPlan();
    await expect(GitRevisionSource.open(dir, 'HEAD', 'plan')).rejects.toThrow(new RegExp(`^cannot read the git repository at ${dir}: fatal: not a git repository`));
  });

  it('refuses a folder that is not there, or holds no plan.yaml, at that revision', async () => {
    const dir = tempPlan();
    initRepository(dir);
    await expect(GitRevisionSource.open(dir, 'HEAD', 'elsewhere')).rejects.toThrow(/^HEAD:elsewhere: no such folder at revision HEAD \(.+\); name the folder holding plan.yaml$/);
    const missing = GitRevisionSource.open(dir, 'HEAD', 'plan/projects');
    await expect(missing).rejects.toThrow(MissingPlanError);
    await expect(missing).rejects.toThrow('HEAD:plan/projects: no plan.yaml in that folder at revision HEAD; name the folder holding plan.yaml');
  });

  it('lists a folder as the file system does: subfolders are entries, the files inside them are not', async () => {
    const dir = repositoryWithOddEntries();
    const atRevision = await GitRevisionSource.open(dir, 'HEAD', 'plan');
    const onDisk = new FolderSource(path.join(dir, 'plan'), dir);
    const expected = ['alpha-hub.yaml', 'archive', 'drafts.yaml', 'huge.yaml', 'linked.yaml', 'vendored.yaml'];
    expect((await atRevision.list('projects')).sort()).toEqual(expected);
    expect((await onDisk.list('projects')).sort()).toEqual(expected);
    expect(await atRevision.list('consultations')).toEqual([]);
  });

  it('refuses links, submodules, folders and blobs above the limit as findings, and reads the regular files', async () => {
    const dir = repositoryWithOddEntries();
    const files = await readPlanFiles(await GitRevisionSource.open(dir, 'HEAD', 'plan'));
    const findings = Object.fromEntries(files.projects.map((file) => [file.displayPath, file.findings.map((finding) => `${finding.code} ${findingMessage(finding, 'en')}`)]));
    expect(findings).toEqual({
      'HEAD:plan/projects/alpha-hub.yaml': [],
      'HEAD:plan/projects/drafts.yaml': ['FILE_NOT_REGULAR the file is a folder, not a regular file; replace it with a regular file or remove it'],
      'HEAD:plan/projects/huge.yaml': ['FILE_TOO_LARGE the file is larger than 1 MiB, the limit for this kind of file; split it or shorten it'],
      'HEAD:plan/projects/linked.yaml': ['FILE_NOT_REGULAR the file is a symbolic link, not a regular file; replace it with a regular file or remove it'],
      'HEAD:plan/projects/vendored.yaml': ['FILE_NOT_REGULAR the file is a submodule, not a regular file; replace it with a regular file or remove it'],
    });
    expect(files.projects[0]!.data).toMatchObject({ id: 'alpha-hub', title: 'Alpha Hub' });
  });

  it('reads a plan at the top of the repository, naming its files as git does', async () => {
    const dir = path.join(tempPlan(), 'plan');
    initRepository(dir);
    const files = await readPlanFiles(await GitRevisionSource.open(dir, 'main', ''));
    expect([files.plan, ...files.missions, ...files.projects].map((file) => [file.displayPath, file.findings])).toEqual([
      ['main:plan.yaml', []],
      ['main:missions/m1-alpha.yaml', []],
      ['main:missions/m2-beta.yaml', []],
      ['main:projects/alpha-hub.yaml', []],
    ]);
  });

  it('stops the run, naming the object, when the repository lacks a blob its tree names', async () => {
    const dir = tempPlan();
    initRepository(dir);
    const oid = git(dir, 'rev-parse', 'HEAD:plan/projects/alpha-hub.yaml').trim();
    rmSync(path.join(dir, '.git/objects', oid.slice(0, 2), oid.slice(2)));
    await expect(readPlanFiles(await GitRevisionSource.open(dir, 'HEAD', 'plan'))).rejects.toThrow(
      new InputError(`cannot read object ${oid} of the git repository at ${dir} (git cannot tell its size); fetch or repair the repository`),
    );
  });

  it('stops the run, naming the file, when asked for a file that is not at that revision', async () => {
    const dir = tempPlan();
    initRepository(dir);
    const source = await GitRevisionSource.open(dir, 'HEAD', 'plan');
    await expect(source.read(['projects/gone.yaml'], READ_LIMITS.yaml, (file) => file)).rejects.toThrow(new InputError('cannot read HEAD:plan/projects/gone.yaml: no such file at that revision'));
  });
});
