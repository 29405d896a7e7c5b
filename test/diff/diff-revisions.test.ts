import { realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git } from '../helpers/git-repository.ts';
import { runBinary, type CliResult } from '../helpers/run-cli.ts';
import { tempFolder, tempPlan } from '../helpers/temp-plan.ts';
import { DIFF_DAY, diffInAllFormats, markdownOutline, planRepository } from './diff-repository.ts';

/** A failed run: exit 2, nothing on stdout, and one line on stderr. */
function expectOneLineFailure(result: CliResult, line: string): void {
  expect(result).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
}

const runDiff = (dir: string, ...revisions: string[]) => runBinary(['diff', ...revisions, '--today', DIFF_DAY, '--as-of', DIFF_DAY], { cwd: dir });

describe('psttm diff without revisions', () => {
  /**
   * The base plan on main; on branch `change` a committed retitle of M1.1 and, uncommitted, a vote
   * staged, a status edited and a project file added; on main after the fork, a mission added.
   */
  function branchWithChanges() {
    const plan = planRepository();
    const forkPoint = git(plan.dir, 'rev-parse', 'HEAD').trim();
    git(plan.dir, 'switch', '--quiet', '--create', 'change');
    plan.edit('missions/m1-alpha.yaml', 'title: Primo obiettivo', 'title: Primo obiettivo metropolitano');
    plan.commit('retitle M1.1 on the branch');
    git(plan.dir, 'switch', '--quiet', 'main');
    plan.add('missions/m3-gamma.yaml');
    plan.commit('a mission added on main after the fork');
    git(plan.dir, 'switch', '--quiet', 'change');
    plan.edit('consultations/nord-milano.yaml', 'votes: 4 }', 'votes: 5 }');
    git(plan.dir, 'add', 'plan/consultations/nord-milano.yaml');
    plan.edit('projects/alpha-hub.yaml', 'status: in_progress', 'status: suspended');
    plan.add('projects/gamma-lab.yaml');
    return { dir: plan.dir, forkPoint };
  }

  it('compares where the branch forks from main with the working tree: committed, staged, unstaged and untracked changes, not main’s later commits', async () => {
    const { dir, forkPoint } = branchWithChanges();
    const outputs = await diffInAllFormats(dir, []);
    expect(outputs.code).toBe(0);
    const sides = `main (merge-base ${forkPoint.slice(0, 7)}) → working tree`;
    expect(outputs.text.split('\n').slice(0, 2)).toEqual([`psttm diff ${sides}`, 'Objectives: 1 changed; Projects: 1 changed, 1 added; Consultations: 1 changed; coverage 66.7% → 100%; progress 63.3% → 63.3%.']);
    expect(markdownOutline(outputs.markdown)).toMatchObject({
      heading: `psttm diff ${sides}`,
      sections: {
        'Objectives (1)': [['changed M1.1 Primo obiettivo metropolitano', 'title: Primo obiettivo metropolitano']],
        'Projects (2)': [
          ['changed alpha-hub Alpha Hub (plan/projects/alpha-hub.yaml)', 'status: in_progress → suspended'],
          ['added gamma-lab Gamma Lab (plan/projects/gamma-lab.yaml)', 'now links M1.2'],
        ],
        'Consultations (1)': [['changed nord-milano Workshop Nord Milano', 'votes for M1.1: 4 → 5']],
      },
    });
    expect(outputs.json).toMatchObject({ base: `main (merge-base ${forkPoint.slice(0, 7)})`, head: 'working tree', missions: [] });
  });

  it('takes the base a GitLab merge request or a GitHub pull request names', async () => {
    const { dir, forkPoint } = branchWithChanges();
    const mergeRequest = await diffInAllFormats(dir, [], { CI_MERGE_REQUEST_DIFF_BASE_SHA: forkPoint });
    expect(mergeRequest.json).toMatchObject({ base: `the merge request's base ${forkPoint.slice(0, 12)}`, missions: [], objectives: [{ id: 'M1.1' }] });
    git(dir, 'branch', 'release', forkPoint);
    const pullRequest = await diffInAllFormats(dir, [], { GITHUB_BASE_REF: 'release' });
    expect(pullRequest.json).toMatchObject({ base: `release (merge-base ${forkPoint.slice(0, 7)})`, missions: [], objectives: [{ id: 'M1.1' }] });
  });
});

describe('psttm diff that cannot compare', () => {
  it('exits 2 with one line for a revision that names no commit, on either side', async () => {
    const { dir } = planRepository();
    const repository = realpathSync(dir);
    expectOneLineFailure(await runDiff(dir, 'no-such-branch', 'HEAD'), `psttm: revision no-such-branch names no commit of the git repository at ${repository}; name a commit, branch or tag`);
    expectOneLineFailure(await runDiff(dir, 'HEAD', 'HEAD~7'), `psttm: revision HEAD~7 names no commit of the git repository at ${repository}; name a commit, branch or tag`);
  });

  it('exits 2 with one line for a plan outside any git repository', async () => {
    const dir = tempPlan();
    expectOneLineFailure(
      await runDiff(dir, 'HEAD'),
      `psttm: ${realpathSync(path.join(dir, 'plan'))} is not in a git repository (or git is not installed); psttm diff compares git revisions of the plan: commit the plan with git first`,
    );
  });

  it('exits 2 with one line when the plan is missing at one revision', async () => {
    const dir = tempPlan();
    git(dir, 'init', '--quiet', '--initial-branch=main');
    writeFileSync(path.join(dir, 'README.md'), 'Before the plan.\n');
    git(dir, 'add', 'README.md');
    git(dir, 'commit', '--quiet', '--message', 'no plan yet');
    commitAll(dir, 'the plan');
    const missing = 'plan/ does not exist at HEAD~1, so there is nothing to compare; name revisions that both have it: psttm diff BASE [HEAD]';
    expectOneLineFailure(await runDiff(dir, 'HEAD~1', 'HEAD'), `psttm: ${missing}`);
    expectOneLineFailure(await runDiff(dir, 'HEAD', 'HEAD~1'), `psttm: ${missing}`);
  });

  it('exits 2 with one line when plan.yaml cannot be read at one revision', async () => {
    const plan = planRepository();
    writeFileSync(path.join(plan.dir, 'plan/plan.yaml'), 'id: [\n');
    plan.commit('a broken plan.yaml');
    expectOneLineFailure(await runDiff(plan.dir, 'HEAD~1', 'HEAD'), 'psttm: the plan in HEAD cannot be read (HEAD:plan/plan.yaml:2:1 YAML_SYNTAX); fix it, or compare other revisions');
  });

  it('exits 2 with one line, without revisions, when HEAD shares no commit with the default branch', async () => {
    const { dir } = planRepository();
    git(dir, 'checkout', '--quiet', '--orphan', 'unrelated');
    commitAll(dir, 'the plan again, on a history of its own');
    expectOneLineFailure(await runDiff(dir), `psttm: HEAD and main have no common commit in the git repository at ${realpathSync(dir)}; name the revision to compare with: psttm diff BASE`);
  });

  /** A clone of a plan repository holding only the last commit of each branch, as actions/checkout makes by default. */
  function shallowClone(): string {
    const plan = planRepository();
    git(plan.dir, 'switch', '--quiet', '--create', 'change');
    plan.edit('missions/m1-alpha.yaml', 'title: Primo obiettivo', 'title: Primo obiettivo metropolitano');
    plan.commit('retitle M1.1 on the branch');
    git(plan.dir, 'switch', '--quiet', 'main');
    const clone = tempFolder();
    git(clone, 'clone', '--quiet', '--depth', '1', '--no-single-branch', '--branch', 'change', `file://${plan.dir}`, '.');
    return realpathSync(clone);
  }

  const SHALLOW = '(this clone is shallow: it may lack the commits and branches to compare; fetch them with fetch-depth: 0 in actions/checkout, GIT_DEPTH: 0 in GitLab CI, or git fetch --unshallow)';

  it('says a shallow clone may lack the fork point, and how to fetch it', async () => {
    const clone = shallowClone();
    expectOneLineFailure(await runDiff(clone), `psttm: HEAD and origin/main have no common commit in the git repository at ${clone} ${SHALLOW}; name the revision to compare with: psttm diff BASE`);
  });

  it('says a shallow clone of the pull request alone may lack its base branch, and how to fetch it', async () => {
    const plan = planRepository();
    git(plan.dir, 'switch', '--quiet', '--create', 'change');
    const clone = tempFolder();
    git(clone, 'clone', '--quiet', '--depth', '1', '--single-branch', '--branch', 'change', `file://${plan.dir}`, '.');
    const result = await runBinary(['diff', '--today', DIFF_DAY], { cwd: clone, env: { GITHUB_BASE_REF: 'main' } });
    expectOneLineFailure(result, `psttm: cannot tell which branch to compare with in the git repository at ${realpathSync(clone)} (tried origin/main, main) ${SHALLOW}; name the revision: psttm diff BASE`);
  });

  it('says a shallow clone may lack a revision named, and how to fetch it', async () => {
    const clone = shallowClone();
    expectOneLineFailure(await runDiff(clone, 'HEAD~1'), `psttm: revision HEAD~1 names no commit of the git repository at ${clone} ${SHALLOW}; name a commit, branch or tag`);
  });

  it('exits 2 with one line, without revisions, when no branch says what to compare with', async () => {
    const { dir } = planRepository();
    git(dir, 'branch', '--move', 'main', 'trunk');
    expectOneLineFailure(
      await runDiff(dir),
      `psttm: cannot tell which branch to compare with in the git repository at ${realpathSync(dir)} (tried origin/main, origin/master, main, master); name the revision: psttm diff BASE`,
    );
  });
});
